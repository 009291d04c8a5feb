import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { BackupFormatError } from '@shared/backup/backupFormat';
import {
  readZipDirectory,
  readZipEntry,
  type RandomAccessSource,
  type ZipEntry,
} from '@shared/backup/zipReader';
import type { FileType } from '@shared/model/fileType';
import { fileSource } from '../files/fileSource';
import { RUNNABLE_EXTENSIONS } from './runnableExtensions';

const HEAD_BYTES = 8192;
const TEXT_CHUNK = 1_048_576;
/** More zip entries than this is not a document the app knows (a large pptx has a few thousand). */
const MAX_ZIP_ENTRIES = 100_000;
const MAX_OLE_DIRECTORY_SECTORS = 4096;

const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.byteLength < at + signature.length) return false;
  return signature.every((byte, index) => bytes[at + index] === byte);
}

const PDF = ascii('%PDF-');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = ascii('GIF87a');
const GIF89 = ascii('GIF89a');
const TIFF_LE = [0x49, 0x49, 0x2a, 0x00];
const TIFF_BE = [0x4d, 0x4d, 0x00, 0x2a];
const RTF = ascii('{\\rtf');
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0x50, 0x4b, 0x07, 0x08],
];
/** A .lnk file's header size (0x4C) followed by the ShellLink CLSID 00021401-0000-0000-C000-…46. */
const WINDOWS_SHORTCUT = [
  0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc0, 0x00, 0x00, 0x00,
  0x00, 0x00, 0x00, 0x46,
];
const ELF = [0x7f, 0x45, 0x4c, 0x46];
const MACH_O = [
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  // Universal binaries (and Java classes, which run just as well).
  [0xca, 0xfe, 0xba, 0xbe],
];
const MZ = ascii('MZ');
const SHEBANG = ascii('#!');

type Container = 'ole' | 'zip';

/** The type a signature alone decides, or the container to look into, or null for "maybe text". */
function typeBySignature(head: Uint8Array): FileType | Container | null {
  if (startsWith(head, PDF)) return 'pdf';
  if (startsWith(head, PNG)) return 'png';
  if (startsWith(head, JPEG)) return 'jpeg';
  if (startsWith(head, GIF87) || startsWith(head, GIF89)) return 'gif';
  if (startsWith(head, TIFF_LE) || startsWith(head, TIFF_BE)) return 'tiff';
  if (startsWith(head, RTF)) return 'rtf';
  if (startsWith(head, OLE)) return 'ole';
  if (ZIP_SIGNATURES.some((signature) => startsWith(head, signature))) return 'zip';
  if (startsWith(head, WINDOWS_SHORTCUT)) return 'windows-shortcut';
  if (startsWith(head, ELF)) return 'linux-program';
  if (MACH_O.some((signature) => startsWith(head, signature))) return 'mac-program';
  // A DOS/PE header always holds NULs in its first 64 bytes; a CSV starting "MZ,Mozambique" does not.
  if (startsWith(head, MZ) && head.subarray(0, 64).includes(0)) return 'windows-program';
  if (startsWith(head, SHEBANG)) return 'script';
  return null;
}

/**
 * What a file's bytes say on their own, before its name is looked at: the type its signature or
 * container decides, or that every byte of it is text. Text carries no signature, so what its start
 * declares (a script, a shortcut), whether it holds web-page or SVG markup and whether it starts
 * with a message's header lines are kept for fileTypeOf to finish with the extension. Bytes under
 * a SHA-256 never change, so main can keep this per hash and look at the file once.
 */
export type FileContent =
  | { isText: false; type: FileType }
  | {
      isText: true;
      declares: FileType | null;
      markup: 'html' | 'svg' | null;
      hasHeaderLines: boolean;
    };

/** What a file on disk holds, read through a handle that is closed again whatever happens. */
export async function readFileContentAt(path: string): Promise<FileContent> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    return await readFileContent(fileSource(handle, size));
  } finally {
    await handle.close();
  }
}

const decided = (type: FileType): FileContent => ({ isText: false, type });

/**
 * What a file really holds, from its bytes: the signature at its start, what a zip's entries or an
 * OLE compound file's streams say about the Office or OpenDocument format inside, and for text,
 * whether every byte is text and whether that text is a web page, a shortcut or a script.
 *
 * Reads only what it needs: the first 8 KiB, a zip's central directory, an OLE file's directory
 * sectors; the whole file only when it looks like text (a NUL or control byte anywhere makes it
 * binary). A damaged container is no error here: it is simply not the document it claims to be.
 */
export async function readFileContent(source: RandomAccessSource): Promise<FileContent> {
  if (source.size === 0) return decided('empty');
  const head = await source.read(0, Math.min(HEAD_BYTES, source.size));
  const bySignature = typeBySignature(head);
  if (bySignature === 'ole') return decided(await oleDocumentType(source, head));
  if (bySignature === 'zip') return decided(await zipDocumentType(source));
  if (bySignature !== null) return decided(bySignature);
  const encoding = textEncodingOf(head);
  if (!(await isText(source, encoding))) return decided('binary');
  return textContent(new TextDecoder(encoding).decode(head));
}

/**
 * The type of a file holding `content` under `fileName`. The name only tells plain-text flavours
 * apart (txt, csv, eml, or a script, web page or shortcut written as text), which no signature can.
 */
export function fileTypeOf(content: FileContent, fileName: string): FileType {
  if (!content.isText) return content.type;
  if (content.declares !== null) return content.declares;
  const extension = extensionOf(fileName);
  // A message starts with its header lines; its HTML body is the mail program's to render safely.
  if (extension === 'eml' && content.hasHeaderLines) return 'eml';
  return (
    content.markup ??
    RUNNABLE_EXTENSIONS.get(extension) ??
    TEXT_TYPE_BY_EXTENSION[extension] ??
    'txt'
  );
}

const extensionOf = (fileName: string) => extname(fileName).slice(1).toLowerCase();

// ---------------------------------------------------------------- text

type TextEncoding = 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * UTF-16 when a byte-order mark says so; otherwise a byte-wise encoding (UTF-8 or a Windows code
 * page such as 1251, as Excel writes CSV), where only the control bytes matter. Decoded as
 * Windows-1252 just to look for markup, which is ASCII in all of them.
 */
function textEncodingOf(head: Uint8Array): TextEncoding {
  if (startsWith(head, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(head, [0xfe, 0xff])) return 'utf-16be';
  return 'windows-1252';
}

/** Tab, line feed, vertical tab, form feed, carriage return, and DOS's end-of-file mark. */
const isTextControl = (code: number) => (code >= 0x09 && code <= 0x0d) || code === 0x1a;
const isForbiddenControl = (code: number) => (code < 0x20 && !isTextControl(code)) || code === 0x7f;

/** Every byte (or UTF-16 unit) of the file is a character a text file holds: no NUL, no controls. */
async function isText(source: RandomAccessSource, encoding: TextEncoding): Promise<boolean> {
  const isWide = encoding !== 'windows-1252';
  if (isWide && source.size % 2 !== 0) return false;
  for (let offset = 0; offset < source.size; offset += TEXT_CHUNK) {
    const chunk = await source.read(offset, Math.min(TEXT_CHUNK, source.size - offset));
    if (chunk.byteLength === 0) return false;
    if (!isWide) {
      if (chunk.some(isForbiddenControl)) return false;
      continue;
    }
    const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let at = 0; at + 1 < chunk.byteLength; at += 2) {
      if (isForbiddenControl(view.getUint16(at, encoding === 'utf-16le'))) return false;
    }
  }
  return true;
}

/**
 * The plain-text flavours the app opens; text under an extension the system runs is what
 * RUNNABLE_EXTENSIONS says, and under any other extension plain text.
 */
const TEXT_TYPE_BY_EXTENSION: Readonly<Record<string, FileType>> = {
  txt: 'txt',
  csv: 'csv',
  eml: 'eml',
};

/**
 * Markup a viewer would render as a web page (and run its scripts), looked for where content
 * sniffers look: the start of the file. A text file holding it is a web page whatever its name,
 * because some systems choose the program from the content, not the extension.
 */
const WEB_PAGE_MARKUP =
  /<(!doctype\s+html|html|head|body|script|iframe|object|embed|frameset|\?xml-stylesheet)[\s/>]|http:\/\/www\.w3\.org\/1999\/xhtml/;
const SVG_MARKUP = /<svg[\s/>]/;

/** What the start of a text file says about it, whatever the file is called. */
function textContent(head: string): FileContent {
  const start = head.replace(/^\ufeff/, '').trimStart();
  return {
    isText: true,
    declares: declaredTextType(start),
    markup: markupIn(start.toLowerCase()),
    hasHeaderLines: /^[A-Za-z0-9-]+:/.test(start),
  };
}

/** SVG on its own, or a web page (which may hold SVG). */
function markupIn(lower: string): 'html' | 'svg' | null {
  const hasSvg = SVG_MARKUP.test(lower);
  if (hasSvg && !/<html[\s>]/.test(lower)) return 'svg';
  if (hasSvg || WEB_PAGE_MARKUP.test(lower)) return 'html';
  return null;
}

/** A script or shortcut by its first line, which the system honours under any name. */
function declaredTextType(start: string): FileType | null {
  if (start.startsWith('#!')) return 'script';
  if (/^\[InternetShortcut\]/i.test(start)) return 'internet-shortcut';
  if (/^\[Desktop Entry\]/i.test(start)) return 'desktop-launcher';
  if (/^(Windows Registry Editor Version|REGEDIT4)/i.test(start)) return 'script';
  return null;
}

// ---------------------------------------------------------------- zip: OOXML and OpenDocument

/**
 * The zip's entries as the backups' strict reader sees them: an archive it refuses (unsafe or
 * duplicate names, overlapping entries, ZIP64, encryption, a damaged directory) is no document
 * the app opens, so it is an "archive". Sizes are not limited here: nothing is inflated but the
 * OpenDocument `mimetype` entry, which must be tiny.
 */
async function readZipEntries(source: RandomAccessSource): Promise<ZipEntry[] | null> {
  try {
    return await readZipDirectory(source, {
      fileBytes: Number.MAX_SAFE_INTEGER,
      entries: MAX_ZIP_ENTRIES,
      entryBytes: () => Number.MAX_SAFE_INTEGER,
      totalBytes: Number.MAX_SAFE_INTEGER,
    });
  } catch (error) {
    if (error instanceof BackupFormatError) return null;
    throw error;
  }
}

/** OpenDocument's `mimetype` entry (a few dozen ASCII bytes), or null when it is anything else. */
async function readMimetype(source: RandomAccessSource, entry: ZipEntry): Promise<string | null> {
  if (entry.size > 200) return null;
  try {
    return String.fromCharCode(...(await readZipEntry(source, entry)));
  } catch (error) {
    if (error instanceof BackupFormatError) return null;
    throw error;
  }
}

/** Code an Office or OpenDocument file carries: VBA projects, Excel 4.0 macro sheets, ActiveX. */
const isOfficeCode = (name: string) => {
  const lower = name.toLowerCase();
  return (
    lower.endsWith('vbaproject.bin') ||
    lower.includes('/activex/') ||
    lower.startsWith('xl/macrosheets/')
  );
};
const isOpenDocumentCode = (name: string) =>
  name.startsWith('Basic/') || name.startsWith('Scripts/');

const OPEN_DOCUMENT_TYPES: Readonly<Record<string, FileType>> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

/**
 * OOXML (docx, xlsx, pptx) is a zip with `[Content_Types].xml` and its main part's folder;
 * OpenDocument names its type in a `mimetype` entry. Any zip carrying macros or ActiveX is a
 * macro document; any other zip is an archive, which can hold anything.
 */
async function zipDocumentType(source: RandomAccessSource): Promise<FileType> {
  const entries = await readZipEntries(source);
  if (entries === null) return 'zip';
  const names = entries.map((entry) => entry.name);
  if (names.includes('[Content_Types].xml')) {
    if (names.some(isOfficeCode)) return 'macro-document';
    if (names.some((name) => name.startsWith('word/'))) return 'docx';
    if (names.some((name) => name.startsWith('xl/'))) return 'xlsx';
    if (names.some((name) => name.startsWith('ppt/'))) return 'pptx';
    return 'unknown-document';
  }
  const mimetype = entries.find((entry) => entry.name === 'mimetype');
  const declared = mimetype ? await readMimetype(source, mimetype) : null;
  if (declared?.startsWith('application/vnd.oasis.opendocument.')) {
    if (names.some(isOpenDocumentCode)) return 'macro-document';
    return OPEN_DOCUMENT_TYPES[declared] ?? 'unknown-document';
  }
  return 'zip';
}

// ---------------------------------------------------------------- OLE compound files (doc, xls, msg)

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const END_OF_CHAIN = 0xfffffffe;
const MAX_REGULAR_SECTOR = 0xfffffffa;
const NO_STREAM = 0xffffffff;

type OleEntry = { name: string; left: number; right: number; child: number };

/**
 * The names at the top of an OLE compound file (MS-CFB) and its root's class id, read by following
 * the directory's sector chain through the FAT. Null when the structure is damaged.
 */
async function readOleTopLevel(
  source: RandomAccessSource,
  head: Uint8Array,
): Promise<{ names: Set<string>; rootClassId: Uint8Array } | null> {
  if (head.byteLength < 512) return null;
  const header = view(head);
  const sectorShift = header.getUint16(0x1e, true);
  if (sectorShift !== 9 && sectorShift !== 12) return null;
  const sectorSize = 1 << sectorShift;
  const idsPerSector = sectorSize / 4;
  const sectorAt = (sector: number) => (sector + 1) * sectorSize;

  // Where each FAT sector lives: 109 places in the header, the rest in the DIFAT sector chain.
  const fatSectorPlaces: number[] = [];
  for (let index = 0; index < 109; index += 1) {
    fatSectorPlaces.push(header.getUint32(0x4c + index * 4, true));
  }
  let nextDifat = header.getUint32(0x44, true);
  const difatSeen = new Set<number>();
  const fatSectorPlace = async (index: number): Promise<number | null> => {
    while (index >= fatSectorPlaces.length) {
      if (nextDifat > MAX_REGULAR_SECTOR || difatSeen.has(nextDifat)) return null;
      difatSeen.add(nextDifat);
      const difat = view(await source.read(sectorAt(nextDifat), sectorSize));
      if (difat.byteLength < sectorSize) return null;
      for (let at = 0; at < idsPerSector - 1; at += 1) {
        fatSectorPlaces.push(difat.getUint32(at * 4, true));
      }
      nextDifat = difat.getUint32((idsPerSector - 1) * 4, true);
    }
    return fatSectorPlaces[index] ?? null;
  };
  const nextSector = async (sector: number): Promise<number | null> => {
    const place = await fatSectorPlace(Math.floor(sector / idsPerSector));
    if (place === null || place > MAX_REGULAR_SECTOR) return null;
    const entry = await source.read(sectorAt(place) + (sector % idsPerSector) * 4, 4);
    return entry.byteLength === 4 ? view(entry).getUint32(0, true) : null;
  };

  const entries: OleEntry[] = [];
  let rootClassId: Uint8Array | null = null;
  const seen = new Set<number>();
  for (let sector = header.getUint32(0x30, true); sector !== END_OF_CHAIN;) {
    if (sector > MAX_REGULAR_SECTOR || seen.has(sector)) return null;
    if (seen.size >= MAX_OLE_DIRECTORY_SECTORS) return null;
    seen.add(sector);
    const bytes = await source.read(sectorAt(sector), sectorSize);
    if (bytes.byteLength < sectorSize) return null;
    const directory = view(bytes);
    for (let at = 0; at < sectorSize; at += 128) {
      const nameLength = directory.getUint16(at + 0x40, true);
      const type = directory.getUint8(at + 0x42);
      const name =
        nameLength >= 2 && nameLength <= 64
          ? new TextDecoder('utf-16le').decode(bytes.subarray(at, at + nameLength - 2))
          : '';
      if (type === 5 && rootClassId === null) rootClassId = bytes.slice(at + 0x50, at + 0x60);
      entries.push({
        name: type === 1 || type === 2 || type === 5 ? name : '',
        left: directory.getUint32(at + 0x44, true),
        right: directory.getUint32(at + 0x48, true),
        child: directory.getUint32(at + 0x4c, true),
      });
    }
    const next = await nextSector(sector);
    if (next === null) return null;
    sector = next;
  }
  const root = entries[0];
  if (root === undefined || rootClassId === null) return null;

  // The root's children form a tree of siblings (left/right): an entry met twice is damage.
  const names = new Set<string>();
  const visited = new Set<number>();
  const pending = [root.child];
  while (pending.length > 0) {
    const id = pending.pop() ?? NO_STREAM;
    if (id === NO_STREAM) continue;
    const entry = entries[id];
    if (entry === undefined || visited.has(id)) return null;
    visited.add(id);
    names.add(entry.name);
    pending.push(entry.left, entry.right);
  }
  return { names, rootClassId };
}

/** Windows Installer packages, patches and transforms: {000C1082/4/6-0000-0000-C000-…46}. */
function isInstallerClassId(classId: Uint8Array): boolean {
  return (
    [0x82, 0x84, 0x86].includes(classId[0] ?? -1) &&
    startsWith(classId, [0x10, 0x0c, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc0, 0, 0, 0, 0, 0, 0, 0x46], 1)
  );
}

/** Word and Excel 97–2003 keep VBA in these storages at the top of the file. */
const OLE_MACRO_STORAGES = ['Macros', '_VBA_PROJECT_CUR'];

async function oleDocumentType(source: RandomAccessSource, head: Uint8Array): Promise<FileType> {
  const ole = await readOleTopLevel(source, head);
  if (ole === null) return 'unknown-document';
  const { names, rootClassId } = ole;
  if (isInstallerClassId(rootClassId)) return 'windows-installer';
  if (names.has('__properties_version1.0')) return 'msg';
  if (OLE_MACRO_STORAGES.some((storage) => names.has(storage))) return 'macro-document';
  if (names.has('WordDocument')) return 'doc';
  if (names.has('Workbook') || names.has('Book')) return 'xls';
  if (names.has('PowerPoint Document')) return 'ppt';
  return 'unknown-document';
}
