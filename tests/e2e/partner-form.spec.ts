import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, RESOURCES_FOLDER, test } from './harness/registryTest';
import { RegistryWindow } from './pages/RegistryWindow';

const samplePartners = (
  JSON.parse(readFileSync(join(RESOURCES_FOLDER, 'sample-registry.json'), 'utf8')) as {
    records: { partners: unknown[] };
  }
).records.partners.length;
const MINISTRY = 'Ministry of Internal Affairs of Georgia';

test('a partner is created and edited through the form, with validation, a guard and history', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  await app.goTo('Partners');
  await page.getByRole('button', { name: 'New' }).click();
  await expect(app.heading).toHaveText('New partner');

  // Nothing filled in: every problem is named at its field, and nothing is saved.
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('form-error')).toHaveText(
    'Nothing was saved. Check the marked fields.',
  );
  await expect(page.getByText('Choose one of the options.')).toBeVisible();
  await expect(page.getByText('Write it in at least one language.')).toBeVisible();

  await page.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'State authority' }).click();
  await page.locator('input[name="name.en"]').fill(MINISTRY);
  await page.locator('input[name="name.az"]').fill('Gürcüstan Daxili İşlər Nazirliyi');
  await page.getByRole('combobox', { name: 'Country' }).fill('Georgia');
  await page.getByRole('option', { name: 'Georgia', exact: true }).click();
  await page.getByRole('combobox', { name: 'Part of' }).fill('Kingdom of the');
  await page.getByRole('option', { name: 'Kingdom of the Netherlands', exact: true }).click();
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(app.heading).toHaveText(MINISTRY);
  await expect(page.getByText('State authority', { exact: true })).toBeVisible();
  await expect(page.getByText('Georgia', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Kingdom of the Netherlands' })).toBeVisible();

  // Leaving a changed form asks first; keeping on editing loses nothing.
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.locator('input[name="acronym.en"]').fill('MIA');
  await app.navigation.getByRole('link', { name: 'Agreements' }).click();
  const guard = page.getByRole('dialog');
  await expect(guard).toContainText('Discard unsaved changes?');
  await guard.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page.locator('input[name="acronym.en"]')).toHaveValue('MIA');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(app.heading).toContainText(`${MINISTRY}(MIA)`);

  // The edit is in the history, and the earlier version can be brought back.
  await page
    .getByTestId('history')
    .getByRole('button', { name: /History/ })
    .click();
  const entries = page.getByTestId('history-entry');
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText('Changed by e2e-laptop');
  await expect(entries.first().getByTestId('history-field')).toHaveText('Acronym: — → MIA');
  await entries.last().getByRole('button', { name: 'Restore this version' }).click();
  await expect(app.heading).toHaveText(MINISTRY);
  await expect(entries).toHaveCount(3);
  await expect(entries.first().getByTestId('history-field')).toHaveText('Acronym: MIA → —');

  await app.goTo('Partners');
  await expect(page.getByTestId('record-count')).toHaveText(`${samplePartners + 1} records`);
});

test('discarding a changed form leaves the record as it was', async ({ page, registryApp }) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  await app.goTo('Partners');
  await page.getByRole('row', { name: /^Prague Process/ }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.locator('input[name="name.en"]').fill('Prague Process (renamed)');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Discard changes' }).click();
  await expect(app.heading).toHaveText('Prague Process');
});
