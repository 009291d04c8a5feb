import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { az } from '../../src/shared/i18n/messages/az';
import type { IpcChannel } from '../../src/shared/ipc/contract';
import { forgedBundle } from '../fixtures/forgedBundle';
import { expect, test } from './harness/registryTest';
import { ExchangePage } from './pages/ExchangePage';
import { ExportMenu } from './pages/ExportMenu';
import { RegistryWindow } from './pages/RegistryWindow';

/**
 * Calls a channel the way a compromised or DevTools-driven renderer would: straight through
 * `window.registry`, past whatever the UI shows. `bytes` (numbers) become the input's Uint8Array.
 */
async function callFromPage(
  page: Page,
  channel: IpcChannel,
  input: Record<string, unknown> | undefined,
  bytes?: number[],
): Promise<unknown> {
  return page.evaluate(
    ([name, payload, raw]) => {
      type Bridge = Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
      const registry = (window as unknown as { registry: Bridge }).registry;
      const [feature = '', verb = ''] = name.split(':');
      const method = verb.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
      const withBytes = raw ? { ...payload, bytes: new Uint8Array(raw) } : payload;
      return registry[feature]?.[method]?.(withBytes);
    },
    [channel, input, bytes] as const,
  );
}

/** A folder for files the (scripted) dialogs point at; each test gets an empty one. */
let folder: string;
test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'registry-policy-'));
});
test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

test.describe('with no machine policy', () => {
  test('Settings says nothing is managed and shows where the data lives', async ({
    page,
    registryApp,
  }) => {
    const app = new RegistryWindow(page, registryApp.origin);
    await app.open('/settings');
    await expect(page.getByTestId('policy-status')).toHaveText('Not installed');
    await expect(page.getByText('No machine policy is installed on this computer')).toBeVisible();
    await expect(page.getByTestId('data-folder')).toHaveText(registryApp.dataFolder);
    await expect(page.getByTestId('data-folder-source')).toHaveText(
      'The standard location for this user.',
    );
    await expect(page.getByTestId('policy-problems-banner')).toHaveCount(0);
  });
});

test.describe('with a read-only policy that enforces Azerbaijani', () => {
  test.use({
    machinePolicy: {
      version: 1,
      settings: {
        readOnly: { value: true, enforced: true },
        defaultUiLanguage: { value: 'az', enforced: true },
        backupSchedule: { value: 'weekly' },
      },
    },
  });

  test('the app starts in Azerbaijani, offers no changes and says why', async ({
    page,
    registryApp,
  }) => {
    const app = new RegistryWindow(page, registryApp.origin);
    await app.open();
    await expect(page.locator('html')).toHaveAttribute('lang', 'az');
    await expect(page.getByTestId('read-only-banner')).toHaveText(az.policy.readOnlyBanner);
    await expect(page.getByText(az.policy.readOnlyEmpty)).toBeVisible();
    await expect(page.getByRole('button', { name: az.sample.load })).toHaveCount(0);
    await expect(page.getByTestId('language-switcher').locator('input')).toBeDisabled();

    await app.open('/settings');
    await expect(page.getByTestId('policy-status')).toHaveText(az.policy.status.applied);
    await expect(page.getByTestId('policy-readOnly')).toContainText(az.policy.enforced);
    await expect(page.getByTestId('policy-backupSchedule')).toContainText(
      az.policy.schedule.weekly,
    );
    await expect(page.getByTestId('policy-backupSchedule')).toContainText(az.policy.default);
    await expect(page.getByText(az.settings.sampleSection)).toHaveCount(0);
  });
});

test.describe('with a damaged policy file', () => {
  test.use({
    machinePolicy: {
      version: 1,
      settings: { backupKeep: { value: 'ten' }, readOnly: { value: false } },
    },
  });

  test('the good settings apply, the bad one is named, and a warning leads to it', async ({
    page,
    registryApp,
  }) => {
    const app = new RegistryWindow(page, registryApp.origin);
    await app.open();
    const banner = page.getByTestId('policy-problems-banner');
    await expect(banner).toContainText('The machine policy file has problems');
    await banner.getByRole('link', { name: 'Details in Settings' }).click();
    await expect(page.getByTestId('policy-status')).toContainText('Partly applied');
    await expect(page.getByTestId('policy-problems')).toContainText('backupKeep');
    await expect(page.getByTestId('policy-readOnly')).toContainText('No');
    // Not read-only: the sample can still be loaded.
    await expect(page.getByRole('button', { name: 'Load the sample registry' })).toBeVisible();
  });
});

test.describe('with a policy file cut short that meant to allow everything', () => {
  test.use({
    machinePolicy:
      '{ "version": 1, "settings": { "readOnly": { "value": false }, "allowUnencryptedBundles": { "value": true }',
  });

  test('the app is read-only with no exports until IT fixes the file, and main refuses a renderer that tries', async ({
    page,
    registryApp,
    dialogs,
  }) => {
    const app = new RegistryWindow(page, registryApp.origin);
    await app.open();
    const banner = page.getByTestId('policy-unreadable-banner');
    await expect(banner).toContainText(
      `Read-only, with no exports, until IT fixes ${registryApp.policyFile}: policy.json is not valid JSON (`,
    );
    await expect(page.getByRole('button', { name: 'Load the sample registry' })).toHaveCount(0);

    // Past the UI: every channel that changes the registry, and every export, is refused by main.
    const forged = new TextEncoder().encode('forged attachment');
    const sha256 = createHash('sha256').update(forged).digest('hex');
    const imported = join(folder, 'partners.csv');
    await writeFile(imported, 'name;kind\nIOM;international-organization\n');
    dialogs.willOpen(imported);
    dialogs.willSave(join(folder, 'Partners.csv'));
    const refusals = {
      sample: await callFromPage(page, 'sample:read', undefined),
      store: await callFromPage(page, 'attachment:store', { sha256 }, [...forged]),
      open: await callFromPage(page, 'file:open', {
        title: 'Import',
        filters: [{ name: 'CSV', extensions: ['csv'] }],
        maxBytes: 1_000,
        purpose: 'import',
      }),
      save: await callFromPage(
        page,
        'file:save',
        { title: 'Export', defaultName: 'Partners.csv', format: 'csv' },
        [...new TextEncoder().encode('a;b\n')],
      ),
    };
    expect(refusals).toEqual({
      sample: expect.objectContaining({
        ok: false,
        error: expect.objectContaining({
          code: 'policy-forbids',
          details: { setting: 'readOnly', action: 'sample:read' },
        }),
      }),
      store: expect.objectContaining({
        error: expect.objectContaining({
          code: 'policy-forbids',
          details: { setting: 'readOnly', action: 'attachment:store' },
        }),
      }),
      open: expect.objectContaining({
        error: expect.objectContaining({
          code: 'policy-forbids',
          details: { setting: 'readOnly', action: 'file:open' },
        }),
      }),
      save: expect.objectContaining({
        error: expect.objectContaining({
          code: 'policy-forbids',
          details: { setting: 'allowedExportFormats', format: 'csv', allowed: '' },
        }),
      }),
    });
    // No dialog was shown, no file written, nothing stored.
    expect(dialogs.asked).toEqual([]);
    expect(await readdir(folder)).toEqual(['partners.csv']);
    expect(await readdir(registryApp.dataFolder)).not.toContain('attachments');

    await banner.getByRole('link', { name: 'Details in Settings' }).click();
    await expect(page.getByTestId('policy-status')).toHaveText(
      'Unreadable: until IT fixes the file, the registry is read-only, nothing can be exported and only encrypted exchange bundles are accepted',
    );
    await expect(page.getByTestId('policy-readOnly')).toContainText('Yes');
    await expect(page.getByTestId('policy-allowUnencryptedBundles')).toContainText('No');
    await expect(page.getByTestId('policy-allowedExportFormats')).toContainText('None');
  });
});

test.describe('with a policy that allows exports only as PDF and Excel', () => {
  test.use({
    machinePolicy: {
      version: 1,
      settings: { allowedExportFormats: { value: ['pdf', 'xlsx'], enforced: true } },
    },
  });

  test('the export menu offers no CSV or JSON, and main refuses a CSV a renderer saves anyway', async ({
    page,
    registryApp,
    dialogs,
  }) => {
    const app = new RegistryWindow(page, registryApp.origin);
    await app.openWithSample();
    await app.goTo('Agreements');
    const menu = await new ExportMenu(page).open();
    await expect(menu.getByRole('menuitem', { name: 'Excel workbook (.xlsx)' })).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: /CSV|JSON/ })).toHaveCount(0);
    await page.keyboard.press('Escape');

    const target = join(folder, 'Agreements.csv');
    dialogs.willSave(target);
    const answer = await callFromPage(
      page,
      'file:save',
      { title: 'Export', defaultName: 'Agreements.csv', format: 'csv', filterName: 'PDF' },
      [...new TextEncoder().encode('Title;Status\nMoU;signed\n')],
    );
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'policy-forbids',
        details: { setting: 'allowedExportFormats', format: 'csv', allowed: 'pdf, xlsx' },
      },
    });
    expect(dialogs.asked).toEqual([]);
    expect(await readdir(folder)).toEqual([]);

    await app.open('/settings');
    await expect(page.getByTestId('registry-export-forbidden')).toHaveText(
      'Your organization’s policy does not allow JSON exports on this computer.',
    );
  });
});

test.describe('with no machine policy, unencrypted bundles', () => {
  test('are refused by main when opened or saved, and the user is told why', async ({
    page,
    registryApp,
    dialogs,
  }) => {
    const plain = join(folder, 'plain.coopx');
    const bytes = forgedBundle({ isEncrypted: false });
    await writeFile(plain, bytes);
    const exchange = new ExchangePage(page, registryApp.origin, dialogs);
    await exchange.open();
    await exchange.openBundle(plain, null);
    await expect(page.getByRole('alert')).toHaveText(
      'Your organization’s policy allows only encrypted exchange bundles on this computer: “plain.coopx” is not encrypted, so it was not opened.',
    );
    await expect(exchange.dialog).toHaveCount(0);

    // Named an import, the bundle is still read as one.
    dialogs.willOpen(plain);
    expect(
      await callFromPage(page, 'file:open', {
        title: 'Import',
        filters: [{ name: 'CSV', extensions: ['csv'] }],
        maxBytes: 100_000,
        purpose: 'import',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'policy-forbids', details: { setting: 'allowUnencryptedBundles' } },
    });

    dialogs.willSave(join(folder, 'to-hq.coopx'));
    expect(
      await callFromPage(
        page,
        'file:save',
        { title: 'Save bundle', defaultName: 'to-hq.coopx', format: 'coopx' },
        [...bytes],
      ),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'policy-forbids',
        details: { setting: 'allowUnencryptedBundles', action: 'file:save' },
      },
    });
    expect(dialogs.asked.filter((asked) => asked.kind === 'save')).toEqual([]);
    expect(await readdir(folder)).toEqual(['plain.coopx']);
  });
});
