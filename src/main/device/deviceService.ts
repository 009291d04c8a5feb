import { randomUUID } from 'node:crypto';
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import type { IpcOutput } from '@shared/ipc/contract';
import { writeFileAtomic } from '../fs/atomicWrite';
import { readJsonFile } from '../fs/readJsonFile';
import type { LogLine } from '../diagnostics/diagnosticsService';

export type Device = IpcOutput<'device:get'>;

export const DEVICE_FILE = 'device.json';
export const DEVICE_NAME_MAX_LENGTH = 80;
/** Used only when the host name is empty; the user can rename the device in Settings. */
export const FALLBACK_DEVICE_NAME = 'Unnamed device';

/** Loose on purpose: a valid id is kept even when the name beside it is damaged. */
const deviceFileSchema = z.object({ deviceId: z.uuid(), deviceName: z.unknown() });
const deviceNameSchema = z.string().trim().min(1).max(DEVICE_NAME_MAX_LENGTH);

/** A device name from the host name: trimmed and cut to the length the contract allows. */
export function defaultDeviceName(hostName: string): string {
  const name = hostName.trim().slice(0, DEVICE_NAME_MAX_LENGTH).trim();
  return name === '' ? FALLBACK_DEVICE_NAME : name;
}

export type DeviceServiceOptions = {
  dataFolder: string;
  /** The computer's name (os.hostname()), the default device name. */
  hostName: string;
  log: LogLine;
  /** Injected so tests can tell a fresh id from a kept one. */
  createId?: () => string;
};

/**
 * This installation's identity in device.json. The id is created once, on first use, and never
 * changes afterwards: every change the device makes is stamped with it, and merges between laptops
 * rely on it. Only the display name can be changed.
 */
export class DeviceService {
  readonly filePath: string;
  private readonly dataFolder: string;
  private readonly hostName: string;
  private readonly log: LogLine;
  private readonly createId: () => string;
  private pending: Promise<unknown> = Promise.resolve();
  private cached: Device | null = null;

  constructor({ dataFolder, hostName, log, createId }: DeviceServiceOptions) {
    this.dataFolder = dataFolder;
    this.filePath = join(dataFolder, DEVICE_FILE);
    this.hostName = hostName;
    this.log = log;
    this.createId = createId ?? randomUUID;
  }

  /** The device, created and saved on the first call of the first run. */
  get(): Promise<Device> {
    return this.serialized(() => this.load());
  }

  /** Renames the device; the id stays as it is. */
  rename(deviceName: string): Promise<Device> {
    return this.serialized(async () => {
      const device = { ...(await this.load()), deviceName: deviceNameSchema.parse(deviceName) };
      await this.save(device);
      return device;
    });
  }

  private async load(): Promise<Device> {
    if (this.cached) return { ...this.cached };
    const result = await readJsonFile(this.filePath, deviceFileSchema);
    let device: Device;
    if (result.kind === 'ok') {
      const name = deviceNameSchema.safeParse(result.value.deviceName);
      device = {
        deviceId: result.value.deviceId,
        deviceName: name.success ? name.data : defaultDeviceName(this.hostName),
      };
      if (!name.success) {
        this.log(`${DEVICE_FILE} has an invalid device name; using the host name instead`);
        await this.save(device);
      }
    } else {
      if (result.kind === 'invalid') {
        const kept = `${this.filePath}.invalid-${Date.now()}`;
        await rename(this.filePath, kept).catch(() => undefined);
        this.log(
          `${DEVICE_FILE} ${result.problem}; kept it as ${kept} and created a new device id`,
        );
      }
      device = { deviceId: this.createId(), deviceName: defaultDeviceName(this.hostName) };
      await this.save(device);
    }
    this.cached = device;
    return { ...device };
  }

  private async save(device: Device): Promise<void> {
    await mkdir(this.dataFolder, { recursive: true });
    await writeFileAtomic(this.filePath, `${JSON.stringify(device, null, 2)}\n`);
    this.cached = device;
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.pending.then(task, task);
    this.pending = run.catch(() => undefined);
    return run;
  }
}
