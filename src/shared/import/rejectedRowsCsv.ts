import Papa from 'papaparse';
import { neutralizeFormula } from '../formats/csv';
import { cellText, type Cell } from './cells';

export type RejectedRow = { cells: readonly Cell[]; rowNumber: number; reason: string };

/**
 * The rows an import left out, as a CSV the user can fix and import again: the file's own columns
 * first (so the same mapping fits), then the row number it had and why it was left out. UTF-8
 * with a byte-order mark, so Excel shows Azerbaijani and Russian text correctly when opening it.
 * The rows came from someone else's file: a cell Excel would run as a formula gets the same
 * leading apostrophe as the app's CSV exports, which the import drops again on the way back in.
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
      fields: [...headers, options.rowHeader, options.reasonHeader].map(neutralizeFormula),
      data: options.rows.map((row) =>
        [
          ...headers.map((_, index) => cellText(row.cells[index])),
          String(row.rowNumber),
          row.reason,
        ].map(neutralizeFormula),
      ),
    },
    { delimiter: options.delimiter, newline: '\r\n', quotes: false },
  );
  const body = new TextEncoder().encode(text + '\r\n');
  const bytes = new Uint8Array(body.length + 3);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(body, 3);
  return bytes;
}
