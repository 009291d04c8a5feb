import {
  Alert,
  Button,
  Checkbox,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../ui/useFormat';
import type { RestorePreview } from '../restorePreview';
import type { BackupToRestore, RestoreConsent } from '../restoreRegistry';

type RestoreDialogProps = {
  backup: BackupToRestore;
  preview: RestorePreview;
  isRestoring: boolean;
  /** The current registry cannot be backed up first: the user must say to go ahead anyway. */
  needsConsent: boolean;
  onConfirm: (consent: RestoreConsent) => void;
  onCancel: () => void;
};

/**
 * What a restore would do, before it does it: the backup's origin, per kind of record how many
 * there are now and in the backup and how many would come back, change or go away, and the
 * attached files it would put back. A backup of another registry can only replace this one once
 * the user has said exactly that, having been told what goes.
 */
export function RestoreDialog({
  backup,
  preview,
  isRestoring,
  needsConsent,
  onConfirm,
  onCancel,
}: RestoreDialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = useId();
  const [hasConsent, setHasConsent] = useState(false);
  const [isOtherRegistryChosen, setIsOtherRegistryChosen] = useState(false);
  const { manifest } = backup;
  const { otherRegistry } = preview;
  const megabytes = new Intl.NumberFormat(format.locale, {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
  });
  const kinds = preview.kinds.filter((row) => row.now > 0 || row.inBackup > 0);

  return (
    <Dialog
      open
      onClose={isRestoring ? undefined : onCancel}
      aria-labelledby={titleId}
      maxWidth="md"
      fullWidth
      data-testid="restore-preview"
    >
      <DialogTitle id={titleId}>{t('backup.confirmTitle')}</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }} data-testid="restore-source">
          {t('backup.from', {
            fileName: backup.fileName,
            date: format.timestamp(manifest.createdAt),
            computer: manifest.device.deviceName,
            version: manifest.appVersion,
          })}
        </Typography>
        {otherRegistry && (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="restore-other-registry">
            {t('backup.otherRegistry', {
              records: otherRegistry.records,
              history: otherRegistry.history,
            })}
          </Alert>
        )}
        {preview.isCurrentUnknown && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {t('backup.currentUnknown')}
          </Alert>
        )}
        <Table size="small" aria-label={t('backup.confirmTitle')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('backup.kind')}</TableCell>
              <TableCell align="right">{t('backup.now')}</TableCell>
              <TableCell align="right">{t('backup.inBackup')}</TableCell>
              <TableCell align="right">{t('backup.added')}</TableCell>
              <TableCell align="right">{t('backup.changed')}</TableCell>
              <TableCell align="right">{t('backup.removed')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {kinds.map((row) => (
              <TableRow key={row.kind} data-testid={`restore-${row.kind}`}>
                <TableCell component="th" scope="row">
                  {t(`trash.kinds.${row.kind}`)}
                </TableCell>
                <TableCell align="right">{preview.isCurrentUnknown ? '—' : row.now}</TableCell>
                <TableCell align="right">{row.inBackup}</TableCell>
                <TableCell align="right">{row.added}</TableCell>
                <TableCell align="right">{row.changed}</TableCell>
                <TableCell align="right">{row.removed}</TableCell>
              </TableRow>
            ))}
            <TableRow data-testid="restore-history">
              <TableCell component="th" scope="row">
                {t('backup.history')}
              </TableCell>
              <TableCell align="right">
                {preview.isCurrentUnknown ? '—' : preview.history.now}
              </TableCell>
              <TableCell align="right">{preview.history.inBackup}</TableCell>
              <TableCell colSpan={3} />
            </TableRow>
            <TableRow>
              <TableCell component="th" scope="row">
                {t('backup.savedViews')}
              </TableCell>
              <TableCell align="right">
                {preview.isCurrentUnknown ? '—' : preview.savedViews.now}
              </TableCell>
              <TableCell align="right">{preview.savedViews.inBackup}</TableCell>
              <TableCell colSpan={3} />
            </TableRow>
          </TableBody>
        </Table>
        {backup.attachmentsToRestore.count > 0 && (
          <Typography sx={{ mt: 2 }} data-testid="restore-files">
            {t('backup.filesToRestore', {
              count: backup.attachmentsToRestore.count,
              size: megabytes.format(backup.attachmentsToRestore.bytes / 1_048_576),
            })}
          </Typography>
        )}
        <Alert severity="warning" sx={{ mt: 2 }}>
          {t('backup.replaceWarning')}
        </Alert>
        {otherRegistry && (
          <FormControlLabel
            sx={{ mt: 1, display: 'flex' }}
            control={
              <Checkbox
                checked={isOtherRegistryChosen}
                onChange={(event) => setIsOtherRegistryChosen(event.target.checked)}
              />
            }
            label={t('backup.replaceOtherRegistry')}
          />
        )}
        {needsConsent && (
          <FormControlLabel
            sx={{ mt: 1 }}
            control={
              <Checkbox
                checked={hasConsent}
                onChange={(event) => setHasConsent(event.target.checked)}
              />
            }
            label={t('backup.withoutBackup')}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={isRestoring}>
          {t('common.cancel')}
        </Button>
        <Button
          variant="contained"
          color="warning"
          disabled={
            isRestoring ||
            (needsConsent && !hasConsent) ||
            (otherRegistry !== null && !isOtherRegistryChosen)
          }
          onClick={() =>
            onConfirm({
              isWithoutBackupAllowed: hasConsent,
              isOtherRegistryAllowed: isOtherRegistryChosen,
            })
          }
          startIcon={isRestoring ? <CircularProgress size={18} aria-hidden /> : undefined}
        >
          {isRestoring ? t('backup.restoring') : t('backup.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
