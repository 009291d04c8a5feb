import { createHash, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_LIMITS } from '@shared/backup/backupFormat';
import { TRANSFER_CHUNK_BYTES } from '@shared/backup/backupIpc';
import { createDispatcher } from '../ipc/dispatcher';
import { readPolicy } from '../policy/policyService';
import { createIpcHandlers } from '../services';
import { BackupTransfers } from './backupTransfers';

let base: string;
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'backup-ipc-'));
  await mkdir(join(base, 'userData'));
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

function dispatcher() {
  const handlers = createIpcHandlers({
    dataFolder: join(base, 'userData'),
    resourcesFolder: base,
    hostName: 'LAPTOP',
    appInfo: {
      appVersion: '0.1.0',
      electronVersion: null,
      chromeVersion: null,
      platform: 'linux',
      isPackaged: false,
      systemLocale: 'en-GB',
    },
    policy: readPolicy({ filePath: join(base, 'none.json'), platform: 'linux', env: {} }),
    dataLocation: { source: 'default', isPortable: false, problem: null },
    dialogs: {
      chooseFileToOpen: () => Promise.resolve(null),
      chooseFileToSave: () => Promise.resolve(null),
      chooseFolder: () => Promise.resolve(null),
    },
    openPath: () => Promise.resolve(''),
  });
  const dispatch = createDispatcher({ handlers, isTrustedSender: () => true, logError: () => {} });
  return async (channel: string, input?: unknown) => {
    const result = await dispatch({ channel, input, senderUrl: 'app://registry/index.html' });
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as Record<string, unknown>;
  };
}

describe('backups over IPC', () => {
  it('carries a table larger than one message in pieces, both ways, byte for byte', async () => {
    const call = dispatcher();
    const rows = Array.from({ length: 500_000 }, (_, i) => ({ id: `${i}`, name: `Tərəfdaş ${i}` }));
    const big = new TextEncoder().encode(JSON.stringify(rows));
    expect(big.byteLength).toBeGreaterThan(TRANSFER_CHUNK_BYTES);
    const uploadId = randomUUID();
    for (let offset = 0; offset < big.byteLength; offset += TRANSFER_CHUNK_BYTES) {
      await call('backup:upload', {
        uploadId,
        table: 'partners',
        rows: rows.length,
        offset,
        bytes: big.slice(offset, offset + TRANSFER_CHUNK_BYTES),
      });
    }
    await call('backup:upload', {
      uploadId,
      table: 'meta',
      rows: 0,
      offset: 0,
      bytes: new TextEncoder().encode('[]'),
    });
    const written = await call('backup:create', {
      reason: 'manual',
      destination: 'folder',
      schemaVersion: 2,
      registryId: null,
      uploadId,
    });
    expect(written.status).toBe('written');
    // An upload is used up by the backup it made.
    await expect(
      call('backup:create', {
        reason: 'manual',
        destination: 'folder',
        schemaVersion: 2,
        registryId: null,
        uploadId,
      }),
    ).rejects.toThrow(/^not-found/);

    const read = await call('backup:read', { source: { kind: 'newest' } });
    expect(read.tables).toEqual({ partners: big.byteLength, meta: 2 });
    const pieces: Uint8Array[] = [];
    let received = 0;
    while (received < big.byteLength) {
      const { bytes } = (await call('backup:download', {
        readId: read.readId,
        table: 'partners',
        offset: received,
      })) as { bytes: Uint8Array };
      expect(bytes.byteLength).toBeLessThanOrEqual(TRANSFER_CHUNK_BYTES);
      pieces.push(bytes);
      received += bytes.byteLength;
    }
    expect(Buffer.concat(pieces).equals(Buffer.from(big))).toBe(true);
    // Tens of megabytes through the dispatcher: seconds on a shared two-core machine.
  }, 60_000);

  it('writes a backup’s files only on backup:restore-files, and names no object property a table', async () => {
    const call = dispatcher();
    const store = join(base, 'userData', 'attachments');
    const content = 'memorandum scan';
    const hash = createHash('sha256').update(content).digest('hex');
    await mkdir(join(store, hash.slice(0, 2)), { recursive: true });
    await writeFile(join(store, hash.slice(0, 2), hash), content);
    const uploadId = randomUUID();
    await call('backup:upload', {
      uploadId,
      table: 'meta',
      rows: 0,
      offset: 0,
      bytes: new TextEncoder().encode('[]'),
    });
    await call('backup:create', {
      reason: 'manual',
      destination: 'folder',
      schemaVersion: 4,
      registryId: null,
      uploadId,
    });
    await rm(store, { recursive: true });

    const read = await call('backup:read', { source: { kind: 'newest' } });
    expect(read.attachmentsToRestore).toEqual({ count: 1, bytes: content.length });
    await expect(readdir(store)).rejects.toMatchObject({ code: 'ENOENT' });
    for (const table of ['constructor', 'toString', 'valueOf']) {
      await expect(
        call('backup:download', { readId: read.readId, table, offset: 0 }),
      ).rejects.toThrow(/^not-found: This backup is no longer open/);
    }
    await expect(
      call('backup:download', { readId: 'constructor', table: 'meta', offset: 0 }),
    ).rejects.toThrow(/^invalid-input/);

    expect(await call('backup:restore-files', { readId: read.readId })).toEqual({ restored: 1 });
    expect(await readdir(join(store, hash.slice(0, 2)))).toEqual([hash]);
    await expect(call('backup:restore-files', { readId: read.readId })).rejects.toThrow(
      /^not-found/,
    );
  });

  it('refuses pieces out of order and pieces too large for one message', async () => {
    const call = dispatcher();
    const uploadId = randomUUID();
    await call('backup:upload', {
      uploadId,
      table: 'people',
      rows: 1,
      offset: 0,
      bytes: new Uint8Array(4),
    });
    await expect(
      call('backup:upload', {
        uploadId,
        table: 'people',
        rows: 1,
        offset: 10,
        bytes: new Uint8Array(4),
      }),
    ).rejects.toThrow(/invalid-input: The backup upload of people arrived out of order/);
    await expect(
      call('backup:upload', {
        uploadId,
        table: 'people',
        rows: 1,
        offset: 0,
        bytes: new Uint8Array(TRANSFER_CHUNK_BYTES + 1),
      }),
    ).rejects.toThrow(/invalid-input/);
  });
});

const KEPT_FILE = { path: '/backups/b.zip', fileName: 'b.zip', attachments: [] };
const piece = (uploadId: string, table: string, bytes = new Uint8Array(2), offset = 0) => ({
  uploadId,
  table,
  rows: 0,
  offset,
  bytes,
});

describe('BackupTransfers', () => {
  it('answers a plain "not found" for any id or table name it does not hold', () => {
    const transfers = new BackupTransfers();
    const readId = transfers.keepRead(new Map([['tags', new Uint8Array(2)]]), KEPT_FILE);
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(() => transfers.download({ readId, table: name, offset: 0 }), name).toThrow(
        expect.objectContaining({ code: 'not-found' }),
      );
      expect(() => transfers.download({ readId: name, table: 'tags', offset: 0 }), name).toThrow(
        expect.objectContaining({ code: 'not-found' }),
      );
      expect(() => transfers.takeReadFile(name), name).toThrow(
        expect.objectContaining({ code: 'not-found' }),
      );
      expect(() => transfers.takeUpload(name), name).toThrow(
        expect.objectContaining({ code: 'not-found' }),
      );
    }
    // Used for restore-files once; then it is gone.
    expect(transfers.takeReadFile(readId)).toBe(KEPT_FILE);
    expect(() => transfers.takeReadFile(readId)).toThrow(/no longer open/);
  });

  it('keeps a table named like an object property as a table, not as the property', () => {
    const transfers = new BackupTransfers();
    const uploadId = randomUUID();
    transfers.upload(piece(uploadId, 'constructor', new Uint8Array([91, 93])));
    expect(transfers.takeUpload(uploadId)).toEqual([
      { name: 'constructor', rows: 0, bytes: new Uint8Array([91, 93]) },
    ]);
  });

  it('limits the uploads at once, the tables per upload, the piece size and the bytes held', () => {
    const transfers = new BackupTransfers();
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of ids) transfers.upload(piece(id, 'tags'));
    expect(() => transfers.upload(piece(randomUUID(), 'tags'))).toThrow(
      /3 backups are already being sent/,
    );
    transfers.takeUpload(ids[0]!);

    const many = randomUUID();
    for (let i = 0; i < 64; i += 1) transfers.upload(piece(many, `table${i}`));
    expect(() => transfers.upload(piece(many, 'table64'))).toThrow(/at most 64 tables/);
    expect(() => transfers.takeUpload(many)).toThrow(/not received/);

    const big = randomUUID();
    expect(() =>
      transfers.upload(piece(big, 'tags', new Uint8Array(TRANSFER_CHUNK_BYTES + 1))),
    ).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });

  it('refuses more bytes in all uploads together than one backup holds', () => {
    const transfers = new BackupTransfers();
    const chunk = new Uint8Array(TRANSFER_CHUNK_BYTES);
    const first = randomUUID();
    const second = randomUUID();
    // Two uploads sharing the limit: together they may not pass BACKUP_LIMITS.allTablesBytes.
    const perUpload = BACKUP_LIMITS.allTablesBytes / TRANSFER_CHUNK_BYTES / 2;
    for (let i = 0; i < perUpload; i += 1) {
      transfers.upload(piece(first, 'changes', chunk, i * chunk.byteLength));
      transfers.upload(piece(second, 'changes', chunk, i * chunk.byteLength));
    }
    expect(() =>
      transfers.upload(piece(second, 'changes', new Uint8Array(1), perUpload * chunk.byteLength)),
    ).toThrow(expect.objectContaining({ code: 'too-large' }));
    expect(transfers.takeUpload(first)).toHaveLength(1);
  });

  it('refuses a download past the end of a table', () => {
    const transfers = new BackupTransfers();
    const readId = transfers.keepRead(new Map([['tags', new Uint8Array(2)]]), KEPT_FILE);
    expect(transfers.download({ readId, table: 'tags', offset: 2 }).bytes).toHaveLength(0);
    expect(() => transfers.download({ readId, table: 'tags', offset: 3 })).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
  });

  it('forgets transfers left idle for ten minutes', () => {
    let now = 0;
    const transfers = new BackupTransfers(() => now);
    const uploadId = randomUUID();
    transfers.upload({ uploadId, table: 'tags', rows: 0, offset: 0, bytes: new Uint8Array(2) });
    const readId = transfers.keepRead(new Map([['tags', new Uint8Array(2)]]), KEPT_FILE);
    now = 10 * 60_000 + 1;
    expect(() => transfers.takeUpload(uploadId)).toThrow(/not received/);
    expect(() => transfers.download({ readId, table: 'tags', offset: 0 })).toThrow(
      /no longer open/,
    );
  });
});
