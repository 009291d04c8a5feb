import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcContract, MAX_ATTACHMENT_BYTES, MAX_OPEN_BYTES } from '@shared/ipc/contract';
import type { PolicyReport } from '@shared/model/policy';
import { SNAPSHOT_FORMAT } from '@shared/model/registrySnapshot';
import type { FileDialogs } from './files/fileDialogs';
import { createDispatcher } from './ipc/dispatcher';
import {
  ensureWritableFolder,
  PORTABLE_DATA_FOLDER,
  resolveDataLocation,
  type DataLocation,
} from './policy/dataLocation';
import { readPolicy } from './policy/policyService';
import { forgedBundle } from '../../tests/fixtures/forgedBundle';
import { isAppOrigin } from './security/appOrigin';
import { createIpcHandlers, type AppInfo } from './services';
import { WINDOWS_SHORTCUT } from './attachments/testing/sampleFiles';

const appInfo: AppInfo = {
  appVersion: '0.1.0',
  electronVersion: null,
  chromeVersion: null,
  platform: 'linux',
  isPackaged: false,
  systemLocale: 'az-AZ',
};

let base: string;
let dataFolder: string;
let resourcesFolder: string;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'services-'));
  dataFolder = join(base, 'userData');
  resourcesFolder = join(base, 'resources');
  await mkdir(resourcesFolder);
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

/** The policy as main reads it at start: from a real file, absent unless a test writes one. */
function policyAt(filePath = join(base, 'no-policy.json')): PolicyReport {
  return readPolicy({ filePath, platform: 'linux', env: { HOME: join(base, 'home') } });
}

const DEFAULT_LOCATION = { source: 'default', isPortable: false, problem: null } as const;

function setup(
  policy: PolicyReport = policyAt(),
  location: DataLocation = { dataFolder, ...DEFAULT_LOCATION },
  chooseFileToSave: FileDialogs['chooseFileToSave'] = () => Promise.resolve(null),
) {
  const logError = vi.fn();
  const opened: string[] = [];
  const handlers = createIpcHandlers({
    dataFolder: location.dataFolder,
    resourcesFolder,
    hostName: 'FIELD-LAPTOP',
    appInfo,
    now: () => new Date('2025-01-02T03:04:05.000Z'),
    policy,
    dataLocation: location,
    dialogs: {
      chooseFileToOpen: () => Promise.resolve(null),
      chooseFileToSave,
      chooseFolder: () => Promise.resolve(null),
    },
    openPath: (path) => {
      opened.push(path);
      return Promise.resolve('');
    },
  });
  const dispatch = createDispatcher({ handlers, isTrustedSender: isAppOrigin, logError });
  const call = (channel: string, input?: unknown) =>
    dispatch({ channel, input, senderUrl: 'app://registry/index.html' });
  return { handlers, call, logError, opened };
}

describe('createIpcHandlers', () => {
  it('has a handler for every channel of the contract', () => {
    expect(Object.keys(setup().handlers).sort()).toEqual(Object.keys(ipcContract).sort());
  });

  it('answers app:info with the app info and the data folder', async () => {
    expect(await setup().call('app:info')).toEqual({
      ok: true,
      value: { ...appInfo, dataFolder },
    });
  });

  it('keeps the device and settings across a restart, in the data folder', async () => {
    const first = setup();
    const device = await first.call('device:get');
    expect(device).toMatchObject({ ok: true, value: { deviceName: 'FIELD-LAPTOP' } });
    await first.call('device:rename', { deviceName: 'Ganja office' });
    await first.call('settings:update', { uiLanguage: 'az' });

    const second = setup();
    expect(await second.call('settings:get')).toEqual({ ok: true, value: { uiLanguage: 'az' } });
    expect(await second.call('device:get')).toEqual({
      ok: true,
      value: {
        deviceId: device.ok && (device.value as { deviceId: string }).deviceId,
        deviceName: 'Ganja office',
      },
    });
    expect(JSON.parse(await readFile(join(dataFolder, 'device.json'), 'utf8'))).toMatchObject({
      deviceName: 'Ganja office',
    });
  });

  it('answers sample:read with the validated sample, or invalid-data when it is broken', async () => {
    const { call } = setup();
    expect(await call('sample:read')).toMatchObject({
      ok: false,
      error: { code: 'invalid-data' },
    });
    await writeFile(
      join(resourcesFolder, 'sample-registry.json'),
      JSON.stringify({ format: SNAPSHOT_FORMAT, formatVersion: 1, title: 'Sample', records: {} }),
    );
    expect(await call('sample:read')).toMatchObject({
      ok: true,
      value: { title: 'Sample', records: { partners: [] } },
    });
  });

  it('writes renderer error reports to the log in the data folder', async () => {
    const result = await setup().call('diagnostics:report-error', {
      message: 'Boom',
      stack: null,
      componentStack: null,
    });
    const logFile = join(dataFolder, 'logs', 'renderer-errors.log');
    expect(result).toEqual({ ok: true, value: { logFile } });
    expect(await readFile(logFile, 'utf8')).toContain('[2025-01-02T03:04:05.000Z] Renderer error');
  });

  it('refuses bytes over each channel’s limit at the door, before a dialog or a write', async () => {
    const asked: string[] = [];
    const { call } = setup(policyAt(), undefined, ({ defaultName }) => {
      asked.push(defaultName);
      return Promise.resolve(null);
    });
    // Zero-filled buffers: the memory is only reserved, so the test stays light.
    const overAttachment = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    expect(
      await call('attachment:store', { sha256: 'a'.repeat(64), bytes: overAttachment }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const overSave = new Uint8Array(MAX_OPEN_BYTES + 1);
    expect(
      await call('file:save', {
        title: 'Export',
        defaultName: 'x.csv',
        format: 'csv',
        bytes: overSave,
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input', message: /bytes/ } });
    expect(asked).toEqual([]);
    await expect(readdir(join(dataFolder, 'attachments'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it('offers the save dialog a clean name, whatever name the renderer suggests', async () => {
    const suggested: string[] = [];
    const { call } = setup(policyAt(), undefined, ({ defaultName }) => {
      suggested.push(defaultName);
      return Promise.resolve(null);
    });
    const save = (defaultName: string) =>
      call('file:save', {
        title: 'Export',
        defaultName,
        format: 'csv',
        bytes: new TextEncoder().encode('a;b\n'),
      });
    await save('..\\..\\Startup\\Tədbirlər\u202Evsc.exe');
    await save('/etc/cron.d/Встречи 2026.csv');
    expect(suggested).toEqual(['Tədbirlərvsc.exe.csv', 'Встречи 2026.csv']);
  });

  it('keeps attachments in the data folder and refuses a path where a hash belongs', async () => {
    const { call } = setup();
    const hash = 'ab'.repeat(32);
    expect(await call('attachment:check', { sha256s: [hash] })).toEqual({
      ok: true,
      value: { missing: [hash] },
    });
    await mkdir(join(dataFolder, 'attachments', 'ab'), { recursive: true });
    await writeFile(join(dataFolder, 'attachments', 'ab', hash), 'stored');
    expect(await call('attachment:check', { sha256s: [hash] })).toEqual({
      ok: true,
      value: { missing: [] },
    });
    for (const channel of ['attachment:open', 'attachment:save-copy']) {
      expect(
        await call(channel, { sha256: '../../device.json', name: 'x.pdf', title: 'Save' }),
      ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(await call('attachment:add', { title: 'Attach' })).toEqual({ ok: true, value: null });
  });

  it('tells a renderer what a stored file really is, and opens no shortcut it asks for', async () => {
    const { call, opened } = setup();
    // Bytes as a bundle from another laptop brings them: a .lnk under a PDF's name.
    const sha256 = createHash('sha256').update(WINDOWS_SHORTCUT).digest('hex');
    expect(await call('attachment:store', { sha256, bytes: WINDOWS_SHORTCUT })).toMatchObject({
      ok: true,
    });
    const file = { sha256, name: 'Scan\u202Efdp.pdf' };

    expect(await call('attachment:inspect', file)).toEqual({
      ok: true,
      value: {
        canOpen: false,
        type: 'windows-shortcut',
        reason: 'runs-code',
      },
    });
    expect(await call('attachment:open', file)).toMatchObject({
      ok: false,
      error: {
        code: 'unsafe-file-type',
        details: { fileName: 'Scanfdp.pdf', detectedType: 'windows-shortcut', reason: 'runs-code' },
      },
    });
    expect(opened).toEqual([]);
  });
});

describe('machine policy and data location', () => {
  async function writePolicy(settings: Record<string, unknown>): Promise<string> {
    const filePath = join(base, 'policy.json');
    await writeFile(filePath, JSON.stringify({ version: 1, settings }));
    return filePath;
  }

  it('refuses every channel that changes the registry while the policy makes it read-only', async () => {
    const policy = policyAt(await writePolicy({ readOnly: { value: true, enforced: true } }));
    const { call } = setup(policy);
    const bytes = new TextEncoder().encode('forged');
    const writes: Record<string, unknown> = {
      'sample:read': undefined,
      'file:open': {
        title: 'Import',
        filters: [{ name: 'CSV', extensions: ['csv'] }],
        maxBytes: 10,
        purpose: 'import',
      },
      'attachment:add': { title: 'Attach' },
      'attachment:store': { sha256: createHash('sha256').update(bytes).digest('hex'), bytes },
      'backup:read': { source: { kind: 'newest' } },
      'backup:download': { readId: randomUUID(), table: 'partners', offset: 0 },
      'backup:restore-files': { readId: randomUUID() },
    };
    const marked = Object.entries(ipcContract)
      .filter(([, entry]) => entry.changesRegistry)
      .map(([channel]) => channel);
    expect(marked.sort()).toEqual(Object.keys(writes).sort());
    for (const [channel, input] of Object.entries(writes)) {
      expect(await call(channel, input), channel).toMatchObject({
        ok: false,
        error: { code: 'policy-forbids', details: { setting: 'readOnly', action: channel } },
      });
    }
    // Refused before the service ran: nothing reached the data folder's attachment store.
    await expect(readdir(join(dataFolder, 'attachments'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
    // Reading and exporting go on.
    expect(await call('attachment:check', { sha256s: [] })).toEqual({
      ok: true,
      value: { missing: [] },
    });
  });

  it('locks a damaged policy file down through every channel: no change, no export, no plain bundle', async () => {
    const policyFile = join(base, 'policy.json');
    // IT meant to allow everything, but the file is cut short.
    await writeFile(policyFile, '{ "version": 1, "settings": { "readOnly": { "value": false }');
    const saved: string[] = [];
    const { call } = setup(policyAt(policyFile), undefined, ({ defaultName }) => {
      saved.push(defaultName);
      return Promise.resolve(join(base, defaultName));
    });
    expect(await call('policy:get')).toMatchObject({
      ok: true,
      value: { source: { path: policyFile, status: 'unreadable' } },
    });
    expect(await call('sample:read')).toMatchObject({
      ok: false,
      error: { code: 'policy-forbids', details: { setting: 'readOnly' } },
    });
    for (const format of ['csv', 'json', 'xlsx', 'pdf'] as const) {
      expect(
        await call('file:save', {
          title: 'Export',
          defaultName: `Partners.${format}`,
          format,
          bytes: new TextEncoder().encode('{}'),
        }),
        format,
      ).toMatchObject({
        ok: false,
        error: { code: 'policy-forbids', details: { setting: 'allowedExportFormats', format } },
      });
    }
    expect(
      await call('briefing:save-pdf', {
        title: 'Save',
        defaultName: 'Pack.pdf',
        html: '<p>',
        parts: ['<p>'],
        headerTemplate: '',
        footerTemplate: '',
      }),
    ).toMatchObject({ ok: false, error: { code: 'policy-forbids' } });
    expect(
      await call('file:save', {
        title: 'Save bundle',
        defaultName: 'to-hq.coopx',
        format: 'coopx',
        bytes: forgedBundle({ isEncrypted: false }),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'policy-forbids', details: { setting: 'allowUnencryptedBundles' } },
    });
    // No dialog was opened, and nothing reached the disk.
    expect(saved).toEqual([]);
    expect((await readdir(base)).sort()).toEqual(['policy.json', 'resources']);
  });

  it('refuses a format the policy does not list, whatever file type a renderer claims', async () => {
    const policy = policyAt(
      await writePolicy({ allowedExportFormats: { value: ['pdf'], enforced: true } }),
    );
    const { call } = setup(policy, undefined, () => Promise.resolve(join(base, 'list.pdf')));
    // A renderer cannot pass a filter of its own any more: the format decides the file type.
    expect(
      await call('file:save', {
        title: 'Export',
        defaultName: 'list.pdf',
        format: 'csv',
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        bytes: new TextEncoder().encode('a;b\n'),
      }),
    ).toMatchObject({ ok: false, error: { code: 'policy-forbids' } });
    expect(await readdir(base)).not.toContain('list.pdf');
  });

  it('reports no policy and the default data folder when there is no policy file', async () => {
    expect(await setup().call('policy:get')).toEqual({
      ok: true,
      value: {
        source: { path: join(base, 'no-policy.json'), status: 'absent' },
        problems: [],
        settings: {},
        dataLocations: {
          dataFolder,
          logsFolder: join(dataFolder, 'logs'),
          isPortable: false,
          source: 'default',
          problem: null,
        },
      },
    });
  });

  it("uses the policy's default language until the user picks one, and the user's after", async () => {
    const { call } = setup(policyAt(await writePolicy({ defaultUiLanguage: { value: 'az' } })));
    expect(await call('settings:get')).toEqual({ ok: true, value: { uiLanguage: 'az' } });
    expect(await call('settings:update', { uiLanguage: 'ru' })).toEqual({
      ok: true,
      value: { uiLanguage: 'ru' },
    });
    expect(await call('settings:get')).toEqual({ ok: true, value: { uiLanguage: 'ru' } });
    // Back to "no choice": the policy's default again, not the system language.
    expect(await call('settings:update', { uiLanguage: null })).toEqual({
      ok: true,
      value: { uiLanguage: 'az' },
    });
  });

  it('keeps an enforced language over the saved choice and refuses to change it', async () => {
    await setup().call('settings:update', { uiLanguage: 'en' });
    const policyFile = await writePolicy({ defaultUiLanguage: { value: 'ru', enforced: true } });
    const { call } = setup(policyAt(policyFile));
    expect(await call('settings:get')).toEqual({ ok: true, value: { uiLanguage: 'ru' } });

    const refused = await call('settings:update', { uiLanguage: 'az' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!refused.ok) {
      expect(refused.error.message).toContain('enforced by the machine policy');
      expect(refused.error.message).toContain(policyFile);
    }
    expect(await call('settings:update', { uiLanguage: null })).toMatchObject({ ok: false });
    expect(await call('settings:update', { uiLanguage: 'ru' })).toEqual({
      ok: true,
      value: { uiLanguage: 'ru' },
    });
    // The user's own choice is left as it was, for the day the policy stops enforcing.
    expect(JSON.parse(await readFile(join(dataFolder, 'settings.json'), 'utf8'))).toEqual({
      uiLanguage: 'en',
    });
  });

  it('answers policy:get with what the policy sets, enforced or not, and its problems', async () => {
    const policyFile = await writePolicy({
      readOnly: { value: true, enforced: true },
      allowedExportFormats: { value: ['pdf', 'docx', 'exe'] },
      backupKeep: { value: 'ten', enforced: true },
    });
    const result = await setup(policyAt(policyFile)).call('policy:get');
    expect(result).toMatchObject({
      ok: true,
      value: {
        source: { path: policyFile, status: 'partly-applied' },
        settings: {
          readOnly: { value: true, isEnforced: true },
          allowedExportFormats: { value: ['pdf', 'docx'], isEnforced: false },
        },
      },
    });
    if (!result.ok) return;
    const value = result.value as PolicyReport;
    expect(value.settings.backupKeep).toBeUndefined();
    expect(value.problems).toHaveLength(2);
    expect(value.problems[0]).toContain('settings.allowedExportFormats.value[2]');
    expect(value.problems[1]).toContain('settings.backupKeep.value');
  });

  it('keeps everything in the policy data folder, with ${HOME} expanded', async () => {
    const policy = policyAt(
      await writePolicy({ dataFolder: { value: '${HOME}/registry-data', enforced: true } }),
    );
    const location = resolveDataLocation({
      commandLineDataDir: null,
      portableExecutableDir: null,
      isPortableBuild: false,
      policyDataFolder: policy.settings.dataFolder ?? null,
      defaultDataFolder: dataFolder,
      ensureFolder: ensureWritableFolder,
    });
    const policyFolder = join(base, 'home', 'registry-data');
    expect(location).toEqual({
      dataFolder: policyFolder,
      source: 'policy',
      isPortable: false,
      problem: null,
    });
    const { call } = setup(policy, location);
    await call('device:get');
    await call('settings:update', { uiLanguage: 'az' });
    expect((await readdir(policyFolder)).sort()).toEqual(['device.json', 'settings.json']);
    expect(await call('policy:get')).toMatchObject({
      ok: true,
      value: { dataLocations: { dataFolder: policyFolder, source: 'policy' } },
    });
  });

  it('keeps the data of the portable build beside its .exe, ahead of the policy folder', async () => {
    const stick = join(base, 'E-drive');
    await mkdir(stick);
    const policy = policyAt(await writePolicy({ dataFolder: { value: '/srv/registry' } }));
    const location = resolveDataLocation({
      commandLineDataDir: null,
      portableExecutableDir: stick,
      isPortableBuild: true,
      policyDataFolder: policy.settings.dataFolder ?? null,
      defaultDataFolder: dataFolder,
      ensureFolder: ensureWritableFolder,
    });
    const portableFolder = join(stick, PORTABLE_DATA_FOLDER);
    const { call } = setup(policy, location);
    await call('device:get');
    expect(await readdir(portableFolder)).toEqual(['device.json']);
    expect(await call('policy:get')).toMatchObject({
      ok: true,
      value: {
        dataLocations: {
          dataFolder: portableFolder,
          logsFolder: join(portableFolder, 'logs'),
          isPortable: true,
          source: 'portable',
          problem: null,
        },
      },
    });
  });
});
