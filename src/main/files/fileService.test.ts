import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PolicySettings } from '@shared/model/policy';
import { forgedBundle } from '../../../tests/fixtures/forgedBundle';
import { AppError } from '../ipc/AppError';
import { PolicyGuard } from '../policy/policyGuard';
import { describeFileError } from './fileErrors';
import type { FileDialogs, FileFilter } from './fileDialogs';
import { FileService } from './fileService';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'file-service-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

type Asked = { title: string; defaultName?: string; filters: FileFilter[] };

/** Dialogs that answer `path` and remember what they were asked, so a test sees none opened. */
function answering(path: string | null) {
  const asked: Asked[] = [];
  const dialogs: FileDialogs = {
    chooseFileToOpen: (options) => {
      asked.push(options);
      return Promise.resolve(path);
    },
    chooseFileToSave: (options) => {
      asked.push(options);
      return Promise.resolve(path);
    },
    chooseFolder: () => Promise.resolve(path),
  };
  return { dialogs, asked };
}

function service(path: string | null, settings: PolicySettings = {}) {
  const { dialogs, asked } = answering(path);
  return { files: new FileService({ dialogs, guard: new PolicyGuard(settings) }), asked };
}

const CSV = [{ name: 'CSV', extensions: ['csv'] }];
const BUNDLES = [{ name: 'Exchange bundle', extensions: ['coopx'] }];
const ALLOW_UNENCRYPTED: PolicySettings = {
  allowUnencryptedBundles: { value: true, isEnforced: true },
};
const ONLY_PDF: PolicySettings = { allowedExportFormats: { value: ['pdf'], isEnforced: true } };
const text = (value: string) => new TextEncoder().encode(value);

describe('FileService.open', () => {
  it('reads the chosen file and gives back its name, never its path', async () => {
    const path = join(folder, 'partners.csv');
    await writeFile(path, 'name;kind\nIOM;international-organization\n');
    const opened = await service(path).files.open({
      title: 'Import',
      filters: CSV,
      maxBytes: 1_000,
      purpose: 'import',
    });
    expect(opened?.name).toBe('partners.csv');
    expect(new TextDecoder().decode(opened?.bytes)).toContain('IOM');
    expect(JSON.stringify(opened)).not.toContain(folder);
  });

  it('refuses a file above the limit before reading it, saying both sizes', async () => {
    const path = join(folder, 'huge.csv');
    await writeFile(path, new Uint8Array(3 * 1_048_576));
    await expect(
      service(path).files.open({
        title: 'Import',
        filters: CSV,
        maxBytes: 1_048_576,
        purpose: 'import',
      }),
    ).rejects.toMatchObject({
      code: 'too-large',
      message: '“huge.csv” is 3 MB; files up to 1 MB can be opened.',
      details: { fileName: 'huge.csv', size: '3 MB', limit: '1 MB' },
    });
  });

  // A named pipe reports no size and streams whatever its writer sends: the read must stop at the
  // limit all the same (POSIX only; Windows has no mkfifo).
  it.skipIf(process.platform === 'win32')(
    'reads a file that reports no size only up to the limit, and refuses the rest',
    async () => {
      const path = join(folder, 'endless.csv');
      execFileSync('mkfifo', [path]);
      const writer = createWriteStream(path);
      writer.on('error', () => undefined);
      const sent = Buffer.alloc(64 * 1024, 0x41);
      writer.write(sent);
      writer.end(sent);
      await expect(
        service(path).files.open({
          title: 'Import',
          filters: CSV,
          maxBytes: 10_000,
          purpose: 'import',
        }),
      ).rejects.toMatchObject({ code: 'too-large', details: { fileName: 'endless.csv' } });
      writer.destroy();

      // The same pipe with less than the limit in it is read whole.
      const short = join(folder, 'short.csv');
      execFileSync('mkfifo', [short]);
      const shortWriter = createWriteStream(short);
      shortWriter.end('name\nIOM\n');
      const opened = await service(short).files.open({
        title: 'Import',
        filters: CSV,
        maxBytes: 10_000,
        purpose: 'import',
      });
      expect(new TextDecoder().decode(opened?.bytes)).toBe('name\nIOM\n');
      expect(opened?.bytes.buffer.byteLength).toBe(opened?.size);
    },
  );

  it('answers null when the dialog is cancelled, and names a file that vanished', async () => {
    const options = { title: 'Import', filters: CSV, maxBytes: 10, purpose: 'import' } as const;
    expect(await service(null).files.open(options)).toBeNull();
    await expect(service(join(folder, 'gone.csv')).files.open(options)).rejects.toMatchObject({
      code: 'not-found',
      message: '“gone.csv” no longer exists.',
    });
  });

  it.each(['bundle', 'import'] as const)(
    'refuses an unencrypted bundle under the default policy, even opened for %s',
    async (purpose) => {
      // Named like a spreadsheet: the bytes decide, not the name or what the renderer says.
      const path = join(folder, 'partners.csv');
      await writeFile(path, forgedBundle({ isEncrypted: false }));
      await expect(
        service(path).files.open({ title: 'Open', filters: CSV, maxBytes: 10_000, purpose }),
      ).rejects.toMatchObject({
        code: 'policy-forbids',
        details: {
          setting: 'allowUnencryptedBundles',
          action: 'file:open',
          fileName: 'partners.csv',
        },
      });
    },
  );

  it('opens an encrypted bundle, and an unencrypted one only where the policy allows it', async () => {
    const encrypted = join(folder, 'encrypted.coopx');
    const plain = join(folder, 'plain.coopx');
    await writeFile(encrypted, forgedBundle({ isEncrypted: true }));
    await writeFile(plain, forgedBundle({ isEncrypted: false }));
    const options = {
      title: 'Open',
      filters: BUNDLES,
      maxBytes: 10_000,
      purpose: 'bundle',
    } as const;
    expect((await service(encrypted).files.open(options))?.name).toBe('encrypted.coopx');
    expect((await service(plain, ALLOW_UNENCRYPTED).files.open(options))?.name).toBe('plain.coopx');
  });

  it('refuses, as a bundle, a file that is not one or whose header is damaged', async () => {
    const notBundle = join(folder, 'notes.coopx');
    await writeFile(notBundle, 'PK\u0003\u0004 not a bundle');
    const damaged = join(folder, 'damaged.coopx');
    const bytes = forgedBundle({ isEncrypted: false });
    // The header's JSON starts after the 6-byte magic and the 4-byte length; break its 2nd byte.
    bytes[11] = 0x00;
    await writeFile(damaged, bytes);
    const options = {
      title: 'Open',
      filters: BUNDLES,
      maxBytes: 10_000,
      purpose: 'bundle',
    } as const;
    await expect(service(notBundle, ALLOW_UNENCRYPTED).files.open(options)).rejects.toMatchObject({
      code: 'invalid-data',
      details: { fileName: 'notes.coopx', expected: 'coopx', bundleProblem: 'not-a-bundle' },
    });
    await expect(service(damaged, ALLOW_UNENCRYPTED).files.open(options)).rejects.toMatchObject({
      code: 'invalid-data',
      details: { fileName: 'damaged.coopx', bundleProblem: 'damaged' },
    });
  });
});

describe('FileService.save', () => {
  it('writes the bytes as the format, with its extension, offering only its file type', async () => {
    const { files, asked } = service(join(folder, 'briefing'));
    const saved = await files.save({
      title: 'Export',
      defaultName: 'briefing',
      format: 'csv',
      filterName: 'Cədvəl (CSV)',
      bytes: text('a;b\n'),
    });
    expect(saved).toEqual({ name: 'briefing.csv' });
    expect(await readFile(join(folder, 'briefing.csv'), 'utf8')).toBe('a;b\n');
    expect(asked).toEqual([
      {
        title: 'Export',
        defaultName: 'briefing.csv',
        filters: [{ name: 'Cədvəl (CSV)', extensions: ['csv'] }],
      },
    ]);
  });

  it('keeps the format’s extension whatever name is typed in the dialog', async () => {
    const { files } = service(join(folder, 'report.exe'));
    const saved = await files.save({
      title: 'Export',
      defaultName: 'report.CSV',
      format: 'csv',
      bytes: text('a;b\n'),
    });
    expect(saved).toEqual({ name: 'report.exe.csv' });
    expect(await readdir(folder)).toEqual(['report.exe.csv']);
  });

  it('refuses a format the policy does not allow before any dialog opens, and writes nothing', async () => {
    const { files, asked } = service(join(folder, 'partners.csv'), ONLY_PDF);
    await expect(
      files.save({
        title: 'Export',
        defaultName: 'partners.csv',
        format: 'csv',
        bytes: text('a\n'),
      }),
    ).rejects.toMatchObject({
      code: 'policy-forbids',
      details: { setting: 'allowedExportFormats', format: 'csv', allowed: 'pdf' },
    });
    expect(asked).toEqual([]);
    expect(await readdir(folder)).toEqual([]);
  });

  it('refuses every export under a policy that allows none', async () => {
    const { files } = service(join(folder, 'pack.pdf'), {
      allowedExportFormats: { value: [], isEnforced: true },
    });
    await expect(
      files.save({ title: 'Export', defaultName: 'pack', format: 'pdf', bytes: text('%PDF-1.7') }),
    ).rejects.toMatchObject({
      code: 'policy-forbids',
      message: 'The machine policy does not allow exports as pdf on this computer (allowed: none).',
      details: { allowed: '' },
    });
    expect(await readdir(folder)).toEqual([]);
  });

  it('refuses bytes that are not the format they claim, before any dialog opens', async () => {
    const { files, asked } = service(join(folder, 'Briefing.pdf'));
    const program = new Uint8Array([0x4d, 0x5a, 0x90, 0x00]);
    await expect(
      files.save({
        title: 'Export',
        defaultName: 'Briefing\u202Efdp.exe',
        format: 'pdf',
        bytes: program,
      }),
    ).rejects.toMatchObject({
      code: 'invalid-data',
      details: { fileName: 'Briefingfdp.exe.pdf', expected: 'pdf' },
    });
    expect(asked).toEqual([]);
    expect(await readdir(folder)).toEqual([]);
  });

  it('refuses to write an unencrypted bundle under the default policy, and writes an encrypted one', async () => {
    const { files, asked } = service(join(folder, 'to-hq.coopx'));
    await expect(
      files.save({
        title: 'Save bundle',
        defaultName: 'to-hq.coopx',
        format: 'coopx',
        bytes: forgedBundle({ isEncrypted: false }),
      }),
    ).rejects.toMatchObject({
      code: 'policy-forbids',
      details: { setting: 'allowUnencryptedBundles', action: 'file:save', fileName: 'to-hq.coopx' },
    });
    expect(asked).toEqual([]);
    expect(await readdir(folder)).toEqual([]);

    const encrypted = forgedBundle({ isEncrypted: true });
    const saved = await files.save({
      title: 'Save bundle',
      defaultName: 'to-hq.coopx',
      format: 'coopx',
      bytes: encrypted,
    });
    expect(saved).toEqual({ name: 'to-hq.coopx' });
    expect(new Uint8Array(await readFile(join(folder, 'to-hq.coopx')))).toEqual(encrypted);
  });

  it('writes an unencrypted bundle where the policy allows it, and never bytes that are not one', async () => {
    const { files } = service(join(folder, 'to-hq.coopx'), ALLOW_UNENCRYPTED);
    const plain = forgedBundle({ isEncrypted: false });
    expect(
      await files.save({ title: 'Save', defaultName: 'b', format: 'coopx', bytes: plain }),
    ).toEqual({ name: 'to-hq.coopx' });
    await expect(
      files.save({ title: 'Save', defaultName: 'b', format: 'coopx', bytes: text('{"a":1}') }),
    ).rejects.toMatchObject({ code: 'invalid-data', details: { expected: 'coopx' } });
  });

  it('leaves the old file intact and no temporary file behind when the write fails', async () => {
    const target = join(folder, 'report.csv');
    await writeFile(target, 'old');
    // A directory where the new file must go makes the final rename fail.
    const blocked = join(folder, 'blocked.csv');
    await mkdir(blocked);
    await expect(
      service(blocked).files.save({
        title: 'Export',
        defaultName: 'x.csv',
        format: 'csv',
        bytes: text('new'),
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
