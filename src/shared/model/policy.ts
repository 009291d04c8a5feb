import * as z from 'zod';
import { LANGUAGES } from './localizedText';
import { SENSITIVITY_LEVELS } from './records';

/**
 * The machine policy IT installs beside the app (policy.json, read by main at start) and the
 * report main gives the renderer about it. The file format is versioned; every setting is either
 * a default the user may change or, with `"enforced": true`, fixed for every user of the machine.
 */

/** The only policy file format this version of the app reads. */
export const POLICY_FORMAT_VERSION = 1;

export const BACKUP_SCHEDULES = ['off', 'daily', 'weekly'] as const;
export type BackupSchedule = (typeof BACKUP_SCHEDULES)[number];

/** Every format the app can export to; a policy may allow only some of them. */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'json', 'ics', 'vcf', 'pdf', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportFormatSchema = z.enum(EXPORT_FORMATS, {
  error: `must be one of ${EXPORT_FORMATS.join(', ')}`,
});

export const MAX_BACKUP_KEEP = 1000;
export const MAX_SENSITIVITY_MARKINGS = 20;

/** An absolute folder, after main has expanded the environment variables in it. */
const folderSchema = z
  .string({ error: 'must be a folder path (text)' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(1000, { error: 'must be at most 1000 characters' });

const markingLabelText = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(60, { error: 'must be at most 60 characters' })
  .optional();

/**
 * A sensitivity marking as records carry it (`id`, one of the record model's levels) with the
 * label the organization uses for it in each UI language, e.g. "restricted" shown as
 * "Xidməti istifadə üçün". The policy's order is the order the UI offers them in.
 */
export const sensitivityMarkingSchema = z
  .object({
    id: z.enum(SENSITIVITY_LEVELS, {
      error: `must be one of ${SENSITIVITY_LEVELS.join(', ')}`,
    }),
    label: z
      .object({ en: markingLabelText, az: markingLabelText, ru: markingLabelText })
      .strict()
      .refine((label) => Boolean(label.en ?? label.az ?? label.ru), {
        error: 'needs a label in at least one of en, az, ru',
      }),
  })
  .strict();
export type SensitivityMarking = z.output<typeof sensitivityMarkingSchema>;

/** The value each policy setting may take; the keys are the only settings a policy can set. */
export const POLICY_VALUE_SCHEMAS = {
  /** Where the registry, settings and logs live (Electron's userData). */
  dataFolder: folderSchema,
  /** Where backups are written. */
  backupFolder: folderSchema,
  backupSchedule: z.enum(BACKUP_SCHEDULES, {
    error: `must be one of ${BACKUP_SCHEDULES.join(', ')}`,
  }),
  /** How many backups to keep before the oldest is deleted. */
  backupKeep: z
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .max(MAX_BACKUP_KEEP, { error: `must be at most ${MAX_BACKUP_KEEP}` }),
  /** The UI language when the user has not chosen one (or always, when enforced). */
  defaultUiLanguage: z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(', ')}` }),
  /** The export formats offered; an empty list allows no export at all. */
  allowedExportFormats: z.array(exportFormatSchema, { error: 'must be a list of formats' }),
  /** Whether exchange bundles may be written without encryption. */
  allowUnencryptedBundles: z.boolean({ error: 'must be true or false' }),
  sensitivityMarkings: z
    .array(sensitivityMarkingSchema, { error: 'must be a list of markings' })
    .min(1, { error: 'must list at least one marking' })
    .max(MAX_SENSITIVITY_MARKINGS, {
      error: `must have at most ${MAX_SENSITIVITY_MARKINGS} markings`,
    }),
  /** The registry can be read, searched and exported but not changed. */
  readOnly: z.boolean({ error: 'must be true or false' }),
} as const;

export type PolicyValueSchemas = typeof POLICY_VALUE_SCHEMAS;
export type PolicySettingKey = keyof PolicyValueSchemas;
export const POLICY_SETTING_KEYS = Object.keys(POLICY_VALUE_SCHEMAS) as PolicySettingKey[];
export type PolicyValue<K extends PolicySettingKey> = z.output<PolicyValueSchemas[K]>;

/** One setting as the policy applies it: the value, and whether the user may change it. */
export type PolicySetting<T> = { value: T; isEnforced: boolean };

const applied = <S extends z.ZodType>(value: S) =>
  z.object({ value, isEnforced: z.boolean() }).optional();

/** The settings a policy sets; a key is absent when the policy does not set it. */
export const policySettingsSchema = z.object({
  dataFolder: applied(POLICY_VALUE_SCHEMAS.dataFolder),
  backupFolder: applied(POLICY_VALUE_SCHEMAS.backupFolder),
  backupSchedule: applied(POLICY_VALUE_SCHEMAS.backupSchedule),
  backupKeep: applied(POLICY_VALUE_SCHEMAS.backupKeep),
  defaultUiLanguage: applied(POLICY_VALUE_SCHEMAS.defaultUiLanguage),
  allowedExportFormats: applied(POLICY_VALUE_SCHEMAS.allowedExportFormats),
  allowUnencryptedBundles: applied(POLICY_VALUE_SCHEMAS.allowUnencryptedBundles),
  sensitivityMarkings: applied(POLICY_VALUE_SCHEMAS.sensitivityMarkings),
  readOnly: applied(POLICY_VALUE_SCHEMAS.readOnly),
});
export type PolicySettings = z.output<typeof policySettingsSchema>;

/**
 * The settings a machine policy uses to protect the registry. A file that cannot be read, or one of
 * these settings that is present but not understood, must not leave the app less protected than IT
 * meant: each such setting is applied at its most restrictive instead (it fails closed).
 */
export const SECURITY_SETTING_KEYS = [
  'readOnly',
  'allowedExportFormats',
  'allowUnencryptedBundles',
] as const satisfies readonly PolicySettingKey[];
export type SecuritySettingKey = (typeof SECURITY_SETTING_KEYS)[number];

type SecuritySettings = Required<Pick<PolicySettings, SecuritySettingKey>>;

/**
 * Each security setting at its most restrictive, enforced: read-only, no export, encrypted bundles
 * only. A fresh object on every call, so no report can change another's.
 */
export function failClosedSettings(): SecuritySettings {
  return {
    readOnly: { value: true, isEnforced: true },
    allowedExportFormats: { value: [], isEnforced: true },
    allowUnencryptedBundles: { value: false, isEnforced: true },
  };
}

/**
 * What the policy's security settings mean, one rule each, for main (which enforces them) and the
 * renderer (which hides what they forbid) alike.
 */

/** The registry can be read, searched and exported, but nothing can be brought into it. */
export function isReadOnlyPolicy(settings: PolicySettings): boolean {
  return settings.readOnly?.value === true;
}

/**
 * Whether exchange bundles may travel unencrypted: only where the policy says so in as many words.
 * An unencrypted bundle proves nothing about who wrote it, so "not set" means no.
 */
export function allowsUnencryptedBundles(settings: PolicySettings): boolean {
  return settings.allowUnencryptedBundles?.value === true;
}

/** The formats an export may be written in: the policy's list, or every format when it sets none. */
export function allowedExportFormats(settings: PolicySettings): readonly ExportFormat[] {
  return settings.allowedExportFormats?.value ?? EXPORT_FORMATS;
}

/**
 * What reading the policy file gave. `absent` is the normal case (no policy); `partly-applied`
 * means some settings were applied and others were refused (see `problems`); `invalid` means
 * nothing in the file could be applied; `unreadable` means the file exists but could not be read
 * or parsed, so the security settings are at their most restrictive until IT fixes it.
 */
export const POLICY_STATUSES = [
  'absent',
  'applied',
  'partly-applied',
  'invalid',
  'unreadable',
] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

export const policyReportSchema = z.object({
  source: z.object({
    /** The file main looked for, present or not. */
    path: z.string(),
    status: z.enum(POLICY_STATUSES),
  }),
  /** One line per problem, each naming the key and what is wrong, in English (for IT). */
  problems: z.array(z.string()),
  settings: policySettingsSchema,
});
export type PolicyReport = z.output<typeof policyReportSchema>;

/**
 * Why the data folder is where it is, strongest first: `--user-data-dir` on the command line, the
 * portable build (a folder beside its .exe), the policy's dataFolder, Electron's default.
 */
export const DATA_FOLDER_SOURCES = ['command-line', 'portable', 'policy', 'default'] as const;
export type DataFolderSource = (typeof DATA_FOLDER_SOURCES)[number];

export const dataLocationsSchema = z.object({
  /** The registry (IndexedDB), settings.json, device.json and window-state.json. */
  dataFolder: z.string(),
  logsFolder: z.string(),
  /** Running the portable Windows build, whichever folder won. */
  isPortable: z.boolean(),
  source: z.enum(DATA_FOLDER_SOURCES),
  /**
   * Set when a stronger source (portable folder, policy dataFolder) could not be used and a
   * weaker one was taken instead; says which folder failed and why.
   */
  problem: z.string().nullable(),
});
export type DataLocations = z.output<typeof dataLocationsSchema>;
