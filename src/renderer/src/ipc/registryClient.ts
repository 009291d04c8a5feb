import type { RegistryBridge } from '@shared/ipc/bridge';
import type { IpcErrorCode, IpcResult } from '@shared/ipc/result';

/** A failed IPC call, with the code main answered so callers can react to specific failures. */
export class IpcCallError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly details: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'IpcCallError';
  }
}

type Unwrapped<M> = M extends (...args: infer A) => Promise<IpcResult<infer T>>
  ? (...args: A) => Promise<T>
  : never;

/** The bridge with every answer unwrapped: values are returned, `{ok:false}` becomes IpcCallError. */
export type RegistryClient = {
  readonly [F in keyof RegistryBridge]: {
    readonly [M in keyof RegistryBridge[F]]: Unwrapped<RegistryBridge[F][M]>;
  };
};

export function createRegistryClient(bridge: RegistryBridge): RegistryClient {
  const client: Record<string, Record<string, unknown>> = {};
  for (const [feature, methods] of Object.entries(bridge)) {
    const group: Record<string, unknown> = {};
    for (const [name, method] of Object.entries(
      methods as Record<string, (input?: unknown) => Promise<IpcResult<unknown>>>,
    )) {
      group[name] = async (input?: unknown) => {
        const result = await method(input);
        if (!result.ok)
          throw new IpcCallError(result.error.code, result.error.message, result.error.details);
        return result.value;
      };
    }
    client[feature] = group;
  }
  return client as RegistryClient;
}

let client: RegistryClient | null = null;

/**
 * The renderer's one way to reach main. Built from `window.registry` on first use, so modules that
 * import it (queries, contexts) also load where no bridge exists, such as unit tests of queries.
 */
export const registryClient: RegistryClient = new Proxy({} as RegistryClient, {
  get: (_target, feature) => {
    client ??= createRegistryClient(window.registry);
    return client[feature as keyof RegistryClient];
  },
});
