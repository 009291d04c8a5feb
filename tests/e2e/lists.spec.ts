import { expect, test } from './harness/registryTest';
import { seedRegistry } from './harness/seedRegistry';
import { RecordList } from './pages/RecordList';
import { RegistryWindow } from './pages/RegistryWindow';
import { generateRegistry } from '../fixtures/generateRegistry';

test('filters a list by text in any language, by facets and by partial-date ranges', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  const list = new RecordList(page);

  await app.goTo('Agreements');
  await list.expectCount('5 records');
  // The Azerbaijani title, typed without Azerbaijani letters, while the list shows English.
  await list.filter.fill('konullu QAYIDIS');
  await list.expectCount('1 of 5 records');
  await expect(list.rows).toHaveCount(1);
  await expect(list.rows.first()).toContainText('Voluntary Return of Migrants');
  await list.filter.fill('реадмиссии');
  await expect(list.rows.first()).toContainText('readmission of persons');
  await list.clearFilters();
  await list.expectCount('5 records');
  await list.choose('Status', 'In force');
  await list.expectCount('1 of 5 records');
  await list.clearFilters();

  await app.goTo('Meetings and visits');
  await list.expectCount('11 records');
  await list.choose('Kind', 'Governing body session');
  await list.expectCount('3 of 11 records');
  // A year range keeps events on any day of it; events without dates drop out.
  await list.setDates('2016', '2016');
  await list.expectCount('2 of 11 records');
  await list.choose('Country', 'Switzerland');
  await list.expectCount('1 of 11 records');
  await expect(list.rows.first()).toContainText('107th Session of the IOM Council');

  await list.clearFilters();
  await page.getByRole('textbox', { name: 'From' }).fill('2016-13');
  await expect(page.getByText('Write a year, year-month or date')).toBeVisible();
  // A bound that is not a date filters nothing rather than guessing.
  await list.expectCount('11 of 11 records');
});

test('sorts by any column, with unknown dates last, and chooses and orders columns', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  const list = new RecordList(page);
  await app.goTo('Meetings and visits');

  await list.sortBy('Dates');
  await list.sortBy('Dates');
  await expect(list.table.getByRole('columnheader', { name: 'Dates' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  const newestFirst = await list.firstCells();
  expect(newestFirst[0]).toContain('Strengthening international cooperation'); // April 2017
  expect(newestFirst.at(-1)).toMatch(/recurring|Official visit/);

  await expect(list.headers).toHaveText(['Title', 'Kind', 'Dates', 'Place', 'Partners']);
  const chooser = await list.openColumns();
  // Choosing a column moves it among the shown ones, so click rather than check().
  await chooser.getByRole('checkbox', { name: 'Organizer' }).click();
  await expect(chooser.getByRole('checkbox', { name: 'Organizer' })).toBeChecked();
  await chooser.getByRole('checkbox', { name: 'Kind' }).click();
  await expect(chooser.getByRole('checkbox', { name: 'Kind' })).not.toBeChecked();
  await chooser.getByRole('button', { name: 'Move “Organizer” left' }).click();
  await page.keyboard.press('Escape');
  await expect(list.headers).toHaveText(['Title', 'Dates', 'Place', 'Organizer', 'Partners']);

  // The layout lives in the address, so a reload (or Back) keeps it.
  await page.reload();
  await expect(list.headers).toHaveText(['Title', 'Dates', 'Place', 'Organizer', 'Partners']);
  expect((await list.firstCells())[0]).toContain('Strengthening international cooperation');
});

test('saves a view, finds it again after leaving the list, and undoes deleting it', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  const list = new RecordList(page);
  await app.goTo('Meetings and visits');

  await list.choose('Kind', 'Governing body session');
  await list.setDates('2016', '');
  await list.expectCount('2 of 11 records');
  await list.saveView('Councils since 2016');
  await expect(page.getByRole('button', { name: 'View: Councils since 2016' })).toBeVisible();

  // Coming back through the navigation finds the list as it was left.
  await app.goTo('Partners');
  await app.goTo('Meetings and visits');
  await list.expectCount('2 of 11 records');

  await list.clearFilters();
  await list.expectCount('11 records');
  let menu = await list.openViews();
  await menu.getByRole('menuitem', { name: 'Councils since 2016' }).click();
  await list.expectCount('2 of 11 records');
  await expect(page.getByRole('textbox', { name: 'From' })).toHaveValue('2016');

  menu = await list.openViews();
  await menu.getByRole('button', { name: 'Delete view “Councils since 2016”' }).click();
  await expect(menu).toBeHidden();
  await expect(page.getByRole('button', { name: 'Views' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('button', { name: 'View: Councils since 2016' })).toBeVisible();
});

test('moves through rows with the keyboard and opens one with Enter; Ctrl+F finds the filter', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  const list = new RecordList(page);
  await app.goTo('Partners');

  await list.rows.first().focus();
  await page.keyboard.press('ArrowDown');
  const second = (await list.firstCells())[1] ?? '';
  await expect(list.rows.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.heading).toHaveText(second.replace(/Own side$/, '').trim());

  await app.goTo('Partners');
  await page.keyboard.press('Control+f');
  await expect(list.filter).toBeFocused();
});

test('a list of thousands renders only the rows in view and stays complete', async ({
  page,
  registryApp,
}) => {
  // Seeding 20,000 records takes most of a minute on a busy two-core machine.
  test.setTimeout(180_000);
  const app = new RegistryWindow(page, registryApp.origin);
  await app.open();
  const registry = generateRegistry(20_000);
  const target = registry.events[1234];
  if (target) {
    target.title = { en: 'Zanzibar round table', az: undefined, ru: 'Круглый стол в Занзибаре' };
  }
  await seedRegistry(page, registry);
  await page.reload();
  const list = new RecordList(page);
  await app.goTo('Meetings and visits');

  const total = registry.events.length;
  // Reading 20,000 records the first time takes a while on a busy machine; this waits, it does
  // not time anything.
  await expect(list.count).toHaveText(`${total} records`, { timeout: 60_000 });
  await expect(list.table).toHaveAttribute('aria-rowcount', String(total + 1));
  expect(await list.rows.count()).toBeLessThan(80);

  // End reaches the last record: the window moves, the page never holds them all.
  await list.rows.first().focus();
  await page.keyboard.press('End');
  await expect(list.rows.last()).toBeFocused();
  await expect(list.rows.last()).toHaveAttribute('aria-rowindex', String(total + 1));
  expect(await list.rows.count()).toBeLessThan(80);

  // Filtering searches every record, not only the rendered ones, and starts again at the top.
  await list.filter.fill('занзибар');
  await list.expectCount(`1 of ${total} records`);
  await expect(list.rows).toHaveCount(1);
  await expect(list.rows.first()).toContainText('Zanzibar round table');
});
