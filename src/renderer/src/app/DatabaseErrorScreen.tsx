import { Alert, AlertTitle, Box, Button, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NewerRegistryError } from '../db/RegistryDb';
import { BackupBeforeMigrationError } from '../features/backup/backupRegistry';

// Loaded only when the database fails to open: the first paint does not carry it.
const RecoveryPanel = lazy(async () => ({
  default: (await import('../features/backup/components/RecoveryPanel')).RecoveryPanel,
}));

type DatabaseErrorScreenProps = { error: unknown; onRetry: () => void; databaseName: string };

/**
 * Replaces the app when the database will not open: never a blank window, and nothing touched
 * unless the user restores a backup from here (after a preview and a confirmation).
 */
export function DatabaseErrorScreen({ error, onRetry, databaseName }: DatabaseErrorScreenProps) {
  const { t } = useTranslation();
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const isNewerVersion = error instanceof NewerRegistryError;
  const isBackupFailure = error instanceof BackupBeforeMigrationError;
  return (
    <Box sx={{ maxWidth: 720, mx: 'auto', mt: 8, px: 2 }}>
      <Alert severity="error" role="alert">
        <AlertTitle>{t('errors.databaseTitle')}</AlertTitle>
        <Typography sx={{ mb: 2 }}>
          {isNewerVersion
            ? t('errors.databaseNewer')
            : isBackupFailure
              ? t('backup.migrationFailed')
              : t('errors.databaseBody')}
        </Typography>
        <Typography component="pre" sx={{ whiteSpace: 'pre-wrap', fontSize: 12, mb: 2 }}>
          {detail}
        </Typography>
        <Button variant="contained" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      </Alert>
      {!isBackupFailure && (
        <Suspense fallback={null}>
          <RecoveryPanel databaseName={databaseName} />
        </Suspense>
      )}
    </Box>
  );
}
