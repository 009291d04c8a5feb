import { test as base, expect, type Page } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildRegistryBridge } from '../../../src/shared/ipc/bridge';
import { DiagnosticsService } from '../../../src/main/diagnostics/diagnosticsService';
import { createDispatcher } from '../../../src/main/ipc/dispatcher';
import { readPolicy } from '../../../src/main/policy/policyService';
import type { PrintToPdf } from '../../../src/main/briefing/briefingService';
import { createIpcHandlers } from '../../../src/main/services';
import { createPlaywrightPrintToPdf } from './playwrightPrintToPdf';
import { startRendererServer, type RendererServer } from './rendererServer';
import { RecordedViewer } from './recordedViewer';
import { ScriptedDialogs } from './scriptedDialogs';

export const RESOURCES_FOLDER = resolve(__dirname, '../../../resources');

/** What each test gets besides the page: its own data folder, as main would have it. */
export type RegistryApp = { origin: string; dataFolder: string; policyFile: string };

/**
 * The machine policy a test runs under: null (the default) for no policy file at all, an object
 * written as JSON, or a string written as is (to test a damaged file). Set it with
 * `test.use({ machinePolicy: { version: 1, settings: { readOnly: { value: true, enforced: true } } } })`.
 */
export type MachinePolicy = Record<string, unknown> | string | null;

/**
 * Playwright fixtures for the app in Chromium. Every test gets a fresh browser context (so a fresh
 * IndexedDB registry) and a fresh data folder; `window.registry` is the preload's own bridge object,
 * built by the same function and routed through a Playwright binding into the REAL main-process
 * dispatcher and services. Only Electron's transport is replaced.
 */
export const test = base.extend<
  {
    registryApp: RegistryApp;
    machinePolicy: MachinePolicy;
    dialogs: ScriptedDialogs;
    viewer: RecordedViewer;
  },
  { rendererServer: RendererServer }
>({
  machinePolicy: [null, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure
  dialogs: async ({}, use) => {
    await use(new ScriptedDialogs());
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure
  viewer: async ({}, use) => {
    await use(new RecordedViewer());
  },
  rendererServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure
    async ({}, use) => {
      const server = await startRendererServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  registryApp: async ({ page, browser, rendererServer, machinePolicy, dialogs, viewer }, use) => {
    const app = await connectRegistry(page, {
      origin: rendererServer.origin,
      machinePolicy,
      dialogs,
      openPath: viewer.openPath,
      printToPdf: createPlaywrightPrintToPdf(browser),
    });
    await use(app);
    await app.dispose();
  },
});

/**
 * Gives a page its own data folder and REAL main-process services behind `window.registry`, as
 * the registryApp fixture does. Tests that need a second installation (another browser context,
 * so another IndexedDB registry) call it for their second page; `dispose` removes the folder.
 */
export async function connectRegistry(
  page: Page,
  options: {
    origin: string;
    machinePolicy?: MachinePolicy;
    dialogs: ScriptedDialogs;
    openPath?: RecordedViewer['openPath'];
    /** Prints briefing packs; without it `briefing:save-pdf` is refused, as a test rarely needs it. */
    printToPdf?: PrintToPdf;
    hostName?: string;
  },
): Promise<RegistryApp & { dispose: () => Promise<void> }> {
  const { origin, machinePolicy = null, dialogs } = options;
  const dataFolder = await mkdtemp(join(tmpdir(), 'registry-e2e-'));
  const diagnostics = new DiagnosticsService({ dataFolder });
  // Beside the data folder, not in it, as /etc/cooperation-registry is in the app.
  const policyFile = `${dataFolder}-policy.json`;
  if (machinePolicy !== null) {
    const text = typeof machinePolicy === 'string' ? machinePolicy : JSON.stringify(machinePolicy);
    await writeFile(policyFile, text);
  }
  const dispatch = createDispatcher({
    handlers: createIpcHandlers({
      dataFolder,
      resourcesFolder: RESOURCES_FOLDER,
      hostName: options.hostName ?? 'e2e-laptop',
      diagnostics,
      appInfo: {
        appVersion: '0.0.0-e2e',
        electronVersion: null,
        chromeVersion: null,
        platform: process.platform,
        isPackaged: false,
        systemLocale: 'en-GB',
      },
      // Read from a real file by the real service: no file means `absent`, as on most machines.
      policy: readPolicy({ filePath: policyFile, platform: process.platform, env: process.env }),
      dataLocation: { source: 'default', isPortable: false, problem: null },
      dialogs,
      openPath: options.openPath ?? new RecordedViewer().openPath,
      printToPdf: options.printToPdf,
    }),
    isTrustedSender: (url) => url !== null && new URL(url).origin === origin,
    logError: (channel, error) => void diagnostics.logMainError(channel, error),
  });
  await page.exposeBinding('__registryInvoke', (source, channel: string, input: unknown) =>
    dispatch({ channel, input, senderUrl: source.frame.url() }),
  );
  await page.addInitScript(
    `window.registry = (${buildRegistryBridge.toString()})((channel, input) => window.__registryInvoke(channel, input));`,
  );
  return {
    origin,
    dataFolder,
    policyFile,
    dispose: async () => {
      // The page may still be finishing a write (a log line, a scheduled backup) as the test ends.
      await rm(dataFolder, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      await rm(policyFile, { force: true });
    },
  };
}

export { expect };
