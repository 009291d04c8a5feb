import HistoryIcon from '@mui/icons-material/History';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Box,
  Button,
  List,
  ListItem,
  Stack,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { RecordKind } from '@shared/model/records';
import { useRegistry } from '../../../app/RegistryContext';
import { useNotify } from '../../../ui/Notifications';
import { useFormat } from '../../../ui/useFormat';
import { describeValue } from '../describeValue';
import { restoreRevision } from '../mutations';
import { useRecordHistory } from '../queries';

type HistorySectionProps = { kind: RecordKind; id: string; currentRev: number };

/**
 * Who changed what and when, newest first: the device, each field's old and new value, and a
 * way back to any earlier version (itself a logged edit, so it can be undone).
 */
export function HistorySection({ kind, id, currentRev }: HistorySectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const { db, mutationContext, isReadOnly } = useRegistry();
  const history = useRecordHistory(id);

  const restore = async (rev: number) => {
    const previous = currentRev;
    try {
      await restoreRevision(db, kind, id, rev, mutationContext);
      notify({
        severity: 'success',
        message: t('history.restored', { rev }),
        action: {
          label: t('trash.undo'),
          onClick: () => {
            restoreRevision(db, kind, id, previous, mutationContext).catch((error: unknown) =>
              notify({ severity: 'error', message: t('trash.failed', { message: String(error) }) }),
            );
          },
        },
      });
    } catch (error) {
      notify({
        severity: 'error',
        message: t('trash.failed', {
          message: error instanceof Error ? error.message : String(error),
        }),
      });
    }
  };

  const context = { format, t, labels: history?.labels ?? new Map() };

  return (
    <Accordion variant="outlined" sx={{ mt: 3 }} data-testid="history">
      <AccordionSummary expandIcon={<HistoryIcon />}>
        <Typography variant="h6" component="h2">
          {t('history.title')}
          {history && (
            <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
              ({history.entries.length})
            </Typography>
          )}
        </Typography>
      </AccordionSummary>
      <AccordionDetails>
        {!history ? (
          <Typography role="status">{t('common.loading')}</Typography>
        ) : (
          <List dense disablePadding>
            {history.entries.map((entry) => (
              <ListItem
                key={entry.seq ?? entry.rev}
                disableGutters
                divider
                data-testid="history-entry"
                sx={{ display: 'block' }}
              >
                <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                  <Typography sx={{ flexGrow: 1, fontWeight: 600 }}>
                    {t(`history.op.${entry.op}`)}{' '}
                    <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
                      {t('history.byOn', {
                        device: entry.deviceName,
                        date: format.timestamp(entry.at),
                      })}
                    </Typography>
                  </Typography>
                  {!isReadOnly &&
                    entry.rev < currentRev &&
                    (entry.op === 'create' || entry.op === 'update') && (
                      <Button size="small" onClick={() => void restore(entry.rev)}>
                        {t('history.restoreVersion')}
                      </Button>
                    )}
                </Stack>
                {entry.op === 'update' && (
                  <Box component="ul" sx={{ m: 0, pl: 3 }}>
                    {Object.entries(entry.fields).map(([field, change]) => (
                      <li key={field} data-testid="history-field">
                        <Typography variant="body2">
                          <strong>{t(`fields.${field}`, { defaultValue: field })}</strong>
                          {': '}
                          {describeValue(change.before, context)} →{' '}
                          {describeValue(change.after, context)}
                        </Typography>
                      </li>
                    ))}
                  </Box>
                )}
              </ListItem>
            ))}
          </List>
        )}
      </AccordionDetails>
    </Accordion>
  );
}
