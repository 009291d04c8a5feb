import type { BackupManifest } from '@shared/backup/backupFormat';
import { RegistryDb } from '../../db/RegistryDb';
import { backupRequest, type CreateBackup } from './backupRegistry';
import {
  isEmptyRegistry,
  migrateBackupRows,
  readRawRegistry,
  readRegistryTables,
  replaceRegistryTables,
  RestoreError,
  type DbLocation,
  type RegistryTables,
} from './registryTables';

/** A verified backup, decoded: what a restore writes. */
export type BackupToRestore = { fileName: string; manifest: BackupManifest; rows: RegistryTables };

/**
 * Replaces the open registry with a backup. In order, each step stopping everything if it fails:
 * the backup's rows are brought to this schema (outside the registry), the registry as it is now
 * is backed up ("before-restore"; skipped only when it holds nothing), then every table is
 * replaced in one transaction on the strict connection. A failure anywhere leaves the registry as
 * it was. Caches fed by the change log are stale afterwards: reload the window.
 */
export async function restoreOverCurrent(options: {
  db: RegistryDb;
  bulkDb: RegistryDb;
  backup: BackupToRestore;
  createBackup: CreateBackup;
  location?: DbLocation;
}): Promise<void> {
  const { db, bulkDb, backup, createBackup, location } = options;
  const rows = await migrateBackupRows(backup.rows, backup.manifest.schemaVersion, location);
  const current = await readRegistryTables(db);
  if (!isEmptyRegistry(current)) {
    const result = await createBackup(backupRequest(current, db.verno, 'before-restore'));
    if (result.status !== 'written') {
      throw new RestoreError(
        'no-backup-first',
        'The registry was not backed up before the restore.',
      );
    }
  }
  await replaceRegistryTables(bulkDb, rows);
}

/**
 * Restores a backup over a registry that will not open (the recovery screen): whatever can still
 * be read of it is backed up first, raw, then the database is deleted and created again with the
 * backup's rows in one strict transaction. When nothing can be read, this goes ahead only with
 * `isWithoutBackupAllowed`, which the user gives by confirming so.
 */
export async function restoreOverBroken(options: {
  databaseName: string;
  indexedDB: IDBFactory;
  backup: BackupToRestore;
  createBackup: CreateBackup;
  isWithoutBackupAllowed: boolean;
  location?: DbLocation;
}): Promise<void> {
  const { databaseName, backup, createBackup, location } = options;
  const rows = await migrateBackupRows(backup.rows, backup.manifest.schemaVersion, location);
  let raw: Awaited<ReturnType<typeof readRawRegistry>>;
  try {
    raw = await readRawRegistry(options.indexedDB, databaseName);
  } catch (error) {
    if (!options.isWithoutBackupAllowed) {
      throw new RestoreError(
        'no-backup-first',
        `The registry cannot be read, so it cannot be backed up before the restore (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
    raw = null;
  }
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
  await new RegistryDb(databaseName, location).delete();
  const fresh = new RegistryDb(databaseName, { ...location, durability: 'strict' });
  try {
    await fresh.open();
    await replaceRegistryTables(fresh, rows);
  } finally {
    fresh.close();
  }
}
