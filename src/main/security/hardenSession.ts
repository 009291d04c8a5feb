import type { App, Session, WebContents } from 'electron';
import type { LogLine } from '../diagnostics/diagnosticsService';
import { canNavigate, isPermissionGranted, shouldBlockRequest, type DevToolsRule } from './policy';

/** Long data: URLs would flood the log; the start says enough. */
function shortUrl(url: string): string {
  return url.length > 200 ? `${url.slice(0, 200)}…` : url;
}

/**
 * Locks a session down: every permission (camera, notifications, USB, ...) is denied but
 * persistent storage for the app itself (see isPermissionGranted), and every
 * request outside the app's own origin, data: and blob: is cancelled, so even a compromised page
 * cannot reach the network; devtools: too, unless the build allows DevTools. Permission *checks*
 * answer false without logging: Chromium polls them. The built-in spellchecker is off: it would
 * download its dictionaries from Google's servers.
 */
export function hardenSession(session: Session, log: LogLine, devTools: DevToolsRule): void {
  session.setSpellCheckerEnabled(false);
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const isGranted = isPermissionGranted(permission, details.requestingUrl);
    if (!isGranted) log(`Refused permission request: ${permission}`);
    callback(isGranted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler((details) => {
    log(`Refused device permission: ${details.deviceType} for ${details.origin}`);
    return false;
  });
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    const isBlocked = shouldBlockRequest(details.url, devTools);
    if (isBlocked) log(`Blocked request: ${details.method} ${shortUrl(details.url)}`);
    callback({ cancel: isBlocked });
  });
}

/**
 * Keeps every web page on the app's origin: navigation and redirects elsewhere are stopped, new
 * windows are never opened, and <webview> cannot be attached. Where the build forbids DevTools,
 * DevTools that open anyway (`devTools: false` should make that impossible) are closed at once.
 * Applied to each WebContents as it is created, so no window can be missed.
 */
export function guardWebContents(
  contents: WebContents,
  log: LogLine,
  { isDevToolsAllowed }: DevToolsRule,
): void {
  const stopUnlessAllowed =
    (what: string) => (event: { url: string; preventDefault: () => void }) => {
      if (canNavigate(event.url)) return;
      event.preventDefault();
      log(`Blocked ${what} to ${shortUrl(event.url)}`);
    };
  contents.on('will-navigate', stopUnlessAllowed('navigation'));
  contents.on('will-redirect', stopUnlessAllowed('redirect'));
  contents.on('will-frame-navigate', stopUnlessAllowed('frame navigation'));
  contents.setWindowOpenHandler(({ url }) => {
    log(`Blocked new window for ${shortUrl(url)}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('Blocked a <webview>');
  });
  if (!isDevToolsAllowed) {
    contents.on('devtools-opened', () => {
      contents.closeDevTools();
      log('Closed DevTools: a packaged build has none');
    });
  }
}

/** Installs `guardWebContents` on every WebContents the app ever creates. */
export function guardAllWebContents(app: App, log: LogLine, devTools: DevToolsRule): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, log, devTools));
}
