import { Inflate } from 'fflate';
import { BackupFormatError } from './backupFormat';
import { Crc32 } from './crc32';

/**
 * A strict zip reader for backups, built on the central directory and reading entries on demand
 * from any random-access source (a file handle in main, bytes in tests), so a 2 GB backup is never
 * held in memory whole. It refuses what a backup never contains: encryption, ZIP64, multi-disk
 * archives, methods other than store/deflate, unsafe names, overlapping entries, and any entry
 * whose inflated bytes differ from its declared size or CRC.
 */

/** Bytes readable at any offset: `read` may answer fewer bytes at the end of the source. */
export type RandomAccessSource = {
  size: number;
  read: (offset: number, length: number) => Promise<Uint8Array>;
};

export type ZipEntry = {
  name: string;
  method: 0 | 8;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
};

/** Size limits, checked on the declared sizes before anything is inflated. */
export type ZipLimits = {
  fileBytes: number;
  entries: number;
  /** The most an entry of this name may hold; null for a name that has no place in the archive. */
  entryBytes: (name: string) => number | null;
  /**
   * The most all entries together may declare. Entries never inflate beyond what they declare
   * (streamZipEntry refuses), so this bounds the bytes a whole archive can expand to: a small file
   * declaring many entries just under their own limits is refused here, before any is inflated.
   */
  totalBytes: number;
};

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;
/** Bytes read from the source at a time. */
const READ_CHUNK = 1_048_576;
/**
 * Compressed bytes handed to the inflater at a time: bounds what one step can expand to (deflate
 * expands at most about 1032 times, so 64 KiB become at most about 66 MB) before the declared size
 * is checked again.
 */
const INFLATE_SLICE = 64 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads exactly `length` bytes or says the file ends too early. */
async function readExactly(
  source: RandomAccessSource,
  offset: number,
  length: number,
  what: string,
): Promise<DataView> {
  if (offset < 0 || offset + length > source.size) {
    throw new BackupFormatError('truncated', `The file ends before its ${what}.`);
  }
  const bytes = await source.read(offset, length);
  if (bytes.byteLength < length) {
    throw new BackupFormatError('truncated', `The file ends before its ${what}.`);
  }
  return new DataView(bytes.buffer, bytes.byteOffset, length);
}

/**
 * A name a zip may carry into a folder: relative, with forward slashes, no `.` or `..` segments,
 * no drive letters, no control characters. Anything else could write outside the target.
 */
export function isSafeEntryName(name: string): boolean {
  if (name === '' || name.length > 400) return false;
  if (name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name)) return false;
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  if (/[\u0000-\u001f\u007f]/.test(name)) return false;
  return name.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

function findEndOfCentralDirectory(tail: DataView, tailOffset: number): number {
  for (let at = tail.byteLength - EOCD_SIZE; at >= 0; at -= 1) {
    if (tail.getUint32(at, true) !== EOCD_SIGNATURE) continue;
    const commentLength = tail.getUint16(at + 20, true);
    if (at + EOCD_SIZE + commentLength === tail.byteLength) return tailOffset + at;
  }
  return -1;
}

/**
 * The entries of a zip, from its central directory, checked: sizes within limits, names safe and
 * unique, each entry's data inside the file and apart from the others. Reads no entry data.
 */
export async function readZipDirectory(
  source: RandomAccessSource,
  limits: ZipLimits,
): Promise<ZipEntry[]> {
  if (source.size > limits.fileBytes) {
    throw new BackupFormatError(
      'too-large',
      `The file is ${source.size} bytes; backups up to ${limits.fileBytes} bytes can be read.`,
    );
  }
  if (source.size < EOCD_SIZE) {
    throw new BackupFormatError('not-a-backup', 'The file is too short to be a zip archive.');
  }
  const tailLength = Math.min(source.size, EOCD_SIZE + MAX_COMMENT);
  const tailOffset = source.size - tailLength;
  const tail = await readExactly(source, tailOffset, tailLength, 'end');
  const eocd = findEndOfCentralDirectory(tail, tailOffset);
  if (eocd < 0) {
    throw new BackupFormatError(
      'not-a-backup',
      'The file is not a zip archive, or it was cut short (its end record is missing).',
    );
  }
  const at = eocd - tailOffset;
  const disk = tail.getUint16(at + 4, true);
  const directoryDisk = tail.getUint16(at + 6, true);
  const entriesOnDisk = tail.getUint16(at + 8, true);
  const entryCount = tail.getUint16(at + 10, true);
  const directorySize = tail.getUint32(at + 12, true);
  const directoryOffset = tail.getUint32(at + 16, true);
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    throw new BackupFormatError(
      'unsupported-zip',
      'The archive uses ZIP64, which backups never do.',
    );
  }
  if (disk !== 0 || directoryDisk !== 0 || entriesOnDisk !== entryCount) {
    throw new BackupFormatError('unsupported-zip', 'The archive spans several disks.');
  }
  if (entryCount > limits.entries) {
    throw new BackupFormatError(
      'too-large',
      `The archive has ${entryCount} entries; at most ${limits.entries} are accepted.`,
    );
  }
  if (directoryOffset + directorySize > eocd) {
    throw new BackupFormatError('truncated', 'The archive’s directory lies outside the file.');
  }
  const directory = await readExactly(source, directoryOffset, directorySize, 'directory');

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let declaredTotal = 0;
  let at2 = 0;
  for (let index = 0; index < entryCount; index += 1) {
    if (
      at2 + CENTRAL_SIZE > directorySize ||
      directory.getUint32(at2, true) !== CENTRAL_SIGNATURE
    ) {
      throw new BackupFormatError(
        'corrupt',
        `The archive’s directory is damaged at entry ${index + 1}.`,
      );
    }
    const flags = directory.getUint16(at2 + 8, true);
    const method = directory.getUint16(at2 + 10, true);
    const crc32 = directory.getUint32(at2 + 16, true);
    const compressedSize = directory.getUint32(at2 + 20, true);
    const size = directory.getUint32(at2 + 24, true);
    const nameLength = directory.getUint16(at2 + 28, true);
    const extraLength = directory.getUint16(at2 + 30, true);
    const commentLength = directory.getUint16(at2 + 32, true);
    const startDisk = directory.getUint16(at2 + 34, true);
    const localHeaderOffset = directory.getUint32(at2 + 42, true);
    const end = at2 + CENTRAL_SIZE + nameLength + extraLength + commentLength;
    if (end > directorySize) {
      throw new BackupFormatError(
        'corrupt',
        `The archive’s directory is damaged at entry ${index + 1}.`,
      );
    }
    let name: string;
    try {
      name = utf8.decode(
        new Uint8Array(directory.buffer, directory.byteOffset + at2 + CENTRAL_SIZE, nameLength),
      );
    } catch {
      throw new BackupFormatError('corrupt', `Entry ${index + 1} has a name that is not UTF-8.`);
    }
    if (!isSafeEntryName(name)) {
      throw new BackupFormatError(
        'unsafe-path',
        `The entry “${name}” has a path that could point outside the backup (absolute, “..”, or a drive).`,
        name,
      );
    }
    if (names.has(name)) {
      throw new BackupFormatError('corrupt', `The entry “${name}” appears twice.`, name);
    }
    names.add(name);
    if (flags & 0x0001 || flags & 0x0040) {
      throw new BackupFormatError('unsupported-zip', `The entry “${name}” is encrypted.`, name);
    }
    if (method !== 0 && method !== 8) {
      throw new BackupFormatError(
        'unsupported-zip',
        `The entry “${name}” uses compression method ${method}; backups use only store and deflate.`,
        name,
      );
    }
    if (size === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      throw new BackupFormatError('unsupported-zip', `The entry “${name}” uses ZIP64.`, name);
    }
    if (startDisk !== 0) {
      throw new BackupFormatError('unsupported-zip', 'The archive spans several disks.', name);
    }
    const limit = limits.entryBytes(name);
    if (limit === null) {
      throw new BackupFormatError(
        'unexpected-entry',
        `The entry “${name}” has no place in a registry backup.`,
        name,
      );
    }
    if (size > limit) {
      throw new BackupFormatError(
        'too-large',
        `The entry “${name}” declares ${size} bytes; at most ${limit} are accepted.`,
        name,
      );
    }
    declaredTotal += size;
    if (declaredTotal > limits.totalBytes) {
      throw new BackupFormatError(
        'too-large',
        `The archive’s entries declare more than ${limits.totalBytes} bytes together (counting up to “${name}”), the most accepted.`,
        name,
      );
    }
    if (method === 0 && compressedSize !== size) {
      throw new BackupFormatError(
        'corrupt',
        `The stored entry “${name}” has two different sizes.`,
        name,
      );
    }
    entries.push({ name, method, crc32, compressedSize, size, localHeaderOffset });
    at2 = end;
  }

  // Each entry's data must lie before the directory and apart from every other entry's: shared or
  // overlapping data is how crafted archives multiply a small file into a huge one.
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  let previousEnd = 0;
  for (const entry of byOffset) {
    if (entry.localHeaderOffset < previousEnd) {
      throw new BackupFormatError(
        'corrupt',
        `The entry “${entry.name}” overlaps another.`,
        entry.name,
      );
    }
    const local = await readExactly(
      source,
      entry.localHeaderOffset,
      LOCAL_SIZE,
      `entry “${entry.name}”`,
    );
    if (local.getUint32(0, true) !== LOCAL_SIGNATURE) {
      throw new BackupFormatError('corrupt', `The entry “${entry.name}” is damaged.`, entry.name);
    }
    const dataStart =
      entry.localHeaderOffset + LOCAL_SIZE + local.getUint16(26, true) + local.getUint16(28, true);
    const dataEnd = dataStart + entry.compressedSize;
    if (dataEnd > directoryOffset) {
      throw new BackupFormatError(
        'truncated',
        `The entry “${entry.name}” is cut short.`,
        entry.name,
      );
    }
    previousEnd = dataEnd;
  }
  return entries;
}

/**
 * Streams one entry's bytes to `onChunk`, inflating at most its declared size: more, fewer, or a
 * different CRC-32 is refused. `checkCrc: false` is for callers that hash the bytes themselves
 * (the CRC then only costs time). Chunks arrive in order and stay below about 66 MB.
 */
export async function streamZipEntry(
  source: RandomAccessSource,
  entry: ZipEntry,
  onChunk: (chunk: Uint8Array) => Promise<void> | void,
  options: { checkCrc?: boolean } = {},
): Promise<void> {
  const checkCrc = options.checkCrc ?? true;
  const local = await readExactly(
    source,
    entry.localHeaderOffset,
    LOCAL_SIZE,
    `entry “${entry.name}”`,
  );
  const dataStart =
    entry.localHeaderOffset + LOCAL_SIZE + local.getUint16(26, true) + local.getUint16(28, true);
  const crc = new Crc32();
  let produced = 0;
  const accept = async (chunks: Uint8Array[]) => {
    for (const chunk of chunks) {
      produced += chunk.byteLength;
      if (produced > entry.size) {
        throw new BackupFormatError(
          'too-large',
          `The entry “${entry.name}” expands beyond the ${entry.size} bytes it declares.`,
          entry.name,
        );
      }
      if (checkCrc) crc.update(chunk);
      await onChunk(chunk);
    }
  };

  let pending: Uint8Array[] = [];
  let isInflated = entry.method === 0;
  const inflater =
    entry.method === 8
      ? new Inflate((chunk, final) => {
          if (chunk.byteLength > 0) pending.push(chunk);
          if (final) isInflated = true;
        })
      : null;

  for (let offset = 0; offset < entry.compressedSize || offset === 0; offset += READ_CHUNK) {
    const length = Math.min(READ_CHUNK, entry.compressedSize - offset);
    const view = await readExactly(source, dataStart + offset, length, `entry “${entry.name}”`);
    const bytes = new Uint8Array(view.buffer, view.byteOffset, length);
    const isLastRead = offset + length >= entry.compressedSize;
    if (!inflater) {
      await accept([bytes]);
    } else {
      for (let at = 0; at < length || at === 0; at += INFLATE_SLICE) {
        const isLast = isLastRead && at + INFLATE_SLICE >= length;
        try {
          inflater.push(bytes.subarray(at, at + INFLATE_SLICE), isLast);
        } catch (error) {
          throw new BackupFormatError(
            'corrupt',
            `The entry “${entry.name}” cannot be decompressed (${error instanceof Error ? error.message : String(error)}).`,
            entry.name,
          );
        }
        const ready = pending;
        pending = [];
        await accept(ready);
        if (isLast) break;
      }
    }
    if (isLastRead) break;
  }
  if (!isInflated || produced !== entry.size) {
    throw new BackupFormatError(
      'truncated',
      `The entry “${entry.name}” holds ${produced} bytes where it declares ${entry.size}.`,
      entry.name,
    );
  }
  if (checkCrc && crc.digest() !== entry.crc32) {
    throw new BackupFormatError(
      'corrupt',
      `The entry “${entry.name}” fails its CRC check.`,
      entry.name,
    );
  }
}

/** The first buffer readZipEntry allocates; it doubles as bytes arrive. */
const INITIAL_BUFFER = 64 * 1024;

/**
 * One entry whole, for the small ones (the manifest, a table). The buffer grows as inflated bytes
 * really arrive, never to more than twice what arrived (and never beyond the declared size): the
 * declared size is the archive's claim, and a few hundred bytes may claim 512 MiB.
 */
export async function readZipEntry(
  source: RandomAccessSource,
  entry: ZipEntry,
  options: { checkCrc?: boolean } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  let buffer = new Uint8Array(Math.min(entry.size, INITIAL_BUFFER));
  let at = 0;
  await streamZipEntry(
    source,
    entry,
    (chunk) => {
      // streamZipEntry has checked that `at + chunk.byteLength` stays within the declared size.
      if (at + chunk.byteLength > buffer.byteLength) {
        const grown = new Uint8Array(
          Math.min(entry.size, Math.max(buffer.byteLength * 2, at + chunk.byteLength)),
        );
        grown.set(buffer.subarray(0, at));
        buffer = grown;
      }
      buffer.set(chunk, at);
      at += chunk.byteLength;
    },
    options,
  );
  // streamZipEntry refused unless exactly the declared size arrived, and growth stops there.
  return buffer;
}

/** Bytes in memory as a source, for tests and for backups already read. */
export function bytesSource(bytes: Uint8Array): RandomAccessSource {
  return {
    size: bytes.byteLength,
    read: (offset, length) => Promise.resolve(bytes.subarray(offset, offset + length)),
  };
}
