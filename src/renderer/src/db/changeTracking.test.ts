import { describe, expect, it } from 'vitest';
import {
  checkContent,
  createRecord,
  createRecords,
  deleteRecord,
  MutationError,
  restoreRecord,
  updateRecord,
} from './changeTracking';
import { freshDbsClosedAfterEach, testContext } from './testing/testDb';

const freshDb = freshDbsClosedAfterEach();

const iom = {
  kind: 'international-organization',
  name: { en: 'International Organization for Migration' },
  acronym: { en: 'IOM', ru: 'МОМ' },
  mode: 'multilateral',
} as const;

describe('change tracking', () => {
  it('stamps a new record with a UUID, timestamps, rev 1 and the device', async () => {
    const db = freshDb();
    const context = { ...testContext('laptop-1'), newId: () => crypto.randomUUID() };
    const partner = await createRecord(db, 'partners', iom, context);
    expect(partner.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(partner).toMatchObject({
      rev: 1,
      changedBy: 'laptop-1',
      deletedAt: null,
      createdAt: '2026-11-01T09:00:00.000Z',
      updatedAt: '2026-11-01T09:00:00.000Z',
      areaIds: [],
      sensitivity: 'internal',
    });
    expect(await db.partners.get(partner.id)).toEqual(partner);
  });

  it('refuses invalid content, names the field, and writes nothing', async () => {
    const db = freshDb();
    const error = await createRecord(
      db,
      'partners',
      { ...iom, name: {}, countryCode: 'Azerbaijan' },
      testContext(),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MutationError);
    const { issues } = error as MutationError;
    expect(issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['name', 'countryCode']),
    );
    expect(await db.partners.count()).toBe(0);
    expect(await db.changes.count()).toBe(0);
  });

  it('bumps the rev and logs only the fields an update changed', async () => {
    const db = freshDb();
    const context = testContext('laptop-2');
    const created = await createRecord(db, 'partners', iom, context);
    const updated = await updateRecord(
      db,
      'partners',
      created.id,
      { mode: 'bilateral', countryCode: 'CH' },
      context,
    );
    expect(updated.rev).toBe(2);
    expect(updated.updatedAt > created.updatedAt).toBe(true);
    const log = await db.changes.where('recordId').equals(created.id).sortBy('seq');
    expect(log.map((entry) => [entry.op, entry.rev])).toEqual([
      ['create', 1],
      ['update', 2],
    ]);
    expect(log[1]?.fields).toEqual({
      mode: { before: 'multilateral', after: 'bilateral' },
      countryCode: { before: null, after: 'CH' },
    });
  });

  it('keeps the rev when an update changes nothing', async () => {
    const db = freshDb();
    const context = testContext();
    const created = await createRecord(db, 'partners', iom, context);
    const same = await updateRecord(
      db,
      'partners',
      created.id,
      { acronym: { ru: 'МОМ', en: 'IOM' } },
      context,
    );
    expect(same.rev).toBe(1);
    expect(await db.changes.count()).toBe(1);
  });

  it('refuses an update made on a stale revision', async () => {
    const db = freshDb();
    const context = testContext();
    const created = await createRecord(db, 'partners', iom, context);
    await updateRecord(db, 'partners', created.id, { countryCode: 'CH' }, context);
    await expect(
      updateRecord(db, 'partners', created.id, { countryCode: 'AT' }, context, { expectedRev: 1 }),
    ).rejects.toMatchObject({ reason: 'stale' });
    expect((await db.partners.get(created.id))?.countryCode).toBe('CH');
  });

  it('deletes by leaving a tombstone and bumping the rev, and restores the record', async () => {
    const db = freshDb();
    const context = testContext('laptop-3');
    const created = await createRecord(db, 'partners', iom, context);
    const deleted = await deleteRecord(db, 'partners', created.id, context);
    expect(deleted.rev).toBe(2);
    expect(deleted.deletedAt).toBe(deleted.updatedAt);
    const stored = await db.partners.get(created.id);
    expect(stored?.deletedAt).not.toBeNull();
    expect(stored?.name).toEqual(iom.name);
    await expect(
      updateRecord(db, 'partners', created.id, { countryCode: 'CH' }, context),
    ).rejects.toMatchObject({
      reason: 'deleted',
    });
    const restored = await restoreRecord(db, 'partners', created.id, context);
    expect(restored).toMatchObject({ rev: 3, deletedAt: null });
    const ops = (await db.changes.where('recordId').equals(created.id).sortBy('seq')).map(
      (e) => e.op,
    );
    expect(ops).toEqual(['create', 'delete', 'restore']);
  });

  it('indexes links so a partner finds what refers to it, and keeps them through delete', async () => {
    const db = freshDb();
    const context = { ...testContext(), newId: () => crypto.randomUUID() };
    const parent = await createRecord(db, 'partners', iom, context);
    const council = await createRecord(
      db,
      'partners',
      { kind: 'organization-body', name: { en: 'IOM Council' }, parentId: parent.id },
      context,
    );
    const project = await createRecord(
      db,
      'projects',
      {
        title: { en: 'Border capacities' },
        status: 'ongoing',
        partners: [{ partnerId: parent.id, role: 'implementing' }],
      },
      context,
    );
    const incoming = async () =>
      (await db.links.where('targetId').equals(parent.id).toArray()).map((l) => l.sourceId).sort();
    expect(await incoming()).toEqual([council.id, project.id].sort());
    await updateRecord(db, 'partners', council.id, { parentId: null }, context);
    expect(await incoming()).toEqual([project.id]);
    await deleteRecord(db, 'projects', project.id, context);
    expect(await incoming()).toEqual([project.id]);
  });
});

describe('a read-only registry', () => {
  it('refuses every kind of write and changes nothing', async () => {
    const db = freshDb();
    const context = testContext();
    const created = await createRecord(db, 'partners', iom, context);
    const readOnly = { ...context, isReadOnly: true };
    await expect(createRecord(db, 'partners', iom, readOnly)).rejects.toMatchObject({
      reason: 'read-only',
    });
    await expect(
      updateRecord(db, 'partners', created.id, { countryCode: 'CH' }, readOnly),
    ).rejects.toMatchObject({
      reason: 'read-only',
    });
    await expect(deleteRecord(db, 'partners', created.id, readOnly)).rejects.toMatchObject({
      reason: 'read-only',
    });
    expect(await db.partners.count()).toBe(1);
    expect(await db.partners.get(created.id)).toEqual(created);
    expect(await db.changes.count()).toBe(1);
  });
});

describe('checking content before a write', () => {
  it('names the same problems a write would refuse, and accepts valid content', () => {
    const problem = checkContent('partners', { kind: 'state', name: {}, countryCode: 'Georgia' });
    expect(problem?.issues.map((issue) => issue.path).sort()).toEqual(['countryCode', 'name']);
    expect(checkContent('partners', iom)).toBeNull();
  });
});

describe('createRecords (bulk)', () => {
  it('stamps, logs and indexes the links of every record, as createRecord does', async () => {
    const db = freshDb();
    const context = testContext('laptop-1', 'Delegation laptop');
    const [parent] = await createRecords(db, 'partners', [{ input: iom }], context);
    const created = await createRecords(
      db,
      'partners',
      [
        { input: { kind: 'organization-body', name: { en: 'IOM Council' }, parentId: parent!.id } },
        { input: { kind: 'state', name: { en: 'Netherlands' } }, id: crypto.randomUUID() },
      ],
      context,
    );
    expect(created.map((record) => [record.rev, record.changedBy, record.deletedAt])).toEqual([
      [1, 'laptop-1', null],
      [1, 'laptop-1', null],
    ]);
    const changes = await db.changes.toArray();
    expect(changes.map((change) => [change.op, change.recordId, change.deviceName])).toEqual([
      ['create', parent!.id, 'Delegation laptop'],
      ['create', created[0]!.id, 'Delegation laptop'],
      ['create', created[1]!.id, 'Delegation laptop'],
    ]);
    expect(changes[1]?.fields.parentId).toEqual({ before: null, after: parent!.id });
    expect(await db.links.where('targetId').equals(parent!.id).toArray()).toEqual([
      { sourceKind: 'partners', sourceId: created[0]!.id, field: 'parentId', targetId: parent!.id },
    ]);
  });

  it('refuses the whole batch for one invalid record or one id already taken', async () => {
    const db = freshDb();
    const context = testContext();
    const [existing] = await createRecords(db, 'partners', [{ input: iom }], context);
    await expect(
      createRecords(
        db,
        'partners',
        [{ input: iom }, { input: { ...iom, kind: 'spaceship' } as never }],
        context,
      ),
    ).rejects.toBeInstanceOf(MutationError);
    await expect(
      createRecords(db, 'partners', [{ input: iom }, { input: iom, id: existing!.id }], context),
    ).rejects.toMatchObject({ reason: 'stale' });
    expect(await db.partners.count()).toBe(1);
    expect(await db.changes.count()).toBe(1);
  });
});
