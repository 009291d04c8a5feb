import type { RecordKind } from '../model/records';
import type { ImportFieldId } from './importFields';

/** What can be wrong with one value or row; the UI words each in its language. */
export const ROW_PROBLEM_CODES = [
  'required',
  'dateUnrecognized',
  'dateImpossible',
  'dateTwoDigitYear',
  'enumUnknown',
  'countryUnknown',
  'partnerUnknown',
  'partnerAmbiguous',
  'personUnknown',
  'personAmbiguous',
  'numberInvalid',
  'numberAmbiguous',
  'integerInvalid',
  'currencyInvalid',
  'currencyMissing',
  'amountMissing',
  'emailInvalid',
  'languageUnknown',
  'tooLong',
  'unclosedQuote',
  'extraCells',
  'endBeforeStart',
  'seriesNameMissing',
  'positionMissing',
  'idInvalid',
  'invalid',
] as const;
export type RowProblemCode = (typeof ROW_PROBLEM_CODES)[number];

/**
 * One problem in one row: where (the spreadsheet's row number and the column, or the record's
 * field for JSON), what the cell said, and what is wrong with it.
 */
export type RowProblem = {
  rowNumber: number;
  /** Zero-based column index; null when the problem is the row's as a whole. */
  column: number | null;
  field: ImportFieldId | null;
  code: RowProblemCode;
  /** The cell's text (or the name that matched nothing), so the message can quote it. */
  value: string;
  /** A message from the model for `invalid` (English; rare: earlier checks catch most). */
  detail?: string;
};

/** How a row matched a record already in the registry. */
export type DuplicateMatch = {
  recordId: string;
  /** The existing record's name, to show beside the row's. */
  label: string;
  by: 'reference' | 'id' | 'name';
};

/** What the user decides for a row that matches an existing record. */
export type DuplicateDecision = 'skip' | 'update' | 'create';

/**
 * One row of the file on its way into the registry: the record it would create, the values it
 * would change on an existing one, every problem it has, and the record it may duplicate.
 */
export type RowPlan = {
  kind: RecordKind;
  rowNumber: number;
  /** A JSON record's own id, kept so links between the file's records survive. */
  fileId: string | null;
  /** The row's name or title, for lists of problems and duplicates. */
  label: string;
  /** Content for a new record (before the model's defaults), or null when the row has problems. */
  content: Record<string, unknown> | null;
  /** Only what the row says, shaped like the record, for updating an existing one. */
  patch: Record<string, unknown> | null;
  problems: RowProblem[];
  reference: string | null;
  /** Every name the row gives (all languages), and its date, for the duplicate check. */
  matchNames: string[];
  matchDate: string | null;
  duplicate: DuplicateMatch | null;
};
