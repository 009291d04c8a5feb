import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupManifest,
} from '@shared/backup/backupFormat';
import { decodeBackupTables, encodeBackupTables } from '@shared/backup/backupTables';
import { BackupRowError } from '@shared/backup/validateBackupRows';
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
import type { RestoreFiles } from './backupTransport';
import { readRegistryTables, registryIdOf, type RegistryTables } from './registryTables';
import { previewRestore } from './restorePreview';
import {
  prepareRestore,
  restoreOverBroken,
  restoreOverCurrent,
  type BackupToRestore,
} from './restoreRegistry';

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

function manifestOf(request: BackupRequest): BackupManifest {
  return {
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
}

/** The rows a backup:create request carries, decoded as they were sent. */
function sentRows(request: BackupRequest): RegistryTables {
  const bytes = new Map(request.tables.map((table) => [table.name, table.bytes]));
  return decodeBackupTables(manifestOf(request), bytes);
}

/** What main would hand back for a backup:create request (the same bytes), made ready to restore. */
function asBackup(request: BackupRequest): Promise<BackupToRestore> {
  return prepareRestore(
    {
      fileName: 'backup.zip',
      manifest: manifestOf(request),
      readId: crypto.randomUUID(),
      tables: new Map(request.tables.map((table) => [table.name, table.bytes])),
      attachmentsToRestore: { count: 0, bytes: 0 },
    },
    location,
  );
}

/** A fake backup:restore-files that keeps the read ids it is asked for. */
function recordingFiles() {
  const readIds: string[] = [];
  const restoreFiles: RestoreFiles = (readId) => {
    readIds.push(readId);
    return Promise.resolve({ restored: 0 });
  };
  return { readIds, restoreFiles };
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
    id: '5a5a5a5a-0000-4000-8000-000000000001',
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

    const backup = await asBackup(backupRequest(before, original.verno, 'manual'));
    const target = freshDb();
    await target.open();
    const { requests, createBackup } = recordingBackups();
    const { readIds, restoreFiles } = recordingFiles();
    await restoreOverCurrent({
      db: target,
      bulkDb: freshDbNamed(target.name),
      backup,
      createBackup,
      restoreFiles,
      isOtherRegistryAllowed: false,
    });
    // An empty registry has nothing to lose: no before-restore backup, and no other registry.
    expect(requests).toEqual([]);
    expect(readIds).toEqual([backup.readId]);

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
    const backup = await asBackup(backupRequest(await readRegistryTables(db), db.verno, 'manual'));
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

    expect(preview.otherRegistry).toBeNull();

    const { requests, createBackup } = recordingBackups();
    const order: string[] = [];
    await restoreOverCurrent({
      db,
      bulkDb: freshDbNamed(db.name),
      backup,
      createBackup: (request) => {
        order.push(`backup:${request.reason}`);
        return createBackup(request);
      },
      restoreFiles: (readId) => {
        order.push(`files:${readId}`);
        return Promise.resolve({ restored: 0 });
      },
      isOtherRegistryAllowed: false,
    });
    // The registry as it was is backed up first; the files go back before the tables.
    expect(order).toEqual(['backup:before-restore', `files:${backup.readId}`]);
    const saved = sentRows(requests[0]!);
    expect(saved.partners!.find((row) => row.id === iom.id)?.notes).toEqual({
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
    // Two areas with one code, as if validation had missed it: the unique index refuses the
    // second, late in the transaction.
    const broken: BackupToRestore = {
      ...backup,
      rows: {
        ...backup.rows,
        areas: [...areas, { ...areas[0]!, id: crypto.randomUUID() }],
      },
    };
    const { createBackup } = recordingBackups();
    await expect(
      restoreOverCurrent({
        db,
        bulkDb: freshDbNamed(db.name),
        backup: broken,
        createBackup,
        restoreFiles: recordingFiles().restoreFiles,
        isOtherRegistryAllowed: false,
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
        restoreOverCurrent({
          db,
          bulkDb: freshDbNamed(db.name),
          backup,
          createBackup,
          restoreFiles: recordingFiles().restoreFiles,
          isOtherRegistryAllowed: false,
        }),
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
    const { readIds, restoreFiles } = recordingFiles();
    await expect(
      restoreOverCurrent({
        db,
        bulkDb: freshDbNamed(db.name),
        backup,
        createBackup: failing,
        restoreFiles,
        isOtherRegistryAllowed: false,
      }),
    ).rejects.toThrow(/no space left/);
    expect(readIds).toEqual([]);
    expect(await readRegistryTables(db)).toEqual(before);
  });

  it('changes nothing when the attachment files cannot be put back', async () => {
    const { db, backup } = await changedSinceBackup();
    const before = await readRegistryTables(db);
    const full: RestoreFiles = () =>
      Promise.reject(new Error('Writing “backup.zip” needs about 40 MB of free space'));
    await expect(
      restoreOverCurrent({
        db,
        bulkDb: freshDbNamed(db.name),
        backup,
        createBackup: recordingBackups().createBackup,
        restoreFiles: full,
        isOtherRegistryAllowed: false,
      }),
    ).rejects.toThrow(/free space/);
    expect(await readRegistryTables(db)).toEqual(before);
  });

  it('refuses a backup made by a newer schema, before the preview', async () => {
    const db = freshDb();
    await seedRegistry(db);
    const request = backupRequest(await readRegistryTables(db), db.verno, 'manual');
    await expect(
      asBackup({ ...request, schemaVersion: LATEST_SCHEMA_VERSION + 1 }),
    ).rejects.toMatchObject({ reason: 'newer-schema' });
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
    expect(requests[0]).toMatchObject({ reason: 'before-migration', schemaVersion: 1 });
    const sent = sentRows(requests[0]!);
    expect(sent.partners).toEqual([iom]);
    expect(sent.changes).toHaveLength(1);
    expect(Object.keys(sent)).not.toContain('savedViews');

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

    // And that v1 backup restores into a current registry through the same migrations, its
    // rows checked in the shape this version writes.
    const backup = await asBackup(requests[0]!);
    expect(backup.rows.partners).toEqual([iom]);
    expect(backup.rows.savedViews).toEqual([]);
    const target = freshDb();
    await target.open();
    await restoreOverCurrent({
      db: target,
      bulkDb: freshDbNamed(target.name),
      backup,
      createBackup,
      restoreFiles: recordingFiles().restoreFiles,
      isOtherRegistryAllowed: false,
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
    const backup = await asBackup(backupRequest(tables, source.verno, 'manual'));

    // This registry as a newer app version left it behind: Dexie here refuses to open it.
    const name = `broken-${crypto.randomUUID()}`;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 9990);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('partners', { keyPath: 'id' }).put({ id: 'x', rev: 1 });
        request.result
          .createObjectStore('meta', { keyPath: 'key' })
          .put({ key: 'registryId', value: registryIdOf(tables) });
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });

    const { requests, createBackup } = recordingBackups();
    const { readIds, restoreFiles } = recordingFiles();
    await restoreOverBroken({
      databaseName: name,
      indexedDB,
      backup,
      createBackup,
      restoreFiles,
      consent: { isWithoutBackupAllowed: false, isOtherRegistryAllowed: false },
      location,
    });
    expect(requests.map((request) => [request.reason, request.schemaVersion])).toEqual([
      ['before-restore', 999],
    ]);
    expect(sentRows(requests[0]!).partners).toEqual([{ id: 'x', rev: 1 }]);
    expect(readIds).toEqual([backup.readId]);

    const restored = freshDbNamed(name);
    await restored.open();
    expect(restored.verno).toBe(LATEST_SCHEMA_VERSION);
    const after = await readRegistryTables(restored);
    for (const table of Object.keys(tables)) expect(after[table], table).toEqual(tables[table]);
  });
});

/** The request with one row of one table changed, re-encoded as a crafted backup would be. */
function tampered(
  request: BackupRequest,
  table: string,
  change: (rows: Record<string, unknown>[]) => Record<string, unknown>[],
): BackupRequest {
  const rows = sentRows(request);
  return {
    ...request,
    tables: encodeBackupTables({ ...rows, [table]: change(rows[table] ?? []) }),
  };
}

describe('a backup with rows no write of this app could produce', () => {
  async function seededRequest() {
    const db = freshDb();
    await seedRegistry(db);
    const before = await readRegistryTables(db);
    return { db, before, request: backupRequest(before, db.verno, 'manual') };
  }

  it('is refused before the preview, naming the table, the row and why: an id that is not a UUID', async () => {
    const { db, before, request } = await seededRequest();
    const forged = tampered(request, 'partners', (rows) =>
      rows.map((row, index) => (index === 1 ? { ...row, id: '../../device' } : row)),
    );
    const error = await asBackup(forged).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BackupRowError);
    expect(error).toMatchObject({
      table: 'partners',
      row: 2,
      problem: { kind: 'invalid-field', issue: 'bad-format', field: 'id', value: '../../device' },
    });
    expect((error as Error).message).toMatch(
      /^Row 2 of the table “partners” is invalid: id: Invalid UUID/,
    );
    // Nothing was written: not the registry, and no scratch database was left behind.
    expect(await readRegistryTables(db)).toEqual(before);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContainEqual(
      expect.stringMatching(/^registry-restore-/),
    );
  });

  it('is refused for a sensitivity level that does not exist, also in an older backup after its migration', async () => {
    const { request } = await seededRequest();
    const topSecret = (rows: Record<string, unknown>[]) =>
      rows.map((row, index) => (index === 0 ? { ...row, sensitivity: 'top-secret' } : row));
    await expect(asBackup(tampered(request, 'events', topSecret))).rejects.toMatchObject({
      table: 'events',
      row: 1,
      problem: { issue: 'not-allowed', field: 'sensitivity', value: 'top-secret' },
    });

    // A version-3 backup (no exchange tables yet) is checked once it is in this version's shape.
    const v3 = {
      ...request,
      schemaVersion: 3,
      tables: request.tables.filter(
        (table) => !['fieldVersions', 'peers', 'exchangeLog'].includes(table.name),
      ),
    };
    expect((await asBackup(v3)).rows.peers).toEqual([]);
    await expect(asBackup(tampered(v3, 'events', topSecret))).rejects.toMatchObject({
      table: 'events',
      row: 1,
      problem: { field: 'sensitivity' },
    });
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContainEqual(
      expect.stringMatching(/^registry-restore-/),
    );
  });

  it('is refused for a link, a change or a registry id that is not a UUID', async () => {
    const { request } = await seededRequest();
    await expect(
      asBackup(
        tampered(request, 'agreements', (rows) =>
          rows.map((row) => ({ ...row, parties: [{ partnerId: 'iom', role: 'party' }] })),
        ),
      ),
    ).rejects.toMatchObject({ table: 'agreements', problem: { field: 'parties.0.partnerId' } });
    await expect(
      asBackup(
        tampered(request, 'changes', (rows) =>
          rows.map((row, index) => (index === 4 ? { ...row, op: 'drop-table' } : row)),
        ),
      ),
    ).rejects.toMatchObject({ table: 'changes', row: 5, problem: { field: 'op' } });
    await expect(
      asBackup({
        ...tampered(request, 'meta', (rows) =>
          rows.map((row) => (row.key === 'registryId' ? { ...row, value: 'x' } : row)),
        ),
        registryId: 'x',
      }),
    ).rejects.toMatchObject({ table: 'meta', problem: { field: 'value' } });
  });

  it('is refused for two rows with one id, and for a record id under two kinds', async () => {
    const { request } = await seededRequest();
    await expect(
      asBackup(tampered(request, 'events', (rows) => [...rows, rows[0]!])),
    ).rejects.toMatchObject({ table: 'events', row: 41, problem: { kind: 'duplicate-key' } });
    const rows = sentRows(request);
    const partnerId = rows.partners![0]!.id as string;
    await expect(
      asBackup(
        tampered(request, 'people', (people) => [
          ...people,
          { ...(rows.events![0] as object), id: partnerId, name: { en: 'Twin' } },
        ]),
      ),
    ).rejects.toMatchObject({
      table: 'people',
      problem: { kind: 'id-in-two-kinds', id: partnerId, otherTable: 'partners' },
    });
  });

  it('is refused when its manifest names another registry than its tables hold', async () => {
    const { request } = await seededRequest();
    await expect(asBackup({ ...request, registryId: crypto.randomUUID() })).rejects.toMatchObject({
      problem: 'invalid-manifest',
    });
  });
});

describe('a backup of another registry', () => {
  it('replaces a registry that holds anything only when the user chose that, saying what goes', async () => {
    const other = freshDb();
    await seedRegistry(other);
    const backup = await asBackup(
      backupRequest(await readRegistryTables(other), other.verno, 'manual'),
    );

    const db = freshDb();
    const context = { ...testContext('laptop-shaki'), newId: () => crypto.randomUUID() };
    await createRecord(db, 'people', { name: { en: 'Only here' } }, context);
    await createRecord(db, 'tags', { label: 'local' }, context);
    const before = await readRegistryTables(db);
    expect(registryIdOf(before)).not.toBe(registryIdOf(backup.rows));

    expect(previewRestore(before, backup.rows).otherRegistry).toEqual({ records: 2, history: 2 });
    const { requests, createBackup } = recordingBackups();
    const { readIds, restoreFiles } = recordingFiles();
    const restore = (isOtherRegistryAllowed: boolean) =>
      restoreOverCurrent({
        db,
        bulkDb: freshDbNamed(db.name),
        backup,
        createBackup,
        restoreFiles,
        isOtherRegistryAllowed,
      });
    await expect(restore(false)).rejects.toMatchObject({ reason: 'other-registry' });
    expect(requests).toEqual([]);
    expect(readIds).toEqual([]);
    expect(await readRegistryTables(db)).toEqual(before);

    await restore(true);
    expect(requests.map((request) => request.reason)).toEqual(['before-restore']);
    expect(registryIdOf(await readRegistryTables(db))).toBe(registryIdOf(backup.rows));
  });
});
