import { createHash } from 'node:crypto';
import {
  lstat,
  mkdir,
  mkdtemp,
  open,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_LIMITS, backupFileName, type BackupReason } from '@shared/backup/backupFormat';
import { decodeBackupTables, encodeBackupTables } from '@shared/backup/backupTables';
import type { PolicySettings } from '@shared/model/policy';
import type { OpenWritableFile } from '../fs/atomicWrite';
import type { FileDialogs } from '../files/fileDialogs';
import { AppError } from '../ipc/AppError';
import { SettingsService } from '../settings/settingsService';
import { listStoreFiles, storePath } from './attachmentStore';
import { BackupService, type BackupServiceDeps } from './backupService';

let base: string;
let dataFolder: string;
let store: string;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'backup-service-'));
  dataFolder = join(base, 'userData');
  store = join(dataFolder, 'attachments');
  await mkdir(dataFolder);
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** Puts a file into the attachment store as the attachments feature does. */
async function attach(content: string): Promise<string> {
  const hash = sha(content);
  await mkdir(join(store, hash.slice(0, 2)), { recursive: true });
  await writeFile(storePath(store, hash), content);
  return hash;
}

const ROWS = {
  partners: [
    { id: 'p1', name: { az: 'Miqrasiya Xidməti' }, rev: 1, deletedAt: null },
    { id: 'p2', name: { ru: 'Удалённый' }, rev: 4, deletedAt: '2026-10-01T10:00:00.000Z' },
  ],
  changes: [{ seq: 7, recordId: 'p1', op: 'create', fields: {} }],
  meta: [{ key: 'registryId', value: 'reg-1' }],
};

type Script = { save?: string | null; open?: string | null; folder?: string | null };

function setup(
  options: {
    clock?: () => Date;
    policy?: BackupServiceDeps['policy'];
    dialogs?: Script;
    openForWrite?: OpenWritableFile;
    freeSpace?: BackupServiceDeps['freeSpace'];
  } = {},
) {
  const log: string[] = [];
  const dialogs: FileDialogs = {
    chooseFileToOpen: () => Promise.resolve(options.dialogs?.open ?? null),
    chooseFileToSave: () => Promise.resolve(options.dialogs?.save ?? null),
    chooseFolder: () => Promise.resolve(options.dialogs?.folder ?? null),
  };
  let tick = 0;
  const service = new BackupService({
    dataFolder,
    attachmentsFolder: store,
    choices: new SettingsService({ dataFolder, log: (line) => log.push(line) }),
    policy: options.policy ?? {},
    device: () => Promise.resolve({ deviceId: 'device-1', deviceName: 'Gəncə laptop' }),
    appVersion: '0.1.0',
    dialogs,
    now: options.clock ?? (() => new Date(Date.UTC(2026, 10, 1, 9, 0, tick++))),
    log: (line) => log.push(line),
    openForWrite: options.openForWrite,
    freeSpace: options.freeSpace,
  });
  return { service, log };
}

const request = (reason: BackupReason = 'manual') => ({
  reason,
  destination: 'folder' as const,
  schemaVersion: 2,
  registryId: 'reg-1',
  tables: encodeBackupTables(ROWS),
});

const backupsFolder = () => join(dataFolder, 'backups');

describe('BackupService', () => {
  it('writes one zip with every table and attachment, lists it, and reads it back verified', async () => {
    const memo = await attach('%PDF memorandum of understanding');
    const photo = await attach('JPEG delegation photo');
    const { service } = setup();

    const written = await service.create(request());
    expect(written).toMatchObject({
      status: 'written',
      fileName: 'registry-backup-2026-11-01T09-00-00-000Z-manual.zip',
      folder: backupsFolder(),
      attachments: 2,
      skippedAttachments: [],
      deleted: [],
    });
    expect(await readdir(backupsFolder())).toEqual([
      'registry-backup-2026-11-01T09-00-00-000Z-manual.zip',
    ]);

    const listed = await service.list();
    expect(listed.backups).toEqual([
      expect.objectContaining({
        fileName: 'registry-backup-2026-11-01T09-00-00-000Z-manual.zip',
        reason: 'manual',
        schemaVersion: 2,
        deviceName: 'Gəncə laptop',
        tables: { partners: 2, changes: 1, meta: 1 },
        attachments: 2,
        problem: null,
      }),
    ]);

    // Into an empty store, as on a new laptop. Reading writes nothing: the preview may be
    // cancelled. The files come back under their hashes once the restore is confirmed.
    await rm(store, { recursive: true });
    const read = await service.read({
      source: { kind: 'folder', fileName: 'registry-backup-2026-11-01T09-00-00-000Z-manual.zip' },
    });
    expect(read?.attachmentsToRestore).toEqual({ count: 2, bytes: 53 });
    await expect(stat(store)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(decodeBackupTables(read!.manifest, read!.tables)).toEqual(ROWS);
    expect(await service.restoreFiles(read!.file)).toEqual({ restored: 2 });
    expect(await service.restoreFiles(read!.file)).toEqual({ restored: 0 });
    expect(read?.manifest).toMatchObject({
      registryId: 'reg-1',
      reason: 'manual',
      schemaVersion: 2,
    });
    expect(await readFile(storePath(store, memo), 'utf8')).toBe('%PDF memorandum of understanding');
    expect(await readFile(storePath(store, photo), 'utf8')).toBe('JPEG delegation photo');
  });

  it('leaves out a store file whose content no longer matches its name, and says so', async () => {
    const good = await attach('agreement scan');
    const damaged = sha('original bytes');
    await mkdir(join(store, damaged.slice(0, 2)), { recursive: true });
    await writeFile(storePath(store, damaged), 'bit rot');
    await writeFile(join(store, good.slice(0, 2), `.${good}.abc.tmp`), 'half-written');
    const { service, log } = setup();

    const written = await service.create(request());
    expect(written).toMatchObject({ attachments: 1, skippedAttachments: [damaged] });
    expect(log.join('\n')).toContain(damaged);
    const read = await service.read({ source: { kind: 'newest' } });
    expect(read?.manifest.skippedAttachments).toEqual([damaged]);
    expect(read?.manifest.parts.map((part) => part.path)).toContain(`attachments/${good}`);
  });

  it('rotates only scheduled backups: those by hand, before an upgrade or a restore stay', async () => {
    let now = new Date('2026-11-01T09:00:00.000Z');
    const { service } = setup({ clock: () => now });
    await service.updateSettings({ keep: 2 });
    await mkdir(backupsFolder(), { recursive: true });
    await writeFile(join(backupsFolder(), 'notes.zip'), 'not a backup');
    const at = (day: number, reason: Parameters<typeof request>[0]) => {
      now = new Date(Date.UTC(2026, 10, day, 9));
      return service.create(request(reason));
    };
    await at(1, 'manual');
    await at(2, 'before-migration');
    await at(3, 'before-restore');
    await at(4, 'before-restore');
    // A scheduled backup a day after the newest one, five days running.
    const rotated: string[] = [];
    for (let day = 5; day <= 9; day += 1) {
      const written = await at(day, 'scheduled');
      if (written.status === 'written') rotated.push(...written.deleted);
    }
    expect(rotated).toEqual([
      'registry-backup-2026-11-05T09-00-00-000Z-scheduled.zip',
      'registry-backup-2026-11-06T09-00-00-000Z-scheduled.zip',
      'registry-backup-2026-11-07T09-00-00-000Z-scheduled.zip',
    ]);
    const names = (await readdir(backupsFolder())).sort();
    expect(names).toEqual([
      'notes.zip',
      'registry-backup-2026-11-01T09-00-00-000Z-manual.zip',
      'registry-backup-2026-11-02T09-00-00-000Z-before-migration.zip',
      'registry-backup-2026-11-03T09-00-00-000Z-before-restore.zip',
      'registry-backup-2026-11-04T09-00-00-000Z-before-restore.zip',
      'registry-backup-2026-11-08T09-00-00-000Z-scheduled.zip',
      'registry-backup-2026-11-09T09-00-00-000Z-scheduled.zip',
    ]);
    // Newest first, each with its pool; a file that is not a backup is listed by its file time,
    // with the problem and no pool.
    const listed = await service.list();
    expect(
      listed.backups
        .filter((backup) => backup.problem === null)
        .map((backup) => [backup.reason, backup.pool]),
    ).toEqual([
      ['scheduled', 'rotated'],
      ['scheduled', 'rotated'],
      ['before-restore', 'kept'],
      ['before-restore', 'kept'],
      ['before-migration', 'kept'],
      ['manual', 'kept'],
    ]);
    expect(listed.backups.find((backup) => backup.fileName === 'notes.zip')).toMatchObject({
      problem: 'not-a-backup',
      pool: null,
    });
  });

  it('deletes a backup the user names, and nothing that is not a backup in the folder', async () => {
    const { service } = setup();
    await service.create(request('before-restore'));
    const [name] = await readdir(backupsFolder());
    await writeFile(join(backupsFolder(), 'notes.zip'), 'not a backup');
    await writeFile(join(dataFolder, 'registry-backup-2026-11-01T09-00-00-000Z-manual.zip'), 'x');
    for (const fileName of [
      'notes.zip',
      '../registry-backup-2026-11-01T09-00-00-000Z-manual.zip',
      'registry-backup-2026-11-01T09-00-00-000Z-manual.zip',
      '../settings.json',
    ]) {
      await expect(service.delete(fileName), fileName).rejects.toMatchObject({
        code: 'not-found',
      });
    }
    await service.delete(name!);
    expect(await readdir(backupsFolder())).toEqual(['notes.zip']);
    expect(await readdir(dataFolder)).toContain(
      'registry-backup-2026-11-01T09-00-00-000Z-manual.zip',
    );
  });

  it('deletes no folder or link named like a backup, nor what a link points to', async () => {
    const { service } = setup();
    await service.create(request('before-restore'));
    const outside = join(dataFolder, 'minutes.txt');
    await writeFile(outside, 'minutes of the meeting');
    const linked = 'registry-backup-2026-11-02T09-00-00-000Z-manual.zip';
    await symlink(outside, join(backupsFolder(), linked));
    const folder = 'registry-backup-2026-11-03T09-00-00-000Z-manual.zip';
    await mkdir(join(backupsFolder(), folder));
    await writeFile(join(backupsFolder(), folder, 'inside.txt'), 'kept');

    for (const fileName of [linked, folder]) {
      await expect(service.delete(fileName), fileName).rejects.toMatchObject({
        code: 'not-found',
      });
    }
    expect(await readFile(outside, 'utf8')).toBe('minutes of the meeting');
    expect((await lstat(join(backupsFolder(), linked))).isSymbolicLink()).toBe(true);
    expect(await readFile(join(backupsFolder(), folder, 'inside.txt'), 'utf8')).toBe('kept');
  });

  it('makes a scheduled backup only when the newest one is older than the interval', async () => {
    let now = new Date('2026-11-01T09:00:00.000Z');
    const { service } = setup({ clock: () => now });
    expect(await service.due()).toEqual({ isDue: true, lastBackupAt: null });
    expect(await service.create(request('scheduled'))).toMatchObject({ status: 'written' });
    now = new Date('2026-11-02T08:59:59.000Z');
    expect(await service.due()).toMatchObject({ isDue: false });
    expect(await service.create(request('scheduled'))).toEqual({ status: 'not-due' });
    now = new Date('2026-11-02T09:00:00.000Z');
    expect(await service.due()).toEqual({ isDue: true, lastBackupAt: '2026-11-01T09:00:00.000Z' });
    await service.updateSettings({ schedule: 'off' });
    expect(await service.due()).toMatchObject({ isDue: false });
  });

  it('leaves the previous file intact and no temporary file when the write fails midway', async () => {
    const target = join(base, 'chosen.zip');
    await writeFile(target, 'the previous backup');
    const { service: first } = setup();
    await first.create(request('before-restore'));
    const before = (await readdir(backupsFolder())).sort();

    let written = 0;
    const failingDisk: OpenWritableFile = async (path) => {
      const handle = await open(path, 'wx');
      return {
        write: async (chunk) => {
          // The first write reaches the disk; the second finds it full.
          if (written > 0) {
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          }
          written += chunk.byteLength;
          return handle.write(chunk);
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    };
    // Tables larger than one write buffer (1 MB), so the zip takes several writes.
    const big = encodeBackupTables({
      partners: Array.from({ length: 60_000 }, (_, i) => ({ id: sha(String(i)), rev: i })),
    });
    const { service } = setup({ dialogs: { save: target }, openForWrite: failingDisk });
    await expect(
      service.create({ ...request(), destination: 'choose', tables: big }),
    ).rejects.toMatchObject({
      code: 'disk-full',
      message: 'There is no space left to write “chosen.zip”.',
    });
    expect(written).toBeGreaterThan(0);
    expect(await readFile(target, 'utf8')).toBe('the previous backup');
    expect((await readdir(base)).sort()).toEqual(['chosen.zip', 'userData']);

    written = 0;
    await expect(service.create({ ...request(), tables: big })).rejects.toBeInstanceOf(AppError);
    expect((await readdir(backupsFolder())).sort()).toEqual(before);
  });

  it('refuses a damaged backup with the problem and part, and writes nothing to the store', async () => {
    const hash = await attach('signed protocol');
    const { service } = setup();
    await service.create(request());
    const [name] = await readdir(backupsFolder());
    const path = join(backupsFolder(), name!);
    await rm(store, { recursive: true });

    // The attachment is stored uncompressed: change one of its bytes in place.
    const bytes = await readFile(path);
    const at = bytes.indexOf(Buffer.from('signed protocol'));
    bytes[at] = 'S'.charCodeAt(0);
    const damaged = join(backupsFolder(), 'damaged.zip');
    await writeFile(damaged, bytes);
    await expect(
      service.read({ source: { kind: 'folder', fileName: 'damaged.zip' } }),
    ).rejects.toMatchObject({
      code: 'invalid-data',
      details: { fileName: 'damaged.zip', problem: 'hash-mismatch', part: `attachments/${hash}` },
    });

    await writeFile(damaged, bytes.subarray(0, bytes.length - 30));
    await expect(
      service.read({ source: { kind: 'folder', fileName: 'damaged.zip' } }),
    ).rejects.toMatchObject({ code: 'invalid-data', details: { problem: 'not-a-backup' } });

    await writeFile(damaged, zipSync({ '../../evil.sh': new Uint8Array([1]) }));
    await expect(
      service.read({ source: { kind: 'folder', fileName: 'damaged.zip' } }),
    ).rejects.toMatchObject({
      code: 'invalid-data',
      message:
        '“damaged.zip” cannot be used as a backup: The entry “../../evil.sh” has a path that could point outside the backup (absolute, “..”, or a drive).',
      details: { problem: 'unsafe-path', part: '../../evil.sh' },
    });
    await expect(stat(store)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('puts attachment files back only as they were verified, even if the file changed since', async () => {
    const hash = await attach('signed protocol');
    const { service } = setup();
    await service.create(request());
    const [name] = await readdir(backupsFolder());
    await rm(store, { recursive: true });
    const read = await service.read({ source: { kind: 'folder', fileName: name! } });

    // Between the preview and the confirmation, the file is swapped for one with other bytes.
    const path = join(backupsFolder(), name!);
    const bytes = await readFile(path);
    bytes[bytes.indexOf(Buffer.from('signed protocol'))] = 'S'.charCodeAt(0);
    await writeFile(path, bytes);
    await expect(service.restoreFiles(read!.file)).rejects.toMatchObject({
      code: 'invalid-data',
      details: { problem: 'hash-mismatch', part: `attachments/${hash}` },
    });
    // Not under its name, nor half-written anywhere in the store.
    expect(await listStoreFiles(store)).toEqual({ files: [], others: [] });
  });

  it('refuses to write what the disk has no room for, naming the space needed and free', async () => {
    await attach('x'.repeat(4096));
    const { service } = setup();
    await service.create(request());
    const [name] = await readdir(backupsFolder());
    await rm(store, { recursive: true });

    const fullDisk = setup({ freeSpace: () => Promise.resolve(2 * 1_048_576) }).service;
    const read = await fullDisk.read({ source: { kind: 'folder', fileName: name! } });
    const needed = 4096 + 16 * 1_048_576;
    await expect(fullDisk.restoreFiles(read!.file)).rejects.toMatchObject({
      code: 'disk-full',
      message: `Writing “${name!}” needs about 17 MB of free space in ${store}; 2 MB are free.`,
      details: { fileName: name, folder: store, needed, available: 2 * 1_048_576 },
    });
    await expect(stat(store)).rejects.toMatchObject({ code: 'ENOENT' });

    await attach('x'.repeat(4096));
    await expect(fullDisk.create(request())).rejects.toMatchObject({
      code: 'disk-full',
      details: { folder: backupsFolder(), available: 2 * 1_048_576 },
    });
    expect(await readdir(backupsFolder())).toEqual([name]);
  });

  it('refuses, before writing, a registry one backup file cannot hold, reporting the limit it checked', async () => {
    const { service } = setup();
    // Zero-filled buffers cost address space, not memory, until they are written to.
    const table = (name: string, bytes: number) => ({
      name,
      rows: 1,
      bytes: new Uint8Array(bytes),
    });
    const MiB = 1_048_576;
    // Nine tables, each within its own limit, that together fit in the 4 GiB a backup file may
    // hold but leave no room there for the zip's headers and the manifest.
    const tables = Array.from({ length: 9 }, (_, index) => table(`t${index}`, 455 * MiB));
    expect(9 * 455 * MiB).toBeLessThan(BACKUP_LIMITS.fileBytes);
    await expect(service.create({ ...request(), tables })).rejects.toMatchObject({
      code: 'too-large',
      details: {
        action: 'backup',
        size: 9 * 455 * MiB,
        limit: BACKUP_LIMITS.fileBytes - BACKUP_LIMITS.manifestBytes,
      },
    });
    const oversized = table('changes', BACKUP_LIMITS.tableBytes + 1);
    await expect(service.create({ ...request(), tables: [oversized] })).rejects.toMatchObject({
      code: 'too-large',
      details: {
        action: 'backup',
        table: 'changes',
        size: BACKUP_LIMITS.tableBytes + 1,
        limit: BACKUP_LIMITS.tableBytes,
      },
    });
    await expect(readdir(backupsFolder())).resolves.toEqual([]);
  });

  it('reads a backup the user picks, and refuses names that are paths', async () => {
    const { service } = setup();
    await service.create(request());
    const [name] = await readdir(backupsFolder());
    const picked = setup({ dialogs: { open: join(backupsFolder(), name!) } }).service;
    expect(
      (await picked.read({ source: { kind: 'choose', dialogTitle: 'Restore' } }))?.fileName,
    ).toBe(name);
    expect(await service.read({ source: { kind: 'choose', dialogTitle: 'Restore' } })).toBeNull();
    await expect(
      service.read({ source: { kind: 'folder', fileName: '../settings.json' } }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    await rm(backupsFolder(), { recursive: true });
    await expect(service.read({ source: { kind: 'newest' } })).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('follows the policy: enforced values win and cannot be changed; defaults can', async () => {
    const policyFolder = join(base, 'policy-backups');
    const policy: PolicySettings = {
      backupFolder: { value: policyFolder, isEnforced: false },
      backupKeep: { value: 14, isEnforced: true },
      backupSchedule: { value: 'weekly', isEnforced: false },
    };
    const chosen = join(base, 'usb', 'Registry backups');
    const { service } = setup({ policy, dialogs: { folder: chosen } });
    expect(await service.settings()).toEqual({
      folder: policyFolder,
      isDefaultFolder: true,
      keep: 14,
      schedule: 'weekly',
      enforced: { folder: false, keep: true, schedule: false },
    });
    await expect(service.updateSettings({ keep: 3 })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    expect(await service.updateSettings({ schedule: 'daily' })).toMatchObject({
      schedule: 'daily',
    });
    expect(await service.chooseFolder('Backup folder')).toMatchObject({
      folder: chosen,
      isDefaultFolder: false,
    });
    expect(await readdir(chosen)).toEqual([]);
    expect(await service.updateSettings({ useDefaultFolder: true })).toMatchObject({
      folder: policyFolder,
      isDefaultFolder: true,
    });
    // The user's choices live in settings.json beside the language, which they leave alone.
    expect(JSON.parse(await readFile(join(dataFolder, 'settings.json'), 'utf8'))).toEqual({
      uiLanguage: null,
      backupSchedule: 'daily',
    });

    const enforced = setup({
      policy: { backupFolder: { value: policyFolder, isEnforced: true } },
      dialogs: { folder: chosen },
    }).service;
    await expect(enforced.chooseFolder('Backup folder')).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });

  it('names backups so they sort by time and never overwrite each other', async () => {
    const { service } = setup({ clock: () => new Date('2026-11-01T09:00:00.000Z') });
    await service.create(request('before-restore'));
    await service.create(request('before-restore'));
    expect(new Set(await readdir(backupsFolder()))).toEqual(
      new Set([
        backupFileName(new Date('2026-11-01T09:00:00.000Z'), 'before-restore'),
        backupFileName(new Date('2026-11-01T09:00:00.000Z'), 'before-restore', 1),
      ]),
    );
  });
});
