import { afterEach, describe, expect, it } from 'vitest';
import { createRecord, deleteRecord, restoreRecord } from '../../db/changeTracking';
import type { RegistryDb } from '../../db/RegistryDb';
import { createTestDb, testContext } from '../../db/testing/testDb';
import { countLinkingRecords, loadTrash } from './queries';

const opened: RegistryDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('Trash', () => {
  it('lists deleted records of every kind, most recently deleted first, and forgets restored ones', async () => {
    const db = createTestDb();
    opened.push(db);
    const context = { ...testContext(), newId: () => crypto.randomUUID() };
    const iom = await createRecord(
      db,
      'partners',
      { kind: 'international-organization', name: { en: 'IOM' } },
      context,
    );
    const session = await createRecord(
      db,
      'events',
      { kind: 'summit', title: { en: 'Summit' }, partnerIds: [iom.id] },
      context,
    );
    const person = await createRecord(db, 'people', { name: { en: 'Firudin Nabiyev' } }, context);
    expect(await loadTrash(db)).toEqual([]);

    await deleteRecord(db, 'events', session.id, context);
    await deleteRecord(db, 'people', person.id, context);
    await deleteRecord(db, 'partners', iom.id, context);
    expect((await loadTrash(db)).map((entry) => [entry.kind, entry.record.id])).toEqual([
      ['partners', iom.id],
      ['people', person.id],
      ['events', session.id],
    ]);

    await restoreRecord(db, 'people', person.id, context);
    expect((await loadTrash(db)).map((entry) => entry.record.id)).toEqual([iom.id, session.id]);
  });

  it('counts the live records that link to a record, by kind', async () => {
    const db = createTestDb();
    opened.push(db);
    const context = { ...testContext(), newId: () => crypto.randomUUID() };
    const iom = await createRecord(
      db,
      'partners',
      { kind: 'international-organization', name: { en: 'IOM' } },
      context,
    );
    await createRecord(
      db,
      'events',
      { kind: 'summit', title: { en: 'A' }, partnerIds: [iom.id] },
      context,
    );
    const b = await createRecord(
      db,
      'events',
      { kind: 'summit', title: { en: 'B' }, organizerId: iom.id },
      context,
    );
    await createRecord(
      db,
      'partners',
      { kind: 'organization-body', name: { en: 'Council' }, parentId: iom.id },
      context,
    );
    expect(await countLinkingRecords(db, iom.id)).toEqual({ events: 2, partners: 1 });
    await deleteRecord(db, 'events', b.id, context);
    expect(await countLinkingRecords(db, iom.id)).toEqual({ events: 1, partners: 1 });
  });
});
