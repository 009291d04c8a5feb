import { Button, CircularProgress } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useCurrentRestoreTarget } from '../restoreTargets';
import { useRestoreFlow } from '../useRestoreFlow';

/** "Restore from a backup…" for the first-run screen: a new laptop starts from a backup file. */
export function RestoreFromBackupButton() {
  const { t } = useTranslation();
  const restoreFlow = useRestoreFlow(useCurrentRestoreTarget());
  return (
    <>
      <Button
        variant="outlined"
        disabled={restoreFlow.isBusy}
        onClick={() =>
          void restoreFlow.start({ kind: 'choose', dialogTitle: t('backup.openDialogTitle') })
        }
        startIcon={
          restoreFlow.isBusy && !restoreFlow.dialog ? (
            <CircularProgress size={18} aria-hidden />
          ) : undefined
        }
      >
        {t('backup.firstRunRestore')}
      </Button>
      {restoreFlow.dialog}
    </>
  );
}
