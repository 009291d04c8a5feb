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

/** What every security setting is when it fails closed, written out rather than imported. */
const CLOSED = {
  readOnly: { value: true, isEnforced: true },
  allowedExportFormats: { value: [], isEnforced: true },
  allowUnencryptedBundles: { value: false, isEnforced: true },
};
const FAIL_CLOSED_LINE =
  'until policy.json is fixed, its security settings fail closed: the registry is read-only, no export is allowed, only encrypted exchange bundles are allowed; no other setting is applied';

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
      'broken JSON that meant to allow everything',
      '{ "version": 1, "settings": { "readOnly": { "value": false }, "allowUnencryptedBundles": { "value": true } }',
      'policy.json is not valid JSON (',
    ],
    ['JSON with a comment', '{ // IT\n "version": 1, "settings": {} }', 'not valid JSON'],
    ['an empty file', '', 'not valid JSON'],
    [
      'an array',
      '[{ "readOnly": { "value": false } }]',
      '(root): must be an object like { "version": 1, "settings": { … } }, got [{"readOnly":{"value":false}}]',
    ],
    ['a string', '"readOnly"', '(root): must be an object'],
    ['null', 'null', '(root): must be an object'],
  ])(
    'fails closed on %s: read-only, no export, encrypted bundles only, and says why',
    async (_label, content, problem) => {
      const report = await read(content);
      expect(report.source).toEqual({ path: filePath, status: 'unreadable' });
      expect(report.settings).toEqual(CLOSED);
      expect(report.problems).toHaveLength(2);
      expect(report.problems[0]).toContain(problem);
      expect(report.problems[1]).toBe(FAIL_CLOSED_LINE);
    },
  );

  it('keeps the good settings of a partly valid file, fails bad security settings closed and names each bad key', async () => {
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
      readOnly: CLOSED.readOnly,
      allowUnencryptedBundles: CLOSED.allowUnencryptedBundles,
      defaultUiLanguage: { value: 'ru', isEnforced: true },
      // A list keeps its good items: it can only allow less than IT wrote.
      allowedExportFormats: { value: ['pdf', 'csv'], isEnforced: false },
    });
    expect(report.problems).toEqual([
      'settings.readOnly.value: must be true or false, got "yes"; fails closed: the registry is read-only',
      'settings.backupKeep.value: must be at least 1, got 0; setting ignored',
      'settings.backupSchedule.value: must be one of off, daily, weekly, got "hourly"; setting ignored',
      'settings.allowUnencryptedBundles.value: missing; fails closed: only encrypted exchange bundles are allowed',
      'settings.allowedExportFormats.value[2]: must be one of csv, xlsx, json, ics, vcf, pdf, docx, got "exe"; item ignored',
      'settings.allowedExportFormats.value[3]: must be one of csv, xlsx, json, ics, vcf, pdf, docx, got 3; item ignored',
    ]);
  });

  it('reports wrong types for every kind of setting, failing the security settings closed', async () => {
    const report = await read({
      version: 1,
      settings: {
        dataFolder: { value: 42 },
        backupKeep: { value: '10' },
        defaultUiLanguage: { value: 'fr' },
        allowedExportFormats: { value: 'pdf' },
        sensitivityMarkings: { value: { id: 'public' } },
        readOnly: false,
        allowUnencryptedBundles: { value: 'true' },
      },
    });
    expect(report.source.status).toBe('partly-applied');
    expect(report.settings).toEqual(CLOSED);
    expect(report.problems).toEqual([
      'settings.dataFolder.value: must be a folder path (text), got 42; setting ignored',
      'settings.backupKeep.value: must be a whole number, got "10"; setting ignored',
      'settings.defaultUiLanguage.value: must be one of en, az, ru, got "fr"; setting ignored',
      'settings.allowedExportFormats.value: must be a list such as ["csv", "pdf"], got "pdf"; fails closed: no export is allowed',
      'settings.sensitivityMarkings.value: must be a list of { "id": …, "label": { … } }, got {"id":"public"}; setting ignored',
      'settings.readOnly: must be an object like { "value": …, "enforced": true or false }, got false; fails closed: the registry is read-only',
      'settings.allowUnencryptedBundles.value: must be true or false, got "true"; fails closed: only encrypted exchange bundles are allowed',
    ]);
  });

  it('reads a setting that is neither a security setting nor valid as absent: the app default', async () => {
    const report = await read({
      version: 1,
      settings: { backupKeep: { value: 'ten' }, dataFolder: { value: 'relative' } },
    });
    expect(report.source.status).toBe('invalid');
    expect(report.settings).toEqual({});
    expect(report.problems).toHaveLength(2);
  });

  it('reports unknown keys at every level, suggesting the right spelling, and keeps the rest', async () => {
    const report = await read({
      version: 1,
      comment: 'not the $comment key',
      settings: {
        backupkeep: { value: 5 },
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
      'settings.backupkeep: unknown setting; ignored (did you mean backupKeep?)',
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
      settings: { backupSchedule: { value: 'daily', enforced: 'yes' } },
    });
    expect(report.source.status).toBe('partly-applied');
    expect(report.settings).toEqual({ backupSchedule: { value: 'daily', isEnforced: false } });
    expect(report.problems).toEqual([
      'settings.backupSchedule.enforced: must be true or false, got "yes"; the value is applied as a default the user may change',
    ]);
  });

  it('fails a security setting closed when its `enforced` flag is not a boolean', async () => {
    const report = await read({
      version: 1,
      settings: {
        allowUnencryptedBundles: { value: true, enforced: 'yes' },
        readOnly: { value: false, enforced: 1 },
      },
    });
    expect(report.source.status).toBe('partly-applied');
    expect(report.settings).toEqual({
      allowUnencryptedBundles: CLOSED.allowUnencryptedBundles,
      readOnly: CLOSED.readOnly,
    });
    expect(report.problems).toEqual([
      'settings.allowUnencryptedBundles.enforced: must be true or false, got "yes"; fails closed: only encrypted exchange bundles are allowed',
      'settings.readOnly.enforced: must be true or false, got 1; fails closed: the registry is read-only',
    ]);
  });

  it.each(['readonly', 'READONLY', 'read-only', 'read_only', 'Read Only'])(
    'fails read-only closed for the misspelled key %j, even beside a correct readOnly: false',
    async (misspelled) => {
      const report = await read({
        version: 1,
        settings: { readOnly: { value: false, enforced: true }, [misspelled]: { value: false } },
      });
      expect(report.settings.readOnly).toEqual(CLOSED.readOnly);
      expect(report.problems).toEqual([
        `settings.${misspelled}: unknown setting, but it names readOnly; readOnly fails closed: the registry is read-only`,
      ]);
    },
  );

  it('fails closed every security setting whose entry has a key it does not know', async () => {
    const report = await read({
      version: 1,
      settings: {
        allowUnencryptedBundles: { value: true, enforce: true },
        allowedExportFormats: { value: ['csv', 'json'], enforced: true, formats: ['exe'] },
        readOnly: { value: false, $comment: 'Field laptops may edit' },
      },
    });
    expect(report.settings).toEqual({
      allowUnencryptedBundles: CLOSED.allowUnencryptedBundles,
      allowedExportFormats: CLOSED.allowedExportFormats,
      // $comment is part of the format, so this one is understood and applied.
      readOnly: { value: false, isEnforced: false },
    });
    expect(report.problems).toEqual([
      'settings.allowUnencryptedBundles.enforce: unknown key; fails closed: only encrypted exchange bundles are allowed (expected value and enforced)',
      'settings.allowedExportFormats.formats: unknown key; fails closed: no export is allowed (expected value and enforced)',
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

  it('fails export formats closed, and ignores markings, when every item of the list is bad', async () => {
    const report = await read({
      version: 1,
      settings: {
        allowedExportFormats: { value: ['exe'], enforced: false },
        sensitivityMarkings: { value: [] },
      },
    });
    expect(report.source.status).toBe('partly-applied');
    expect(report.settings).toEqual({ allowedExportFormats: CLOSED.allowedExportFormats });
    expect(report.problems).toContain(
      'settings.allowedExportFormats.value: no valid format is listed; fails closed: no export is allowed',
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

  it('fails closed when settings is missing or not an object', async () => {
    const missing = await read({ version: 1, Settings: { readOnly: { value: false } } });
    expect(missing.source.status).toBe('unreadable');
    expect(missing.settings).toEqual(CLOSED);
    expect(missing.problems).toEqual([
      'settings: missing',
      FAIL_CLOSED_LINE,
      'Settings: unknown key; ignored (expected version and settings)',
    ]);
    const listed = await read({ version: 1, settings: [{ readOnly: { value: false } }] });
    expect(listed.source.status).toBe('unreadable');
    expect(listed.settings).toEqual(CLOSED);
    expect(listed.problems[0]).toMatch(/^settings: must be an object, got \[/);
  });

  it('fails closed on a file too large to be a policy, without parsing it', async () => {
    const report = await read(' '.repeat(MAX_POLICY_BYTES + 1));
    expect(report.source.status).toBe('unreadable');
    expect(report.settings).toEqual(CLOSED);
    expect(report.problems[0]).toBe(
      `policy.json is ${MAX_POLICY_BYTES + 1} bytes, more than a policy can be (${MAX_POLICY_BYTES})`,
    );
  });

  it('fails closed on a policy path that is a folder, instead of throwing', async () => {
    await mkdir(filePath);
    const asFolder = readPolicy(options());
    expect(asFolder.source.status).toBe('unreadable');
    expect(asFolder.settings).toEqual(CLOSED);
    expect(asFolder.problems[0]).toMatch(/^policy\.json cannot be read \(EISDIR/);
  });

  // Root reads any file, so this one can only run as an ordinary user.
  it.skipIf(process.getuid?.() === 0)('fails closed on a file it may not read', async () => {
    await writeFile(filePath, JSON.stringify(FULL_POLICY));
    await chmod(filePath, 0o000);
    const unreadable = readPolicy(options());
    expect(unreadable.source.status).toBe('unreadable');
    expect(unreadable.settings).toEqual(CLOSED);
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
