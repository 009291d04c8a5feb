import type { BackupReason } from '@shared/backup/backupFormat';
import { encodeBackupTables, type EncodedTable } from '@shared/backup/backupTables';
import type { IpcInput, IpcOutput } from '@shared/ipc/contract';
import type { RegistryDb } from '../../db/RegistryDb';
import {
  installedVersion,
  readRawRegistry,
  readRegistryTables,
  registryIdOf,
  type RegistryTables,
} from './registryTables';

/** What a backup is made of: backup:create's input with the tables themselves. */
export type BackupRequest = Omit<IpcInput<'backup:create'>, 'uploadId'> & {
  tables: EncodedTable[];
};

/** Sends a backup to main (createBackupOverIpc); passed in so tests can watch what is sent. */
export type CreateBackup = (request: BackupRequest) => Promise<IpcOutput<'backup:create'>>;

/** The backup request for a set of tables read at one schema version. */
export function backupRequest(
  tables: RegistryTables,
  schemaVersion: number,
  reason: BackupReason,
  destination: 'folder' | 'choose' = 'folder',
  dialogTitle?: string,
): BackupRequest {
  return {
    reason,
    destination,
    ...(dialogTitle ? { dialogTitle } : {}),
    schemaVersion,
    registryId: registryIdOf(tables),
    tables: encodeBackupTables(tables),
  };
}

/** Backs up the open registry: every table in one read transaction, sent to main to write. */
export async function backUpRegistry(
  db: RegistryDb,
  createBackup: CreateBackup,
  reason: BackupReason,
  destination: 'folder' | 'choose' = 'folder',
  dialogTitle?: string,
): Promise<IpcOutput<'backup:create'>> {
  const tables = await readRegistryTables(db);
  return createBackup(backupRequest(tables, db.verno, reason, destination, dialogTitle));
}

/** The backup before a schema upgrade failed, so the upgrade did not run. */
export class BackupBeforeMigrationError extends Error {
  constructor(
    readonly fromVersion: number,
    readonly toVersion: number,
    options: { cause: unknown },
  ) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(
      `The registry was not upgraded from schema ${fromVersion} to ${toVersion}: the backup before the upgrade failed (${reason})`,
      options,
    );
    this.name = 'BackupBeforeMigrationError';
  }
}

/**
 * Before Dexie opens the registry and upgrades an older schema, backs the old rows up as they are,
 * read straight from IndexedDB (no upgrade runs, nothing is written). Does nothing for a new,
 * current or newer registry. If the backup fails, throws BackupBeforeMigrationError and the
 * upgrade must not run.
 */
export async function backUpBeforeMigration(options: {
  indexedDB: IDBFactory;
  databaseName: string;
  latestVersion: number;
  createBackup: CreateBackup;
}): Promise<'not-needed' | 'backed-up'> {
  // The version alone first: on an ordinary start nothing is read at all.
  const installed = Math.floor(
    (await installedVersion(options.indexedDB, options.databaseName)) / 10,
  );
  if (installed === 0 || installed >= options.latestVersion) return 'not-needed';
  const raw = await readRawRegistry(options.indexedDB, options.databaseName);
  if (!raw || raw.schemaVersion === 0 || raw.schemaVersion >= options.latestVersion) {
    return 'not-needed';
  }
  try {
    await options.createBackup(backupRequest(raw.tables, raw.schemaVersion, 'before-migration'));
  } catch (error) {
    throw new BackupBeforeMigrationError(raw.schemaVersion, options.latestVersion, {
      cause: error,
    });
  }
  return 'backed-up';
}
