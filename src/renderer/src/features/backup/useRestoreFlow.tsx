import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BackupRowError } from '@shared/backup/validateBackupRows';
import type { IpcInput } from '@shared/ipc/contract';
import { registryClient } from '../../ipc/registryClient';
import { useNotify } from '../../ui/Notifications';
import { readBackupOverIpc } from './backupTransport';
import { describeBackupError } from './describeBackupError';
import { reloadWithMessage } from './flashMessage';
import type { RegistryTables } from './registryTables';
import { previewRestore, type RestorePreview } from './restorePreview';
import { prepareRestore, type BackupToRestore, type RestoreConsent } from './restoreRegistry';

// Loaded when a restore is first previewed, so the first paint does not carry the dialog.
const RestoreDialog = lazy(async () => ({
  default: (await import('./components/RestoreDialog')).RestoreDialog,
}));

/** Where a restore goes: the open registry, or one that will not open (the recovery screen). */
export type RestoreTarget = {
  /** The registry as it is now; null when it cannot be read. */
  readCurrent: () => Promise<RegistryTables | null>;
  restore: (backup: BackupToRestore, consent: RestoreConsent) => Promise<void>;
};

export type BackupSource = IpcInput<'backup:read'>['source'];

type Step =
  | { status: 'idle' }
  /** `progress`: the share of the tables received; null while main verifies or rows are checked. */
  | { status: 'reading'; progress: number | null }
  | {
      status: 'preview' | 'restoring';
      backup: BackupToRestore;
      preview: RestorePreview;
      needsConsent: boolean;
    };

/** Keeps the English reason a backup's row was refused in the log; the user sees it translated. */
function logRowRefusal(error: BackupRowError, fileName: string): void {
  registryClient.diagnostics
    .reportError({
      message: `The backup “${fileName}” was refused: ${error.message}`,
      stack: null,
      componentStack: null,
    })
    .catch(() => undefined);
}

/**
 * Restoring a backup from any screen: main reads and verifies the file, every row is checked
 * against its schema, the preview shows what would change, and only the user's confirmation
 * writes anything (the attachment files, then the registry); then the window reloads with the
 * outcome. Any failure is shown and changes nothing.
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
      setStep({ status: 'reading', progress: null });
      const backup = await prepareRestore(read);
      const current = await target.readCurrent().catch(() => null);
      setStep({
        status: 'preview',
        backup,
        preview: previewRestore(current, backup.rows),
        needsConsent: current === null,
      });
    } catch (error) {
      setStep({ status: 'idle' });
      if (error instanceof BackupRowError) logRowRefusal(error, fileName);
      notify({
        severity: 'error',
        message: t('backup.readFailed', { message: describeBackupError(error, t, fileName) }),
      });
    }
  };

  const confirm = async (consent: RestoreConsent) => {
    if (step.status !== 'preview') return;
    setStep({ ...step, status: 'restoring' });
    try {
      await target.restore(step.backup, consent);
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
          onConfirm={(consent) => void confirm(consent)}
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
