import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isAppOrigin } from './appOrigin';
import {
  canNavigate,
  isAllowedExternalUrl,
  isPermissionGranted,
  SECURE_WEB_PREFERENCES,
  secureWebPreferences,
  shouldBlockRequest,
} from './policy';

const PACKAGED = { isDevToolsAllowed: false };
const DEVELOPMENT = { isDevToolsAllowed: true };

describe('shouldBlockRequest', () => {
  it.each([
    'http://example.org/',
    'https://example.org/tracker.js',
    'http://127.0.0.1:5173/',
    'ws://localhost:8080/',
    'wss://example.org/socket',
    'ftp://example.org/file',
    'file:///etc/passwd',
    'file:///C:/Windows/win.ini',
    'chrome-extension://abc/page.html',
    'chrome://settings',
    'javascript:alert(1)',
    'app://evil/index.html',
    'app://registry.evil/index.html',
    'not a url',
  ])('blocks %s, in development too', (url) => {
    expect(shouldBlockRequest(url, PACKAGED)).toBe(true);
    expect(shouldBlockRequest(url, DEVELOPMENT)).toBe(true);
  });

  it.each([
    'app://registry/index.html',
    'app://registry/assets/index-abc.js',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://registry/0b6f8a52-4c1e-4d8a-9d55-2f3b8c7e1a90',
  ])('allows %s', (url) => {
    expect(shouldBlockRequest(url, PACKAGED)).toBe(false);
  });

  it('allows DevTools’ own pages in development only', () => {
    for (const url of [
      'devtools://devtools/bundled/inspector.html',
      'devtools://devtools/bundled/devtools_app.html?remoteBase=https://example.org/',
    ]) {
      expect(shouldBlockRequest(url, DEVELOPMENT), url).toBe(false);
      expect(shouldBlockRequest(url, PACKAGED), url).toBe(true);
    }
  });
});

describe('canNavigate', () => {
  it('allows only the app origin', () => {
    expect(canNavigate(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(canNavigate(`${APP_ORIGIN}/partners/1`)).toBe(true);
    expect(canNavigate('https://example.org/')).toBe(false);
    expect(canNavigate('file:///tmp/index.html')).toBe(false);
    expect(canNavigate('data:text/html,<h1>x</h1>')).toBe(false);
    expect(canNavigate('app://other/index.html')).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  it('hands only mailto: links to the system', () => {
    expect(isAllowedExternalUrl('mailto:desk@example.org')).toBe(true);
    expect(isAllowedExternalUrl('https://example.org/')).toBe(false);
    expect(isAllowedExternalUrl('file:///C:/Windows/System32/calc.exe')).toBe(false);
    expect(isAllowedExternalUrl('ms-msdt:/id PCWDiagnostic')).toBe(false);
    expect(isAllowedExternalUrl('')).toBe(false);
  });
});

describe('isPermissionGranted', () => {
  it('denies every permission, camera to notifications, to every origin', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'hid',
      'usb',
      'openExternal',
      'fileSystem',
    ]) {
      expect(isPermissionGranted(permission, 'app://registry/index.html')).toBe(false);
    }
  });

  it('grants persistent storage to the app itself only, so the registry is never evicted', () => {
    expect(isPermissionGranted('persistent-storage', 'app://registry/index.html')).toBe(true);
    expect(isPermissionGranted('persistent-storage', 'app://registry')).toBe(true);
    expect(isPermissionGranted('persistent-storage', 'https://evil.example/')).toBe(false);
    expect(isPermissionGranted('persistent-storage', null)).toBe(false);
  });
});

describe('isAppOrigin', () => {
  it('accepts the app origin only', () => {
    expect(isAppOrigin('app://registry/index.html')).toBe(true);
    expect(isAppOrigin('app://registry')).toBe(true);
    expect(isAppOrigin('app://registry.evil/')).toBe(false);
    expect(isAppOrigin('app://user@registry/')).toBe(false);
    expect(isAppOrigin('app://registry:8080/')).toBe(false);
    expect(isAppOrigin('https://registry/')).toBe(false);
    expect(isAppOrigin(null)).toBe(false);
    expect(isAppOrigin('')).toBe(false);
  });
});

describe('SECURE_WEB_PREFERENCES', () => {
  it('keeps every renderer isolated and sandboxed without Node', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
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
    });
    expect(Object.isFrozen(SECURE_WEB_PREFERENCES)).toBe(true);
  });

  it('gets DevTools from the build: off when packaged, on in development, nothing else changed', () => {
    expect(secureWebPreferences(PACKAGED)).toEqual({ ...SECURE_WEB_PREFERENCES, devTools: false });
    expect(secureWebPreferences(DEVELOPMENT)).toEqual({
      ...SECURE_WEB_PREFERENCES,
      devTools: true,
    });
  });
});
