import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegistry } from '../../../app/RegistryContext';
import { registryClient } from '../../../ipc/registryClient';
import { useNotify } from '../../../ui/Notifications';
import { backupRequest } from '../backupRegistry';
import { createBackupOverIpc } from '../backupTransport';
import { describeBackupError } from '../describeBackupError';
import { takeFlashMessage } from '../flashMessage';
import { isEmptyRegistry, readRegistryTables } from '../registryTables';

/** How often an open app asks whether the schedule wants a backup. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Work the backup feature does in the background of an open registry: the message a restore
 * carried over its reload, and the scheduled backup, checked when the app opens and every hour
 * while it stays open. An empty registry has nothing to back up.
 */
export function BackupTasks() {
  const { t } = useTranslation();
  const notify = useNotify();
  const { db } = useRegistry();

  useEffect(() => {
    const message = takeFlashMessage();
    if (message) notify(message);
  }, [notify]);

  useEffect(() => {
    const effect = { isCurrent: true };
    // A function, so every await is followed by a fresh look (the effect may have ended).
    const isStale = () => !effect.isCurrent;
    const check = async () => {
      try {
        if (!(await registryClient.backup.due()).isDue || isStale()) return;
        const tables = await readRegistryTables(db);
        if (isEmptyRegistry(tables) || isStale()) return;
        await createBackupOverIpc()(backupRequest(tables, db.verno, 'scheduled'));
      } catch (error) {
        if (isStale()) return;
        notify({
          severity: 'warning',
          message: t('backup.automaticFailed', { message: describeBackupError(error, t) }),
        });
      }
    };
    void check();
    const timer = window.setInterval(() => void check(), CHECK_EVERY_MS);
    return () => {
      effect.isCurrent = false;
      window.clearInterval(timer);
    };
  }, [db, notify, t]);

  return null;
}
