import Papa from 'papaparse';
import { cellText, type Cell } from './cells';

export type RejectedRow = { cells: readonly Cell[]; rowNumber: number; reason: string };

/**
 * The rows an import left out, as a CSV the user can fix and import again: the file's own columns
 * first (so the same mapping fits), then the row number it had and why it was left out. UTF-8
 * with a byte-order mark, so Excel shows Azerbaijani and Russian text correctly when opening it.
 */
export function rejectedRowsCsv(options: {
  headers: readonly string[];
  rows: readonly RejectedRow[];
  rowHeader: string;
  reasonHeader: string;
  delimiter: string;
}): Uint8Array<ArrayBuffer> {
  const width = Math.max(options.headers.length, ...options.rows.map((row) => row.cells.length));
  const headers = Array.from({ length: width }, (_, index) => options.headers[index] ?? '');
  const text = Papa.unparse(
    {
      fields: [...headers, options.rowHeader, options.reasonHeader],
      data: options.rows.map((row) => [
        ...headers.map((_, index) => cellText(row.cells[index])),
        String(row.rowNumber),
        row.reason,
      ]),
    },
    { delimiter: options.delimiter, newline: '\r\n', quotes: false },
  );
  const body = new TextEncoder().encode(text + '\r\n');
  const bytes = new Uint8Array(body.length + 3);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(body, 3);
  return bytes;
}
