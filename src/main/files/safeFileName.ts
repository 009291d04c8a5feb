import { extname } from 'node:path';
import { withoutInvisibleCharacters } from '@shared/text/invisibleCharacters';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;

/**
 * Characters Windows refuses in names, path separators, and every control character (C0, DEL,
 * C1). Replaced by `_`, so "a:b" stays readable as "a_b".
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]/g;

const MAX_NAME_BYTES = 200;
const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/**
 * A file name that is safe to create on Windows, macOS and Linux, cannot leave its folder and reads
 * as what it is: the last path segment only, NFC, without invisible or bidirectional control
 * characters, characters Windows refuses, reserved device names or trailing dots and spaces,
 * short enough for every file system, and never empty (`fallback` then). Every name the app writes
 * or offers in a save dialog passes through here: names arrive from records, bundles, backups and
 * the renderer, so they are untrusted.
 */
export function safeFileName(name: string, fallback = 'attachment'): string {
  const lastSegment = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let safe = withoutInvisibleCharacters(lastSegment)
    .replace(UNSAFE, '_')
    .trim()
    .replace(/[. ]+$/, '');
  if (safe === '' || /^\.+$/.test(safe)) safe = fallback;
  if (WINDOWS_RESERVED.test(safe)) safe = `_${safe}`;
  const extension = extname(safe);
  let stem = safe.slice(0, safe.length - extension.length);
  while (stem.length > 1 && utf8Length(stem + extension) > MAX_NAME_BYTES) {
    stem = Array.from(stem).slice(0, -1).join('');
  }
  return utf8Length(stem + extension) > MAX_NAME_BYTES ? fallback : stem + extension;
}
