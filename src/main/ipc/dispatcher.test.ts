import { describe, expect, it, vi } from 'vitest';
import { isAppOrigin } from '../security/appOrigin';
import { AppError } from './AppError';
import { createDispatcher, type IpcHandlers } from './dispatcher';

const DEVICE = { deviceId: '0b6f8a52-4c1e-4d8a-9d55-2f3b8c7e1a90', deviceName: 'Laptop' };

const BACKUP_SETTINGS = {
  folder: '/data/backups',
  isDefaultFolder: true,
  keep: 10,
  schedule: 'daily',
  enforced: { folder: false, keep: false, schedule: false },
} as const;

const backupStubs: Pick<IpcHandlers, `backup:${string}` & keyof IpcHandlers> = {
  'backup:settings': () => BACKUP_SETTINGS,
  'backup:update-settings': () => BACKUP_SETTINGS,
  'backup:choose-folder': () => null,
  'backup:due': () => ({ isDue: false, lastBackupAt: null }),
  'backup:upload': () => ({ received: 0 }),
  'backup:create': () => ({ status: 'cancelled' }),
  'backup:list': () => ({ folder: '/data/backups', backups: [] }),
  'backup:read': () => null,
  'backup:download': () => ({ bytes: new Uint8Array(0) }),
  'backup:restore-files': () => ({ restored: 0 }),
  'backup:delete': () => null,
};

function stubHandlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  return {
    'app:info': () => ({
      appVersion: '0.1.0',
      electronVersion: null,
      chromeVersion: null,
      platform: 'linux',
      isPackaged: false,
      dataFolder: '/data',
      systemLocale: 'en-US',
    }),
    'device:get': () => DEVICE,
    'file:open': () => null,
    'file:save': () => null,
    'briefing:save-pdf': () => null,
    'attachment:add': () => null,
    'attachment:open': () => null,
    'attachment:inspect': () => ({ canOpen: true, type: 'pdf' }),
    'attachment:save-copy': () => null,
    'attachment:check': () => ({ missing: [] }),
    'attachment:read': () => ({ bytes: new Uint8Array() }),
    'attachment:store': () => ({ isAlreadyStored: false }),
    'device:rename': ({ deviceName }) => ({ ...DEVICE, deviceName }),
    'settings:get': () => ({ uiLanguage: null }),
    'settings:update': (patch) => ({ uiLanguage: patch.uiLanguage ?? null }),
    'policy:get': () => ({
      source: { path: '/etc/cooperation-registry/policy.json', status: 'absent' },
      problems: [],
      settings: {},
      dataLocations: {
        dataFolder: '/data',
        logsFolder: '/data/logs',
        isPortable: false,
        source: 'default',
        problem: null,
      },
    }),
    'sample:read': () => {
      throw new AppError('not-found', 'No sample');
    },
    'diagnostics:report-error': () => ({ logFile: '/data/logs/renderer-errors.log' }),
    ...backupStubs,
    ...overrides,
  };
}

function setup(overrides: Partial<IpcHandlers> = {}) {
  const logError = vi.fn();
  const dispatch = createDispatcher({
    handlers: stubHandlers(overrides),
    isTrustedSender: isAppOrigin,
    logError,
  });
  return { dispatch, logError };
}

const FROM_APP = 'app://registry/index.html';

describe('createDispatcher', () => {
  it('answers a valid request from the app with the handler value', async () => {
    const { dispatch } = setup();
    const result = await dispatch({
      channel: 'device:rename',
      input: { deviceName: '  Field laptop  ' },
      senderUrl: FROM_APP,
    });
    expect(result).toEqual({ ok: true, value: { ...DEVICE, deviceName: 'Field laptop' } });
  });

  it('rejects malformed input and names the field', async () => {
    const { dispatch } = setup();
    const result = await dispatch({
      channel: 'device:rename',
      input: { deviceName: '' },
      senderUrl: FROM_APP,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.message).toContain('deviceName');
  });

  it('rejects an input where the contract expects none', async () => {
    const { dispatch } = setup();
    const result = await dispatch({ channel: 'app:info', input: { x: 1 }, senderUrl: FROM_APP });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it.each([
    'https://evil.example/',
    null,
    'file:///C:/Users/me/Downloads/page.html',
    'app://registry.evil/index.html',
    'app://evil/index.html',
    'devtools://devtools/bundled/inspector.html',
  ])('refuses requests from %s without running the handler', async (senderUrl) => {
    const spy = vi.fn(() => DEVICE);
    const { dispatch } = setup({ 'device:get': spy });
    const result = await dispatch({ channel: 'device:get', input: undefined, senderUrl });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses an unknown channel, including inherited property names', async () => {
    const { dispatch } = setup();
    for (const channel of ['fs:read', 'toString', '__proto__']) {
      const result = await dispatch({ channel, input: undefined, senderUrl: FROM_APP });
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
  });

  it("passes a handler's AppError through with its code and message, unlogged", async () => {
    const { dispatch, logError } = setup();
    const result = await dispatch({
      channel: 'sample:read',
      input: undefined,
      senderUrl: FROM_APP,
    });
    expect(result).toEqual({ ok: false, error: { code: 'not-found', message: 'No sample' } });
    expect(logError).not.toHaveBeenCalled();
  });

  it('turns an unexpected throw into `internal`, logs it and keeps its details out of the answer', async () => {
    const boom = new Error('EACCES: /home/secret/path');
    const { dispatch, logError } = setup({
      'settings:get': () => {
        throw boom;
      },
    });
    const result = await dispatch({
      channel: 'settings:get',
      input: undefined,
      senderUrl: FROM_APP,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) expect(result.error.message).not.toContain('/home/secret');
    expect(logError).toHaveBeenCalledWith('settings:get', boom);
  });

  it('turns an output that breaks the contract into `invalid-output` and logs it', async () => {
    const { dispatch, logError } = setup({
      'device:get': () => ({ deviceId: 'not-a-uuid', deviceName: 'Laptop' }),
    });
    const result = await dispatch({ channel: 'device:get', input: undefined, senderUrl: FROM_APP });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-output' } });
    expect(logError).toHaveBeenCalledTimes(1);
    expect(logError.mock.calls[0]?.[0]).toBe('device:get');
  });
});
