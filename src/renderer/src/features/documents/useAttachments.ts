import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcOutput } from '@shared/ipc/contract';
import type { AttachmentVerdict } from '@shared/model/fileType';
import type { DocumentFile } from '@shared/model/records';
import { IpcCallError, registryClient } from '../../ipc/registryClient';
import { describeError } from '../../ui/describeError';
import { useNotify } from '../../ui/Notifications';

/** A file main has just stored, and whether the same bytes were stored already. */
export type AttachedFile = NonNullable<IpcOutput<'attachment:add'>>;

const checkers = new Set<() => void>();

/** Makes every missing-file warning and file verdict on screen look at the disk again. */
function recheckAttachments(): void {
  for (const check of checkers) check();
}

/**
 * A number that grows whenever stored files should be looked at again: after an action found one
 * missing or stored one, and, when `onFocus`, when the window regains focus (the user may have
 * put a file back, or deleted one).
 */
function useRecheckGeneration(onFocus = true): number {
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const again = () => setGeneration((current) => current + 1);
    checkers.add(again);
    return () => {
      checkers.delete(again);
    };
  }, []);
  useEffect(() => {
    if (!onFocus) return;
    const again = () => setGeneration((current) => current + 1);
    window.addEventListener('focus', again);
    return () => {
      window.removeEventListener('focus', again);
    };
  }, [onFocus]);
  return generation;
}

const NOTHING_MISSING: ReadonlySet<string> = new Set();

/**
 * The hashes among these files that are not on this computer, asked of main when the files
 * change and whenever stored files should be looked at again. Empty until main answers: a
 * warning appears only for a file known missing.
 */
export function useMissingFiles(files: readonly (DocumentFile | null)[]): ReadonlySet<string> {
  const key = [...new Set(files.flatMap((file) => (file ? [file.sha256] : [])))].sort().join(',');
  const generation = useRecheckGeneration();
  const [answer, setAnswer] = useState<{ key: string; missing: ReadonlySet<string> } | null>(null);

  useEffect(() => {
    if (key === '') return;
    let isCurrent = true;
    registryClient.attachment.check({ sha256s: key.split(',') }).then(
      ({ missing }) => {
        if (isCurrent) setAnswer({ key, missing: new Set(missing) });
      },
      // A failed check shows no warning; opening the file still says what is wrong.
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [key, generation]);

  return answer?.key === key ? answer.missing : NOTHING_MISSING;
}

/**
 * A document's stored file as main found it: what its bytes are and whether main will open it
 * (the record's `mediaType` and name may have come from another laptop and claim anything), or
 * that it is missing from this computer; `looking` while main reads it, `unknown` when it could
 * not say (Open then tells what is wrong).
 */
export type StoredFile =
  | { status: 'looking' }
  | { status: 'missing' }
  | { status: 'unknown' }
  | { status: 'inspected'; verdict: AttachmentVerdict };

const LOOKING: StoredFile = { status: 'looking' };

/**
 * What main says of a document's file, from one attachment:inspect that answers both what it is
 * and whether it is there. Bytes under a hash never change, so a file once inspected is asked
 * about again only after an action found a file missing or stored one; a missing file is also
 * asked about when the window regains focus, since the user may have put it back.
 */
export function useStoredFile(file: DocumentFile | null): StoredFile {
  const sha256 = file?.sha256;
  const name = file?.name;
  const key = sha256 === undefined ? '' : `${sha256}/${name ?? ''}`;
  const [answer, setAnswer] = useState<{ key: string; stored: StoredFile } | null>(null);
  const current = answer?.key === key ? answer.stored : LOOKING;
  const generation = useRecheckGeneration(current.status !== 'inspected');

  useEffect(() => {
    if (sha256 === undefined || name === undefined) return;
    let isCurrent = true;
    const answered = (stored: StoredFile) => {
      if (isCurrent) setAnswer({ key: `${sha256}/${name}`, stored });
    };
    registryClient.attachment.inspect({ sha256, name }).then(
      (verdict) => answered({ status: 'inspected', verdict }),
      (error: unknown) =>
        answered({
          status:
            error instanceof IpcCallError && error.code === 'attachment-missing'
              ? 'missing'
              : 'unknown',
        }),
    );
    return () => {
      isCurrent = false;
    };
  }, [sha256, name, generation]);

  return current;
}

/**
 * Attaching, opening and saving stored files, with failures told in the UI language. Each action
 * resolves when done and never throws; `pick` resolves to null when cancelled or refused.
 */
export function useAttachmentActions() {
  const { t } = useTranslation();
  const notify = useNotify();
  return useMemo(() => {
    const fail = (error: unknown) => {
      notify({ severity: 'error', message: describeError(error, t) });
      if (
        error instanceof IpcCallError &&
        (error.code === 'attachment-missing' || error.code === 'attachment-damaged')
      ) {
        recheckAttachments();
      }
    };
    return {
      pick: async (): Promise<AttachedFile | null> => {
        try {
          const attached = await registryClient.attachment.add({
            title: t('attachments.dialogTitle'),
          });
          // Attaching the same bytes again puts a missing file back.
          if (attached?.isAlreadyStored === false) recheckAttachments();
          return attached;
        } catch (error) {
          fail(error);
          return null;
        }
      },
      open: async (file: DocumentFile): Promise<void> => {
        try {
          await registryClient.attachment.open({ sha256: file.sha256, name: file.name });
        } catch (error) {
          fail(error);
        }
      },
      saveCopy: async (file: DocumentFile): Promise<void> => {
        try {
          const saved = await registryClient.attachment.saveCopy({
            sha256: file.sha256,
            name: file.name,
            title: t('attachments.saveCopyTitle', { name: file.name }),
          });
          if (saved) {
            notify({
              severity: 'success',
              message: t('attachments.savedCopy', { name: saved.name }),
            });
          }
        } catch (error) {
          fail(error);
        }
      },
      /** What to tell the user once a picked file is in a document. */
      attachedMessage: (file: AttachedFile): string =>
        file.isAlreadyStored
          ? t('attachments.attachedReused', { name: file.name })
          : t('attachments.attached', { name: file.name }),
    };
  }, [notify, t]);
}
