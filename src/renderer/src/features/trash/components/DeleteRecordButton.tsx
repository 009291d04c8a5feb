import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { RecordKind } from '@shared/model/records';
import { useRegistry } from '../../../app/RegistryContext';
import { recordPath } from '../../../app/recordPaths';
import { useNotify } from '../../../ui/Notifications';
import { moveToTrash, restoreFromTrash } from '../mutations';
import { countLinkingRecords } from '../queries';

type DeleteRecordButtonProps = {
  kind: RecordKind;
  id: string;
  /** The record's name as shown, for the confirmation and the Undo message. */
  name: string;
  /** Where to go once the record is gone: its list. */
  listPath: string;
};

/**
 * Moves a record to Trash, with Undo. When other records link to it, it first says which kinds
 * and how many, and asks: their links are kept and come back to life with a restore.
 */
export function DeleteRecordButton({ kind, id, name, listPath }: DeleteRecordButtonProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const navigate = useNavigate();
  const { db, mutationContext, isReadOnly } = useRegistry();
  const [linkCounts, setLinkCounts] = useState<Partial<Record<RecordKind, number>> | null>(null);

  const fail = (error: unknown) =>
    notify({
      severity: 'error',
      message: t('trash.failed', {
        message: error instanceof Error ? error.message : String(error),
      }),
    });

  const remove = async () => {
    setLinkCounts(null);
    try {
      await moveToTrash(db, kind, id, mutationContext);
      await navigate(listPath);
      notify({
        severity: 'success',
        message: t('trash.moved', { name }),
        action: {
          label: t('trash.undo'),
          onClick: () => {
            restoreFromTrash(db, kind, id, mutationContext)
              .then(() => navigate(recordPath(kind, id) ?? listPath))
              .catch(fail);
          },
        },
      });
    } catch (error) {
      fail(error);
    }
  };

  const start = async () => {
    try {
      const counts = await countLinkingRecords(db, id);
      if (Object.keys(counts).length > 0) setLinkCounts(counts);
      else await remove();
    } catch (error) {
      fail(error);
    }
  };

  if (isReadOnly) return null;
  return (
    <>
      <Button
        color="error"
        variant="outlined"
        startIcon={<DeleteOutlineIcon />}
        onClick={() => void start()}
      >
        {t('trash.delete')}
      </Button>
      <Dialog open={linkCounts !== null} onClose={() => setLinkCounts(null)}>
        <DialogTitle>{t('trash.confirmTitle', { name })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('trash.confirmLinked')}</DialogContentText>
          <List dense>
            {Object.entries(linkCounts ?? {}).map(([linkedKind, count]) => (
              <ListItem key={linkedKind}>
                <ListItemText
                  primary={`${t(`trash.kinds.${linkedKind as RecordKind}`)}: ${String(count)}`}
                />
              </ListItem>
            ))}
          </List>
          <DialogContentText>{t('trash.confirmKept')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setLinkCounts(null)}>{t('common.cancel')}</Button>
          <Button color="error" variant="contained" onClick={() => void remove()}>
            {t('trash.confirmAction')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
