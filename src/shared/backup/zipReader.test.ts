import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { craftZip, entryOf } from '../testing/craftedZip';
import { BackupFormatError } from './backupFormat';
import {
  bytesSource,
  readZipDirectory,
  readZipEntry,
  type RandomAccessSource,
  type ZipLimits,
} from './zipReader';

const MiB = 1_048_576;

const generous: ZipLimits = {
  fileBytes: 64 * MiB,
  entries: 10,
  entryBytes: () => 1_024 * MiB,
  totalBytes: 2_048 * MiB,
};

/** A source that notes the most ArrayBuffer memory the process held while the reader read. */
function measuredSource(
  bytes: Uint8Array,
): RandomAccessSource & { peakArrayBuffers: () => number } {
  const inner = bytesSource(bytes);
  let peak = process.memoryUsage().arrayBuffers;
  return {
    size: inner.size,
    read: (offset, length) => {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers);
      return inner.read(offset, length);
    },
    peakArrayBuffers: () => peak,
  };
}

async function refusalOf(promise: Promise<unknown>): Promise<BackupFormatError> {
  const outcome: unknown = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(BackupFormatError);
  return outcome as BackupFormatError;
}

describe('readZipEntry', () => {
  it('holds only the bytes that arrive: 1 KiB declared as 512 MiB costs no 512 MiB buffer', async () => {
    const lie = { ...entryOf('records.json', new Uint8Array(1_024).fill(0x20)), size: 512 * MiB };
    const zip = craftZip([lie]);
    expect(zip.byteLength).toBeLessThan(1_024);
    const source = measuredSource(zip);
    const before = process.memoryUsage().arrayBuffers;
    const [entry] = await readZipDirectory(source, generous);

    const refusal = await refusalOf(readZipEntry(source, entry!));

    expect(refusal.problem).toBe('truncated');
    expect(refusal.message).toContain(`holds 1024 bytes where it declares ${512 * MiB}`);
    expect(source.peakArrayBuffers() - before).toBeLessThan(32 * MiB);
  });

  it('returns every byte of entries that grow the buffer several times, stored or deflated', async () => {
    const content = new Uint8Array(3 * MiB + 17);
    for (let index = 0; index < content.length; index += 1) content[index] = (index * 31) % 251;
    const zip = zipSync({
      'deflated.bin': [content, { level: 6 }],
      'stored.bin': [content, { level: 0 }],
      'empty.bin': [new Uint8Array(0), { level: 6 }],
    });
    const source = bytesSource(zip);
    const entries = await readZipDirectory(source, generous);
    for (const entry of entries) {
      const bytes = await readZipEntry(source, entry);
      const expected = entry.name === 'empty.bin' ? new Uint8Array(0) : content;
      expect(Buffer.compare(bytes, expected), entry.name).toBe(0);
    }
  });
});

describe('readZipDirectory with a total budget', () => {
  it('refuses entries that together declare more than the total, before inflating any', async () => {
    const zip = craftZip([
      { ...entryOf('attachments/a', new Uint8Array(10)), size: 300 * MiB },
      { ...entryOf('attachments/b', new Uint8Array(10)), size: 300 * MiB },
    ]);
    let reads = 0;
    const source: RandomAccessSource = {
      size: zip.byteLength,
      read: (offset, length) => {
        reads += 1;
        return bytesSource(zip).read(offset, length);
      },
    };

    const refusal = await refusalOf(
      readZipDirectory(source, { ...generous, entryBytes: () => 512 * MiB, totalBytes: 512 * MiB }),
    );

    expect(refusal.problem).toBe('too-large');
    expect(refusal.part).toBe('attachments/b');
    expect(refusal.message).toContain(`more than ${512 * MiB} bytes together`);
    // The end record and the directory: no entry's data was touched.
    expect(reads).toBe(2);
  });

  it('accepts entries whose declared total is within the budget', async () => {
    const zip = craftZip([
      entryOf('attachments/a', new Uint8Array(100)),
      entryOf('attachments/b', new Uint8Array(100)),
    ]);
    const entries = await readZipDirectory(bytesSource(zip), { ...generous, totalBytes: 200 });
    expect(entries.map((entry) => entry.name)).toEqual(['attachments/a', 'attachments/b']);
  });
});
