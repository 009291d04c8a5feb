import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { readBundleHeader, writeBundle } from '../../src/shared/exchange/bundle';
import type { BundleRecord } from '../../src/shared/exchange/bundleFormat';
import { firstRegistryKey, readRegistryRow } from './harness/rawRegistry';
import { connectRegistry, expect, test } from './harness/registryTest';
import { ScriptedDialogs } from './harness/scriptedDialogs';
import { ExchangePage } from './pages/ExchangePage';
import { fillDate } from './pages/formFields';
import { RegistryWindow } from './pages/RegistryWindow';

const PASSPHRASE = 'Bakı–Cenevrə 2016 dekabr';
const EVENT = '107th Session of the IOM Council';
const FOLLOW_UP = 'Send the Council the report on assisted voluntary returns';
const ADDED = 'Share the council report with the Ministry';

let folder: string;
test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'exchange-e2e-'));
});
test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Records as both registries must end: content only (rev and "who wrote last" are per registry). */
async function registryContent(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('cooperation-registry');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const read = (table: string) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const request = db.transaction(table).objectStore(table).getAll();
        request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
    const result: Record<string, unknown[]> = {};
    for (const table of ['events', 'followUps', 'partners', 'people']) {
      result[table] = (await read(table))
        .map((row): Record<string, unknown> => ({ ...row, rev: 0, updatedAt: '', changedBy: '' }))
        .sort((a, b) => String(a.id).localeCompare(String(b.id)));
    }
    db.close();
    return result;
  });
}

/** This registry's id, read with raw IndexedDB. */
async function registryIdOf(page: Page): Promise<string> {
  const row = (await readRegistryRow(page, 'meta', 'registryId')) as { value: string };
  return row.value;
}

/** A person record as a bundle carries it, under any id. */
function plantedPerson(id: string): BundleRecord {
  const at = '2026-11-30T10:00:00.000Z';
  return {
    kind: 'people',
    record: {
      id,
      name: { en: 'Planted contact' },
      createdAt: at,
      updatedAt: at,
      rev: 1,
      changedBy: 'hq-device',
      deletedAt: null,
    },
    version: { vv: { 'hq-device': 1 }, dots: { name: { d: 'hq-device', c: 1 } } },
  };
}

/**
 * An unencrypted bundle as anyone can write one, with no passphrase: it claims to come from
 * "Headquarters", and carries whatever records the forger chose.
 */
async function forgeUnencryptedBundle(
  path: string,
  registryId: string,
  records: BundleRecord[],
): Promise<void> {
  const bytes = await writeBundle(
    {
      manifest: {
        bundleId: randomUUID(),
        registryId,
        // Any schema up to the app's own is read; the records here are valid in all of them.
        schemaVersion: 1,
        createdAt: '2026-11-30T10:00:00.000Z',
        source: { deviceId: 'hq-device', deviceName: 'Headquarters' },
        target: null,
        scope: { mode: 'everything', partnerIds: [], areaIds: [], maxSensitivity: null },
        throughSeq: 1,
      },
      records,
      attachments: [],
    },
    { passphrase: null },
  );
  await writeFile(path, bytes);
}

async function openEventAndEdit(page: Page, app: RegistryWindow) {
  await app.goTo('Meetings and visits');
  await page.getByRole('row', { name: new RegExp(`^${EVENT}`) }).click();
  await expect(app.heading).toHaveText(EVENT);
}

async function editFollowUpDueDate(page: Page, app: RegistryWindow, day: string) {
  await app.goTo('Follow-ups');
  await page.getByRole('row', { name: new RegExp(FOLLOW_UP) }).click();
  await fillDate(page, 'Due date', { day, month: 'January', year: '2017' });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(app.heading).toHaveText(EVENT);
}

test('a traveller and headquarters edit apart; bundles merge fields, the conflict is decided in the UI, and both end equal', async ({
  page,
  registryApp,
  dialogs,
  browser,
}) => {
  test.setTimeout(120_000);
  // Headquarters: the sample registry and a follow-up promised at the IOM Council session.
  const hq = new RegistryWindow(page, registryApp.origin);
  await hq.openWithSample();
  await openEventAndEdit(page, hq);
  await page.getByRole('button', { name: 'Add follow-up action' }).click();
  await page.locator('input[name="title.en"]').fill(FOLLOW_UP);
  await fillDate(page, 'Due date', { day: '15', month: 'January', year: '2017' });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(hq.heading).toHaveText(EVENT);

  const hqExchange = new ExchangePage(page, registryApp.origin, dialogs);
  await hqExchange.open();
  const everything = join(folder, 'everything.coopx');
  await hqExchange.exportBundle(everything, null, PASSPHRASE);
  // The file on the stick does not show the registry's text, and its key came from Argon2id,
  // computed by the built app's worker (WebAssembly under the app's CSP).
  const everythingBytes = new Uint8Array(await readFile(everything));
  expect(Buffer.from(everythingBytes).toString('latin1')).not.toContain('IOM Council');
  expect(readBundleHeader(everythingBytes).header.encryption?.kdf).toMatchObject({
    name: 'Argon2id',
    memoryKiB: 65_536,
    iterations: 3,
    parallelism: 1,
  });

  // The traveller's laptop: another browser context, its own registry and data folder.
  const travellerContext = await browser.newContext();
  const travellerPage = await travellerContext.newPage();
  const travellerDialogs = new ScriptedDialogs();
  const travellerApp = await connectRegistry(travellerPage, {
    origin: registryApp.origin,
    dialogs: travellerDialogs,
    hostName: 'delegation-laptop',
  });
  try {
    const traveller = new RegistryWindow(travellerPage, travellerApp.origin);
    const travellerExchange = new ExchangePage(
      travellerPage,
      travellerApp.origin,
      travellerDialogs,
    );
    await travellerExchange.open();
    await travellerExchange.openBundle(everything, PASSPHRASE);
    await expect(travellerExchange.dialog).toContainText(
      'This registry is empty: importing makes it an installation',
    );
    await expect(travellerExchange.previewRow('Meetings and visits')).toContainText('11');
    await travellerExchange.apply();
    await expect(
      travellerPage
        .getByRole('table', { name: 'Installations exchanged with' })
        .getByRole('row', { name: /e2e-laptop/ }),
    ).toBeVisible();

    // Away: the traveller records the outcome, adds a follow-up and moves the due date.
    await openEventAndEdit(travellerPage, traveller);
    await travellerPage.getByRole('button', { name: 'Edit' }).first().click();
    await travellerPage
      .locator('[name="outcomes.en"]')
      .fill('Statement delivered on return and reintegration');
    await travellerPage.getByRole('button', { name: 'Save' }).click();
    await expect(traveller.heading).toHaveText(EVENT);
    await travellerPage.getByRole('button', { name: 'Add follow-up action' }).click();
    await travellerPage.locator('input[name="title.en"]').fill(ADDED);
    await travellerPage.getByRole('button', { name: 'Save' }).click();
    await expect(traveller.heading).toHaveText(EVENT);
    await editFollowUpDueDate(travellerPage, traveller, '20');

    // Meanwhile headquarters moves the session's start and the same follow-up's due date.
    await openEventAndEdit(page, hq);
    await page.getByRole('button', { name: 'Edit' }).first().click();
    await fillDate(page, 'Start date', { day: '6', month: 'December', year: '2016' });
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(hq.heading).toHaveText(EVENT);
    await editFollowUpDueDate(page, hq, '31');

    // The traveller sends the changes since the last exchange to headquarters.
    const toHq = join(folder, 'to-hq.coopx');
    await travellerExchange.open();
    await travellerExchange.exportBundle(toHq, 'e2e-laptop', PASSPHRASE);

    // Headquarters: a wrong passphrase first, then the right one; preview; the conflict.
    await hqExchange.open();
    await hqExchange.openBundle(toHq, 'wrong passphrase');
    await expect(hqExchange.dialog).toContainText('The passphrase is wrong.');
    await hqExchange.dialog.getByRole('textbox', { name: 'Passphrase' }).fill(PASSPHRASE);
    await hqExchange.dialog.getByRole('button', { name: 'Open' }).click();
    await expect(hqExchange.previewRow('Meetings and visits')).toHaveText(
      /Meetings and visits\s*0\s*1\s*0\s*0/,
    );
    await expect(hqExchange.previewRow('Follow-ups')).toHaveText(/Follow-ups\s*1\s*0\s*0\s*1/);
    await expect(hqExchange.dialog).toContainText('Conflicts to decide (0 of 1 decided)');
    const conflict = hqExchange.dialog.getByRole('row', { name: /Due date/ });
    await expect(conflict).toContainText('31 January 2017');
    await expect(conflict).toContainText('20 January 2017');
    await expect(hqExchange.dialog.getByRole('button', { name: 'Apply' })).toBeDisabled();
    await conflict.getByRole('radio', { name: 'Bundle' }).check();
    await expect(hqExchange.dialog).toContainText('Conflicts to decide (1 of 1 decided)');
    await hqExchange.apply();

    await openEventAndEdit(page, hq);
    // The outcome (also named in the record's history below it).
    await expect(
      page.getByText('Statement delivered on return and reintegration').first(),
    ).toBeVisible();
    await expect(page.getByTestId('event-dates')).toHaveText('When: 6 – 8 December 2016');
    await expect(page.getByRole('listitem').filter({ hasText: FOLLOW_UP })).toContainText(
      '20 January 2017',
    );
    await expect(page.getByRole('listitem').filter({ hasText: ADDED })).toBeVisible();

    // The return bundle: no conflict on the laptop, and both registries end equal.
    const back = join(folder, 'back.coopx');
    await hqExchange.open();
    await hqExchange.exportBundle(back, 'delegation-laptop', PASSPHRASE);
    await travellerExchange.open();
    await travellerExchange.openBundle(back, PASSPHRASE);
    await expect(travellerExchange.dialog).not.toContainText('Conflicts to decide');
    await travellerExchange.apply();
    expect(await registryContent(travellerPage)).toEqual(await registryContent(page));

    // Both exchange logs tell the story.
    await expect(
      travellerPage.getByRole('table', { name: 'Exchange log' }).getByRole('row'),
    ).toHaveCount(4);
  } finally {
    await travellerContext.close();
    await travellerApp.dispose();
  }
});

test.describe('bad bundles are refused with a clear message and the registry unchanged', () => {
  test('truncated, one byte changed, another registry', async ({
    page,
    registryApp,
    dialogs,
    browser,
  }) => {
    test.setTimeout(120_000);
    const app = new RegistryWindow(page, registryApp.origin);
    await app.openWithSample();
    const exchange = new ExchangePage(page, registryApp.origin, dialogs);
    await exchange.open();
    const good = join(folder, 'good.coopx');
    await exchange.exportBundle(good, null, PASSPHRASE);
    const bytes = await readFile(good);
    const before = await registryContent(page);

    const truncated = join(folder, 'truncated.coopx');
    await writeFile(truncated, bytes.subarray(0, bytes.length - 100));
    // Refused before any passphrase is asked: the header says how long the file must be.
    await exchange.openBundle(truncated, null);
    await expect(exchange.dialog).toContainText(
      'The bundle is incomplete (the file was cut short).',
    );
    await exchange.dialog.getByRole('button', { name: 'Close' }).click();

    const altered = join(folder, 'altered.coopx');
    const changed = Buffer.from(bytes);
    changed[changed.length - 40] = (changed[changed.length - 40] ?? 0) ^ 0x20;
    await writeFile(altered, changed);
    await exchange.openBundle(altered, PASSPHRASE);
    await expect(exchange.dialog).toContainText(
      'The bundle was changed or damaged after it was written.',
    );
    await exchange.dialog.getByRole('button', { name: 'Close' }).click();

    const notABundle = join(folder, 'minutes.coopx');
    await writeFile(notABundle, 'Minutes of the meeting');
    await exchange.openBundle(notABundle, null);
    // Main reads the header before the renderer gets the bytes: no dialog opens for it at all.
    await expect(page.getByRole('alert')).toHaveText(
      '“minutes.coopx” is not an exchange bundle, or its header is damaged.',
    );
    await expect(exchange.dialog).toBeHidden();

    // A registry of its own (not empty, not joined) refuses headquarters' bundle.
    const otherContext = await browser.newContext();
    const otherPage = await otherContext.newPage();
    const otherDialogs = new ScriptedDialogs();
    const otherApp = await connectRegistry(otherPage, {
      origin: registryApp.origin,
      dialogs: otherDialogs,
    });
    try {
      const other = new RegistryWindow(otherPage, otherApp.origin);
      await other.openWithSample();
      const otherExchange = new ExchangePage(otherPage, otherApp.origin, otherDialogs);
      await otherExchange.open();
      const otherBefore = await registryContent(otherPage);
      await otherExchange.openBundle(good, PASSPHRASE);
      await expect(otherExchange.dialog).toContainText('The bundle belongs to another registry');
      await otherExchange.dialog.getByRole('button', { name: 'Close' }).click();
      expect(await registryContent(otherPage)).toEqual(otherBefore);
    } finally {
      await otherContext.close();
      await otherApp.dispose();
    }

    expect(await registryContent(page)).toEqual(before);
    const log = page.getByRole('table', { name: 'Exchange log' });
    await expect(log).toContainText('Refused');
    await expect(log).toContainText('This file is not an exchange bundle.');
  });
});

test.describe('encrypted by default, with a passphrase that resists guessing', () => {
  test('a forged unencrypted bundle is refused under the default policy, and none is offered', async ({
    page,
    registryApp,
    dialogs,
  }) => {
    const app = new RegistryWindow(page, registryApp.origin);
    await app.openWithSample();
    const exchange = new ExchangePage(page, registryApp.origin, dialogs);
    await exchange.open();
    const forged = join(folder, 'from-headquarters.coopx');
    await forgeUnencryptedBundle(forged, await registryIdOf(page), [plantedPerson(randomUUID())]);
    const before = await registryContent(page);

    await exchange.openBundle(forged, null);
    // Refused by the import (or by main before the bytes reach it): only encrypted bundles.
    await expect(page.getByRole('alert').filter({ hasText: /only encrypted/ })).toBeVisible();
    await expect(page.getByText('Planted contact')).toHaveCount(0);
    expect(await registryContent(page)).toEqual(before);

    // Escape closes the import dialog where there is one.
    await page.keyboard.press('Escape');
    await expect(exchange.dialog).toBeHidden();
    await exchange.openExportDialog();
    await expect(exchange.exportButton).toBeDisabled();
    await expect(exchange.dialog.getByRole('checkbox', { name: /without encryption/ })).toHaveCount(
      0,
    );
  });

  test('a weak passphrase cannot export; a generated one is shown once and opens the bundle', async ({
    page,
    registryApp,
    dialogs,
  }) => {
    test.setTimeout(90_000);
    const app = new RegistryWindow(page, registryApp.origin);
    await app.openWithSample();
    const exchange = new ExchangePage(page, registryApp.origin, dialogs);
    await exchange.open();
    await exchange.openExportDialog();
    await exchange.passphraseField.fill('Summit 2026');
    await exchange.dialog.getByRole('textbox', { name: 'Passphrase again' }).fill('Summit 2026');
    await expect(exchange.dialog).toContainText('Too weak: use at least 12 characters or 4 words.');
    await expect(exchange.dialog).toContainText('try passphrases on it without limit');
    await expect(exchange.exportButton).toBeDisabled();

    const phrase = await exchange.generatePassphrase();
    expect(phrase).toMatch(/^[a-z]{3,8}( [a-z]{3,8}){5}$/);
    await expect(exchange.passphraseField).toHaveValue(phrase);
    const file = join(folder, 'generated.coopx');
    await exchange.confirmExport(file);
    expect(readBundleHeader(new Uint8Array(await readFile(file))).header.encryption?.kdf.name).toBe(
      'Argon2id',
    );
    // Shown once: the dialog opened again has no passphrase and shows none.
    await exchange.openExportDialog();
    await expect(exchange.passphraseField).toHaveValue('');
    await expect(
      exchange.dialog.getByRole('textbox', { name: 'Generated passphrase' }),
    ).toHaveCount(0);
    await exchange.dialog.getByRole('button', { name: 'Cancel' }).click();

    await exchange.openBundle(file, phrase);
    await expect(exchange.dialog).toContainText(
      'Everything in this bundle is already in the registry.',
    );
  });
});

test.describe('where the machine policy allows unencrypted bundles', () => {
  test.use({
    machinePolicy: {
      version: 1,
      settings: { allowUnencryptedBundles: { value: true, enforced: true } },
    },
  });

  test('the preview says the bundle is unauthenticated and who it claims to be; an id of another kind is refused', async ({
    page,
    registryApp,
    dialogs,
  }) => {
    const app = new RegistryWindow(page, registryApp.origin);
    await app.openWithSample();
    const exchange = new ExchangePage(page, registryApp.origin, dialogs);
    await exchange.open();
    const registryId = await registryIdOf(page);
    const before = await registryContent(page);

    const claimed = join(folder, 'claimed.coopx');
    await forgeUnencryptedBundle(claimed, registryId, [plantedPerson(randomUUID())]);
    await exchange.openBundle(claimed, null);
    await expect(exchange.dialog.getByRole('alert')).toContainText(
      'This bundle is not encrypted and not authenticated: anyone could have written or changed it. It claims to come from “Headquarters” (installation hq-device).',
    );
    await expect(exchange.previewRow('People')).toHaveText(/People\s*1\s*0\s*0\s*0/);
    await exchange.dialog.getByRole('button', { name: 'Cancel' }).click();

    // A person under the id of one of this registry's meetings would overwrite its versions.
    const eventId = await firstRegistryKey(page, 'events');
    const clashing = join(folder, 'clashing.coopx');
    await forgeUnencryptedBundle(clashing, registryId, [plantedPerson(eventId)]);
    await exchange.openBundle(clashing, null);
    await expect(exchange.dialog).toContainText(
      `${eventId} (here: Meetings and visits; in the bundle: People)`,
    );
    await expect(exchange.dialog.getByRole('button', { name: 'Apply' })).toHaveCount(0);
    await exchange.dialog.getByRole('button', { name: 'Close' }).click();
    expect(await registryContent(page)).toEqual(before);

    await exchange.openExportDialog();
    await expect(
      exchange.dialog.getByRole('checkbox', { name: /without encryption/ }),
    ).toBeVisible();
  });
});
