import type { Cell } from '@shared/import/cells';
import type { CsvInfo } from '@shared/import/readCsv';
import type { ExistingRecord } from '@shared/import/findDuplicates';
import type { ImportMapping } from '@shared/import/guessMapping';
import type { ImportFileErrorCode } from '@shared/import/importFileError';
import type { NamedRecord } from '@shared/import/nameIndex';
import { SNAPSHOT_KINDS } from '@shared/import/readSnapshot';
import type { RowPlan } from '@shared/import/rowPlan';
import type { RecordKind } from '@shared/model/records';

/** One sheet (or the CSV) as the wizard shows it before mapping: headers and the first rows. */
export type SheetSummary = {
  name: string;
  headers: string[];
  rowCount: number;
  sample: Cell[][];
};

/** What the worker found in a file. */
export type FileSummary =
  | { format: 'csv'; csv: CsvInfo; sheets: [SheetSummary] }
  | { format: 'xlsx'; sheets: SheetSummary[] }
  | { format: 'json'; title: string; counts: Partial<Record<RecordKind, number>>; sheets: [] };

/** What the registry already holds, for linking names and finding duplicates. */
export type RegistryLookups = {
  partners: NamedRecord[];
  people: NamedRecord[];
  /** Records already there, per kind the file may bring. */
  existing: Partial<Record<RecordKind, ExistingRecord[]>>;
  /** References remembered from earlier imports, per kind: reference → record id. */
  references: Partial<Record<RecordKind, Record<string, string>>>;
};

export type WorkerRequest =
  | { id: number; type: 'read'; name: string; bytes: Uint8Array }
  | {
      id: number;
      type: 'validate';
      sheet: number;
      mapping: ImportMapping;
      lookups: RegistryLookups;
    }
  | { id: number; type: 'validateSnapshot'; lookups: RegistryLookups }
  | {
      id: number;
      type: 'rejectedCsv';
      sheet: number;
      /** Row number → reason, for each row left out. */
      reasons: [number, string][];
      rowHeader: string;
      reasonHeader: string;
      delimiter: string;
    };

/** A failure the UI words: a file it cannot use, or anything unexpected (with its message). */
export type WorkerFailure =
  | { kind: 'file'; code: ImportFileErrorCode; params: Record<string, string> }
  | { kind: 'unexpected'; message: string };

export type WorkerResponse =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'read'; summary: FileSummary }
  | { id: number; type: 'validated'; plans: RowPlan[] }
  | { id: number; type: 'bytes'; bytes: Uint8Array<ArrayBuffer> }
  | { id: number; type: 'error'; failure: WorkerFailure };

/**
 * A row's key in `rejectedCsv` reasons: its row number, or for a JSON record (numbered within its
 * kind) the number with the kind's position folded in, so keys stay unique across kinds.
 */
export function planKey(
  plan: Pick<RowPlan, 'kind' | 'rowNumber' | 'fileId'>,
  isSnapshot: boolean,
): number {
  return isSnapshot
    ? SNAPSHOT_KINDS.indexOf(plan.kind) * 10_000_000 + plan.rowNumber
    : plan.rowNumber;
}
