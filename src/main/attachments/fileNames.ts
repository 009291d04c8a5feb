import { extname } from 'node:path';

/** Media types by extension for the files a cooperation department attaches; others are bytes. */
const MEDIA_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  rtf: 'application/rtf',
  txt: 'text/plain',
  csv: 'text/csv',
  htm: 'text/html',
  html: 'text/html',
  xml: 'application/xml',
  json: 'application/json',
  eml: 'message/rfc822',
  msg: 'application/vnd.ms-outlook',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  bmp: 'image/bmp',
  webp: 'image/webp',
  heic: 'image/heic',
  zip: 'application/zip',
  '7z': 'application/x-7z-compressed',
  rar: 'application/vnd.rar',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
};

/** What kind of file a name says it is, from its extension; `application/octet-stream` if unknown. */
export function mediaTypeOf(name: string): string {
  return MEDIA_TYPES[extname(name).slice(1).toLowerCase()] ?? 'application/octet-stream';
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
// Characters Windows refuses in names, path separators, and control characters.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const MAX_NAME_BYTES = 200;

/**
 * A file name that is safe to create on Windows, macOS and Linux and cannot leave its folder:
 * the last path segment only, without characters Windows refuses, reserved device names or
 * trailing dots, short enough for every file system, and never empty. Names reach main from
 * records, so they are treated as untrusted.
 */
export function safeFileName(name: string): string {
  const lastSegment = name.split(/[/\\]/).pop() ?? '';
  let safe = lastSegment
    .replace(UNSAFE, '_')
    .trim()
    .replace(/[. ]+$/, '');
  if (safe === '' || /^\.+$/.test(safe)) safe = 'attachment';
  if (WINDOWS_RESERVED.test(safe)) safe = `_${safe}`;
  const extension = extname(safe);
  let stem = safe.slice(0, safe.length - extension.length);
  while (stem.length > 1 && Buffer.byteLength(stem + extension) > MAX_NAME_BYTES) {
    stem = Array.from(stem).slice(0, -1).join('');
  }
  return Buffer.byteLength(stem + extension) > MAX_NAME_BYTES ? 'attachment' : stem + extension;
}
