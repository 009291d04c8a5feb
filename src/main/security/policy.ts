import type { WebPreferences } from 'electron';
import { APP_SCHEME, isAppOrigin } from './appOrigin';

/**
 * What a build lets a developer do. DevTools (and the devtools: pages they load) exist in
 * development only: in a packaged build a user with DevTools could drive the renderer past every
 * check it makes, so they are off in every window, refused by the session and closed if opened.
 */
export type DevToolsRule = { isDevToolsAllowed: boolean };

/**
 * Schemes a page may load besides the app's own origin: inline images and fonts (data:) and object
 * URLs for downloads and workers (blob:). Everything else, the network above all, is refused: the
 * app is offline by design.
 */
const ALLOWED_REQUEST_SCHEMES: ReadonlySet<string> = new Set(['data:', 'blob:']);

function protocolOf(url: string): string | null {
  try {
    return new URL(url).protocol;
  } catch {
    return null;
  }
}

/**
 * Whether the session must cancel a request. Allow-list, not block-list, so a scheme nobody
 * thought of (file:, ftp:, chrome-extension:, another app: host) is refused too. devtools: is
 * allowed only where the build allows DevTools.
 */
export function shouldBlockRequest(url: string, { isDevToolsAllowed }: DevToolsRule): boolean {
  const scheme = protocolOf(url);
  if (scheme === null) return true;
  if (scheme === `${APP_SCHEME}:`) return !isAppOrigin(url);
  if (scheme === 'devtools:') return !isDevToolsAllowed;
  return !ALLOWED_REQUEST_SCHEMES.has(scheme);
}

/** Whether a frame may navigate to `url`: only within the app's own pages. */
export function canNavigate(url: string): boolean {
  return isAppOrigin(url);
}

/**
 * Whether a permission request or check is granted: none is, except persistent storage for the
 * app's own pages. That one only stops Chromium from evicting the registry's IndexedDB under disk
 * pressure; it reaches no device, sensor or network, and denying it would put the user's data at
 * risk to no one's benefit.
 */
export function isPermissionGranted(permission: string, requestingUrl: string | null): boolean {
  return permission === 'persistent-storage' && isAppOrigin(requestingUrl);
}

/**
 * Whether `shell.openExternal` may hand `url` to the system. Only mailto: for now: opening a web
 * page would take the user's data context out of the offline app.
 */
export function isAllowedExternalUrl(url: string): boolean {
  return protocolOf(url) === 'mailto:';
}

/**
 * The web preferences of every window: the renderer is an untrusted page with a typed bridge and
 * nothing else (Electron security checklist). Windows add `devTools` from the build's
 * DevToolsRule (see secureWebPreferences).
 */
export const SECURE_WEB_PREFERENCES: Readonly<WebPreferences> = Object.freeze({
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
});

/** SECURE_WEB_PREFERENCES with DevTools as the build allows them: off in a packaged build. */
export function secureWebPreferences({ isDevToolsAllowed }: DevToolsRule): WebPreferences {
  return { ...SECURE_WEB_PREFERENCES, devTools: isDevToolsAllowed };
}
