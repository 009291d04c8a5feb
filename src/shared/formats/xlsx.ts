import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/universal';
import type { Language } from '../model/localizedText';
import { parsePartialDate } from '../model/partialDate';
import type { ExportCell, ExportTable } from './exportTable';

/**
 * Excel number formats for real dates, per UI language: day-first everywhere (the app's English is
 * British), with the month spelled out in English, where 05/12 reads both ways to a foreign
 * partner. Excel shows month names in its own language, so az and ru use digits.
 */
export const XLSX_DATE_FORMATS: Record<Language, { date: string; dateTime: string }> = {
  en: { date: 'd mmm yyyy', dateTime: 'd mmm yyyy hh:mm' },
  az: { date: 'dd.mm.yyyy', dateTime: 'dd.mm.yyyy hh:mm' },
  ru: { date: 'dd.mm.yyyy', dateTime: 'dd.mm.yyyy hh:mm' },
};

export type XlsxOptions = {
  sheetName: string;
  dateFormat: string;
  dateTimeFormat: string;
};

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
/** Width of a date cell in characters, whatever the format: "28 Sep 2016 10:15" and a margin. */
const DATE_WIDTH = 12;
const DATE_TIME_WIDTH = 18;

const SHEET_NAME_FORBIDDEN = /[\\/?*:[\]]/g;

/** Excel refuses sheet names over 31 characters or with \ / ? * : [ ]. */
export function xlsxSheetName(name: string): string {
  const cleaned = name.replace(SHEET_NAME_FORBIDDEN, ' ').trim().slice(0, 31).trim();
  return cleaned === '' ? 'Sheet1' : cleaned;
}

/** Date.UTC for YYYY-MM-DD or a local YYYY-MM-DDTHH:MM[:SS]: the library counts days from UTC. */
function utcDate(year: number, month: number, day: number, time = '00:00:00'): Date {
  const [hours = 0, minutes = 0, seconds = 0] = time.split(':').map(Number);
  return new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds));
}

function typedCell(cell: ExportCell, options: XlsxOptions): { cell: Cell; width: number } {
  const { value, text } = cell;
  if (value?.type === 'number' && Number.isFinite(value.value)) {
    return {
      cell: {
        value: value.value,
        type: Number,
        ...(value.numberFormat ? { format: value.numberFormat } : {}),
      },
      width: text.length,
    };
  }
  if (value?.type === 'date') {
    const parsed = parsePartialDate(value.date);
    if (parsed && parsed.month !== null && parsed.day !== null) {
      return {
        cell: {
          value: utcDate(parsed.year, parsed.month, parsed.day),
          type: Date,
          format: options.dateFormat,
        },
        width: DATE_WIDTH,
      };
    }
  }
  if (value?.type === 'dateTime') {
    const [day = '', time] = value.local.split('T');
    const parsed = parsePartialDate(day);
    if (parsed && parsed.month !== null && parsed.day !== null) {
      return {
        cell: {
          value: utcDate(parsed.year, parsed.month, parsed.day, time),
          type: Date,
          format: options.dateTimeFormat,
        },
        width: DATE_TIME_WIDTH,
      };
    }
  }
  // Partial dates land here too: text exactly as displayed, so "2014" never becomes 1 January.
  return { cell: text === '' ? null : { value: text, type: String }, width: longestLine(text) };
}

function longestLine(text: string): number {
  let longest = 0;
  for (const line of text.split('\n')) longest = Math.max(longest, line.length);
  return longest;
}

/**
 * The table as an .xlsx workbook: one sheet, a bold header row frozen in place, columns as wide as
 * their content (within limits), numbers and full dates as real Excel values so they sort and
 * sum, everything else as text.
 */
export async function buildXlsx(
  table: ExportTable,
  options: XlsxOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  const widths = table.headers.map((header) => header.length);
  const data: SheetData = [
    table.headers.map((header) => ({ value: header, type: String, fontWeight: 'bold' as const })),
  ];
  for (const row of table.rows) {
    data.push(
      row.map((exportCell, index) => {
        const { cell, width } = typedCell(exportCell, options);
        if (width > (widths[index] ?? 0)) widths[index] = width;
        return cell;
      }),
    );
  }
  const blob = await writeXlsxFile(data, {
    sheet: xlsxSheetName(options.sheetName),
    stickyRowsCount: 1,
    columns: widths.map((width) => ({
      width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 2)),
    })),
  }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
