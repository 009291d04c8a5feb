import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEVICE_FILE,
  DeviceService,
  defaultDeviceName,
  FALLBACK_DEVICE_NAME,
} from './deviceService';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'device-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const create = (hostName = 'SMS-LAPTOP-07', log = vi.fn()) =>
  new DeviceService({ dataFolder: folder, hostName, log });

describe('DeviceService', () => {
  it('creates a device id on first run, named after the host, and saves it', async () => {
    const device = await create().get();
    expect(device.deviceId).toMatch(UUID);
    expect(device.deviceName).toBe('SMS-LAPTOP-07');
    expect(JSON.parse(await readFile(join(folder, DEVICE_FILE), 'utf8'))).toEqual(device);
  });

  it('keeps the same id across restarts, even if the host is renamed', async () => {
    const first = await create().get();
    const afterRestart = await create('NEW-HOSTNAME').get();
    expect(afterRestart).toEqual(first);
  });

  it('creates only one id when asked twice at once on first run', async () => {
    const service = create();
    const [a, b] = await Promise.all([service.get(), service.get()]);
    expect(a.deviceId).toBe(b.deviceId);
    expect((await create().get()).deviceId).toBe(a.deviceId);
  });

  it('renames the device and keeps its id', async () => {
    const service = create();
    const { deviceId } = await service.get();
    expect(await service.rename('Baku office laptop')).toEqual({
      deviceId,
      deviceName: 'Baku office laptop',
    });
    expect(await create().get()).toEqual({ deviceId, deviceName: 'Baku office laptop' });
  });

  it('refuses an empty name', async () => {
    await expect(create().rename('   ')).rejects.toThrow();
  });

  it('keeps a valid id when only the saved name is damaged', async () => {
    const deviceId = '0b6f8a52-4c1e-4d8a-9d55-2f3b8c7e1a90';
    await writeFile(join(folder, DEVICE_FILE), JSON.stringify({ deviceId, deviceName: '' }));
    const log = vi.fn();
    expect(await create('HOST', log).get()).toEqual({ deviceId, deviceName: 'HOST' });
    expect(log).toHaveBeenCalledTimes(1);
  });

  it('sets a damaged file aside, logs it and starts a new identity', async () => {
    await writeFile(join(folder, DEVICE_FILE), '{not json');
    const log = vi.fn();
    const device = await create('HOST', log).get();
    expect(device.deviceId).toMatch(UUID);
    expect(log).toHaveBeenCalledWith(expect.stringContaining(DEVICE_FILE));
    const files = await readdir(folder);
    expect(files).toContain(DEVICE_FILE);
    expect(files.some((name) => name.startsWith(`${DEVICE_FILE}.invalid-`))).toBe(true);
  });
});

describe('defaultDeviceName', () => {
  it('trims and shortens the host name to what the contract allows', () => {
    expect(defaultDeviceName('  pc-1  ')).toBe('pc-1');
    expect(defaultDeviceName('x'.repeat(200))).toHaveLength(80);
    expect(defaultDeviceName('')).toBe(FALLBACK_DEVICE_NAME);
  });
});
