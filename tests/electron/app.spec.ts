import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildRegistryBridge } from '../../src/shared/ipc/bridge';
import { DEVELOPMENT_POLICY_VARIABLE } from '../../src/main/policy/machinePolicyFile';

/**
 * The real app in real Electron (`npm run test:electron`, where the binary exists): what the other
 * suites can only check against Chromium or a recording fake. Playwright drives the app unpackaged
 * (a packaged build refuses --inspect by its fuses and has its DevTools protocol removed by main),
 * so the packaged branch of each check runs in src/main/startMainProcess.test.ts.
 */

const PROJECT_ROOT = resolve(__dirname, '../..');

/** window.registry's groups and methods, derived from the bridge preload builds: never a list. */
const bridgeShape = (bridge: object) =>
  Object.fromEntries(
    Object.entries(bridge)
      .map(([group, methods]) => [group, Object.keys(methods as object).sort()] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
const EXPECTED_BRIDGE = bridgeShape(buildRegistryBridge(() => Promise.resolve(null)));

/** WebContents' last web preferences: in Electron, though missing from its type definitions. */
type WithLastWebPreferences = { getLastWebPreferences: () => Electron.WebPreferences | null };

let app: ElectronApplication | undefined;
let folder: string;
let userData: string;

test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'registry-electron-'));
  userData = join(folder, 'userData');
});

test.afterEach(async () => {
  await app?.close();
  app = undefined;
  await rm(folder, { recursive: true, force: true });
});

/**
 * Starts the app on a fresh profile (--user-data-dir, which Chromium and so app.getPath('userData')
 * honour), under the given machine policy if any (the development-only policy override).
 */
async function launch(policySettings?: Record<string, unknown>): Promise<ElectronApplication> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  if (policySettings) {
    const policyFile = join(folder, 'policy.json');
    await writeFile(policyFile, JSON.stringify({ version: 1, settings: policySettings }));
    env[DEVELOPMENT_POLICY_VARIABLE] = policyFile;
  }
  app = await electron.launch({ args: [PROJECT_ROOT, `--user-data-dir=${userData}`], env });
  return app;
}

test('the window is locked down: sandboxed, isolated, no Node, served from app://registry', async () => {
  const started = await launch();
  const page = await started.firstWindow();
  await expect(page.getByTestId('section-nav')).toBeVisible();
  expect(page.url()).toMatch(/^app:\/\/registry\//);
  // What the page can reach is the proof of the web preferences: only the frozen bridge, no Node.
  const exposure = await page.evaluate(() => ({
    registry: Object.fromEntries(
      Object.entries(window.registry)
        .map(([group, methods]) => [group, Object.keys(methods).sort()] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
    isFrozen: Object.isFrozen(window.registry),
    areGroupsFrozen: Object.values(window.registry).every((group) => Object.isFrozen(group)),
    hasRequire: 'require' in window,
    hasProcess: 'process' in window,
    hasBuffer: 'Buffer' in window,
  }));
  expect(exposure).toEqual({
    registry: EXPECTED_BRIDGE,
    isFrozen: true,
    areGroupsFrozen: true,
    hasRequire: false,
    hasProcess: false,
    hasBuffer: false,
  });
});

test('every renderer is sandboxed: by the app-wide switch and in the window’s own preferences', async () => {
  const started = await launch();
  await expect((await started.firstWindow()).getByTestId('section-nav')).toBeVisible();
  const sandbox = await started.evaluate(({ app, BrowserWindow }) => {
    const [window] = BrowserWindow.getAllWindows();
    const preferences = (
      window?.webContents as unknown as WithLastWebPreferences | undefined
    )?.getLastWebPreferences();
    return {
      hasEnableSandbox: app.commandLine.hasSwitch('enable-sandbox'),
      hasNoSandbox: app.commandLine.hasSwitch('no-sandbox'),
      sandbox: preferences?.sandbox,
      contextIsolation: preferences?.contextIsolation,
      nodeIntegration: preferences?.nodeIntegration,
      // Electron reports the OS-level sandbox of each process on Windows and macOS only.
      osSandboxed: app
        .getAppMetrics()
        .filter((metric) => metric.type === 'Tab' && metric.sandboxed !== undefined)
        .map((metric) => metric.sandboxed),
    };
  });
  expect(sandbox).toEqual({
    hasEnableSandbox: true,
    hasNoSandbox: false,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    osSandboxed: sandbox.osSandboxed.map(() => true),
  });
});

test('DevTools follow the build: the window, the menu and DevTools themselves', async () => {
  const started = await launch();
  await expect((await started.firstWindow()).getByTestId('section-nav')).toBeVisible();
  const build = await started.evaluate(({ app, BrowserWindow, Menu }) => {
    const [window] = BrowserWindow.getAllWindows();
    const preferences = (
      window?.webContents as unknown as WithLastWebPreferences | undefined
    )?.getLastWebPreferences();
    const roles: string[] = [];
    const collect = (menu: Electron.Menu | null | undefined): void => {
      for (const item of menu?.items ?? []) {
        if (item.role) roles.push(item.role.toLowerCase());
        collect(item.submenu);
      }
    };
    collect(Menu.getApplicationMenu());
    return { isPackaged: app.isPackaged, devTools: preferences?.devTools, roles };
  });
  const isDevelopment = !build.isPackaged;
  expect(build.devTools).toBe(isDevelopment);
  expect(build.roles.includes('toggledevtools')).toBe(isDevelopment);
  expect(build.roles.includes('reload')).toBe(isDevelopment);

  await started.evaluate(({ BrowserWindow }) => {
    BrowserWindow.getAllWindows()[0]?.webContents.openDevTools({ mode: 'detach', activate: false });
  });
  // Open and staying open in development; never open at all when packaged.
  await expect
    .poll(() =>
      started.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows()[0]?.webContents.isDevToolsOpened(),
      ),
    )
    .toBe(isDevelopment);
});

test('no request leaves: the page cannot reach the network, and the session cancels and logs what gets past the CSP', async () => {
  const started = await launch();
  const page = await started.firstWindow();
  await expect(page.getByTestId('section-nav')).toBeVisible();
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

  // The CSP stops the page's own requests before the network; a window main loads directly is
  // stopped by the session's request filter, which writes the refusal to the main log.
  const probe = await started.evaluate(async ({ BrowserWindow }) => {
    const window = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, javascript: false },
    });
    try {
      await window.loadURL('https://example.org/');
      return 'loaded';
    } catch (error) {
      return String(error);
    } finally {
      window.destroy();
    }
  });
  expect(probe).toContain('ERR_BLOCKED_BY_CLIENT');
  await expect
    .poll(() => readFile(join(userData, 'logs', 'main.log'), 'utf8').catch(() => ''))
    .toContain('Blocked request: GET https://example.org/');
});

test('main enforces a read-only policy: a renderer asking to change the registry is refused and nothing is written', async () => {
  const started = await launch({ readOnly: { value: true, enforced: true } });
  const page = await started.firstWindow();
  await expect(page.getByTestId('section-nav')).toBeVisible();
  const bytes = [...new TextEncoder().encode('Forged attachment')];
  const sha256 = createHash('sha256').update(Uint8Array.from(bytes)).digest('hex');
  // What a compromised page, or a user at DevTools, would call directly, past the hidden buttons.
  const answers = await page.evaluate(
    async ({ bytes, sha256 }) => ({
      sample: await window.registry.sample.read(),
      store: await window.registry.attachment.store({ sha256, bytes: Uint8Array.from(bytes) }),
    }),
    { bytes, sha256 },
  );
  expect(answers).toMatchObject({
    sample: { ok: false, error: { code: 'policy-forbids' } },
    store: { ok: false, error: { code: 'policy-forbids' } },
  });
  // The store's layout: <data folder>/attachments/<first 2 hex digits>/<SHA-256>.
  expect(existsSync(join(userData, 'attachments', sha256.slice(0, 2), sha256))).toBe(false);
});

test('an enforced policy dataFolder wins over --user-data-dir: userData, sessionData and IndexedDB', async () => {
  const policyFolder = join(folder, 'policy-data');
  const started = await launch({ dataFolder: { value: policyFolder, enforced: true } });
  await expect((await started.firstWindow()).getByTestId('section-nav')).toBeVisible();
  const paths = await started.evaluate(({ app }) => ({
    userData: app.getPath('userData'),
    sessionData: app.getPath('sessionData'),
  }));
  expect(paths).toEqual({ userData: policyFolder, sessionData: policyFolder });
  // The registry opens at start: its IndexedDB appears in the policy folder, and only there.
  await expect.poll(() => existsSync(join(policyFolder, 'IndexedDB'))).toBe(true);
  expect(existsSync(join(userData, 'IndexedDB'))).toBe(false);
});

test('first run loads the sample registry and shows IOM’s agreement with its three steps', async () => {
  const started = await launch();
  const page = await started.firstWindow();
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
