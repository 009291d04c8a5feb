import { hostname } from 'node:os';
import { join } from 'node:path';
import { app, dialog, ipcMain, session, shell } from 'electron';
import { DiagnosticsService } from './diagnostics/diagnosticsService';
import { createDispatcher } from './ipc/dispatcher';
import { handle } from './ipc/handle';
import { ensureWritableFolder, resolveDataLocation } from './policy/dataLocation';
import { policyFilePath, readPolicy } from './policy/policyService';
import { PrintPages } from './protocol/printPages';
import { registerAppProtocol, registerAppSchemeAsPrivileged } from './protocol/registerAppProtocol';
import { isAppOrigin } from './security/appOrigin';
import { guardAllWebContents, hardenSession } from './security/hardenSession';
import { createIpcHandlers } from './services';
import { createElectronFileDialogs } from './window/electronFileDialogs';
import { createElectronPrintToPdf } from './window/electronPrintToPdf';
import { createMainWindow, type MainWindow } from './window/mainWindow';

/**
 * The main process: one instance, every renderer sandboxed, the UI served from app://registry,
 * no network, and the IPC contract answered by the services. Everything testable lives in the
 * services; this file only wires them to Electron.
 */

// Before anything reads userData: the machine policy may move the data folder. Then the data
// folder, strongest first: --user-data-dir (test runs, a second profile) > the portable build's
// folder beside its .exe > the policy's dataFolder > Electron's default.
const policy = readPolicy({
  filePath: policyFilePath(process.platform, process.env),
  platform: process.platform,
  env: process.env,
});
const dataLocation = resolveDataLocation({
  commandLineDataDir: app.commandLine.getSwitchValue('user-data-dir') || null,
  portableExecutableDir: process.env.PORTABLE_EXECUTABLE_DIR || null,
  policyDataFolder: policy.settings.dataFolder?.value ?? null,
  defaultDataFolder: app.getPath('userData'),
  ensureFolder: ensureWritableFolder,
});
if (dataLocation.source !== 'default') {
  app.setPath('userData', dataLocation.dataFolder);
  app.setPath('sessionData', dataLocation.dataFolder);
}

// Before ready: sandbox every renderer, and make app:// a privileged scheme.
app.enableSandbox();
registerAppSchemeAsPrivileged();

const diagnostics = new DiagnosticsService({
  dataFolder: app.getPath('userData'),
  echo: (entry) => console.error(entry),
});
const log = (message: string) => void diagnostics.logWarning(message);

let mainWindow: MainWindow | null = null;

function focusMainWindow(): void {
  const window = mainWindow?.window;
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

async function start(): Promise<void> {
  const dataFolder = app.getPath('userData');
  for (const problem of policy.problems) log(`Machine policy ${policy.source.path}: ${problem}`);
  if (dataLocation.problem) log(dataLocation.problem);
  hardenSession(session.defaultSession, log);
  const printPages = new PrintPages();
  registerAppProtocol(
    session.defaultSession,
    join(__dirname, '../renderer'),
    printPages,
    (url, status, reason) => log(`app:// refused ${url} (${status}: ${reason})`),
  );

  const handlers = createIpcHandlers({
    dataFolder,
    resourcesFolder: app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources'),
    hostName: hostname(),
    appInfo: {
      appVersion: app.getVersion(),
      electronVersion: process.versions.electron,
      chromeVersion: process.versions.chrome,
      platform: process.platform,
      isPackaged: app.isPackaged,
      systemLocale: app.getSystemLocale() || app.getLocale(),
    },
    diagnostics,
    policy,
    dataLocation,
    dialogs: createElectronFileDialogs(() => mainWindow?.window ?? null, app.getPath('documents')),
    openPath: (path) => shell.openPath(path),
    printToPdf: createElectronPrintToPdf(printPages),
  });
  const dispatch = createDispatcher({
    handlers,
    isTrustedSender: isAppOrigin,
    logError: (channel, error) => void diagnostics.logMainError(channel, error),
  });
  handle(ipcMain, dispatch);

  mainWindow = await createMainWindow({ dataFolder, log });
}

if (!app.requestSingleInstanceLock()) {
  // Two instances would write the same IndexedDB and files; the first one takes over instead.
  app.quit();
} else {
  guardAllWebContents(app, log);
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => {
    const pending = mainWindow?.whenStateSaved() ?? Promise.resolve();
    void pending.then(() => diagnostics.flush()).finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch(async (error: unknown) => {
      await diagnostics.logMainError('startup', error);
      dialog.showErrorBox(
        'Cooperation Registry could not start',
        `${error instanceof Error ? error.message : String(error)}\n\nDetails are in ${diagnostics.logsFolder}.`,
      );
      app.exit(1);
    });
}
