import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { az } from '../../src/shared/i18n/messages/az';
import { en } from '../../src/shared/i18n/messages/en';
import { ru } from '../../src/shared/i18n/messages/ru';
import { expect, RESOURCES_FOLDER, test } from './harness/registryTest';
import { RegistryWindow } from './pages/RegistryWindow';

const VOLUNTARY_RETURN = /Pilot Project on Assistance for the Voluntary Return of Migrants/;

test('first run: load the sample, open IOM, read the voluntary-return agreement in three languages', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.open();
  await expect(page.getByRole('heading', { name: en.firstRun.title })).toBeVisible();
  await app.loadSampleFromFirstRun();

  await app.goTo('Partners');
  await page.getByRole('row', { name: /^International Organization for Migration IOM/ }).click();
  await expect(app.heading).toContainText('International Organization for Migration');

  const agreement = page.getByTestId('agreement-card').filter({ hasText: VOLUNTARY_RETURN });
  await expect(agreement).toHaveCount(1);
  const steps = agreement.getByTestId('agreement-step');
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toContainText('Signed');
  await expect(steps.nth(0)).toContainText('8 December 2016');
  await expect(steps.nth(0)).toContainText('Geneva');
  await expect(steps.nth(1)).toContainText('Approved');
  await expect(steps.nth(1)).toContainText('23 February 2017');
  await expect(steps.nth(1)).toContainText('Decree of the President');
  await expect(steps.nth(2)).toContainText('Entered into force');
  await expect(steps.nth(2)).toContainText('2 March 2017');
  await expect(agreement.getByTestId('agreement-status')).toHaveText('In force');

  for (const { language, name, messages, iom, signed, approved, inForce } of [
    {
      language: 'az',
      name: 'Azərbaycanca',
      messages: az,
      iom: 'Beynəlxalq Miqrasiya Təşkilatı',
      signed: ['Cenevrə', '8 dekabr 2016'],
      approved: ['23 fevral 2017', 'Prezidentinin'],
      inForce: ['2 mart 2017'],
    },
    {
      language: 'ru',
      name: 'Русский',
      messages: ru,
      iom: 'Международная организация по миграции',
      signed: ['Женева', '8 декабря 2016'],
      approved: ['23 февраля 2017', 'Указ Президента'],
      inForce: ['2 марта 2017'],
    },
  ] as const) {
    await app.switchLanguage(name);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(app.navigation.getByRole('link', { name: messages.nav.partners })).toBeVisible();
    await expect(app.navigation.getByRole('link', { name: messages.nav.settings })).toBeVisible();
    await expect(app.heading).toContainText(iom);
    await expect(page.getByRole('heading', { name: messages.partner.agreements })).toBeVisible();
    const card = page.getByTestId('agreement-card').filter({ hasText: signed[0] });
    const localizedSteps = card.getByTestId('agreement-step');
    await expect(localizedSteps).toHaveCount(3);
    for (const [index, kind, texts] of [
      [0, 'signed', signed],
      [1, 'approved', approved],
      [2, 'in-force', inForce],
    ] as const) {
      await expect(localizedSteps.nth(index)).toContainText(messages.enums.stepKind[kind]);
      for (const text of texts) await expect(localizedSteps.nth(index)).toContainText(text);
    }
    await expect(card.getByTestId('agreement-status')).toHaveText(
      messages.enums.agreementStatus['in-force'],
    );
  }

  // The choice is remembered by main and survives a reload.
  await page.reload();
  await expect(app.navigation.getByRole('link', { name: ru.nav.settings })).toBeVisible();
  const settings = JSON.parse(
    readFileSync(join(registryApp.dataFolder, 'settings.json'), 'utf8'),
  ) as unknown;
  expect(settings).toMatchObject({ uiLanguage: 'ru' });
});

test('every section lists the sample records; loading the sample twice asks and changes nothing', async ({
  page,
  registryApp,
}) => {
  const sample = JSON.parse(
    readFileSync(join(RESOURCES_FOLDER, 'sample-registry.json'), 'utf8'),
  ) as {
    records: Record<string, unknown[]>;
  };
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();

  for (const [label, kind] of [
    ['Partners', 'partners'],
    ['Agreements', 'agreements'],
    ['Projects', 'projects'],
    ['Meetings and visits', 'events'],
    ['People', 'people'],
  ] as const) {
    await app.goTo(label);
    const expected = sample.records[kind]!.length;
    await expect(page.getByTestId('record-count')).toHaveText(`${expected} records`);
    // The table is virtualized: it announces every row (and the header) though it renders a window.
    await expect(page.getByRole('table')).toHaveAttribute('aria-rowcount', String(expected + 1));
  }
  await expect(page.getByRole('row', { name: /Firudin Nabiyev/ })).toContainText(
    'Chief, State Migration Service of the Republic of Azerbaijan',
  );

  await app.goTo('Settings');
  await page.getByRole('button', { name: 'Load the sample registry' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(/The registry already holds \d+ records/);
  await dialog.getByRole('button', { name: 'Add sample records' }).click();
  // Every sample record is looked up first; give a busy machine more than the default 10 s.
  await expect(page.getByRole('status').filter({ hasText: 'nothing was added' })).toBeVisible({
    timeout: 30_000,
  });
  await app.goTo('Partners');
  await expect(page.getByTestId('record-count')).toHaveText(
    `${sample.records.partners!.length} records`,
  );
});

test('lists sort by column in the UI language, with partial dates in order', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  await app.goTo('Meetings and visits');
  await page.getByRole('button', { name: 'Dates' }).click();
  await expect(page.getByRole('columnheader', { name: 'Dates' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  const dates = await page
    .getByRole('table')
    .getByRole('row')
    .locator('td:nth-child(3)')
    .allTextContents();
  const dated = dates.filter((text) => text !== 'date unknown');
  expect(dated[0]).toBe('30 September 2010');
  expect(dated.at(-1)).toMatch(/^18\s–\s19 April 2017$/);
  expect(dates.slice(dated.length).every((text) => text === 'date unknown')).toBe(true);
});

test('Settings shows the storage answer, the data folder and renames this device', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.open('/settings');
  await expect(page.getByTestId('storage-persisted')).not.toHaveAttribute('data-persisted', 'null');
  await expect(page.getByTestId('data-folder')).toHaveText(registryApp.dataFolder);
  const name = page.getByLabel('Device name');
  await expect(name).toHaveValue('e2e-laptop');
  await name.fill('Delegation laptop 3');
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Device renamed.' })).toBeVisible();
  const device = JSON.parse(
    readFileSync(join(registryApp.dataFolder, 'device.json'), 'utf8'),
  ) as unknown;
  expect(device).toMatchObject({ deviceName: 'Delegation laptop 3' });
});
