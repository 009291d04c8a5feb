import FileDownloadIcon from '@mui/icons-material/FileDownload';
import { Box, Button, LinearProgress, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportFileName } from '@shared/formats/exportTable';
import { allowedExportFormats } from '@shared/model/policy';
import { useRegistry } from '../../../app/RegistryContext';
import { registryClient } from '../../../ipc/registryClient';
import { describeError } from '../../../ui/describeError';
import { useNotify } from '../../../ui/Notifications';
import { todayIso } from '../../../ui/todayIso';

/**
 * Settings: the whole registry (every record not in Trash) as one JSON file, readable by people
 * and other tools, that the import wizard turns back into the same registry. Unlike a backup it
 * carries no attachments and no history. Offered only where the machine policy allows JSON exports.
 */
export function RegistryExportSection() {
  const { t } = useTranslation();
  const { db, policy } = useRegistry();
  const isAllowed = allowedExportFormats(policy.settings).includes('json');
  const notify = useNotify();
  const [isExporting, setIsExporting] = useState(false);

  const run = async () => {
    setIsExporting(true);
    try {
      const today = todayIso();
      const section = t('exports.registry.fileTitle');
      const { exportRegistry } = await import('../registryExport');
      const file = await exportRegistry(db, t('exports.snapshotTitle', { section, date: today }));
      const saved = await registryClient.file.save({
        title: t('exports.registry.dialogTitle'),
        defaultName: exportFileName(section, today, 'json'),
        format: 'json',
        filterName: t('exports.filter.json'),
        bytes: file.bytes,
      });
      if (saved) {
        notify({
          severity: 'success',
          message: t('exports.saved', { name: saved.name, count: file.total }),
        });
      }
    } catch (error) {
      notify({
        severity: 'error',
        message: t('exports.failed', { reason: describeError(error, t) }),
      });
    } finally {
      setIsExporting(false);
    }
  };

  return (
    <Box>
      <Typography color="text.secondary">{t('exports.registry.description')}</Typography>
      {!isAllowed && (
        <Typography color="text.secondary" sx={{ mt: 1 }} data-testid="registry-export-forbidden">
          {t('exports.formatNotAllowed', { format: 'JSON' })}
        </Typography>
      )}
      {isExporting && (
        <Box role="status" sx={{ mt: 1 }}>
          <Typography variant="body2">{t('exports.registry.working')}</Typography>
          <LinearProgress />
        </Box>
      )}
      <Button
        sx={{ mt: 2 }}
        variant="outlined"
        startIcon={<FileDownloadIcon />}
        disabled={isExporting || !isAllowed}
        onClick={() => void run()}
      >
        {t('exports.registry.button')}
      </Button>
    </Box>
  );
}
