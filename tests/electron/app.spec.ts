import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PROJECT_ROOT = resolve(__dirname, '../..');

let app: ElectronApplication;
let userData: string;

test.beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'registry-electron-'));
  // A fresh profile per test: --user-data-dir is honoured by Chromium and so by app.getPath('userData').
  app = await electron.launch({ args: [PROJECT_ROOT, `--user-data-dir=${userData}`] });
});

test.afterEach(async () => {
  await app.close();
  await rm(userData, { recursive: true, force: true });
});

test('the window is locked down: sandboxed, isolated, no Node, served from app://registry', async () => {
  const page = await app.firstWindow();
  await expect(page.getByTestId('section-nav')).toBeVisible();
  expect(page.url()).toMatch(/^app:\/\/registry\//);
  // What the page can reach is the proof of the web preferences: only the frozen bridge, no Node.
  const exposure = await page.evaluate(() => ({
    registry: Object.keys(window.registry).sort(),
    isFrozen: Object.isFrozen(window.registry),
    hasRequire: 'require' in window,
    hasProcess: 'process' in window,
  }));
  expect(exposure).toEqual({
    registry: ['app', 'device', 'diagnostics', 'policy', 'sample', 'settings'],
    isFrozen: true,
    hasRequire: false,
    hasProcess: false,
  });
});

test('the protocol sends a strict CSP, and the network is unreachable', async () => {
  const page = await app.firstWindow();
  const csp = await page.evaluate(async () =>
    (await fetch('/index.html')).headers.get('content-security-policy'),
  );
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  const traversal = await page.evaluate(
    async () => (await fetch('/..%2f..%2fpackage.json')).status,
  );
  expect(traversal).toBe(403);
  const external = await page.evaluate(async () => {
    try {
      await fetch('https://example.org/');
      return 'reached';
    } catch {
      return 'blocked';
    }
  });
  expect(external).toBe('blocked');
  await page.evaluate(() => {
    window.location.href = 'https://example.org/';
  });
  await expect.poll(() => page.url()).toMatch(/^app:\/\/registry\//);
});

test('first run loads the sample registry and shows IOM’s agreement with its three steps', async () => {
  const page = await app.firstWindow();
  await page.getByRole('button', { name: 'Load the sample registry' }).click();
  await page.getByTestId('section-nav').getByRole('link', { name: 'Partners' }).click();
  await page.getByRole('row', { name: /^International Organization for Migration IOM/ }).click();
  const card = page
    .getByTestId('agreement-card')
    .filter({ hasText: /Voluntary Return of Migrants/ });
  await expect(card.getByTestId('agreement-step')).toHaveCount(3);
  await expect(card).toContainText('8 December 2016');
  await expect(card).toContainText('23 February 2017');
  await expect(card).toContainText('2 March 2017');
});
