import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * The file-system calls an atomic write makes; node's by default. Tests pass failing ones to check
 * that a full disk, a refusal or a locked file midway leaves the old file and no temporary file.
 */
export type AtomicWriteFs = {
  open: (path: string) => Promise<{
    writeFile: (data: string | Uint8Array) => Promise<void>;
    sync: () => Promise<void>;
    close: () => Promise<void>;
  }>;
  rename: (from: string, to: string) => Promise<void>;
  rm: (path: string) => Promise<void>;
  /** Flushes a folder's entries (the rename) to disk; a no-op where folders cannot be opened. */
  syncFolder: (folder: string) => Promise<void>;
  /** Waits before a rename is tried again; tests answer at once. */
  pause: (ms: number) => Promise<void>;
  /** How long to wait before each new try of a rename refused as "in use"; none: no retry. */
  renameRetryDelaysMs: readonly number[];
};

/**
 * Rename failures that mean "someone has the file open right now" on Windows: an antivirus
 * scanner, the search indexer or Excel still reading yesterday's export. They pass within moments,
 * so there the rename is tried again a few times before the write is given up. Elsewhere these
 * codes mean a real refusal, reported at once.
 */
const TRANSIENT_RENAME_ERRORS: ReadonlySet<string> = new Set(['EPERM', 'EBUSY', 'EACCES']);
/** Waits between rename attempts on Windows: about 0.6 s in all, short enough to feel like one save. */
export const WINDOWS_RENAME_RETRY_DELAYS_MS = [20, 40, 80, 160, 320] as const;

/**
 * fsync of the folder, so the rename itself survives a power cut (POSIX; ext4 and others may
 * otherwise lose the new name and keep neither file). Windows cannot open a folder for this and
 * NTFS journals the rename, so there it does nothing. Best effort: the file is already in place,
 * and a file system that refuses to sync folders (EINVAL on some network mounts) must not turn a
 * good save into a reported failure.
 */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // See above: durability of the name is improved where possible, never a reason to fail.
  }
}

export const nodeAtomicWriteFs: AtomicWriteFs = {
  open: (path) => open(path, 'wx', 0o600),
  rename,
  rm: (path) => rm(path, { force: true }),
  syncFolder,
  pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  renameRetryDelaysMs: process.platform === 'win32' ? WINDOWS_RENAME_RETRY_DELAYS_MS : [],
};

/** A temporary name beside the target, hidden and unique. */
function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Renames the finished temporary file over the target, trying again while Windows reports the
 * target as in use, then flushes the folder so the new name is on disk.
 */
async function moveIntoPlace(temp: string, target: string, fs: AtomicWriteFs): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await fs.rename(temp, target);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
      const delay = fs.renameRetryDelaysMs[attempt];
      if (!TRANSIENT_RENAME_ERRORS.has(code) || delay === undefined) throw error;
      await fs.pause(delay);
    }
  }
  await fs.syncFolder(dirname(target));
}

/**
 * Writes a file so that readers see either the old content or the new, never half of it: the bytes
 * go to a temporary file beside the target, are flushed to disk, and the temporary file is renamed
 * over the target (again, a few times, while another program holds it open), and the folder is
 * flushed. On failure the temporary file is removed and the old file is left as it was.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  fs: AtomicWriteFs = nodeAtomicWriteFs,
): Promise<void> {
  const temp = temporaryPathFor(target);
  try {
    const handle = await fs.open(temp);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await moveIntoPlace(temp, target, fs);
  } catch (error) {
    // The write's own error is the one to report, even when the clean-up fails as well.
    await fs.rm(temp).catch(() => undefined);
    throw error;
  }
}

/** The part of a file handle a streamed atomic write uses; tests wrap it to fail mid-write. */
export type WritableFile = {
  write: (chunk: Uint8Array) => Promise<{ bytesWritten: number }>;
  sync: () => Promise<void>;
  close: () => Promise<void>;
};

export type OpenWritableFile = (path: string) => Promise<WritableFile>;

const openExclusive: OpenWritableFile = (path) => open(path, 'wx', 0o600);

/**
 * writeFileAtomic for content produced piece by piece (a backup of several GB is never whole in
 * memory): `produce` calls `write` for each piece. Same promise: the target holds the old content
 * or all of the new, and a failure anywhere removes the temporary file.
 */
export async function writeFileAtomicStreaming(
  target: string,
  produce: (write: (chunk: Uint8Array) => Promise<void>) => Promise<void>,
  openFile: OpenWritableFile = openExclusive,
  fs: AtomicWriteFs = nodeAtomicWriteFs,
): Promise<void> {
  const temp = temporaryPathFor(target);
  try {
    const handle = await openFile(temp);
    try {
      await produce(async (chunk) => {
        let offset = 0;
        while (offset < chunk.byteLength) {
          const { bytesWritten } = await handle.write(chunk.subarray(offset));
          if (bytesWritten <= 0) throw new Error(`Writing ${basename(target)} made no progress`);
          offset += bytesWritten;
        }
      });
      await handle.sync();
    } finally {
      await handle.close();
    }
    await moveIntoPlace(temp, target, fs);
  } catch (error) {
    await fs.rm(temp).catch(() => undefined);
    throw error;
  }
}
