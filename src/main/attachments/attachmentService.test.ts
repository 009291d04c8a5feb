import { createHash } from 'node:crypto';
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  truncate,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileDialogs } from '../files/fileDialogs';
import {
  nodeAtomicWriteFs,
  WINDOWS_RENAME_RETRY_DELAYS_MS,
  type AtomicWriteFs,
} from '../fs/atomicWrite';
import { MAX_ATTACHMENT_BYTES } from '@shared/ipc/contract';
import { AttachmentService } from './attachmentService';
import * as sample from './testing/sampleFiles';

let base: string;
let dataFolder: string;
let outside: string;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'attachments-'));
  dataFolder = join(base, 'data');
  outside = join(base, 'outside');
  await mkdir(dataFolder);
  await mkdir(outside);
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

const sha256Of = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** Dialogs that answer with the given paths in turn, recording what they were asked. */
function scripted(...answers: (string | null)[]) {
  const asked: { title: string; defaultName?: string; extensions: string[] }[] = [];
  const dialogs: FileDialogs = {
    chooseFileToOpen: ({ title, filters }) => {
      asked.push({ title, extensions: filters.flatMap((filter) => filter.extensions) });
      return Promise.resolve(answers.shift() ?? null);
    },
    chooseFileToSave: ({ title, defaultName, filters }) => {
      asked.push({
        title,
        defaultName,
        extensions: filters.flatMap((filter) => filter.extensions),
      });
      return Promise.resolve(answers.shift() ?? null);
    },
    chooseFolder: () => Promise.resolve(null),
  };
  return { dialogs, asked };
}

function service(dialogs: FileDialogs, options: { maxBytes?: number; now?: () => Date } = {}) {
  const opened: string[] = [];
  const attachments = new AttachmentService({
    dataFolder,
    dialogs,
    openPath: (path) => {
      opened.push(path);
      return Promise.resolve('');
    },
    ...options,
  });
  return { attachments, opened };
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}

const MINUTES = 'Minutes of the 107th Session of the IOM Council';

describe('AttachmentService.attach', () => {
  it('stores the file under its SHA-256 and keeps its name, type and size', async () => {
    const source = join(outside, 'Minutes 2016-12-05.txt');
    await writeFile(source, MINUTES);
    const { dialogs, asked } = scripted(source);
    const { attachments } = service(dialogs);

    const attached = await attachments.attach({ title: 'Attach a file' });

    const sha256 = sha256Of(MINUTES);
    expect(attached).toEqual({
      sha256,
      name: 'Minutes 2016-12-05.txt',
      mediaType: 'text/plain',
      size: Buffer.byteLength(MINUTES),
      isAlreadyStored: false,
    });
    expect(asked).toEqual([{ title: 'Attach a file', extensions: [] }]);
    expect(await filesUnder(dataFolder)).toEqual([join('attachments', sha256.slice(0, 2), sha256)]);
    expect(await readFile(attachments.pathOf(sha256), 'utf8')).toBe(MINUTES);
    expect(JSON.stringify(attached)).not.toContain(base);
  });

  it('stores the same bytes once, whatever the file is called', async () => {
    const first = join(outside, 'agreement-scan.pdf');
    const second = join(outside, 'Agreement (copy).PDF');
    await writeFile(first, sample.PDF);
    await writeFile(second, sample.PDF);
    const { attachments } = service(scripted(first, second).dialogs);

    const a = await attachments.attach({ title: 'Attach' });
    const b = await attachments.attach({ title: 'Attach' });

    expect(a?.isAlreadyStored).toBe(false);
    expect(b).toMatchObject({
      sha256: a?.sha256,
      name: 'Agreement (copy).PDF',
      mediaType: 'application/pdf',
      isAlreadyStored: true,
    });
    expect(await filesUnder(dataFolder)).toHaveLength(1);
    expect(await attachments.listStoredHashes()).toEqual([a?.sha256]);
  });

  it('records the type the bytes are, not the one the name claims', async () => {
    const files = {
      'Signed agreement.pdf': sample.PDF,
      'scan.pdf': new TextEncoder().encode(MINUTES),
      'report.pdf': sample.WINDOWS_PROGRAM,
      'Scan\u202Efdp.lnk': sample.WINDOWS_SHORTCUT,
    };
    const attached: (string | undefined)[][] = [];
    for (const [name, bytes] of Object.entries(files)) {
      await writeFile(join(outside, name), bytes);
      const { attachments } = service(scripted(join(outside, name)).dialogs);
      const file = await attachments.attach({ title: 'Attach' });
      attached.push([file?.name, file?.mediaType]);
    }
    expect(attached).toEqual([
      ['Signed agreement.pdf', 'application/pdf'],
      ['scan.pdf', 'text/plain'],
      ['report.pdf', 'application/vnd.microsoft.portable-executable'],
      ['Scanfdp.lnk', 'application/x-ms-shortcut'],
    ]);
  });

  it('refuses a file above the limit before reading it, naming both sizes', async () => {
    const huge = join(outside, 'archive.zip');
    await writeFile(huge, '');
    // Sparse: the size is real, the disk space is not.
    await truncate(huge, MAX_ATTACHMENT_BYTES + 1_048_576);
    const { attachments } = service(scripted(huge).dialogs);
    await expect(attachments.attach({ title: 'Attach' })).rejects.toMatchObject({
      code: 'too-large',
      message: '“archive.zip” is 201 MB; files up to 200 MB can be attached.',
      details: { fileName: 'archive.zip', size: '201 MB', limit: '200 MB', action: 'attach' },
    });
    expect(await filesUnder(dataFolder)).toEqual([]);
  });

  // /dev/zero says it is empty and never ends: the limit must also hold while copying.
  it.runIf(process.platform === 'linux')(
    'stops a file that turns out larger than it said, leaving nothing behind',
    async () => {
      const { attachments } = service(scripted('/dev/zero').dialogs, { maxBytes: 2_000 });
      await expect(attachments.attach({ title: 'Attach' })).rejects.toMatchObject({
        code: 'too-large',
        details: { fileName: 'zero' },
      });
      expect(await filesUnder(dataFolder)).toEqual([]);
    },
  );

  it('answers null when the dialog is cancelled and names a file that vanished', async () => {
    expect(await service(scripted(null).dialogs).attachments.attach({ title: 'A' })).toBeNull();
    const { attachments } = service(scripted(join(outside, 'gone.pdf')).dialogs);
    await expect(attachments.attach({ title: 'A' })).rejects.toMatchObject({
      code: 'not-found',
      message: '“gone.pdf” no longer exists.',
      details: { fileName: 'gone.pdf' },
    });
    expect(await filesUnder(join(dataFolder, 'attachments'))).toEqual([]);
  });
});

describe('AttachmentService.check', () => {
  it('reports the stored files that went missing from disk', async () => {
    const source = join(outside, 'minutes.docx');
    await writeFile(source, MINUTES);
    const { attachments } = service(scripted(source).dialogs);
    const kept = await attachments.attach({ title: 'A' });
    const neverStored = sha256Of('never attached here');

    expect(await attachments.check([kept!.sha256, neverStored, neverStored])).toEqual({
      missing: [neverStored],
    });
    await rm(attachments.pathOf(kept!.sha256));
    expect(await attachments.check([kept!.sha256])).toEqual({ missing: [kept!.sha256] });
  });

  it('refuses anything but a SHA-256, so no name can reach outside the store', async () => {
    const { attachments } = service(scripted().dialogs);
    for (const bad of ['../x', '../../etc/passwd', 'A'.repeat(64), `${'0'.repeat(63)}/`, '']) {
      expect(() => attachments.pathOf(bad)).toThrow(
        expect.objectContaining({ code: 'invalid-input' }),
      );
      await expect(attachments.check([bad])).rejects.toMatchObject({ code: 'invalid-input' });
      await expect(attachments.open(bad, 'x.pdf')).rejects.toMatchObject({
        code: 'invalid-input',
      });
      await expect(
        attachments.saveCopy({ sha256: bad, name: 'x.pdf', title: 'Save' }),
      ).rejects.toMatchObject({ code: 'invalid-input' });
    }
  });
});

describe('AttachmentService.open', () => {
  it('hands the viewer a copy under the original name, never the stored file', async () => {
    const source = join(outside, 'Protokol № 8.pdf');
    await writeFile(source, sample.PDF);
    const { attachments, opened } = service(scripted(source).dialogs);
    const stored = await attachments.attach({ title: 'A' });

    await attachments.open(stored!.sha256, stored!.name);

    expect(opened).toHaveLength(1);
    const viewed = opened[0]!;
    expect(basename(viewed)).toBe('Protokol № 8.pdf');
    expect(dirname(dirname(viewed))).toBe(join(dataFolder, 'opened-attachments'));
    expect(new Uint8Array(await readFile(viewed))).toEqual(sample.PDF);
    // Editing the viewer's copy leaves the stored original as it was.
    await writeFile(viewed, 'edited in the viewer');
    expect(new Uint8Array(await readFile(attachments.pathOf(stored!.sha256)))).toEqual(sample.PDF);
  });

  it('opens twice without clashing, and clears viewer copies older than a day', async () => {
    const source = join(outside, 'a.txt');
    await writeFile(source, 'a');
    let now = new Date('2025-03-01T09:00:00Z');
    const { attachments, opened } = service(scripted(source).dialogs, { now: () => now });
    const stored = await attachments.attach({ title: 'A' });
    await attachments.open(stored!.sha256, 'a.txt');
    await attachments.open(stored!.sha256, 'a.txt');
    expect(new Set(opened.map(dirname)).size).toBe(2);

    now = new Date('2025-03-02T10:00:00Z');
    await attachments.open(stored!.sha256, 'a.txt');
    expect(await filesUnder(join(dataFolder, 'opened-attachments'))).toHaveLength(1);
  });

  it('keeps a name from a record inside the viewer folder', async () => {
    const source = join(outside, 'a.txt');
    await writeFile(source, 'a');
    const { attachments, opened } = service(scripted(source).dialogs);
    const stored = await attachments.attach({ title: 'A' });
    await attachments.open(stored!.sha256, '../../evil.txt');
    expect(basename(opened[0]!)).toBe('evil.txt');
    expect(opened[0]!.startsWith(join(dataFolder, 'opened-attachments'))).toBe(true);
  });

  it('says a stored file is missing, and passes on the viewer’s complaint', async () => {
    const { attachments, opened } = service(scripted().dialogs);
    await expect(attachments.open(sha256Of('gone'), 'minutes.pdf')).rejects.toMatchObject({
      code: 'attachment-missing',
      message: 'The file “minutes.pdf” is missing from this computer.',
      details: { fileName: 'minutes.pdf' },
    });
    expect(opened).toEqual([]);

    const stored = await attachments.storeBytes(new TextEncoder().encode('odd'));
    const noViewer = new AttachmentService({
      dataFolder,
      dialogs: scripted().dialogs,
      openPath: () => Promise.resolve('No application is associated with the file'),
    });
    await expect(noViewer.open(stored.sha256, 'data.txt')).rejects.toMatchObject({
      code: 'no-viewer',
      details: { fileName: 'data.txt' },
    });
  });

  it('refuses to show a stored file whose bytes no longer match its hash', async () => {
    const { attachments, opened } = service(scripted().dialogs);
    const stored = await attachments.storeBytes(new TextEncoder().encode(MINUTES));
    await writeFile(attachments.pathOf(stored.sha256), 'bit rot');
    await expect(attachments.open(stored.sha256, 'minutes.txt')).rejects.toMatchObject({
      code: 'attachment-damaged',
    });
    expect(opened).toEqual([]);
    expect(await filesUnder(join(dataFolder, 'opened-attachments'))).toEqual([]);
  });
});

describe('AttachmentService.open refuses what could run', () => {
  async function refusedOpen(bytes: Uint8Array, name: string) {
    const { attachments, opened } = service(scripted().dialogs);
    const stored = await attachments.storeBytes(bytes);
    const error = await attachments.open(stored.sha256, name).catch((caught: unknown) => caught);
    // Nothing reached the operating system, and no copy is left for anyone to double-click.
    expect(opened).toEqual([]);
    expect(await filesUnder(join(dataFolder, 'opened-attachments'))).toEqual([]);
    // Judged before any copy was made: not even the viewers' folder exists.
    expect(await readdir(dataFolder)).toEqual(['attachments']);
    return error;
  }

  it('never hands the viewer a Windows program named report.pdf', async () => {
    expect(await refusedOpen(sample.WINDOWS_PROGRAM, 'report.pdf')).toMatchObject({
      code: 'unsafe-file-type',
      details: { fileName: 'report.pdf', detectedType: 'windows-program', reason: 'runs-code' },
    });
  });

  it('never opens a shortcut whose name reads as a PDF (U+202E)', async () => {
    expect(await refusedOpen(sample.WINDOWS_SHORTCUT, 'Scan\u202Efdp.lnk')).toMatchObject({
      code: 'unsafe-file-type',
      details: { fileName: 'Scanfdp.lnk', detectedType: 'windows-shortcut', reason: 'runs-code' },
    });
  });

  it('refuses a real PDF behind a double extension, a web page in a .txt and a bare zip', async () => {
    expect(await refusedOpen(sample.PDF, 'minutes.pdf.exe')).toMatchObject({
      details: { detectedType: 'pdf', reason: 'disguised-name' },
    });
    expect(await refusedOpen(sample.WEB_PAGE, 'minutes.txt')).toMatchObject({
      details: { detectedType: 'html', reason: 'runs-code' },
    });
    expect(await refusedOpen(sample.ZIP_ARCHIVE, 'Protokol.docx')).toMatchObject({
      details: { detectedType: 'zip', reason: 'not-supported' },
    });
    expect(await refusedOpen(sample.DOCX_WITH_MACROS, 'Protokol.docx')).toMatchObject({
      details: { detectedType: 'macro-document', reason: 'runs-code' },
    });
  });

  it('opens plain text under a name of its own as a .txt copy, never under a program’s name', async () => {
    const { attachments, opened } = service(scripted().dialogs);
    const log = new TextEncoder().encode('2016-12-05 09:00 session opened\n');
    const stored = await attachments.storeBytes(log);
    await attachments.open(stored.sha256, 'server.log');
    expect(basename(opened[0]!)).toBe('server.log.txt');
    expect(new Uint8Array(await readFile(opened[0]!))).toEqual(log);
    await expect(attachments.open(stored.sha256, 'server.exe')).rejects.toMatchObject({
      code: 'unsafe-file-type',
      details: { detectedType: 'txt', reason: 'mismatch' },
    });
    expect(opened).toHaveLength(1);
  });

  it('names the viewer’s copy after what its bytes are', async () => {
    const { attachments, opened } = service(scripted().dialogs);
    const stored = await attachments.storeBytes(sample.JPEG);
    await attachments.open(stored.sha256, 'Signing ceremony.JPEG');
    expect(basename(opened[0]!)).toBe('Signing ceremony.jpg');
  });
});

describe('AttachmentService.inspect', () => {
  it('reports what the bytes are when the record claims a PDF', async () => {
    const { attachments, opened } = service(scripted().dialogs);
    const shortcut = await attachments.storeBytes(sample.WINDOWS_SHORTCUT);
    const pdf = await attachments.storeBytes(sample.PDF);

    expect(await attachments.inspect(shortcut.sha256, 'Minutes.pdf')).toEqual({
      canOpen: false,
      type: 'windows-shortcut',
      reason: 'runs-code',
    });
    expect(await attachments.inspect(pdf.sha256, 'Minutes.pdf')).toEqual({
      canOpen: true,
      type: 'pdf',
    });
    expect(opened).toEqual([]);
    await expect(attachments.inspect(sha256Of('gone'), 'Minutes.pdf')).rejects.toMatchObject({
      code: 'attachment-missing',
    });
  });
});

describe('AttachmentService judges each stored file once', () => {
  it('does not read a file again for each look, and forgets what it found when the bytes fail their hash', async () => {
    const { attachments, opened } = service(scripted().dialogs);
    const stored = await attachments.storeBytes(sample.PDF);
    expect(await attachments.inspect(stored.sha256, 'Minutes.pdf')).toEqual({
      canOpen: true,
      type: 'pdf',
    });
    // Rewritten behind the app's back: looking again answers from what was found, unread...
    await writeFile(attachments.pathOf(stored.sha256), sample.WINDOWS_PROGRAM);
    expect(await attachments.inspect(stored.sha256, 'Minutes.pdf')).toMatchObject({
      type: 'pdf',
    });
    // ...but the copy to open is checked against the hash: nothing opens, and it is judged again.
    await expect(attachments.open(stored.sha256, 'Minutes.pdf')).rejects.toMatchObject({
      code: 'attachment-damaged',
    });
    expect(opened).toEqual([]);
    expect(await attachments.inspect(stored.sha256, 'Minutes.pdf')).toEqual({
      canOpen: false,
      type: 'windows-program',
      reason: 'runs-code',
    });
  });

  it('keeps what attach found, and judges text afresh only in its name', async () => {
    const source = join(outside, 'Minutes.txt');
    await writeFile(source, MINUTES);
    const { attachments } = service(scripted(source).dialogs);
    const stored = await attachments.attach({ title: 'A' });
    await writeFile(attachments.pathOf(stored!.sha256), sample.WINDOWS_PROGRAM);
    expect(await attachments.inspect(stored!.sha256, 'Minutes.txt')).toEqual({
      canOpen: true,
      type: 'txt',
    });
    // The same text under a name the system runs is a script, whatever was found before.
    expect(await attachments.inspect(stored!.sha256, 'Minutes.vbs')).toEqual({
      canOpen: false,
      type: 'script',
      reason: 'runs-code',
    });
  });

  it('still says a judged file has gone missing', async () => {
    const { attachments } = service(scripted().dialogs);
    const stored = await attachments.storeBytes(sample.PDF);
    await attachments.inspect(stored.sha256, 'Minutes.pdf');
    await rm(attachments.pathOf(stored.sha256));
    await expect(attachments.inspect(stored.sha256, 'Minutes.pdf')).rejects.toMatchObject({
      code: 'attachment-missing',
    });
  });
});

describe('AttachmentService.saveCopy', () => {
  it('asks where, offering the file’s name and type, and writes the same bytes', async () => {
    const target = join(outside, 'saved.pdf');
    const { dialogs, asked } = scripted(target);
    const { attachments } = service(dialogs);
    const stored = await attachments.storeBytes(new TextEncoder().encode(MINUTES));

    expect(
      await attachments.saveCopy({ sha256: stored.sha256, name: 'minutes.pdf', title: 'Save' }),
    ).toEqual({ name: 'saved.pdf' });
    expect(asked).toEqual([{ title: 'Save', defaultName: 'minutes.pdf', extensions: ['pdf'] }]);
    expect(await readFile(target, 'utf8')).toBe(MINUTES);
    expect(await readdir(outside)).toEqual(['saved.pdf']);
  });

  it('leaves the file already there intact when the copy fails', async () => {
    const target = join(outside, 'minutes.pdf');
    await writeFile(target, 'the good old copy');
    const { attachments } = service(scripted(target).dialogs);
    const stored = await attachments.storeBytes(new TextEncoder().encode(MINUTES));
    await writeFile(attachments.pathOf(stored.sha256), 'damaged on disk');

    await expect(
      attachments.saveCopy({ sha256: stored.sha256, name: 'minutes.pdf', title: 'Save' }),
    ).rejects.toMatchObject({ code: 'attachment-damaged' });
    expect(await readFile(target, 'utf8')).toBe('the good old copy');
    expect(await readdir(outside)).toEqual(['minutes.pdf']);
  });

  it('puts the copy in place as every atomic save does: again while Windows holds the file, then flushes the folder', async () => {
    const target = join(outside, 'minutes.pdf');
    await writeFile(target, 'open in another program');
    const steps: string[] = [];
    let isLocked = true;
    // Windows' retries, whatever system runs the test.
    const atomicWriteFs: AtomicWriteFs = {
      ...nodeAtomicWriteFs,
      renameRetryDelaysMs: WINDOWS_RENAME_RETRY_DELAYS_MS,
      rename: (from, to) => {
        steps.push(`rename ${basename(to)}`);
        if (!isLocked) return nodeAtomicWriteFs.rename(from, to);
        isLocked = false;
        return Promise.reject(Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' }));
      },
      syncFolder: (folder) => {
        steps.push(`sync ${folder}`);
        return Promise.resolve();
      },
      pause: () => Promise.resolve(),
    };
    const attachments = new AttachmentService({
      dataFolder,
      dialogs: scripted(target).dialogs,
      openPath: () => Promise.resolve(''),
      atomicWriteFs,
    });
    const stored = await attachments.storeBytes(sample.PDF);

    expect(
      await attachments.saveCopy({ sha256: stored.sha256, name: 'minutes.pdf', title: 'Save' }),
    ).toEqual({ name: 'minutes.pdf' });
    expect(new Uint8Array(await readFile(target))).toEqual(sample.PDF);
    expect(steps).toEqual(['rename minutes.pdf', 'rename minutes.pdf', `sync ${outside}`]);
    expect(await readdir(outside)).toEqual(['minutes.pdf']);
  });

  it('says so before asking where when the stored file is missing', async () => {
    const { dialogs, asked } = scripted(join(outside, 'x.pdf'));
    const { attachments } = service(dialogs);
    await expect(
      attachments.saveCopy({ sha256: sha256Of('gone'), name: 'x.pdf', title: 'Save' }),
    ).rejects.toMatchObject({ code: 'attachment-missing' });
    expect(asked).toEqual([]);
  });
});

describe('AttachmentService.storeBytes', () => {
  it('stores bytes from a backup once, and refuses bytes that do not match their hash', async () => {
    const { attachments } = service(scripted().dialogs);
    const bytes = new TextEncoder().encode(MINUTES);
    const first = await attachments.storeBytes(bytes, sha256Of(MINUTES));
    expect(first).toEqual({
      sha256: sha256Of(MINUTES),
      size: bytes.byteLength,
      isAlreadyStored: false,
    });
    expect((await attachments.storeBytes(bytes)).isAlreadyStored).toBe(true);
    await expect(attachments.storeBytes(bytes, sha256Of('other'))).rejects.toMatchObject({
      code: 'invalid-data',
    });
    expect(await filesUnder(dataFolder)).toHaveLength(1);
  });

  it('clears copies in progress a crash left behind a day ago, never fresh ones', async () => {
    const source = join(outside, 'a.txt');
    await writeFile(source, 'a');
    const { attachments } = service(scripted(source).dialogs, {
      now: () => new Date('2025-03-02T10:00:00Z'),
    });
    await mkdir(attachments.folder, { recursive: true });
    const abandoned = join(attachments.folder, '.incoming-0a1b.tmp');
    const fresh = join(attachments.folder, '.incoming-2c3d.tmp');
    await writeFile(abandoned, 'half a scan');
    await writeFile(fresh, 'another attach under way');
    await utimes(abandoned, new Date('2025-03-01T09:00:00Z'), new Date('2025-03-01T09:00:00Z'));
    await utimes(fresh, new Date('2025-03-02T09:59:00Z'), new Date('2025-03-02T09:59:00Z'));
    const stored = await attachments.attach({ title: 'A' });
    expect(await filesUnder(attachments.folder)).toEqual(
      ['.incoming-2c3d.tmp', join(stored!.sha256.slice(0, 2), stored!.sha256)].sort(),
    );
  });

  it('lists only complete stored files, not copies in progress', async () => {
    const { attachments } = service(scripted().dialogs);
    const stored = await attachments.storeBytes(new TextEncoder().encode('x'));
    await writeFile(join(attachments.folder, '.incoming-abc.tmp'), 'half');
    expect(await attachments.listStoredHashes()).toEqual([stored.sha256]);
  });
});

describe('AttachmentService.readBytes (exchange bundles)', () => {
  it('hands over a stored file’s bytes, and refuses one that is not on this computer', async () => {
    const { attachments } = service(scripted().dialogs);
    const stored = await attachments.storeBytes(new TextEncoder().encode(MINUTES));
    expect(new TextDecoder().decode(await attachments.readBytes(stored.sha256))).toBe(MINUTES);
    await expect(attachments.readBytes('0'.repeat(64))).rejects.toMatchObject({
      code: 'attachment-missing',
    });
  });
});
