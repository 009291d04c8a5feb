import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRegistry, recordCount } from '../fixtures/generateRegistry';
import { connectRegistry, expect, test } from '../e2e/harness/registryTest';
import { ScriptedDialogs } from '../e2e/harness/scriptedDialogs';
import { seedRegistry } from '../e2e/harness/seedRegistry';
import { ExchangePage } from '../e2e/pages/ExchangePage';
import { RegistryWindow } from '../e2e/pages/RegistryWindow';
import { BenchSuite, round } from './benchResults';

const suite = new BenchSuite('Exchange');
test.afterAll(() => suite.write());

const RECORDS = 50_000;
const TARGET = '< 10000 ms';

/**
 * A bundle of 50,000 changed records, both ways, through the UI: from the Export click to the
 * "saved" message (collect, versions, Argon2id key derivation (64 MiB), encrypt, zip, atomic write by
 * main), and on a second, empty installation from choosing the file to the preview, then from
 * Apply to the "applied" message (one strict-durability transaction). Reported, never asserted.
 */
test('export and import a bundle of 50,000 changed records', async ({
  page,
  registryApp,
  dialogs,
  browser,
}) => {
  test.setTimeout(15 * 60_000);
  const folder = await mkdtemp(join(tmpdir(), 'exchange-bench-'));
  const registry = generateRegistry(RECORDS, 2026);
  const records = recordCount(registry);
  const app = new RegistryWindow(page, registryApp.origin);
  await app.open();
  await seedRegistry(page, registry);
  await page.reload();

  const exchange = new ExchangePage(page, registryApp.origin, dialogs);
  await exchange.open();
  const file = join(folder, 'everything.coopx');
  const exportStart = Date.now();
  await exchange.exportBundle(file, null, 'benchmark passphrase 2026', { timeout: 5 * 60_000 });
  const exportMs = Date.now() - exportStart;
  const size = (await stat(file)).size;

  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  const otherDialogs = new ScriptedDialogs();
  const other = await connectRegistry(otherPage, {
    origin: registryApp.origin,
    dialogs: otherDialogs,
  });
  try {
    const otherExchange = new ExchangePage(otherPage, other.origin, otherDialogs);
    await otherExchange.open();
    const openStart = Date.now();
    await otherExchange.openBundle(file, 'benchmark passphrase 2026');
    await expect(otherExchange.dialog.getByRole('button', { name: 'Apply' })).toBeEnabled({
      timeout: 5 * 60_000,
    });
    const previewMs = Date.now() - openStart;
    const applyStart = Date.now();
    await otherExchange.dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(otherPage.getByRole('status').filter({ hasText: /^Bundle applied/ })).toBeVisible({
      timeout: 10 * 60_000,
    });
    const applyMs = Date.now() - applyStart;

    suite.add({
      name: 'Export bundle (everything), click to saved',
      records,
      unit: 'ms',
      value: exportMs,
      target: { text: TARGET, isMet: exportMs < 10_000 },
      note: `bundle ${round(size / 1_048_576)} MB, encrypted`,
    });
    suite.add({
      name: 'Import bundle: open, decrypt, check, preview',
      records,
      unit: 'ms',
      value: previewMs,
    });
    suite.add({
      name: 'Import bundle: apply (one transaction)',
      records,
      unit: 'ms',
      value: applyMs,
    });
    suite.add({
      name: 'Import bundle, file chosen to applied',
      records,
      unit: 'ms',
      value: previewMs + applyMs,
      target: { text: TARGET, isMet: previewMs + applyMs < 10_000 },
    });
  } finally {
    await otherContext.close();
    await other.dispose();
    await rm(folder, { recursive: true, force: true });
  }
});
