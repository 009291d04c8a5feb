import readExcelFile from 'read-excel-file/universal';
import type { Cell, ImportTable } from './cells';
import { ImportFileError } from './importFileError';
import { tableFromRows } from './tableFromRows';

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell Excel formatted as a date becomes that calendar day; other values stay as they are. */
function toCell(value: unknown): Cell {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  return null;
}

/**
 * Reads every sheet of an XLSX workbook. A damaged or truncated workbook (the zip or its XML does
 * not read) is refused with one clear reason instead of the library's message.
 */
export async function readXlsx(bytes: Uint8Array): Promise<ImportTable[]> {
  const buffer = bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength,
  ) as ArrayBuffer;
  let sheets: Awaited<ReturnType<typeof readExcelFile>>;
  try {
    sheets = await readExcelFile(buffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportFileError('xlsxDamaged', `The workbook could not be read: ${reason}`);
  }
  if (sheets.length === 0) throw new ImportFileError('noSheets', 'The workbook has no sheets');
  return sheets.map((sheet) =>
    tableFromRows(
      sheet.sheet,
      sheet.data.map((row) => row.map(toCell)),
    ),
  );
}
