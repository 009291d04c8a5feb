import type { BrowserWindowConstructorOptions } from 'electron';
import { secureWebPreferences, type DevToolsRule } from '../security/policy';

/**
 * The hidden window briefing packs are printed in, kept free of Electron at run time so the
 * security suite checks the exact object: the app's secure web preferences, no preload, and no
 * JavaScript at all, since the page is only laid out and printed.
 */
export function printWindowOptions(devTools: DevToolsRule): BrowserWindowConstructorOptions {
  return {
    show: false,
    webPreferences: { ...secureWebPreferences(devTools), javascript: false },
  };
}
