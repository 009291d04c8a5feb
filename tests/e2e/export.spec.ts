import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { registrySnapshotSchema } from '../../src/shared/model/registrySnapshot';
import { expect, RESOURCES_FOLDER, test } from './harness/registryTest';
import { ExportMenu } from './pages/ExportMenu';
import { choose } from './pages/formFields';
import { RecordList } from './pages/RecordList';
import { RegistryWindow } from './pages/RegistryWindow';

/** A folder for the files a test saves through the (scripted) save dialog. */
let outFolder: string;
test.beforeEach(async () => {
  outFolder = await mkdtemp(join(tmpdir(), 'registry-export-'));
});
test.afterEach(async () => {
  await rm(outFolder, { recursive: true, force: true });
});

/** Today on this computer's calendar, as the app names files (the page runs on the same clock). */
const today = () => {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/** What the table shows: each rendered row's cell texts. */
async function shownRows(list: RecordList): Promise<string[][]> {
  const rows: string[][] = [];
  for (const row of await list.rows.all()) rows.push(await row.locator('td').allInnerTexts());
  return rows;
}

function calendarEvents(text: string) {
  const parsed: unknown = ICAL.parse(text);
  const calendar = new ICAL.Component(parsed as unknown[]);
  return calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
}

test('exports exactly the filtered, sorted rows and visible columns to CSV and XLSX', async ({
  page,
  registryApp,
  dialogs,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  const list = new RecordList(page);
  const exporter = new ExportMenu(page);
  await app.goTo('Meetings and visits');

  await list.choose('Kind', 'Governing body session');
  await list.expectCount('3 of 11 records');
  await list.sortBy('Dates');
  await list.sortBy('Dates');
  const chooser = await list.openColumns();
  await chooser.getByRole('checkbox', { name: 'Partners' }).click();
  await chooser.getByRole('checkbox', { name: 'Organizer' }).click();
  await expect(chooser.getByRole('checkbox', { name: 'Organizer' })).toBeChecked();
  // A ticked box moves within the chooser and loses focus; focus it again so Esc reaches it.
  await expect(async () => {
    await chooser.getByRole('checkbox', { name: 'Organizer' }).focus();
    await page.keyboard.press('Escape');
    await expect(chooser).toBeHidden({ timeout: 1_000 });
  }).toPass();
  const headers = ['Title', 'Kind', 'Dates', 'Place', 'Organizer'];
  await expect(list.headers).toHaveText(headers);
  const shown = await shownRows(list);
  expect(shown.map((row) => row[0])).toEqual([
    '107th Session of the IOM Council',
    '19th meeting of the Council of Heads of Migration Bodies of the CIS Member States',
    '8th meeting of the Council of Heads of Migration Bodies of the CIS Member States',
  ]);

  const csvPath = join(outFolder, 'meetings.csv');
  dialogs.willSave(csvPath);
  await exporter.choose('CSV, comma-separated (.csv)');
  await expect(exporter.saved).toHaveText('Saved “meetings.csv”: 3 records.');
  expect(dialogs.asked.at(-1)).toEqual({
    kind: 'save',
    title: 'Export — Meetings and visits',
    defaultName: `Meetings and visits ${today()}.csv`,
  });
  const csvBytes = await readFile(csvPath);
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = Papa.parse<string[]>(csvBytes.toString('utf8').slice(1), { skipEmptyLines: true });
  expect(csv.errors).toEqual([]);
  expect(csv.data).toEqual([headers, ...shown]);

  const xlsxPath = join(outFolder, 'meetings.xlsx');
  dialogs.willSave(xlsxPath);
  await exporter.choose('Excel workbook (.xlsx)');
  await expect(exporter.saved).toHaveText('Saved “meetings.xlsx”: 3 records.');
  const [sheet] = await readXlsxFile(await readFile(xlsxPath));
  expect(sheet!.sheet).toBe('Meetings and visits');
  // One-day meetings are real dates; the council's four days stay the text the list shows.
  expect(shown[0]![2]).toMatch(/^5\s*–\s*8 December 2016$/);
  const dates = [shown[0]![2], new Date(Date.UTC(2016, 9, 12)), new Date(Date.UTC(2010, 8, 30))];
  expect(sheet!.data).toEqual([
    headers,
    ...shown.map((row, index) => row.map((cell, column) => (column === 2 ? dates[index] : cell))),
  ]);

  // JSON holds the records themselves, in list order, in the registry's own snapshot format.
  const jsonPath = join(outFolder, 'meetings.json');
  dialogs.willSave(jsonPath);
  await exporter.choose('Registry data, JSON (.json)');
  await expect(exporter.saved).toHaveText('Saved “meetings.json”: 3 records.');
  const snapshot = registrySnapshotSchema.parse(JSON.parse(await readFile(jsonPath, 'utf8')));
  expect(snapshot.records.events.map((event) => event.title.en)).toEqual(
    shown.map((row) => row[0]),
  );
  expect(snapshot.records.events[0]).toMatchObject({
    startDate: '2016-12-05',
    endDate: '2016-12-08',
    title: { az: 'Beynəlxalq Miqrasiya Təşkilatı Şurasının 107-ci sessiyası' },
  });
});

test('exports the meetings with known days to a calendar, leaving the undated out', async ({
  page,
  registryApp,
  dialogs,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  const exporter = new ExportMenu(page);
  await app.goTo('Meetings and visits');

  const icsPath = join(outFolder, 'meetings.ics');
  dialogs.willSave(icsPath);
  await exporter.choose('Export to calendar (.ics)');
  await expect(exporter.saved).toHaveText(
    'Saved “meetings.ics”: 5 records. 6 records were left out because their dates are not known to the day.',
  );
  const events = calendarEvents(await readFile(icsPath, 'utf8'));
  expect(events).toHaveLength(5);
  const council = events.find((event) => event.summary === '107th Session of the IOM Council');
  expect(council).toBeDefined();
  expect(council!.startDate.isDate).toBe(true);
  expect(council!.startDate.toString()).toBe('2016-12-05');
  // All-day events end the day after, exclusive: 5–8 December is DTEND 9 December.
  expect(council!.endDate.toString()).toBe('2016-12-09');
  expect(council!.location).toBe('Geneva, Switzerland');
  expect(council!.description).toContain('Kind: Governing body session');
  expect(council!.uid).toMatch(/^[0-9a-f-]{36}@cooperation-registry$/);
});

test('exports in the UI language: Azerbaijani headers and names in a CSV for Excel', async ({
  page,
  registryApp,
  dialogs,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  await app.switchLanguage('Azərbaycanca');
  await app.goTo('Sazişlər');
  const list = new RecordList(page);
  const shown = await shownRows(list);

  const csvPath = join(outFolder, 'sazisler.csv');
  dialogs.willSave(csvPath);
  await page.getByRole('button', { name: 'İxrac', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Excel üçün CSV (;)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'saxlanıldı' })).toHaveText(
    '“sazisler.csv” saxlanıldı: 5 qeyd.',
  );
  expect(dialogs.asked.at(-1)?.defaultName).toBe(`Sazişlər ${today()}.csv`);
  const text = await readFile(csvPath, 'utf8');
  expect(text.startsWith('\uFEFFBaşlıq;Növ;Tərəflər;Vəziyyət;İmzalanma tarixi\r\n')).toBe(true);
  const csv = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true });
  expect(csv.data.slice(1)).toEqual(shown);
  expect(text).toContain('miqrantların könüllü qayıdışına yardım');
});

test('a cancelled save dialog writes nothing and says nothing alarming', async ({
  page,
  registryApp,
  dialogs,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  const exporter = new ExportMenu(page);
  await app.goTo('Agreements');

  dialogs.willCancelSave();
  await exporter.choose('Excel workbook (.xlsx)');
  await expect.poll(() => dialogs.asked.length).toBe(1);
  await expect(exporter.button).toBeEnabled();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(exporter.saved).toHaveCount(0);
  expect(await readdir(outFolder)).toEqual([]);
});

test('a save that fails says why, and the export can be tried again', async ({
  page,
  registryApp,
  dialogs,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  const exporter = new ExportMenu(page);
  await app.goTo('Agreements');

  // A folder where the file should go: the operating system refuses to replace it.
  const blocked = join(outFolder, 'Agreements.csv');
  await mkdir(blocked);
  dialogs.willSave(blocked);
  await exporter.choose('CSV, comma-separated (.csv)');
  await expect(page.getByRole('alert')).toContainText(
    'The export could not be saved: Could not write “Agreements.csv”',
  );
  expect(await readdir(blocked)).toEqual([]);
  // No half-written temporary file is left beside it.
  expect(await readdir(outFolder)).toEqual(['Agreements.csv']);

  await page.getByRole('alert').getByRole('button', { name: 'Close' }).click();
  dialogs.willSave(join(outFolder, 'agreements.csv'));
  await exporter.choose('CSV, comma-separated (.csv)');
  await expect(exporter.saved).toHaveText('Saved “agreements.csv”: 5 records.');
});

test('restricted records stay out of exports unless ticked in', async ({
  page,
  registryApp,
  dialogs,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  const exporter = new ExportMenu(page);
  await app.goTo('People');
  await page.getByRole('row', { name: /^Ilham Aliyev/ }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await choose(page, 'Sensitivity', 'Restricted');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.heading).toHaveText('Ilham Aliyev');
  await app.goTo('People');

  const menu = await exporter.open();
  await expect(exporter.restrictedToggle()).toHaveAttribute('aria-checked', 'false');
  await expect(exporter.restrictedToggle()).toContainText(
    '1 restricted record in this list is left out',
  );
  // The open menu, its checkbox item and its note pass the same check as every screen.
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();

  const withoutPath = join(outFolder, 'people.vcf');
  dialogs.willSave(withoutPath);
  await exporter.choose('Export contacts (.vcf)');
  await expect(exporter.saved).toHaveText(
    'Saved “people.vcf”: 2 records. 1 restricted record was left out.',
  );
  const names = (text: string) =>
    text
      .split('\r\n')
      .filter((line) => line.startsWith('FN:'))
      .map((line) => line.slice(3));
  expect(names(await readFile(withoutPath, 'utf8'))).toEqual([
    'Firudin Nabiyev',
    'William Lacy Swing',
  ]);

  await exporter.open();
  await exporter.restrictedToggle().click();
  await expect(exporter.restrictedToggle()).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');
  const withPath = join(outFolder, 'people-all.vcf');
  dialogs.willSave(withPath);
  await exporter.choose('Export contacts (.vcf)');
  await expect(exporter.saved).toHaveText('Saved “people-all.vcf”: 3 records.');
  const text = await readFile(withPath, 'utf8');
  expect(names(text)).toEqual(['Firudin Nabiyev', 'Ilham Aliyev', 'William Lacy Swing']);
  // Read back by ical.js, which reads vCard too: the organization path and title of the position.
  const parsed = ICAL.parse(text) as unknown[][];
  const nabiyev = new ICAL.Component(parsed[0]!);
  expect(nabiyev.getFirstPropertyValue('org')).toEqual([
    'Republic of Azerbaijan',
    'State Migration Service of the Republic of Azerbaijan',
  ]);
  expect(nabiyev.getFirstPropertyValue('title')).toBe('Chief');
});

test('the whole registry to JSON from Settings: the sample loaded and exported comes back record for record', async ({
  page,
  registryApp,
  dialogs,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  await app.goTo('Settings');

  const path = join(outFolder, 'registry.json');
  dialogs.willSave(path);
  await page.getByRole('button', { name: 'Export the whole registry…' }).click();
  await expect(new ExportMenu(page).saved).toHaveText('Saved “registry.json”: 60 records.');
  expect(dialogs.asked.at(-1)).toEqual({
    kind: 'save',
    title: 'Export the whole registry',
    defaultName: `Cooperation registry ${today()}.json`,
  });

  const byId = (records: { id: string }[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));
  const exported = registrySnapshotSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  const sample = registrySnapshotSchema.parse(
    JSON.parse(await readFile(join(RESOURCES_FOLDER, 'sample-registry.json'), 'utf8')),
  );
  for (const [kind, records] of Object.entries(sample.records)) {
    expect(byId(exported.records[kind as keyof typeof sample.records]), kind).toEqual(
      byId(records),
    );
  }
});
