import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach } from 'vitest';
import { RegistryDb, type RegistryDbOptions } from '../RegistryDb';
import type { MutationContext } from '../changeTracking';

let counter = 0;

/** A fresh, empty registry in fake-indexeddb, under a name no other test uses. */
export function createTestDb(options: Omit<RegistryDbOptions, 'indexedDB' | 'IDBKeyRange'> = {}) {
  counter += 1;
  return new RegistryDb(`test-registry-${counter}-${Math.random().toString(36).slice(2)}`, {
    ...options,
    indexedDB,
    IDBKeyRange,
  });
}

/**
 * For test files that open several registries: call once at the top; each registry the returned
 * function opens is closed after the test that opened it.
 */
export function freshDbsClosedAfterEach(): () => RegistryDb {
  const opened: RegistryDb[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
  });
  return () => {
    const db = createTestDb();
    opened.push(db);
    return db;
  };
}

/** Opens a registry by name at the given schema versions, as the app would after an upgrade. */
export function openTestDbAt(name: string, versions: RegistryDbOptions['versions']) {
  return new RegistryDb(name, { versions, indexedDB, IDBKeyRange });
}

/** A clock that ticks one second per call and predictable ids, so tests can assert exact values. */
export function testContext(deviceId = 'device-test', deviceName = 'Test laptop'): MutationContext {
  let tick = 0;
  let id = 0;
  return {
    deviceId,
    deviceName,
    now: () => new Date(Date.UTC(2026, 10, 1, 9, 0, tick++)),
    newId: () => `00000000-0000-4000-8000-${String(++id).padStart(12, '0')}`,
  };
}
