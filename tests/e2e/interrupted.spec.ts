import { readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { en } from '../../src/shared/i18n/messages/en';
import { generateRegistry } from '../fixtures/generateRegistry';
import { countRegistryRows, deleteRegistryDatabase, readRegistryRow } from './harness/rawRegistry';
import { expect, test } from './harness/registryTest';
import { seedRegistry } from './harness/seedRegistry';
import { BackupSettings } from './pages/BackupSettings';
import { ImportWizard } from './pages/ImportWizard';
import { RegistryWindow } from './pages/RegistryWindow';

/**
 * Interrupted work (issue 9): the window goes away in the middle of a large import or restore.
 * The registry the user finds afterwards is exactly the one before: the same rows in every table
 * and the same records, because each job is one IndexedDB transaction that never committed.
 */

const IOM_ID = '2d601015-a4ce-4196-b6a5-fe394d650376';
const IOM = 'International Organization for Migration';

let folder = '';
test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'registry-interrupted-'));
});
test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

test('a large import closed midway leaves the registry exactly as it was', async ({
  page,
  registryApp,
  dialogs,
}) => {
  test.setTimeout(180_000);
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  const before = await countRegistryRows(page);
  const iomBefore = await readRegistryRow(page, 'partners', IOM_ID);

  const rows = 20_000;
  const lines = ['Name,Type,Country'];
  for (let index = 0; index < rows; index += 1) {
    lines.push(`Partner ${index} — Tərəfdaş ${index},state-authority,Azerbaijan`);
  }
  const file = join(folder, 'partners.csv');
  await writeFile(file, `${lines.join('\r\n')}\r\n`);

  const wizard = new ImportWizard(page, dialogs);
  await wizard.open();
  await wizard.chooseFile(file);
  await wizard.chooseKind('Partners');
  await wizard.next();
  await expect(page.getByTestId('ready-count')).toHaveText(`${rows} rows are ready to import.`, {
    timeout: 60_000,
  });
  await wizard.next();
  await expect(wizard.plan).toHaveText(`${rows} records will be created`, {
    timeout: 60_000,
  });
  await wizard.importButton.click();
  // The first chunk is written and reported: the import is midway when the window closes.
  const progress = page.getByTestId('import-progress');
  await expect(progress).toContainText('Importing…');
  await expect(progress).toContainText(/[1-9][\d,]* of 20,?000/, { timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'Import finished' })).toHaveCount(0);
  const context = page.context();
  await page.close();

  // Reopened: the same rows in every table, and IOM as it was.
  const reopened = await context.newPage();
  await reopened.goto(`${registryApp.origin}/favicon-that-does-not-exist.ico`);
  expect(await countRegistryRows(reopened)).toEqual(before);
  expect(await readRegistryRow(reopened, 'partners', IOM_ID)).toEqual(iomBefore);
  await reopened.close();
});

test('a large restore interrupted midway leaves the registry exactly as it was', async ({
  page,
  registryApp,
}) => {
  test.setTimeout(240_000);
  const app = new RegistryWindow(page, registryApp.origin);
  const backups = new BackupSettings(page);
  await app.open();

  // A large registry, backed up: the backup the user will restore.
  await seedRegistry(page, generateRegistry(20_000));
  await page.reload();
  await app.goTo('Settings');
  await backups.section.getByRole('button', { name: 'Back up now' }).click();
  const saved = page.getByRole('status').filter({ hasText: /^Backup saved: / });
  await expect(saved).toBeVisible({ timeout: 120_000 });
  const large = /Backup saved: (\S+\.zip)\./.exec((await saved.textContent()) ?? '')?.[1] ?? '';
  expect(large).toMatch(/manual\.zip$/);

  // This computer's registry is another one: the sample, and nothing else.
  const outside = await page.context().newPage();
  await deleteRegistryDatabase(outside, registryApp.origin);
  await outside.close();
  // The open window let the deletion through and asks for a reload (see storage-trouble.spec.ts).
  await expect(page.getByRole('alert')).toContainText(en.errors.supersededTitle);
  await page.reload();
  await app.openWithSample();
  const before = await countRegistryRows(page);
  const iomBefore = await readRegistryRow(page, 'partners', IOM_ID);

  await app.goTo('Settings');
  await backups.rows
    .filter({ hasText: 'By hand' })
    .getByRole('button', { name: /^Restore the backup of / })
    .click();
  // Reading a 20,000-record backup for its preview takes seconds on a busy machine.
  await expect(backups.preview).toContainText(large, { timeout: 60_000 });
  // The backup is of the other registry: it replaces this one only when chosen so.
  await backups.preview
    .getByRole('checkbox', { name: 'Replace this registry with that one' })
    .check();
  await backups.preview.getByRole('button', { name: 'Replace the registry' }).click();
  // The restore backs the current registry up first; once that file is there, the tables are
  // being replaced. The window goes away then (a reload tears the page down as closing does).
  const backupFolder = join(registryApp.dataFolder, 'backups');
  await expect
    .poll(() => readdirSync(backupFolder).some((name) => name.includes('before-restore')), {
      timeout: 60_000,
      intervals: [20],
    })
    .toBe(true);
  await page.waitForTimeout(150);
  await expect(page.getByRole('status').filter({ hasText: 'Registry restored' })).toHaveCount(0);
  await page.reload();

  // The same registry as before the restore, in every table and on screen.
  await expect(app.navigation).toBeVisible();
  expect(await countRegistryRows(page)).toEqual(before);
  expect(await readRegistryRow(page, 'partners', IOM_ID)).toEqual(iomBefore);
  await app.goTo('Partners');
  await expect(page.getByTestId('record-count')).toHaveText(`${before.rows.partners ?? 0} records`);
  await expect(page.getByRole('row', { name: new RegExp(`^${IOM}`) })).toBeVisible();
});
