import type { IpcErrorCode } from '@shared/ipc/result';

/**
 * An error a service means the user to see: its code and message cross IPC unchanged. Anything
 * else thrown in main is reported as `internal` with a generic message, so paths and stack traces
 * of unexpected failures stay in the log.
 */
export class AppError extends Error {
  /** Values the renderer's translated message needs (a file name, sizes). */
  readonly details: Record<string, string | number> | undefined;

  constructor(
    readonly code: IpcErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, string | number> },
  ) {
    super(message, options);
    this.details = options?.details;
    this.name = 'AppError';
  }
}
