/**
 * One cell as the import sees it: text from a CSV, or a typed value from an XLSX sheet. Dates Excel
 * formatted as dates arrive as "YYYY-MM-DD" text; a number in a date column is an Excel serial.
 */
export type Cell = string | number | boolean | null;

/** One data row with the row number a spreadsheet program shows for it (the header is row 1). */
export type ImportRow = {
  rowNumber: number;
  cells: Cell[];
  /** The CSV reader found something wrong with the row itself, before any column is looked at. */
  defect?: 'unclosedQuote' | 'extraCells';
};

/** One sheet of a workbook, or the whole of a CSV file. */
export type ImportTable = {
  name: string;
  headers: string[];
  rows: ImportRow[];
};

/** A cell as the text a person would see in the spreadsheet. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell).trim();
}

/** Spreadsheet column letters (A, B, …, Z, AA, …) for a zero-based index, as Excel labels them. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
