import { Alert, AlertTitle, Box, Button, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { NewerRegistryError } from '../db/RegistryDb';

type DatabaseErrorScreenProps = { error: unknown; onRetry: () => void };

/** Replaces the app when the database will not open: never a blank window, and nothing touched. */
export function DatabaseErrorScreen({ error, onRetry }: DatabaseErrorScreenProps) {
  const { t } = useTranslation();
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const isNewerVersion = error instanceof NewerRegistryError;
  return (
    <Box sx={{ maxWidth: 720, mx: 'auto', mt: 8, px: 2 }}>
      <Alert severity="error" role="alert">
        <AlertTitle>{t('errors.databaseTitle')}</AlertTitle>
        <Typography sx={{ mb: 2 }}>
          {isNewerVersion ? t('errors.databaseNewer') : t('errors.databaseBody')}
        </Typography>
        <Typography component="pre" sx={{ whiteSpace: 'pre-wrap', fontSize: 12, mb: 2 }}>
          {detail}
        </Typography>
        <Button variant="contained" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      </Alert>
    </Box>
  );
}
