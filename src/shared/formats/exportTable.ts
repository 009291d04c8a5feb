import type { PartialDate } from '../model/partialDate';

/**
 * What a cell is when it is more than text, so a spreadsheet can hold a real number or date.
 * A `date` may be partial: only a date known to the day becomes a spreadsheet date, coarser ones stay
 * the text the list shows, so no day is ever invented. `dateTime` is a wall-clock time on this
 * computer ("2026-11-27T14:03:00"), as the list shows it; spreadsheets have no time zones.
 */
export type TypedValue =
  | { type: 'number'; value: number; numberFormat?: string }
  | { type: 'date'; date: PartialDate }
  | { type: 'dateTime'; local: string };

/** One exported cell: the text the list shows, and its typed value where it has one. */
export type ExportCell = { text: string; value?: TypedValue | null };

/**
 * A list as exported: its visible columns' headers in the UI language and its rows in list order.
 * Every tabular format (CSV, XLSX) writes from this one shape, so they cannot disagree.
 */
export type ExportTable = {
  headers: readonly string[];
  rows: readonly (readonly ExportCell[])[];
};

const FILE_NAME_FORBIDDEN = /[\\/:*?"<>|\p{Cc}]+/gu;

/**
 * A file name for an export that every file system accepts: "Agreements 2026-11-27.xlsx".
 * Section names are translated, so characters Windows refuses are replaced rather than trusted.
 */
export function exportFileName(section: string, isoDay: string, extension: string): string {
  const base = `${section} ${isoDay}`.replace(FILE_NAME_FORBIDDEN, '-').trim();
  return `${base}.${extension}`;
}
