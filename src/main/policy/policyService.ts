import { closeSync, existsSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { win32 } from 'node:path';
import type * as z from 'zod';
import {
  POLICY_FORMAT_VERSION,
  POLICY_SETTING_KEYS,
  POLICY_VALUE_SCHEMAS,
  exportFormatSchema,
  sensitivityMarkingSchema,
  type PolicyReport,
  type PolicySettingKey,
  type PolicySettings,
  type PolicyStatus,
  type SensitivityMarking,
} from '@shared/model/policy';
import {
  expandVariables,
  isAbsoluteFolder,
  normalizeFolder,
  readVariable,
  type Environment,
} from './environment';

export const POLICY_FILE_NAME = 'policy.json';
/** A policy is a few hundred bytes; anything this large is not one. */
export const MAX_POLICY_BYTES = 1024 * 1024;
export const LINUX_POLICY_FILE = '/etc/cooperation-registry/policy.json';
const WINDOWS_DEFAULT_PROGRAM_DATA = 'C:\\ProgramData';

/**
 * Where the machine policy may be, in the order they are tried: `/etc/cooperation-registry/` on
 * Linux; on Windows `C:\ProgramData\CooperationRegistry\` first and then the folder named by
 * `%ProgramData%`, when that differs. The fixed path comes first because a user can redefine
 * their own environment variables: they must not be able to point the app away from an enforced
 * policy. The variable still finds the policy on a machine whose Windows is not on C:.
 */
export function policyFileCandidates(platform: NodeJS.Platform, env: Environment): string[] {
  if (platform !== 'win32') return [LINUX_POLICY_FILE];
  const inFolder = (programData: string) =>
    win32.join(programData, 'CooperationRegistry', POLICY_FILE_NAME);
  const fixed = inFolder(WINDOWS_DEFAULT_PROGRAM_DATA);
  const named = inFolder(
    readVariable(env, 'ProgramData', platform) ?? WINDOWS_DEFAULT_PROGRAM_DATA,
  );
  return named.toLowerCase() === fixed.toLowerCase() ? [fixed] : [fixed, named];
}

/**
 * The policy file to read: the first candidate that exists, else the last one (the machine's
 * own ProgramData), which the report then names as absent.
 */
export function policyFilePath(
  platform: NodeJS.Platform,
  env: Environment,
  exists: (path: string) => boolean = existsSync,
): string {
  const candidates = policyFileCandidates(platform, env);
  return (
    candidates.find((candidate) => exists(candidate)) ?? candidates.at(-1) ?? LINUX_POLICY_FILE
  );
}

export type PolicyReadOptions = {
  /** From policyFilePath in the app; a temporary file in tests. */
  filePath: string;
  /** Decides how folders and environment variables are read. */
  platform: NodeJS.Platform;
  /** Expands %VARIABLES% and ${VARIABLES} in folder settings. */
  env: Environment;
};

/**
 * Reads the machine policy. Synchronous because main needs it before the app is ready (the data
 * folder must be set before Electron uses it). Never throws: no file is `absent` (the normal
 * case), an unreadable or damaged file is `invalid` or `partly-applied` with its problems listed.
 */
export function readPolicy(options: PolicyReadOptions): PolicyReport {
  const { filePath } = options;
  let text: string;
  try {
    const fd = openSync(filePath, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size > MAX_POLICY_BYTES) {
        return invalidFile(
          filePath,
          `${POLICY_FILE_NAME} is ${size} bytes, more than a policy can be (${MAX_POLICY_BYTES}); no setting is applied`,
        );
      }
      text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return { source: { path: filePath, status: 'absent' }, problems: [], settings: {} };
    }
    return invalidFile(
      filePath,
      `${POLICY_FILE_NAME} cannot be read (${describeError(error)}); no setting is applied`,
    );
  }
  return parsePolicy(text, options);
}

function invalidFile(path: string, problem: string): PolicyReport {
  return { source: { path, status: 'invalid' }, problems: [problem], settings: {} };
}

const ROOT_KEYS: ReadonlySet<string> = new Set(['version', 'settings', '$comment']);
const ENTRY_KEYS: ReadonlySet<string> = new Set(['value', 'enforced', '$comment']);
const ENTRY_SHAPE = '{ "value": …, "enforced": true or false }';

/**
 * Parses the text of a policy file. Each setting stands alone: a bad one is left out (the app's
 * own default applies) with a problem naming its key, and the good ones are kept. Lists keep their
 * good items. A bad `enforced` flag keeps the value but as a default the user may change.
 */
export function parsePolicy(text: string, options: PolicyReadOptions): PolicyReport {
  const problems: string[] = [];
  const settings: PolicySettings = {};
  const finish = (): PolicyReport => {
    const isAnyApplied = Object.keys(settings).length > 0;
    const status: PolicyStatus =
      problems.length === 0 ? 'applied' : isAnyApplied ? 'partly-applied' : 'invalid';
    return { source: { path: options.filePath, status }, problems, settings };
  };

  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    problems.push(
      `${POLICY_FILE_NAME} is not valid JSON (${describeError(error)}); no setting is applied`,
    );
    return finish();
  }
  if (!isPlainObject(json)) {
    problems.push(
      `(root): must be an object like { "version": ${POLICY_FORMAT_VERSION}, "settings": { … } }, got ${preview(json)}; no setting is applied`,
    );
    return finish();
  }
  for (const key of Object.keys(json)) {
    if (!ROOT_KEYS.has(key))
      problems.push(`${key}: unknown key; ignored (expected version and settings)`);
  }
  if (!('version' in json)) {
    problems.push(`version: missing; the file is read as version ${POLICY_FORMAT_VERSION}`);
  } else if (json.version !== POLICY_FORMAT_VERSION) {
    problems.push(
      `version: ${preview(json.version)} is not a version this app reads (expected ${POLICY_FORMAT_VERSION}); the settings it knows are read as version ${POLICY_FORMAT_VERSION}`,
    );
  }
  const rawSettings = json.settings;
  if (rawSettings === undefined) {
    problems.push('settings: missing; no setting is applied');
    return finish();
  }
  if (!isPlainObject(rawSettings)) {
    problems.push(
      `settings: must be an object, got ${preview(rawSettings)}; no setting is applied`,
    );
    return finish();
  }
  for (const [key, entry] of Object.entries(rawSettings)) {
    if (!isSettingKey(key)) {
      problems.push(`settings.${key}: unknown setting; ignored${suggestKey(key)}`);
      continue;
    }
    const setting = readEntry(key, entry, options, problems);
    if (setting) (settings as Record<string, unknown>)[key] = setting;
  }
  return finish();
}

function isSettingKey(key: string): key is PolicySettingKey {
  return Object.hasOwn(POLICY_VALUE_SCHEMAS, key);
}

function suggestKey(key: string): string {
  const match = POLICY_SETTING_KEYS.find((known) => known.toLowerCase() === key.toLowerCase());
  return match
    ? ` (did you mean ${match}?)`
    : ` (known settings: ${POLICY_SETTING_KEYS.join(', ')})`;
}

function readEntry(
  key: PolicySettingKey,
  entry: unknown,
  options: PolicyReadOptions,
  problems: string[],
): { value: unknown; isEnforced: boolean } | null {
  const where = `settings.${key}`;
  if (!isPlainObject(entry)) {
    problems.push(
      `${where}: must be an object like ${ENTRY_SHAPE}, got ${preview(entry)}; ignored`,
    );
    return null;
  }
  for (const entryKey of Object.keys(entry)) {
    if (!ENTRY_KEYS.has(entryKey)) {
      problems.push(`${where}.${entryKey}: unknown key; ignored (expected value and enforced)`);
    }
  }
  if (!('value' in entry)) {
    problems.push(`${where}.value: missing; setting ignored`);
    return null;
  }
  const value = readValue(key, entry.value, options, (path, message) =>
    problems.push(`${where}.value${path}: ${message}`),
  );
  if (value === undefined) return null;
  let isEnforced = false;
  if ('enforced' in entry) {
    if (typeof entry.enforced === 'boolean') isEnforced = entry.enforced;
    else {
      problems.push(
        `${where}.enforced: must be true or false, got ${preview(entry.enforced)}; the value is applied as a default the user may change`,
      );
    }
  }
  return { value, isEnforced };
}

type Report = (path: string, message: string) => void;

/** The valid value of one setting, or undefined (after reporting why) when there is none. */
function readValue(
  key: PolicySettingKey,
  raw: unknown,
  options: PolicyReadOptions,
  report: Report,
): unknown {
  switch (key) {
    case 'dataFolder':
    case 'backupFolder':
      return readFolder(raw, options, report);
    case 'allowedExportFormats':
      return readExportFormats(raw, report);
    case 'sensitivityMarkings':
      return readMarkings(raw, report);
    default:
      return readWhole(POLICY_VALUE_SCHEMAS[key], raw, report);
  }
}

function readWhole(schema: z.ZodType, raw: unknown, report: Report): unknown {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  report('', `${describeIssues(parsed.error)}, got ${preview(raw)}; setting ignored`);
  return undefined;
}

function readFolder(raw: unknown, options: PolicyReadOptions, report: Report): string | undefined {
  const { platform, env } = options;
  const text = readWhole(POLICY_VALUE_SCHEMAS.dataFolder, raw, report);
  if (typeof text !== 'string') return undefined;
  const expanded = expandVariables(text, env, platform);
  if (expanded.kind === 'unknown') {
    report(
      '',
      `${preview(text)} uses ${expanded.names.join(', ')}, not set in this environment; setting ignored`,
    );
    return undefined;
  }
  if (expanded.text.includes('\0') || !isAbsoluteFolder(expanded.text, platform)) {
    const example =
      platform === 'win32' ? 'D:\\Registry, written "D:\\\\Registry" in JSON' : '/srv/registry';
    report(
      '',
      `${preview(expanded.text)} is not a full path (such as ${example}); setting ignored`,
    );
    return undefined;
  }
  return normalizeFolder(expanded.text, platform);
}

function readExportFormats(raw: unknown, report: Report): string[] | undefined {
  if (!Array.isArray(raw)) {
    report('', `must be a list such as ["csv", "pdf"], got ${preview(raw)}; setting ignored`);
    return undefined;
  }
  const formats: string[] = [];
  for (const [index, item] of raw.entries()) {
    const parsed = exportFormatSchema.safeParse(
      typeof item === 'string' ? item.trim().toLowerCase() : item,
    );
    if (!parsed.success) {
      report(`[${index}]`, `${describeIssues(parsed.error)}, got ${preview(item)}; item ignored`);
    } else if (!formats.includes(parsed.data)) formats.push(parsed.data);
  }
  if (raw.length > 0 && formats.length === 0) {
    report('', 'no valid format is listed; setting ignored');
    return undefined;
  }
  return formats;
}

function readMarkings(raw: unknown, report: Report): SensitivityMarking[] | undefined {
  const list = POLICY_VALUE_SCHEMAS.sensitivityMarkings;
  if (!Array.isArray(raw)) {
    report(
      '',
      `must be a list of { "id": …, "label": { … } }, got ${preview(raw)}; setting ignored`,
    );
    return undefined;
  }
  const markings: SensitivityMarking[] = [];
  for (const [index, item] of raw.entries()) {
    const parsed = sensitivityMarkingSchema.safeParse(item);
    if (!parsed.success) {
      const [first, ...more] = parsed.error.issues;
      const others = more.length > 0 ? ` (and ${more.length} more)` : '';
      report(
        `[${index}]${formatPath(first?.path ?? [])}`,
        `${first?.message ?? 'invalid'}${others}; marking ignored`,
      );
    } else if (markings.some((marking) => marking.id === parsed.data.id)) {
      report(`[${index}].id`, `"${parsed.data.id}" is listed twice; the later one is ignored`);
    } else markings.push(parsed.data);
  }
  const whole = list.safeParse(markings);
  if (!whole.success) {
    report('', `${describeIssues(whole.error)}; setting ignored`);
    return undefined;
  }
  return whole.data;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = formatPath(issue.path).replace(/^\./, '');
      return path === '' ? issue.message : `${path}: ${issue.message}`;
    })
    .join('; ');
}

/** `.label.az`, `[2]`: the path of a problem inside a value, as it reads in the JSON. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as JSON, cut short: problems are read in a Settings list and a log line. */
function preview(value: unknown): string {
  const json = JSON.stringify(value) as string | undefined;
  const text = json ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
