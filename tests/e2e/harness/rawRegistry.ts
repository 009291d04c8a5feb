import type { Page } from '@playwright/test';

/** The registry's row count per table, read with raw IndexedDB (no app code), at its version. */
export async function countRegistryRows(
  page: Page,
): Promise<{ version: number; rows: Record<string, number> }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('cooperation-registry');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const rows: Record<string, number> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      rows[name] = await new Promise<number>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('count failed'));
      });
    }
    const version = db.version;
    db.close();
    return { version, rows };
  });
}

/** One row of a table by key, read with raw IndexedDB. */
export async function readRegistryRow(page: Page, table: string, key: string): Promise<unknown> {
  return page.evaluate(
    async ({ table, key }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('cooperation-registry');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      const row = await new Promise<unknown>((resolve, reject) => {
        const request = db.transaction(table).objectStore(table).get(key);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
      db.close();
      return row;
    },
    { table, key },
  );
}

/** The first key of a table (one of its records' ids), read with raw IndexedDB. */
export async function firstRegistryKey(page: Page, table: string): Promise<string> {
  return page.evaluate(async (table) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('cooperation-registry');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const key = await new Promise<string>((resolve, reject) => {
      const request = db.transaction(table).objectStore(table).getAllKeys(null, 1);
      request.onsuccess = () => resolve(request.result[0] as string);
      request.onerror = () => reject(request.error ?? new Error('read failed'));
    });
    db.close();
    return key;
  }, table);
}

/**
 * Writes rows with raw IndexedDB in one transaction, bypassing the app's mutations, as a merged
 * bundle or a restored backup puts what another laptop sent. Reload the page afterwards.
 */
export async function putRegistryRows(
  page: Page,
  table: string,
  rows: readonly unknown[],
): Promise<void> {
  await page.evaluate(
    async ({ table, rows }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('cooperation-registry');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(table, 'readwrite');
        const store = transaction.objectStore(table);
        for (const row of rows) store.put(row);
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error ?? new Error('write failed'));
      });
      db.close();
    },
    { table, rows },
  );
}

/** One row, as putRegistryRows writes them. */
export function putRegistryRow(page: Page, table: string, row: unknown): Promise<void> {
  return putRegistryRows(page, table, [row]);
}

/**
 * Deletes the registry database from a page of the app's origin outside the app (so no
 * connection of the app's holds it open), as on a laptop that never had a registry.
 */
export async function deleteRegistryDatabase(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/favicon-that-does-not-exist.ico`);
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const deleting = indexedDB.deleteDatabase('cooperation-registry');
        deleting.onsuccess = () => resolve();
        deleting.onerror = () => reject(new Error(String(deleting.error)));
      }),
  );
}
