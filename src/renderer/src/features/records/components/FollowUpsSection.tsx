import AddIcon from '@mui/icons-material/Add';
import { Button, Chip, Link, List, ListItem, ListItemText, Typography } from '@mui/material';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { partialDateBounds } from '@shared/model/partialDate';
import type { FollowUp } from '@shared/model/records';
import { useRegistry } from '../../../app/RegistryContext';
import { DetailSection } from '../../../ui/DetailSection';
import { todayIso } from '../../../ui/todayIso';
import { useFormat } from '../../../ui/useFormat';

/** Whether an open follow-up's due date has passed (a vague due date counts from its last day). */
export function isFollowUpOverdue(
  followUp: Pick<FollowUp, 'status' | 'dueDate'>,
  today: string,
): boolean {
  const due = partialDateBounds(followUp.dueDate);
  const isOpen = followUp.status === 'open' || followUp.status === 'in-progress';
  return isOpen && due !== null && due.last < today;
}

type FollowUpsSectionProps = {
  followUps: readonly FollowUp[];
  /** The event or agreement on screen: follow-ups can be added from it. */
  sourceId?: string;
};

/** The follow-up actions that came from, or belong to, the record on screen; overdue ones marked. */
export function FollowUpsSection({ followUps, sourceId }: FollowUpsSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { isReadOnly } = useRegistry();
  const today = todayIso();
  return (
    <DetailSection title={t('detail.followUps')} count={followUps.length}>
      {followUps.length === 0 && (
        <Typography color="text.secondary">{t('detail.noFollowUps')}</Typography>
      )}
      <List dense disablePadding>
        {followUps.map((followUp) => (
          <ListItem key={followUp.id} disableGutters>
            <ListItemText
              primary={
                <>
                  {isReadOnly ? (
                    format.text(followUp.title)
                  ) : (
                    <Link component={RouterLink} to={`/follow-ups/${followUp.id}/edit`}>
                      {format.text(followUp.title)}
                    </Link>
                  )}
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
      {sourceId && !isReadOnly && (
        <Button
          startIcon={<AddIcon />}
          onClick={() => void navigate(`/follow-ups/new?source=${sourceId}`)}
          sx={{ mt: 1 }}
        >
          {t('followUpForm.add')}
        </Button>
      )}
    </DetailSection>
  );
}
