import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  MenuItemConstructorOptions,
  Session,
} from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcContract } from '@shared/ipc/contract';
import { PORTABLE_DATA_FOLDER } from './policy/dataLocation';
import { DEVELOPMENT_POLICY_VARIABLE } from './policy/machinePolicyFile';
import { LINUX_POLICY_FILE } from './policy/policyService';
import { PORTABLE_BUILD_FIELD } from './policy/portableBuild';
import { APP_SCHEME_PRIVILEGES } from './protocol/appProtocol';
import { APP_ENTRY_URL } from './security/appOrigin';
import { SECURE_WEB_PREFERENCES } from './security/policy';
import { PACKAGED_MAC_MENU } from './window/applicationMenu';
import {
  REMOTE_DEBUGGING_SWITCHES,
  startMainProcess,
  type ElectronMain,
  type MainProcessHost,
} from './startMainProcess';

/**
 * The main process's startup, run for real against a fake Electron that records every call: the
 * same sequence main/index.ts runs, so removing any line of the wiring (the sandbox, the session
 * hardening, the sender check, the data folder…) fails a test here. The objects the wiring hands
 * over are checked in detail by security.test.ts; this suite proves they are handed over, when,
 * and to what.
 */

type Listener = (...args: unknown[]) => unknown;
type PermissionRequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
type BeforeRequestListener = (
  details: { url: string; method: string },
  callback: (response: { cancel?: boolean }) => void,
) => void;
type ProtocolHandler = (request: Request) => Promise<Response>;

const APP_NAME = 'Cooperation Registry';
const ONE_PAGE_PDF = '%PDF-1.4\n1 0 obj\n<< /Type /Page >>\nendobj\n%%EOF\n';
const DISPLAY = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };

type FakeConfig = {
  isPackaged: boolean;
  /** app.getAppPath(): the project folder in development, …/resources/app.asar when packaged. */
  appPath: string;
  /** Command-line switches, as app.commandLine has them. */
  switches?: Record<string, string>;
  /** What requestSingleInstanceLock answers. */
  hasLock?: boolean;
  /** Makes the window fail to open, to follow the startup failure path. */
  isScreenBroken?: boolean;
};

/** One Electron window as the fake records it. */
type FakeWindow = {
  options: BrowserWindowConstructorOptions;
  loaded: string[];
  isDestroyed: () => boolean;
  calls: string[];
};

let base: string;
let appData: string;
let documents: string;
let mainFolder: string;
const running: Array<{ closeAllWindows: () => Promise<void> }> = [];

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'main-process-'));
  appData = join(base, 'appData');
  documents = join(base, 'Documents');
  mainFolder = join(base, 'app', 'out', 'main');
  await mkdir(join(base, 'app', 'out', 'renderer'), { recursive: true });
  await writeFile(join(base, 'app', 'out', 'renderer', 'index.html'), '<!doctype html><p>app</p>');
  await writeFile(join(base, 'app', 'package.json'), JSON.stringify({ name: 'app' }));
  await mkdir(documents);
});

afterEach(async () => {
  // Let each app quit the way it would (flushing its log) before its folders are removed.
  for (const app of running.splice(0)) await app.closeAllWindows();
  await rm(base, { recursive: true, force: true });
});

/**
 * The Electron API startMainProcess is given, as a fake: each call it makes is appended to
 * `calls`, and what it registers (handlers, listeners, windows, menus) is kept to be called.
 */
function recordingElectron(config: FakeConfig) {
  const calls: string[] = [];
  const record = (call: string) => void calls.push(call);
  const switches = new Map(Object.entries(config.switches ?? {}));
  const paths = new Map<string, string>();
  const appListeners = new Map<string, Listener[]>();
  const windows: FakeWindow[] = [];
  const menus: Array<readonly MenuItemConstructorOptions[] | null> = [];
  const errorBoxes: string[] = [];
  const privilegedSchemes: CustomScheme[][] = [];
  const protocolHandlers = new Map<string, ProtocolHandler>();
  const ipcHandlers = new Map<string, Listener>();
  const hardened: {
    spellChecker?: boolean;
    permissionRequest?: PermissionRequestHandler;
    requestFilter?: { urls: string[] };
    beforeRequest?: BeforeRequestListener;
  } = {};

  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const app = {
    isPackaged: config.isPackaged,
    getAppPath: () => config.appPath,
    getName: () => APP_NAME,
    getVersion: () => '0.1.0',
    getSystemLocale: () => 'az-AZ',
    getLocale: () => 'az',
    getPath: (name: string) => {
      const set = paths.get(name);
      if (set !== undefined) return set;
      if (name === 'appData') return appData;
      if (name === 'documents') return documents;
      // Chromium takes userData from its own --user-data-dir switch before main runs.
      if (name === 'userData') return switches.get('user-data-dir') ?? join(appData, APP_NAME);
      throw new Error(`app.getPath('${name}') is not expected`);
    },
    setPath: (name: string, value: string) => {
      record(`app.setPath ${name}`);
      paths.set(name, value);
    },
    commandLine: {
      getSwitchValue: (name: string) => switches.get(name) ?? '',
      hasSwitch: (name: string) => switches.has(name),
      removeSwitch: (name: string) => {
        record(`app.commandLine.removeSwitch ${name}`);
        switches.delete(name);
      },
    },
    enableSandbox: () => record('app.enableSandbox'),
    requestSingleInstanceLock: () => {
      record('app.requestSingleInstanceLock');
      return config.hasLock ?? true;
    },
    quit: () => record('app.quit'),
    exit: (code: number) => record(`app.exit ${code}`),
    on: (event: string, listener: Listener) => {
      record(`app.on ${event}`);
      appListeners.set(event, [...(appListeners.get(event) ?? []), listener]);
      return app;
    },
    whenReady: () => ready,
  };

  class BrowserWindow {
    private destroyed = false;
    private readonly record: FakeWindow;
    readonly webContents = {
      on: () => this.webContents,
      reload: () => undefined,
      printToPDF: () => Promise.resolve(Buffer.from(ONE_PAGE_PDF, 'latin1')),
    };

    constructor(options: BrowserWindowConstructorOptions) {
      record('new BrowserWindow');
      this.record = { options, loaded: [], isDestroyed: () => this.destroyed, calls: [] };
      windows.push(this.record);
    }

    on() {
      return this;
    }
    once() {
      return this;
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
    getNormalBounds() {
      return DISPLAY.workArea;
    }
    isMaximized() {
      return false;
    }
    isMinimized() {
      return true;
    }
    restore() {
      this.record.calls.push('restore');
    }
    show() {
      this.record.calls.push('show');
    }
    focus() {
      this.record.calls.push('focus');
    }
  }

  const defaultSession = {
    setSpellCheckerEnabled: (enable: boolean) => {
      record(`session.setSpellCheckerEnabled ${String(enable)}`);
      hardened.spellChecker = enable;
    },
    setPermissionRequestHandler: (handler: PermissionRequestHandler) => {
      record('session.setPermissionRequestHandler');
      hardened.permissionRequest = handler;
    },
    setPermissionCheckHandler: () => record('session.setPermissionCheckHandler'),
    setDevicePermissionHandler: () => record('session.setDevicePermissionHandler'),
    webRequest: {
      onBeforeRequest: (filter: { urls: string[] }, listener: BeforeRequestListener) => {
        record('session.webRequest.onBeforeRequest');
        hardened.requestFilter = filter;
        hardened.beforeRequest = listener;
      },
    },
    protocol: {
      handle: (scheme: string, handler: ProtocolHandler) => {
        record(`session.protocol.handle ${scheme}`);
        protocolHandlers.set(scheme, handler);
      },
    },
  };

  const electron = {
    app,
    BrowserWindow,
    screen: {
      getPrimaryDisplay: () => {
        if (config.isScreenBroken) throw new Error('No display is attached');
        return DISPLAY;
      },
      getAllDisplays: () => [DISPLAY],
    },
    session: { defaultSession },
    protocol: {
      registerSchemesAsPrivileged: (schemes: CustomScheme[]) => {
        record('protocol.registerSchemesAsPrivileged');
        privilegedSchemes.push(schemes);
      },
    },
    ipcMain: {
      handle: (channel: string, listener: Listener) => {
        record(`ipcMain.handle ${channel}`);
        ipcHandlers.set(channel, listener);
      },
    },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }),
      setApplicationMenu: (menu: { template: MenuItemConstructorOptions[] } | null) => {
        record('Menu.setApplicationMenu');
        menus.push(menu === null ? null : menu.template);
      },
    },
    dialog: {
      showSaveDialog: (_window: unknown, options: { defaultPath?: string }) =>
        Promise.resolve({ canceled: false, filePath: options.defaultPath }),
      showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
      showErrorBox: (title: string, content: string) => errorBoxes.push(`${title}: ${content}`),
    },
    shell: { openPath: () => Promise.resolve('') },
  };

  const emit = (event: string, ...args: unknown[]) => {
    const listeners = appListeners.get(event) ?? [];
    expect(listeners, `an app '${event}' listener`).not.toHaveLength(0);
    for (const listener of listeners) listener(...args);
  };

  return {
    electron: electron as unknown as ElectronMain,
    calls,
    paths,
    switches,
    windows,
    menus,
    errorBoxes,
    privilegedSchemes,
    protocolHandlers,
    ipcHandlers,
    hardened,
    emit,
    becomeReady: () => {
      record('ready');
      markReady();
    },
    /** A request as the renderer's bridge sends it, from a frame at `senderUrl`. */
    invoke: (channel: string, input: unknown, senderUrl: string | null = APP_ENTRY_URL) => {
      const handler = ipcHandlers.get(channel);
      expect(handler, `an ipcMain handler for ${channel}`).toBeDefined();
      return handler?.({ senderFrame: senderUrl === null ? null : { url: senderUrl } }, input);
    },
    closeAllWindows: async () => {
      if (!appListeners.has('window-all-closed') || calls.includes('app.quit')) return;
      emit('window-all-closed');
      await vi.waitFor(() => expect(calls).toContain('app.quit'));
    },
  };
}

function host(overrides: Partial<MainProcessHost> = {}): MainProcessHost {
  return {
    platform: 'linux',
    env: {},
    hostName: 'officer-laptop',
    versions: { electron: '45.5.0', chrome: '142.0.0.0' },
    resourcesPath: join(base, 'resources'),
    mainFolder,
    echo: vi.fn(),
    ...overrides,
  };
}

/** Runs the startup sequence: everything before ready, then ready, then until the window is open. */
async function start(config: FakeConfig, hostOverrides: Partial<MainProcessHost> = {}) {
  const fake = recordingElectron(config);
  running.push(fake);
  const started = startMainProcess(fake.electron, host(hostOverrides));
  const beforeReady = [...fake.calls];
  fake.becomeReady();
  await started;
  return { ...fake, beforeReady };
}

const packaged = (overrides: Partial<FakeConfig> = {}): FakeConfig => ({
  isPackaged: true,
  appPath: join(base, 'app'),
  ...overrides,
});
const development = (overrides: Partial<FakeConfig> = {}): FakeConfig => ({
  isPackaged: false,
  appPath: join(base, 'app'),
  ...overrides,
});

async function writePolicy(settings: Record<string, unknown>): Promise<string> {
  const file = join(base, 'test-policy.json');
  await writeFile(file, JSON.stringify({ version: 1, settings }));
  return file;
}

function beforeRequest(app: Awaited<ReturnType<typeof start>>, url: string) {
  const callback = vi.fn();
  app.hardened.beforeRequest?.({ url, method: 'GET' }, callback);
  return callback.mock.calls[0]?.[0] as { cancel?: boolean } | undefined;
}

describe('startMainProcess: before the app is ready', () => {
  it('sandboxes every renderer and makes app:// a privileged scheme, before ready', async () => {
    const app = await start(packaged());
    expect(app.beforeReady).toContain('app.enableSandbox');
    expect(app.beforeReady).toContain('protocol.registerSchemesAsPrivileged');
    expect(app.privilegedSchemes).toEqual([[{ scheme: 'app', privileges: APP_SCHEME_PRIVILEGES }]]);
  });

  it('sets userData and sessionData before the single-instance lock, which lives there', async () => {
    const app = await start(packaged());
    const lock = app.calls.indexOf('app.requestSingleInstanceLock');
    expect(app.calls.indexOf('app.setPath userData')).toBeGreaterThanOrEqual(0);
    expect(app.calls.indexOf('app.setPath userData')).toBeLessThan(lock);
    expect(app.calls.indexOf('app.setPath sessionData')).toBeLessThan(lock);
    expect(app.paths.get('userData')).toBe(join(appData, APP_NAME));
    expect(app.paths.get('sessionData')).toBe(join(appData, APP_NAME));
  });

  it('lets a second instance quit at once, opening nothing and answering nothing', async () => {
    const app = await start(packaged({ hasLock: false }));
    expect(app.calls).toContain('app.quit');
    expect(app.windows).toEqual([]);
    expect(app.ipcHandlers.size).toBe(0);
    expect(app.calls.filter((call) => call.startsWith('session.'))).toEqual([]);
  });

  it('guards every WebContents the app will create, from before ready', async () => {
    const app = await start(packaged());
    expect(app.beforeReady).toContain('app.on web-contents-created');
    const listeners = new Map<string, Listener>();
    let openHandler: Listener | undefined;
    const closeDevTools = vi.fn();
    const contents = {
      on: (event: string, listener: Listener) => listeners.set(event, listener),
      setWindowOpenHandler: (handler: Listener) => (openHandler = handler),
      closeDevTools,
    };
    app.emit('web-contents-created', {}, contents);
    expect(openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    const navigation = { url: 'https://example.org/', preventDefault: vi.fn() };
    listeners.get('will-navigate')?.(navigation);
    expect(navigation.preventDefault).toHaveBeenCalledOnce();
    listeners.get('devtools-opened')?.();
    expect(closeDevTools).toHaveBeenCalledOnce();
  });

  it('strips the switches that would open the DevTools protocol of a packaged build', async () => {
    const switches = { 'remote-debugging-port': '9222', 'remote-debugging-pipe': '' };
    const app = await start(packaged({ switches }));
    for (const name of REMOTE_DEBUGGING_SWITCHES) {
      expect(app.beforeReady).toContain(`app.commandLine.removeSwitch ${name}`);
    }
    expect(app.switches.size).toBe(0);
  });
});

describe('startMainProcess: once ready', () => {
  it('hardens the default session before the window opens', async () => {
    const app = await start(packaged());
    const window = app.calls.indexOf('new BrowserWindow');
    for (const call of [
      'session.setSpellCheckerEnabled false',
      'session.setPermissionRequestHandler',
      'session.setPermissionCheckHandler',
      'session.setDevicePermissionHandler',
      'session.webRequest.onBeforeRequest',
    ]) {
      expect(app.calls.indexOf(call), call).toBeGreaterThan(app.calls.indexOf('ready'));
      expect(app.calls.indexOf(call), call).toBeLessThan(window);
    }
    expect(app.hardened.requestFilter).toEqual({ urls: ['<all_urls>'] });
    expect(beforeRequest(app, 'https://example.org/')).toEqual({ cancel: true });
    expect(beforeRequest(app, 'devtools://devtools/bundled/inspector.html')).toEqual({
      cancel: true,
    });
    expect(beforeRequest(app, 'app://registry/index.html')).toEqual({ cancel: false });
    const callback = vi.fn();
    app.hardened.permissionRequest?.(
      {} as unknown as Parameters<PermissionRequestHandler>[0],
      'media',
      callback,
      { requestingUrl: APP_ENTRY_URL } as Parameters<PermissionRequestHandler>[3],
    );
    expect(callback).toHaveBeenCalledWith(false);
  });

  it('serves the built renderer on app://registry from the default session', async () => {
    const app = await start(packaged());
    const serve = app.protocolHandlers.get('app');
    expect(serve).toBeDefined();
    const response = await serve?.(new Request('app://registry/index.html'));
    expect(response?.status).toBe(200);
    expect(await response?.text()).toBe('<!doctype html><p>app</p>');
    expect(response?.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('answers every contract channel, only for the app’s own frames', async () => {
    const app = await start(packaged());
    expect([...app.ipcHandlers.keys()].sort()).toEqual(Object.keys(ipcContract).sort());
    for (const sender of ['https://evil.example/', 'file:///tmp/page.html', null]) {
      expect(await app.invoke('app:info', undefined, sender)).toMatchObject({
        ok: false,
        error: { code: 'forbidden-sender' },
      });
    }
    expect(await app.invoke('app:info', undefined)).toEqual({
      ok: true,
      value: {
        appVersion: '0.1.0',
        electronVersion: '45.5.0',
        chromeVersion: '142.0.0.0',
        platform: 'linux',
        isPackaged: true,
        dataFolder: join(appData, APP_NAME),
        systemLocale: 'az-AZ',
      },
    });
  });

  it('opens one window: secure web preferences, DevTools off, the preload, app://registry', async () => {
    const app = await start(packaged());
    expect(app.windows).toHaveLength(1);
    const [window] = app.windows;
    expect(window?.options.webPreferences).toEqual({
      ...SECURE_WEB_PREFERENCES,
      devTools: false,
      preload: join(base, 'app', 'out', 'preload', 'index.js'),
    });
    expect(window?.options.show).toBe(false);
    expect(window?.loaded).toEqual([APP_ENTRY_URL]);
    expect(app.errorBoxes).toEqual([]);
  });

  it('prints briefing packs in a hidden window without DevTools or JavaScript, then closes it', async () => {
    const app = await start(packaged());
    const result = await app.invoke('briefing:save-pdf', {
      title: 'Save the briefing pack',
      defaultName: 'IOM briefing.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      html: '<p>IOM</p>',
      parts: ['<p>IOM</p>'],
      headerTemplate: '<span></span>',
      footerTemplate: '<span></span>',
    });
    expect(result).toEqual({ ok: true, value: { name: 'IOM briefing.pdf', pageCount: 1 } });
    const print = app.windows[1];
    expect(print?.options.webPreferences).toEqual({
      ...SECURE_WEB_PREFERENCES,
      devTools: false,
      javascript: false,
    });
    expect(print?.loaded).toEqual([
      expect.stringMatching(/^app:\/\/registry\/print\/[0-9a-f-]{36}$/),
    ]);
    expect(print?.isDestroyed()).toBe(true);
    expect(await readdir(documents)).toEqual(['IOM briefing.pdf']);
  });

  it.each(['linux', 'win32'] as const)(
    'has no application menu on %s, so no Reload or Toggle Developer Tools',
    async (platform) => {
      const app = await start(packaged(), { platform });
      expect(app.menus).toEqual([null]);
    },
  );

  it('keeps only the app, Edit and Window menus on macOS, so copy and paste still work', async () => {
    const app = await start(packaged(), { platform: 'darwin' });
    expect(app.menus).toEqual([PACKAGED_MAC_MENU]);
    const roles = PACKAGED_MAC_MENU.map((item) => item.role);
    expect(roles).toEqual(['appMenu', 'editMenu', 'windowMenu']);
  });

  it('quits once the window is closed, after the log is written', async () => {
    const app = await start(packaged());
    expect(app.calls).not.toContain('app.quit');
    await app.closeAllWindows();
    expect(app.calls).toContain('app.quit');
  });

  it('brings the window to the front when the app is started again', async () => {
    const app = await start(packaged());
    app.emit('second-instance');
    expect(app.windows[0]?.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('shows an error box and exits when the start fails, instead of hanging without a window', async () => {
    const app = await start(packaged({ isScreenBroken: true }));
    expect(app.errorBoxes).toEqual([
      expect.stringContaining('Cooperation Registry could not start: No display is attached'),
    ]);
    expect(app.calls).toContain('app.exit 1');
  });
});

describe('startMainProcess in development', () => {
  it('keeps DevTools, devtools: pages and Electron’s default menu', async () => {
    const app = await start(development());
    expect(app.windows[0]?.options.webPreferences?.devTools).toBe(true);
    expect(app.menus).toEqual([]);
    expect(beforeRequest(app, 'devtools://devtools/bundled/inspector.html')).toEqual({
      cancel: false,
    });
    expect(app.calls.filter((call) => call.includes('removeSwitch'))).toEqual([]);
  });

  it('treats an app loaded from app.asar as packaged, whatever its executable is called', async () => {
    const app = await start(development({ appPath: join(base, 'resources', 'app.asar') }));
    expect(app.windows[0]?.options.webPreferences?.devTools).toBe(false);
    expect(app.menus).toEqual([null]);
    expect(await app.invoke('app:info', undefined)).toMatchObject({
      ok: true,
      value: { isPackaged: true },
    });
  });
});

describe('startMainProcess and the machine policy', () => {
  it('refuses a registry change under an enforced read-only policy, whatever the renderer asks', async () => {
    const policyFile = await writePolicy({ readOnly: { value: true, enforced: true } });
    const app = await start(development(), { env: { [DEVELOPMENT_POLICY_VARIABLE]: policyFile } });
    expect(await app.invoke('sample:read', undefined)).toMatchObject({
      ok: false,
      error: { code: 'policy-forbids' },
    });
  });

  it('puts userData and sessionData (IndexedDB) in an enforced dataFolder, over --user-data-dir', async () => {
    const policyFolder = join(base, 'policy-data');
    const commandLineFolder = join(base, 'my-own-folder');
    const policyFile = await writePolicy({ dataFolder: { value: policyFolder, enforced: true } });
    const app = await start(development({ switches: { 'user-data-dir': commandLineFolder } }), {
      env: { [DEVELOPMENT_POLICY_VARIABLE]: policyFile },
    });
    expect(app.paths.get('userData')).toBe(policyFolder);
    expect(app.paths.get('sessionData')).toBe(policyFolder);
    await app.invoke('device:get', undefined);
    expect(await readdir(policyFolder)).toContain('device.json');
    expect(existsSync(commandLineFolder)).toBe(false);
    expect(await app.invoke('policy:get', undefined)).toMatchObject({
      ok: true,
      value: {
        dataLocations: {
          dataFolder: policyFolder,
          source: 'policy',
          problem: expect.stringContaining('--user-data-dir') as unknown,
        },
      },
    });
  });

  it('falls back from an enforced folder that cannot be made to Electron’s default, not --user-data-dir', async () => {
    const notAFolder = join(base, 'not-a-folder');
    await writeFile(notAFolder, '');
    const policyFile = await writePolicy({
      dataFolder: { value: join(notAFolder, 'data'), enforced: true },
    });
    const app = await start(
      development({ switches: { 'user-data-dir': join(base, 'my-own-folder') } }),
      { env: { [DEVELOPMENT_POLICY_VARIABLE]: policyFile } },
    );
    expect(app.paths.get('userData')).toBe(join(appData, APP_NAME));
    expect(app.paths.get('sessionData')).toBe(join(appData, APP_NAME));
  });

  it('ignores the development policy file in a packaged build', async () => {
    const policyFile = await writePolicy({ readOnly: { value: true, enforced: true } });
    const app = await start(packaged(), { env: { [DEVELOPMENT_POLICY_VARIABLE]: policyFile } });
    const report = await app.invoke('policy:get', undefined);
    expect(report).toMatchObject({ ok: true, value: { source: { path: LINUX_POLICY_FILE } } });
    expect(report).not.toMatchObject({ value: { settings: { readOnly: { value: true } } } });
  });

  it('keeps an installed build’s data where it was when a user sets PORTABLE_EXECUTABLE_DIR', async () => {
    const stick = join(base, 'stick');
    const app = await start(packaged(), {
      platform: 'win32',
      env: { PORTABLE_EXECUTABLE_DIR: stick },
    });
    expect(app.paths.get('userData')).toBe(join(appData, APP_NAME));
    expect(existsSync(stick)).toBe(false);
  });

  it('keeps the portable build’s data beside its .exe', async () => {
    const stick = join(base, 'stick');
    await writeFile(
      join(base, 'app', 'package.json'),
      JSON.stringify({ name: 'app', [PORTABLE_BUILD_FIELD]: true }),
    );
    const app = await start(packaged(), {
      platform: 'win32',
      env: { PORTABLE_EXECUTABLE_DIR: stick },
    });
    expect(app.paths.get('userData')).toBe(join(stick, PORTABLE_DATA_FOLDER));
    expect(app.paths.get('sessionData')).toBe(join(stick, PORTABLE_DATA_FOLDER));
  });
});
