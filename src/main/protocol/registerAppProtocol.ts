import type { Protocol, Session } from 'electron';
import { APP_SCHEME } from '../security/appOrigin';
import { APP_SCHEME_PRIVILEGES, createAppRequestHandler } from './appProtocol';
import type { PrintPages } from './printPages';

/**
 * Makes app:// a privileged scheme (see APP_SCHEME_PRIVILEGES); only possible before ready.
 * `protocol` is Electron's module, passed in so the startup wiring can run against a fake.
 */
export function registerAppSchemeAsPrivileged(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

/**
 * Serves the built renderer on app://registry in the given session, and briefing packs being
 * printed at app://registry/print/<id>; the pages never see file://.
 * Refusals go to `onRefused` so a bad path shows up in the log.
 */
export function registerAppProtocol(
  session: Session,
  rendererRoot: string,
  printPages: PrintPages,
  onRefused?: (url: string, status: number, reason: string) => void,
): void {
  session.protocol.handle(
    APP_SCHEME,
    createAppRequestHandler({ rendererRoot, printPages, onRefused }),
  );
}
