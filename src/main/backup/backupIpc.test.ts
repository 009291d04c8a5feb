import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

describe('BackupTransfers', () => {
  it('forgets transfers left idle for ten minutes', () => {
    let now = 0;
    const transfers = new BackupTransfers(() => now);
    const uploadId = randomUUID();
    transfers.upload({ uploadId, table: 'tags', rows: 0, offset: 0, bytes: new Uint8Array(2) });
    const readId = transfers.keepRead({ tags: new Uint8Array(2) });
    now = 10 * 60_000 + 1;
    expect(() => transfers.takeUpload(uploadId)).toThrow(/not received/);
    expect(() => transfers.download({ readId, table: 'tags', offset: 0 })).toThrow(
      /no longer open/,
    );
  });
});
