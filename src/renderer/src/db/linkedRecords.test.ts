import { afterEach, describe, expect, it } from 'vitest';
import { createRecord, deleteRecord } from './changeTracking';
import { getLinkingRecords, getLiveRecord, getLiveRecordsById } from './linkedRecords';
import type { RegistryDb } from './RegistryDb';
import { createTestDb, testContext } from './testing/testDb';

const opened: RegistryDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function registryWithIom() {
  const db = createTestDb();
  opened.push(db);
  const context = { ...testContext(), newId: () => crypto.randomUUID() };
  const iom = await createRecord(
    db,
    'partners',
    { kind: 'international-organization', name: { en: 'IOM' } },
    context,
  );
  const council = await createRecord(
    db,
    'partners',
    { kind: 'organization-body', name: { en: 'IOM Council' }, parentId: iom.id },
    context,
  );
  const session = await createRecord(
    db,
    'events',
    {
      kind: 'governing-body-session',
      title: { en: '107th Session' },
      organizerId: council.id,
      partnerIds: [iom.id],
    },
    context,
  );
  const swing = await createRecord(
    db,
    'people',
    {
      name: { en: 'William Lacy Swing' },
      positions: [
        { id: crypto.randomUUID(), organizationId: iom.id, title: { en: 'Director General' } },
      ],
    },
    context,
  );
  return { db, context, iom, council, session, swing };
}

describe('linked records', () => {
  it('finds every live record that refers to a partner, grouped by kind', async () => {
    const { db, iom, council, session, swing } = await registryWithIom();
    const linking = await getLinkingRecords(db, iom.id);
    expect(linking.partners.map((r) => r.id)).toEqual([council.id]);
    expect(linking.events.map((r) => r.id)).toEqual([session.id]);
    expect(linking.people.map((r) => r.id)).toEqual([swing.id]);
    expect(linking.agreements).toEqual([]);
  });

  it('can limit the match to the fields that hold the link', async () => {
    const { db, iom, council } = await registryWithIom();
    const children = await getLinkingRecords(db, iom.id, ['parentId']);
    expect(children.partners.map((r) => r.id)).toEqual([council.id]);
    expect(children.events).toEqual([]);
  });

  it('leaves out records in Trash', async () => {
    const { db, context, iom, session, council } = await registryWithIom();
    await deleteRecord(db, 'events', session.id, context);
    expect((await getLinkingRecords(db, iom.id)).events).toEqual([]);
    expect(await getLiveRecord(db, 'events', session.id)).toBeNull();
    const byId = await getLiveRecordsById(db, 'partners', [iom.id, council.id, iom.id, 'missing']);
    expect([...byId.keys()].sort()).toEqual([iom.id, council.id].sort());
  });
});
