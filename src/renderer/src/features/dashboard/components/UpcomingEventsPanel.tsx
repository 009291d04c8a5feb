import {
  Chip,
  Link,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { todayIso } from '../../../ui/todayIso';
import { useFormat } from '../../../ui/useFormat';
import { isEventUnderWay, windowFrom } from '../dateWindows';
import { useUpcomingEvents } from '../queries';
import { DashboardPanel } from './DashboardPanel';
import { recordOpenPath } from './recordOpenPath';

/** The windows a user chooses between; the choice stays in the URL, so Back keeps it. */
const WINDOWS = [30, 90] as const;
type WindowDays = (typeof WINDOWS)[number];
const SHOWN = 10;

/**
 * Meetings and visits in the next 30 or 90 days, under way ones first. A meeting known only to
 * the month is listed when that month touches the window and shown as the month, never a day.
 */
export function UpcomingEventsPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const days: WindowDays = params.get('upcoming') === '90' ? 90 : 30;
  const today = todayIso();
  const window = useMemo(() => windowFrom(today, days), [today, days]);
  const events = useUpcomingEvents(window);

  const toggle = (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={days}
      aria-label={t('dashboard.upcomingWindow')}
      onChange={(_event, value: WindowDays | null) => {
        if (value === null) return;
        const next = new URLSearchParams(params);
        if (value === 30) next.delete('upcoming');
        else next.set('upcoming', String(value));
        setParams(next, { replace: true });
      }}
    >
      {WINDOWS.map((value) => (
        <ToggleButton key={value} value={value}>
          {t('dashboard.nextDays', { count: value })}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );

  return (
    <DashboardPanel title={t('dashboard.upcoming')} action={toggle} testId="upcoming-events">
      {events === undefined ? (
        <Typography role="status">{t('common.loading')}</Typography>
      ) : events.length === 0 ? (
        <Typography color="text.secondary">{t('dashboard.noUpcoming', { count: days })}</Typography>
      ) : (
        <>
          <List dense disablePadding>
            {events.slice(0, SHOWN).map((event) => {
              const place = [format.text(event.city), format.country(event.countryCode)]
                .filter(Boolean)
                .join(', ');
              return (
                <ListItem key={event.id} disablePadding>
                  <ListItemButton component={RouterLink} to={recordOpenPath('events', event.id)}>
                    <ListItemText
                      primary={format.text(event.title)}
                      secondary={
                        <>
                          {[format.dateRange(event.startDate, event.endDate), place]
                            .filter(Boolean)
                            .join(' · ')}
                          {isEventUnderWay(event, today) && (
                            <Chip
                              component="span"
                              size="small"
                              color="info"
                              label={t('dashboard.underWay')}
                              sx={{ ml: 1 }}
                            />
                          )}
                        </>
                      }
                    />
                  </ListItemButton>
                </ListItem>
              );
            })}
          </List>
          {events.length > SHOWN && (
            <Link
              component={RouterLink}
              to={`/events?from=${window.first}&to=${window.last}`}
              sx={{ display: 'inline-block', mt: 1 }}
            >
              {t('dashboard.allUpcoming', { count: events.length })}
            </Link>
          )}
        </>
      )}
    </DashboardPanel>
  );
}
