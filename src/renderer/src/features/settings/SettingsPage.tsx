import { Alert, Box, FormControl, InputLabel, MenuItem, Select, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '@shared/model/localizedText';
import { useRegistry } from '../../app/RegistryContext';
import { useLanguage } from '../../app/useLanguage';
import { PageSection } from '../../ui/PageSection';
import { BackupSection } from '../backup/components/BackupSection';
import { RegistryExportSection } from '../exports/components/RegistryExportSection';
import { LoadSampleButton } from '../sample/components/LoadSampleButton';
import { SearchIndexSection } from '../search/SearchIndexSection';
import { DataLocationsSection } from './DataLocationsSection';
import { DeviceNameForm } from './DeviceNameForm';
import { PolicySection } from './PolicySection';

/** Language, storage protection, this computer's identity, the sample registry and versions. */
export function SettingsPage() {
  const { t } = useTranslation();
  const [language, setLanguage, isLanguageEnforced] = useLanguage();
  const { appInfo, isStoragePersisted, isReadOnly } = useRegistry();

  return (
    <Box sx={{ maxWidth: 860 }}>
      <Typography variant="h4" component="h1" gutterBottom>
        {t('settings.title')}
      </Typography>

      <PageSection title={t('settings.languageSection')}>
        <FormControl sx={{ minWidth: 240 }}>
          <InputLabel id="settings-language">{t('language.label')}</InputLabel>
          <Select
            labelId="settings-language"
            label={t('language.label')}
            value={language}
            onChange={(event) => setLanguage(event.target.value)}
            disabled={isLanguageEnforced}
          >
            {LANGUAGES.map((option) => (
              <MenuItem key={option} value={option} lang={option}>
                {t(`language.${option}`)}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {isLanguageEnforced ? t('policy.languageEnforced') : t('settings.languageHelp')}
        </Typography>
      </PageSection>

      <PageSection title={t('settings.storageSection')}>
        <Alert
          severity={
            isStoragePersisted === null ? 'info' : isStoragePersisted ? 'success' : 'warning'
          }
          data-testid="storage-persisted"
          data-persisted={String(isStoragePersisted)}
        >
          {isStoragePersisted === null
            ? t('settings.persistUnknown')
            : isStoragePersisted
              ? t('settings.persisted')
              : t('settings.notPersisted')}
        </Alert>
      </PageSection>

      <PageSection title={t('search.indexTitle')}>
        <SearchIndexSection />
      </PageSection>

      <PageSection title={t('backup.section')}>
        <BackupSection />
      </PageSection>

      <PageSection title={t('exports.registry.section')}>
        <RegistryExportSection />
      </PageSection>

      <PageSection title={t('dataLocations.section')}>
        <DataLocationsSection />
      </PageSection>

      <PageSection title={t('policy.section')}>
        <PolicySection />
      </PageSection>

      <PageSection title={t('settings.deviceSection')}>
        <DeviceNameForm />
      </PageSection>

      {!isReadOnly && (
        <PageSection title={t('settings.sampleSection')}>
          <Typography sx={{ mb: 2 }}>{t('settings.sampleHelp')}</Typography>
          <LoadSampleButton variant="outlined" />
        </PageSection>
      )}

      <PageSection title={t('settings.aboutSection')}>
        <Typography>{t('settings.version', { version: appInfo.appVersion })}</Typography>
        <Typography color="text.secondary">
          {appInfo.electronVersion
            ? t('settings.engine', {
                electron: appInfo.electronVersion,
                chrome: appInfo.chromeVersion ?? '',
              })
            : t('settings.engineBrowser')}
        </Typography>
      </PageSection>
    </Box>
  );
}
