import { describe, expect, it } from 'vitest';
import { FILE_TYPE_INFO, FILE_TYPES, type FileType } from '@shared/model/fileType';
import { isDisguisedName, openVerdict, viewerFileName } from './openVerdict';
import { RUNNABLE_EXTENSIONS } from './runnableExtensions';

describe('openVerdict', () => {
  it('opens exactly the allow-listed types, under their own extensions', () => {
    const opened = FILE_TYPES.filter((type) => FILE_TYPE_INFO[type].handling === 'open');
    expect(opened.sort()).toEqual(
      [
        'csv',
        'doc',
        'docx',
        'eml',
        'gif',
        'jpeg',
        'msg',
        'ods',
        'odt',
        'pdf',
        'png',
        'pptx',
        'rtf',
        'tiff',
        'txt',
        'xls',
        'xlsx',
      ].sort(),
    );
    const extensions = opened.flatMap((type) => FILE_TYPE_INFO[type].extensions).sort();
    for (const refused of ['docm', 'xlsm', 'pps', 'ppsx', 'html', 'svg', 'js', 'exe', 'lnk']) {
      expect(extensions).not.toContain(refused);
    }
    expect(openVerdict('Minutes.pdf', 'pdf')).toEqual({ canOpen: true, type: 'pdf' });
    expect(openVerdict('Signing.JPEG', 'jpeg')).toMatchObject({ canOpen: true });
    expect(openVerdict('Report 2016.12.05.docx', 'docx')).toMatchObject({ canOpen: true });
  });

  it('never opens what runs code, whatever the name says', () => {
    const runsCode = FILE_TYPES.filter((type) => FILE_TYPE_INFO[type].handling === 'runs-code');
    expect(runsCode).toEqual(
      expect.arrayContaining(['windows-program', 'windows-shortcut', 'html', 'macro-document']),
    );
    for (const type of runsCode) {
      expect(openVerdict('report.pdf', type)).toMatchObject({
        canOpen: false,
        reason: 'runs-code',
      });
    }
    expect(openVerdict('Scan\u202Efdp.lnk', 'windows-shortcut')).toEqual({
      canOpen: false,
      type: 'windows-shortcut',
      reason: 'runs-code',
    });
  });

  it('refuses a document behind a disguised name, even when its bytes are a real PDF', () => {
    expect(openVerdict('Scan\u202Efdp.pdf', 'pdf')).toMatchObject({
      canOpen: false,
      reason: 'disguised-name',
    });
    expect(openVerdict('minutes.pdf.exe', 'pdf')).toMatchObject({ reason: 'disguised-name' });
    expect(openVerdict('minutes.pdf        .exe', 'pdf')).toMatchObject({
      reason: 'disguised-name',
    });
    expect(openVerdict('minutes\u200B.pdf', 'pdf')).toMatchObject({ reason: 'disguised-name' });
  });

  it('refuses a name whose extension is not its content’s type', () => {
    const mismatches: [string, FileType][] = [
      ['report.pdf', 'txt'],
      ['Protokol.docx', 'pdf'],
      ['minutes.exe', 'pdf'],
      ['Briefing.ppsx', 'pptx'],
      ['Budget.xlsm', 'xlsx'],
      // Text under a program's extension, or claiming to be another document, is not plain text.
      ['notes.exe', 'txt'],
      ['minutes.lnk', 'txt'],
      ['setup.msi', 'txt'],
    ];
    for (const [name, type] of mismatches) {
      expect(openVerdict(name, type), name).toMatchObject({ canOpen: false, reason: 'mismatch' });
    }
  });

  it('opens plain text under a name of its own, as text', () => {
    for (const name of [
      'README',
      'server.log',
      'notes.md',
      'data.json',
      'layout.xml',
      'boot.ini',
    ]) {
      expect(openVerdict(name, 'txt'), name).toEqual({ canOpen: true, type: 'txt' });
    }
    // Only plain text: a PDF or a picture under another name is still refused.
    expect(openVerdict('scan.log', 'pdf')).toMatchObject({ reason: 'mismatch' });
    expect(openVerdict('README', 'png')).toMatchObject({ reason: 'mismatch' });
    expect(openVerdict('notes.md.exe', 'txt')).toMatchObject({ reason: 'mismatch' });
  });

  it('refuses types off the allow-list', () => {
    for (const type of ['zip', 'ppt', 'odp', 'binary', 'empty', 'unknown-document'] as const) {
      expect(openVerdict('Protokol.docx', type)).toMatchObject({ reason: 'not-supported' });
    }
  });
});

describe('isDisguisedName', () => {
  it('sees hidden characters and a document extension before an executable one', () => {
    expect(isDisguisedName('Scan\u202Efdp.lnk')).toBe(true);
    expect(isDisguisedName('\u2067report\u2069.pdf')).toBe(true);
    expect(isDisguisedName('minutes.docx.js')).toBe(true);
    expect(isDisguisedName('minutes.PDF.Exe ')).toBe(true);
    expect(isDisguisedName('tab\there.pdf')).toBe(true);
  });

  it('knows every extension the file-type detection calls a script, web page or shortcut', () => {
    expect(isDisguisedName('minutes.pdf.html')).toBe(true);
    expect(isDisguisedName('Budget.xlsx.py')).toBe(true);
    expect(isDisguisedName('logo.png.svg')).toBe(true);
    for (const extension of RUNNABLE_EXTENSIONS.keys()) {
      expect(isDisguisedName(`minutes.docx.${extension}`), extension).toBe(true);
    }
  });

  it('leaves ordinary names alone, dates and versions included', () => {
    expect(isDisguisedName('Протокол встречи.pdf')).toBe(false);
    expect(isDisguisedName('Report 2016.12.05.exe')).toBe(false);
    expect(isDisguisedName('setup.exe')).toBe(false);
  });
});

describe('viewerFileName', () => {
  it('names the viewer’s copy after what the bytes are', () => {
    expect(viewerFileName('Signing.JPEG', 'jpeg')).toBe('Signing.jpg');
    expect(viewerFileName('Scan.TIFF', 'tiff')).toBe('Scan.tif');
    expect(viewerFileName('Protokol № 8.pdf', 'pdf')).toBe('Protokol № 8.pdf');
    expect(viewerFileName('../../Startup/minutes.pdf', 'pdf')).toBe('minutes.pdf');
    // Text under a name of its own opens as text, its name still readable.
    expect(viewerFileName('server.log', 'txt')).toBe('server.log.txt');
    expect(viewerFileName('README', 'txt')).toBe('README.txt');
    expect(viewerFileName('Notes.TXT', 'txt')).toBe('Notes.txt');
  });
});
