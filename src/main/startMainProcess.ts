import { join } from 'node:path';
import type * as Electron from 'electron';
import { DiagnosticsService } from './diagnostics/diagnosticsService';
import { createDispatcher } from './ipc/dispatcher';
import { handle } from './ipc/handle';
import { ensureWritableFolder, resolveDataLocation } from './policy/dataLocation';
import { readVariable, type Environment } from './policy/environment';
import { machinePolicyFile } from './policy/machinePolicyFile';
import { readPolicy } from './policy/policyService';
import { isPortableBuild } from './policy/portableBuild';
import { PrintPages } from './protocol/printPages';
import { registerAppProtocol, registerAppSchemeAsPrivileged } from './protocol/registerAppProtocol';
import { isAppOrigin } from './security/appOrigin';
import { guardAllWebContents, hardenSession } from './security/hardenSession';
import type { DevToolsRule } from './security/policy';
import { createIpcHandlers } from './services';
import { installApplicationMenu } from './window/applicationMenu';
import { createElectronFileDialogs } from './window/electronFileDialogs';
import { createElectronPrintToPdf } from './window/electronPrintToPdf';
import { createMainWindow, type MainWindow } from './window/mainWindow';

/**
 * The parts of Electron's main-process API the app uses. main/index.ts passes Electron's own; the
 * wiring test passes a fake that records every call, so the startup sequence below is the one
 * tested, line for line.
 */
export type ElectronMain = Pick<
  typeof Electron,
  | 'app'
  | 'BrowserWindow'
  | 'dialog'
  | 'ipcMain'
  | 'Menu'
  | 'protocol'
  | 'screen'
  | 'session'
  | 'shell'
>;

/** What main needs from its Node process, passed in for the same reason. */
export type MainProcessHost = {
  platform: NodeJS.Platform;
  env: Environment;
  hostName: string;
  versions: { electron: string | null; chrome: string | null };
  /** process.resourcesPath: where a packaged build keeps its extra resources. */
  resourcesPath: string;
  /** The folder of the built main script (out/main), beside out/preload and out/renderer. */
  mainFolder: string;
  /** Shows each main-log entry where a developer sees it too (the terminal). */
  echo: (entry: string) => void;
};

/**
 * Chromium's switches that open the DevTools protocol to any local program: with them, a user
 * could drive the renderer of a packaged build as DevTools would. They take effect only after
 * main has run, so removing them here is in time. (--inspect is refused by the fuses.)
 */
export const REMOTE_DEBUGGING_SWITCHES = [
  'remote-debugging-port',
  'remote-debugging-pipe',
] as const;

/**
 * Whether the app runs as a packaged build, for everything security decides by it. Besides
 * app.isPackaged, which only looks at the executable's name (a copy renamed electron.exe would
 * pass for development), an app loaded from an app.asar counts as packaged: development runs
 * load the project folder.
 */
function runsAsPackaged(app: Pick<Electron.App, 'isPackaged' | 'getAppPath'>): boolean {
  return app.isPackaged || /\.asar$/i.test(app.getAppPath());
}

/**
 * The main process: one instance, every renderer sandboxed, the UI served from app://registry, no
 * network, DevTools only in development, the data folder the policy fixes, and the IPC contract
 * answered by the services. Resolves once the main window is open, or once a second instance has
 * handed over to the first.
 */
export function startMainProcess(electron: ElectronMain, host: MainProcessHost): Promise<void> {
  const { app } = electron;
  const { platform, env } = host;
  const isPackaged = runsAsPackaged(app);
  const devTools: DevToolsRule = { isDevToolsAllowed: !isPackaged };
  if (isPackaged) {
    for (const name of REMOTE_DEBUGGING_SWITCHES) app.commandLine.removeSwitch(name);
  }

  // Before anything reads userData: the policy may fix the data folder (see resolveDataLocation).
  const policy = readPolicy({
    filePath: machinePolicyFile({ isPackaged, platform, env }),
    platform,
    env,
  });
  const dataLocation = resolveDataLocation({
    commandLineDataDir: app.commandLine.getSwitchValue('user-data-dir') || null,
    portableExecutableDir: readVariable(env, 'PORTABLE_EXECUTABLE_DIR', platform) ?? null,
    isPortableBuild: isPortableBuild(platform, app.getAppPath()),
    policyDataFolder: policy.settings.dataFolder ?? null,
    defaultDataFolder: join(app.getPath('appData'), app.getName()),
    ensureFolder: ensureWritableFolder,
  });
  const { dataFolder } = dataLocation;
  // Always both: Chromium has already taken userData from its own --user-data-dir switch, and the
  // registry itself (IndexedDB) lives in sessionData.
  app.setPath('userData', dataFolder);
  app.setPath('sessionData', dataFolder);

  // Before ready: sandbox every renderer, and make app:// a privileged scheme.
  app.enableSandbox();
  registerAppSchemeAsPrivileged(electron.protocol);

  const diagnostics = new DiagnosticsService({ dataFolder, echo: host.echo });
  const log = (message: string) => void diagnostics.logWarning(message);

  if (!app.requestSingleInstanceLock()) {
    // Two instances would write the same IndexedDB and files; the first one takes over instead.
    app.quit();
    return Promise.resolve();
  }
  guardAllWebContents(app, log, devTools);

  let mainWindow: MainWindow | null = null;
  app.on('second-instance', () => {
    const window = mainWindow?.window;
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  app.on('window-all-closed', () => {
    const pending = mainWindow?.whenStateSaved() ?? Promise.resolve();
    void pending.then(() => diagnostics.flush()).finally(() => app.quit());
  });

  const start = async (): Promise<void> => {
    for (const problem of policy.problems) log(`Machine policy ${policy.source.path}: ${problem}`);
    if (dataLocation.problem) log(dataLocation.problem);
    const { defaultSession } = electron.session;
    hardenSession(defaultSession, log, devTools);
    installApplicationMenu({ Menu: electron.Menu, isPackaged, platform });
    const printPages = new PrintPages();
    registerAppProtocol(
      defaultSession,
      join(host.mainFolder, '../renderer'),
      printPages,
      (url, status, reason) => log(`app:// refused ${url} (${status}: ${reason})`),
    );

    const handlers = createIpcHandlers({
      dataFolder,
      resourcesFolder: isPackaged ? host.resourcesPath : join(app.getAppPath(), 'resources'),
      hostName: host.hostName,
      appInfo: {
        appVersion: app.getVersion(),
        electronVersion: host.versions.electron,
        chromeVersion: host.versions.chrome,
        platform,
        isPackaged,
        systemLocale: app.getSystemLocale() || app.getLocale(),
      },
      diagnostics,
      policy,
      dataLocation,
      dialogs: createElectronFileDialogs(
        electron.dialog,
        () => mainWindow?.window ?? null,
        app.getPath('documents'),
      ),
      openPath: (path) => electron.shell.openPath(path),
      printToPdf: createElectronPrintToPdf({
        BrowserWindow: electron.BrowserWindow,
        printPages,
        devTools,
      }),
    });
    const dispatch = createDispatcher({
      handlers,
      isTrustedSender: isAppOrigin,
      logError: (channel, error) => void diagnostics.logMainError(channel, error),
    });
    handle(electron.ipcMain, dispatch);

    mainWindow = await createMainWindow({
      BrowserWindow: electron.BrowserWindow,
      screen: electron.screen,
      preloadPath: join(host.mainFolder, '../preload/index.js'),
      dataFolder,
      devTools,
      log,
    });
  };

  return app
    .whenReady()
    .then(start)
    .catch(async (error: unknown) => {
      await diagnostics.logMainError('startup', error);
      electron.dialog.showErrorBox(
        'Cooperation Registry could not start',
        `${error instanceof Error ? error.message : String(error)}\n\nDetails are in ${diagnostics.logsFolder}.`,
      );
      app.exit(1);
    });
}
