import { cellText, type Cell, type ImportRow, type ImportTable } from './cells';
import { ImportFileError } from './importFileError';

/** More data rows than this and the file is refused: the preview and one transaction must fit. */
export const MAX_IMPORT_ROWS = 200_000;

const isBlank = (cells: readonly Cell[]) => cells.every((cell) => cellText(cell) === '');

/** Rows above the header that can be a sheet's title ("Tədbirlər, 2016") or a note. */
const HEADER_SEARCH_ROWS = 10;

const filledCount = (cells: readonly Cell[]) =>
  cells.filter((cell) => cellText(cell) !== '').length;

/**
 * The header row: the first of the first non-blank rows that fills at least half as many cells as
 * the fullest of them (and two, when any fills two), so a title line such as "Tədbirlər, 2016"
 * above the table is not taken for its header. -1 when every row is blank.
 */
function findHeaderRow(rows: readonly (readonly Cell[])[]): number {
  const candidates: { index: number; filled: number }[] = [];
  for (let index = 0; index < rows.length && candidates.length < HEADER_SEARCH_ROWS; index += 1) {
    const filled = filledCount(rows[index] ?? []);
    if (filled > 0) candidates.push({ index, filled });
  }
  const most = Math.max(0, ...candidates.map((candidate) => candidate.filled));
  const header = candidates.find(
    (candidate) => candidate.filled * 2 >= most && candidate.filled >= Math.min(2, most),
  );
  return header?.index ?? -1;
}

/**
 * A table from raw rows (index 0 is the spreadsheet's row 1): the header is found as above,
 * rows above it and blank rows are left out but keep the numbering, and values past the last
 * header are kept and named as a problem of their row rather than silently dropped.
 */
export function tableFromRows(
  name: string,
  rows: readonly (readonly Cell[])[],
  defects: ReadonlyMap<number, ImportRow['defect']> = new Map(),
): ImportTable {
  const headerIndex = findHeaderRow(rows);
  if (headerIndex < 0) return { name, headers: [], rows: [] };
  const headerCells = rows[headerIndex] ?? [];
  let width = headerCells.length;
  while (width > 0 && cellText(headerCells[width - 1]) === '') width -= 1;
  const headers = headerCells.slice(0, width).map((cell) => cellText(cell));
  const data: ImportRow[] = [];
  for (let index = headerIndex + 1; index < rows.length; index += 1) {
    const cells = rows[index] ?? [];
    if (isBlank(cells)) continue;
    if (data.length >= MAX_IMPORT_ROWS) {
      throw new ImportFileError('tooManyRows', `More than ${MAX_IMPORT_ROWS} rows`, {
        limit: String(MAX_IMPORT_ROWS),
      });
    }
    const row: ImportRow = { rowNumber: index + 1, cells: [...cells] };
    const defect =
      defects.get(index) ??
      (cells.slice(width).some((cell) => cellText(cell) !== '') ? 'extraCells' : undefined);
    if (defect) row.defect = defect;
    data.push(row);
  }
  return { name, headers, rows: data };
}
