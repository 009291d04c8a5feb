import type { BackupRow } from '@shared/backup/backupTables';
import { RECORD_KINDS } from '@shared/model/records';
import { REGISTRY_ID_KEY } from '@shared/model/registryRows';
import { RegistryDb, type RegistryDbOptions } from '../../db/RegistryDb';
import { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../db/schema';

/** Every row of every table, by table name: what a backup holds and a restore writes. */
export type RegistryTables = Record<string, BackupRow[]>;

/** Where tests put their databases (fake-indexeddb); the app passes nothing. */
export type DbLocation = Pick<RegistryDbOptions, 'indexedDB' | 'IDBKeyRange'>;

/** A restore that cannot go ahead; nothing was changed. */
export class RestoreError extends Error {
  constructor(
    readonly reason: 'newer-schema' | 'unknown-table' | 'no-backup-first' | 'other-registry',
    message: string,
  ) {
    super(message);
    this.name = 'RestoreError';
  }
}

/**
 * Every row of every table in one read transaction, so a backup is the registry at one moment:
 * records with their tombstones, the change log, links, meta and saved views.
 */
export async function readRegistryTables(db: RegistryDb): Promise<RegistryTables> {
  return db.transaction('r', db.tables, async () => {
    const entries = await Promise.all(
      db.tables.map(async (table) => [table.name, (await table.toArray()) as BackupRow[]] as const),
    );
    return Object.fromEntries(entries);
  });
}

/** The registry's own id from its meta table, if it has one. */
export function registryIdOf(tables: RegistryTables): string | null {
  const entry = tables.meta?.find((row) => row.key === REGISTRY_ID_KEY);
  return typeof entry?.value === 'string' ? entry.value : null;
}

/** Whether there is anything to lose: records, history or saved views. */
export function isEmptyRegistry(tables: RegistryTables): boolean {
  return Object.entries(tables).every(([name, rows]) => name === 'meta' || rows.length === 0);
}

/** This registry's records (Trash included) and history entries, which another one would replace. */
export type OtherRegistryLoss = { records: number; history: number };

/**
 * What restoring `backup` over `current` would lose when the backup is of another registry (its
 * registry id differs) and this one holds anything; null when it is this registry's own backup,
 * or there is nothing here to lose, or the registry here cannot be read.
 */
export function otherRegistryLoss(
  current: RegistryTables | null,
  backup: RegistryTables,
): OtherRegistryLoss | null {
  if (current === null || isEmptyRegistry(current)) return null;
  if (registryIdOf(current) === registryIdOf(backup)) return null;
  return {
    records: RECORD_KINDS.reduce((sum, kind) => sum + (current[kind]?.length ?? 0), 0),
    history: current.changes?.length ?? 0,
  };
}

/** Refuses to put another registry in place of this one unless the user chose exactly that. */
export function refuseOtherRegistry(
  current: RegistryTables,
  backup: RegistryTables,
  isOtherRegistryAllowed: boolean,
): void {
  const loss = otherRegistryLoss(current, backup);
  if (loss && !isOtherRegistryAllowed) {
    throw new RestoreError(
      'other-registry',
      `The backup is of registry ${registryIdOf(backup) ?? '(none)'}, not of this one (${registryIdOf(current) ?? '(none)'}); replacing it would lose ${loss.records} records and ${loss.history} history entries.`,
    );
  }
}

function request<T>(run: () => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const pending = run();
    pending.onsuccess = () => resolve(pending.result);
    pending.onerror = () => reject(pending.error ?? new Error('IndexedDB request failed'));
  });
}

/** The database's native version as installed, or 0 when there is no such database. */
export async function installedVersion(factory: IDBFactory, name: string): Promise<number> {
  const databases = await factory.databases();
  return databases.find((database) => database.name === name)?.version ?? 0;
}

/**
 * Reads a registry straight from IndexedDB, without Dexie and without opening it at any version:
 * no upgrade runs and nothing is written. Used before a migration (the rows as the old version
 * left them) and on the recovery screen (a database Dexie will not open). Null when it does not
 * exist.
 */
export async function readRawRegistry(
  factory: IDBFactory,
  name: string,
): Promise<{ schemaVersion: number; tables: RegistryTables } | null> {
  if ((await installedVersion(factory, name)) === 0) return null;
  const db = await new Promise<IDBDatabase | null>((resolve, reject) => {
    const opening = factory.open(name);
    // Only a database that vanished meanwhile would be created here: refuse to create it.
    opening.onupgradeneeded = () => {
      opening.transaction?.abort();
      resolve(null);
    };
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = (event) => {
      event.preventDefault();
      if (opening.error?.name === 'AbortError') resolve(null);
      else reject(opening.error ?? new Error(`${name} could not be opened`));
    };
    opening.onblocked = () => reject(new Error(`${name} is in use by another window`));
  });
  if (!db) return null;
  try {
    const names = [...db.objectStoreNames];
    const tables: RegistryTables = {};
    if (names.length > 0) {
      // Every read is asked for at once, inside one transaction: one moment's registry.
      const transaction = db.transaction(names, 'readonly');
      const reads = names.map((storeName) => {
        const store = transaction.objectStore(storeName);
        if (store.keyPath === null) {
          throw new Error(`The table ${storeName} keeps its keys outside its rows`);
        }
        return request(() => store.getAll());
      });
      const results = await Promise.all(reads);
      names.forEach((storeName, index) => {
        tables[storeName] = (results[index] ?? []) as BackupRow[];
      });
    }
    return { schemaVersion: Math.floor(db.version / 10), tables };
  } finally {
    db.close();
  }
}

/**
 * Replaces every table with the given rows in ONE read-write transaction: all of it or, on any
 * failure (a row the indexes refuse, a full disk), none of it. Pass the strict-durability
 * connection, so the restore is on disk when this resolves.
 */
export async function replaceRegistryTables(db: RegistryDb, rows: RegistryTables): Promise<void> {
  const known = new Set(db.tables.map((table) => table.name));
  const unknown = Object.keys(rows).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new RestoreError(
      'unknown-table',
      `The backup has tables this registry does not: ${unknown.join(', ')}`,
    );
  }
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) {
      await table.clear();
      const tableRows = rows[table.name];
      if (tableRows && tableRows.length > 0) await table.bulkAdd(tableRows);
    }
  });
}

/**
 * A backup's rows in this build's schema. A backup of the current schema is used as it is; an
 * older one is written into a scratch database at its own version, which is then opened at the
 * current version so the very migrations an installed registry gets run over it. Nothing of the
 * real registry is touched.
 */
export async function migrateBackupRows(
  rows: RegistryTables,
  schemaVersion: number,
  location: DbLocation = {},
): Promise<RegistryTables> {
  if (schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new RestoreError(
      'newer-schema',
      `The backup was made by a newer version of the app (schema ${schemaVersion}); this one knows up to ${LATEST_SCHEMA_VERSION}.`,
    );
  }
  const versions = SCHEMA_VERSIONS.slice(0, schemaVersion);
  const tablesThen = new Set(Object.keys(versions.at(-1)?.stores ?? {}));
  const unknown = Object.keys(rows).filter((name) => !tablesThen.has(name));
  if (schemaVersion < 1 || unknown.length > 0) {
    throw new RestoreError(
      'unknown-table',
      `The backup’s tables (${unknown.join(', ') || 'none'}) do not match schema version ${schemaVersion}.`,
    );
  }
  if (schemaVersion === LATEST_SCHEMA_VERSION) return rows;

  const scratchName = `registry-restore-${crypto.randomUUID()}`;
  const old = new RegistryDb(scratchName, { ...location, versions });
  try {
    await old.open();
    await replaceRegistryTables(old, rows);
    old.close();
    const current = new RegistryDb(scratchName, location);
    try {
      await current.open();
      return await readRegistryTables(current);
    } finally {
      current.close();
    }
  } finally {
    old.close();
    await new RegistryDb(scratchName, location).delete();
  }
}
