import type { BrowserWindowConstructorOptions } from 'electron';
import { secureWebPreferences, type DevToolsRule } from '../security/policy';
import { MIN_WINDOW_SIZE, type Rectangle } from './windowState';

/** The renderer theme's page colour, so no different colour flashes before React paints. */
const BACKGROUND_COLOR = '#f5f7fa';

/**
 * The options of the app's only window, kept free of Electron at run time so the security suite
 * can check the exact object the window is built from: the secure web preferences plus the typed
 * preload, DevTools as the build allows them, and nothing that loosens them.
 */
export function mainWindowOptions(
  bounds: Rectangle,
  preloadPath: string,
  devTools: DevToolsRule,
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    backgroundColor: BACKGROUND_COLOR,
    title: 'Cooperation Registry',
    webPreferences: { ...secureWebPreferences(devTools), preload: preloadPath },
  };
}
