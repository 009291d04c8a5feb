import { en } from '../../src/shared/i18n/messages/en';
import { expect, test } from './harness/registryTest';

test('a registry written by a newer app version gets a recovery screen, never a blank window', async ({
  page,
  registryApp,
}) => {
  // Create the database at a schema version above this build's, as a newer app would leave it.
  await page.goto(`${registryApp.origin}/favicon-that-does-not-exist.ico`);
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('cooperation-registry', 9990);
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(new Error(String(request.error)));
      }),
  );

  await page.goto(`${registryApp.origin}/`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(en.errors.databaseTitle);
  await expect(alert).toContainText(en.errors.databaseNewer);
  await expect(alert.getByRole('button', { name: en.errors.retry })).toBeVisible();
  await expect(page.getByTestId('section-nav')).toHaveCount(0);
});
