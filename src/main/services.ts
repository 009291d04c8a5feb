import { join } from 'node:path';
import type { IpcOutput } from '@shared/ipc/contract';
import type { PolicyReport } from '@shared/model/policy';
import { AttachmentService, type OpenPath } from './attachments/attachmentService';
import { BackupService } from './backup/backupService';
import { BackupTransfers } from './backup/backupTransfers';
import { BriefingService, type PrintToPdf } from './briefing/briefingService';
import { BRIEFING_PAGE } from '@shared/briefing/renderBriefingHtml';
import { DeviceService } from './device/deviceService';
import { DiagnosticsService } from './diagnostics/diagnosticsService';
import { withSafeDefaultNames, type FileDialogs } from './files/fileDialogs';
import { FileService } from './files/fileService';
import { AppError } from './ipc/AppError';
import type { IpcHandlers } from './ipc/dispatcher';
import type { DataLocation } from './policy/dataLocation';
import { guardRegistryChanges, PolicyGuard } from './policy/policyGuard';
import { SampleService } from './sample/sampleService';
import { SettingsService } from './settings/settingsService';

/** What `app:info` reports besides the data folder; gathered from Electron by main/index.ts. */
export type AppInfo = Omit<IpcOutput<'app:info'>, 'dataFolder'>;

export type IpcHandlerDeps = {
  /** Where settings, device identity and logs live (Electron's userData in the app). */
  dataFolder: string;
  /** Read-only files shipped with the app, such as the sample registry. */
  resourcesFolder: string;
  /** The computer's name, the default device name. */
  hostName: string;
  appInfo: AppInfo;
  now?: () => Date;
  /** Shared with main/index.ts so every write to the main log goes through one queue. */
  diagnostics?: DiagnosticsService;
  /** The machine policy, read once at start by readPolicy (status `absent` when there is none). */
  policy: PolicyReport;
  /** How `dataFolder` was chosen (resolveDataLocation), for `policy:get`. */
  dataLocation: Omit<DataLocation, 'dataFolder'>;
  /** The system's open and save dialogs (scripted in browser tests). */
  dialogs: FileDialogs;
  /** Shows a file in the system's viewer: shell.openPath in the app, recorded in browser tests. */
  openPath: OpenPath;
  /** Prints briefing packs: Electron's printToPDF in the app, Chromium's page.pdf() in tests. */
  printToPdf?: PrintToPdf;
  /** The largest file that can be attached; MAX_ATTACHMENT_BYTES unless a test sets it. */
  maxAttachmentBytes?: number;
};

/** Where no printer was wired in (unit tests of other services), printing fails plainly. */
const noPrinter: PrintToPdf = () =>
  Promise.reject(new AppError('io-error', 'Printing to PDF is not available here.'));

/**
 * Every channel of the IPC contract, wired to the real services. Free of Electron so the browser
 * tests can route `window.registry` here through the very same dispatcher the app uses.
 */
export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlers {
  const { dataFolder, resourcesFolder, hostName, appInfo, now, policy, dataLocation } = deps;
  const diagnostics = deps.diagnostics ?? new DiagnosticsService({ dataFolder, now });
  const dialogs = withSafeDefaultNames(deps.dialogs);
  const log = (message: string) => void diagnostics.logWarning(message);
  const language = policy.settings.defaultUiLanguage;
  const settings = new SettingsService({
    dataFolder,
    log,
    languagePolicy: language && { ...language, policyFile: policy.source.path },
  });
  const device = new DeviceService({ dataFolder, hostName, log });
  const sample = new SampleService({ resourcesFolder });
  const guard = new PolicyGuard(policy.settings);
  const files = new FileService({ dialogs, guard });
  const attachments = new AttachmentService({
    dataFolder,
    dialogs,
    openPath: deps.openPath,
    maxBytes: deps.maxAttachmentBytes,
    now,
  });
  const backups = new BackupService({
    dataFolder,
    // The attachment store's layout: <dataFolder>/attachments/<2 hex>/<sha256>.
    attachmentsFolder: join(dataFolder, 'attachments'),
    choices: settings,
    policy: policy.settings,
    device: () => device.get(),
    appVersion: appInfo.appVersion,
    dialogs,
    now: now ?? (() => new Date()),
    log,
  });
  const transfers = new BackupTransfers();
  const briefing = new BriefingService({
    dialogs,
    printToPdf: deps.printToPdf ?? noPrinter,
    guard,
  });

  return guardRegistryChanges(
    {
      'app:info': () => ({ ...appInfo, dataFolder }),
      'device:get': () => device.get(),
      'device:rename': ({ deviceName }) => device.rename(deviceName),
      'settings:get': () => settings.get(),
      'settings:update': (patch) => settings.update(patch),
      'policy:get': () => ({
        ...policy,
        dataLocations: {
          dataFolder,
          logsFolder: diagnostics.logsFolder,
          isPortable: dataLocation.isPortable,
          source: dataLocation.source,
          problem: dataLocation.problem,
        },
      }),
      'sample:read': () => sample.read(),
      'file:open': (options) => files.open(options),
      'file:save': (options) => files.save(options),
      'attachment:add': (options) => attachments.attach(options),
      'attachment:open': async ({ sha256, name }) => {
        await attachments.open(sha256, name);
        return null;
      },
      'attachment:inspect': ({ sha256, name }) => attachments.inspect(sha256, name),
      'attachment:save-copy': (options) => attachments.saveCopy(options),
      'attachment:check': ({ sha256s }) => attachments.check(sha256s),
      'attachment:read': async ({ sha256 }) => ({ bytes: await attachments.readBytes(sha256) }),
      'attachment:store': async ({ sha256, bytes }) => {
        const stored = await attachments.storeBytes(bytes, sha256);
        return { isAlreadyStored: stored.isAlreadyStored };
      },
      'diagnostics:report-error': (report) => diagnostics.reportRendererError(report),
      'backup:settings': () => backups.settings(),
      'backup:update-settings': (patch) => backups.updateSettings(patch),
      'backup:choose-folder': ({ title }) => backups.chooseFolder(title),
      'backup:due': () => backups.due(),
      'backup:upload': (input) => transfers.upload(input),
      'backup:create': ({ uploadId, ...input }) =>
        backups.create({ ...input, tables: transfers.takeUpload(uploadId) }),
      'backup:list': () => backups.list(),
      'backup:read': async (input) => {
        const read = await backups.read(input);
        if (!read) return null;
        const { tables, file, ...rest } = read;
        const sizes = Object.fromEntries(
          [...tables].map(([name, bytes]) => [name, bytes.byteLength]),
        );
        return { ...rest, readId: transfers.keepRead(tables, file), tables: sizes };
      },
      'backup:download': (input) => transfers.download(input),
      'backup:restore-files': ({ readId }) => backups.restoreFiles(transfers.takeReadFile(readId)),
      'backup:delete': async ({ fileName }) => {
        await backups.delete(fileName);
        return null;
      },
      'briefing:save-pdf': ({ html, parts, headerTemplate, footerTemplate, ...dialog }) =>
        briefing.savePdf({
          ...dialog,
          html,
          parts,
          options: {
            headerTemplate,
            footerTemplate,
            pageSize: BRIEFING_PAGE.format,
            marginsMm: BRIEFING_PAGE.marginsMm,
          },
        }),
    },
    guard,
  );
}
