import type { ImportTable } from './cells';
import { decodeText } from './decodeText';
import { ImportFileError } from './importFileError';
import { parseCsvText, type CsvInfo } from './readCsv';
import { readSnapshot, type SnapshotFile } from './readSnapshot';
import { readXlsx } from './readXlsx';

/** What a file turned out to be, and what was read from it. */
export type ParsedImportFile =
  | { format: 'csv'; tables: [ImportTable]; csv: CsvInfo }
  | { format: 'xlsx'; tables: ImportTable[] }
  | { format: 'json'; snapshot: SnapshotFile; tables: [] };

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);

/** Control characters other than tab, newlines and form feed: a sign of a binary file. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8_192);
  let control = 0;
  for (const char of sample) {
    const code = char.codePointAt(0) ?? 0;
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) || code === 0xfffd) {
      control += 1;
    }
  }
  return control > Math.max(2, sample.length / 100);
}

/**
 * Works out what a file is from its bytes, not its name (a CSV saved as .txt, an XLSX renamed):
 * a zip is a workbook, an old binary Excel file is refused with advice, text starting with "{"
 * is the registry's JSON, any other text is CSV. Every refusal is an ImportFileError.
 */
export async function readImportFile(
  name: string,
  bytes: Uint8Array,
  onProgress?: (done: number, total: number) => void,
): Promise<ParsedImportFile> {
  if (bytes.length === 0) throw new ImportFileError('empty', 'The file is empty');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return { format: 'xlsx', tables: await readXlsx(bytes) };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new ImportFileError('legacyXls', 'An Excel 97–2003 workbook');
  }
  const decoded = decodeText(bytes);
  if (decoded.text.trim() === '') throw new ImportFileError('empty', 'The file holds no text');
  if (looksBinary(decoded.text)) throw new ImportFileError('notText', 'The file is not text');
  if (decoded.text.trimStart().startsWith('{')) {
    return { format: 'json', snapshot: readSnapshot(decoded.text), tables: [] };
  }
  const { table, delimiter } = parseCsvText(name, decoded.text, onProgress);
  if (table.headers.length === 0) throw new ImportFileError('noHeader', 'No header row');
  return {
    format: 'csv',
    tables: [table],
    csv: {
      encoding: decoded.encoding,
      hasBom: decoded.hasBom,
      delimiter,
      isTruncated: decoded.isTruncated,
    },
  };
}
