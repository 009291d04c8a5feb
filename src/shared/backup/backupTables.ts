import { BackupFormatError, tablePartPath, type BackupManifest } from './backupFormat';

/** One table as the renderer sends it to main for a backup: its rows as JSON bytes. */
export type EncodedTable = { name: string; rows: number; bytes: Uint8Array<ArrayBuffer> };

/** A row as restored: whatever the table held, as JSON gives it back. */
export type BackupRow = Record<string, unknown>;

/**
 * Every table's rows as JSON bytes. JSON keeps all the registry stores (strings, numbers,
 * booleans, null, arrays, objects); object keys whose value is undefined are left out, which
 * reads back the same.
 */
export function encodeBackupTables(tables: Record<string, readonly unknown[]>): EncodedTable[] {
  const encoder = new TextEncoder();
  return Object.entries(tables).map(([name, rows]) => ({
    name,
    rows: rows.length,
    bytes: encoder.encode(JSON.stringify(rows)),
  }));
}

/**
 * The tables of a verified backup, parsed: each must be a JSON array of objects with exactly the
 * number of rows the manifest counts. A table that is not refuses the whole backup. What the rows
 * hold is checked next, by validateBackupRows, once they are in this version's schema.
 */
export function decodeBackupTables(
  manifest: BackupManifest,
  tables: ReadonlyMap<string, Uint8Array>,
): Record<string, BackupRow[]> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const result: Record<string, BackupRow[]> = {};
  for (const [name, { rows: expected }] of Object.entries(manifest.tables)) {
    const bytes = tables.get(name);
    const path = tablePartPath(name);
    if (!bytes) {
      throw new BackupFormatError('missing-part', `The table “${name}” is missing.`, path);
    }
    let rows: unknown;
    try {
      rows = JSON.parse(decoder.decode(bytes));
    } catch {
      throw new BackupFormatError('invalid-table', `“${path}” is not valid JSON.`, path);
    }
    if (!Array.isArray(rows)) {
      throw new BackupFormatError('invalid-table', `“${path}” does not hold a list of rows.`, path);
    }
    if (rows.length !== expected) {
      throw new BackupFormatError(
        'invalid-table',
        `“${path}” holds ${rows.length} rows where the manifest counts ${expected}.`,
        path,
      );
    }
    for (const row of rows) {
      if (typeof row !== 'object' || row === null || Array.isArray(row)) {
        throw new BackupFormatError(
          'invalid-table',
          `“${path}” holds a row that is not an object.`,
          path,
        );
      }
    }
    result[name] = rows as BackupRow[];
  }
  return result;
}
