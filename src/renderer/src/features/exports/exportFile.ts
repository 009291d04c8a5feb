import { buildCsv, encodeCsv } from '@shared/formats/csv';
import { buildSnapshot, encodeSnapshot } from '@shared/formats/json';
import { buildVCards, encodeVCards } from '@shared/formats/vcard';
import type { FollowUp, Person, RegistryEvent } from '@shared/model/records';
import type { Column, ColumnContext, ListKind } from '../records/columns';
import type { ListRow } from '../records/listModel';
import {
  buildExportTable,
  eventCalendarEntries,
  exportableRows,
  followUpCalendarEntries,
  personContactCards,
  rowRecords,
} from './exportContent';

/** The formats a list exports to; `calendar` and `contacts` only where they mean something. */
export type ExportFormat = 'csv' | 'csvExcel' | 'xlsx' | 'json' | 'calendar' | 'contacts';

export type ExportRequest = {
  kind: ListKind;
  format: ExportFormat;
  /** The list's rows, filtered and sorted as shown. */
  rows: readonly ListRow<ListKind>[];
  /** The visible columns in their order. */
  columns: readonly Column<ListKind>[];
  context: ColumnContext;
  includeRestricted: boolean;
  /** The section's name in the UI language: sheet, calendar and snapshot title. */
  section: string;
  now: Date;
};

export type ExportFile = {
  bytes: Uint8Array<ArrayBuffer>;
  extension: 'csv' | 'xlsx' | 'json' | 'ics' | 'vcf';
  /** How many records the file holds. */
  written: number;
  restrictedLeftOut: number;
  /** Calendar exports: records left out because no date is known to the day. */
  undatedLeftOut: number;
};

/**
 * Builds an export's bytes from what the list shows. Loaded on demand by the Export menu, and
 * itself loading write-excel-file and ical-generator only for the formats that need them, so
 * none of it weighs on the app's start.
 */
export async function buildExportFile(request: ExportRequest): Promise<ExportFile> {
  const { format, context } = request;
  const { rows, restrictedLeftOut } = exportableRows(request.rows, request.includeRestricted);
  const base = { written: rows.length, restrictedLeftOut, undatedLeftOut: 0 };
  switch (format) {
    case 'csv':
    case 'csvExcel': {
      const table = buildExportTable(rows, request.columns, context);
      const text = buildCsv(table, format === 'csv' ? ',' : ';');
      return { ...base, bytes: encodeCsv(text), extension: 'csv' };
    }
    case 'xlsx': {
      const { buildXlsx, XLSX_DATE_FORMATS } = await import('@shared/formats/xlsx');
      const formats = XLSX_DATE_FORMATS[context.format.language];
      const bytes = await buildXlsx(buildExportTable(rows, request.columns, context), {
        sheetName: request.section,
        dateFormat: formats.date,
        dateTimeFormat: formats.dateTime,
      });
      return { ...base, bytes, extension: 'xlsx' };
    }
    case 'json': {
      const title = context.t('exports.snapshotTitle', {
        section: request.section,
        date: context.today,
      });
      const snapshot = buildSnapshot(request.kind, rowRecords(rows), title);
      return { ...base, bytes: encodeSnapshot(snapshot), extension: 'json' };
    }
    case 'calendar': {
      const records = rowRecords(rows);
      const entries =
        request.kind === 'events'
          ? eventCalendarEntries(records as RegistryEvent[], context)
          : request.kind === 'followUps'
            ? followUpCalendarEntries(records as FollowUp[], context)
            : [];
      const { buildCalendar, encodeCalendar } = await import('@shared/formats/ics');
      const calendar = buildCalendar(entries, { name: request.section, stamp: request.now });
      return {
        ...base,
        bytes: encodeCalendar(calendar.text),
        extension: 'ics',
        written: calendar.included,
        undatedLeftOut: calendar.skipped,
      };
    }
    case 'contacts': {
      const cards = personContactCards(rowRecords(rows) as Person[], context);
      return { ...base, bytes: encodeVCards(buildVCards(cards)), extension: 'vcf' };
    }
  }
}
