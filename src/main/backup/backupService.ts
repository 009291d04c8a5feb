import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, mkdir, open, readdir, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type * as z from 'zod';
import {
  attachmentPartPath,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_LIMITS,
  backupFileName,
  BackupFormatError,
  backupPoolOf,
  classifyPartPath,
  MANIFEST_PATH,
  parseBackupFileName,
  scheduleInterval,
  tablePartPath,
  type BackupManifest,
  type BackupPart,
} from '@shared/backup/backupFormat';
import {
  DEFAULT_BACKUP_KEEP,
  DEFAULT_BACKUP_SCHEDULE,
  type BackupListEntry,
  type BackupSettings,
  type backupSettingsPatchSchema,
  type createBackupInputSchema,
  type createBackupOutputSchema,
  type readBackupInputSchema,
} from '@shared/backup/backupIpc';
import type { EncodedTable } from '@shared/backup/backupTables';
import { openBackup, verifyBackup, type CreateSha256 } from '@shared/backup/readBackup';
import { streamZipEntry } from '@shared/backup/zipReader';
import type { PolicySettings } from '@shared/model/policy';
import type { LogLine } from '../diagnostics/diagnosticsService';
import type { FileDialogs } from '../files/fileDialogs';
import { describeFileError } from '../files/fileErrors';
import { fileSource } from '../files/fileSource';
import { writeFileAtomicStreaming, type OpenWritableFile } from '../fs/atomicWrite';
import { AppError } from '../ipc/AppError';
import { ensureWritableFolder } from '../policy/dataLocation';
import type { BackupChoices } from '../settings/settingsService';
import {
  hashFile,
  isInStore,
  listStoreFiles,
  writeToStore,
  type StoreFile,
} from './attachmentStore';
import { BackupArchiveWriter } from './backupArchiveWriter';
import { freeBytesAt, type FreeSpace } from './freeSpace';

/** backup:create's input with the uploaded tables in place of their upload id. */
export type CreateBackupInput = Omit<z.output<typeof createBackupInputSchema>, 'uploadId'> & {
  tables: EncodedTable[];
};
export type CreateBackupResult = z.output<typeof createBackupOutputSchema>;
export type ReadBackupInput = z.output<typeof readBackupInputSchema>;

/**
 * What a read leaves for backup:restore-files: where the backup is and which attachment files it
 * verified. The files are read again from there (and hashed again as they are written) only once
 * the user has confirmed the restore.
 */
export type KeptBackupFile = { path: string; fileName: string; attachments: BackupPart[] };

/** A verified backup with its tables whole (backup:read hands them out in pieces). */
export type ReadBackupResult = {
  fileName: string;
  manifest: BackupManifest;
  tables: Map<string, Uint8Array<ArrayBuffer>>;
  /** The backup's attachment files that the store lacks: what restoring them would write. */
  attachmentsToRestore: { count: number; bytes: number };
  file: KeptBackupFile;
} | null;
export type BackupSettingsPatch = z.output<typeof backupSettingsPatchSchema>;

/** Where the user's backup choices are kept (settings.json through SettingsService). */
export type BackupChoicesStore = {
  readBackupChoices: () => Promise<BackupChoices>;
  updateBackupChoices: (patch: {
    [K in keyof BackupChoices]?: BackupChoices[K] | null;
  }) => Promise<BackupChoices>;
};

export type BackupServiceDeps = {
  /** The data folder; backups go to `<dataFolder>/backups` unless chosen otherwise. */
  dataFolder: string;
  /** The content-addressed attachment store, `<dataFolder>/attachments`. */
  attachmentsFolder: string;
  choices: BackupChoicesStore;
  /** The machine policy's backup settings (a default, or enforced). */
  policy: Pick<PolicySettings, 'backupFolder' | 'backupKeep' | 'backupSchedule'>;
  device: () => Promise<{ deviceId: string; deviceName: string }>;
  appVersion: string;
  dialogs: FileDialogs;
  now: () => Date;
  log: LogLine;
  /** Opens the temporary file a backup is written to; tests inject one that fails mid-write. */
  openForWrite?: OpenWritableFile;
  /** Free space on a disk (statfs); tests inject a full one. */
  freeSpace?: FreeSpace;
};

const ZIP_FILTER = [{ name: 'Registry backup', extensions: ['zip'] }];
const DEFAULT_FOLDER_NAME = 'backups';
/** Room kept besides the bytes themselves: zip headers, the manifest, the file system's own. */
const SPACE_MARGIN = BACKUP_LIMITS.manifestBytes;
const MEGABYTE = 1_048_576;

const nodeSha256: CreateSha256 = () => {
  const hash = createHash('sha256');
  return { update: (chunk) => hash.update(chunk), digestHex: () => hash.digest('hex') };
};

/** A refused backup as the renderer receives it: translatable problem, the part, the file. */
function refusal(error: BackupFormatError, fileName: string): AppError {
  return new AppError(
    'invalid-data',
    `“${fileName}” cannot be used as a backup: ${error.message}`,
    {
      cause: error,
      details: {
        fileName,
        problem: error.problem,
        ...(error.part ? { part: error.part } : {}),
      },
    },
  );
}

/**
 * Backups of the whole registry to one .zip each: the renderer's tables, every file of the
 * attachment store and a manifest with the SHA-256 of each part. Writes are atomic and checked
 * against the free disk space first; the folder's scheduled backups are rotated (the last N kept),
 * every other backup stays until the user deletes it. Reading verifies every part and writes
 * nothing; the attachment files go back into the store only when the restore is confirmed.
 */
export class BackupService {
  /** One backup job at a time, so rotation and the schedule's check never race each other. */
  private pending: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: BackupServiceDeps) {}

  /** The settings in force: the policy's enforced value, else the user's, else the defaults. */
  async settings(): Promise<BackupSettings> {
    const choices = await this.deps.choices.readBackupChoices();
    const { backupFolder, backupKeep, backupSchedule } = this.deps.policy;
    const defaultFolder = join(this.deps.dataFolder, DEFAULT_FOLDER_NAME);
    const folder = backupFolder?.isEnforced
      ? backupFolder.value
      : (choices.backupFolder ?? backupFolder?.value ?? defaultFolder);
    return {
      folder,
      isDefaultFolder: !backupFolder?.isEnforced && choices.backupFolder === undefined,
      keep: backupKeep?.isEnforced
        ? backupKeep.value
        : (choices.backupKeep ?? backupKeep?.value ?? DEFAULT_BACKUP_KEEP),
      schedule: backupSchedule?.isEnforced
        ? backupSchedule.value
        : (choices.backupSchedule ?? backupSchedule?.value ?? DEFAULT_BACKUP_SCHEDULE),
      enforced: {
        folder: backupFolder?.isEnforced ?? false,
        keep: backupKeep?.isEnforced ?? false,
        schedule: backupSchedule?.isEnforced ?? false,
      },
    };
  }

  /** Changes how many backups are kept and how often; refuses what the policy enforces. */
  async updateSettings(patch: BackupSettingsPatch): Promise<BackupSettings> {
    const current = await this.settings();
    const refuse = (what: string) => {
      throw new AppError(
        'invalid-input',
        `The ${what} of backups is set by the machine policy and cannot be changed here.`,
      );
    };
    if (patch.keep !== undefined && current.enforced.keep && patch.keep !== current.keep) {
      refuse('number kept');
    }
    if (
      patch.schedule !== undefined &&
      current.enforced.schedule &&
      patch.schedule !== current.schedule
    ) {
      refuse('schedule');
    }
    if (patch.useDefaultFolder && current.enforced.folder) refuse('folder');
    await this.deps.choices.updateBackupChoices({
      ...(patch.keep !== undefined && !current.enforced.keep ? { backupKeep: patch.keep } : {}),
      ...(patch.schedule !== undefined && !current.enforced.schedule
        ? { backupSchedule: patch.schedule }
        : {}),
      ...(patch.useDefaultFolder ? { backupFolder: null } : {}),
    });
    return this.settings();
  }

  /** Asks for a folder, proves it can be written, and keeps backups there from now on. */
  async chooseFolder(title: string): Promise<BackupSettings | null> {
    if ((await this.settings()).enforced.folder) {
      throw new AppError(
        'invalid-input',
        'The backup folder is set by the machine policy and cannot be changed here.',
      );
    }
    const folder = await this.deps.dialogs.chooseFolder({ title });
    if (folder === null) return null;
    try {
      ensureWritableFolder(folder);
    } catch (error) {
      throw describeFileError(error, folder, 'write');
    }
    await this.deps.choices.updateBackupChoices({ backupFolder: folder });
    return this.settings();
  }

  /** Whether the schedule asks for a backup: none yet, or the newest is older than its interval. */
  async due(): Promise<{ isDue: boolean; lastBackupAt: string | null }> {
    const { folder, schedule } = await this.settings();
    const newest = await this.newestBackupTime(folder);
    const interval = scheduleInterval(schedule);
    const lastBackupAt = newest?.toISOString() ?? null;
    if (interval === null) return { isDue: false, lastBackupAt };
    return {
      isDue: newest === null || this.deps.now().getTime() - newest.getTime() >= interval,
      lastBackupAt,
    };
  }

  /** Writes a backup (see the class comment); one at a time. */
  create(input: CreateBackupInput): Promise<CreateBackupResult> {
    return this.serialized(() => this.createNow(input));
  }

  /** The backups in the backup folder, newest first, each with its manifest's summary. */
  async list(): Promise<{ folder: string; backups: BackupListEntry[] }> {
    const { folder } = await this.settings();
    const backups: BackupListEntry[] = [];
    for (const name of await this.zipFilesIn(folder)) {
      const entry = await this.describe(folder, name);
      if (entry) backups.push(entry);
    }
    backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return { folder, backups };
  }

  /**
   * Reads a backup and verifies every part against the manifest. Writes nothing: a backup that is
   * previewed and then cancelled leaves the attachment store exactly as it was.
   */
  read(input: ReadBackupInput): Promise<ReadBackupResult> {
    return this.serialized(() => this.readNow(input));
  }

  /**
   * Puts a read backup's attachment files that the store lacks back into it, after checking the
   * disk has room for them. Each file is read from the backup again and takes its name only if its
   * bytes still have that SHA-256, so a backup changed since it was read cannot slip anything in.
   */
  restoreFiles(file: KeptBackupFile): Promise<{ restored: number }> {
    return this.serialized(() => this.restoreFilesNow(file));
  }

  /**
   * Deletes one backup from the backup folder, named as backup:list names it: a file directly in
   * the folder, named like a backup. Anything else (a path, another file) is not found.
   */
  delete(fileName: string): Promise<void> {
    return this.serialized(() => this.deleteNow(fileName));
  }

  // ------------------------------------------------------------------ creating

  private async createNow(input: CreateBackupInput): Promise<CreateBackupResult> {
    const settings = await this.settings();
    if (input.reason === 'scheduled' && !(await this.due()).isDue) return { status: 'not-due' };
    const createdAt = this.deps.now();

    let target: string;
    if (input.destination === 'folder') {
      try {
        await mkdir(settings.folder, { recursive: true });
      } catch (error) {
        throw describeFileError(error, settings.folder, 'write');
      }
      target = await this.freeName(settings.folder, createdAt, input.reason);
    } else {
      const chosen = await this.deps.dialogs.chooseFileToSave({
        title: input.dialogTitle ?? 'Back up the registry',
        defaultName: backupFileName(createdAt, input.reason),
        filters: ZIP_FILTER,
      });
      if (chosen === null) return { status: 'cancelled' };
      target = extname(chosen) === '' ? `${chosen}.zip` : chosen;
    }
    const fileName = basename(target);

    const { included, skipped } = await this.verifiedStoreFiles();
    const tableBytes = input.tables.reduce((sum, table) => sum + table.bytes.byteLength, 0);
    const attachmentBytes = included.reduce((sum, file) => sum + file.size, 0);
    const oversized = input.tables.find(
      (table) => table.bytes.byteLength > BACKUP_LIMITS.tableBytes,
    );
    if (oversized) {
      const size = oversized.bytes.byteLength;
      throw new AppError(
        'too-large',
        `The table ${oversized.name} is ${size} bytes; a backup holds tables of up to ${BACKUP_LIMITS.tableBytes} bytes.`,
        {
          details: {
            fileName,
            action: 'backup',
            table: oversized.name,
            size,
            limit: BACKUP_LIMITS.tableBytes,
          },
        },
      );
    }
    // Room for the zip's headers and the manifest is kept within the one file a backup is.
    const contentLimit = BACKUP_LIMITS.fileBytes - SPACE_MARGIN;
    if (tableBytes + attachmentBytes > contentLimit) {
      const size = tableBytes + attachmentBytes;
      throw new AppError(
        'too-large',
        `The registry and its attachments are ${size} bytes; one backup file holds up to ${contentLimit}.`,
        { details: { fileName, action: 'backup', size, limit: contentLimit } },
      );
    }

    // Tables are deflated, so the file is usually smaller; but never start what cannot finish.
    await this.requireSpace(dirname(target), tableBytes + attachmentBytes + SPACE_MARGIN, fileName);

    const device = await this.deps.device();
    let size = 0;
    try {
      await writeFileAtomicStreaming(
        target,
        async (write) => {
          const writer = new BackupArchiveWriter(write);
          const parts: BackupPart[] = [];
          for (const table of input.tables) {
            parts.push(await writer.addBytes(tablePartPath(table.name), table.bytes, true));
          }
          for (const file of included) {
            const part = await writer.addChunks(
              attachmentPartPath(file.sha256),
              createReadStream(file.path) as AsyncIterable<Uint8Array>,
              false,
            );
            if (part.sha256 !== file.sha256) {
              throw new AppError(
                'io-error',
                `The attachment ${file.sha256} changed while it was being backed up; try again.`,
                { details: { fileName } },
              );
            }
            parts.push(part);
          }
          const manifest: BackupManifest = {
            format: BACKUP_FORMAT,
            formatVersion: BACKUP_FORMAT_VERSION,
            createdAt: createdAt.toISOString(),
            reason: input.reason,
            appVersion: this.deps.appVersion,
            schemaVersion: input.schemaVersion,
            registryId: input.registryId,
            device: { deviceId: device.deviceId, deviceName: device.deviceName },
            tables: Object.fromEntries(
              input.tables.map((table) => [table.name, { rows: table.rows }]),
            ),
            attachments: { count: included.length, bytes: attachmentBytes },
            skippedAttachments: skipped,
            parts,
          };
          const json = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
          await writer.addBytes(MANIFEST_PATH, json, true);
          await writer.finish();
          size = writer.written;
        },
        this.deps.openForWrite,
      );
    } catch (error) {
      throw describeFileError(error, fileName, 'write');
    }
    if (skipped.length > 0) {
      this.deps.log(`Backup ${fileName} left out damaged attachment files: ${skipped.join(', ')}`);
    }
    const deleted =
      input.destination === 'folder' ? await this.rotate(settings.folder, settings.keep) : [];
    return {
      status: 'written',
      fileName,
      folder: input.destination === 'folder' ? settings.folder : null,
      size,
      createdAt: createdAt.toISOString(),
      attachments: included.length,
      skippedAttachments: skipped,
      deleted,
    };
  }

  /** Every store file whose content still has its name's hash; the others are reported. */
  private async verifiedStoreFiles(): Promise<{ included: StoreFile[]; skipped: string[] }> {
    let files: StoreFile[];
    try {
      ({ files } = await listStoreFiles(this.deps.attachmentsFolder));
    } catch (error) {
      throw describeFileError(error, basename(this.deps.attachmentsFolder), 'read');
    }
    const included: StoreFile[] = [];
    const skipped: string[] = [];
    for (const file of files) {
      let actual: string;
      try {
        actual = await hashFile(file.path);
      } catch (error) {
        throw describeFileError(error, file.sha256, 'read');
      }
      if (actual === file.sha256) included.push(file);
      else skipped.push(file.sha256);
    }
    return { included, skipped };
  }

  private async freeName(folder: string, createdAt: Date, reason: CreateBackupInput['reason']) {
    const existing = new Set(await this.zipFilesIn(folder));
    for (let counter = 0; ; counter += 1) {
      const name = backupFileName(createdAt, reason, counter);
      if (!existing.has(name)) return join(folder, name);
    }
  }

  /**
   * Deletes the oldest scheduled backups beyond `keep`. Backups made by hand, before an upgrade or
   * before a restore are another pool that rotation never touches; other files stay too.
   */
  private async rotate(folder: string, keep: number): Promise<string[]> {
    const rotated = (await this.zipFilesIn(folder))
      .map((name) => ({ name, parsed: parseBackupFileName(name) }))
      .filter(({ parsed }) => parsed !== null && backupPoolOf(parsed.reason) === 'rotated')
      .sort((a, b) => (b.parsed?.createdAt.getTime() ?? 0) - (a.parsed?.createdAt.getTime() ?? 0));
    const deleted: string[] = [];
    for (const { name } of rotated.slice(keep)) {
      try {
        await rm(join(folder, name));
        deleted.push(name);
      } catch (error) {
        this.deps.log(`Rotation could not delete the old backup ${name}: ${String(error)}`);
      }
    }
    return deleted;
  }

  /** Refuses, before writing, what the disk holding `folder` has no room for. */
  private async requireSpace(folder: string, needed: number, fileName: string): Promise<void> {
    let available: number;
    try {
      available = await (this.deps.freeSpace ?? freeBytesAt)(folder);
    } catch (error) {
      // Not knowing is no reason to refuse: the atomic write still reports a full disk cleanly.
      this.deps.log(`The free space in ${folder} could not be read: ${String(error)}`);
      return;
    }
    if (available >= needed) return;
    const inMegabytes = (bytes: number) => Math.ceil(bytes / MEGABYTE);
    throw new AppError(
      'disk-full',
      `Writing “${fileName}” needs about ${inMegabytes(needed)} MB of free space in ${folder}; ${inMegabytes(available)} MB are free.`,
      { details: { fileName, folder, needed, available } },
    );
  }

  private async deleteNow(fileName: string): Promise<void> {
    const { folder } = await this.settings();
    const notFound = () =>
      new AppError('not-found', `There is no backup “${fileName}” in ${folder}.`, {
        details: { fileName, folder },
      });
    // A name like a backup's has no separator or dot segment (parseBackupFileName's anchored
    // pattern), so it names an entry of the folder itself; that entry must be a plain file, not a
    // folder or a link to something elsewhere.
    if (parseBackupFileName(fileName) === null) throw notFound();
    const path = join(folder, fileName);
    try {
      if (!(await lstat(path)).isFile()) throw notFound();
      await rm(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFound();
      throw describeFileError(error, fileName, 'write');
    }
  }

  // ------------------------------------------------------------------ reading

  private async readNow(input: ReadBackupInput): Promise<ReadBackupResult> {
    const path = await this.resolveSource(input.source);
    if (path === null) return null;
    const fileName = basename(path);
    let handle: FileHandle;
    let size: number;
    try {
      size = (await stat(path)).size;
      handle = await open(path, 'r');
    } catch (error) {
      throw describeFileError(error, fileName, 'read');
    }
    try {
      const source = fileSource(handle, size);
      const opened = await openBackup(source);
      const verified = await verifyBackup(source, opened, nodeSha256);
      const attachments = opened.manifest.parts.filter(
        (part) => classifyPartPath(part.path)?.kind === 'attachment',
      );
      const attachmentsToRestore = { count: 0, bytes: 0 };
      for (const part of attachments) {
        if (await isInStore(this.deps.attachmentsFolder, part.sha256, part.size)) continue;
        attachmentsToRestore.count += 1;
        attachmentsToRestore.bytes += part.size;
      }
      return {
        fileName,
        manifest: verified.manifest,
        tables: verified.tables,
        attachmentsToRestore,
        file: { path, fileName, attachments },
      };
    } catch (error) {
      if (error instanceof BackupFormatError) throw refusal(error, fileName);
      throw describeFileError(error, fileName, 'read');
    } finally {
      await handle.close();
    }
  }

  private async restoreFilesNow(file: KeptBackupFile): Promise<{ restored: number }> {
    const store = this.deps.attachmentsFolder;
    const missing: BackupPart[] = [];
    for (const part of file.attachments) {
      if (!(await isInStore(store, part.sha256, part.size))) missing.push(part);
    }
    if (missing.length === 0) return { restored: 0 };
    const bytes = missing.reduce((sum, part) => sum + part.size, 0);
    await this.requireSpace(store, bytes + SPACE_MARGIN, file.fileName);

    let handle: FileHandle;
    let size: number;
    try {
      size = (await stat(file.path)).size;
      handle = await open(file.path, 'r');
    } catch (error) {
      throw describeFileError(error, file.fileName, 'read');
    }
    try {
      const source = fileSource(handle, size);
      const opened = await openBackup(source);
      let restored = 0;
      for (const part of missing) {
        const entry = opened.entries.get(part.path);
        if (!entry || entry.size !== part.size) {
          throw new BackupFormatError(
            'missing-part',
            `“${part.path}” is no longer in the backup as it was when the backup was read.`,
            part.path,
          );
        }
        // writeToStore hashes the bytes as they come and refuses any that are not `sha256`.
        await writeToStore(store, part.sha256, (write) =>
          streamZipEntry(source, entry, write, { checkCrc: false }),
        );
        restored += 1;
      }
      return { restored };
    } catch (error) {
      if (error instanceof BackupFormatError) throw refusal(error, file.fileName);
      throw describeFileError(error, file.fileName, 'write');
    } finally {
      await handle.close();
    }
  }

  private async resolveSource(source: ReadBackupInput['source']): Promise<string | null> {
    switch (source.kind) {
      case 'choose':
        return this.deps.dialogs.chooseFileToOpen({
          title: source.dialogTitle,
          filters: ZIP_FILTER,
        });
      case 'folder': {
        if (basename(source.fileName) !== source.fileName || source.fileName.startsWith('.')) {
          throw new AppError('invalid-input', `“${source.fileName}” is not a backup file name.`);
        }
        return join((await this.settings()).folder, source.fileName);
      }
      case 'newest': {
        const { folder, backups } = await this.list();
        const newest = backups.find((backup) => backup.problem === null);
        if (!newest) {
          throw new AppError('not-found', `There is no usable backup in ${folder}.`, {
            details: { folder },
          });
        }
        return join(folder, newest.fileName);
      }
    }
  }

  /** One line of the list: the manifest's summary, or the problem that makes the file unusable. */
  private async describe(folder: string, name: string): Promise<BackupListEntry | null> {
    const path = join(folder, name);
    let handle: FileHandle | null = null;
    try {
      const info = await stat(path);
      if (!info.isFile()) return null;
      const named = parseBackupFileName(name);
      const fallback: BackupListEntry = {
        fileName: name,
        size: info.size,
        createdAt: (named?.createdAt ?? info.mtime).toISOString(),
        reason: named?.reason ?? null,
        // Rotation goes by the file name, so the pool shown does too.
        pool: named ? backupPoolOf(named.reason) : null,
        appVersion: null,
        schemaVersion: null,
        deviceName: null,
        tables: {},
        attachments: 0,
        problem: null,
      };
      handle = await open(path, 'r');
      try {
        const { manifest } = await openBackup(fileSource(handle, info.size));
        return {
          ...fallback,
          createdAt: manifest.createdAt,
          reason: manifest.reason,
          appVersion: manifest.appVersion,
          schemaVersion: manifest.schemaVersion,
          deviceName: manifest.device.deviceName,
          tables: Object.fromEntries(
            Object.entries(manifest.tables).map(([table, { rows }]) => [table, rows]),
          ),
          attachments: manifest.attachments.count,
        };
      } catch (error) {
        if (error instanceof BackupFormatError) return { ...fallback, problem: error.problem };
        throw error;
      }
    } catch (error) {
      this.deps.log(`The backup list skipped ${name}: ${String(error)}`);
      return null;
    } finally {
      await handle?.close();
    }
  }

  private async newestBackupTime(folder: string): Promise<Date | null> {
    const now = this.deps.now().getTime();
    let newest: Date | null = null;
    for (const name of await this.zipFilesIn(folder)) {
      const parsed = parseBackupFileName(name);
      // A backup "from the future" (a clock once set wrong) must not stop the schedule for good.
      if (!parsed || parsed.createdAt.getTime() > now + 3_600_000) continue;
      if (!newest || parsed.createdAt > newest) newest = parsed.createdAt;
    }
    return newest;
  }

  private async zipFilesIn(folder: string): Promise<string[]> {
    try {
      return (await readdir(folder)).filter(
        (name) => !name.startsWith('.') && name.toLowerCase().endsWith('.zip'),
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw describeFileError(error, folder, 'read');
    }
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.pending.then(task, task);
    this.pending = run.catch(() => undefined);
    return run;
  }
}
