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
};

const nodeFs: AtomicWriteFs = {
  open: (path) => open(path, 'wx', 0o600),
  rename,
  rm: (path) => rm(path, { force: true }),
};

/**
 * Writes a file so that readers see either the old content or the new, never half of it: the bytes
 * go to a temporary file beside the target, are flushed to disk, and the temporary file is renamed
 * over the target. On failure the temporary file is removed and the old file is left as it was.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  fs: AtomicWriteFs = nodeFs,
): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temp);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
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
): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
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
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
