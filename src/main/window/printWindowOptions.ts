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

/** The page the print window loads: the pack's HTML as a data: URL, the only scheme besides app://. */
export function printPageUrl(html: string): string {
  return `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
}
