import type { BackupManifest } from '@shared/backup/backupFormat';
import { TRANSFER_CHUNK_BYTES } from '@shared/backup/backupIpc';
import type { IpcInput } from '@shared/ipc/contract';
import { registryClient } from '../../ipc/registryClient';
import type { BackupRequest, CreateBackup } from './backupRegistry';

/** How far a transfer is, 0–1, for a progress bar. */
export type OnProgress = (fraction: number) => void;

/**
 * backup:create over IPC: every table goes to main in pieces of at most TRANSFER_CHUNK_BYTES
 * (backup:upload), then main writes the backup. Progress counts the bytes sent.
 */
export function createBackupOverIpc(onProgress?: OnProgress): CreateBackup {
  return async ({ tables, ...request }: BackupRequest) => {
    const uploadId = crypto.randomUUID();
    const total = tables.reduce((sum, table) => sum + table.bytes.byteLength, 0);
    let sent = 0;
    for (const table of tables) {
      let offset = 0;
      do {
        const bytes = table.bytes.slice(offset, offset + TRANSFER_CHUNK_BYTES);
        await registryClient.backup.upload({
          uploadId,
          table: table.name,
          rows: table.rows,
          offset,
          bytes,
        });
        offset += bytes.byteLength;
        sent += bytes.byteLength;
        onProgress?.(total === 0 ? 1 : sent / total);
      } while (offset < table.bytes.byteLength);
    }
    return registryClient.backup.create({ ...request, uploadId });
  };
}

/** A backup main has verified, with its tables fetched whole. */
export type ReadBackup = {
  fileName: string;
  manifest: BackupManifest;
  /** Main keeps the read under this id until backup:restore-files uses it up. */
  readId: string;
  tables: Map<string, Uint8Array>;
  /** Attachment files the store lacks: what a confirmed restore writes. */
  attachmentsToRestore: { count: number; bytes: number };
};

/**
 * backup:read over IPC: main verifies the file and keeps its tables; they come over in pieces
 * (backup:download). Null when the user cancelled the dialog. Nothing is written anywhere yet.
 */
export async function readBackupOverIpc(
  source: IpcInput<'backup:read'>['source'],
  onProgress?: OnProgress,
): Promise<ReadBackup | null> {
  const read = await registryClient.backup.read({ source });
  if (!read) return null;
  const total = Object.values(read.tables).reduce((sum, size) => sum + size, 0);
  let received = 0;
  const tables = new Map<string, Uint8Array>();
  for (const [name, size] of Object.entries(read.tables)) {
    const bytes = new Uint8Array(size);
    let at = 0;
    while (at < size) {
      const piece = await registryClient.backup.download({
        readId: read.readId,
        table: name,
        offset: at,
      });
      if (piece.bytes.byteLength === 0) break;
      if (piece.bytes.byteLength > size - at) {
        throw new Error(`The table ${name} of the backup arrived longer than announced`);
      }
      bytes.set(piece.bytes, at);
      at += piece.bytes.byteLength;
      received += piece.bytes.byteLength;
      onProgress?.(total === 0 ? 1 : received / total);
    }
    if (at !== size) throw new Error(`The table ${name} of the backup arrived incomplete`);
    tables.set(name, bytes);
  }
  return {
    fileName: read.fileName,
    manifest: read.manifest,
    readId: read.readId,
    tables,
    attachmentsToRestore: read.attachmentsToRestore,
  };
}

/** Puts a read backup's attachment files back into the store (backup:restore-files). */
export type RestoreFiles = (readId: string) => Promise<{ restored: number }>;

export const restoreFilesOverIpc: RestoreFiles = (readId) =>
  registryClient.backup.restoreFiles({ readId });
