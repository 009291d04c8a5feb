import type { IpcChannel, IpcInput, IpcOutput } from './contract';
import type { IpcResult } from './result';

type FeatureOf<C extends string> = C extends `${infer F}:${string}` ? F : never;
type VerbOf<C extends string, F extends string> = C extends `${F}:${infer V}` ? V : never;
type CamelCase<S extends string> = S extends `${infer H}-${infer T}`
  ? `${H}${Capitalize<CamelCase<T>>}`
  : S;

export type BridgeMethod<C extends IpcChannel> =
  undefined extends IpcInput<C>
    ? (input?: IpcInput<C>) => Promise<IpcResult<IpcOutput<C>>>
    : (input: IpcInput<C>) => Promise<IpcResult<IpcOutput<C>>>;

/**
 * `window.registry`: one object per feature, one method per verb, e.g. `registry.app.info()` for
 * `app:info` and `registry.diagnostics.reportError()` for `diagnostics:report-error`. Derived from
 * the contract, so a channel added there is a type error here until the bridge exposes it.
 */
export type RegistryBridge = {
  readonly [F in FeatureOf<IpcChannel>]: {
    readonly [
      C in IpcChannel as C extends `${F}:${string}` ? CamelCase<VerbOf<C, F>> : never
    ]: BridgeMethod<C>;
  };
};

/** The transport: Electron's ipcRenderer.invoke in preload, a Playwright binding in browser tests. */
export type Invoke = (channel: IpcChannel, input: unknown) => Promise<unknown>;

/**
 * Builds `window.registry` over a transport. Self-contained on purpose (no imports or outer
 * variables at run time): the browser tests serialize this very function into the page, so the
 * object they drive is the one preload exposes.
 */
export function buildRegistryBridge(invoke: Invoke): RegistryBridge {
  const call = <C extends IpcChannel>(channel: C) =>
    ((input?: unknown) => invoke(channel, input)) as BridgeMethod<C>;
  const bridge = {
    app: { info: call('app:info') },
    device: { get: call('device:get'), rename: call('device:rename') },
    settings: { get: call('settings:get'), update: call('settings:update') },
    policy: { get: call('policy:get') },
    sample: { read: call('sample:read') },
    file: { open: call('file:open'), save: call('file:save') },
    attachment: {
      add: call('attachment:add'),
      open: call('attachment:open'),
      inspect: call('attachment:inspect'),
      saveCopy: call('attachment:save-copy'),
      check: call('attachment:check'),
      read: call('attachment:read'),
      store: call('attachment:store'),
    },
    diagnostics: { reportError: call('diagnostics:report-error') },
    backup: {
      settings: call('backup:settings'),
      updateSettings: call('backup:update-settings'),
      chooseFolder: call('backup:choose-folder'),
      due: call('backup:due'),
      upload: call('backup:upload'),
      create: call('backup:create'),
      list: call('backup:list'),
      read: call('backup:read'),
      download: call('backup:download'),
      restoreFiles: call('backup:restore-files'),
      delete: call('backup:delete'),
    },
    briefing: { savePdf: call('briefing:save-pdf') },
  } satisfies RegistryBridge;
  for (const group of Object.values(bridge)) Object.freeze(group);
  return Object.freeze(bridge);
}
