import type { TFunction } from 'i18next';
import type { IpcChannel } from '@shared/ipc/contract';
import {
  fileTypeSchema,
  openRefusalSchema,
  type FileType,
  type OpenRefusal,
} from '@shared/model/fileType';
import { IpcCallError } from '../ipc/registryClient';

/** Codes whose message the UI words itself (in its language), with main's details filled in. */
const TRANSLATED = [
  'too-large',
  'disk-full',
  'no-permission',
  'file-locked',
  'not-found',
  'attachment-missing',
  'attachment-damaged',
  'no-viewer',
  'unsafe-file-type',
] as const;
type TranslatedCode = (typeof TRANSLATED)[number];

const isTranslated = (code: string): code is TranslatedCode =>
  (TRANSLATED as readonly string[]).includes(code);

/**
 * Why a file is not opened, naming what its bytes really are: on the document page in place of
 * Open, and as the message of main's `unsafe-file-type` refusal.
 */
export function describeOpenRefusal(
  refusal: { fileName: string; type: FileType; reason: OpenRefusal },
  t: TFunction,
): string {
  return t(`attachments.refusal.${refusal.reason}`, {
    fileName: refusal.fileName,
    type: t(`attachments.fileTypes.${refusal.type}`),
  });
}

/** The error or anything it wraps (Dexie's `inner`, a `cause`) is named `name`. */
function isCausedBy(error: unknown, name: string): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (current.name === name) return true;
    const wrapped = current as Error & { inner?: unknown };
    current = wrapped.inner ?? wrapped.cause;
  }
  return false;
}

type ReadOnlyAction = 'sample' | 'openFile' | 'attach' | 'storeAttachment' | 'restoreBackup';

/** What each channel main refuses under a read-only policy does, in the user's words. */
const READ_ONLY_ACTIONS = new Map<string, ReadOnlyAction>(
  Object.entries({
    'sample:read': 'sample',
    'file:open': 'openFile',
    'attachment:add': 'attach',
    'attachment:store': 'storeAttachment',
    'backup:read': 'restoreBackup',
    'backup:download': 'restoreBackup',
  } satisfies Partial<Record<IpcChannel, ReadOnlyAction>>),
);

type Details = IpcCallError['details'];

/**
 * Main's `policy-forbids` in the UI language: which setting of the machine policy refused what.
 * Null for a refusal whose details this version does not know (main's English is used then).
 */
function describePolicyRefusal(details: Details, t: TFunction): string | null {
  const fileName = String(details.fileName ?? '');
  switch (details.setting) {
    case 'readOnly': {
      const action = READ_ONLY_ACTIONS.get(String(details.action)) ?? 'change';
      return t('refusals.readOnly', { action: t(`refusals.actions.${action}`) });
    }
    case 'allowedExportFormats': {
      const format = String(details.format ?? '').toUpperCase();
      const allowed = String(details.allowed ?? '').toUpperCase();
      return allowed === ''
        ? t('refusals.noExport', { format })
        : t('refusals.exportFormat', { format, allowed });
    }
    case 'allowUnencryptedBundles':
      return t(
        details.action === 'file:open' ? 'refusals.unencryptedOpen' : 'refusals.unencryptedSave',
        { fileName },
      );
    default:
      return null;
  }
}

/** Main's `invalid-data` for a file that is not the format it was saved or opened as. */
function describeWrongFormat(details: Details, t: TFunction): string | null {
  const { fileName, expected } = details;
  if (fileName === undefined || typeof expected !== 'string') return null;
  if (expected === 'coopx') {
    // Main reads only the header: what it can find wrong there is its age, its key derivation, or
    // that it is no bundle header at all.
    const key =
      details.bundleProblem === 'newer-format'
        ? 'refusals.bundleNewer'
        : details.bundleProblem === 'unsafe-kdf'
          ? 'refusals.bundleUnsafeKdf'
          : 'refusals.notBundle';
    return t(key, { fileName: String(fileName) });
  }
  return t('refusals.notFormat', { fileName: String(fileName), format: expected.toUpperCase() });
}

/**
 * What went wrong, for the user: file failures from main in the UI language with the file's name,
 * what the machine policy refused and which of its settings did, a file that is not the format it
 * claims, a full or closed registry database in words that say what to do, anything else with its
 * own message (main's English, or a renderer error's text).
 */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof IpcCallError) {
    const refusal =
      error.code === 'policy-forbids'
        ? describePolicyRefusal(error.details, t)
        : error.code === 'invalid-data'
          ? describeWrongFormat(error.details, t)
          : null;
    if (refusal !== null) return refusal;
  }
  if (error instanceof IpcCallError && isTranslated(error.code) && error.details.fileName) {
    const fileName = String(error.details.fileName);
    switch (error.code) {
      case 'too-large':
        return t(
          error.details.action === 'attach' ? 'fileErrors.tooLargeToAttach' : 'fileErrors.tooLarge',
          {
            fileName,
            actual: String(error.details.size ?? ''),
            maximum: String(error.details.limit ?? ''),
          },
        );
      case 'disk-full':
        return t('fileErrors.diskFull', { fileName });
      case 'no-permission':
        return t('fileErrors.noPermission', { fileName });
      case 'file-locked':
        return t('fileErrors.fileLocked', { fileName });
      case 'not-found':
        return t('fileErrors.notFound', { fileName });
      case 'attachment-missing':
        return t('attachments.missing', { fileName });
      case 'attachment-damaged':
        return t('fileErrors.attachmentDamaged', { fileName });
      case 'no-viewer':
        return t('fileErrors.noViewer', { fileName });
      case 'unsafe-file-type': {
        const type = fileTypeSchema.safeParse(error.details.detectedType);
        const reason = openRefusalSchema.safeParse(error.details.reason);
        if (type.success && reason.success) {
          return describeOpenRefusal({ fileName, type: type.data, reason: reason.data }, t);
        }
        break;
      }
    }
  }
  // Storage trouble has a cause the user can act on; IndexedDB's own words do not say it.
  if (isCausedBy(error, 'QuotaExceededError')) return t('errors.storageFull');
  if (isCausedBy(error, 'DatabaseClosedError')) return t('errors.storageClosed');
  return error instanceof Error ? error.message : String(error);
}
