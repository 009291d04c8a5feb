import {
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

type DeleteBackupDialogProps = {
  fileName: string;
  /** When the backup was made, as the list shows it. */
  date: string;
  isDeleting: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** Asks before a backup is deleted for good: the app keeps no copy of a deleted backup. */
export function DeleteBackupDialog({
  fileName,
  date,
  isDeleting,
  onConfirm,
  onCancel,
}: DeleteBackupDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Dialog
      open
      onClose={isDeleting ? undefined : onCancel}
      aria-labelledby={titleId}
      data-testid="delete-backup"
    >
      <DialogTitle id={titleId}>{t('backup.deleteTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('backup.deleteBody', { fileName, date })}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={isDeleting}>
          {t('common.cancel')}
        </Button>
        <Button
          variant="contained"
          color="error"
          disabled={isDeleting}
          onClick={onConfirm}
          startIcon={isDeleting ? <CircularProgress size={18} aria-hidden /> : undefined}
        >
          {t('backup.deleteConfirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
