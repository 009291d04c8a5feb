import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from '@playwright/test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { expect, RESOURCES_FOLDER, test } from './harness/registryTest';
import { deleteRegistryDatabase } from './harness/rawRegistry';
import { BackupSettings } from './pages/BackupSettings';
import { RegistryWindow } from './pages/RegistryWindow';

const sample = JSON.parse(readFileSync(join(RESOURCES_FOLDER, 'sample-registry.json'), 'utf8')) as {
  records: Record<string, unknown[]>;
};
const PARTNERS = sample.records.partners!.length;
const SAMPLE_RECORDS = Object.values(sample.records).reduce((sum, rows) => sum + rows.length, 0);
const COUNCIL = 'Council of the International Organization for Migration';
const IOM = 'International Organization for Migration';

/** Replaces the page's registry with one a newer app left behind, from a page outside the app. */
async function breakRegistry(page: Page, origin: string) {
  await deleteRegistryDatabase(page, origin);
  await page.evaluate(async () => {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('cooperation-registry', 9990);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(new Error(String(request.error)));
    });
  });
}

/** Puts a file into the data folder's attachment store as the attachments feature does. */
function storeFile(dataFolder: string, content: string): string {
  const sha = createHash('sha256').update(content).digest('hex');
  const folder = join(dataFolder, 'attachments', sha.slice(0, 2));
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, sha), content);
  return sha;
}

/** Every file in the data folder's attachment store, wherever it is. */
function filesInStore(dataFolder: string): string[] {
  const store = join(dataFolder, 'attachments');
  if (!existsSync(store)) return [];
  return readdirSync(store, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
}

/**
 * A copy of a real backup with one table's rows changed, its manifest's size and SHA-256 made to
 * match: what someone who knows the format would craft. Main's checks all pass; only the rows
 * themselves are wrong.
 */
function forgeBackup(
  source: string,
  target: string,
  table: string,
  change: (rows: Record<string, unknown>[]) => Record<string, unknown>[],
) {
  const files = unzipSync(readFileSync(source));
  const path = `tables/${table}.json`;
  const rows = JSON.parse(strFromU8(files[path]!)) as Record<string, unknown>[];
  const bytes = strToU8(JSON.stringify(change(rows)));
  files[path] = bytes;
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as {
    parts: { path: string; size: number; sha256: string }[];
  };
  manifest.parts = manifest.parts.map((part) =>
    part.path === path
      ? { path, size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') }
      : part,
  );
  files['manifest.json'] = strToU8(JSON.stringify(manifest));
  writeFileSync(target, zipSync(files));
}

test('a backup from Settings brings the registry back as it was, after a preview of what changes', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  const backups = new BackupSettings(page);
  await app.openWithSample();

  await app.goTo('Settings');
  await expect(page.getByTestId('backup-folder')).toHaveText(
    join(registryApp.dataFolder, 'backups'),
  );
  await expect(backups.section).toContainText('There are no backups in the folder yet.');
  const fileName = await backups.backUpNow();
  expect(fileName).toMatch(/^registry-backup-.*-manual\.zip$/);
  expect(readdirSync(join(registryApp.dataFolder, 'backups'))).toContain(fileName);
  await expect(backups.rows).toHaveCount(1);
  await expect(backups.rows.first()).toContainText('By hand');
  await expect(backups.rows.first()).toContainText(String(SAMPLE_RECORDS));

  // After the backup: one partner deleted, one renamed, one added.
  await app.goTo('Partners');
  await page.getByRole('row', { name: new RegExp(`^${COUNCIL}`) }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Move to Trash' }).click();
  await expect(page.getByTestId('record-count')).toHaveText(`${PARTNERS - 1} records`);
  await page.getByRole('row', { name: new RegExp(`^${IOM}`) }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.locator('input[name="name.en"]').fill('IOM (renamed after the backup)');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(app.heading).toContainText('IOM (renamed after the backup)');
  await app.goTo('Partners');
  await page.getByRole('button', { name: 'New' }).click();
  await page.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'State authority' }).click();
  await page.locator('input[name="name.en"]').fill('Added after the backup');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(app.heading).toHaveText('Added after the backup');

  // The preview says what a restore would do before it does anything.
  await app.goTo('Settings');
  await backups.rows
    .first()
    .getByRole('button', { name: /^Restore the backup of / })
    .click();
  await expect(backups.preview).toBeVisible();
  await expect(backups.preview).toContainText(fileName);
  expect(await backups.previewRow('partners')).toEqual([
    'Partners',
    String(PARTNERS),
    String(PARTNERS),
    '1',
    '1',
    '1',
  ]);
  expect(await backups.previewRow('agreements')).toEqual(['Agreements', '5', '5', '0', '0', '0']);
  await backups.preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(backups.preview).toBeHidden();
  await app.goTo('Partners');
  await expect(page.getByTestId('record-count')).toHaveText(`${PARTNERS} records`);

  await app.goTo('Settings');
  await backups.rows
    .last()
    .getByRole('button', { name: /^Restore the backup of / })
    .click();
  await backups.preview.getByRole('button', { name: 'Replace the registry' }).click();
  await expect(
    page.getByRole('status').filter({
      hasText: `Registry restored from “${fileName}”: ${SAMPLE_RECORDS} records.`,
    }),
  ).toBeVisible();

  // The registry is as it was at backup time; the state before the restore is a backup too.
  await app.goTo('Partners');
  await expect(page.getByTestId('record-count')).toHaveText(`${PARTNERS} records`);
  await expect(page.getByRole('row', { name: new RegExp(`^${COUNCIL}`) })).toBeVisible();
  await expect(page.getByRole('row', { name: /^IOM \(renamed/ })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /^Added after the backup/ })).toHaveCount(0);
  await page.getByRole('row', { name: new RegExp(`^${IOM}`) }).click();
  await expect(app.heading).toContainText(IOM);
  await app.goTo('Trash');
  await expect(page.getByText('Trash is empty.')).toBeVisible();
  await app.goTo('Settings');
  await expect(backups.rows).toHaveCount(2);
  await expect(backups.rows.first()).toContainText('Before a restore');
});

test('a registry that will not open is restored from the newest backup on the recovery screen', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  const backups = new BackupSettings(page);
  await app.openWithSample();
  await app.goTo('Settings');
  const fileName = await backups.backUpNow();

  await breakRegistry(page, registryApp.origin);
  await page.goto(`${registryApp.origin}/`);
  await expect(page.getByRole('alert')).toContainText('The registry database could not be opened');
  const recovery = page.getByTestId('recovery-panel');
  await recovery.getByRole('button', { name: 'Restore from the newest backup…' }).click();
  await expect(backups.preview).toContainText(fileName);
  expect(await backups.previewRow('partners')).toEqual([
    'Partners',
    '0',
    String(PARTNERS),
    String(PARTNERS),
    '0',
    '0',
  ]);
  await backups.preview.getByRole('button', { name: 'Replace the registry' }).click();

  await expect(app.navigation).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: `Registry restored from “${fileName}”` }),
  ).toBeVisible();
  await app.goTo('Partners');
  await expect(page.getByTestId('record-count')).toHaveText(`${PARTNERS} records`);
});

test('a new computer starts from a backup file; a damaged file is refused and changes nothing', async ({
  page,
  registryApp,
  dialogs,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  await app.goTo('Settings');
  const carried = `${registryApp.dataFolder}-carried.zip`;
  dialogs.willSave(carried);
  await page.getByRole('button', { name: 'Back up to a file…' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Backup saved: / })).toHaveText(
    `Backup saved: ${basename(carried)}.`,
  );
  expect(existsSync(carried)).toBe(true);
  // Saved elsewhere: the backup folder stays empty.
  expect(existsSync(join(registryApp.dataFolder, 'backups'))).toBe(false);

  // The new laptop: an empty registry.
  await deleteRegistryDatabase(page, registryApp.origin);
  await app.open();
  const firstRun = page.getByTestId('first-run');

  // A cut-short copy is refused with a reason, and the registry stays empty.
  const damaged = `${registryApp.dataFolder}-damaged.zip`;
  const bytes = readFileSync(carried);
  writeFileSync(damaged, bytes.subarray(0, bytes.length - 100));
  dialogs.willOpen(damaged);
  await firstRun.getByRole('button', { name: 'Restore from a backup…' }).click();
  await expect(page.getByRole('alert')).toContainText(
    `This backup cannot be used: “${basename(damaged)}” is not a registry backup, or it was cut short.`,
  );
  await expect(firstRun).toBeVisible();

  dialogs.willOpen(carried);
  await firstRun.getByRole('button', { name: 'Restore from a backup…' }).click();
  const backups = new BackupSettings(page);
  expect(await backups.previewRow('partners')).toEqual([
    'Partners',
    '0',
    String(PARTNERS),
    String(PARTNERS),
    '0',
    '0',
  ]);
  await backups.preview.getByRole('button', { name: 'Replace the registry' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `${SAMPLE_RECORDS} records.` }),
  ).toBeVisible();
  await app.goTo('Partners');
  await expect(page.getByTestId('record-count')).toHaveText(`${PARTNERS} records`);
});

test('a crafted backup with a forged row is refused before the preview, naming table, row and reason; nothing changes', async ({
  page,
  registryApp,
  dialogs,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  const backups = new BackupSettings(page);
  await app.openWithSample();
  storeFile(registryApp.dataFolder, '%PDF-1.7 scanned memorandum');
  await app.goTo('Settings');
  const fileName = await backups.backUpNow();
  await expect(backups.rows).toHaveCount(1);

  // The second partner becomes "top-secret", with an id that is no id.
  const forged = `${registryApp.dataFolder}-forged.zip`;
  forgeBackup(join(registryApp.dataFolder, 'backups', fileName), forged, 'partners', (rows) =>
    rows.map((row, index) =>
      index === 1 ? { ...row, id: '../../device', sensitivity: 'top-secret' } : row,
    ),
  );
  // On this laptop the store lacks the backup's file, so a restore would write it.
  rmSync(join(registryApp.dataFolder, 'attachments'), { recursive: true });

  dialogs.willOpen(forged);
  await backups.section.getByRole('button', { name: 'Restore from a file…' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'This backup cannot be used:' }),
  ).toHaveText(
    `This backup cannot be used: row 2 of the table “partners” in “${basename(forged)}” is refused: the field “sensitivity” holds a value that is not allowed (“top-secret”). Nothing was changed.`,
  );
  await expect(backups.preview).toHaveCount(0);
  expect(existsSync(join(registryApp.dataFolder, 'attachments'))).toBe(false);
  await app.goTo('Partners');
  await expect(page.getByTestId('record-count')).toHaveText(`${PARTNERS} records`);
  expect(readdirSync(join(registryApp.dataFolder, 'backups'))).toEqual([fileName]);
});

test('a backup’s attached files reach the store only when the restore is confirmed: Cancel leaves it as it was', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  const backups = new BackupSettings(page);
  await app.openWithSample();
  const memo = storeFile(registryApp.dataFolder, '%PDF-1.7 memorandum on readmission');
  const photo = storeFile(registryApp.dataFolder, 'JPEG delegation photo');
  await app.goTo('Settings');
  await backups.backUpNow();
  await expect(backups.rows).toHaveCount(1);
  await expect(backups.rows.first().getByTestId('backup-pool')).toHaveText('Until you delete it');

  // On this laptop the files are gone (a new disk, a cleaned-up folder).
  const store = join(registryApp.dataFolder, 'attachments');
  for (const sha of [memo, photo]) rmSync(join(store, sha.slice(0, 2), sha));
  expect(filesInStore(registryApp.dataFolder)).toEqual([]);

  await backups.rows
    .first()
    .getByRole('button', { name: /^Restore the backup of / })
    .click();
  await expect(backups.preview.getByTestId('restore-files')).toContainText(
    '2 attached files missing on this computer will be put back',
  );
  expect(filesInStore(registryApp.dataFolder)).toEqual([]);
  await backups.preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(backups.preview).toBeHidden();
  expect(filesInStore(registryApp.dataFolder)).toEqual([]);

  await backups.rows
    .first()
    .getByRole('button', { name: /^Restore the backup of / })
    .click();
  await backups.preview.getByRole('button', { name: 'Replace the registry' }).click();
  await expect(app.navigation).toBeVisible();
  await expect.poll(() => filesInStore(registryApp.dataFolder)).toEqual([memo, photo].sort());
  expect(readFileSync(join(store, memo.slice(0, 2), memo), 'utf8')).toBe(
    '%PDF-1.7 memorandum on readmission',
  );

  // The backup made before the restore is kept until deleted; deleting asks first.
  await app.goTo('Settings');
  await expect(backups.rows).toHaveCount(2);
  await expect(backups.rows.first()).toContainText('Before a restore');
  await backups.rows
    .first()
    .getByRole('button', { name: /^Delete the backup of / })
    .click();
  const confirm = page.getByTestId('delete-backup');
  await expect(confirm).toContainText('will be deleted from the backup folder for good');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(backups.rows).toHaveCount(2);
  await backups.rows
    .first()
    .getByRole('button', { name: /^Delete the backup of / })
    .click();
  await confirm.getByRole('button', { name: 'Delete the backup' }).click();
  await expect(backups.rows).toHaveCount(1);
  expect(readdirSync(join(registryApp.dataFolder, 'backups'))).toEqual([
    expect.stringMatching(/-manual\.zip$/),
  ]);
});

test('another registry’s backup replaces this one only when the user chooses “Replace this registry with that one”', async ({
  page,
  registryApp,
  dialogs,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  // Registry A, with one partner renamed so it can be told from another copy of the sample.
  await app.goTo('Partners');
  await page.getByRole('row', { name: new RegExp(`^${IOM}`) }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.locator('input[name="name.en"]').fill('IOM as registry A knows it');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(app.heading).toContainText('IOM as registry A knows it');
  await app.goTo('Settings');
  const carried = `${registryApp.dataFolder}-registry-a.zip`;
  dialogs.willSave(carried);
  await page.getByRole('button', { name: 'Back up to a file…' }).click();
  await expect.poll(() => existsSync(carried)).toBe(true);

  // Registry B: a fresh registry (its own id) with the sample loaded and worked on.
  await deleteRegistryDatabase(page, registryApp.origin);
  await app.openWithSample();
  await app.goTo('Settings');
  const backups = new BackupSettings(page);
  dialogs.willOpen(carried);
  await backups.section.getByRole('button', { name: 'Restore from a file…' }).click();
  const warning = backups.preview.getByTestId('restore-other-registry');
  await expect(warning).toContainText('This backup is of another registry');
  await expect(warning).toContainText(`${SAMPLE_RECORDS} records (Trash included)`);
  const replace = backups.preview.getByRole('button', { name: 'Replace the registry' });
  await expect(replace).toBeDisabled();
  await backups.preview.getByRole('button', { name: 'Cancel' }).click();
  await app.goTo('Partners');
  await expect(page.getByRole('row', { name: /^IOM as registry A knows it/ })).toHaveCount(0);

  await app.goTo('Settings');
  dialogs.willOpen(carried);
  await backups.section.getByRole('button', { name: 'Restore from a file…' }).click();
  await backups.preview
    .getByRole('checkbox', { name: 'Replace this registry with that one' })
    .check();
  await expect(replace).toBeEnabled();
  await replace.click();
  await expect(app.navigation).toBeVisible();
  await app.goTo('Partners');
  await expect(page.getByRole('row', { name: /^IOM as registry A knows it/ })).toBeVisible();
  // Registry B is not lost: it was backed up before the restore.
  await app.goTo('Settings');
  await expect(backups.rows.first()).toContainText('Before a restore');
});

test('backups go to the folder chosen in Settings; the schedule backs up there when the app opens', async ({
  page,
  registryApp,
  dialogs,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  const backups = new BackupSettings(page);
  await app.openWithSample();
  await app.goTo('Settings');
  const stick = `${registryApp.dataFolder}-stick`;
  dialogs.willChooseFolder(stick);
  await backups.section.getByRole('button', { name: 'Change folder…' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Backups will be written to ${stick}.` }),
  ).toBeVisible();
  await expect(page.getByTestId('backup-folder')).toHaveText(stick);
  expect(dialogs.asked.at(-1)).toEqual({ kind: 'folder', title: 'Choose the folder for backups' });

  // There is no backup there yet, so opening the app backs the registry up (daily schedule).
  await app.goTo('Dashboard');
  await page.reload();
  await expect
    .poll(() => readdirSync(stick).filter((name) => name.endsWith('.zip')))
    .toEqual([expect.stringMatching(/^registry-backup-.*-scheduled\.zip$/)]);
  await app.goTo('Settings');
  await expect(backups.rows).toHaveCount(1);
  await expect(backups.rows.first()).toContainText('Scheduled');

  await backups.section.getByRole('button', { name: 'Use the default folder' }).click();
  await expect(page.getByTestId('backup-folder')).toHaveText(
    join(registryApp.dataFolder, 'backups'),
  );
  await expect(backups.section).toContainText('There are no backups in the folder yet.');
});

test.describe('under a machine policy', () => {
  test.use({
    machinePolicy: {
      version: 1,
      settings: {
        backupSchedule: { value: 'weekly', enforced: true },
        backupKeep: { value: 3, enforced: true },
      },
    },
  });

  test('the settings it enforces are shown and cannot be changed', async ({
    page,
    registryApp,
  }) => {
    const app = new RegistryWindow(page, registryApp.origin);
    await app.open();
    await app.goTo('Settings');
    const section = new BackupSettings(page).section;
    await expect(section.getByRole('spinbutton', { name: 'Scheduled backups kept' })).toHaveValue(
      '3',
    );
    await expect(
      section.getByRole('spinbutton', { name: 'Scheduled backups kept' }),
    ).toBeDisabled();
    await expect(section.getByRole('combobox', { name: 'Automatic backups' })).toHaveText('Weekly');
    await expect(section.getByRole('combobox', { name: 'Automatic backups' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await expect(section).toContainText('Set by your organization’s policy.');
  });
});
