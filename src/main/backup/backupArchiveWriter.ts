import { createHash } from 'node:crypto';
import { Zip, ZipDeflate, ZipPassThrough, type ZipInputFile } from 'fflate';
import type { BackupPart } from '@shared/backup/backupFormat';

/** Output is gathered to this size before it is written, so a backup is not thousands of tiny writes. */
const WRITE_BUFFER = 1_048_576;
/** Large in-memory parts are compressed in slices of this size, so output is written as it comes. */
const SLICE = 4 * 1_048_576;

/**
 * Writes a zip as a stream of parts, hashing each part as it goes so the manifest (written last)
 * can list every part's size and SHA-256. Tables are deflated; attachments are stored as they
 * are, since documents and scans rarely compress.
 */
export class BackupArchiveWriter {
  private readonly zip: Zip;
  private buffered: Uint8Array[] = [];
  private bufferedBytes = 0;
  private failure: Error | null = null;
  /** Bytes handed to `write` so far: the zip's size once finished. */
  written = 0;

  constructor(private readonly write: (chunk: Uint8Array) => Promise<void>) {
    this.zip = new Zip((error, chunk) => {
      if (error) this.failure = error;
      else {
        this.buffered.push(chunk);
        this.bufferedBytes += chunk.byteLength;
      }
    });
  }

  /** Adds one part whose bytes are in memory (a table, the manifest). */
  async addBytes(path: string, bytes: Uint8Array, compress: boolean): Promise<BackupPart> {
    const slices: Uint8Array[] = [];
    for (let at = 0; at < bytes.byteLength; at += SLICE)
      slices.push(bytes.subarray(at, at + SLICE));
    return this.addChunks(path, slices, compress);
  }

  /** Adds one part from chunks (an attachment read from disk), hashing it on the way. */
  async addChunks(
    path: string,
    chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    compress: boolean,
  ): Promise<BackupPart> {
    const file: ZipInputFile & { push: (chunk: Uint8Array, final?: boolean) => void } = compress
      ? new ZipDeflate(path, { level: 6 })
      : new ZipPassThrough(path);
    this.zip.add(file);
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of chunks) {
      if (chunk.byteLength === 0) continue;
      hash.update(chunk);
      size += chunk.byteLength;
      file.push(chunk);
      await this.flush(false);
    }
    file.push(new Uint8Array(0), true);
    await this.flush(false);
    return { path, size, sha256: hash.digest('hex') };
  }

  /** Ends the zip (its directory) and writes out everything still buffered. */
  async finish(): Promise<void> {
    this.zip.end();
    await this.flush(true);
  }

  private async flush(isFinal: boolean): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.bufferedBytes === 0 || (!isFinal && this.bufferedBytes < WRITE_BUFFER)) return;
    const out = new Uint8Array(this.bufferedBytes);
    let at = 0;
    for (const chunk of this.buffered) {
      out.set(chunk, at);
      at += chunk.byteLength;
    }
    this.buffered = [];
    this.bufferedBytes = 0;
    await this.write(out);
    this.written += out.byteLength;
  }
}
