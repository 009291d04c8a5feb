import {
  Chip,
  Link,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { FollowUp } from '@shared/model/records';
import { useFormat } from '../../../ui/useFormat';
import type { FollowUpsDue } from '../queries';
import { DashboardPanel } from './DashboardPanel';
import { recordOpenPath } from './recordOpenPath';

type FollowUpsDuePanelProps = {
  soonDays: number;
  due: FollowUpsDue | undefined;
};

/**
 * Open follow-up actions past their due date, marked and listed first with their number, then
 * those falling due in the next 30 days: what was promised and is about to be missed.
 */
export function FollowUpsDuePanel({ soonDays, due }: FollowUpsDuePanelProps) {
  const { t } = useTranslation();
  const format = useFormat();

  const item = (followUp: FollowUp, isOverdue: boolean) => (
    <ListItem
      key={followUp.id}
      disablePadding
      data-testid={isOverdue ? 'overdue-follow-up' : 'due-soon-follow-up'}
    >
      <ListItemButton component={RouterLink} to={recordOpenPath('followUps', followUp.id)}>
        <ListItemText
          primary={
            <>
              {format.text(followUp.title)}
              {isOverdue && (
                <Chip
                  component="span"
                  size="small"
                  color="error"
                  label={t('list.overdue')}
                  sx={{ ml: 1 }}
                />
              )}
            </>
          }
          secondary={[
            t('dashboard.due', { date: format.date(followUp.dueDate) }),
            t(`enums.followUpStatus.${followUp.status}`),
          ].join(' · ')}
          slotProps={{ secondary: isOverdue ? { color: 'error' } : undefined }}
        />
      </ListItemButton>
    </ListItem>
  );

  return (
    <DashboardPanel
      title={t('dashboard.followUps')}
      subtitle={t('dashboard.followUpsHint', { count: soonDays })}
      testId="follow-ups-due"
    >
      {due === undefined ? (
        <Typography role="status">{t('common.loading')}</Typography>
      ) : due.overdueCount === 0 && due.dueSoon.length === 0 ? (
        <Typography color="text.secondary">
          {t('dashboard.noFollowUpsDue', { count: soonDays })}
        </Typography>
      ) : (
        <>
          {due.overdueCount > 0 && (
            <Typography color="error" sx={{ fontWeight: 600 }} data-testid="overdue-count">
              {t('dashboard.overdueCount', { count: due.overdueCount })}
            </Typography>
          )}
          <List dense disablePadding>
            {due.overdue.map((followUp) => item(followUp, true))}
            {due.dueSoon.map((followUp) => item(followUp, false))}
          </List>
          <Link
            component={RouterLink}
            to="/follow-ups?status=open,in-progress"
            sx={{ display: 'inline-block', mt: 1 }}
          >
            {t('dashboard.allOpenFollowUps')}
          </Link>
        </>
      )}
    </DashboardPanel>
  );
}
