import {
  Box,
  Button,
  Link,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { PARTNER_KINDS, type PartnerKind } from '@shared/model/records';
import { useRecordsById } from '../../records/queries';
import { timelinePath } from '../../timeline/timelinePath';
import { useFormat } from '../../../ui/useFormat';
import {
  ACTIVITY_TYPES,
  NO_GROUP,
  OTHER_GROUP,
  type ActivityGrouping,
  type ActivitySummary,
} from '../activity';
import { useActivitySummary } from '../useActivitySummary';
import { ActivityChart } from './ActivityChart';
import { DashboardPanel } from './DashboardPanel';

/** Colours told apart with the common colour-vision deficiencies (Okabe–Ito, then two more). */
const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#6A3D9A',
  '#B8A000',
];
const OTHER_COLOR = '#8C8C8C';
const NONE_COLOR = '#C8C8C8';

const TYPE_LABEL_KEYS = {
  event: 'dashboard.typeEvents',
  agreementStep: 'dashboard.typeAgreementSteps',
  projectStart: 'dashboard.typeProjectStarts',
} as const;

/**
 * Cooperation activity per year (meetings, dated agreement steps, project starts), split by the
 * partners' kinds or by thematic area, as stacked bars with the same figures in a table for
 * anyone who cannot see the chart. The split is kept in the URL.
 */
export function ActivityPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const grouping: ActivityGrouping = params.get('activity') === 'area' ? 'area' : 'partnerKind';
  const summary = useActivitySummary(grouping);
  const areas = useRecordsById('areas');
  const [isTableShown, setIsTableShown] = useState(false);
  const tableId = useId();

  const labelOf = (group: string) => {
    if (group === NO_GROUP) {
      return grouping === 'area' ? t('dashboard.noArea') : t('dashboard.noPartner');
    }
    if (group === OTHER_GROUP) return t('dashboard.otherGroups');
    if (grouping === 'partnerKind' && (PARTNER_KINDS as readonly string[]).includes(group)) {
      return t(`enums.partnerKind.${group as PartnerKind}`);
    }
    return format.text(areas?.get(group)?.name) || group;
  };
  const colorOf = (group: string) => {
    if (group === NO_GROUP) return NONE_COLOR;
    if (group === OTHER_GROUP) return OTHER_COLOR;
    const index = summary?.groups.indexOf(group) ?? 0;
    return PALETTE[index % PALETTE.length] ?? OTHER_COLOR;
  };

  const toggle = (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={grouping}
      aria-label={t('dashboard.splitBy')}
      onChange={(_event, value: ActivityGrouping | null) => {
        if (value === null) return;
        const next = new URLSearchParams(params);
        if (value === 'partnerKind') next.delete('activity');
        else next.set('activity', value);
        setParams(next, { replace: true });
      }}
    >
      <ToggleButton value="partnerKind">{t('dashboard.byPartnerKind')}</ToggleButton>
      <ToggleButton value="area">{t('dashboard.byArea')}</ToggleButton>
    </ToggleButtonGroup>
  );

  return (
    <DashboardPanel title={t('dashboard.activity')} action={toggle} testId="activity">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {grouping === 'area' ? t('dashboard.activityHelpArea') : t('dashboard.activityHelpPartner')}
      </Typography>
      {summary === undefined ? (
        <Typography role="status">{t('dashboard.counting')}</Typography>
      ) : summary.years.length === 0 ? (
        <Typography color="text.secondary">{t('dashboard.noActivity')}</Typography>
      ) : (
        <>
          <ActivityChart
            summary={summary}
            labelOf={labelOf}
            colorOf={colorOf}
            description={t('dashboard.chartDescription', {
              count: summary.years.reduce((sum, year) => sum + year.total, 0),
              from: summary.years[0]?.year ?? '',
              to: summary.years.at(-1)?.year ?? '',
            })}
          />
          <ActivityNotes summary={summary} />
          <Button
            size="small"
            aria-expanded={isTableShown}
            aria-controls={tableId}
            onClick={() => setIsTableShown((shown) => !shown)}
            sx={{ mt: 1 }}
          >
            {isTableShown ? t('dashboard.hideTable') : t('dashboard.showTable')}
          </Button>
          <Box id={tableId} hidden={!isTableShown}>
            {isTableShown && <ActivityTable summary={summary} labelOf={labelOf} />}
          </Box>
        </>
      )}
    </DashboardPanel>
  );
}

function ActivityNotes({ summary }: { summary: ActivitySummary }) {
  const { t } = useTranslation();
  const notes: string[] = [];
  if (summary.earlier > 0) {
    notes.push(
      t('dashboard.earlierNotShown', {
        count: summary.earlier,
        year: summary.years[0]?.year ?? '',
      }),
    );
  }
  if (summary.undated > 0) notes.push(t('dashboard.undatedNotCounted', { count: summary.undated }));
  if (notes.length === 0) return null;
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="activity-notes">
      {notes.join(' ')}
    </Typography>
  );
}

type ActivityTableProps = { summary: ActivitySummary; labelOf: (group: string) => string };

/** The chart's figures, a row per year: by type, in all, and per group; each year opens the timeline. */
function ActivityTable({ summary, labelOf }: ActivityTableProps) {
  const { t } = useTranslation();
  const rows = [...summary.years].reverse();
  return (
    <TableContainer sx={{ maxHeight: 420, mt: 1 }}>
      <Table size="small" stickyHeader data-testid="activity-table">
        <caption>{t('dashboard.tableCaption')}</caption>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              {t('dashboard.year')}
            </TableCell>
            {ACTIVITY_TYPES.map((type) => (
              <TableCell key={type} component="th" scope="col" align="right">
                {t(TYPE_LABEL_KEYS[type])}
              </TableCell>
            ))}
            <TableCell component="th" scope="col" align="right">
              {t('dashboard.allActivities')}
            </TableCell>
            {summary.groups.map((group) => (
              <TableCell key={group} component="th" scope="col" align="right">
                {labelOf(group)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((year) => (
            <TableRow key={year.year}>
              <TableCell component="th" scope="row">
                <Link
                  component={RouterLink}
                  to={timelinePath({ zoom: 'year', year: year.year })}
                  aria-label={t('dashboard.openYear', { year: year.year })}
                >
                  {year.year}
                </Link>
              </TableCell>
              {ACTIVITY_TYPES.map((type) => (
                <TableCell key={type} align="right">
                  {year.byType[type]}
                </TableCell>
              ))}
              <TableCell align="right">{year.total}</TableCell>
              {summary.groups.map((group) => (
                <TableCell key={group} align="right">
                  {year.byGroup.get(group) ?? 0}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
