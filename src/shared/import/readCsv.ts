import Papa from 'papaparse';
import { restoreNeutralizedFormula } from '../formats/csv';
import type { Cell, ImportRow, ImportTable } from './cells';
import { decodeText, type TextEncodingName } from './decodeText';
import { detectDelimiter, type Delimiter } from './detectDelimiter';
import { tableFromRows } from './tableFromRows';

export type CsvInfo = {
  encoding: TextEncodingName;
  hasBom: boolean;
  delimiter: Delimiter;
  isTruncated: boolean;
};

/**
 * Parses CSV text with the delimiter detected from it. A quote left open (typical of a file cut
 * short) marks its row rather than failing the file, so the rows before it can still be used.
 * A cell the app's own CSV writers neutralized ('=…, '+994 …) reads back without the apostrophe.
 */
export function parseCsvText(
  name: string,
  text: string,
  onProgress?: (done: number, total: number) => void,
): { table: ImportTable; delimiter: Delimiter } {
  const delimiter = detectDelimiter(text);
  const rows: Cell[][] = [];
  const defects = new Map<number, ImportRow['defect']>();
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result) => {
      const index = rows.length;
      rows.push(result.data.map(restoreNeutralizedFormula));
      if (result.errors.some((error) => error.code === 'MissingQuotes'))
        defects.set(index, 'unclosedQuote');
      if (onProgress && index % 5_000 === 0) onProgress(result.meta.cursor, text.length);
    },
  });
  onProgress?.(text.length, text.length);
  return { table: tableFromRows(name, rows, defects), delimiter };
}

/** Decodes a CSV file's bytes (UTF-8, UTF-16 or Windows-1251) and parses it. */
export function readCsv(
  name: string,
  bytes: Uint8Array,
  onProgress?: (done: number, total: number) => void,
): { table: ImportTable; info: CsvInfo } {
  const decoded = decodeText(bytes);
  const { table, delimiter } = parseCsvText(name, decoded.text, onProgress);
  return {
    table,
    info: {
      encoding: decoded.encoding,
      hasBom: decoded.hasBom,
      delimiter,
      isTruncated: decoded.isTruncated,
    },
  };
}
