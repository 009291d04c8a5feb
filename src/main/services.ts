import type { IpcOutput } from '@shared/ipc/contract';
import { DeviceService } from './device/deviceService';
import { DiagnosticsService } from './diagnostics/diagnosticsService';
import type { IpcHandlers } from './ipc/dispatcher';
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
};

/**
 * Every channel of the IPC contract, wired to the real services. Free of Electron so the browser
 * tests can route `window.registry` here through the very same dispatcher the app uses.
 */
export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlers {
  const { dataFolder, resourcesFolder, hostName, appInfo, now } = deps;
  const diagnostics = deps.diagnostics ?? new DiagnosticsService({ dataFolder, now });
  const log = (message: string) => void diagnostics.logWarning(message);
  const settings = new SettingsService({ dataFolder, log });
  const device = new DeviceService({ dataFolder, hostName, log });
  const sample = new SampleService({ resourcesFolder });

  return {
    'app:info': () => ({ ...appInfo, dataFolder }),
    'device:get': () => device.get(),
    'device:rename': ({ deviceName }) => device.rename(deviceName),
    'settings:get': () => settings.get(),
    'settings:update': (patch) => settings.update(patch),
    'sample:read': () => sample.read(),
    'diagnostics:report-error': (report) => diagnostics.reportRendererError(report),
  };
}
