import { Alert, AlertTitle, Box, Button, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

/**
 * Replaces the app when another window or launch upgrades the registry under it: this window has
 * closed its connection (so the upgrade is not blocked and old code never writes into the new
 * schema), and the only way on is a reload, which opens the registry as it now is.
 */
export function RegistrySupersededScreen() {
  const { t } = useTranslation();
  return (
    <Box sx={{ maxWidth: 720, mx: 'auto', mt: 8, px: 2 }}>
      <Alert severity="warning" role="alert">
        <AlertTitle>{t('errors.supersededTitle')}</AlertTitle>
        <Typography sx={{ mb: 2 }}>{t('errors.supersededBody')}</Typography>
        <Button variant="contained" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </Button>
      </Alert>
    </Box>
  );
}
