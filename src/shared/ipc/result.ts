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
  /** File jobs: what went wrong in words the renderer can translate. */
  | 'too-large'
  | 'disk-full'
  | 'no-permission'
  | 'file-locked'
  /** Attachments: the stored copy is gone from disk, does not match its hash, or has no viewer. */
  | 'attachment-missing'
  | 'attachment-damaged'
  | 'no-viewer'
  /**
   * Attachments: main will not hand this file to the system viewer (a program, shortcut, script,
   * web page or macro document; a type off the allow-list; a disguised name; a name that does not
   * match the content). Details: fileName, detectedType (a FileType), reason (an OpenRefusal).
   */
  | 'unsafe-file-type'
  /** The machine policy does not allow this on this computer (read-only, a format, ...). */
  | 'policy-forbids'
  | 'internal';

/**
 * `message` is English, for logs and as a fallback; `details` (a file name, sizes) let the
 * renderer say the same in the UI language.
 */
export type IpcError = {
  code: IpcErrorCode;
  message: string;
  details?: Record<string, string | number>;
};

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
export const fail = (
  code: IpcErrorCode,
  message: string,
  details?: Record<string, string | number>,
): IpcResult<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});
