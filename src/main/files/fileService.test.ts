import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../ipc/AppError';
import { describeFileError } from './fileErrors';
import type { FileDialogs } from './fileDialogs';
import { FileService } from './fileService';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'file-service-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function answering(path: string | null): FileDialogs {
  return {
    chooseFileToOpen: () => Promise.resolve(path),
    chooseFileToSave: () => Promise.resolve(path),
    chooseFolder: () => Promise.resolve(path),
  };
}

const CSV = [{ name: 'CSV', extensions: ['csv'] }];

describe('FileService.open', () => {
  it('reads the chosen file and gives back its name, never its path', async () => {
    const path = join(folder, 'partners.csv');
    await writeFile(path, 'name;kind\nIOM;international-organization\n');
    const opened = await new FileService({ dialogs: answering(path) }).open({
      title: 'Import',
      filters: CSV,
      maxBytes: 1_000,
    });
    expect(opened?.name).toBe('partners.csv');
    expect(new TextDecoder().decode(opened?.bytes)).toContain('IOM');
    expect(JSON.stringify(opened)).not.toContain(folder);
  });

  it('refuses a file above the limit before reading it, saying both sizes', async () => {
    const path = join(folder, 'huge.csv');
    await writeFile(path, new Uint8Array(3 * 1_048_576));
    const service = new FileService({ dialogs: answering(path) });
    await expect(
      service.open({ title: 'Import', filters: CSV, maxBytes: 1_048_576 }),
    ).rejects.toMatchObject({
      code: 'too-large',
      message: '“huge.csv” is 3 MB; files up to 1 MB can be opened.',
      details: { fileName: 'huge.csv', size: '3 MB', limit: '1 MB' },
    });
  });

  it('answers null when the dialog is cancelled, and names a file that vanished', async () => {
    expect(
      await new FileService({ dialogs: answering(null) }).open({
        title: 'Import',
        filters: CSV,
        maxBytes: 10,
      }),
    ).toBeNull();
    const gone = new FileService({ dialogs: answering(join(folder, 'gone.csv')) });
    await expect(gone.open({ title: 'Import', filters: CSV, maxBytes: 10 })).rejects.toMatchObject({
      code: 'not-found',
      message: '“gone.csv” no longer exists.',
    });
  });
});

describe('FileService.save', () => {
  it('writes the bytes, adding the extension the user left out', async () => {
    const service = new FileService({ dialogs: answering(join(folder, 'briefing')) });
    const saved = await service.save({
      title: 'Export',
      defaultName: 'briefing.csv',
      filters: CSV,
      bytes: new TextEncoder().encode('a;b\n'),
    });
    expect(saved).toEqual({ name: 'briefing.csv' });
    expect(await readFile(join(folder, 'briefing.csv'), 'utf8')).toBe('a;b\n');
  });

  it('leaves the old file intact and no temporary file behind when the write fails', async () => {
    const target = join(folder, 'report.csv');
    await writeFile(target, 'old');
    // A directory where the new file must go makes the final rename fail.
    const blocked = join(folder, 'blocked.csv');
    await mkdir(blocked);
    const service = new FileService({ dialogs: answering(blocked) });
    await expect(
      service.save({
        title: 'Export',
        defaultName: 'x.csv',
        filters: CSV,
        bytes: new Uint8Array(4),
      }),
    ).rejects.toBeInstanceOf(AppError);
    expect(await readFile(target, 'utf8')).toBe('old');
    expect((await readdir(folder)).sort()).toEqual(['blocked.csv', 'report.csv']);
  });
});

describe('describeFileError', () => {
  const system = (code: string) => Object.assign(new Error(code), { code });

  it('says in words what a full disk, a refusal and a locked file mean', () => {
    expect(describeFileError(system('ENOSPC'), 'backup.zip', 'write')).toMatchObject({
      code: 'disk-full',
      message: 'There is no space left to write “backup.zip”.',
    });
    expect(describeFileError(system('EACCES'), 'backup.zip', 'write').code).toBe('no-permission');
    expect(describeFileError(system('EBUSY'), 'list.xlsx', 'write')).toMatchObject({
      code: 'file-locked',
      message: '“list.xlsx” is open in another program. Close it and try again.',
    });
    expect(describeFileError(new Error('odd'), 'a.csv', 'read')).toMatchObject({
      code: 'io-error',
      message: 'Could not read “a.csv”: odd',
    });
  });
});
