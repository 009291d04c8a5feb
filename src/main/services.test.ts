import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcContract } from '@shared/ipc/contract';
import { SNAPSHOT_FORMAT } from '@shared/model/registrySnapshot';
import { createDispatcher } from './ipc/dispatcher';
import { isAppOrigin } from './security/appOrigin';
import { createIpcHandlers, type AppInfo } from './services';

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

function setup() {
  const logError = vi.fn();
  const handlers = createIpcHandlers({
    dataFolder,
    resourcesFolder,
    hostName: 'FIELD-LAPTOP',
    appInfo,
    now: () => new Date('2025-01-02T03:04:05.000Z'),
  });
  const dispatch = createDispatcher({ handlers, isTrustedSender: isAppOrigin, logError });
  const call = (channel: string, input?: unknown) =>
    dispatch({ channel, input, senderUrl: 'app://registry/index.html' });
  return { handlers, call, logError };
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
});
