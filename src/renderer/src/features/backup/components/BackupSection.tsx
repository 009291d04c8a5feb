import {
  Box,
  Button,
  Chip,
  CircularProgress,
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupReason } from '@shared/backup/backupFormat';
import type { BackupListEntry, BackupSettings } from '@shared/backup/backupIpc';
import { BACKUP_SCHEDULES, MAX_BACKUP_KEEP } from '@shared/model/policy';
import { RECORD_KINDS } from '@shared/model/records';
import { useRegistry } from '../../../app/RegistryContext';
import { registryClient } from '../../../ipc/registryClient';
import { useNotify } from '../../../ui/Notifications';
import { useFormat } from '../../../ui/useFormat';
import { backUpRegistry } from '../backupRegistry';
import { createBackupOverIpc } from '../backupTransport';
import { BackupProgress } from './BackupProgress';
import { DeleteBackupDialog } from './DeleteBackupDialog';
import { describeBackupError } from '../describeBackupError';
import { useCurrentRestoreTarget } from '../restoreTargets';
import { useRestoreFlow } from '../useRestoreFlow';

const REASON_KEYS = {
  manual: 'manual',
  scheduled: 'scheduled',
  'before-migration': 'beforeMigration',
  'before-restore': 'beforeRestore',
} as const satisfies Record<BackupReason, string>;

function recordCount(entry: BackupListEntry): number {
  return RECORD_KINDS.reduce((sum, kind) => sum + (entry.tables[kind] ?? 0), 0);
}

/**
 * Settings › Backups: where backups go, how many scheduled ones are kept and how often they are
 * made (each possibly fixed by the machine policy), "Back up now", and the folder's backups with
 * the pool each is in (rotated, or kept until deleted); each can be restored after a preview, or
 * deleted after a confirmation.
 */
export function BackupSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const { db, isReadOnly } = useRegistry();
  const [settings, setSettings] = useState<BackupSettings | null>(null);
  const [backups, setBackups] = useState<BackupListEntry[] | null>(null);
  const [keep, setKeep] = useState('');
  const [isBackingUp, setIsBackingUp] = useState(false);
  /** The share of the tables sent to main; null before that, and while main writes the zip. */
  const [backupProgress, setBackupProgress] = useState<number | null>(null);
  const restoreFlow = useRestoreFlow(useCurrentRestoreTarget());
  /** The backup the user asked to delete, while the confirmation is open. */
  const [toDelete, setToDelete] = useState<{ fileName: string; date: string } | null>(null);
  const [isDeleting, setIsDeleting] = useState(false);
  const integers = new Intl.NumberFormat(format.locale);
  const megabytes = new Intl.NumberFormat(format.locale, {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
  });

  const fail = useCallback(
    (error: unknown) => notify({ severity: 'error', message: describeBackupError(error, t) }),
    [notify, t],
  );

  /**
   * Reads the folder's backups again after a step changed them. Its own failure is reported as
   * such, so a step that succeeded (a backup written or deleted) is never reported as failed.
   */
  const refreshList = useCallback(async () => {
    try {
      setBackups((await registryClient.backup.list()).backups);
    } catch (error) {
      notify({
        severity: 'error',
        message: t('backup.listFailed', { message: describeBackupError(error, t) }),
      });
    }
  }, [notify, t]);

  useEffect(() => {
    let isCurrent = true;
    Promise.all([registryClient.backup.settings(), registryClient.backup.list()]).then(
      ([current, list]) => {
        if (!isCurrent) return;
        setSettings(current);
        setKeep(String(current.keep));
        setBackups(list.backups);
      },
      fail,
    );
    return () => {
      isCurrent = false;
    };
  }, [fail]);

  const update = async (
    change: () => Promise<BackupSettings | null>,
    describe: (next: BackupSettings) => string = () => t('backup.saved'),
  ) => {
    try {
      const next = await change();
      if (!next) return;
      setSettings(next);
      setKeep(String(next.keep));
      notify({ severity: 'success', message: describe(next) });
      await refreshList();
    } catch (error) {
      fail(error);
    }
  };

  const backUp = async (destination: 'folder' | 'choose') => {
    setIsBackingUp(true);
    try {
      const result = await backUpRegistry(
        db,
        createBackupOverIpc((fraction) => setBackupProgress(fraction)),
        'manual',
        destination,
        t('backup.saveDialogTitle'),
      );
      if (result.status === 'written') {
        notify({
          severity: result.skippedAttachments.length > 0 ? 'warning' : 'success',
          message:
            result.skippedAttachments.length > 0
              ? t('backup.doneSkipped', {
                  fileName: result.fileName,
                  count: result.skippedAttachments.length,
                })
              : t('backup.done', { fileName: result.fileName }),
        });
        await refreshList();
      }
    } catch (error) {
      notify({
        severity: 'error',
        message: t('backup.failed', { message: describeBackupError(error, t) }),
      });
    } finally {
      setIsBackingUp(false);
      setBackupProgress(null);
    }
  };

  const deleteBackup = async (fileName: string) => {
    setIsDeleting(true);
    try {
      await registryClient.backup.delete({ fileName });
      notify({ severity: 'success', message: t('backup.deleted', { fileName }) });
      await refreshList();
    } catch (error) {
      notify({
        severity: 'error',
        message: t('backup.deleteFailed', { message: describeBackupError(error, t, fileName) }),
      });
    } finally {
      setIsDeleting(false);
      setToDelete(null);
    }
  };

  const saveKeep = () => {
    const value = Number(keep);
    if (!settings || !Number.isInteger(value) || value < 1 || value > MAX_BACKUP_KEEP) {
      setKeep(String(settings?.keep ?? ''));
      return;
    }
    if (value !== settings.keep) {
      void update(() => registryClient.backup.updateSettings({ keep: value }));
    }
  };

  if (!settings) {
    return (
      <Typography color="text.secondary" role="status">
        {t('backup.listLoading')}
      </Typography>
    );
  }

  const newest = backups?.find((entry) => entry.problem === null);
  const isBusy = isBackingUp || restoreFlow.isBusy;

  return (
    <Box data-testid="backup-section">
      <Typography sx={{ mb: 2 }}>{t('backup.intro')}</Typography>

      <Typography>
        {t('backup.folder')}: <code data-testid="backup-folder">{settings.folder}</code>
        {settings.isDefaultFolder && !settings.enforced.folder && (
          <Typography component="span" color="text.secondary">
            {' '}
            ({t('backup.defaultFolder')})
          </Typography>
        )}
      </Typography>
      {settings.enforced.folder ? (
        <Chip size="small" color="primary" label={t('backup.enforced')} sx={{ mt: 1 }} />
      ) : (
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <Button
            size="small"
            variant="outlined"
            onClick={() =>
              void update(
                () => registryClient.backup.chooseFolder({ title: t('backup.chooseFolderTitle') }),
                (next) => t('backup.folderChanged', { folder: next.folder }),
              )
            }
          >
            {t('backup.changeFolder')}
          </Button>
          {!settings.isDefaultFolder && (
            <Button
              size="small"
              onClick={() =>
                void update(
                  () => registryClient.backup.updateSettings({ useDefaultFolder: true }),
                  (next) => t('backup.folderChanged', { folder: next.folder }),
                )
              }
            >
              {t('backup.useDefaultFolder')}
            </Button>
          )}
        </Stack>
      )}

      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mt: 3 }}>
        <FormControl sx={{ minWidth: 240 }} disabled={settings.enforced.schedule}>
          <InputLabel id="backup-schedule">{t('backup.schedule')}</InputLabel>
          <Select
            labelId="backup-schedule"
            label={t('backup.schedule')}
            value={settings.schedule}
            onChange={(event) =>
              void update(() =>
                registryClient.backup.updateSettings({
                  schedule: event.target.value,
                }),
              )
            }
          >
            {BACKUP_SCHEDULES.map((schedule) => (
              <MenuItem key={schedule} value={schedule}>
                {t(`policy.schedule.${schedule}`)}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <TextField
          label={t('backup.keep')}
          type="number"
          value={keep}
          disabled={settings.enforced.keep}
          onChange={(event) => setKeep(event.target.value)}
          onBlur={saveKeep}
          onKeyDown={(event) => event.key === 'Enter' && saveKeep()}
          helperText={settings.enforced.keep ? t('backup.enforced') : t('backup.keepHelp')}
          slotProps={{ htmlInput: { min: 1, max: MAX_BACKUP_KEEP } }}
          sx={{ width: 280 }}
        />
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {settings.enforced.schedule ? `${t('backup.enforced')} ` : ''}
        {t('backup.scheduleHelp')}
      </Typography>
      <Typography variant="body2" sx={{ mt: 1 }} data-testid="backup-newest">
        {newest
          ? t('backup.lastBackup', { date: format.timestamp(newest.createdAt) })
          : t('backup.noBackupYet')}
      </Typography>

      <Stack direction="row" spacing={2} sx={{ mt: 3, flexWrap: 'wrap' }} useFlexGap>
        <Button
          variant="contained"
          disabled={isBusy}
          onClick={() => void backUp('folder')}
          startIcon={isBackingUp ? <CircularProgress size={18} aria-hidden /> : undefined}
        >
          {isBackingUp ? t('backup.backingUp') : t('backup.backUpNow')}
        </Button>
        <Button variant="outlined" disabled={isBusy} onClick={() => void backUp('choose')}>
          {t('backup.backUpToFile')}
        </Button>
        {!isReadOnly && (
          <Button
            variant="outlined"
            disabled={isBusy}
            onClick={() =>
              void restoreFlow.start({ kind: 'choose', dialogTitle: t('backup.openDialogTitle') })
            }
          >
            {t('backup.restoreFromFile')}
          </Button>
        )}
      </Stack>
      {isBackingUp && (
        <BackupProgress
          label={t('backup.backingUp')}
          value={backupProgress === null || backupProgress >= 1 ? null : backupProgress}
        />
      )}
      {restoreFlow.isBusy && !restoreFlow.dialog && (
        <BackupProgress label={t('backup.reading')} value={restoreFlow.readProgress} />
      )}

      <Typography variant="subtitle1" component="h3" sx={{ mt: 3 }}>
        {t('backup.listTitle')}
      </Typography>
      {backups === null ? (
        <Typography color="text.secondary">{t('backup.listLoading')}</Typography>
      ) : backups.length === 0 ? (
        <Typography color="text.secondary">{t('backup.listEmpty')}</Typography>
      ) : (
        <Table size="small" aria-label={t('backup.listTitle')} data-testid="backup-list">
          <TableHead>
            <TableRow>
              <TableCell>{t('backup.made')}</TableCell>
              <TableCell>{t('backup.why')}</TableCell>
              <TableCell>{t('backup.kept')}</TableCell>
              <TableCell align="right">{t('backup.records')}</TableCell>
              <TableCell align="right">{t('backup.size')}</TableCell>
              <TableCell>{t('backup.computer')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {backups.map((entry) => {
              const date = format.timestamp(entry.createdAt);
              return (
                <TableRow key={entry.fileName} data-testid="backup-row">
                  <TableCell title={entry.fileName}>{date}</TableCell>
                  <TableCell>
                    {entry.reason ? t(`backup.reason.${REASON_KEYS[entry.reason]}`) : ''}
                  </TableCell>
                  <TableCell data-testid="backup-pool">
                    {entry.pool === 'rotated' && t('backup.pool.rotated', { count: settings.keep })}
                    {entry.pool === 'kept' && t('backup.pool.kept')}
                  </TableCell>
                  <TableCell align="right">
                    {entry.problem ? '' : integers.format(recordCount(entry))}
                  </TableCell>
                  <TableCell align="right">{megabytes.format(entry.size / 1_048_576)}</TableCell>
                  <TableCell>{entry.deviceName ?? ''}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {entry.problem ? (
                      <Chip
                        size="small"
                        color="error"
                        variant="outlined"
                        label={t('backup.unusable')}
                      />
                    ) : (
                      !isReadOnly && (
                        <Button
                          size="small"
                          disabled={isBusy}
                          aria-label={t('backup.restoreNamed', { date })}
                          onClick={() =>
                            void restoreFlow.start({ kind: 'folder', fileName: entry.fileName })
                          }
                        >
                          {t('backup.restore')}
                        </Button>
                      )
                    )}
                    {entry.pool !== null && (
                      <Button
                        size="small"
                        color="error"
                        disabled={isBusy}
                        aria-label={t('backup.deleteNamed', { date })}
                        onClick={() => setToDelete({ fileName: entry.fileName, date })}
                      >
                        {t('backup.delete')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {restoreFlow.dialog}
      {toDelete && (
        <DeleteBackupDialog
          fileName={toDelete.fileName}
          date={toDelete.date}
          isDeleting={isDeleting}
          onConfirm={() => void deleteBackup(toDelete.fileName)}
          onCancel={() => setToDelete(null)}
        />
      )}
    </Box>
  );
}
