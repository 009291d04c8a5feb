import type { Menu as ElectronMenu, MenuItemConstructorOptions } from 'electron';

/**
 * The menu of a packaged build on macOS: the app menu (About, Hide, Quit), Edit, without which
 * Cmd+C and Cmd+V do nothing on macOS, and Window. No View menu: its Reload and Toggle Developer
 * Tools, and their shortcuts, are what a packaged build must not have.
 */
export const PACKAGED_MAC_MENU: readonly MenuItemConstructorOptions[] = Object.freeze([
  { role: 'appMenu' },
  { role: 'editMenu' },
  { role: 'windowMenu' },
]);

export type ApplicationMenuOptions = {
  /** Electron's Menu, passed in so the startup wiring runs against a fake in tests. */
  Menu: typeof ElectronMenu;
  isPackaged: boolean;
  platform: NodeJS.Platform;
};

/**
 * The application menu for the build. Development keeps Electron's default menu, with Reload and
 * Toggle Developer Tools. A packaged build has no menu at all on Windows and Linux, where copy and
 * paste work without one, and PACKAGED_MAC_MENU on macOS. Called once the app is ready.
 */
export function installApplicationMenu({
  Menu,
  isPackaged,
  platform,
}: ApplicationMenuOptions): void {
  if (!isPackaged) return;
  Menu.setApplicationMenu(
    platform === 'darwin' ? Menu.buildFromTemplate([...PACKAGED_MAC_MENU]) : null,
  );
}
