import type { BrowserWindow as ElectronBrowserWindow, Screen } from 'electron';
import type { LogLine } from '../diagnostics/diagnosticsService';
import { APP_ENTRY_URL } from '../security/appOrigin';
import type { DevToolsRule } from '../security/policy';
import { mainWindowOptions } from './mainWindowOptions';
import { fitToDisplays, loadWindowState, saveWindowState, type WindowState } from './windowState';

const MAX_CRASH_RELOADS = 3;
const SAVE_DELAY_MS = 500;

export type MainWindowOptions = {
  /** Electron's class and screen, passed in so the startup wiring runs against a fake in tests. */
  BrowserWindow: typeof ElectronBrowserWindow;
  screen: Screen;
  /** The built preload script, out/preload/index.js. */
  preloadPath: string;
  /** Where window-state.json lives. */
  dataFolder: string;
  devTools: DevToolsRule;
  log: LogLine;
};

export type MainWindow = {
  window: ElectronBrowserWindow;
  /** Resolves when the last window-state write has finished; awaited before the app quits. */
  whenStateSaved: () => Promise<void>;
};

/**
 * Opens the app's only window: secure web preferences, the typed preload, the UI from
 * app://registry, and the size and place the user left it in (brought back onto a display that
 * is still attached). Hidden until its first paint is ready.
 */
export async function createMainWindow({
  BrowserWindow,
  screen,
  preloadPath,
  dataFolder,
  devTools,
  log,
}: MainWindowOptions): Promise<MainWindow> {
  const state = await loadWindowState(dataFolder, log);
  const primary = screen.getPrimaryDisplay();
  const workAreas = [
    primary.workArea,
    ...screen
      .getAllDisplays()
      .filter((display) => display.id !== primary.id)
      .map((display) => display.workArea),
  ];
  const bounds = fitToDisplays(state.bounds, workAreas);

  const window = new BrowserWindow(mainWindowOptions(bounds, preloadPath, devTools));

  let saving: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const saveNow = () => {
    clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed()) return saving;
    const next: WindowState = {
      bounds: window.getNormalBounds(),
      isMaximized: window.isMaximized(),
    };
    saving = saving
      .then(() => saveWindowState(dataFolder, next))
      .catch((error: unknown) => log(`Could not save the window state: ${String(error)}`));
    return saving;
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void saveNow(), SAVE_DELAY_MS);
  };
  window.on('move', saveSoon);
  window.on('resize', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', () => void saveNow());

  window.once('ready-to-show', () => {
    if (state.isMaximized) window.maximize();
    window.show();
  });
  // A crashed renderer would leave a blank window; records are already in IndexedDB, so reload.
  // A renderer that keeps crashing is left alone rather than reloaded in a loop.
  let reloads = 0;
  window.webContents.on('render-process-gone', (_event, details) => {
    log(`Renderer process gone: ${details.reason} (exit code ${details.exitCode})`);
    if (details.reason === 'clean-exit' || window.isDestroyed() || reloads >= MAX_CRASH_RELOADS)
      return;
    reloads += 1;
    window.webContents.reload();
  });

  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    log(`Could not load ${APP_ENTRY_URL}: ${String(error)}`);
  });

  return { window, whenStateSaved: () => saving };
}
