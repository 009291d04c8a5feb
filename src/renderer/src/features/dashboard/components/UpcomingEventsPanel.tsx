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
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { RegistryEvent } from '@shared/model/records';
import { useFormat } from '../../../ui/useFormat';
import { isEventUnderWay, type DayRange } from '../dateWindows';
import { UPCOMING_WINDOWS, type UpcomingDays } from '../useDeadlines';
import { DashboardPanel } from './DashboardPanel';
import { recordOpenPath } from './recordOpenPath';

const SHOWN = 10;

type UpcomingEventsPanelProps = {
  today: string;
  days: UpcomingDays;
  onDaysChange: (days: UpcomingDays) => void;
  window: DayRange;
  events: readonly RegistryEvent[] | undefined;
};

/**
 * Meetings and visits in the next 30 or 90 days, under way ones first. A meeting known only to
 * the month is listed when that month touches the window and shown as the month, never a day.
 */
export function UpcomingEventsPanel({
  today,
  days,
  onDaysChange,
  window,
  events,
}: UpcomingEventsPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();

  const toggle = (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={days}
      aria-label={t('dashboard.upcomingWindow')}
      onChange={(_event, value: UpcomingDays | null) => {
        if (value !== null) onDaysChange(value);
      }}
    >
      {UPCOMING_WINDOWS.map((value) => (
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
