import { afterEach, describe, expect, it } from 'vitest';
import { createRecord, updateRecord } from './changeTracking';
import { loadVersions } from './fieldVersions';
import { NewerRegistryError, type RegistryDb } from './RegistryDb';
import { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS, type SchemaVersion } from './schema';
import { openTestDbAt, testContext } from './testing/testDb';

const opened: RegistryDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});
function open(name: string, versions: readonly SchemaVersion[]) {
  const db = openTestDbAt(name, versions);
  opened.push(db);
  return db;
}

describe('schema versions', () => {
  it('are numbered 1, 2, 3… with a reason each, and keep every table of the version before', () => {
    SCHEMA_VERSIONS.forEach((schema, index) => {
      expect(schema.version).toBe(index + 1);
      expect(schema.reason.length).toBeGreaterThan(10);
      const previous = SCHEMA_VERSIONS[index - 1];
      if (previous) {
        for (const table of Object.keys(previous.stores)) {
          expect(Object.keys(schema.stores)).toContain(table);
        }
      }
    });
    expect(LATEST_SCHEMA_VERSION).toBe(SCHEMA_VERSIONS.length);
  });
});

describe('migration harness', () => {
  // The next version a later change might ship: a new index and a data migration filling it.
  // Shipped versions are real; this candidate proves rows written at N−1 arrive intact at N.
  const candidate: SchemaVersion = {
    version: LATEST_SCHEMA_VERSION + 1,
    reason:
      'Test candidate: index partners by mode and call every organization without one multilateral.',
    stores: {
      ...SCHEMA_VERSIONS.at(-1)?.stores,
      partners: 'id, kind, parentId, countryCode, updatedAt, deletedAt, mode, *areaIds, *tagIds',
    },
    upgrade: async (transaction) => {
      await transaction
        .table('partners')
        .toCollection()
        .modify((partner: { kind: string; mode: string | null }) => {
          if (partner.kind === 'international-organization') partner.mode ??= 'multilateral';
        });
    },
  };

  it('opens version N−1, writes rows, reopens at N and finds them migrated', async () => {
    const name = `migration-${crypto.randomUUID()}`;
    const before = open(name, SCHEMA_VERSIONS);
    const context = { ...testContext(), newId: () => crypto.randomUUID() };
    const iom = await createRecord(
      before,
      'partners',
      { kind: 'international-organization', name: { en: 'IOM' } },
      context,
    );
    const event = await createRecord(
      before,
      'events',
      {
        kind: 'governing-body-session',
        title: { ru: '107-я сессия Совета МОМ' },
        startDate: '2016-12-05',
      },
      context,
    );
    const registryId = (await before.meta.get('registryId'))?.value;
    before.close();

    const after = open(name, [...SCHEMA_VERSIONS, candidate]);
    await after.open();
    expect(after.verno).toBe(candidate.version);
    expect(await after.partners.get(iom.id)).toEqual({ ...iom, mode: 'multilateral' });
    expect(await after.partners.where('mode').equals('multilateral').count()).toBe(1);
    expect(await after.events.get(event.id)).toEqual(event);
    expect(await after.changes.count()).toBe(2);
    expect((await after.meta.get('registryId'))?.value).toBe(registryId);
  });

  it('refuses to open a registry a newer version has upgraded, and leaves it as it was', async () => {
    const name = `newer-${crypto.randomUUID()}`;
    const newer = open(name, [...SCHEMA_VERSIONS, candidate]);
    await newer.open();
    newer.close();
    const older = open(name, SCHEMA_VERSIONS);
    await expect(older.openChecked()).rejects.toBeInstanceOf(NewerRegistryError);
    expect(older.isOpen()).toBe(false);
    const reopened = open(name, [...SCHEMA_VERSIONS, candidate]);
    await reopened.open();
    expect(reopened.verno).toBe(candidate.version);
  });
});

describe('version 3: dashboard date indexes', () => {
  it('indexes agreements and follow-ups written at version 2 by their dates', async () => {
    const name = `v3-${crypto.randomUUID()}`;
    const before = open(
      name,
      SCHEMA_VERSIONS.filter((schema) => schema.version <= 2),
    );
    const context = { ...testContext(), newId: () => crypto.randomUUID() };
    const agreement = await createRecord(
      before,
      'agreements',
      {
        kind: 'agreement',
        title: { en: 'Readmission agreement' },
        expiryDate: '2027-03',
        renewalNoticeDate: '2026-12-01',
      },
      context,
    );
    const followUp = await createRecord(
      before,
      'followUps',
      { title: { en: 'Send the report' }, dueDate: '2026-10-15', status: 'open' },
      context,
    );
    await createRecord(
      before,
      'followUps',
      { title: { en: 'Sent already' }, dueDate: '2026-10-15', status: 'done' },
      context,
    );
    before.close();

    const after = open(
      name,
      SCHEMA_VERSIONS.filter((schema) => schema.version <= 3),
    );
    await after.open();
    expect(after.verno).toBe(3);
    expect(await after.agreements.where('expiryDate').equals('2027-03').primaryKeys()).toEqual([
      agreement.id,
    ]);
    expect(
      await after.agreements.where('renewalNoticeDate').between('2026-12', '2027').primaryKeys(),
    ).toEqual([agreement.id]);
    expect(
      await after.followUps
        .where('[status+dueDate]')
        .between(['open', '2026'], ['open', '2026-11-27'])
        .primaryKeys(),
    ).toEqual([followUp.id]);
    expect(await after.agreements.get(agreement.id)).toEqual(agreement);
  });
});

describe('version 4: exchange bookkeeping', () => {
  it('keeps records written at version 3 and derives their field versions from the change log', async () => {
    const name = `v4-${crypto.randomUUID()}`;
    const before = open(
      name,
      SCHEMA_VERSIONS.filter((schema) => schema.version <= 3),
    );
    const context = { ...testContext('laptop'), newId: () => crypto.randomUUID() };
    const event = await createRecord(
      before,
      'events',
      { kind: 'conference', title: { en: 'Prague Process ministerial conference' } },
      context,
    );
    const edited = await updateRecord(
      before,
      'events',
      event.id,
      { outcomes: { en: 'Action plan adopted' } },
      context,
    );
    before.close();

    const after = open(name, SCHEMA_VERSIONS);
    await after.open();
    expect(after.verno).toBe(4);
    expect(await after.events.get(event.id)).toEqual(edited);
    expect(await after.peers.count()).toBe(0);
    expect(await after.exchangeLog.count()).toBe(0);
    const versions = await loadVersions(after, [edited]);
    expect(versions.get(event.id)).toMatchObject({
      vv: { laptop: 2 },
      dots: { title: { d: 'laptop', c: 1 }, outcomes: { d: 'laptop', c: 2 } },
    });
  });
});
