import { Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { recordPath } from '../../../app/recordPaths';
import { useFormat } from '../../../ui/useFormat';
import { columnsOf, type Period, type TimelineItem, type TimelineLayout } from '../timelineModel';
import { itemDate, itemWhat, TYPE_COLORS } from './itemText';

type TimelineDrawingProps = {
  period: Period;
  layout: TimelineLayout;
  /** The share of the width each item keeps for its label (the layout packed lanes with it). */
  minWidth: number;
  today: string;
  /** Opens a column (a year of a decade, a month of a year) one zoom level closer. */
  onZoomInto: ((date: string) => void) | null;
};

const LANE_HEIGHT = 34;
const SOMETIME_SHOWN = 6;

/**
 * The period drawn to scale for the mouse: a column per year, month or day, each moment a bar
 * across every day its date may mean (dashed when the date is vaguer than a day), and above the
 * columns a band for dates vaguer than them. Hidden from assistive technology, which gets the same
 * moments as the list below; every bar still opens its record on a click.
 */
export function TimelineDrawing({
  period,
  layout,
  minWidth,
  today,
  onZoomInto,
}: TimelineDrawingProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const columns = columnsOf(period);
  const open = (item: TimelineItem) => {
    const path = recordPath(item.recordKind, item.recordId);
    if (path) void navigate(path);
  };
  const columnLabel = (date: string) => {
    if (period.zoom === 'decade') return date;
    if (period.zoom === 'year') return format.monthName(Number(date.slice(5, 7)));
    return String(Number(date.slice(8, 10)));
  };
  const todayLeft =
    today >= period.first && today <= period.last
      ? columns.find((column) => column.date === today.slice(0, column.date.length))
      : undefined;
  const bandLabel = (date: string) => t('timeline.sometimeIn', { period: format.date(date) });

  return (
    <Box
      aria-hidden
      data-testid="timeline-drawing"
      sx={{
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: 'background.paper',
        mb: 3,
        userSelect: 'none',
      }}
    >
      <Box sx={{ position: 'relative', height: 28, borderBottom: 1, borderColor: 'divider' }}>
        {columns.map((column) => (
          <Box
            key={column.date}
            onClick={onZoomInto ? () => onZoomInto(column.date) : undefined}
            title={onZoomInto ? format.date(column.date) : undefined}
            sx={{
              position: 'absolute',
              left: `${column.left * 100}%`,
              width: `${column.width * 100}%`,
              top: 0,
              bottom: 0,
              px: 0.5,
              fontSize: 12,
              lineHeight: '28px',
              color: 'text.secondary',
              overflow: 'hidden',
              whiteSpace: 'nowrap',
              textOverflow: 'ellipsis',
              textAlign: period.zoom === 'month' ? 'center' : 'left',
              cursor: onZoomInto ? 'zoom-in' : 'default',
              '&:hover': onZoomInto ? { bgcolor: 'action.hover' } : undefined,
            }}
          >
            {columnLabel(column.date)}
          </Box>
        ))}
      </Box>
      {layout.sometime.length > 0 && (
        <Box sx={{ p: 1, borderBottom: 1, borderColor: 'divider', bgcolor: 'action.hover' }}>
          {layout.sometime.slice(0, SOMETIME_SHOWN).map((item) => (
            <Box
              key={item.key}
              onClick={() => open(item)}
              title={`${bandLabel(item.date)} · ${itemWhat(item, t)} · ${format.text(item.title)}`}
              data-testid="timeline-sometime-bar"
              sx={{
                border: '2px dashed',
                borderColor: TYPE_COLORS[item.type],
                borderRadius: 1,
                px: 1,
                mb: 0.5,
                fontSize: 13,
                cursor: 'pointer',
                whiteSpace: 'nowrap',
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                bgcolor: 'background.paper',
              }}
            >
              {`${bandLabel(item.date)} · ${itemWhat(item, t)}: ${format.text(item.title)}`}
            </Box>
          ))}
          {layout.sometime.length > SOMETIME_SHOWN && (
            <Typography variant="body2" sx={{ fontSize: 13 }}>
              {t('timeline.moreInList', { count: layout.sometime.length - SOMETIME_SHOWN })}
            </Typography>
          )}
        </Box>
      )}
      <Box
        sx={{
          position: 'relative',
          height: Math.max(1, layout.laneCount) * LANE_HEIGHT + 8,
          overflow: 'hidden',
        }}
      >
        {columns.map((column, index) =>
          index === 0 ? null : (
            <Box
              key={column.date}
              sx={{
                position: 'absolute',
                left: `${column.left * 100}%`,
                top: 0,
                bottom: 0,
                borderLeft: 1,
                borderColor: 'divider',
              }}
            />
          ),
        )}
        {todayLeft && (
          <Box
            sx={{
              position: 'absolute',
              left: `${(todayLeft.left + todayLeft.width / 2) * 100}%`,
              top: 0,
              bottom: 0,
              borderLeft: '2px solid',
              borderColor: 'error.main',
            }}
          />
        )}
        {layout.placed.map(({ item, left, width, lane, isApproximate }) => {
          const boxWidth = Math.min(Math.max(width, minWidth), 1 - left);
          return (
            <Box
              key={item.key}
              onClick={() => open(item)}
              title={`${itemDate(item, format)} · ${itemWhat(item, t)} · ${format.text(item.title)}`}
              data-testid="timeline-bar"
              data-approximate={isApproximate ? 'true' : undefined}
              sx={{
                position: 'absolute',
                left: `${left * 100}%`,
                width: `${boxWidth * 100}%`,
                top: lane * LANE_HEIGHT + 4,
                height: LANE_HEIGHT - 6,
                cursor: 'pointer',
                '&:hover .label': { textDecoration: 'underline' },
              }}
            >
              <Box
                sx={{
                  width: `${Math.max((width / boxWidth) * 100, 2)}%`,
                  minWidth: 4,
                  height: 8,
                  borderRadius: 0.5,
                  bgcolor: isApproximate ? 'transparent' : TYPE_COLORS[item.type],
                  border: isApproximate ? '2px dashed' : 'none',
                  borderColor: TYPE_COLORS[item.type],
                }}
              />
              <Box
                className="label"
                sx={{
                  fontSize: 12,
                  lineHeight: '18px',
                  whiteSpace: 'nowrap',
                  overflow: 'hidden',
                  textOverflow: 'ellipsis',
                  pr: 0.5,
                }}
              >
                {format.text(item.title)}
              </Box>
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
