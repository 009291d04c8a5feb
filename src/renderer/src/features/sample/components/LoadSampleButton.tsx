import {
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECORD_KINDS } from '@shared/model/records';
import { useRegistry } from '../../../app/RegistryContext';
import { registryClient } from '../../../ipc/registryClient';
import { useNotify } from '../../../ui/Notifications';
import { countLiveRecords } from '../../records/queries';
import { loadSnapshot } from '../loadSnapshot';

type LoadSampleButtonProps = { variant?: 'contained' | 'outlined' };

/**
 * Loads resources/sample-registry.json. Over a registry that already holds records it asks first,
 * and it never changes a record that is already there.
 */
export function LoadSampleButton({ variant = 'contained' }: LoadSampleButtonProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const { db, bulkDb, mutationContext } = useRegistry();
  const [isLoading, setIsLoading] = useState(false);
  const [existingCount, setExistingCount] = useState<number | null>(null);

  const load = async () => {
    setExistingCount(null);
    setIsLoading(true);
    try {
      const snapshot = await registryClient.sample.read();
      const result = await loadSnapshot(bulkDb, snapshot, mutationContext);
      notify(
        result.added === 0
          ? { severity: 'info', message: t('sample.alreadyLoaded') }
          : { severity: 'success', message: t('sample.loaded', { count: result.added }) },
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      notify({ severity: 'error', message: t('sample.failed', { message }) });
    } finally {
      setIsLoading(false);
    }
  };

  const start = async () => {
    try {
      const counts = await countLiveRecords(db);
      const total = RECORD_KINDS.reduce((sum, kind) => sum + counts[kind], 0);
      if (total > 0) setExistingCount(total);
      else await load();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      notify({ severity: 'error', message: t('sample.failed', { message }) });
    }
  };

  return (
    <>
      <Button
        variant={variant}
        onClick={() => void start()}
        disabled={isLoading}
        startIcon={isLoading ? <CircularProgress size={18} aria-hidden /> : undefined}
      >
        {isLoading ? t('sample.loading') : t('sample.load')}
      </Button>
      <Dialog open={existingCount !== null} onClose={() => setExistingCount(null)}>
        <DialogTitle>{t('sample.confirmTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {t('sample.confirmBody', { count: existingCount ?? 0 })}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setExistingCount(null)}>{t('common.cancel')}</Button>
          <Button variant="contained" onClick={() => void load()}>
            {t('sample.confirmAction')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
