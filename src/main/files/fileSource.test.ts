import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSource, type PositionalReader } from './fileSource';

const BYTES = new TextEncoder().encode('%PDF-1.4 Minutes of the 107th Session');

/** A real file's handle whose reads answer at most three bytes, as a slow network share may. */
function shortReads(handle: FileHandle): PositionalReader {
  return {
    read: (buffer, offset, length, position) =>
      handle.read(buffer, offset, Math.min(length, 3), position),
  };
}

describe('fileSource', () => {
  it('fills the range it was asked for, however short each read comes back', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'file-source-'));
    const path = join(folder, 'scan.pdf');
    await writeFile(path, BYTES);
    const handle = await open(path, 'r');
    try {
      const source = fileSource(shortReads(handle), BYTES.byteLength);
      expect(await source.read(0, 8)).toEqual(BYTES.subarray(0, 8));
      expect(await source.read(9, 20)).toEqual(BYTES.subarray(9, 29));
      // Past the end: only what the file holds, and nothing from beyond it.
      expect(await source.read(BYTES.byteLength - 4, 100)).toEqual(BYTES.subarray(-4));
      expect(await source.read(BYTES.byteLength + 10, 4)).toEqual(new Uint8Array());
    } finally {
      await handle.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
