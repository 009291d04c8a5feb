import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { policyReportSchema, POLICY_SETTING_KEYS } from '@shared/model/policy';
import {
  LINUX_POLICY_FILE,
  MAX_POLICY_BYTES,
  parsePolicy,
  policyFileCandidates,
  policyFilePath,
  readPolicy,
  type PolicyReadOptions,
} from './policyService';

let folder: string;
let filePath: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'policy-'));
  filePath = join(folder, 'policy.json');
});

afterEach(async () => {
  await chmod(filePath, 0o600).catch(() => undefined);
  await rm(folder, { recursive: true, force: true });
});

const LINUX_ENV = { HOME: '/home/officer', XDG_DATA_HOME: '/home/officer/.local/share' };
const WINDOWS_ENV = {
  USERPROFILE: 'C:\\Users\\officer',
  LOCALAPPDATA: 'C:\\Users\\officer\\AppData\\Local',
  ProgramData: 'C:\\ProgramData',
  'ProgramFiles(x86)': 'C:\\Program Files (x86)',
};

function options(overrides: Partial<PolicyReadOptions> = {}): PolicyReadOptions {
  return { filePath, platform: 'linux', env: LINUX_ENV, ...overrides };
}

async function read(content: unknown, overrides: Partial<PolicyReadOptions> = {}) {
  await writeFile(filePath, typeof content === 'string' ? content : JSON.stringify(content));
  const report = readPolicy(options(overrides));
  // Whatever the file holds, the report is one the policy:get contract accepts.
  expect(policyReportSchema.safeParse(report).success).toBe(true);
  return report;
}

const FULL_POLICY = {
  version: 1,
  $comment: 'Deployed by IT, ticket 4711',
  settings: {
    dataFolder: { value: '/srv/cooperation-registry', enforced: true },
    backupFolder: { value: '${HOME}/registry-backups' },
    backupSchedule: { value: 'daily', enforced: true },
    backupKeep: { value: 14 },
    defaultUiLanguage: { value: 'az' },
    allowedExportFormats: { value: ['pdf', 'docx', 'csv'], enforced: true },
    allowUnencryptedBundles: {
      value: false,
      enforced: true,
      $comment: 'Bundles leave the building',
    },
    sensitivityMarkings: {
      value: [
        { id: 'public', label: { en: 'Public', az: 'Açıq', ru: 'Открыто' } },
        { id: 'internal', label: { en: 'Internal', az: 'Daxili' } },
        { id: 'restricted', label: { en: 'For official use', az: 'Xidməti istifadə üçün' } },
      ],
      enforced: true,
    },
    readOnly: { value: false },
  },
};

describe('readPolicy', () => {
  it('reports no policy, and no problem, when there is no file', () => {
    expect(readPolicy(options())).toEqual({
      source: { path: filePath, status: 'absent' },
      problems: [],
      settings: {},
    });
    expect(
      readPolicy(options({ filePath: join(folder, 'missing', 'policy.json') })).source.status,
    ).toBe('absent');
  });

  it('applies every setting of a valid file, enforced or as a default', async () => {
    const report = await read(FULL_POLICY);
    expect(report.source).toEqual({ path: filePath, status: 'applied' });
    expect(report.problems).toEqual([]);
    expect(report.settings).toEqual({
      dataFolder: { value: '/srv/cooperation-registry', isEnforced: true },
      backupFolder: { value: '/home/officer/registry-backups', isEnforced: false },
      backupSchedule: { value: 'daily', isEnforced: true },
      backupKeep: { value: 14, isEnforced: false },
      defaultUiLanguage: { value: 'az', isEnforced: false },
      allowedExportFormats: { value: ['pdf', 'docx', 'csv'], isEnforced: true },
      allowUnencryptedBundles: { value: false, isEnforced: true },
      sensitivityMarkings: {
        value: FULL_POLICY.settings.sensitivityMarkings.value,
        isEnforced: true,
      },
      readOnly: { value: false, isEnforced: false },
    });
    expect(Object.keys(report.settings)).toEqual(POLICY_SETTING_KEYS);
  });

  it('applies only what the file sets; `enforced` defaults to false', async () => {
    const report = await read({ version: 1, settings: { readOnly: { value: true } } });
    expect(report).toEqual({
      source: { path: filePath, status: 'applied' },
      problems: [],
      settings: { readOnly: { value: true, isEnforced: false } },
    });
  });

  it('reads a file saved by Notepad with a byte-order mark', async () => {
    const report = await read(
      `\uFEFF${JSON.stringify({ version: 1, settings: { readOnly: { value: true, enforced: true } } })}`,
    );
    expect(report.source.status).toBe('applied');
    expect(report.settings.readOnly).toEqual({ value: true, isEnforced: true });
  });

  it.each([
    [
      'broken JSON',
      '{ "version": 1, "settings": { "readOnly": { "value": true } }',
      'not valid JSON',
    ],
    ['JSON with a comment', '{ // IT\n "version": 1, "settings": {} }', 'not valid JSON'],
    ['an empty file', '', 'not valid JSON'],
    ['an array', '[{ "readOnly": true }]', '(root): must be an object'],
    ['a string', '"readOnly"', '(root): must be an object'],
    ['null', 'null', '(root): must be an object'],
  ])('applies nothing from %s and says why', async (_label, content, problem) => {
    const report = await read(content);
    expect(report.source.status).toBe('invalid');
    expect(report.settings).toEqual({});
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toContain(problem);
  });

  it('keeps the good settings of a partly valid file and names each bad key', async () => {
    const report = await read({
      version: 1,
      settings: {
        readOnly: { value: 'yes', enforced: true },
        backupKeep: { value: 0 },
        backupSchedule: { value: 'hourly' },
        defaultUiLanguage: { value: 'ru', enforced: true },
        allowUnencryptedBundles: { enforced: true },
        allowedExportFormats: { value: ['PDF', ' csv ', 'exe', 3, 'pdf'] },
      },
    });
    expect(report.source.status).toBe('partly-applied');
    expect(report.settings).toEqual({
      defaultUiLanguage: { value: 'ru', isEnforced: true },
      allowedExportFormats: { value: ['pdf', 'csv'], isEnforced: false },
    });
    expect(report.problems).toEqual([
      'settings.readOnly.value: must be true or false, got "yes"; setting ignored',
      'settings.backupKeep.value: must be at least 1, got 0; setting ignored',
      'settings.backupSchedule.value: must be one of off, daily, weekly, got "hourly"; setting ignored',
      'settings.allowUnencryptedBundles.value: missing; setting ignored',
      'settings.allowedExportFormats.value[2]: must be one of csv, xlsx, json, ics, vcf, pdf, docx, got "exe"; item ignored',
      'settings.allowedExportFormats.value[3]: must be one of csv, xlsx, json, ics, vcf, pdf, docx, got 3; item ignored',
    ]);
  });

  it('reports wrong types for every kind of setting', async () => {
    const report = await read({
      version: 1,
      settings: {
        dataFolder: { value: 42 },
        backupKeep: { value: '10' },
        defaultUiLanguage: { value: 'fr' },
        allowedExportFormats: { value: 'pdf' },
        sensitivityMarkings: { value: { id: 'public' } },
        readOnly: true,
      },
    });
    expect(report.source.status).toBe('invalid');
    expect(report.settings).toEqual({});
    expect(report.problems).toEqual([
      'settings.dataFolder.value: must be a folder path (text), got 42; setting ignored',
      'settings.backupKeep.value: must be a whole number, got "10"; setting ignored',
      'settings.defaultUiLanguage.value: must be one of en, az, ru, got "fr"; setting ignored',
      'settings.allowedExportFormats.value: must be a list such as ["csv", "pdf"], got "pdf"; setting ignored',
      'settings.sensitivityMarkings.value: must be a list of { "id": …, "label": { … } }, got {"id":"public"}; setting ignored',
      'settings.readOnly: must be an object like { "value": …, "enforced": true or false }, got true; ignored',
    ]);
  });

  it('reports unknown keys at every level, suggesting the right spelling, and keeps the rest', async () => {
    const report = await read({
      version: 1,
      comment: 'not the $comment key',
      settings: {
        readonly: { value: true },
        autoUpdate: { value: true },
        backupKeep: { value: 30, enforce: true },
      },
    });
    expect(report.source.status).toBe('partly-applied');
    expect(report.settings).toEqual({ backupKeep: { value: 30, isEnforced: false } });
    expect(report.problems).toHaveLength(4);
    expect(report.problems[0]).toBe(
      'comment: unknown key; ignored (expected version and settings)',
    );
    expect(report.problems[1]).toBe(
      'settings.readonly: unknown setting; ignored (did you mean readOnly?)',
    );
    expect(report.problems[2]).toMatch(
      /^settings\.autoUpdate: unknown setting; ignored \(known settings: dataFolder, /,
    );
    expect(report.problems[3]).toBe(
      'settings.backupKeep.enforce: unknown key; ignored (expected value and enforced)',
    );
  });

  it('applies a value whose `enforced` flag is not a boolean as a default the user may change', async () => {
    const report = await read({
      version: 1,
      settings: { allowUnencryptedBundles: { value: false, enforced: 'yes' } },
    });
    expect(report.source.status).toBe('partly-applied');
    expect(report.settings).toEqual({
      allowUnencryptedBundles: { value: false, isEnforced: false },
    });
    expect(report.problems).toEqual([
      'settings.allowUnencryptedBundles.enforced: must be true or false, got "yes"; the value is applied as a default the user may change',
    ]);
  });

  it('keeps the good sensitivity markings, in order, and reports the bad and repeated ones', async () => {
    const report = await read({
      version: 1,
      settings: {
        sensitivityMarkings: {
          value: [
            { id: 'restricted', label: { az: 'Xidməti istifadə üçün' } },
            { id: 'secret', label: { en: 'Secret' } },
            { id: 'internal', label: {} },
            { id: 'public', label: { en: 'Public', fr: 'Public' } },
            { id: 'public', label: { en: 'Open' } },
            { id: 'restricted', label: { en: 'Restricted again' } },
          ],
          enforced: true,
        },
      },
    });
    expect(report.settings.sensitivityMarkings).toEqual({
      value: [
        { id: 'restricted', label: { az: 'Xidməti istifadə üçün' } },
        { id: 'public', label: { en: 'Open' } },
      ],
      isEnforced: true,
    });
    expect(report.problems).toEqual([
      'settings.sensitivityMarkings.value[1].id: must be one of public, internal, restricted; marking ignored',
      'settings.sensitivityMarkings.value[2].label: needs a label in at least one of en, az, ru; marking ignored',
      'settings.sensitivityMarkings.value[3].label: Unrecognized key: "fr"; marking ignored',
      'settings.sensitivityMarkings.value[5].id: "restricted" is listed twice; the later one is ignored',
    ]);
  });

  it('ignores a list whose items are all bad rather than apply an empty one', async () => {
    const report = await read({
      version: 1,
      settings: {
        allowedExportFormats: { value: ['exe'], enforced: true },
        sensitivityMarkings: { value: [] },
      },
    });
    expect(report.source.status).toBe('invalid');
    expect(report.settings).toEqual({});
    expect(report.problems).toContain(
      'settings.allowedExportFormats.value: no valid format is listed; setting ignored',
    );
    expect(report.problems).toContain(
      'settings.sensitivityMarkings.value: must list at least one marking; setting ignored',
    );
  });

  it('accepts an explicitly empty list of export formats: no export at all', async () => {
    const report = await read({
      version: 1,
      settings: { allowedExportFormats: { value: [], enforced: true } },
    });
    expect(report.source.status).toBe('applied');
    expect(report.settings.allowedExportFormats).toEqual({ value: [], isEnforced: true });
  });

  it('reads the settings of a file with a missing or unknown version, and says so', async () => {
    const missing = await read({ settings: { readOnly: { value: true } } });
    expect(missing.source.status).toBe('partly-applied');
    expect(missing.settings.readOnly).toEqual({ value: true, isEnforced: false });
    expect(missing.problems).toEqual(['version: missing; the file is read as version 1']);

    const future = await read({ version: 2, settings: { readOnly: { value: true } } });
    expect(future.settings.readOnly).toEqual({ value: true, isEnforced: false });
    expect(future.problems[0]).toContain('version: 2 is not a version this app reads');
  });

  it('applies nothing when settings is missing or not an object', async () => {
    expect((await read({ version: 1 })).problems).toEqual([
      'settings: missing; no setting is applied',
    ]);
    const listed = await read({ version: 1, settings: [{ readOnly: { value: true } }] });
    expect(listed.source.status).toBe('invalid');
    expect(listed.problems[0]).toMatch(/^settings: must be an object/);
  });

  it('refuses a file too large to be a policy without parsing it', async () => {
    const report = await read(' '.repeat(MAX_POLICY_BYTES + 1));
    expect(report.source.status).toBe('invalid');
    expect(report.problems[0]).toContain('more than a policy can be');
  });

  it('reports a policy path that is a folder as invalid instead of throwing', async () => {
    await mkdir(filePath);
    const asFolder = readPolicy(options());
    expect(asFolder.source.status).toBe('invalid');
    expect(asFolder.problems[0]).toContain('cannot be read (EISDIR');
  });

  // Root reads any file, so this one can only run as an ordinary user.
  it.skipIf(process.getuid?.() === 0)('reports an unreadable file as invalid', async () => {
    await writeFile(filePath, JSON.stringify(FULL_POLICY));
    await chmod(filePath, 0o000);
    const unreadable = readPolicy(options());
    expect(unreadable.source.status).toBe('invalid');
    expect(unreadable.problems[0]).toContain('cannot be read (EACCES');
  });
});

describe('folder settings', () => {
  const folderPolicy = (dataFolder: unknown, backupFolder: unknown = '/srv/backups') => ({
    version: 1,
    settings: { dataFolder: { value: dataFolder }, backupFolder: { value: backupFolder } },
  });

  it('expands ${VAR}, %VAR% and a leading ~ on Linux', async () => {
    const report = await read(folderPolicy('~/registry', '${XDG_DATA_HOME}/backups/%USER_TAG%'), {
      env: { ...LINUX_ENV, USER_TAG: 'officer-7' },
    });
    expect(report.problems).toEqual([]);
    expect(report.settings.dataFolder?.value).toBe('/home/officer/registry');
    expect(report.settings.backupFolder?.value).toBe(
      '/home/officer/.local/share/backups/officer-7',
    );
  });

  it('expands Windows variables whatever their case, and normalizes the path', async () => {
    const report = await read(
      folderPolicy('%localappdata%\\CooperationRegistry\\', '%USERPROFILE%/Documents/../Backups'),
      { platform: 'win32', env: WINDOWS_ENV },
    );
    expect(report.problems).toEqual([]);
    expect(report.settings.dataFolder?.value).toBe(
      'C:\\Users\\officer\\AppData\\Local\\CooperationRegistry',
    );
    expect(report.settings.backupFolder?.value).toBe('C:\\Users\\officer\\Backups');
  });

  it('accepts drive paths and UNC shares on Windows', async () => {
    const report = await read(folderPolicy('D:/Registry', '\\\\fileserver\\backups\\registry'), {
      platform: 'win32',
      env: WINDOWS_ENV,
    });
    expect(report.settings.dataFolder?.value).toBe('D:\\Registry');
    expect(report.settings.backupFolder?.value).toBe('\\\\fileserver\\backups\\registry');
  });

  it('ignores a folder with an unknown variable rather than guess', async () => {
    const report = await read(folderPolicy('%HOMESHARE%\\Registry', '${NO_SUCH_VAR}/backups'), {
      platform: 'win32',
      env: WINDOWS_ENV,
    });
    expect(report.source.status).toBe('invalid');
    expect(report.settings).toEqual({});
    expect(report.problems).toEqual([
      'settings.dataFolder.value: "%HOMESHARE%\\\\Registry" uses %HOMESHARE%, not set in this environment; setting ignored',
      'settings.backupFolder.value: "${NO_SUCH_VAR}/backups" uses ${NO_SUCH_VAR}, not set in this environment; setting ignored',
    ]);
  });

  it.each([
    ['linux', 'registry/data'],
    ['linux', ''],
    ['linux', '   '],
    ['win32', 'Registry'],
    ['win32', '\\Registry'],
    ['win32', 'D:Registry'],
    ['win32', '/srv/registry'],
  ] as const)(
    'on %s, ignores the folder %j, which is not a full path',
    async (platform, dataFolder) => {
      const backupFolder = platform === 'win32' ? 'D:\\Backups' : '/srv/backups';
      const report = await read(folderPolicy(dataFolder, backupFolder), {
        platform,
        env: WINDOWS_ENV,
      });
      expect(report.settings.dataFolder).toBeUndefined();
      expect(report.settings.backupFolder).toBeDefined();
      expect(report.source.status).toBe('partly-applied');
      expect(report.problems[0]).toMatch(/^settings\.dataFolder\.value: /);
    },
  );
});

describe('policyFilePath', () => {
  const none = () => false;

  it('is /etc/cooperation-registry/policy.json on Linux', () => {
    expect(policyFileCandidates('linux', {})).toEqual([LINUX_POLICY_FILE]);
    expect(policyFilePath('linux', {}, none)).toBe('/etc/cooperation-registry/policy.json');
    expect(LINUX_POLICY_FILE).toBe('/etc/cooperation-registry/policy.json');
  });

  it('is C:\\ProgramData\\CooperationRegistry\\policy.json on a usual Windows', () => {
    const path = 'C:\\ProgramData\\CooperationRegistry\\policy.json';
    expect(policyFilePath('win32', { ProgramData: 'C:\\ProgramData' }, none)).toBe(path);
    expect(policyFilePath('win32', { PROGRAMDATA: 'c:\\programdata' }, none)).toBe(path);
    expect(policyFilePath('win32', {}, none)).toBe(path);
  });

  it('follows %ProgramData% on a Windows installed on another drive', () => {
    const env = { ProgramData: 'D:\\ProgramData' };
    expect(policyFileCandidates('win32', env)).toEqual([
      'C:\\ProgramData\\CooperationRegistry\\policy.json',
      'D:\\ProgramData\\CooperationRegistry\\policy.json',
    ]);
    expect(policyFilePath('win32', env, none)).toBe(
      'D:\\ProgramData\\CooperationRegistry\\policy.json',
    );
    expect(policyFilePath('win32', env, (path) => path.startsWith('D:'))).toBe(
      'D:\\ProgramData\\CooperationRegistry\\policy.json',
    );
  });

  it('keeps to the policy in C:\\ProgramData when a user points %ProgramData% elsewhere', () => {
    const env = { ProgramData: 'C:\\Users\\officer\\fake' };
    expect(policyFilePath('win32', env, () => true)).toBe(
      'C:\\ProgramData\\CooperationRegistry\\policy.json',
    );
  });
});

describe('parsePolicy', () => {
  it('is what readPolicy applies to the text of the file', () => {
    const text = JSON.stringify(FULL_POLICY);
    expect(parsePolicy(text, options()).settings.backupKeep).toEqual({
      value: 14,
      isEnforced: false,
    });
  });
});
