import { open, readdir, readFile, rename, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../ipc/AppError';
import type { FileDialogs } from '../files/fileDialogs';
import { FileService } from '../files/fileService';
import { PolicyGuard } from '../policy/policyGuard';
import {
  nodeAtomicWriteFs,
  WINDOWS_RENAME_RETRY_DELAYS_MS,
  writeFileAtomic,
  writeFileAtomicStreaming,
  type AtomicWriteFs,
  type OpenWritableFile,
} from './atomicWrite';

/**
 * Full disk, refused permission and locked files (issue 9): whichever step of an atomic write
 * fails (creating the temporary file, midway through its bytes, flushing, the final rename), the
 * file already there keeps its content, no temporary file is left beside it, and the user is told
 * what happened in a coded error that names the file. The failures are injected through the
 * write's fs dependency; everything else is the real file system.
 */

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atomic-write-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const STAGES = ['open', 'write', 'sync', 'rename'] as const;
type Stage = (typeof STAGES)[number];
const FAULTS = [
  { errno: 'ENOSPC', code: 'disk-full', words: 'no space left' },
  { errno: 'EACCES', code: 'no-permission', words: 'does not allow' },
  { errno: 'EPERM', code: 'no-permission', words: 'does not allow' },
  { errno: 'EBUSY', code: 'file-locked', words: 'open in another program' },
] as const;

const systemError = (errno: string) =>
  Object.assign(new Error(`${errno}: injected by the test`), { code: errno });

/** The real file system, failing with `errno` at one step; a failing write leaves half its bytes. */
function failingFs(stage: Stage, errno: string): AtomicWriteFs {
  return {
    open: async (path) => {
      if (stage === 'open') throw systemError(errno);
      const handle = await open(path, 'wx', 0o600);
      return {
        writeFile: async (data) => {
          if (stage !== 'write') return handle.writeFile(data);
          const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
          await handle.write(bytes.subarray(0, Math.floor(bytes.byteLength / 2)));
          throw systemError(errno);
        },
        sync: async () => {
          if (stage === 'sync') throw systemError(errno);
          await handle.sync();
        },
        close: () => handle.close(),
      };
    },
    rename: async (from, to) => {
      if (stage === 'rename') throw systemError(errno);
      await rename(from, to);
    },
    rm: (path) => rm(path, { force: true }),
    syncFolder: () => Promise.resolve(),
    pause: () => Promise.resolve(),
    renameRetryDelaysMs: WINDOWS_RENAME_RETRY_DELAYS_MS,
  };
}

const answering = (path: string): FileDialogs => ({
  chooseFileToOpen: () => Promise.resolve(path),
  chooseFileToSave: () => Promise.resolve(path),
  chooseFolder: () => Promise.resolve(path),
});

describe('an export saved over an existing file, failing at each step', () => {
  for (const fault of FAULTS) {
    it(`${fault.errno} reports ${fault.code}, keeps the old file and leaves no temporary file`, async () => {
      const target = join(folder, 'Tərəfdaşlar.csv');
      for (const stage of STAGES) {
        await writeFile(target, 'the export of last week');
        const service = new FileService({
          dialogs: answering(target),
          guard: new PolicyGuard({}),
          writeFile: (path, bytes) => writeFileAtomic(path, bytes, failingFs(stage, fault.errno)),
        });
        const error: unknown = await service
          .save({
            title: 'Export',
            defaultName: 'x.csv',
            format: 'csv',
            bytes: new TextEncoder().encode('Ad;Ölkə\n'.repeat(10_000)),
          })
          .catch((caught: unknown) => caught);
        expect(error, stage).toBeInstanceOf(AppError);
        expect((error as AppError).code, stage).toBe(fault.code);
        expect((error as AppError).message, stage).toContain('Tərəfdaşlar.csv');
        expect((error as AppError).message.toLowerCase(), stage).toContain(fault.words);
        expect(await readFile(target, 'utf8'), stage).toBe('the export of last week');
        expect(await readdir(folder), stage).toEqual(['Tərəfdaşlar.csv']);
      }
    });
  }

  it('writes the new content whole when nothing fails (the same path, no fault)', async () => {
    const target = join(folder, 'list.csv');
    await writeFile(target, 'old');
    await writeFileAtomic(target, 'new content');
    expect(await readFile(target, 'utf8')).toBe('new content');
    expect(await readdir(folder)).toEqual(['list.csv']);
  });
});

describe('a backup streamed to disk, interrupted midway', () => {
  /** A real file handle that fails with `errno` once `limit` bytes are on disk. */
  const failingAfter =
    (limit: number, errno: string): OpenWritableFile =>
    async (path) => {
      const handle = await open(path, 'wx', 0o600);
      let written = 0;
      return {
        write: async (chunk) => {
          if (written >= limit) throw systemError(errno);
          const result = await handle.write(
            chunk.subarray(0, Math.min(chunk.byteLength, limit - written)),
          );
          written += result.bytesWritten;
          return { bytesWritten: result.bytesWritten };
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    };

  for (const fault of FAULTS) {
    it(`${fault.errno} after part of the archive leaves the previous backup and no half file`, async () => {
      const target = join(folder, 'registry-backup.zip');
      await writeFile(target, 'yesterday’s backup');
      const chunk = new Uint8Array(64 * 1024).fill(7);
      const error: unknown = await writeFileAtomicStreaming(
        target,
        async (write) => {
          for (let index = 0; index < 20; index += 1) await write(chunk);
        },
        failingAfter(5 * chunk.byteLength + 123, fault.errno),
      ).catch((caught: unknown) => caught);
      expect((error as NodeJS.ErrnoException).code).toBe(fault.errno);
      expect(await readFile(target, 'utf8')).toBe('yesterday’s backup');
      expect(await readdir(folder)).toEqual(['registry-backup.zip']);
    });
  }

  it('leaves nothing when the producer itself fails midway (the app closed during a backup)', async () => {
    const target = join(folder, 'registry-backup.zip');
    await writeFile(target, 'yesterday’s backup');
    await expect(
      writeFileAtomicStreaming(target, async (write) => {
        await write(new Uint8Array(1_000));
        throw new Error('The window was closed');
      }),
    ).rejects.toThrow('The window was closed');
    expect(await readFile(target, 'utf8')).toBe('yesterday’s backup');
    expect(await readdir(folder)).toEqual(['registry-backup.zip']);
  });
});

describe('the rename at the end of an atomic write', () => {
  /** Node's calls, recorded, with a rename that fails `times` times with `errno` first. */
  function recordingFs(errno: string, times: number) {
    const calls: string[] = [];
    let failures = 0;
    // Windows' retries, whatever system runs the test.
    const fs: AtomicWriteFs = {
      ...nodeAtomicWriteFs,
      renameRetryDelaysMs: WINDOWS_RENAME_RETRY_DELAYS_MS,
      rename: async (from, to) => {
        calls.push('rename');
        if (failures < times) {
          failures += 1;
          throw systemError(errno);
        }
        await rename(from, to);
      },
      syncFolder: (path) => {
        calls.push(`sync ${path}`);
        return Promise.resolve();
      },
      pause: (ms) => {
        calls.push(`pause ${ms}`);
        return Promise.resolve();
      },
    };
    return { fs, calls };
  }

  it.each(['EPERM', 'EBUSY', 'EACCES'])(
    'is tried again while Windows reports the file in use (%s), then succeeds',
    async (errno) => {
      const target = join(folder, 'Görüşlər.xlsx');
      await writeFile(target, 'open in Excel a moment ago');
      const { fs, calls } = recordingFs(errno, 3);
      await writeFileAtomic(target, 'new', fs);
      expect(await readFile(target, 'utf8')).toBe('new');
      expect(calls).toEqual([
        'rename',
        'pause 20',
        'rename',
        'pause 40',
        'rename',
        'pause 80',
        'rename',
        `sync ${folder}`,
      ]);
      expect(await readdir(folder)).toEqual(['Görüşlər.xlsx']);
    },
  );

  it('gives up after about half a second, keeping the old file and no temporary file', async () => {
    const target = join(folder, 'list.csv');
    await writeFile(target, 'old');
    const { fs, calls } = recordingFs('EBUSY', 100);
    await expect(writeFileAtomic(target, 'new', fs)).rejects.toMatchObject({ code: 'EBUSY' });
    expect(calls.filter((call) => call === 'rename')).toHaveLength(6);
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(folder)).toEqual(['list.csv']);
  });

  it('does not retry a failure that will not pass (a full disk)', async () => {
    const target = join(folder, 'list.csv');
    const { fs, calls } = recordingFs('ENOSPC', 1);
    await expect(writeFileAtomic(target, 'new', fs)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(calls).toEqual(['rename']);
  });

  it('flushes the folder after a streamed write too, so the new name survives a power cut', async () => {
    const target = join(folder, 'registry-backup.zip');
    const { fs, calls } = recordingFs('EBUSY', 1);
    await writeFileAtomicStreaming(target, (write) => write(new Uint8Array(10)), undefined, fs);
    expect(calls).toEqual(['rename', 'pause 20', 'rename', `sync ${folder}`]);
  });

  it('retries only on Windows, where these codes mean "in use"', () => {
    expect(nodeAtomicWriteFs.renameRetryDelaysMs).toEqual(
      process.platform === 'win32' ? WINDOWS_RENAME_RETRY_DELAYS_MS : [],
    );
  });

  it('really syncs a folder on this system without failing the write', async () => {
    await expect(nodeAtomicWriteFs.syncFolder(folder)).resolves.toBeUndefined();
    await expect(nodeAtomicWriteFs.syncFolder(join(folder, 'missing'))).resolves.toBeUndefined();
  });
});
