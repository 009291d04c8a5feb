import { randomUUID } from 'node:crypto';
import type * as z from 'zod';
import { BACKUP_LIMITS } from '@shared/backup/backupFormat';
import {
  TRANSFER_CHUNK_BYTES,
  type downloadTableInputSchema,
  type uploadTableInputSchema,
} from '@shared/backup/backupIpc';
import type { EncodedTable } from '@shared/backup/backupTables';
import { AppError } from '../ipc/AppError';
import type { KeptBackupFile } from './backupService';

export type UploadTableInput = z.output<typeof uploadTableInputSchema>;
export type DownloadTableInput = z.output<typeof downloadTableInputSchema>;

/** A transfer not touched for this long is dropped (its renderer went away mid-way). */
const IDLE_MS = 10 * 60_000;
/** Reads kept at once: a restore reads one backup, the recovery screen perhaps a second. */
const MAX_READS = 2;
/** Backups being sent at once: one by hand and a scheduled one may overlap; more never do. */
const MAX_UPLOADS = 3;
/** Tables in one upload: the registry has 16; room for a few more versions, not for thousands. */
const MAX_TABLES_PER_UPLOAD = 64;

type Upload = {
  tables: Map<string, { rows: number; chunks: Uint8Array[]; size: number }>;
  size: number;
  touchedAt: number;
};
type Read = {
  tables: ReadonlyMap<string, Uint8Array<ArrayBuffer>>;
  file: KeptBackupFile;
  touchedAt: number;
};

/**
 * Tables on their way between renderer and main, in pieces of at most TRANSFER_CHUNK_BYTES: a
 * backup's tables arrive piece by piece before backup:create, a read backup's tables leave piece
 * by piece after backup:read. No single IPC message then carries a whole large registry.
 *
 * Every id and table name comes from the renderer, so each is looked up in a Map (never as a
 * property of an object: `constructor` or `__proto__` is just a name that is not there), and what
 * a renderer can make main hold is bounded: uploads at once, tables per upload, bytes in all.
 */
export class BackupTransfers {
  private readonly uploads = new Map<string, Upload>();
  private readonly reads = new Map<string, Read>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Appends one piece; pieces of a table must arrive in order (offset = bytes so far). */
  upload(input: UploadTableInput): { received: number } {
    this.dropIdle();
    // backup:upload's contract (uploadTableInputSchema) refuses such a piece before it gets here;
    // the class checks again because it is also called directly, bypassing the contract, as
    // backupIpc.test.ts does with an oversized piece.
    if (input.bytes.byteLength > TRANSFER_CHUNK_BYTES) {
      throw new AppError(
        'invalid-input',
        `A piece of a backup upload holds ${input.bytes.byteLength} bytes; at most ${TRANSFER_CHUNK_BYTES} are accepted.`,
      );
    }
    let upload = this.uploads.get(input.uploadId);
    if (!upload) {
      if (this.uploads.size >= MAX_UPLOADS) {
        throw new AppError(
          'invalid-input',
          `${MAX_UPLOADS} backups are already being sent; wait until one of them is written.`,
        );
      }
      upload = { tables: new Map(), size: 0, touchedAt: this.now() };
      this.uploads.set(input.uploadId, upload);
    }
    upload.touchedAt = this.now();
    let table = upload.tables.get(input.table);
    if (!table) {
      if (upload.tables.size >= MAX_TABLES_PER_UPLOAD) {
        this.uploads.delete(input.uploadId);
        throw new AppError(
          'invalid-input',
          `A backup upload may carry at most ${MAX_TABLES_PER_UPLOAD} tables.`,
        );
      }
      table = { rows: input.rows, chunks: [], size: 0 };
      upload.tables.set(input.table, table);
    }
    if (input.offset !== table.size || input.rows !== table.rows) {
      this.uploads.delete(input.uploadId);
      throw new AppError(
        'invalid-input',
        `The backup upload of ${input.table} arrived out of order (at ${input.offset}, expected ${table.size}).`,
      );
    }
    // All uploads together, so several at once cannot hold more than one backup's worth.
    if (this.bytesInFlight() + input.bytes.byteLength > BACKUP_LIMITS.allTablesBytes) {
      this.uploads.delete(input.uploadId);
      throw new AppError(
        'too-large',
        `The registry's tables exceed ${BACKUP_LIMITS.allTablesBytes} bytes, more than one backup can hold.`,
      );
    }
    upload.size += input.bytes.byteLength;
    table.chunks.push(input.bytes);
    table.size += input.bytes.byteLength;
    return { received: table.size };
  }

  /** Every table of an upload, whole, in the order they arrived; the upload is used up. */
  takeUpload(uploadId: string): EncodedTable[] {
    this.dropIdle();
    const upload = this.uploads.get(uploadId);
    if (!upload) {
      throw new AppError('not-found', 'The tables for this backup were not received; try again.');
    }
    this.uploads.delete(uploadId);
    return [...upload.tables].map(([name, table]) => {
      const bytes = new Uint8Array(table.size);
      let at = 0;
      for (const chunk of table.chunks) {
        bytes.set(chunk, at);
        at += chunk.byteLength;
      }
      return { name, rows: table.rows, bytes };
    });
  }

  /** Keeps a verified backup's tables for download, and its file for restore-files. */
  keepRead(tables: ReadonlyMap<string, Uint8Array<ArrayBuffer>>, file: KeptBackupFile): string {
    this.dropIdle();
    const readId = randomUUID();
    this.reads.set(readId, { tables, file, touchedAt: this.now() });
    while (this.reads.size > MAX_READS) {
      const oldest = this.reads.keys().next().value;
      if (oldest === undefined) break;
      this.reads.delete(oldest);
    }
    return readId;
  }

  /** One piece of a kept table from `offset`; empty at the end. */
  download(input: DownloadTableInput): { bytes: Uint8Array<ArrayBuffer> } {
    this.dropIdle();
    const read = this.reads.get(input.readId);
    const table = read?.tables.get(input.table);
    if (!read || !table) throw this.notOpen();
    if (input.offset > table.byteLength) {
      throw new AppError(
        'invalid-input',
        `The table ${input.table} has ${table.byteLength} bytes; there is nothing at ${input.offset}.`,
      );
    }
    read.touchedAt = this.now();
    return { bytes: table.slice(input.offset, input.offset + TRANSFER_CHUNK_BYTES) };
  }

  /**
   * The file of a read backup, for restore-files; the read is used up (its tables were fetched
   * before the preview, and a restore that fails afterwards starts again from reading).
   */
  takeReadFile(readId: string): KeptBackupFile {
    this.dropIdle();
    const read = this.reads.get(readId);
    if (!read) throw this.notOpen();
    this.reads.delete(readId);
    return read.file;
  }

  private notOpen(): AppError {
    return new AppError('not-found', 'This backup is no longer open; read it again.');
  }

  private bytesInFlight(): number {
    let total = 0;
    for (const upload of this.uploads.values()) total += upload.size;
    return total;
  }

  private dropIdle(): void {
    const limit = this.now() - IDLE_MS;
    for (const [id, upload] of this.uploads) if (upload.touchedAt < limit) this.uploads.delete(id);
    for (const [id, read] of this.reads) if (read.touchedAt < limit) this.reads.delete(id);
  }
}
