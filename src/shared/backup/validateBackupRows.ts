import type * as z from 'zod';
import { RECORD_KINDS, type RecordKind } from '../model/records';
import { REGISTRY_TABLES, type RegistryTableName } from '../model/registryRows';
import { withoutInvisibleCharacters } from '../text/invisibleCharacters';
import type { BackupRow } from './backupTables';
import { describeIssues } from './describeIssues';

/**
 * A backup's rows are untrusted until every one has been parsed with the schema a write of that
 * table uses: a crafted or damaged backup must not put into the registry a record no form, import
 * or exchange could have written (an id that is not a UUID, a sensitivity level that does not
 * exist, a link to "../"), nor two rows under one key.
 */

/** What is wrong with one field of a row, in words the UI can translate. */
export type BackupFieldIssue =
  'missing' | 'wrong-type' | 'not-allowed' | 'bad-format' | 'too-long' | 'too-short' | 'invalid';

/** Why a row (or a whole table) was refused. */
export type BackupRowProblem =
  | {
      kind: 'invalid-field';
      issue: BackupFieldIssue;
      /** The field's path in the row, e.g. `sensitivity` or `steps.0.date`. */
      field: string;
      /** The refused value when it is short text or a number, for the message; else null. */
      value: string | null;
    }
  /** Another row of the table has the same key (`key` shows it). */
  | { kind: 'duplicate-key'; key: string }
  /** The record id is also a record of another kind (`otherTable`): ids are unique across kinds. */
  | { kind: 'id-in-two-kinds'; id: string; otherTable: string }
  /** The table does not exist in this version's registry. */
  | { kind: 'unknown-table' };

/** A backup refused for one of its rows; nothing was changed. The message is English, for the log. */
export class BackupRowError extends Error {
  constructor(
    readonly table: string,
    /** 1 for the table's first row; 0 when the table as a whole is refused. */
    readonly row: number,
    readonly problem: BackupRowProblem,
    message: string,
  ) {
    super(message);
    this.name = 'BackupRowError';
  }
}

declare const validatedBrand: unique symbol;

/**
 * Every table of a backup with every row as its schema gave it back (defaults applied, unknown
 * keys dropped). Only validateBackupRows makes one, so a restore cannot be handed rows that were
 * never checked.
 */
export type ValidatedTables = Record<string, BackupRow[]> & { readonly [validatedBrand]: true };

const ISSUES: Record<string, BackupFieldIssue> = {
  invalid_value: 'not-allowed',
  invalid_format: 'bad-format',
  too_big: 'too-long',
  too_small: 'too-short',
};

// eslint-disable-next-line no-control-regex -- control characters are what is removed here
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** The value at `path` in the row; undefined where the path leads nowhere. */
function valueAt(row: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = row;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * The refused value, when it can be shown in a sentence: without control characters or any that
 * hide or reorder text, since the value comes from the backup and is shown to the user.
 */
function shownValue(value: unknown): string | null {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return null;
  const text = withoutInvisibleCharacters(value).replace(CONTROL, '');
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function fieldProblem(row: unknown, issue: z.core.$ZodIssue): BackupRowProblem {
  const value = valueAt(row, issue.path);
  let kind: BackupFieldIssue = ISSUES[issue.code] ?? 'invalid';
  if (issue.code === 'invalid_type') kind = value === undefined ? 'missing' : 'wrong-type';
  return {
    kind: 'invalid-field',
    issue: kind,
    field: issue.path.map(String).join('.'),
    value: shownValue(value),
  };
}

/** The row's key as text, or null when a part is absent (IndexedDB then assigns it). */
function keyOf(row: Record<string, unknown>, fields: readonly string[]): string | null {
  const parts = fields.map((field) => row[field]);
  if (parts.some((part) => part === undefined)) return null;
  return parts.length === 1 ? String(parts[0]) : JSON.stringify(parts);
}

const isRegistryTable = (name: string): name is RegistryTableName =>
  Object.hasOwn(REGISTRY_TABLES, name);
const isRecordKind = (name: string): name is RecordKind =>
  (RECORD_KINDS as readonly string[]).includes(name);

/**
 * Parses every row of every table with the schema of the current database version (so an older
 * backup is checked after its migration, in the shape a write would produce), and refuses
 * duplicate keys within a table and a record id that appears under two kinds. Throws a
 * BackupRowError naming the table, the row and why, on the first row that fails.
 */
export function validateBackupRows(
  tables: Readonly<Record<string, readonly BackupRow[]>>,
): ValidatedTables {
  const result: Record<string, BackupRow[]> = {};
  /** Record id → the kind (table) it was first seen in. */
  const recordIds = new Map<string, string>();
  for (const name of Object.keys(tables)) {
    if (!isRegistryTable(name)) {
      throw new BackupRowError(
        name,
        0,
        { kind: 'unknown-table' },
        `The backup has a table “${name}” that this version of the registry does not have.`,
      );
    }
    const { schema, keys } = REGISTRY_TABLES[name];
    const seen = [keys.primary, ...keys.unique.map((field) => [field])].map((fields) => ({
      fields,
      rows: new Map<string, number>(),
    }));
    const parsedRows: BackupRow[] = [];
    const rows = tables[name] ?? [];
    rows.forEach((row, index) => {
      const number = index + 1;
      const parsed = schema.safeParse(row);
      if (!parsed.success) {
        const [first] = parsed.error.issues;
        throw new BackupRowError(
          name,
          number,
          first
            ? fieldProblem(row, first)
            : { kind: 'invalid-field', issue: 'invalid', field: '', value: null },
          `Row ${number} of the table “${name}” is invalid: ${describeIssues(parsed.error.issues, '(row)')}`,
        );
      }
      const value = parsed.data as BackupRow;
      for (const { fields, rows: keyed } of seen) {
        const key = keyOf(value, fields);
        if (key === null) continue;
        const earlier = keyed.get(key);
        if (earlier !== undefined) {
          throw new BackupRowError(
            name,
            number,
            { kind: 'duplicate-key', key },
            `Row ${number} of the table “${name}” has the same ${fields.join(' + ')} as row ${earlier}: ${key}`,
          );
        }
        keyed.set(key, number);
      }
      if (isRecordKind(name) && typeof value.id === 'string') {
        const otherTable = recordIds.get(value.id);
        if (otherTable !== undefined && otherTable !== name) {
          throw new BackupRowError(
            name,
            number,
            { kind: 'id-in-two-kinds', id: value.id, otherTable },
            `Row ${number} of the table “${name}” has the id ${value.id}, which is also a record in “${otherTable}”.`,
          );
        }
        recordIds.set(value.id, name);
      }
      parsedRows.push(value);
    });
    result[name] = parsedRows;
  }
  return result as ValidatedTables;
}
