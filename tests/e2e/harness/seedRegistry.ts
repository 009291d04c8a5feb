import type { Page } from '@playwright/test';
import type { GeneratedRegistry } from '../../fixtures/generateRegistry';

const CHUNK = 5_000;

/**
 * Puts a generated registry straight into the page's IndexedDB registry, the way a restored
 * backup arrives: records only, no change log. For scale tests and benchmarks, where creating
 * 100,000 records through forms is not the point. Reload the page afterwards so every view reads
 * the registry afresh.
 */
export async function seedRegistry(page: Page, registry: GeneratedRegistry): Promise<void> {
  for (const [table, records] of Object.entries(registry)) {
    for (let start = 0; start < records.length; start += CHUNK) {
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
        { table, rows: records.slice(start, start + CHUNK) },
      );
    }
  }
}
