import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { IpcOutput, IpcParsedInput } from '@shared/ipc/contract';

/** One line for the main log; services take this instead of a logger object to stay testable. */
export type LogLine = (message: string) => void;

export type RendererErrorReport = IpcParsedInput<'diagnostics:report-error'>;

export type DiagnosticsServiceOptions = {
  /** The app's data folder; logs go to its `logs` subfolder. */
  dataFolder: string;
  now?: () => Date;
  /** A log file above this size is moved to `<name>.1` (replacing the older one) before writing. */
  maxLogBytes?: number;
  /** Also shows each main-log entry elsewhere, e.g. the terminal during development. */
  echo?: (entry: string) => void;
};

/** Keeps a log file the user can attach to a bug report without it growing without bound. */
export const DEFAULT_MAX_LOG_BYTES = 1024 * 1024;

export const LOGS_FOLDER = 'logs';
export const RENDERER_ERRORS_LOG = 'renderer-errors.log';
export const MAIN_LOG = 'main.log';

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  try {
    // undefined for undefined, functions and symbols, whatever the lib types say.
    const json = JSON.stringify(error) as string | undefined;
    return json ?? String(error);
  } catch {
    return String(error);
  }
}

/**
 * The log files in the data folder: renderer crashes reported over IPC, and main-process failures
 * and refusals. Writes to one file are queued so rotation and appends never interleave, and main-log
 * writes never reject: a failing log must not take the app down with it.
 */
export class DiagnosticsService {
  readonly logsFolder: string;
  private readonly now: () => Date;
  private readonly maxLogBytes: number;
  private readonly echo: ((entry: string) => void) | undefined;
  private readonly queues = new Map<string, Promise<void>>();

  constructor({ dataFolder, now, maxLogBytes, echo }: DiagnosticsServiceOptions) {
    this.logsFolder = join(dataFolder, LOGS_FOLDER);
    this.now = now ?? (() => new Date());
    this.maxLogBytes = maxLogBytes ?? DEFAULT_MAX_LOG_BYTES;
    this.echo = echo;
  }

  /** Appends a crash the renderer's error boundary caught; answers where the log is. */
  async reportRendererError(
    report: RendererErrorReport,
  ): Promise<IpcOutput<'diagnostics:report-error'>> {
    const entry = [
      `[${this.now().toISOString()}] Renderer error`,
      `Message: ${report.message}`,
      `Stack:\n${report.stack ?? '(none)'}`,
      `Component stack:\n${report.componentStack ?? '(none)'}`,
      '',
    ].join('\n');
    const logFile = join(this.logsFolder, RENDERER_ERRORS_LOG);
    await this.append(logFile, `${entry}\n`);
    return { logFile };
  }

  /** Records an unexpected failure of an IPC channel (the dispatcher's `logError`). */
  logMainError(channel: string, error: unknown): Promise<void> {
    return this.logMain(`Error in ${channel}: ${describeError(error)}`);
  }

  /** Records a refusal or a recovered problem as one line in the main log. */
  logWarning(message: string): Promise<void> {
    return this.logMain(message);
  }

  /** Resolves once every write queued so far has finished, e.g. before the app quits. */
  async flush(): Promise<void> {
    await Promise.all(this.queues.values());
  }

  private async logMain(message: string): Promise<void> {
    const entry = `[${this.now().toISOString()}] ${message}\n`;
    this.echo?.(entry.trimEnd());
    try {
      await this.append(join(this.logsFolder, MAIN_LOG), entry);
    } catch {
      // Nowhere left to report it; the echo above is all we can do.
    }
  }

  private append(file: string, text: string): Promise<void> {
    const previous = this.queues.get(file) ?? Promise.resolve();
    const next = previous.then(() => this.appendNow(file, text));
    const settled = next.catch(() => undefined);
    this.queues.set(file, settled);
    void settled.then(() => {
      if (this.queues.get(file) === settled) this.queues.delete(file);
    });
    return next;
  }

  private async appendNow(file: string, text: string): Promise<void> {
    await mkdir(this.logsFolder, { recursive: true });
    const size = await stat(file).then(
      (info) => info.size,
      () => 0,
    );
    if (size > 0 && size + Buffer.byteLength(text) > this.maxLogBytes) {
      await rename(file, `${file}.1`);
    }
    await appendFile(file, text, { encoding: 'utf8', mode: 0o600 });
  }
}
