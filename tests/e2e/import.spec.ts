import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import { encodeUtf8Bom, encodeWindows1251 } from '../../src/shared/import/testing/encode';
import { expect, RESOURCES_FOLDER, test } from './harness/registryTest';
import { ImportWizard } from './pages/ImportWizard';
import { RecordList } from './pages/RecordList';
import { RegistryWindow } from './pages/RegistryWindow';

let folder = '';
test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'registry-import-'));
});
test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Writes a fixture file into the test's folder and returns its path. */
async function fixture(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, content);
  return path;
}

/** Events as an officer in Baku keeps them: Excel in the az locale, semicolons, dd.mm.yyyy. */
const EVENTS_AZ = [
  'Ad;Növ;Tarix;Bitmə tarixi;Ölkə;Təşkilatçı',
  'BMqT Şurasının 108-ci sessiyası;İdarəetmə orqanının iclası;28.11.2017;01.12.2017;İsveçrə;BMqT',
  'Bakı miqrasiya forumu;Konfrans;03.2014;;Azərbaycan;',
  'Readmissiya üzrə ekspert görüşü;Ekspertlər səviyyəsində görüş;2015;;Niderland;',
].join('\r\n');

test.beforeEach(async ({ page, registryApp }) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
});

test('a semicolon CSV in UTF-8 with BOM, Azerbaijani headers and dd.mm.yyyy dates becomes events; importing it again offers skip or update', async ({
  page,
  dialogs,
}) => {
  const file = await fixture('tədbirlər.csv', encodeUtf8Bom(EVENTS_AZ));
  const wizard = new ImportWizard(page, dialogs);
  await wizard.open();
  await wizard.chooseFile(file);
  await expect(wizard.fileSummary).toHaveText(
    '“tədbirlər.csv”: CSV in UTF-8 with a byte-order mark, values separated by semicolons, 3 rows.',
  );
  await wizard.chooseKind('Meetings and visits');

  // The columns are guessed from the Azerbaijani headers; the title is taken as Azerbaijani text.
  await expect(wizard.fieldFor('Ad')).toHaveValue('title');
  await expect(wizard.languageOf('Ad')).toHaveValue('az');
  await expect(wizard.fieldFor('Növ')).toHaveValue('kind');
  await expect(wizard.fieldFor('Tarix')).toHaveValue('startDate');
  await expect(wizard.fieldFor('Bitmə tarixi')).toHaveValue('endDate');
  await expect(wizard.fieldFor('Ölkə')).toHaveValue('country');
  await expect(wizard.fieldFor('Təşkilatçı')).toHaveValue('organizer');
  await wizard.next();

  await expect(page.getByTestId('ready-count')).toHaveText('3 rows are ready to import.');
  // Dates keep the precision they were written with: a day, a month, a year.
  await expect(wizard.preview).toContainText('28 November 2017');
  await expect(wizard.preview).toContainText('March 2014');
  await expect(wizard.preview).toContainText('Governing body session');
  await expect(wizard.preview).toContainText('International Organization for Migration');
  await wizard.next();

  await expect(page.getByText('No row matches a record the registry already has.')).toBeVisible();
  await expect(wizard.plan).toHaveText('3 records will be created');
  await wizard.runImport();
  await expect(page.getByTestId('report-created')).toHaveText('3 records created');
  await expect(page.getByTestId('report-rejected')).toHaveText('0 rows rejected');

  await page.getByRole('link', { name: 'Open Meetings and visits' }).click();
  const list = new RecordList(page);
  await list.filter.fill('Şurasının 108');
  await expect(list.rows).toHaveCount(1);
  await list.rows.first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'BMqT Şurasının 108-ci sessiyası',
  );
  await expect(page.getByTestId('event-dates')).toContainText('28 November – 1 December 2017');
  await expect(page.getByText('Where: Switzerland')).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'International Organization for Migration' }),
  ).toBeVisible();

  // The same file again: every row is offered as a duplicate, skipped unless the user decides.
  await wizard.open();
  await wizard.chooseFile(file);
  await wizard.chooseKind('Meetings and visits');
  await wizard.next();
  await expect(page.getByTestId('ready-count')).toHaveText('3 rows are ready to import.');
  await wizard.next();
  await expect(wizard.duplicates.locator('tbody tr[data-index]')).toHaveCount(3);
  await expect(wizard.duplicates).toContainText(
    'Matches “BMqT Şurasının 108-ci sessiyası” (same name)',
  );
  await expect(wizard.decisionFor('2')).toHaveValue('skip');
  await expect(wizard.plan).toHaveText('3 rows will be skipped');
  await wizard.decisionFor('2').selectOption('update');
  await expect(wizard.plan).toContainText('1 record will be updated');
  await expect(wizard.plan).toContainText('2 rows will be skipped');
  await wizard.runImport();
  await expect(page.getByTestId('report-created')).toHaveText('0 records created');
  await expect(page.getByTestId('report-unchanged')).toHaveText('1 record already up to date');
  await expect(page.getByTestId('report-skipped')).toHaveText('2 rows skipped');

  await new RegistryWindow(page, '').goTo('Meetings and visits');
  await list.filter.fill('Şurasının 108');
  await expect(list.rows).toHaveCount(1);
});

test('an XLSX workbook with two sheets: the second sheet’s agreements, with dates Excel stores as dates and serials', async ({
  page,
  dialogs,
}) => {
  const workbook = await writeExcelFile([
    { sheet: 'Qeydlər', data: [['Hazırladı'], ['Beynəlxalq əməkdaşlıq şöbəsi']] },
    {
      sheet: 'Sazişlər',
      data: [
        ['Title', 'Type', 'Parties', 'Date signed', 'Place', 'Entry into force'],
        [
          'Memorandum on labour migration statistics',
          'Memorandum',
          'IOM; Republic of Azerbaijan',
          { value: new Date(Date.UTC(2018, 4, 15)), type: Date, format: 'dd.mm.yyyy' },
          'Baku',
          43282,
        ],
      ],
    },
  ]).toBuffer();
  const file = await fixture('sazişlər.xlsx', new Uint8Array(workbook));
  const wizard = new ImportWizard(page, dialogs);
  await wizard.open();
  await wizard.chooseFile(file);
  await expect(wizard.fileSummary).toHaveText('“sazişlər.xlsx”: Excel workbook with 2 sheets.');
  await page.getByRole('radio', { name: 'Sazişlər — 1 row' }).check();
  await wizard.next();
  await wizard.chooseKind('Agreements');
  await expect(wizard.fieldFor('Parties')).toHaveValue('parties');
  await expect(wizard.fieldFor('Date signed')).toHaveValue('signedDate');
  await expect(wizard.fieldFor('Entry into force')).toHaveValue('inForceDate');
  await wizard.next();
  await expect(page.getByTestId('ready-count')).toHaveText('1 row is ready to import.');
  await wizard.next();
  await wizard.runImport();
  await expect(page.getByTestId('report-created')).toHaveText('1 record created');

  await page.getByRole('link', { name: 'Open Agreements' }).click();
  await page.getByRole('row', { name: /^Memorandum on labour migration statistics/ }).click();
  const steps = page.getByTestId('agreement-step');
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText('Signed');
  await expect(steps.nth(0)).toContainText('15 May 2018');
  await expect(steps.nth(0)).toContainText('Baku');
  await expect(steps.nth(1)).toContainText('Entered into force');
  await expect(steps.nth(1)).toContainText('1 July 2018');
  await expect(
    page.getByRole('link', { name: 'International Organization for Migration' }),
  ).toBeVisible();
});

test('a Windows-1251 CSV with Russian headers becomes partners named in Russian', async ({
  page,
  dialogs,
}) => {
  const file = await fixture(
    'партнеры.csv',
    encodeWindows1251(
      'Название;Тип;Страна\r\nМиграционная служба Грузии;Государственный орган;Грузия\r\n',
    ),
  );
  const wizard = new ImportWizard(page, dialogs);
  await wizard.open();
  await wizard.chooseFile(file);
  await expect(wizard.fileSummary).toContainText(
    'CSV in Windows-1251 (Cyrillic), values separated by semicolons, 1 row.',
  );
  await wizard.chooseKind('Partners');
  await expect(wizard.fieldFor('Название')).toHaveValue('name');
  await expect(wizard.languageOf('Название')).toHaveValue('ru');
  // This department's "Тип" column is unreliable: every row is a state authority.
  await wizard.fieldFor('Тип').selectOption('');
  await expect(page.getByTestId('mapping-problems')).toHaveText(
    'Choose a column for “Kind”, or a value for all rows.',
  );
  await expect(wizard.nextButton).toBeDisabled();
  await page
    .getByRole('combobox', { name: 'Kind for rows that leave it empty' })
    .selectOption('state-authority');
  await page.getByRole('button', { name: 'Save this mapping…' }).click();
  await page
    .getByRole('dialog')
    .getByRole('textbox', { name: 'Name' })
    .fill('Partners from the Russian desk');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Mapping “Partners from the Russian desk” saved.' }),
  ).toBeVisible();
  await wizard.next();
  await expect(wizard.preview).toContainText('State authority');
  await wizard.next();
  await wizard.runImport();
  await expect(page.getByTestId('report-created')).toHaveText('1 record created');

  // The next file with these headers gets the saved mapping by itself.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await wizard.chooseFile(file);
  await wizard.chooseKind('Partners');
  await expect(
    page.getByText('The saved mapping “Partners from the Russian desk” is applied.'),
  ).toBeVisible();
  await expect(wizard.fieldFor('Тип')).toHaveValue('');
  await expect(
    page.getByRole('combobox', { name: 'Kind for rows that leave it empty' }),
  ).toHaveValue('state-authority');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await new RegistryWindow(page, '').goTo('Partners');
  await new RecordList(page).filter.fill('грузии');
  await expect(new RecordList(page).rows).toHaveCount(1);
  await page.getByRole('row', { name: /^Миграционная служба Грузии/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Миграционная служба Грузии');
  await expect(page.getByText('Georgia').first()).toBeVisible();
});

test('the registry’s own JSON: records already there are found by id and skipped', async ({
  page,
  dialogs,
}) => {
  const wizard = new ImportWizard(page, dialogs);
  await wizard.open();
  await wizard.chooseFile(join(RESOURCES_FOLDER, 'sample-registry.json'));
  await expect(wizard.fileSummary).toContainText('registry file');
  await expect(page.getByTestId('ready-count')).toHaveText('60 rows are ready to import.');
  await wizard.next();
  await expect(wizard.duplicates).toContainText('(same record)');
  await expect(wizard.plan).toHaveText('60 rows will be skipped');
  await wizard.runImport();
  await expect(page.getByTestId('report-skipped')).toHaveText('60 rows skipped');
  await expect(page.getByTestId('report-created')).toHaveText('0 records created');
});

test('bad rows: each problem is named by row and column, nothing is written until the user leaves them out, and the rejected rows can be saved', async ({
  page,
  dialogs,
}) => {
  const csv = [
    'Title,Kind,Start date,Country',
    'Round table on return,Round table,12.05.2016,Netherlands',
    'Picnic,Barbecue,31.02.2016,Atlantis',
    'Expert meeting,expert-meeting,2016-13,AZ',
    'Training for border guards,Training,06.2016,Georgia',
  ].join('\n');
  const file = await fixture('events.csv', csv);
  const wizard = new ImportWizard(page, dialogs);
  await wizard.open();
  await wizard.chooseFile(file);
  await wizard.chooseKind('Meetings and visits');
  await wizard.next();

  await expect(page.getByTestId('ready-count')).toHaveText('2 rows are ready to import.');
  await expect(page.getByTestId('problem-count')).toHaveText(
    '2 rows have problems and cannot be imported as they are.',
  );
  await expect
    .poll(() => wizard.problemRows())
    .toEqual([
      ['3', 'Kind', '“Barbecue” is not one of the choices for Kind.'],
      ['3', 'Start date', '“31.02.2016” is not a date that exists.'],
      [
        '3',
        'Country',
        '“Atlantis” is not a country the registry knows: write its name or its two-letter code.',
      ],
      ['4', 'Start date', '“2016-13” is not a date that exists.'],
    ]);
  await expect(wizard.nextButton).toBeDisabled();

  // The problems are worded in the interface language.
  const app = new RegistryWindow(page, '');
  await app.switchLanguage('Azərbaycanca');
  await expect(wizard.problems).toContainText('“31.02.2016” mövcud olan tarix deyil.');
  await app.switchLanguage('Русский');
  await expect(wizard.problems).toContainText('«31.02.2016» — несуществующая дата.');
  await app.switchLanguage('English');

  // Nothing has been written while the user decides.
  await new RegistryWindow(page, '').goTo('Meetings and visits');
  const list = new RecordList(page);
  await list.expectCount('11 records');
  await wizard.open();
  await wizard.chooseFile(file);
  await wizard.chooseKind('Meetings and visits');
  await wizard.next();

  await page
    .getByRole('checkbox', { name: 'Leave out the 2 rows with problems and import the others' })
    .check();
  await wizard.next();
  await expect(wizard.plan).toContainText('2 records will be created');
  await expect(wizard.plan).toContainText('2 rows with problems will be left out');
  await wizard.runImport();
  await expect(page.getByTestId('report-created')).toHaveText('2 records created');
  await expect(page.getByTestId('report-rejected')).toHaveText('2 rows rejected');

  const saved = join(folder, 'rejected.csv');
  dialogs.willSave(saved);
  await page.getByRole('button', { name: 'Save the rejected rows as CSV…' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'The rejected rows are saved in “rejected.csv”.' }),
  ).toBeVisible();
  const text = (await readFile(saved, 'utf8')).replace(/^\uFEFF/, '');
  expect(text.split('\r\n')).toEqual([
    'Title,Kind,Start date,Country,Row,Reason',
    'Picnic,Barbecue,31.02.2016,Atlantis,3,Kind: “Barbecue” is not one of the choices for Kind.; Start date: “31.02.2016” is not a date that exists.; Country: “Atlantis” is not a country the registry knows: write its name or its two-letter code.',
    'Expert meeting,expert-meeting,2016-13,AZ,4,Start date: “2016-13” is not a date that exists.',
    '',
  ]);

  await new RegistryWindow(page, '').goTo('Meetings and visits');
  await list.expectCount('13 records');
});

test('a damaged, an old-format or an oversized file is refused with its name and the reason; Cancel leaves the registry as it was', async ({
  page,
  dialogs,
}) => {
  const wizard = new ImportWizard(page, dialogs);
  await wizard.open();

  const workbook = new Uint8Array(await writeExcelFile([['Name'], ['IOM']]).toBuffer());
  await wizard.chooseFile(await fixture('cut.xlsx', workbook.subarray(0, 400)));
  await expect(wizard.error).toHaveText(
    '“cut.xlsx” is damaged or incomplete: it cannot be read as an Excel workbook.',
  );

  await wizard.chooseFile(
    await fixture(
      'old.xls',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
    ),
  );
  await expect(wizard.error).toContainText('“old.xls” is an Excel 97–2003 workbook (.xls).');

  const huge = await fixture('huge.csv', 'Name\n');
  await truncate(huge, 101 * 1_048_576);
  await wizard.chooseFile(huge);
  await expect(wizard.error).toHaveText('“huge.csv” is 101 MB; files up to 100 MB can be opened.');

  await wizard.chooseFile(
    await fixture('partners.csv', 'Name,Kind\nFrontex,International organization\n'),
  );
  await wizard.chooseKind('Partners');
  await expect(wizard.fieldFor('Name')).toHaveValue('name');
  await page.getByRole('button', { name: 'Cancel' }).click();
  // Lasting state, not the "Import cancelled" toast, which hides itself after a few seconds and
  // was gone before the check on a loaded machine: the wizard is back at its first step.
  await expect(page.getByRole('button', { name: 'Choose a file…' })).toBeVisible();
  await expect(wizard.fieldFor('Name')).toBeHidden();

  await new RegistryWindow(page, '').goTo('Partners');
  await new RecordList(page).filter.fill('Frontex');
  await expect(page.getByText('No records match the filters')).toBeVisible();
});

test('the wizard’s columns, check and duplicate steps pass the axe accessibility check', async ({
  page,
  dialogs,
}) => {
  const file = await fixture(
    'partners.csv',
    'Name,Kind,Country\nInternational Organization for Migration,International organization,\nNobody,Spaceship,Atlantis\n',
  );
  // The sample's notification fading out mid-check would be measured half-transparent.
  const notification = page.getByRole('status').filter({ hasText: 'Sample registry loaded' });
  await notification.getByRole('button', { name: 'Close' }).click();
  await expect(notification).toBeHidden();
  const wizard = new ImportWizard(page, dialogs);
  await wizard.open();
  await wizard.chooseFile(file);
  await wizard.chooseKind('Partners');
  const problems: string[] = [];
  const check = async (step: string) => {
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    problems.push(
      ...results.violations.map((v) => `${step}: ${v.id} ${v.nodes.length}× — ${v.help}`),
    );
  };
  await expect(wizard.fieldFor('Name')).toHaveValue('name');
  await check('columns');
  await wizard.next();
  await expect(wizard.problems).toBeVisible();
  await check('check');
  await page.getByRole('checkbox', { name: /Leave out the 1 row/ }).check();
  await wizard.next();
  await expect(wizard.duplicates).toContainText('same name');
  await check('duplicates');
  expect(problems, problems.join('\n')).toEqual([]);
});
