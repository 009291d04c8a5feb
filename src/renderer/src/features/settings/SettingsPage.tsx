import {
  Alert,
  Box,
  Button,
  FormControl,
  InputLabel,
  MenuItem,
  Paper,
  Select,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '@shared/model/localizedText';
import { useRegistry } from '../../app/RegistryContext';
import { useLanguage } from '../../app/useLanguage';
import { registryClient } from '../../ipc/registryClient';
import { useNotify } from '../../ui/Notifications';
import { BackupSection } from '../backup/components/BackupSection';
import { RegistryExportSection } from '../exports/components/RegistryExportSection';
import { LoadSampleButton } from '../sample/components/LoadSampleButton';
import { SearchIndexSection } from '../search/SearchIndexSection';
import { DataLocationsSection } from './DataLocationsSection';
import { PolicySection } from './PolicySection';

function SettingsSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" sx={{ p: 3, mb: 3 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

/** Renames this installation; also on the Exchange page, where peers see the name. */
export function DeviceNameForm() {
  const { t } = useTranslation();
  const notify = useNotify();
  const { device, setDevice } = useRegistry();
  const [name, setName] = useState(device.deviceName);
  const [error, setError] = useState<string | null>(null);
  const trimmed = name.trim();

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    try {
      setDevice(await registryClient.device.rename({ deviceName: trimmed }));
      setError(null);
      notify({ severity: 'success', message: t('settings.renamed') });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  return (
    <Box component="form" onSubmit={(event) => void submit(event)} noValidate>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <TextField
          label={t('settings.deviceName')}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={error !== null || trimmed === ''}
          helperText={error ?? t('settings.deviceNameHelp')}
          slotProps={{ htmlInput: { maxLength: 80 } }}
          sx={{ minWidth: 320 }}
        />
        <Button
          type="submit"
          variant="outlined"
          disabled={trimmed === '' || trimmed === device.deviceName}
          sx={{ mt: 1 }}
        >
          {t('settings.rename')}
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {t('settings.deviceId')}: <code>{device.deviceId}</code>
      </Typography>
    </Box>
  );
}

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

      <SettingsSection title={t('settings.languageSection')}>
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
      </SettingsSection>

      <SettingsSection title={t('settings.storageSection')}>
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
      </SettingsSection>

      <SettingsSection title={t('search.indexTitle')}>
        <SearchIndexSection />
      </SettingsSection>

      <SettingsSection title={t('backup.section')}>
        <BackupSection />
      </SettingsSection>

      <SettingsSection title={t('exports.registry.section')}>
        <RegistryExportSection />
      </SettingsSection>

      <SettingsSection title={t('dataLocations.section')}>
        <DataLocationsSection />
      </SettingsSection>

      <SettingsSection title={t('policy.section')}>
        <PolicySection />
      </SettingsSection>

      <SettingsSection title={t('settings.deviceSection')}>
        <DeviceNameForm />
      </SettingsSection>

      {!isReadOnly && (
        <SettingsSection title={t('settings.sampleSection')}>
          <Typography sx={{ mb: 2 }}>{t('settings.sampleHelp')}</Typography>
          <LoadSampleButton variant="outlined" />
        </SettingsSection>
      )}

      <SettingsSection title={t('settings.aboutSection')}>
        <Typography>{t('settings.version', { version: appInfo.appVersion })}</Typography>
        <Typography color="text.secondary">
          {appInfo.electronVersion
            ? t('settings.engine', {
                electron: appInfo.electronVersion,
                chrome: appInfo.chromeVersion ?? '',
              })
            : t('settings.engineBrowser')}
        </Typography>
      </SettingsSection>
    </Box>
  );
}
