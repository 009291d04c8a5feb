import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { App, IpcMain, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { ipcContract } from '@shared/ipc/contract';
import { createDispatcher, type IpcHandlers } from '../ipc/dispatcher';
import { handle } from '../ipc/handle';
import { APP_RESPONSE_HEADERS, APP_SCHEME_PRIVILEGES } from '../protocol/appProtocol';
import { mainWindowOptions } from '../window/mainWindowOptions';
import { PrintPages } from '../protocol/printPages';
import { printWindowOptions } from '../window/printWindowOptions';
import { APP_ENTRY_URL, isAppOrigin } from './appOrigin';
import { guardAllWebContents, guardWebContents, hardenSession } from './hardenSession';
import type { DevToolsRule } from './policy';

/**
 * The security suite: every hardening setting of the main process, checked on the objects Electron
 * is given (window options, session handlers, protocol headers, IPC wiring). Removing or loosening
 * any one of them makes a test here fail. That main really applies them, in order, is proven by
 * startMainProcess.test.ts, which runs the startup sequence against a recording Electron. The
 * protocol's path handling and the dispatcher's sender check have their own detailed suites
 * (appProtocol.test.ts, dispatcher.test.ts); policy.test.ts covers the URL rules these handlers
 * apply.
 */

const PACKAGED: DevToolsRule = { isDevToolsAllowed: false };
const DEVELOPMENT: DevToolsRule = { isDevToolsAllowed: true };

const SRC = resolve(import.meta.dirname, '../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(SRC, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => join(SRC, folder, file));
}

const MAIN_AND_PRELOAD = [...sourceFiles('main'), ...sourceFiles('preload')];
const read = (file: string) => readFileSync(file, 'utf8');
const name = (file: string) => relative(SRC, file);

describe('window options', () => {
  const bounds = { x: 10, y: 20, width: 1280, height: 800 };
  const options = mainWindowOptions(bounds, '/app/preload.js', PACKAGED);

  it('isolate, sandbox and strip Node from the renderer, with only the typed preload', () => {
    expect(options.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: false,
      preload: '/app/preload.js',
    });
  });

  it('allow DevTools in development only', () => {
    expect(mainWindowOptions(bounds, '/app/preload.js', DEVELOPMENT).webPreferences).toEqual({
      ...options.webPreferences,
      devTools: true,
    });
  });

  it('open hidden until the first paint, at the given bounds', () => {
    expect(options).toMatchObject({ x: 10, y: 20, width: 1280, height: 800, show: false });
  });

  it('are the only way a window is made: no other BrowserWindow, view or webPreferences', () => {
    const windows: string[] = [];
    for (const file of MAIN_AND_PRELOAD) {
      const text = read(file);
      for (const match of text.matchAll(/new\s+BrowserWindow\s*\(\s*([A-Za-z]*)/g)) {
        windows.push(`${name(file)}: ${match[1] ?? ''}`);
      }
      expect(text, name(file)).not.toMatch(/new\s+(BrowserView|WebContentsView)\b/);
      if (
        !file.endsWith('mainWindowOptions.ts') &&
        !file.endsWith('printWindowOptions.ts') &&
        !file.endsWith('security/policy.ts')
      ) {
        expect(text, name(file)).not.toMatch(/webPreferences\s*:/);
      }
    }
    expect(windows).toEqual([
      `${join('main', 'window', 'electronPrintToPdf.ts')}: printWindowOptions`,
      `${join('main', 'window', 'mainWindow.ts')}: mainWindowOptions`,
    ]);
  });

  it('the briefing print window is hidden, sandboxed, runs no JavaScript and has no preload', () => {
    const print = printWindowOptions(PACKAGED);
    expect(print.show).toBe(false);
    expect(print.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      devTools: false,
    });
    expect(printWindowOptions(DEVELOPMENT).webPreferences?.devTools).toBe(true);
    expect(print.webPreferences?.preload).toBeUndefined();
    const page = new PrintPages().add('<p>ə</p>');
    expect(page.url).toMatch(/^app:\/\/registry\/print\/[0-9a-f-]{36}$/);
  });

  it('are never loosened anywhere in main or preload', () => {
    const loosening = [
      /nodeIntegration\w*\s*:\s*true/,
      /contextIsolation\s*:\s*false/,
      /sandbox\s*:\s*false/,
      /webSecurity\s*:\s*false/,
      /webviewTag\s*:\s*true/,
      /allowRunningInsecureContent\s*:\s*true/,
      /experimentalFeatures\s*:\s*true/,
      /enableBlinkFeatures/,
      /bypassCSP\s*:\s*true/,
      /\.loadFile\s*\(/,
      /pathToFileURL/,
      /\.handle\(\s*'file'/,
      /disable-web-security|no-sandbox|ignore-certificate-errors/,
    ];
    for (const file of MAIN_AND_PRELOAD) {
      const text = read(file);
      for (const pattern of loosening)
        expect(text, `${name(file)} ${String(pattern)}`).not.toMatch(pattern);
    }
  });

  it('load nothing but the app entry page', () => {
    const loads = MAIN_AND_PRELOAD.flatMap((file) =>
      [...read(file).matchAll(/\.loadURL\s*\(\s*([^,)]*)/g)].map(
        (m) => `${name(file)}: ${m[1] ?? ''}`,
      ),
    );
    expect(loads).toEqual([
      `${join('main', 'window', 'electronPrintToPdf.ts')}: page.url`,
      `${join('main', 'window', 'mainWindow.ts')}: APP_ENTRY_URL`,
    ]);
    expect(APP_ENTRY_URL).toBe('app://registry/index.html');
  });
});

describe('the CSP and headers app:// sends', () => {
  const directives = new Map(
    (APP_RESPONSE_HEADERS['Content-Security-Policy'] ?? '').split(';').map((directive) => {
      const [key = '', ...values] = directive.trim().split(/\s+/);
      return [key, values.join(' ')] as const;
    }),
  );

  it('allow only the app’s own files: no network, no eval, no inline script, no framing', () => {
    expect(Object.fromEntries(directives)).toEqual({
      'default-src': "'none'",
      // WebAssembly compiles (Argon2id for bundles); eval() and new Function() stay refused.
      'script-src': "'self' 'wasm-unsafe-eval'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'font-src': "'self' data:",
      'connect-src': "'self'",
      'worker-src': "'self' blob:",
      'manifest-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-src': "'none'",
      'frame-ancestors': "'none'",
    });
  });

  it('come with nosniff, no referrer and same-origin isolation', () => {
    expect(APP_RESPONSE_HEADERS).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
    expect(Object.isFrozen(APP_RESPONSE_HEADERS)).toBe(true);
  });

  it('are never bypassed: app:// is secure and standard, without CSP bypass, CORS or workers', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      codeCache: true,
      corsEnabled: false,
      bypassCSP: false,
      allowServiceWorkers: false,
      stream: false,
    });
  });
});

type PermissionRequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
type PermissionCheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;
type DevicePermissionHandler = NonNullable<Parameters<Session['setDevicePermissionHandler']>[0]>;
type BeforeRequestListener = (
  details: { url: string; method: string },
  callback: (response: { cancel?: boolean }) => void,
) => void;

/** A Session that records what hardenSession registers, so the handlers can be called. */
function fakeSession(devTools: DevToolsRule = PACKAGED) {
  const recorded: {
    spellChecker?: boolean;
    permissionRequest?: PermissionRequestHandler;
    permissionCheck?: PermissionCheckHandler;
    devicePermission?: DevicePermissionHandler;
    requestFilter?: { urls: string[] };
    beforeRequest?: BeforeRequestListener;
  } = {};
  const session = {
    setSpellCheckerEnabled: (enable: boolean) => (recorded.spellChecker = enable),
    setPermissionRequestHandler: (handler: PermissionRequestHandler) =>
      (recorded.permissionRequest = handler),
    setPermissionCheckHandler: (handler: PermissionCheckHandler) =>
      (recorded.permissionCheck = handler),
    setDevicePermissionHandler: (handler: DevicePermissionHandler) =>
      (recorded.devicePermission = handler),
    webRequest: {
      onBeforeRequest: (filter: { urls: string[] }, listener: BeforeRequestListener) => {
        recorded.requestFilter = filter;
        recorded.beforeRequest = listener;
      },
    },
  };
  const log = vi.fn();
  hardenSession(session as unknown as Session, log, devTools);
  return { recorded, log };
}

describe('hardenSession', () => {
  const contents = fakeWebContents().contents;

  function request(permission: Parameters<PermissionRequestHandler>[1], requestingUrl: string) {
    const { recorded, log } = fakeSession();
    const callback = vi.fn();
    const details = { requestingUrl, isMainFrame: true } as Parameters<PermissionRequestHandler>[3];
    recorded.permissionRequest!(contents, permission, callback, details);
    return { callback, log };
  }

  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'display-capture',
    'hid',
    'serial',
    'usb',
    'openExternal',
    'fileSystem',
    'midiSysex',
    'pointerLock',
    'unknown',
  ] as const)('denies a %s request, even from the app itself, and logs it', (permission) => {
    const { callback, log } = request(permission, 'app://registry/index.html');
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    expect(log).toHaveBeenCalledWith(`Refused permission request: ${permission}`);
  });

  it('grants persistent storage to app://registry only', () => {
    expect(
      request('persistent-storage', 'app://registry/index.html').callback,
    ).toHaveBeenCalledWith(true);
    expect(request('persistent-storage', 'https://evil.example/').callback).toHaveBeenCalledWith(
      false,
    );
    expect(request('persistent-storage', 'app://registry.evil/').callback).toHaveBeenCalledWith(
      false,
    );
  });

  it('answers permission checks the same way, without logging', () => {
    const { recorded, log } = fakeSession();
    const details = {} as Parameters<PermissionCheckHandler>[3];
    const check = recorded.permissionCheck!;
    expect(check(contents, 'media', 'app://registry', details)).toBe(false);
    expect(check(null, 'notifications', 'app://registry', details)).toBe(false);
    expect(check(contents, 'persistent-storage', 'app://registry', details)).toBe(true);
    expect(check(contents, 'persistent-storage', 'https://evil.example', details)).toBe(false);
    expect(log).not.toHaveBeenCalled();
  });

  it('denies every device (USB, HID, serial)', () => {
    const { recorded } = fakeSession();
    for (const deviceType of ['usb', 'hid', 'serial'] as const) {
      const details = {
        deviceType,
        origin: 'app://registry',
      } as Parameters<DevicePermissionHandler>[0];
      expect(recorded.devicePermission!(details)).toBe(false);
    }
  });

  it('watches every request and cancels any that leaves the app', () => {
    const { recorded, log } = fakeSession();
    expect(recorded.requestFilter).toEqual({ urls: ['<all_urls>'] });
    const decide = (url: string) => {
      const callback = vi.fn();
      recorded.beforeRequest!({ url, method: 'GET' }, callback);
      return callback.mock.calls[0]?.[0] as { cancel?: boolean } | undefined;
    };
    for (const url of [
      'https://example.org/',
      'http://127.0.0.1:8080/',
      'ws://localhost/',
      'wss://example.org/',
      'file:///etc/passwd',
      'ftp://example.org/',
      'app://evil/index.html',
    ]) {
      expect(decide(url), url).toEqual({ cancel: true });
    }
    expect(log).toHaveBeenCalledWith('Blocked request: GET https://example.org/');
    for (const url of [
      'app://registry/assets/index.js',
      'data:image/png;base64,AAAA',
      'blob:app://registry/1',
    ]) {
      expect(decide(url), url).toEqual({ cancel: false });
    }
  });

  it('refuses devtools: requests in a packaged build, and allows them in development', () => {
    const decide = (devTools: DevToolsRule) => {
      const { recorded } = fakeSession(devTools);
      const callback = vi.fn();
      recorded.beforeRequest!(
        { url: 'devtools://devtools/bundled/inspector.html', method: 'GET' },
        callback,
      );
      return callback.mock.calls[0]?.[0] as { cancel?: boolean } | undefined;
    };
    expect(decide(PACKAGED)).toEqual({ cancel: true });
    expect(decide(DEVELOPMENT)).toEqual({ cancel: false });
  });

  it('turns the built-in spellchecker off, which would download dictionaries', () => {
    expect(fakeSession().recorded.spellChecker).toBe(false);
  });
});

type Listener = (...args: unknown[]) => unknown;

/** A WebContents that records the listeners and window-open handler guardWebContents installs. */
function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: Listener | undefined;
  const closeDevTools = vi.fn();
  const contents = {
    on: (event: string, listener: Listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler: (handler: Listener) => {
      openHandler = handler;
    },
    closeDevTools,
  };
  const emit = (event: string, ...args: unknown[]) => {
    const registered = listeners.get(event) ?? [];
    expect(registered, `a ${event} listener`).not.toHaveLength(0);
    for (const listener of registered) listener(...args);
  };
  return {
    contents: contents as unknown as WebContents,
    emit,
    listeners,
    closeDevTools,
    openWindow: (url: string) => openHandler?.({ url, frameName: '', features: '' }),
  };
}

describe('guardWebContents', () => {
  function navigate(event: string, url: string) {
    const fake = fakeWebContents();
    const log = vi.fn();
    guardWebContents(fake.contents, log, PACKAGED);
    const navigation = { url, preventDefault: vi.fn() };
    fake.emit(event, navigation, url);
    return { preventDefault: navigation.preventDefault, log };
  }

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])(
    'stops %s away from the app',
    (event) => {
      for (const url of [
        'https://example.org/',
        'file:///C:/Windows/win.ini',
        'data:text/html,<script>alert(1)</script>',
        'javascript:alert(1)',
        'app://registry.evil/index.html',
      ]) {
        const { preventDefault, log } = navigate(event, url);
        expect(preventDefault, `${event} ${url}`).toHaveBeenCalledOnce();
        expect(log).toHaveBeenCalledOnce();
      }
    },
  );

  it('lets the app move between its own pages', () => {
    expect(
      navigate('will-navigate', 'app://registry/partners/1').preventDefault,
    ).not.toHaveBeenCalled();
  });

  it('never opens a new window, not even for the app’s own pages', () => {
    const fake = fakeWebContents();
    guardWebContents(fake.contents, vi.fn(), PACKAGED);
    for (const url of ['https://example.org/', 'app://registry/index.html', 'about:blank']) {
      expect(fake.openWindow(url), url).toEqual({ action: 'deny' });
    }
  });

  it('refuses to attach a <webview>', () => {
    const fake = fakeWebContents();
    guardWebContents(fake.contents, vi.fn(), PACKAGED);
    const event = { preventDefault: vi.fn() };
    fake.emit('will-attach-webview', event, {}, { src: 'https://example.org/' });
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('closes DevTools the moment they open in a packaged build, and logs it', () => {
    const fake = fakeWebContents();
    const log = vi.fn();
    guardWebContents(fake.contents, log, PACKAGED);
    fake.emit('devtools-opened');
    expect(fake.closeDevTools).toHaveBeenCalledOnce();
    expect(log).toHaveBeenCalledWith('Closed DevTools: a packaged build has none');
  });

  it('leaves DevTools open in development', () => {
    const fake = fakeWebContents();
    guardWebContents(fake.contents, vi.fn(), DEVELOPMENT);
    expect(fake.listeners.has('devtools-opened')).toBe(false);
  });

  it('is installed on every WebContents the app creates, by guardAllWebContents', () => {
    let onCreated: Listener | undefined;
    const app = {
      on: (event: string, listener: Listener) => {
        if (event === 'web-contents-created') onCreated = listener;
      },
    };
    guardAllWebContents(app as unknown as App, vi.fn(), PACKAGED);
    const fake = fakeWebContents();
    onCreated?.({}, fake.contents);
    expect(fake.openWindow('https://example.org/')).toEqual({ action: 'deny' });
  });
});

describe('IPC as Electron delivers it', () => {
  function wire() {
    const registered = new Map<string, Listener>();
    const ipcMain = {
      handle: (channel: string, listener: Listener) => registered.set(channel, listener),
    };
    const spy = vi.fn(() => ({ uiLanguage: null }));
    const dispatch = createDispatcher({
      handlers: { 'settings:get': spy } as unknown as IpcHandlers,
      isTrustedSender: isAppOrigin,
      logError: vi.fn(),
    });
    handle(ipcMain as unknown as IpcMain, dispatch);
    const invoke = (channel: string, senderFrame: { url: string } | null) =>
      registered.get(channel)?.({ senderFrame }, undefined);
    return { registered, invoke, spy };
  }

  it('registers every channel of the contract, and nothing else', () => {
    expect([...wire().registered.keys()].sort()).toEqual(Object.keys(ipcContract).sort());
  });

  it('refuses frames that are not the app, and frames already gone, without running the handler', async () => {
    const { invoke, spy } = wire();
    for (const frame of [{ url: 'https://evil.example/' }, { url: 'file:///tmp/x.html' }, null]) {
      expect(await invoke('settings:get', frame)).toMatchObject({
        ok: false,
        error: { code: 'forbidden-sender' },
      });
    }
    expect(spy).not.toHaveBeenCalled();
    expect(await invoke('settings:get', { url: 'app://registry/settings' })).toEqual({
      ok: true,
      value: { uiLanguage: null },
    });
  });
});

describe('preload', () => {
  const preload = read(join(SRC, 'preload', 'index.ts'));

  it('exposes only the typed bridge to the page, never ipcRenderer itself', () => {
    const exposures = [...preload.matchAll(/exposeInMainWorld\(\s*'([^']+)'/g)].map((m) => m[1]);
    expect(exposures).toEqual(['registry']);
    expect(preload).toMatch(
      /buildRegistryBridge\(\(channel, input\) => ipcRenderer\.invoke\(channel, input\)\)/,
    );
    expect(preload).not.toMatch(/ipcRenderer\.(on|once|send|sendSync|postMessage)\b/);
  });
});
