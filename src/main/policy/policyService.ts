import { closeSync, existsSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { win32 } from 'node:path';
import type * as z from 'zod';
import {
  POLICY_FORMAT_VERSION,
  POLICY_SETTING_KEYS,
  POLICY_VALUE_SCHEMAS,
  SECURITY_SETTING_KEYS,
  exportFormatSchema,
  failClosedSettings,
  sensitivityMarkingSchema,
  type PolicyReport,
  type PolicySettingKey,
  type PolicySettings,
  type PolicyStatus,
  type SecuritySettingKey,
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
 * case); a file that exists but cannot be read or parsed is `unreadable` and fails closed; a
 * damaged setting is reported in `problems`.
 */
export function readPolicy(options: PolicyReadOptions): PolicyReport {
  const { filePath } = options;
  let text: string;
  try {
    const fd = openSync(filePath, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size > MAX_POLICY_BYTES) {
        return unreadableFile(
          filePath,
          `${POLICY_FILE_NAME} is ${size} bytes, more than a policy can be (${MAX_POLICY_BYTES})`,
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
    return unreadableFile(filePath, `${POLICY_FILE_NAME} cannot be read (${describeError(error)})`);
  }
  return parsePolicy(text, options);
}

/** What a security setting that fails closed means, for its problem line. */
const FAIL_CLOSED_EFFECTS: Record<SecuritySettingKey, string> = {
  readOnly: 'the registry is read-only',
  allowedExportFormats: 'no export is allowed',
  allowUnencryptedBundles: 'only encrypted exchange bundles are allowed',
};

const failsClosed = (key: SecuritySettingKey) => `fails closed: ${FAIL_CLOSED_EFFECTS[key]}`;

/**
 * A policy file IT installed but the app cannot use. It must not leave the machine less protected
 * than IT meant, so every security setting is applied at its most restrictive, enforced; the
 * other settings keep the app's defaults. `problem` (first, for the banner) names the error.
 */
function unreadableFile(path: string, problem: string, otherProblems: string[] = []): PolicyReport {
  return {
    source: { path, status: 'unreadable' },
    problems: [
      problem,
      `until ${POLICY_FILE_NAME} is fixed, its security settings fail closed: ${SECURITY_SETTING_KEYS.map((key) => FAIL_CLOSED_EFFECTS[key]).join(', ')}; no other setting is applied`,
      ...otherProblems,
    ],
    settings: failClosedSettings(),
  };
}

const ROOT_KEYS: ReadonlySet<string> = new Set(['version', 'settings', '$comment']);
const ENTRY_KEYS: ReadonlySet<string> = new Set(['value', 'enforced', '$comment']);
const ENTRY_SHAPE = '{ "value": …, "enforced": true or false }';

/**
 * Parses the text of a policy file. Each setting stands alone: a bad one is left out (the app's
 * own default applies) with a problem naming its key, and the good ones are kept. Lists keep their
 * good items. A bad `enforced` flag keeps the value but as a default the user may change.
 * Security settings (SECURITY_SETTING_KEYS) are stricter: one that is present but not understood,
 * in any part, or misspelled only in case or separators, fails closed instead of being ignored.
 * Text that is not JSON, or not an object with `settings`, makes the whole file `unreadable`.
 */
export function parsePolicy(text: string, options: PolicyReadOptions): PolicyReport {
  const { filePath } = options;
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return unreadableFile(
      filePath,
      `${POLICY_FILE_NAME} is not valid JSON (${describeError(error)})`,
    );
  }
  if (!isPlainObject(json)) {
    return unreadableFile(
      filePath,
      `(root): must be an object like { "version": ${POLICY_FORMAT_VERSION}, "settings": { … } }, got ${preview(json)}`,
    );
  }
  const problems: string[] = [];
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
    return unreadableFile(filePath, 'settings: missing', problems);
  }
  if (!isPlainObject(rawSettings)) {
    return unreadableFile(
      filePath,
      `settings: must be an object, got ${preview(rawSettings)}`,
      problems,
    );
  }
  const settings: PolicySettings = {};
  const failedClosed = new Set<SecuritySettingKey>();
  for (const [key, entry] of Object.entries(rawSettings)) {
    if (!isSettingKey(key)) {
      const meant = securitySettingNamedBy(key);
      if (meant) {
        failedClosed.add(meant);
        problems.push(
          `settings.${key}: unknown setting, but it names ${meant}; ${meant} ${failsClosed(meant)}`,
        );
      } else problems.push(`settings.${key}: unknown setting; ignored${suggestKey(key)}`);
      continue;
    }
    const setting = readEntry(key, entry, options, problems);
    if (setting) (settings as Record<string, unknown>)[key] = setting;
    else if (isSecuritySettingKey(key)) failedClosed.add(key);
  }
  const closed = failClosedSettings();
  for (const key of failedClosed) (settings as Record<string, unknown>)[key] = closed[key];

  const isAnyApplied = Object.keys(settings).length > 0;
  const status: PolicyStatus =
    problems.length === 0 ? 'applied' : isAnyApplied ? 'partly-applied' : 'invalid';
  return { source: { path: filePath, status }, problems, settings };
}

function isSettingKey(key: string): key is PolicySettingKey {
  return Object.hasOwn(POLICY_VALUE_SCHEMAS, key);
}

function isSecuritySettingKey(key: PolicySettingKey): key is SecuritySettingKey {
  return (SECURITY_SETTING_KEYS as readonly string[]).includes(key);
}

/** A key as IT may have misspelled it: "ReadOnly", "read-only" and "read_only" all read "readonly". */
const keyShape = (key: string) => key.toLowerCase().replace(/[\s_.-]/g, '');

/** The security setting an unknown key was surely meant to be, if any. */
function securitySettingNamedBy(key: string): SecuritySettingKey | undefined {
  return SECURITY_SETTING_KEYS.find((known) => keyShape(known) === keyShape(key));
}

function suggestKey(key: string): string {
  const match = POLICY_SETTING_KEYS.find((known) => keyShape(known) === keyShape(key));
  return match
    ? ` (did you mean ${match}?)`
    : ` (known settings: ${POLICY_SETTING_KEYS.join(', ')})`;
}

/**
 * One setting's entry, or null (after reporting why) when it cannot be applied as written. A
 * security setting is refused whole for any problem in its entry, so the caller fails it closed;
 * others keep today's leniency (unknown keys ignored, a bad `enforced` flag read as false).
 */
function readEntry(
  key: PolicySettingKey,
  entry: unknown,
  options: PolicyReadOptions,
  problems: string[],
): { value: unknown; isEnforced: boolean } | null {
  const where = `settings.${key}`;
  const isSecurity = isSecuritySettingKey(key);
  const refused = isSecurity ? failsClosed(key) : 'setting ignored';
  if (!isPlainObject(entry)) {
    problems.push(
      `${where}: must be an object like ${ENTRY_SHAPE}, got ${preview(entry)}; ${isSecurity ? refused : 'ignored'}`,
    );
    return null;
  }
  let isUnderstood = true;
  for (const entryKey of Object.keys(entry)) {
    if (!ENTRY_KEYS.has(entryKey)) {
      problems.push(
        `${where}.${entryKey}: unknown key; ${isSecurity ? refused : 'ignored'} (expected value and enforced)`,
      );
      isUnderstood = false;
    }
  }
  if (!('value' in entry)) {
    problems.push(`${where}.value: missing; ${refused}`);
    return null;
  }
  const value = readValue(key, entry.value, options, refused, (path, message) =>
    problems.push(`${where}.value${path}: ${message}`),
  );
  if (value === undefined) return null;
  let isEnforced = false;
  if ('enforced' in entry) {
    if (typeof entry.enforced === 'boolean') isEnforced = entry.enforced;
    else {
      problems.push(
        `${where}.enforced: must be true or false, got ${preview(entry.enforced)}; ${isSecurity ? refused : 'the value is applied as a default the user may change'}`,
      );
      isUnderstood = false;
    }
  }
  if (isSecurity && !isUnderstood) return null;
  return { value, isEnforced };
}

type Report = (path: string, message: string) => void;

/**
 * The valid value of one setting, or undefined (after reporting why) when there is none.
 * `refused` says what then happens to the setting: ignored, or failed closed.
 */
function readValue(
  key: PolicySettingKey,
  raw: unknown,
  options: PolicyReadOptions,
  refused: string,
  report: Report,
): unknown {
  switch (key) {
    case 'dataFolder':
    case 'backupFolder':
      return readFolder(raw, options, report);
    case 'allowedExportFormats':
      return readExportFormats(raw, refused, report);
    case 'sensitivityMarkings':
      return readMarkings(raw, report);
    default:
      return readWhole(POLICY_VALUE_SCHEMAS[key], raw, refused, report);
  }
}

function readWhole(schema: z.ZodType, raw: unknown, refused: string, report: Report): unknown {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  report('', `${describeIssues(parsed.error)}, got ${preview(raw)}; ${refused}`);
  return undefined;
}

function readFolder(raw: unknown, options: PolicyReadOptions, report: Report): string | undefined {
  const { platform, env } = options;
  const text = readWhole(POLICY_VALUE_SCHEMAS.dataFolder, raw, 'setting ignored', report);
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

function readExportFormats(raw: unknown, refused: string, report: Report): string[] | undefined {
  if (!Array.isArray(raw)) {
    report('', `must be a list such as ["csv", "pdf"], got ${preview(raw)}; ${refused}`);
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
    report('', `no valid format is listed; ${refused}`);
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
