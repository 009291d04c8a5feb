import { afterEach, describe, expect, it } from 'vitest';
import { createRecord, deleteRecord, restoreRecord, updateRecord } from './changeTracking';
import { RecordCache, recordCache } from './recordCache';
import type { RegistryDb } from './RegistryDb';
import { createTestDb, testContext } from './testing/testDb';

const opened: RegistryDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function setup() {
  const db = createTestDb();
  opened.push(db);
  return { db, context: { ...testContext(), newId: () => crypto.randomUUID() } };
}

const names = (snapshot: { records: readonly { name: { en?: string } }[] } | undefined) =>
  snapshot?.records.map((record) => record.name.en).sort();

describe('RecordCache', () => {
  it('follows creates, edits, deletes and restores, and keeps unchanged records as they were', async () => {
    const { db, context } = setup();
    const iom = await createRecord(
      db,
      'partners',
      { kind: 'international-organization', name: { en: 'IOM' } },
      context,
    );
    const icmpd = await createRecord(
      db,
      'partners',
      { kind: 'international-organization', name: { en: 'ICMPD' } },
      context,
    );
    const cache = recordCache(db, 'partners');
    const unsubscribe = cache.subscribe(() => undefined);
    await cache.settled();
    expect(names(cache.getSnapshot())).toEqual(['ICMPD', 'IOM']);
    const icmpdBefore = cache.getSnapshot()?.byId.get(icmpd.id);

    await updateRecord(db, 'partners', iom.id, { name: { en: 'IOM (UN Migration)' } }, context);
    // A person is logged too, but is not this cache's kind.
    await createRecord(db, 'people', { name: { en: 'Firudin Nabiyev' } }, context);
    await cache.settled();
    expect(names(cache.getSnapshot())).toEqual(['ICMPD', 'IOM (UN Migration)']);
    expect(cache.getSnapshot()?.byId.get(icmpd.id)).toBe(icmpdBefore);

    await deleteRecord(db, 'partners', icmpd.id, context);
    await cache.settled();
    expect(names(cache.getSnapshot())).toEqual(['IOM (UN Migration)']);

    await restoreRecord(db, 'partners', icmpd.id, context);
    await cache.settled();
    expect(names(cache.getSnapshot())).toEqual(['ICMPD', 'IOM (UN Migration)']);
    unsubscribe();
  });

  it('catches up on changes made while nobody was watching', async () => {
    const { db, context } = setup();
    const cache = recordCache(db, 'people');
    const unsubscribe = cache.subscribe(() => undefined);
    await cache.settled();
    expect(names(cache.getSnapshot())).toEqual([]);
    unsubscribe();

    await createRecord(db, 'people', { name: { en: 'Vusal Huseynov' } }, context);
    cache.subscribe(() => undefined);
    await cache.settled();
    expect(names(cache.getSnapshot())).toEqual(['Vusal Huseynov']);
  });

  it('re-reads the table when more changed than is worth patching', async () => {
    const { db, context } = setup();
    const cache = new RecordCache(db, 'people', { reloadThreshold: 10 });
    cache.subscribe(() => undefined);
    await cache.settled();
    const kept = await createRecord(db, 'people', { name: { en: 'Kept' } }, context);
    await cache.settled();
    const keptBefore = cache.getSnapshot()?.byId.get(kept.id);
    await db.transaction('rw', ['people', 'changes', 'links'], async () => {
      for (let index = 0; index < 25; index += 1) {
        await createRecord(db, 'people', { name: { en: `Person ${index}` } }, context);
      }
    });
    await cache.settled();
    expect(cache.getSnapshot()?.records).toHaveLength(26);
    // The re-read keeps unchanged records as they were, so their list rows survive.
    expect(cache.getSnapshot()?.byId.get(kept.id)).toBe(keptBefore);
  });

  it('tells every listener when the records change', async () => {
    const { db, context } = setup();
    const cache = recordCache(db, 'people');
    let calls = 0;
    cache.subscribe(() => {
      calls += 1;
    });
    await cache.settled();
    const before = calls;
    await createRecord(db, 'people', { name: { en: 'Vusal Huseynov' } }, context);
    await cache.settled();
    expect(calls).toBeGreaterThan(before);
  });
});
