import type { BrowserWindowConstructorOptions } from 'electron';
import { SECURE_WEB_PREFERENCES } from '../security/policy';

/**
 * The hidden window briefing packs are printed in, kept free of Electron at run time so the
 * security suite checks the exact object: the app's secure web preferences, no preload, and no
 * JavaScript at all, since the page is only laid out and printed.
 */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, javascript: false },
  };
}
