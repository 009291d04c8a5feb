import { en } from '../../src/shared/i18n/messages/en';
import { countRegistryRows } from './harness/rawRegistry';
import { expect, test } from './harness/registryTest';
import { RegistryWindow } from './pages/RegistryWindow';

/**
 * Storage trouble and two contexts (issue 9). A database that will not open is covered by
 * recovery.spec.ts (newer version) and backup.spec.ts (restore from the recovery screen).
 */

const MINISTRY = 'Ministry of Labour and Social Protection of Population';

test('a full storage refuses the save with a message naming it, and the form keeps what was typed', async ({
  page,
  registryApp,
}) => {
  // Chromium raises QuotaExceededError when the disk or the origin's quota is full; the test makes
  // every IndexedDB write raise it while `__isStorageFull` is set.
  await page.addInitScript(() => {
    const flagged = window as unknown as { __isStorageFull?: boolean };
    for (const method of ['add', 'put'] as const) {
      const original = Reflect.get(IDBObjectStore.prototype, method) as (
        ...args: unknown[]
      ) => IDBRequest;
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: unknown[]) {
        if (flagged.__isStorageFull) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return original.apply(this, args);
      } as never;
    }
  });
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  await app.goTo('Partners');
  const before = await countRegistryRows(page);

  await page.getByRole('button', { name: 'New' }).click();
  await page.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'State authority' }).click();
  await page.locator('input[name="name.en"]').fill(MINISTRY);
  await page.locator('input[name="name.az"]').fill('Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi');
  await page.evaluate(() => {
    (window as unknown as { __isStorageFull?: boolean }).__isStorageFull = true;
  });
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(page.getByTestId('form-error')).toContainText(en.errors.storageFull);
  await expect(app.heading).toHaveText('New partner');
  await expect(page.locator('input[name="name.en"]')).toHaveValue(MINISTRY);
  await expect(page.locator('input[name="name.az"]')).toHaveValue(
    'Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi',
  );
  expect(await countRegistryRows(page)).toEqual(before);

  // Space freed: the same form saves what the user typed.
  await page.evaluate(() => {
    (window as unknown as { __isStorageFull?: boolean }).__isStorageFull = false;
  });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(app.heading).toHaveText(MINISTRY);
  expect((await countRegistryRows(page)).rows.partners).toBe((before.rows.partners ?? 0) + 1);
});

test('an upgrade from a second window closes the first one’s connection and asks it to reload, damaging nothing', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  const before = await countRegistryRows(page);

  // A second window of a newer build opens the same registry one version up, with raw IndexedDB.
  const second = await page.context().newPage();
  await second.goto(`${registryApp.origin}/favicon-that-does-not-exist.ico`);
  const upgrade = await second.evaluate(
    (nativeVersion) =>
      new Promise<{ wasBlocked: boolean; stores: string[] }>((resolve, reject) => {
        let wasBlocked = false;
        const request = indexedDB.open('cooperation-registry', nativeVersion);
        request.onblocked = () => {
          wasBlocked = true;
        };
        request.onupgradeneeded = () => {
          request.result.createObjectStore('addedByNewerVersion', { keyPath: 'id' });
        };
        request.onsuccess = () => {
          const stores = Array.from(request.result.objectStoreNames);
          request.result.close();
          resolve({ wasBlocked, stores });
        };
        request.onerror = () => reject(new Error(String(request.error)));
      }),
    before.version + 10,
  );
  expect(upgrade.wasBlocked).toBe(false);
  expect(upgrade.stores).toContain('addedByNewerVersion');

  // The first window stopped using the registry and says why; it offers a reload, nothing else.
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(en.errors.supersededTitle);
  await expect(alert).toContainText(en.errors.supersededBody);
  await expect(app.navigation).toHaveCount(0);

  // Every row is as it was, now under the newer version.
  const after = await countRegistryRows(second);
  expect(after.version).toBe(before.version + 10);
  const { addedByNewerVersion, ...kept } = after.rows;
  expect(addedByNewerVersion).toBe(0);
  expect(kept).toEqual(before.rows);

  // Reloading opens the registry as it now is: this older build refuses a newer registry.
  await alert.getByRole('button', { name: en.errors.reload }).click();
  await expect(page.getByRole('alert')).toContainText(en.errors.databaseNewer);
  await second.close();
});
