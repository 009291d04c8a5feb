/**
 * What every IPC call answers. Errors travel as data because an Error thrown in main loses its class
 * and fields on the way to the renderer.
 */
export type IpcErrorCode =
  | 'invalid-input'
  | 'invalid-output'
  | 'forbidden-sender'
  | 'unknown-channel'
  | 'not-found'
  | 'invalid-data'
  | 'io-error'
  | 'internal';

export type IpcError = { code: IpcErrorCode; message: string };

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
export const fail = (code: IpcErrorCode, message: string): IpcResult<never> => ({
  ok: false,
  error: { code, message },
});
