import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import type { IpcOutput, IpcParsedInput } from '@shared/ipc/contract';
import { languageSchema } from '@shared/model/localizedText';
import { writeFileAtomic } from '../fs/atomicWrite';
import { readJsonFile } from '../fs/readJsonFile';
import type { LogLine } from '../diagnostics/diagnosticsService';

export type Settings = IpcOutput<'settings:get'>;
export type SettingsPatch = IpcParsedInput<'settings:update'>;

export const SETTINGS_FILE = 'settings.json';

/** What a first run, or a damaged file, starts from: the UI follows the system language. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ uiLanguage: null });

/** Fields missing from an older file take their defaults instead of making the file invalid. */
const settingsFileSchema = z.object({
  uiLanguage: languageSchema.nullable().default(null),
});

export type SettingsServiceOptions = { dataFolder: string; log: LogLine };

/**
 * The user's preferences in settings.json. A damaged file never stops the app: it reads as the
 * defaults, the problem goes to the log, and the next update replaces the file atomically.
 */
export class SettingsService {
  readonly filePath: string;
  private readonly dataFolder: string;
  private readonly log: LogLine;
  private pending: Promise<unknown> = Promise.resolve();

  constructor({ dataFolder, log }: SettingsServiceOptions) {
    this.dataFolder = dataFolder;
    this.filePath = join(dataFolder, SETTINGS_FILE);
    this.log = log;
  }

  /** The current settings; defaults when there is no file yet or it is damaged. */
  get(): Promise<Settings> {
    return this.serialized(() => this.read());
  }

  /** Merges the given fields into the settings and saves them; answers the settings now in force. */
  update(patch: SettingsPatch): Promise<Settings> {
    return this.serialized(async () => {
      const current = await this.read();
      const next = settingsFileSchema.parse({ ...current, ...definedFields(patch) });
      await mkdir(this.dataFolder, { recursive: true });
      await writeFileAtomic(this.filePath, `${JSON.stringify(next, null, 2)}\n`);
      return next;
    });
  }

  private async read(): Promise<Settings> {
    const result = await readJsonFile(this.filePath, settingsFileSchema);
    if (result.kind === 'ok') return result.value;
    if (result.kind === 'invalid') {
      this.log(`${SETTINGS_FILE} ${result.problem}; using the default settings`);
    }
    return { ...DEFAULT_SETTINGS };
  }

  /** One read-modify-write at a time, so two quick updates cannot undo each other. */
  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.pending.then(task, task);
    this.pending = run.catch(() => undefined);
    return run;
  }
}

function definedFields<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
