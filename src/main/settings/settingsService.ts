import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import type { IpcOutput, IpcParsedInput } from '@shared/ipc/contract';
import { languageSchema, type Language } from '@shared/model/localizedText';
import {
  BACKUP_SCHEDULES,
  MAX_BACKUP_KEEP,
  type BackupSchedule,
  type PolicySetting,
} from '@shared/model/policy';
import { writeFileAtomic } from '../fs/atomicWrite';
import { readJsonFile } from '../fs/readJsonFile';
import type { LogLine } from '../diagnostics/diagnosticsService';
import { AppError } from '../ipc/AppError';

export type Settings = IpcOutput<'settings:get'>;
export type SettingsPatch = IpcParsedInput<'settings:update'>;

export const SETTINGS_FILE = 'settings.json';

/** What a first run, or a damaged file, starts from: the UI follows the system language. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ uiLanguage: null });

/** Fields missing from an older file take their defaults instead of making the file invalid. */
const settingsFileSchema = z.object({
  uiLanguage: languageSchema.nullable().default(null),
  /** Backups: absent means "not chosen" (the policy's or the app's default applies). */
  backupFolder: z.string().min(1).max(1000).optional().catch(undefined),
  backupKeep: z.int().min(1).max(MAX_BACKUP_KEEP).optional().catch(undefined),
  backupSchedule: z.enum(BACKUP_SCHEDULES).optional().catch(undefined),
});

/** The user's own backup choices in settings.json; each absent until chosen. */
export type BackupChoices = {
  backupFolder?: string;
  backupKeep?: number;
  backupSchedule?: BackupSchedule;
};

type StoredSettings = z.output<typeof settingsFileSchema>;

/** The machine policy's default UI language, and the file it came from (for the refusal). */
export type LanguagePolicy = PolicySetting<Language> & { policyFile: string };

export type SettingsServiceOptions = {
  dataFolder: string;
  log: LogLine;
  /** The policy's defaultUiLanguage; null or absent when the policy does not set one. */
  languagePolicy?: LanguagePolicy | null;
};

/**
 * The user's preferences in settings.json, with the machine policy on top: the policy's default
 * language stands in for "no choice yet", and an enforced one replaces the user's choice. A
 * damaged file never stops the app: it reads as the defaults, the problem goes to the log, and the
 * next update replaces the file atomically.
 */
export class SettingsService {
  readonly filePath: string;
  private readonly dataFolder: string;
  private readonly log: LogLine;
  private readonly languagePolicy: LanguagePolicy | null;
  private pending: Promise<unknown> = Promise.resolve();

  constructor({ dataFolder, log, languagePolicy }: SettingsServiceOptions) {
    this.dataFolder = dataFolder;
    this.filePath = join(dataFolder, SETTINGS_FILE);
    this.log = log;
    this.languagePolicy = languagePolicy ?? null;
  }

  /** The settings in force; defaults (and the policy) when there is no file yet or it is damaged. */
  get(): Promise<Settings> {
    return this.serialized(async () => this.effective(await this.read()));
  }

  /**
   * Merges the given fields into the user's settings and saves them; answers the settings now in
   * force. Changing a language the policy enforces is refused, and nothing is written.
   */
  update(patch: SettingsPatch): Promise<Settings> {
    return this.serialized(async () => {
      const policy = this.languagePolicy;
      if (
        policy?.isEnforced &&
        patch.uiLanguage !== undefined &&
        patch.uiLanguage !== policy.value
      ) {
        throw new AppError(
          'invalid-input',
          `The interface language is enforced by the machine policy (${policy.policyFile}) and cannot be changed here.`,
        );
      }
      // Saving the enforced language again must not turn it into the user's own choice.
      const changes = policy?.isEnforced ? { ...patch, uiLanguage: undefined } : patch;
      const current = await this.read();
      const next = settingsFileSchema.parse({ ...current, ...definedFields(changes) });
      await mkdir(this.dataFolder, { recursive: true });
      await writeFileAtomic(this.filePath, `${JSON.stringify(next, null, 2)}\n`);
      return this.effective(next);
    });
  }

  /** The user's backup choices, without any policy applied (the backup service applies it). */
  readBackupChoices(): Promise<BackupChoices> {
    return this.serialized(async () => {
      const { backupFolder, backupKeep, backupSchedule } = await this.read();
      return { backupFolder, backupKeep, backupSchedule };
    });
  }

  /** Sets backup choices; null removes a choice, so the default applies again. */
  updateBackupChoices(patch: { [K in keyof BackupChoices]?: BackupChoices[K] | null }) {
    return this.serialized(async () => {
      const current = await this.read();
      const next = new Map<string, unknown>(Object.entries(current));
      for (const [key, value] of Object.entries(patch) as [string, unknown][]) {
        if (value === null) next.delete(key);
        else if (value !== undefined) next.set(key, value);
      }
      const parsed = settingsFileSchema.parse(Object.fromEntries(next));
      await mkdir(this.dataFolder, { recursive: true });
      await writeFileAtomic(this.filePath, `${JSON.stringify(parsed, null, 2)}\n`);
      const { backupFolder, backupKeep, backupSchedule } = parsed;
      return { backupFolder, backupKeep, backupSchedule } satisfies BackupChoices;
    });
  }

  private effective(stored: StoredSettings): Settings {
    const policy = this.languagePolicy;
    if (!policy) return { uiLanguage: stored.uiLanguage };
    if (policy.isEnforced) return { uiLanguage: policy.value };
    return { uiLanguage: stored.uiLanguage ?? policy.value };
  }

  private async read(): Promise<StoredSettings> {
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
