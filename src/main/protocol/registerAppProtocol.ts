import { protocol, type Session } from 'electron';
import { APP_SCHEME } from '../security/appOrigin';
import { createAppRequestHandler } from './appProtocol';

/**
 * Makes app:// a standard, secure origin (so IndexedDB, fetch and the CSP behave as on https)
 * without CORS or CSP bypass. Electron accepts this only before the app is ready.
 */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        codeCache: true,
        corsEnabled: false,
        bypassCSP: false,
        allowServiceWorkers: false,
        stream: false,
      },
    },
  ]);
}

/**
 * Serves the built renderer on app://registry in the given session; the pages never see file://.
 * Refusals go to `onRefused` so a bad path shows up in the log.
 */
export function registerAppProtocol(
  session: Session,
  rendererRoot: string,
  onRefused?: (url: string, status: number, reason: string) => void,
): void {
  session.protocol.handle(APP_SCHEME, createAppRequestHandler({ rendererRoot, onRefused }));
}
