import { Button, CircularProgress, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isReadOnlyPolicy } from '@shared/model/policy';
import { registryClient } from '../../../ipc/registryClient';
import { useNotify } from '../../../ui/Notifications';
import { brokenRestoreTarget } from '../restoreTargets';
import { useRestoreFlow, type RestoreTarget } from '../useRestoreFlow';

type RecoveryPanelProps = { databaseName: string };

/**
 * The recovery screen's way back: restore from the newest backup in the backup folder, or from a
 * file the user picks, each after a preview and a confirmation. Not offered where the machine
 * policy makes the registry read-only.
 */
export function RecoveryPanel({ databaseName }: RecoveryPanelProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [isReadOnly, setIsReadOnly] = useState<boolean | null>(null);
  const target = useMemo<RestoreTarget>(() => brokenRestoreTarget(databaseName), [databaseName]);
  const restoreFlow = useRestoreFlow(target);

  useEffect(() => {
    registryClient.policy.get().then(
      (policy) => setIsReadOnly(isReadOnlyPolicy(policy.settings)),
      () => setIsReadOnly(false),
    );
  }, []);

  if (isReadOnly !== false) return null;

  const restoreNewest = async () => {
    try {
      // The newest usable backup, or a clear word that there is none.
      const { folder, backups } = await registryClient.backup.list();
      if (!backups.some((backup) => backup.problem === null)) {
        notify({ severity: 'warning', message: t('backup.recoveryNone', { folder }) });
        return;
      }
    } catch {
      // The folder could not be listed: reading the newest backup says why, below.
    }
    await restoreFlow.start({ kind: 'newest' });
  };

  return (
    <Paper variant="outlined" sx={{ p: 3, mt: 3 }} data-testid="recovery-panel">
      <Typography variant="h6" component="h2" gutterBottom>
        {t('backup.recoveryTitle')}
      </Typography>
      <Typography sx={{ mb: 2 }}>{t('backup.recoveryBody')}</Typography>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }} useFlexGap>
        <Button
          variant="contained"
          disabled={restoreFlow.isBusy}
          onClick={() => void restoreNewest()}
          startIcon={
            restoreFlow.isBusy && !restoreFlow.dialog ? (
              <CircularProgress size={18} aria-hidden />
            ) : undefined
          }
        >
          {t('backup.recoveryNewest')}
        </Button>
        <Button
          variant="outlined"
          disabled={restoreFlow.isBusy}
          onClick={() =>
            void restoreFlow.start({ kind: 'choose', dialogTitle: t('backup.openDialogTitle') })
          }
        >
          {t('backup.recoveryChoose')}
        </Button>
      </Stack>
      {restoreFlow.dialog}
    </Paper>
  );
}
