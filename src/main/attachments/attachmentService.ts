import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  type FileHandle,
} from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { MAX_ATTACHMENT_BYTES } from '@shared/ipc/contract';
import { FILE_TYPE_INFO, type AttachmentVerdict } from '@shared/model/fileType';
import type { DocumentFile } from '@shared/model/records';
import { AppError } from '../ipc/AppError';
import { describeFileError } from '../files/fileErrors';
import type { FileDialogs, FileFilter } from '../files/fileDialogs';
import { safeFileName } from '../files/safeFileName';
import { nodeAtomicWriteFs, writeFileAtomicStreaming, type AtomicWriteFs } from '../fs/atomicWrite';
import { fileTypeOf, readFileContentAt, type FileContent } from './detectFileType';
import { FileContentCache } from './fileContentCache';
import { openVerdict, viewerFileName } from './openVerdict';

/**
 * Shows a file in the system's viewer for its type. Electron's `shell.openPath`: it resolves to ''
 * on success and to an error message otherwise (no program for the type, say).
 */
export type OpenPath = (path: string) => Promise<string>;

/** Viewer copies, and copies in progress left by a crash, are removed once this old. */
const LEFTOVER_LIFETIME_MS = 24 * 60 * 60 * 1000;

const SHA256 = /^[0-9a-f]{64}$/;
const CHUNK_BYTES = 1_048_576;

export type AttachmentServiceDeps = {
  /** The app's data folder: attachments live in `attachments/` inside it. */
  dataFolder: string;
  dialogs: FileDialogs;
  openPath: OpenPath;
  /** Defaults to MAX_ATTACHMENT_BYTES; tests pass a small one. */
  maxBytes?: number;
  now?: () => Date;
  /** How copies are put in place; tests pass one whose rename fails as a Windows lock would. */
  atomicWriteFs?: AtomicWriteFs;
};

/** A newly attached file: its reference for the record, and whether those bytes were stored already. */
export type AttachedFile = DocumentFile & { isAlreadyStored: boolean };

const formatMegabytes = (bytes: number) => `${Math.round((bytes / 1_048_576) * 10) / 10} MB`;

/** The hash as a folder-safe name, or an error: the only way a hash from IPC becomes a path. */
function checkedHash(sha256: string): string {
  if (!SHA256.test(sha256)) {
    throw new AppError('invalid-input', 'An attachment is named by 64 lower-case hex digits');
  }
  return sha256;
}

const randomSuffix = () => randomBytes(6).toString('hex');

/**
 * Files attached to records, kept in the data folder by their SHA-256 so the same file attached
 * twice is stored once, and records (which travel between laptops) carry only the hash.
 *
 * Layout, which backups and bundles rely on:
 * `<dataFolder>/attachments/<first 2 hex digits>/<sha256>` holds the bytes, nothing else;
 * `<dataFolder>/attachments/.incoming-*.tmp` are copies in progress (renamed into place when
 * complete); `<dataFolder>/opened-attachments/<random>/<name>` are the copies handed to the
 * system viewer, removed after a day. Paths never leave main: the renderer sees hashes and names.
 */
export class AttachmentService {
  /** Where the stored files are; part of the documented layout. */
  readonly folder: string;
  private readonly openedFolder: string;
  private readonly maxBytes: number;
  private readonly now: () => Date;
  /** What each stored file holds, once judged: the bytes under a hash never change. */
  private readonly contents = new FileContentCache();

  constructor(private readonly deps: AttachmentServiceDeps) {
    this.folder = join(deps.dataFolder, 'attachments');
    this.openedFolder = join(deps.dataFolder, 'opened-attachments');
    this.maxBytes = deps.maxBytes ?? MAX_ATTACHMENT_BYTES;
    this.now = deps.now ?? (() => new Date());
  }

  /** Where the file with this hash is (or would be) stored. Refuses anything but a SHA-256. */
  pathOf(sha256: string): string {
    const hash = checkedHash(sha256);
    return join(this.folder, hash.slice(0, 2), hash);
  }

  /**
   * Asks for a file and stores it. Refused with `too-large` above the limit before a byte is read;
   * read once, hashed while it is copied. Its media type is what the stored bytes are, not what
   * the name says. Null when the dialog is cancelled.
   */
  async attach(options: { title: string }): Promise<AttachedFile | null> {
    const path = await this.deps.dialogs.chooseFileToOpen({ title: options.title, filters: [] });
    if (path === null) return null;
    const name = safeFileName(basename(path));
    await this.removeAbandonedIncoming();
    try {
      const { size } = await stat(path);
      this.refuseIfTooLarge(name, size);
      const stored = await this.storeFrom(name, (handle) =>
        copyHashing(
          readChunks(path, name),
          (chunk) => handle.write(chunk),
          (bytes) => this.refuseIfTooLarge(name, bytes),
        ),
      );
      const content = await readFileContentAt(this.pathOf(stored.sha256));
      this.contents.set(stored.sha256, content);
      return { ...stored, name, mediaType: FILE_TYPE_INFO[fileTypeOf(content, name)].mediaType };
    } catch (error) {
      throw describeFileError(error, name, 'read');
    }
  }

  /**
   * Stores bytes that came from elsewhere (a backup, a bundle from another laptop). With
   * `expectedSha256`, bytes that do not match it are refused, so a damaged archive cannot put
   * wrong content under a good name.
   */
  async storeBytes(
    bytes: Uint8Array,
    expectedSha256?: string,
  ): Promise<{ sha256: string; size: number; isAlreadyStored: boolean }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (expectedSha256 !== undefined && checkedHash(expectedSha256) !== sha256) {
      throw new AppError('invalid-data', `The bytes given for ${expectedSha256} hash to ${sha256}`);
    }
    return this.storeFrom(sha256, async (handle) => {
      await handle.writeFile(bytes);
      return { sha256, size: bytes.byteLength };
    });
  }

  /** The bytes of a stored file, for an exchange bundle. `attachment-missing` when absent. */
  async readBytes(sha256: string): Promise<Uint8Array<ArrayBuffer>> {
    const path = await this.requireStored(checkedHash(sha256), sha256);
    return new Uint8Array(await readFile(path));
  }

  /** The hashes of every stored file, for backups and for finding files no record uses. */
  async listStoredHashes(): Promise<string[]> {
    const hashes: string[] = [];
    for (const prefix of await readdirOrEmpty(this.folder)) {
      if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
      for (const name of await readdirOrEmpty(join(this.folder, prefix))) {
        if (SHA256.test(name) && name.startsWith(prefix)) hashes.push(name);
      }
    }
    return hashes.sort();
  }

  /** Which of these stored files are no longer on this computer (deleted, or never copied here). */
  async check(sha256List: readonly string[]): Promise<{ missing: string[] }> {
    const unique = [...new Set(sha256List.map(checkedHash))];
    const missing: string[] = [];
    for (let start = 0; start < unique.length; start += 64) {
      const batch = unique.slice(start, start + 64);
      const present = await Promise.all(batch.map((hash) => this.isStored(hash)));
      batch.forEach((hash, index) => {
        if (!present[index]) missing.push(hash);
      });
    }
    return { missing };
  }

  /**
   * What a stored file really is, from its bytes, and whether `open` will show it: the record's
   * name and media type may have come from another laptop and claim anything. The file is read
   * the first time only (see FileContentCache); after that, asking costs a look at whether it is
   * still there, so the page may ask whenever it is shown. `attachment-missing` when it is not.
   */
  async inspect(sha256: string, fileName: string): Promise<AttachmentVerdict> {
    const name = safeFileName(fileName);
    const path = await this.requireStored(sha256, name);
    return openVerdict(fileName, fileTypeOf(await this.contentOf(sha256, path, name), name));
  }

  /**
   * Shows a stored file in the system's viewer, only if it is an allow-listed document type under
   * an honest name (see openVerdict); anything else is refused with `unsafe-file-type` and never
   * reaches the operating system. The viewer gets a verified copy named after what its bytes are
   * (so the system picks the program by the real type), never the stored original, which an edit
   * in the viewer could otherwise change for every record that shares it.
   *
   * The file is judged before anything is copied (a refused 200 MB file is never copied), from
   * what its bytes were found to hold under this hash; the copy is then checked against the hash,
   * so what opens is the bytes that were judged. Only someone who can rewrite the data folder could
   * swap them in between, and they could as well rewrite the viewer's copy.
   */
  async open(sha256: string, fileName: string): Promise<void> {
    const name = safeFileName(fileName);
    const source = await this.requireStored(sha256, name);
    const verdict = openVerdict(
      fileName,
      fileTypeOf(await this.contentOf(sha256, source, name), name),
    );
    if (!verdict.canOpen) throw refusalToOpen(name, verdict);
    await this.removeOldOpenedCopies();
    const folder = join(this.openedFolder, `${this.now().getTime()}-${randomSuffix()}`);
    const target = join(folder, viewerFileName(name, verdict.type));
    try {
      await mkdir(folder, { recursive: true });
      await this.writeVerifiedCopy(source, sha256, name, target);
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw describeFileError(error, name, 'write');
    }
    const problem = await this.deps.openPath(target);
    if (problem !== '') {
      throw new AppError('no-viewer', `“${name}” could not be opened: ${problem}`, {
        details: { fileName: name },
      });
    }
  }

  /**
   * Asks where to save a copy of a stored file and writes it atomically (writeFileAtomicStreaming:
   * a rename Windows refuses for a moment is tried again, the folder is flushed): a failed or
   * damaged copy leaves whatever file was there untouched. The saved name, or null when cancelled.
   */
  async saveCopy(options: {
    sha256: string;
    name: string;
    title: string;
  }): Promise<{ name: string } | null> {
    const name = safeFileName(options.name);
    const source = await this.requireStored(options.sha256, name);
    const extension = extname(name).slice(1).toLowerCase();
    const filters: FileFilter[] = /^[a-z0-9]{1,10}$/.test(extension)
      ? [{ name: extension.toUpperCase(), extensions: [extension] }]
      : [];
    const target = await this.deps.dialogs.chooseFileToSave({
      title: options.title,
      defaultName: name,
      filters,
    });
    if (target === null) return null;
    const savedName = basename(target);
    try {
      await this.writeVerifiedCopy(source, options.sha256, savedName, target);
    } catch (error) {
      throw describeFileError(error, savedName, 'write');
    }
    return { name: savedName };
  }

  private refuseIfTooLarge(name: string, size: number): void {
    if (size <= this.maxBytes) return;
    const details = {
      fileName: name,
      size: formatMegabytes(size),
      limit: formatMegabytes(this.maxBytes),
      action: 'attach',
    };
    throw new AppError(
      'too-large',
      `“${name}” is ${details.size}; files up to ${details.limit} can be attached.`,
      { details },
    );
  }

  /** What the stored file holds: judged once per hash, read from disk only the first time. */
  private async contentOf(sha256: string, path: string, name: string): Promise<FileContent> {
    const known = this.contents.get(sha256);
    if (known !== undefined) return known;
    let content: FileContent;
    try {
      content = await readFileContentAt(path);
    } catch (error) {
      throw describeFileError(error, name, 'read');
    }
    this.contents.set(sha256, content);
    return content;
  }

  private async isStored(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  private async requireStored(sha256: string, name: string): Promise<string> {
    const path = this.pathOf(sha256);
    if (!(await this.isStored(sha256))) {
      throw new AppError(
        'attachment-missing',
        `The file “${name}” is missing from this computer.`,
        {
          details: { fileName: name },
        },
      );
    }
    return path;
  }

  /**
   * Writes bytes to a temporary file in the attachments folder, flushes them, and renames the file
   * into place under its hash, unless a file with that hash is already stored: then the existing
   * copy is kept and the new one dropped.
   */
  private async storeFrom(
    label: string,
    write: (handle: FileHandle) => Promise<{ sha256: string; size: number }>,
  ): Promise<{ sha256: string; size: number; isAlreadyStored: boolean }> {
    await mkdir(this.folder, { recursive: true });
    const temp = join(this.folder, `.incoming-${randomSuffix()}.tmp`);
    try {
      const handle = await open(temp, 'wx', 0o600);
      let written: { sha256: string; size: number };
      try {
        written = await write(handle);
        await handle.sync();
      } finally {
        await handle.close();
      }
      const target = this.pathOf(written.sha256);
      if (await this.isStored(written.sha256)) {
        await rm(temp, { force: true });
        return { ...written, isAlreadyStored: true };
      }
      await mkdir(dirname(target), { recursive: true });
      try {
        await rename(temp, target);
      } catch (error) {
        // Another attach of the same bytes won the race: its copy is as good as ours.
        if (!(await this.isStored(written.sha256))) throw error;
        await rm(temp, { force: true });
        return { ...written, isAlreadyStored: true };
      }
      return { ...written, isAlreadyStored: false };
    } catch (error) {
      await rm(temp, { force: true });
      throw describeFileError(error, label, 'write');
    }
  }

  /**
   * Writes a copy of a stored file to `target` atomically, checking it against its hash as it
   * streams: bytes that do not match are `attachment-damaged`, and nothing is left at `target`.
   */
  private async writeVerifiedCopy(
    source: string,
    sha256: string,
    name: string,
    target: string,
  ): Promise<void> {
    await writeFileAtomicStreaming(
      target,
      async (write) => {
        const copied = await copyHashing(readChunks(source, name), write);
        if (copied.sha256 === sha256) return;
        // What was judged of this file may have been judged of these wrong bytes.
        this.contents.delete(sha256);
        throw new AppError(
          'attachment-damaged',
          `The stored copy of “${name}” is damaged: its content no longer matches the registry.`,
          { details: { fileName: name } },
        );
      },
      undefined,
      this.deps.atomicWriteFs ?? nodeAtomicWriteFs,
    );
  }

  /** Copies in progress that a crash or power cut left behind; never a stored file. */
  private async removeAbandonedIncoming(): Promise<void> {
    const cutoff = this.now().getTime() - LEFTOVER_LIFETIME_MS;
    for (const entry of await readdirOrEmpty(this.folder)) {
      if (!/^\.incoming-[0-9a-f]+\.tmp$/.test(entry)) continue;
      const path = join(this.folder, entry);
      const modified = await stat(path).then(
        (stats) => stats.mtimeMs,
        () => Number.POSITIVE_INFINITY,
      );
      if (modified < cutoff) await rm(path, { force: true }).catch(() => {});
    }
  }

  private async removeOldOpenedCopies(): Promise<void> {
    const cutoff = this.now().getTime() - LEFTOVER_LIFETIME_MS;
    for (const entry of await readdirOrEmpty(this.openedFolder)) {
      const createdAt = Number(entry.split('-')[0]);
      if (!Number.isFinite(createdAt) || createdAt >= cutoff) continue;
      // A viewer may still hold the file open (Windows refuses then); it goes next time.
      await rm(join(this.openedFolder, entry), { recursive: true, force: true }).catch(() => {});
    }
  }
}

/** Why a file is not handed to the system viewer, with what the renderer needs to say so. */
function refusalToOpen(
  name: string,
  verdict: Extract<AttachmentVerdict, { canOpen: false }>,
): AppError {
  return new AppError(
    'unsafe-file-type',
    `“${name}” is not opened: its content is of the type ${verdict.type} (${verdict.reason}). Save a copy instead.`,
    { details: { fileName: name, detectedType: verdict.type, reason: verdict.reason } },
  );
}

/**
 * A file's bytes, chunk by chunk; a failure to read is described as one (the write side of a copy
 * describes its own).
 */
async function* readChunks(path: string, name: string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
      yield chunk as Buffer;
    }
  } catch (error) {
    throw describeFileError(error, name, 'read');
  }
}

/** Streams `source` into `write`, hashing as it goes; `onProgress` may throw to stop early. */
async function copyHashing(
  source: AsyncIterable<Buffer>,
  write: (chunk: Buffer) => Promise<unknown>,
  onProgress?: (bytesSoFar: number) => void,
): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of source) {
    size += chunk.byteLength;
    onProgress?.(size);
    hash.update(chunk);
    await write(chunk);
  }
  return { sha256: hash.digest('hex'), size };
}

async function readdirOrEmpty(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
