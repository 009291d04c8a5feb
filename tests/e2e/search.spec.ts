import { expect, test } from './harness/registryTest';
import { SearchDialog } from './pages/SearchDialog';
import { RegistryWindow } from './pages/RegistryWindow';

async function createPartner(page: RegistryWindow['page'], name: { en?: string; az?: string }) {
  await page.getByRole('button', { name: 'New' }).click();
  await page.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'State authority' }).click();
  if (name.en) await page.locator('input[name="name.en"]').fill(name.en);
  if (name.az) await page.locator('input[name="name.az"]').fill(name.az);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Edit' })).toBeVisible();
}

test('finds records however ə, case, the Turkic i and typos are typed, and follows edits', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  await app.goTo('Partners');
  await createPartner(page, { az: 'Əsas Miqrasiya İdarəsi' });
  await app.goTo('Partners');
  await createPartner(page, { en: 'Provincial Migration Directorate of İstanbul' });

  const search = new SearchDialog(page);
  await search.open();
  for (const query of ['əsas', 'ESAS', 'esas']) {
    await search.search(query);
    await expect(search.results).toHaveCount(1);
    await expect(search.results.first()).toContainText('Əsas Miqrasiya İdarəsi');
    // The matching word is marked.
    await expect(search.results.first().locator('mark')).toHaveText('Əsas');
  }
  await search.search('Istanbul');
  await expect(search.results.first()).toContainText('Directorate of İstanbul');

  // A typo in a longer word still finds the record; names in other languages count too.
  await search.search('Internatonal Organisation Migration');
  await expect(search.results.first()).toContainText('International Organization for Migration');
  await search.search('МОМ');
  await expect(search.results.first()).toContainText('International Organization for Migration');

  // Results are grouped by kind (the thematic area and the agreement), filter by kind, and
  // open on Enter.
  await search.search('readmission');
  await expect(search.dialog.getByRole('group', { name: 'Thematic areas' })).toBeVisible();
  await expect(search.dialog.getByRole('group', { name: 'Agreements' })).toBeVisible();
  await search.dialog.getByRole('button', { name: 'Agreements' }).click();
  await expect(search.dialog.getByRole('group', { name: 'Thematic areas' })).toBeHidden();
  await search.input.press('Enter');
  await expect(search.dialog).toBeHidden();
  await expect(app.heading).toContainText('on the readmission of persons');

  // An edit shows up in search without reloading.
  await app.goTo('Partners');
  await page.getByRole('row', { name: /Əsas Miqrasiya İdarəsi/ }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.locator('input[name="name.az"]').fill('Əsas Göç Mərkəzi');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(app.heading).toHaveText('Əsas Göç Mərkəzi');
  await search.open();
  await search.search('goc merkezi');
  await expect(search.results.first()).toContainText('Əsas Göç Mərkəzi');
  await search.search('miqrasiya idaresi');
  await expect(search.dialog.getByText('Nothing found for “miqrasiya idaresi”.')).toBeVisible();
});

test('the index is saved, loaded on the next start, and can be rebuilt from Settings', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  await app.goTo('Settings');
  const status = page.getByTestId('search-index-status');
  await expect(page.getByText(/^Built in \d+ ms\.$/)).toBeVisible();
  await expect(status).toHaveText(/^\d{2,} records indexed$/);
  const indexed = await status.textContent();

  // Saved a moment after building; the next start loads it instead of building again.
  await page.waitForTimeout(6_000);
  await page.reload();
  await app.goTo('Settings');
  await expect(page.getByText(/^Loaded from the saved index in \d+ ms\.$/)).toBeVisible();
  await expect(status).toHaveText(indexed ?? '');

  await page.getByRole('button', { name: 'Rebuild the search index' }).click();
  await expect(page.getByText(/^Built in \d+ ms\.$/)).toBeVisible();
  await expect(status).toHaveText(indexed ?? '');
});

test('narrows by thematic area and date range, and a saved search comes back', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  const search = new SearchDialog(page);
  await search.open();
  await search.search('agreement');
  // Several agreements match before any filter is set.
  await expect(search.results.nth(1)).toBeVisible();

  await search.dialog.getByRole('button', { name: 'Filters' }).click();
  await search.dialog.getByRole('combobox', { name: 'Thematic area' }).click();
  await page.getByRole('option', { name: 'Readmission', exact: true }).click();
  await expect(search.results).toHaveCount(1);
  await expect(search.results.first()).toContainText('readmission of persons');
  await search.dialog.getByRole('textbox', { name: 'From' }).fill('2015');
  await expect(search.dialog.getByText('Nothing found for “agreement”.')).toBeVisible();
  await search.dialog.getByRole('textbox', { name: 'From' }).fill('2014');
  await expect(search.results).toHaveCount(1);

  await search.dialog.getByRole('button', { name: 'Saved searches' }).click();
  await page.getByRole('menuitem', { name: 'Save this search…' }).click();
  const save = page.getByRole('dialog', { name: 'Save this search' });
  await save.getByRole('textbox', { name: 'Name' }).fill('Readmission since 2014');
  await save.getByRole('button', { name: 'Save' }).click();
  await expect(save).toBeHidden();

  // A fresh search starts empty; the saved one brings words and filters back.
  await page.keyboard.press('Escape');
  await search.open();
  await expect(search.input).toHaveValue('');
  await search.dialog.getByRole('button', { name: 'Saved searches' }).click();
  await page.getByRole('menuitem', { name: 'Readmission since 2014' }).click();
  await expect(search.input).toHaveValue('agreement');
  await expect(search.dialog.getByRole('textbox', { name: 'From' })).toHaveValue('2014');
  await expect(search.results).toHaveCount(1);
});
