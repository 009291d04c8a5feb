import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeBackupTables } from '@shared/backup/backupTables';
import type { IpcInput } from '@shared/ipc/contract';
import { useNotify } from '../../ui/Notifications';
import { readBackupOverIpc } from './backupTransport';
import { describeBackupError } from './describeBackupError';
import { reloadWithMessage } from './flashMessage';
import { LATEST_SCHEMA_VERSION } from '../../db/schema';
import { RestoreError, type RegistryTables } from './registryTables';
import { previewRestore, type RestorePreview } from './restorePreview';
import type { BackupToRestore } from './restoreRegistry';

// Loaded when a restore is first previewed, so the first paint does not carry the dialog.
const RestoreDialog = lazy(async () => ({
  default: (await import('./components/RestoreDialog')).RestoreDialog,
}));

/** Where a restore goes: the open registry, or one that will not open (the recovery screen). */
export type RestoreTarget = {
  /** The registry as it is now; null when it cannot be read. */
  readCurrent: () => Promise<RegistryTables | null>;
  restore: (backup: BackupToRestore, isWithoutBackupAllowed: boolean) => Promise<void>;
};

export type BackupSource = IpcInput<'backup:read'>['source'];

type Step =
  | { status: 'idle' }
  /** `progress`: the share of the tables received, null while main reads and verifies. */
  | { status: 'reading'; progress: number | null }
  | {
      status: 'preview' | 'restoring';
      backup: BackupToRestore;
      preview: RestorePreview;
      needsConsent: boolean;
    };

/**
 * Restoring a backup from any screen: main reads and verifies the file, the preview shows what
 * would change, and only the user's confirmation replaces the registry; then the window reloads
 * with the outcome. Any failure is shown and changes nothing.
 */
export function useRestoreFlow(target: RestoreTarget): {
  start: (source: BackupSource) => Promise<void>;
  isBusy: boolean;
  /** While a backup is being read: the share received (0–1), or null while main verifies it. */
  readProgress: number | null;
  dialog: ReactNode;
} {
  const { t } = useTranslation();
  const notify = useNotify();
  const [step, setStep] = useState<Step>({ status: 'idle' });

  const start = async (source: BackupSource) => {
    setStep({ status: 'reading', progress: null });
    let fileName = '';
    try {
      const read = await readBackupOverIpc(source, (fraction) =>
        setStep({ status: 'reading', progress: fraction }),
      );
      if (!read) {
        setStep({ status: 'idle' });
        return;
      }
      fileName = read.fileName;
      if (read.manifest.schemaVersion > LATEST_SCHEMA_VERSION) {
        throw new RestoreError('newer-schema', 'The backup is from a newer version of the app.');
      }
      const rows = decodeBackupTables(read.manifest, read.tables);
      const current = await target.readCurrent().catch(() => null);
      setStep({
        status: 'preview',
        backup: { fileName, manifest: read.manifest, rows },
        preview: previewRestore(current, rows),
        needsConsent: current === null,
      });
    } catch (error) {
      setStep({ status: 'idle' });
      notify({
        severity: 'error',
        message: t('backup.readFailed', { message: describeBackupError(error, t, fileName) }),
      });
    }
  };

  const confirm = async (isWithoutBackupAllowed: boolean) => {
    if (step.status !== 'preview') return;
    setStep({ ...step, status: 'restoring' });
    try {
      await target.restore(step.backup, isWithoutBackupAllowed);
      const count = step.preview.kinds.reduce((sum, row) => sum + row.inBackup, 0);
      reloadWithMessage({
        severity: 'success',
        message: t('backup.restored', { fileName: step.backup.fileName, count }),
      });
    } catch (error) {
      setStep({ status: 'idle' });
      notify({
        severity: 'error',
        message: t('backup.restoreFailed', {
          message: describeBackupError(error, t, step.backup.fileName),
        }),
      });
    }
  };

  const dialog =
    step.status === 'preview' || step.status === 'restoring' ? (
      <Suspense fallback={null}>
        <RestoreDialog
          backup={step.backup}
          preview={step.preview}
          isRestoring={step.status === 'restoring'}
          needsConsent={step.needsConsent}
          onConfirm={(allowed) => void confirm(allowed)}
          onCancel={() => setStep({ status: 'idle' })}
        />
      </Suspense>
    ) : null;

  return {
    start,
    isBusy: step.status !== 'idle',
    readProgress: step.status === 'reading' ? step.progress : null,
    dialog,
  };
}
