import type { TFunction } from 'i18next';
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
] as const;
type TranslatedCode = (typeof TRANSLATED)[number];

const isTranslated = (code: string): code is TranslatedCode =>
  (TRANSLATED as readonly string[]).includes(code);

/**
 * What went wrong, for the user: file failures from main in the UI language with the file's name,
 * anything else with its own message (main's English, or a renderer error's text).
 */
export function describeError(error: unknown, t: TFunction): string {
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
    }
  }
  return error instanceof Error ? error.message : String(error);
}
