import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, RESOURCES_FOLDER, test } from './harness/registryTest';
import { RegistryWindow } from './pages/RegistryWindow';

const partnerCount = (
  JSON.parse(readFileSync(join(RESOURCES_FOLDER, 'sample-registry.json'), 'utf8')) as {
    records: { partners: unknown[] };
  }
).records.partners.length;
const COUNCIL = 'Council of the International Organization for Migration';

test('deleting a linked partner asks, Undo brings it back, and Trash restores it with its links', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  await app.goTo('Partners');
  await page.getByRole('row', { name: new RegExp(`^${COUNCIL}`) }).click();
  await expect(app.heading).toHaveText(COUNCIL);

  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Move “${COUNCIL}” to Trash?`);
  await expect(dialog).toContainText('Meetings and visits: 1');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.heading).toHaveText(COUNCIL);

  await page.getByRole('button', { name: 'Delete' }).click();
  await dialog.getByRole('button', { name: 'Move to Trash' }).click();
  await expect(app.heading).toHaveText('Partners');
  await expect(page.getByTestId('record-count')).toHaveText(`${partnerCount - 1} records`);
  const moved = page.getByRole('status').filter({ hasText: 'moved to Trash' });
  await moved.getByRole('button', { name: 'Undo' }).click();
  await expect(app.heading).toHaveText(COUNCIL);

  await page.getByRole('button', { name: 'Delete' }).click();
  await dialog.getByRole('button', { name: 'Move to Trash' }).click();
  await expect(app.heading).toHaveText('Partners');
  // The 107th session keeps its link to the Council, shown as missing while it is in Trash.
  await app.goTo('Meetings and visits');
  await page.getByRole('row', { name: /^107th Session of the IOM Council/ }).click();
  await expect(page.getByRole('link', { name: COUNCIL })).toHaveCount(0);
  await expect(page.getByText('A record that is no longer in the registry')).toBeVisible();

  await app.goTo('Trash');
  await expect(page.getByTestId('record-count')).toHaveText('1 record');
  const row = page.getByRole('row', { name: new RegExp(COUNCIL) });
  await expect(row).toContainText('this computer');
  await row.getByRole('button', { name: `Restore ${COUNCIL}` }).click();
  await expect(page.getByText('Trash is empty.')).toBeVisible();
  await page
    .getByRole('status')
    .filter({ hasText: 'restored' })
    .getByRole('button', { name: 'Open' })
    .click();
  await expect(app.heading).toHaveText(COUNCIL);

  // Each step is in the Council's history, newest first, with the device that made it.
  await page
    .getByTestId('history')
    .getByRole('button', { name: /History/ })
    .click();
  const entries = page.getByTestId('history-entry');
  await expect(entries).toHaveCount(5);
  await expect(entries.first()).toContainText('Restored from Trash by e2e-laptop');
  await expect(entries.nth(1)).toContainText('Moved to Trash by e2e-laptop');
  await expect(entries.last()).toContainText('Created by e2e-laptop');

  await page.getByRole('link', { name: 'International Organization for Migration' }).click();
  await expect(page.getByRole('link', { name: COUNCIL })).toBeVisible();
});

test('a record nothing links to goes to Trash at once', async ({ page, registryApp }) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  await app.goTo('Projects');
  await page.getByRole('row', { name: /^Asylum Systems Quality Initiative/ }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(app.heading).toHaveText('Projects');
  await expect(page.getByRole('row', { name: /^Asylum Systems Quality Initiative/ })).toHaveCount(
    0,
  );
});
