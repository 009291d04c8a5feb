import { Alert, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useRegistry } from '../../app/RegistryContext';

/** Where the registry, settings and logs are on disk, and why there. */
export function DataLocationsSection() {
  const { t } = useTranslation();
  const { policy } = useRegistry();
  const locations = policy.dataLocations;
  return (
    <>
      <Typography>
        {t('dataLocations.dataFolder')}:{' '}
        <code data-testid="data-folder">{locations.dataFolder}</code>
      </Typography>
      <Typography>
        {t('dataLocations.logsFolder')}: <code>{locations.logsFolder}</code>
      </Typography>
      <Typography color="text.secondary" sx={{ mt: 1 }} data-testid="data-folder-source">
        {t(`dataLocations.source.${locations.source}`)}
      </Typography>
      {locations.problem && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {t('dataLocations.problem', { problem: locations.problem })}
        </Alert>
      )}
    </>
  );
}
