import { Chip, List, ListItem, ListItemText } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { partialDateBounds } from '@shared/model/partialDate';
import type { FollowUp } from '@shared/model/records';
import { DetailSection } from '../../../ui/DetailSection';
import { todayIso } from '../../../ui/todayIso';
import { useFormat } from '../../../ui/useFormat';

/** Whether an open follow-up's due date has passed (a vague due date counts from its last day). */
export function isFollowUpOverdue(followUp: FollowUp, today: string): boolean {
  const due = partialDateBounds(followUp.dueDate);
  const isOpen = followUp.status === 'open' || followUp.status === 'in-progress';
  return isOpen && due !== null && due.last < today;
}

/** The follow-up actions that came from, or belong to, the record on screen; overdue ones marked. */
export function FollowUpsSection({ followUps }: { followUps: readonly FollowUp[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const today = todayIso();
  return (
    <DetailSection
      title={t('detail.followUps')}
      count={followUps.length}
      isEmpty={followUps.length === 0}
      emptyText={t('detail.noFollowUps')}
    >
      <List dense disablePadding>
        {followUps.map((followUp) => (
          <ListItem key={followUp.id} disableGutters>
            <ListItemText
              primary={
                <>
                  {format.text(followUp.title)}
                  {isFollowUpOverdue(followUp, today) && (
                    <Chip size="small" color="error" label={t('list.overdue')} sx={{ ml: 1 }} />
                  )}
                </>
              }
              secondary={[
                t(`enums.followUpStatus.${followUp.status}`),
                format.date(followUp.dueDate),
              ].join(' · ')}
            />
          </ListItem>
        ))}
      </List>
    </DetailSection>
  );
}
