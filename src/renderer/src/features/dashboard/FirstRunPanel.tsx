import { Paper, Stack, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegistry } from '../../app/RegistryContext';
import { LoadSampleButton } from '../sample/components/LoadSampleButton';

// The restore flow is loaded with the welcome's second paint, not with the app's first.
const RestoreFromBackupButton = lazy(async () => ({
  default: (await import('../backup/components/RestoreFromBackupButton')).RestoreFromBackupButton,
}));

/** The empty registry's welcome: what the app is for and the one thing to do first. */
export function FirstRunPanel() {
  const { t } = useTranslation();
  const { isReadOnly } = useRegistry();
  return (
    <Paper variant="outlined" sx={{ p: 4, maxWidth: 760 }} data-testid="first-run">
      <Typography variant="h5" component="h2" gutterBottom>
        {t('firstRun.title')}
      </Typography>
      <Typography sx={{ mb: 2 }}>{t('firstRun.body')}</Typography>
      <Typography variant="h6" component="h3" gutterBottom>
        {t('firstRun.emptyTitle')}
      </Typography>
      {isReadOnly ? (
        <Typography sx={{ mb: 2 }}>{t('policy.readOnlyEmpty')}</Typography>
      ) : (
        <>
          <Typography sx={{ mb: 2 }}>{t('firstRun.sampleHint')}</Typography>
          <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
            <LoadSampleButton />
          </Stack>
          <Typography sx={{ mb: 2 }}>{t('backup.firstRunHint')}</Typography>
          <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
            <Suspense fallback={null}>
              <RestoreFromBackupButton />
            </Suspense>
          </Stack>
        </>
      )}
      <Typography color="text.secondary">{t('firstRun.sectionsHint')}</Typography>
    </Paper>
  );
}
