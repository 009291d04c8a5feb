import { indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecord } from './changeTracking';
import type { RegistryDb } from './RegistryDb';
import { LATEST_SCHEMA_VERSION } from './schema';
import { createTestDb, testContext } from './testing/testDb';

/**
 * Two windows or launches (issue 9): when another context upgrades the registry, this one closes
 * its connection at once, so the upgrade is not blocked, and stays closed, so this build's code
 * never writes into a schema it does not know. Its rows are left as they were.
 */

const opened: RegistryDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** Opens the database with raw IndexedDB at a native version, as a newer build would. */
function openRaw(name: string, nativeVersion: number) {
  return new Promise<{ db: IDBDatabase; wasBlocked: boolean }>((resolve, reject) => {
    let wasBlocked = false;
    const request = indexedDB.open(name, nativeVersion);
    request.onblocked = () => {
      wasBlocked = true;
    };
    request.onsuccess = () => resolve({ db: request.result, wasBlocked });
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

describe('a schema upgrade from another context', () => {
  it('closes this connection without blocking it, keeps it closed, and leaves the rows intact', async () => {
    const db = createTestDb();
    opened.push(db);
    const iom = await createRecord(
      db,
      'partners',
      { kind: 'international-organization', name: { en: 'IOM' } },
      testContext(),
    );
    let heard = 0;
    db.on('versionchange', () => {
      heard += 1;
    });

    const newer = await openRaw(db.name, (LATEST_SCHEMA_VERSION + 1) * 10);
    expect(newer.wasBlocked).toBe(false);
    expect(heard).toBe(1);
    expect(db.isOpen()).toBe(false);
    // No silent reopen: a write from this window is refused, not written into the newer schema.
    await expect(
      createRecord(db, 'partners', { kind: 'state', name: { en: 'Late write' } }, testContext()),
    ).rejects.toMatchObject({ name: 'DatabaseClosedError' });

    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const request = newer.db.transaction('partners').objectStore('partners').getAll();
      request.onsuccess = () => resolve(request.result as unknown[]);
      request.onerror = () => reject(request.error ?? new Error('read failed'));
    });
    newer.db.close();
    expect(rows).toEqual([iom]);
  });
});
