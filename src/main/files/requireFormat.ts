import { isUtf8 } from 'node:buffer';
import { BackupFormatError } from '@shared/backup/backupFormat';
import { bytesSource, readZipDirectory } from '@shared/backup/zipReader';
import { BUNDLE_MAGIC } from '@shared/exchange/bundleFormat';
import type { SaveFormat } from '@shared/ipc/contract';
import { AppError } from '../ipc/AppError';

const ascii = (text: string) => new TextEncoder().encode(text);
const PDF_SIGNATURE = ascii('%PDF-');
const ZIP_SIGNATURE = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** The parts without which Excel and Word refuse to open an Office Open XML package. */
const OFFICE_PARTS = {
  xlsx: ['[Content_Types].xml', 'xl/workbook.xml'],
  docx: ['[Content_Types].xml', 'word/document.xml'],
} as const;

function startsWith(bytes: Uint8Array, prefix: Uint8Array, at = 0): boolean {
  return bytes.length >= at + prefix.length && prefix.every((byte, i) => bytes[at + i] === byte);
}

/** Where the text starts: after a UTF-8 byte-order mark, if there is one. */
const textStart = (bytes: Uint8Array) => (startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0);

/** Why `bytes` are not UTF-8 text, or null. NUL never occurs in the app's text formats. */
function textMismatch(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return 'it contains NUL bytes, so it is not text';
  if (!isUtf8(bytes)) return 'it is not UTF-8 text';
  return null;
}

/** Case-insensitive, as iCalendar and vCard property names are. */
function startsWithLine(bytes: Uint8Array, line: string): boolean {
  const at = textStart(bytes);
  const head = new TextDecoder().decode(bytes.subarray(at, at + line.length));
  return head.toUpperCase() === line;
}

function firstNonSpace(bytes: Uint8Array): number | undefined {
  for (let i = textStart(bytes); i < bytes.length; i += 1) {
    const byte = bytes[i];
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return byte;
  }
  return undefined;
}

/**
 * Lists the package's entries from its central directory without inflating any of them, with the
 * strict reader backups and bundles use: an archive it refuses is no package Office would open.
 */
async function officeMismatch(
  bytes: Uint8Array,
  format: keyof typeof OFFICE_PARTS,
): Promise<string | null> {
  if (!startsWith(bytes, ZIP_SIGNATURE)) return 'it is not a zip package';
  let names: Set<string>;
  try {
    const entries = await readZipDirectory(bytesSource(bytes), {
      fileBytes: Number.MAX_SAFE_INTEGER,
      entries: 100_000,
      entryBytes: () => Number.MAX_SAFE_INTEGER,
      totalBytes: Number.MAX_SAFE_INTEGER,
    });
    names = new Set(entries.map((entry) => entry.name));
  } catch (error) {
    if (error instanceof BackupFormatError) return 'it is not a readable zip package';
    throw error;
  }
  const missing = OFFICE_PARTS[format].filter((part) => !names.has(part));
  return missing.length === 0 ? null : `it lacks ${missing.join(' and ')}`;
}

/**
 * Why `bytes` cannot be a file of `format`, or null when they look like one. Main writes only what
 * it is told it writes, so a renderer driven by an attacker cannot put a program or a script on
 * disk under a name the policy allows (a ".csv" that is a Windows executable, a ".pdf" that is
 * HTML). These are signature checks, cheap for a 500 MB export, not validators of the whole file.
 * An exchange bundle's header is read by FileService, which also decides on its encryption.
 */
export async function formatMismatch(
  format: SaveFormat,
  bytes: Uint8Array,
): Promise<string | null> {
  switch (format) {
    case 'pdf':
      return startsWith(bytes, PDF_SIGNATURE) ? null : 'it does not start with %PDF-';
    case 'xlsx':
    case 'docx':
      return officeMismatch(bytes, format);
    case 'csv':
      return textMismatch(bytes);
    case 'json': {
      const first = firstNonSpace(bytes);
      return (
        textMismatch(bytes) ??
        (first === 0x7b || first === 0x5b ? null : 'it does not start with { or [')
      );
    }
    case 'ics':
      return (
        textMismatch(bytes) ??
        (startsWithLine(bytes, 'BEGIN:VCALENDAR') ? null : 'it does not start with BEGIN:VCALENDAR')
      );
    case 'vcf':
      // A list whose people were all left out (restricted) exports as an empty address book.
      if (firstNonSpace(bytes) === undefined) return textMismatch(bytes);
      return (
        textMismatch(bytes) ??
        (startsWithLine(bytes, 'BEGIN:VCARD') ? null : 'it does not start with BEGIN:VCARD')
      );
    case 'coopx':
      return isBundle(bytes) ? null : 'it does not start like an exchange bundle';
  }
}

/** The bytes start with the exchange bundle's magic, whatever their name or purpose says. */
export function isBundle(bytes: Uint8Array): boolean {
  return startsWith(bytes, BUNDLE_MAGIC);
}

/**
 * Refuses bytes that are not `format` with `invalid-data`, naming the file, the format and what
 * is wrong, so nothing is written and the user learns why.
 */
export async function requireFormat(
  format: SaveFormat,
  bytes: Uint8Array,
  fileName: string,
): Promise<void> {
  const mismatch = await formatMismatch(format, bytes);
  if (mismatch === null) return;
  throw new AppError(
    'invalid-data',
    `“${fileName}” was not saved: its content is not ${format.toUpperCase()} (${mismatch}).`,
    { details: { fileName, expected: format, reason: mismatch } },
  );
}
