import { Box, Link, Typography } from '@mui/material';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { recordPath } from '../../../app/recordPaths';
import { useFormat } from '../../../ui/useFormat';
import type { TimelineGroup } from '../timelineModel';
import { itemDate, itemWhat, TYPE_COLORS } from './itemText';

type TimelineListProps = {
  groups: readonly TimelineGroup[];
  /** Names the list for screen readers: "Timeline of 2010–2019". */
  label: string;
};

const ITEM_SELECTOR = 'a[data-timeline-item]';

/**
 * Moves focus between the list's items with the arrow keys, Home and End, so a keyboard user
 * walks the timeline one moment at a time without tabbing through headings.
 */
function moveFocus(event: KeyboardEvent<HTMLElement>) {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
  const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>(ITEM_SELECTOR)];
  const index = links.findIndex((link) => link === document.activeElement);
  if (index === -1) return;
  const target =
    event.key === 'Home'
      ? links[0]
      : event.key === 'End'
        ? links.at(-1)
        : links[index + (event.key === 'ArrowDown' ? 1 : -1)];
  if (!target) return;
  event.preventDefault();
  target.focus();
}

/**
 * The timeline as a list, the way a screen reader or keyboard user reads it: groups under
 * headings (the "sometime in…" group for vague dates first), each moment a link to its record
 * that says its date as written, what happened, and the record's title.
 */
export function TimelineList({ groups, label }: TimelineListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Box component="section" aria-label={label} onKeyDown={moveFocus} data-testid="timeline-list">
      {groups.map((group) => (
        <Box key={`${group.isSometime ? 'sometime' : 'period'}-${group.date}`} sx={{ mb: 2 }}>
          <Typography
            variant="subtitle1"
            component="h3"
            sx={{ fontWeight: 600 }}
            data-testid="timeline-group"
          >
            {group.isSometime
              ? t('timeline.sometimeIn', { period: format.date(group.date) })
              : format.date(group.date)}
          </Typography>
          <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {group.items.map((item) => {
              const path = recordPath(item.recordKind, item.recordId) ?? '/';
              return (
                <Box
                  component="li"
                  key={item.key}
                  sx={{ display: 'flex', alignItems: 'baseline', gap: 1, py: 0.25 }}
                >
                  <Box
                    aria-hidden
                    sx={{
                      width: 10,
                      height: 10,
                      flexShrink: 0,
                      borderRadius: '50%',
                      bgcolor: TYPE_COLORS[item.type],
                    }}
                  />
                  <Link
                    component={RouterLink}
                    to={path}
                    data-timeline-item=""
                    data-testid="timeline-item"
                    underline="hover"
                  >
                    <Box component="span" sx={{ fontWeight: 600 }}>
                      {itemDate(item, format)}
                    </Box>
                    {` · ${itemWhat(item, t)} · ${format.text(item.title)}`}
                  </Link>
                </Box>
              );
            })}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
