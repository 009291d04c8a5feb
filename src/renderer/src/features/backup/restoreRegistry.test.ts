import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupManifest,
} from '@shared/backup/backupFormat';
import { decodeBackupTables } from '@shared/backup/backupTables';
import { createRecord, deleteRecord, updateRecord } from '../../db/changeTracking';
import type { RegistryDb } from '../../db/RegistryDb';
import { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../db/schema';
import { failStoreWritesAfter } from '../../db/testing/injectFailure';
import { createTestDb, openTestDbAt, testContext } from '../../db/testing/testDb';
import {
  backupRequest,
  type BackupRequest,
  backUpBeforeMigration,
  BackupBeforeMigrationError,
  type CreateBackup,
} from './backupRegistry';
import { readRegistryTables, type RegistryTables } from './registryTables';
import { previewRestore } from './restorePreview';
import { restoreOverBroken, restoreOverCurrent, type BackupToRestore } from './restoreRegistry';

const location = { indexedDB, IDBKeyRange };
const opened: RegistryDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});
function freshDb(options: Parameters<typeof createTestDb>[0] = {}) {
  const db = createTestDb(options);
  opened.push(db);
  return db;
}

/** What main would hand back for a backup:create request: the same bytes, decoded. */
function asBackup(request: BackupRequest): BackupToRestore {
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: '2026-11-01T09:00:00.000Z',
    reason: request.reason,
    appVersion: '0.1.0',
    schemaVersion: request.schemaVersion,
    registryId: request.registryId,
    device: { deviceId: 'device-test', deviceName: 'Test laptop' },
    tables: Object.fromEntries(request.tables.map((table) => [table.name, { rows: table.rows }])),
    attachments: { count: 0, bytes: 0 },
    skippedAttachments: [],
    parts: [],
  };
  const bytes = Object.fromEntries(request.tables.map((table) => [table.name, table.bytes]));
  return { fileName: 'backup.zip', manifest, rows: decodeBackupTables(manifest, bytes) };
}

/** A fake backup:create that keeps every request, answering as main does. */
function recordingBackups() {
  const requests: BackupRequest[] = [];
  const createBackup: CreateBackup = (request) => {
    requests.push(request);
    return Promise.resolve({
      status: 'written',
      fileName: `backup-${requests.length}.zip`,
      folder: '/backups',
      size: 1,
      createdAt: '2026-11-01T09:00:00.000Z',
      attachments: 0,
      skippedAttachments: [],
      deleted: [],
    });
  };
  return { requests, createBackup };
}

/** A registry with everything a backup must carry: history, links, Trash, partial dates, views. */
async function seedRegistry(db: RegistryDb) {
  const context = { ...testContext('laptop-baku', 'Bakı'), newId: () => crypto.randomUUID() };
  const iom = await createRecord(
    db,
    'partners',
    { kind: 'international-organization', name: { en: 'IOM', ru: 'МОМ' }, mode: 'multilateral' },
    context,
  );
  const ministry = await createRecord(
    db,
    'partners',
    { kind: 'state-authority', name: { az: 'Daxili İşlər Nazirliyi' }, countryCode: 'AZ' },
    context,
  );
  const agreement = await createRecord(
    db,
    'agreements',
    {
      kind: 'memorandum',
      title: { en: 'Memorandum on readmission' },
      parties: [{ partnerId: iom.id, role: 'party' }],
      steps: [
        { id: crypto.randomUUID(), kind: 'signed', date: '2016-12' },
        { id: crypto.randomUUID(), kind: 'in-force', date: '2014' },
      ],
    },
    context,
  );
  await updateRecord(db, 'partners', iom.id, { acronym: { en: 'IOM' } }, context);
  await deleteRecord(db, 'partners', ministry.id, context);
  await db.savedViews.put({
    id: 'view-1',
    kind: 'partners',
    name: 'Tərəfdaşlar',
    query: 'q=miqrasiya',
    createdAt: '2026-11-01T09:00:00.000Z',
  });
  await createRecord(
    db,
    'areas',
    { code: 'readmission', name: { en: 'Readmission', az: 'Readmissiya' } },
    context,
  );
  // Events with dates of every precision, in three languages.
  const dates = ['2016-12-05', '2017-02', '2014', null];
  for (let i = 0; i < 40; i += 1) {
    await createRecord(
      db,
      'events',
      {
        kind: 'expert-meeting',
        title: { en: `Meeting ${i}`, az: `Görüş ${i}`, ru: `Встреча ${i}` },
        startDate: dates[i % dates.length] ?? null,
        partnerIds: [iom.id],
      },
      context,
    );
  }
  return { iom, ministry, agreement };
}

describe('a backup restored into an empty registry', () => {
  it('equals the original: every table, tombstones, change log, links, partial dates', async () => {
    const original = freshDb();
    const { agreement } = await seedRegistry(original);
    const before = await readRegistryTables(original);
    expect(before.changes!.length).toBe(46);
    expect(before.links!.length).toBeGreaterThan(0);

    const backup = asBackup(backupRequest(before, original.verno, 'manual'));
    const target = freshDb();
    await target.open();
    const { requests, createBackup } = recordingBackups();
    await restoreOverCurrent({
      db: target,
      bulkDb: freshDbNamed(target.name),
      backup,
      createBackup,
      location,
    });
    // An empty registry has nothing to lose: no before-restore backup.
    expect(requests).toEqual([]);

    const after = await readRegistryTables(target);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    expect((await target.agreements.get(agreement.id))?.steps.map((step) => step.date)).toEqual([
      '2016-12',
      '2014',
    ]);
    expect(await target.partners.where('deletedAt').above('').count()).toBe(
      await original.partners.where('deletedAt').above('').count(),
    );
  });
});

function freshDbNamed(name: string) {
  const db = openTestDbAt(name, SCHEMA_VERSIONS);
  opened.push(db);
  return db;
}

describe('restoring over the current registry', () => {
  async function changedSinceBackup() {
    const db = freshDb();
    const context = { ...testContext('laptop-ganja'), newId: () => crypto.randomUUID() };
    const { iom, agreement } = await seedRegistry(db);
    const backup = asBackup(backupRequest(await readRegistryTables(db), db.verno, 'manual'));
    await updateRecord(
      db,
      'partners',
      iom.id,
      { notes: { en: 'Changed after the backup' } },
      context,
    );
    await deleteRecord(db, 'agreements', agreement.id, context);
    await createRecord(db, 'people', { name: { en: 'New person' } }, context);
    return { db, backup, iom };
  }

  it('previews what changes, backs the current registry up first, then puts the backup back', async () => {
    const { db, backup, iom } = await changedSinceBackup();
    const current = await readRegistryTables(db);

    const preview = previewRestore(current, backup.rows);
    const partners = preview.kinds.find((kind) => kind.kind === 'partners');
    expect(partners).toMatchObject({ added: 0, changed: 1, removed: 0 });
    expect(preview.kinds.find((kind) => kind.kind === 'agreements')).toMatchObject({
      added: 1,
      changed: 0,
      removed: 0,
    });
    expect(preview.kinds.find((kind) => kind.kind === 'people')).toMatchObject({
      added: 0,
      removed: 1,
    });
    expect(preview.history).toEqual({ now: 49, inBackup: 46 });

    const { requests, createBackup } = recordingBackups();
    await restoreOverCurrent({ db, bulkDb: freshDbNamed(db.name), backup, createBackup, location });
    expect(requests.map((request) => request.reason)).toEqual(['before-restore']);
    const saved = asBackup(requests[0]!);
    expect(saved.rows.partners!.find((row) => row.id === iom.id)?.notes).toEqual({
      en: 'Changed after the backup',
    });

    const after = await readRegistryTables(db);
    for (const table of Object.keys(backup.rows)) {
      expect(after[table], table).toEqual(backup.rows[table]);
    }
  });

  it('changes nothing when a row is refused midway: one transaction, all or nothing', async () => {
    const { db, backup } = await changedSinceBackup();
    const before = await readRegistryTables(db);
    const areas = backup.rows.areas!;
    // Two areas with one code: the unique index refuses the second, late in the transaction.
    const broken: BackupToRestore = {
      ...backup,
      rows: { ...backup.rows, areas: [...areas, { ...areas[0]!, id: crypto.randomUUID() }] },
    };
    const { createBackup } = recordingBackups();
    await expect(
      restoreOverCurrent({
        db,
        bulkDb: freshDbNamed(db.name),
        backup: broken,
        createBackup,
        location,
      }),
    ).rejects.toThrow();
    expect(await readRegistryTables(db)).toEqual(before);
  });

  it('changes nothing when the disk fails midway through writing the tables back', async () => {
    const { db, backup } = await changedSinceBackup();
    const before = await readRegistryTables(db);
    const total = Object.values(backup.rows).reduce((sum, rows) => sum + rows.length, 0);
    // Tables are cleared and refilled one after another: fail on the first, a middle and the last row.
    for (const failAfter of [0, Math.floor(total / 2), total - 1]) {
      const { createBackup } = recordingBackups();
      const attempts = failStoreWritesAfter(failAfter);
      await expect(
        restoreOverCurrent({ db, bulkDb: freshDbNamed(db.name), backup, createBackup, location }),
      ).rejects.toThrow(/disk is full/);
      expect(attempts.attempted).toBe(failAfter + 1);
      vi.restoreAllMocks();
      expect(await readRegistryTables(db), `failing after ${failAfter} rows`).toEqual(before);
    }
  });

  it('changes nothing when the backup before the restore fails', async () => {
    const { db, backup } = await changedSinceBackup();
    const before = await readRegistryTables(db);
    const failing: CreateBackup = () =>
      Promise.reject(new Error('There is no space left to write “registry-backup.zip”.'));
    await expect(
      restoreOverCurrent({
        db,
        bulkDb: freshDbNamed(db.name),
        backup,
        createBackup: failing,
        location,
      }),
    ).rejects.toThrow(/no space left/);
    expect(await readRegistryTables(db)).toEqual(before);
  });

  it('refuses a backup made by a newer schema, before touching anything', async () => {
    const { db, backup } = await changedSinceBackup();
    const before = await readRegistryTables(db);
    const { requests, createBackup } = recordingBackups();
    const newer = {
      ...backup,
      manifest: { ...backup.manifest, schemaVersion: LATEST_SCHEMA_VERSION + 1 },
    };
    await expect(
      restoreOverCurrent({
        db,
        bulkDb: freshDbNamed(db.name),
        backup: newer,
        createBackup,
        location,
      }),
    ).rejects.toMatchObject({ reason: 'newer-schema' });
    expect(requests).toEqual([]);
    expect(await readRegistryTables(db)).toEqual(before);
  });
});

describe('the backup before a schema migration', () => {
  it('backs up the v1 rows before the registry opens at v2, and lets v2 open them after', async () => {
    const name = `before-migration-${crypto.randomUUID()}`;
    const v1 = openTestDbAt(name, SCHEMA_VERSIONS.slice(0, 1));
    opened.push(v1);
    const context = { ...testContext(), newId: () => crypto.randomUUID() };
    const iom = await createRecord(
      v1,
      'partners',
      { kind: 'international-organization', name: { en: 'IOM' } },
      context,
    );
    v1.close();

    const { requests, createBackup } = recordingBackups();
    const whileBackingUp: number[] = [];
    const watching: CreateBackup = async (request) => {
      // At the moment of the backup, the database is still at version 1 (native 10).
      whileBackingUp.push(
        (await indexedDB.databases()).find((d) => d.name === name)?.version ?? -1,
      );
      return createBackup(request);
    };
    expect(
      await backUpBeforeMigration({
        indexedDB,
        databaseName: name,
        latestVersion: 2,
        createBackup: watching,
      }),
    ).toBe('backed-up');
    expect(whileBackingUp).toEqual([10]);
    expect(requests).toHaveLength(1);
    const backup = asBackup(requests[0]!);
    expect(backup.manifest).toMatchObject({ reason: 'before-migration', schemaVersion: 1 });
    expect(backup.rows.partners).toEqual([iom]);
    expect(backup.rows.changes).toHaveLength(1);
    expect(Object.keys(backup.rows)).not.toContain('savedViews');

    const v2 = openTestDbAt(name, SCHEMA_VERSIONS.slice(0, 2));
    opened.push(v2);
    await v2.open();
    expect(await v2.partners.get(iom.id)).toEqual(iom);
    expect(
      await backUpBeforeMigration({
        indexedDB,
        databaseName: name,
        latestVersion: 2,
        createBackup,
      }),
    ).toBe('not-needed');
    expect(requests).toHaveLength(1);

    // And that v1 backup restores into a v2 registry through the same migrations.
    const target = freshDb();
    await target.open();
    await restoreOverCurrent({
      db: target,
      bulkDb: freshDbNamed(target.name),
      backup,
      createBackup,
      location,
    });
    expect(await target.partners.get(iom.id)).toEqual(iom);
    expect(target.verno).toBe(LATEST_SCHEMA_VERSION);
  });

  it('stops the upgrade when that backup fails: the registry stays at the old version', async () => {
    const name = `failed-backup-${crypto.randomUUID()}`;
    const v1 = openTestDbAt(name, SCHEMA_VERSIONS.slice(0, 1));
    await v1.open();
    v1.close();
    const failing: CreateBackup = () => Promise.reject(new Error('The disk is full'));
    await expect(
      backUpBeforeMigration({
        indexedDB,
        databaseName: name,
        latestVersion: 2,
        createBackup: failing,
      }),
    ).rejects.toBeInstanceOf(BackupBeforeMigrationError);
    expect((await indexedDB.databases()).find((d) => d.name === name)?.version).toBe(10);
  });

  it('does nothing for a registry that does not exist yet, and creates none', async () => {
    const name = `new-${crypto.randomUUID()}`;
    const { requests, createBackup } = recordingBackups();
    expect(
      await backUpBeforeMigration({
        indexedDB,
        databaseName: name,
        latestVersion: 2,
        createBackup,
      }),
    ).toBe('not-needed');
    expect(requests).toEqual([]);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });
});

describe('restoring over a registry that will not open', () => {
  it('backs up what it can read, then recreates the registry from the backup', async () => {
    const source = freshDb();
    await seedRegistry(source);
    const tables: RegistryTables = await readRegistryTables(source);
    const backup = asBackup(backupRequest(tables, source.verno, 'manual'));

    // A registry a newer app version left behind: Dexie here refuses to open it.
    const name = `broken-${crypto.randomUUID()}`;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 9990);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('partners', { keyPath: 'id' }).put({ id: 'x', rev: 1 });
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });

    const { requests, createBackup } = recordingBackups();
    await restoreOverBroken({
      databaseName: name,
      indexedDB,
      backup,
      createBackup,
      isWithoutBackupAllowed: false,
      location,
    });
    expect(requests.map((request) => [request.reason, request.schemaVersion])).toEqual([
      ['before-restore', 999],
    ]);
    expect(asBackup(requests[0]!).rows.partners).toEqual([{ id: 'x', rev: 1 }]);

    const restored = freshDbNamed(name);
    await restored.open();
    expect(restored.verno).toBe(LATEST_SCHEMA_VERSION);
    const after = await readRegistryTables(restored);
    for (const table of Object.keys(tables)) expect(after[table], table).toEqual(tables[table]);
  });
});
