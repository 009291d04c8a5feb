import { BackupFormatError, MANIFEST_PATH, type BackupManifest } from '@shared/backup/backupFormat';
import { decodeBackupTables } from '@shared/backup/backupTables';
import { validateBackupRows, type ValidatedTables } from '@shared/backup/validateBackupRows';
import { RegistryDb } from '../../db/RegistryDb';
import { backupRequest, type CreateBackup } from './backupRegistry';
import type { ReadBackup, RestoreFiles } from './backupTransport';
import {
  isEmptyRegistry,
  migrateBackupRows,
  readRawRegistry,
  readRegistryTables,
  refuseOtherRegistry,
  registryIdOf,
  replaceRegistryTables,
  RestoreError,
  type DbLocation,
} from './registryTables';

/** A verified backup whose rows are in this schema and valid: what a restore writes. */
export type BackupToRestore = {
  fileName: string;
  manifest: BackupManifest;
  /** Main's read of the file, for backup:restore-files once the restore is confirmed. */
  readId: string;
  rows: ValidatedTables;
  attachmentsToRestore: { count: number; bytes: number };
};

/** What the user agreed to in the preview, beyond replacing the registry. */
export type RestoreConsent = {
  /** The registry here cannot be read, so it cannot be backed up first: go ahead anyway. */
  isWithoutBackupAllowed: boolean;
  /** The backup is of another registry: replace this one with it. */
  isOtherRegistryAllowed: boolean;
};

/**
 * Makes a backup main has verified ready for the preview, refusing it before anything is shown
 * or changed if any row is not what a write would produce: the rows are decoded, brought to this
 * schema (an older backup runs through the very migrations an installed registry gets, in a
 * scratch database), then every row of every table is parsed with its schema
 * (validateBackupRows). The manifest must name the registry the tables hold. A backup of a newer
 * schema is refused (RestoreError `newer-schema`).
 */
export async function prepareRestore(
  read: ReadBackup,
  location: DbLocation = {},
): Promise<BackupToRestore> {
  const { manifest } = read;
  const decoded = decodeBackupTables(manifest, read.tables);
  const rows = validateBackupRows(
    await migrateBackupRows(decoded, manifest.schemaVersion, location),
  );
  const registryId = registryIdOf(rows);
  if (registryId !== manifest.registryId) {
    throw new BackupFormatError(
      'invalid-manifest',
      `The manifest names the registry ${manifest.registryId ?? '(none)'} but the tables hold ${registryId ?? 'none'}.`,
      MANIFEST_PATH,
    );
  }
  return {
    fileName: read.fileName,
    manifest,
    readId: read.readId,
    rows,
    attachmentsToRestore: read.attachmentsToRestore,
  };
}

/**
 * Replaces the open registry with a backup. In order, each step stopping everything if it fails:
 * another registry's backup is refused unless the user chose to replace this one with it; the
 * registry as it is now is backed up ("before-restore"; skipped only when it holds nothing); the
 * backup's attachment files go into the store; then every table is replaced in one transaction on
 * the strict connection. A failure anywhere leaves the registry as it was. Caches fed by the change
 * log are stale afterwards: reload the window.
 */
export async function restoreOverCurrent(options: {
  db: RegistryDb;
  bulkDb: RegistryDb;
  backup: BackupToRestore;
  createBackup: CreateBackup;
  restoreFiles: RestoreFiles;
  isOtherRegistryAllowed: boolean;
}): Promise<void> {
  const { db, bulkDb, backup, createBackup } = options;
  const current = await readRegistryTables(db);
  refuseOtherRegistry(current, backup.rows, options.isOtherRegistryAllowed);
  if (!isEmptyRegistry(current)) {
    const result = await createBackup(backupRequest(current, db.verno, 'before-restore'));
    if (result.status !== 'written') {
      throw new RestoreError(
        'no-backup-first',
        'The registry was not backed up before the restore.',
      );
    }
  }
  await options.restoreFiles(backup.readId);
  await replaceRegistryTables(bulkDb, backup.rows);
}

/**
 * Restores a backup over a registry that will not open (the recovery screen): whatever can still
 * be read of it is backed up first, raw, then the database is deleted and created again with the
 * backup's rows in one strict transaction. When nothing can be read, this goes ahead only with
 * `isWithoutBackupAllowed`, which the user gives by confirming so; what can be read is held to
 * the same rule about another registry's backup as an open registry.
 */
export async function restoreOverBroken(options: {
  databaseName: string;
  indexedDB: IDBFactory;
  backup: BackupToRestore;
  createBackup: CreateBackup;
  restoreFiles: RestoreFiles;
  consent: RestoreConsent;
  location?: DbLocation;
}): Promise<void> {
  const { databaseName, backup, createBackup, consent, location } = options;
  let raw: Awaited<ReturnType<typeof readRawRegistry>>;
  try {
    raw = await readRawRegistry(options.indexedDB, databaseName);
  } catch (error) {
    if (!consent.isWithoutBackupAllowed) {
      throw new RestoreError(
        'no-backup-first',
        `The registry cannot be read, so it cannot be backed up before the restore (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
    raw = null;
  }
  if (raw) refuseOtherRegistry(raw.tables, backup.rows, consent.isOtherRegistryAllowed);
  if (raw && !isEmptyRegistry(raw.tables)) {
    const result = await createBackup(
      backupRequest(raw.tables, raw.schemaVersion, 'before-restore'),
    );
    if (result.status !== 'written') {
      throw new RestoreError(
        'no-backup-first',
        'The registry was not backed up before the restore.',
      );
    }
  }
  await options.restoreFiles(backup.readId);
  await new RegistryDb(databaseName, location).delete();
  const fresh = new RegistryDb(databaseName, { ...location, durability: 'strict' });
  try {
    await fresh.open();
    await replaceRegistryTables(fresh, backup.rows);
  } finally {
    fresh.close();
  }
}
