import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { FileType } from '@shared/model/fileType';
import type { RandomAccessSource } from '@shared/backup/zipReader';
import { fileTypeOf, readFileContent, readFileContentAt } from './detectFileType';
import * as sample from './testing/sampleFiles';

/** Bytes in memory as a source, counting what was read. */
function source(bytes: Uint8Array) {
  const reads: { offset: number; length: number }[] = [];
  const readable: RandomAccessSource = {
    size: bytes.byteLength,
    read: (offset, length) => {
      reads.push({ offset, length });
      return Promise.resolve(bytes.subarray(offset, offset + length));
    },
  };
  return { readable, reads };
}

const detect = async (bytes: Uint8Array, name: string) =>
  fileTypeOf(await readFileContent(source(bytes).readable), name);

describe('detectFileType: the documents and pictures the app opens', () => {
  const cases: [FileType, Uint8Array, string][] = [
    ['pdf', sample.PDF, 'Minutes 2016-12-05.pdf'],
    ['docx', sample.DOCX, 'Protokol.docx'],
    ['doc', sample.DOC, 'Protokol 1998.doc'],
    ['xlsx', sample.XLSX, 'Budget.xlsx'],
    ['xls', sample.XLS, 'Budget 2003.xls'],
    ['pptx', sample.PPTX, 'Briefing.pptx'],
    ['odt', sample.ODT, 'Protokol.odt'],
    ['ods', sample.ODS, 'Budget.ods'],
    ['rtf', sample.RTF, 'Note.rtf'],
    ['txt', sample.TEXT, 'Notes.txt'],
    ['txt', sample.TEXT_UTF16, 'Unicode notes.txt'],
    ['csv', sample.CSV, 'Partners.csv'],
    ['csv', sample.CSV_1251, 'Партнёры.csv'],
    ['eml', sample.EML, 'Minutes.eml'],
    ['msg', sample.MSG, 'Minutes.msg'],
    ['jpeg', sample.JPEG, 'Signing.jpg'],
    ['png', sample.PNG, 'Logo.png'],
    ['gif', sample.GIF, 'Map.gif'],
    ['tiff', sample.TIFF, 'Scan.tif'],
  ];
  it.each(cases)('recognises %s from its bytes', async (type, bytes, name) => {
    expect(await detect(bytes, name)).toBe(type);
  });

  it('reads the same from a file on disk, closing it again', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'file-types-'));
    try {
      const path = join(folder, 'stored');
      await writeFile(path, sample.DOCX);
      expect(fileTypeOf(await readFileContentAt(path), 'Protokol.docx')).toBe('docx');
      await writeFile(path, sample.TEXT);
      expect(fileTypeOf(await readFileContentAt(path), 'Notes.txt')).toBe('txt');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('reads only the start of a binary file, not all of it', async () => {
    const big = new Uint8Array(8 * 1_048_576);
    big.set(sample.PNG);
    const { readable, reads } = source(big);
    expect(fileTypeOf(await readFileContent(readable), 'Scan.png')).toBe('png');
    expect(reads.reduce((total, read) => total + read.length, 0)).toBeLessThanOrEqual(8192);
  });
});

describe('detectFileType: what an attacker sends instead', () => {
  const cases: [FileType, Uint8Array, string][] = [
    ['windows-program', sample.WINDOWS_PROGRAM, 'report.pdf'],
    ['linux-program', sample.LINUX_PROGRAM, 'report.pdf'],
    ['mac-program', sample.MAC_PROGRAM, 'report.pdf'],
    ['windows-shortcut', sample.WINDOWS_SHORTCUT, 'Scan\u202Efdp.lnk'],
    ['script', sample.SHELL_SCRIPT, 'notes.txt'],
    ['html', sample.WEB_PAGE, 'notes.txt'],
    ['svg', sample.SVG_WITH_SCRIPT, 'logo.png'],
    ['internet-shortcut', sample.INTERNET_SHORTCUT, 'minutes.txt'],
    ['desktop-launcher', sample.DESKTOP_LAUNCHER, 'minutes.txt'],
    ['macro-document', sample.DOCX_WITH_MACROS, 'Protokol.docx'],
    ['macro-document', sample.XLSX_WITH_MACRO_SHEET, 'Budget.xlsx'],
    ['macro-document', sample.DOC_WITH_MACROS, 'Protokol.doc'],
    ['macro-document', sample.ODT_WITH_MACROS, 'Protokol.odt'],
    ['windows-installer', sample.MSI, 'update.doc'],
    ['zip', sample.ZIP_ARCHIVE, 'Protokol.docx'],
  ];
  it.each(cases)('names %s whatever the file is called', async (type, bytes, name) => {
    expect(await detect(bytes, name)).toBe(type);
  });

  it('calls text a script, web page or shortcut when its extension makes the system run it', async () => {
    const text = strToU8('WScript.Shell.Run("calc")\r\n');
    expect(await detect(text, 'minutes.vbs')).toBe('script');
    expect(await detect(text, 'minutes.js')).toBe('script');
    expect(await detect(text, 'minutes.ps1')).toBe('script');
    expect(await detect(text, 'minutes.hta')).toBe('html');
    expect(await detect(text, 'minutes.url')).toBe('internet-shortcut');
    // Windows runs these too: a management console, a ClickOnce deployment.
    expect(await detect(text, 'minutes.msc')).toBe('script');
    expect(await detect(text, 'minutes.appref-ms')).toBe('script');
    // Text is no program: under .exe it stays text, and the name is what gets it refused.
    expect(await detect(text, 'minutes.exe')).toBe('txt');
    expect(await detect(text, 'minutes.txt')).toBe('txt');
  });

  it('treats a web page in a .txt as a web page, since some systems choose by content', async () => {
    expect(await detect(strToU8('  \n<HTML><body>Minutes</body></HTML>'), 'a.txt')).toBe('html');
    expect(await detect(strToU8('<script src="x.js"></script>'), 'a.csv')).toBe('html');
    // Mentioning markup in running text is still text.
    expect(await detect(strToU8('Use <b> for bold; a < b > c'), 'a.txt')).toBe('txt');
    // A message's HTML body is its mail program's to show; its header lines make it a message.
    expect(await detect(sample.EML, 'Minutes.eml')).toBe('eml');
    expect(await detect(sample.EML.subarray(sample.EML.indexOf(0x3c)), 'Minutes.eml')).toBe('html');
  });

  it('finds a NUL or control byte anywhere in a would-be text file', async () => {
    const late = new Uint8Array(3 * 1_048_576).fill(0x41);
    expect(await detect(late, 'long.txt')).toBe('txt');
    late[late.length - 1] = 0;
    expect(await detect(late, 'long.txt')).toBe('binary');
    expect(await detect(strToU8('escape \u001b[31m red'), 'a.txt')).toBe('binary');
    expect(await detect(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0x00]), 'a.txt')).toBe(
      'binary',
    );
  });

  it('does not take a CSV that starts with Mozambique’s code for a Windows program', async () => {
    expect(await detect(strToU8('MZ;Mozambique\r\nAZ;Azerbaijan\r\n'), 'codes.csv')).toBe('csv');
  });

  it('knows presentations and archives it does not open, and empty files', async () => {
    expect(await detect(sample.PPT, 'Briefing.ppt')).toBe('ppt');
    expect(await detect(sample.ODP, 'Briefing.odp')).toBe('odp');
    expect(await detect(new Uint8Array(), 'Minutes.pdf')).toBe('empty');
    expect(await detect(new Uint8Array([0x00, 0x01, 0x02, 0x03]), 'Minutes.pdf')).toBe('binary');
    expect(await detect(zipSync({ '[Content_Types].xml': strToU8('<Types/>') }), 'a.docx')).toBe(
      'unknown-document',
    );
  });
});

describe('detectFileType: damaged or hostile containers', () => {
  it('calls a zip without a readable directory an archive, not a document', async () => {
    const cut = sample.DOCX.subarray(0, sample.DOCX.byteLength - 10);
    expect(await detect(cut, 'Protokol.docx')).toBe('zip');
    const lying = sample.DOCX.slice();
    const view = new DataView(lying.buffer);
    // The end record's directory offset pointed past the end of the file.
    view.setUint32(lying.byteLength - 22 + 16, 0x7fffffff, true);
    expect(await detect(lying, 'Protokol.docx')).toBe('zip');
  });

  it('calls an OLE file with a damaged or looping directory an unrecognised document', async () => {
    expect(await detect(sample.DOC.subarray(0, 700), 'Protokol.doc')).toBe('unknown-document');
    const looping = sample.MSG.slice();
    const view = new DataView(looping.buffer);
    // The FAT says the directory's last sector is followed by its first: a chain without end.
    view.setUint32(512 + 2 * 4, 1, true);
    expect(await detect(looping, 'Minutes.msg')).toBe('unknown-document');
    const cyclicTree = sample.DOC.slice();
    // The first child's right sibling is the child itself.
    new DataView(cyclicTree.buffer).setUint32(1024 + 128 + 0x48, 1, true);
    expect(await detect(cyclicTree, 'Protokol.doc')).toBe('unknown-document');
  });
});
