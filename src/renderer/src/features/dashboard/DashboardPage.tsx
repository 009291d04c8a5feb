import {
  Box,
  Card,
  CardActionArea,
  CardContent,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  Paper,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { RECORD_KINDS } from '@shared/model/records';
import { NAV_SECTIONS } from '../../app/navigation';
import { recordPath } from '../../app/recordPaths';
import { useFormat } from '../../ui/useFormat';
import { useLiveRecordCounts } from '../records/queries';
import { ActivityPanel } from './components/ActivityPanel';
import { ExpiringAgreementsPanel } from './components/ExpiringAgreementsPanel';
import { FollowUpsDuePanel } from './components/FollowUpsDuePanel';
import { UpcomingEventsPanel } from './components/UpcomingEventsPanel';
import { FirstRunPanel } from './FirstRunPanel';
import { useRecentChanges } from './queries';
import { DUE_SOON_DAYS, RENEWAL_MONTHS, useDeadlines } from './useDeadlines';

const RECENT_LIMIT = 10;

/**
 * The registry at a glance for an officer preparing a meeting: what comes up, what expires, what
 * is overdue, how the cooperation developed, how much the registry holds and what changed last;
 * the welcome when it is empty.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const counts = useLiveRecordCounts();
  const recent = useRecentChanges(RECENT_LIMIT);
  const deadlines = useDeadlines();

  if (!counts) return <Typography role="status">{t('common.loading')}</Typography>;
  const total = RECORD_KINDS.reduce((sum, kind) => sum + counts[kind], 0);

  return (
    <Box>
      <Typography variant="h4" component="h1" gutterBottom>
        {t('dashboard.title')}
      </Typography>
      {total === 0 ? (
        <FirstRunPanel />
      ) : (
        <>
          <Box
            sx={{
              display: 'grid',
              gap: 2,
              gridTemplateColumns: 'repeat(auto-fit, minmax(340px, 1fr))',
              alignItems: 'start',
              mb: 2,
            }}
          >
            <UpcomingEventsPanel
              today={deadlines.today}
              days={deadlines.upcomingDays}
              onDaysChange={deadlines.setUpcomingDays}
              window={deadlines.upcomingWindow}
              events={deadlines.upcoming}
            />
            <FollowUpsDuePanel soonDays={DUE_SOON_DAYS} due={deadlines.followUps} />
            <ExpiringAgreementsPanel months={RENEWAL_MONTHS} agreements={deadlines.expiring} />
          </Box>
          {/* The chart reads far more; it starts once the panels above are on screen. */}
          {deadlines.isLoaded && (
            <Box sx={{ mb: 4 }}>
              <ActivityPanel />
            </Box>
          )}
          <Typography variant="h6" component="h2" gutterBottom>
            {t('dashboard.counts')}
          </Typography>
          <Box
            sx={{
              display: 'grid',
              gap: 2,
              gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
              mb: 4,
            }}
          >
            {NAV_SECTIONS.filter((section) => section.kind !== null).map((section) => (
              <Card key={section.path} variant="outlined">
                <CardActionArea component={RouterLink} to={section.path}>
                  <CardContent>
                    <Typography variant="h4" component="p" data-testid={`count-${section.kind}`}>
                      {section.kind ? counts[section.kind] : 0}
                    </Typography>
                    <Typography color="text.secondary">{t(`nav.${section.id}`)}</Typography>
                  </CardContent>
                </CardActionArea>
              </Card>
            ))}
          </Box>
          <Typography variant="h6" component="h2" gutterBottom>
            {t('dashboard.recentlyChanged')}
          </Typography>
          <Paper variant="outlined">
            {recent && recent.length > 0 ? (
              <List dense>
                {recent.map((change) => {
                  const path = recordPath(change.kind, change.id);
                  const text = (
                    <ListItemText
                      primary={
                        typeof change.label === 'string' ? change.label : format.text(change.label)
                      }
                      secondary={t('dashboard.changedOn', {
                        date: format.timestamp(change.updatedAt),
                      })}
                    />
                  );
                  return path ? (
                    <ListItem key={change.id} disablePadding>
                      <ListItemButton component={RouterLink} to={path}>
                        {text}
                      </ListItemButton>
                    </ListItem>
                  ) : (
                    <ListItem key={change.id}>{text}</ListItem>
                  );
                })}
              </List>
            ) : (
              <Typography sx={{ p: 2 }}>{t('dashboard.noRecentChanges')}</Typography>
            )}
          </Paper>
        </>
      )}
    </Box>
  );
}
