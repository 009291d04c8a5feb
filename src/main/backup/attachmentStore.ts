import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { attachmentPartPath, BackupFormatError, SHA256_HEX } from '@shared/backup/backupFormat';
import { writeFileAtomicStreaming } from '../fs/atomicWrite';

/**
 * The attachment store as the backup sees it: files named by their SHA-256 in
 * `<store>/<first two hex digits>/<sha256>`. The backup walks this layout itself and trusts no
 * name: every file is hashed before it goes into a backup, and every file coming back from one is
 * hashed before it takes its name.
 */

/** A file of the store: its name (the hash it should have), where it is, and how big. */
export type StoreFile = { sha256: string; path: string; size: number };

const PREFIX = /^[0-9a-f]{2}$/;

/** The store file a hash lives at. */
export function storePath(storeFolder: string, sha256: string): string {
  return join(storeFolder, sha256.slice(0, 2), sha256);
}

async function entriesOf(folder: string) {
  try {
    return await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Every file named like a SHA-256 under a two-digit folder, once per hash. Anything else there
 * (a write in progress, a stray file) is not an attachment and is left out; `others` names it.
 */
export async function listStoreFiles(
  storeFolder: string,
): Promise<{ files: StoreFile[]; others: string[] }> {
  const files = new Map<string, StoreFile>();
  const others: string[] = [];
  for (const prefix of await entriesOf(storeFolder)) {
    if (!prefix.isDirectory() || !PREFIX.test(prefix.name)) {
      others.push(prefix.name);
      continue;
    }
    for (const entry of await entriesOf(join(storeFolder, prefix.name))) {
      const path = join(storeFolder, prefix.name, entry.name);
      if (!entry.isFile() || !SHA256_HEX.test(entry.name) || files.has(entry.name)) {
        others.push(`${prefix.name}/${entry.name}`);
        continue;
      }
      files.set(entry.name, { sha256: entry.name, path, size: (await stat(path)).size });
    }
  }
  return { files: [...files.values()].sort((a, b) => a.sha256.localeCompare(b.sha256)), others };
}

/** A file's SHA-256, read in a stream. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Whether the store already holds this hash at its place with the expected size. */
export async function isInStore(
  storeFolder: string,
  sha256: string,
  size: number,
): Promise<boolean> {
  try {
    const info = await stat(storePath(storeFolder, sha256));
    return info.isFile() && info.size === size;
  } catch {
    return false;
  }
}

/**
 * Writes a file into the store under its hash, atomically, and only if the bytes `produce` gives
 * really have that hash: otherwise nothing takes the name.
 */
export async function writeToStore(
  storeFolder: string,
  sha256: string,
  produce: (write: (chunk: Uint8Array) => Promise<void>) => Promise<void>,
): Promise<void> {
  await mkdir(join(storeFolder, sha256.slice(0, 2)), { recursive: true });
  await writeFileAtomicStreaming(storePath(storeFolder, sha256), async (write) => {
    const hash = createHash('sha256');
    await produce(async (chunk) => {
      hash.update(chunk);
      await write(chunk);
    });
    const actual = hash.digest('hex');
    if (actual !== sha256) {
      throw new BackupFormatError(
        'hash-mismatch',
        `The attachment ${sha256} came out of the backup as ${actual}: the file changed after it was read.`,
        attachmentPartPath(sha256),
      );
    }
  });
}
