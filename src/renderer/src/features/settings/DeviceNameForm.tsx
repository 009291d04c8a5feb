import { Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegistry } from '../../app/RegistryContext';
import { registryClient } from '../../ipc/registryClient';
import { useNotify } from '../../ui/Notifications';

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
