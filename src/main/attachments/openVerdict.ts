import { extname } from 'node:path';
import { FILE_TYPE_INFO, type AttachmentVerdict, type FileType } from '@shared/model/fileType';
import { hasInvisibleCharacters } from '@shared/text/invisibleCharacters';
import { safeFileName } from '../files/safeFileName';
import { RUNNABLE_EXTENSIONS } from './runnableExtensions';

const DOCUMENT_EXTENSIONS = new Set(
  Object.values(FILE_TYPE_INFO).flatMap((info) => info.extensions),
);

const extensionOf = (name: string) => extname(name).slice(1).toLowerCase();

/**
 * Plain text may open under a name of its own (notes.md, server.log, config.ini, README): its
 * viewer copy is named .txt (viewerFileName), so it opens as text whatever the name says. Not
 * under a name the system runs (notes.exe), nor one that claims another document type
 * (report.pdf), which the user should hear is not what it says.
 */
function isTextName(extension: string): boolean {
  return !RUNNABLE_EXTENSIONS.has(extension) && !DOCUMENT_EXTENSIONS.has(extension);
}

// eslint-disable-next-line no-control-regex -- control characters in a name are what is looked for
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A name made to look like another type of file: one with invisible or direction-changing
 * characters or control characters, or a document extension followed by an executable one.
 */
export function isDisguisedName(fileName: string): boolean {
  if (hasInvisibleCharacters(fileName) || CONTROL.test(fileName)) return true;
  const parts = safeFileName(fileName).toLowerCase().split('.');
  const last = parts.at(-1) ?? '';
  const beforeLast = (parts.at(-2) ?? '').trim();
  return parts.length >= 3 && RUNNABLE_EXTENSIONS.has(last) && DOCUMENT_EXTENSIONS.has(beforeLast);
}

/**
 * Whether a file of this real type, under this name, may be shown in the system viewer. Only an
 * allow-listed type whose name carries one of its own extensions (or plain text under a name that
 * claims no other type, see isTextName), without disguise, opens; the first reason found (most
 * serious first) is what the user is told.
 */
export function openVerdict(fileName: string, type: FileType): AttachmentVerdict {
  const { handling, extensions } = FILE_TYPE_INFO[type];
  const refuse = (reason: Exclude<AttachmentVerdict, { canOpen: true }>['reason']) =>
    ({ canOpen: false, type, reason }) as const;
  if (handling === 'runs-code') return refuse('runs-code');
  if (isDisguisedName(fileName)) return refuse('disguised-name');
  if (handling === 'not-supported') return refuse('not-supported');
  const extension = extensionOf(safeFileName(fileName));
  const isOwnName = extensions.includes(extension) || (type === 'txt' && isTextName(extension));
  return isOwnName ? { canOpen: true, type } : refuse('mismatch');
}

/**
 * The name the viewer's copy gets: it ends in its type's canonical extension, so the operating
 * system picks the program for what the bytes are, never for what the name claims. One of the
 * type's own extensions is replaced (Signing.JPEG becomes Signing.jpg); any other is kept before
 * it, so text under a name of its own still reads as that name (server.log.txt).
 */
export function viewerFileName(fileName: string, type: FileType): string {
  const name = safeFileName(fileName);
  const { extensions } = FILE_TYPE_INFO[type];
  const extension = extname(name);
  const stem = extensions.includes(extensionOf(name))
    ? name.slice(0, name.length - extension.length)
    : name;
  return safeFileName(`${stem}.${extensions[0] ?? 'bin'}`);
}
