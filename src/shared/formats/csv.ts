import type { ExportTable } from './exportTable';

/**
 * `,` is RFC 4180; `;` is what Excel expects where the decimal separator is a comma (az, ru and
 * most of Europe): there a comma-separated file opens as one column.
 */
export type CsvSeparator = ',' | ';';

/** Excel reads UTF-8 only when the file starts with a byte-order mark; without it ə and я break. */
const BOM = '\uFEFF';

/**
 * Text a spreadsheet would run as a formula. A partner's name arriving from an imported file must
 * not become `=HYPERLINK(...)` on an officer's screen, so such cells get a leading apostrophe,
 * which Excel and LibreOffice hide and treat as "this is text" (OWASP's advice for CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEUTRALIZED_FORMULA = /^'[=+\-@\t\r]/;

/** The text with a leading apostrophe when a spreadsheet would otherwise run it as a formula. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * The inverse, for CSV the app reads back (its own exports, the import's rejected rows): the
 * apostrophe that neutralizeFormula added is dropped, so "+994 12 …" round-trips as it was.
 */
export function restoreNeutralizedFormula(text: string): string {
  return NEUTRALIZED_FORMULA.test(text) ? text.slice(1) : text;
}

function csvField(text: string, separator: CsvSeparator): string {
  const safe = neutralizeFormula(text);
  const needsQuotes =
    safe.includes(separator) ||
    safe.includes('"') ||
    safe.includes('\n') ||
    safe.includes('\r') ||
    safe !== safe.trim();
  return needsQuotes ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The table as CSV text (RFC 4180: CRLF line ends, fields with the separator, quotes, line breaks
 * or edge spaces quoted, quotes doubled), cells as the list shows them, headers first.
 */
export function buildCsv(table: ExportTable, separator: CsvSeparator): string {
  const lines = [table.headers.map((header) => csvField(header, separator)).join(separator)];
  for (const row of table.rows) {
    lines.push(row.map((cell) => csvField(cell.text, separator)).join(separator));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The CSV text as the bytes of a file: UTF-8 with a byte-order mark, so Excel reads ə and я. */
export function encodeCsv(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(BOM + text);
}
