import { test as base, expect } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildRegistryBridge } from '../../../src/shared/ipc/bridge';
import { DiagnosticsService } from '../../../src/main/diagnostics/diagnosticsService';
import { createDispatcher } from '../../../src/main/ipc/dispatcher';
import { createIpcHandlers } from '../../../src/main/services';
import { startRendererServer, type RendererServer } from './rendererServer';

export const RESOURCES_FOLDER = resolve(__dirname, '../../../resources');

/** What each test gets besides the page: its own data folder, as main would have it. */
export type RegistryApp = { origin: string; dataFolder: string };

/**
 * Playwright fixtures for the app in Chromium. Every test gets a fresh browser context (so a fresh
 * IndexedDB registry) and a fresh data folder; `window.registry` is the preload's own bridge object,
 * built by the same function and routed through a Playwright binding into the REAL main-process
 * dispatcher and services. Only Electron's transport is replaced.
 */
export const test = base.extend<{ registryApp: RegistryApp }, { rendererServer: RendererServer }>({
  rendererServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure
    async ({}, use) => {
      const server = await startRendererServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  registryApp: async ({ page, rendererServer }, use) => {
    const dataFolder = await mkdtemp(join(tmpdir(), 'registry-e2e-'));
    const diagnostics = new DiagnosticsService({ dataFolder });
    const dispatch = createDispatcher({
      handlers: createIpcHandlers({
        dataFolder,
        resourcesFolder: RESOURCES_FOLDER,
        hostName: 'e2e-laptop',
        diagnostics,
        appInfo: {
          appVersion: '0.0.0-e2e',
          electronVersion: null,
          chromeVersion: null,
          platform: process.platform,
          isPackaged: false,
          systemLocale: 'en-GB',
        },
      }),
      isTrustedSender: (url) => url !== null && new URL(url).origin === rendererServer.origin,
      logError: (channel, error) => void diagnostics.logMainError(channel, error),
    });
    await page.exposeBinding('__registryInvoke', (source, channel: string, input: unknown) =>
      dispatch({ channel, input, senderUrl: source.frame.url() }),
    );
    await page.addInitScript(
      `window.registry = (${buildRegistryBridge.toString()})((channel, input) => window.__registryInvoke(channel, input));`,
    );
    await use({ origin: rendererServer.origin, dataFolder });
    await rm(dataFolder, { recursive: true, force: true });
  },
});

export { expect };
