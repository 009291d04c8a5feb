import * as z from 'zod';

/**
 * What a stored file really is. Main decides it from the file's bytes (and, for plain text, which
 * carries no signature, from its extension); never from the name or media type a record carries,
 * since records arrive from other laptops in bundles and backups.
 */
export const FILE_TYPES = [
  // Documents and pictures the system viewer may show.
  'pdf',
  'docx',
  'doc',
  'xlsx',
  'xls',
  'pptx',
  'odt',
  'ods',
  'rtf',
  'txt',
  'csv',
  'eml',
  'msg',
  'jpeg',
  'png',
  'gif',
  'tiff',
  // Harmless, but not among the types the app opens.
  'ppt',
  'odp',
  'unknown-document',
  'zip',
  'binary',
  'empty',
  // Files that run code when the system opens them.
  'windows-program',
  'linux-program',
  'mac-program',
  'script',
  'windows-shortcut',
  'internet-shortcut',
  'desktop-launcher',
  'html',
  'svg',
  'macro-document',
  'windows-installer',
] as const;

export const fileTypeSchema = z.enum(FILE_TYPES);
export type FileType = z.infer<typeof fileTypeSchema>;

/**
 * What the app does with a type: `open` shows it in the system viewer, `runs-code` and
 * `not-supported` never reach the operating system (only "Save a copy" is offered).
 */
export type FileTypeHandling = 'open' | 'not-supported' | 'runs-code';

type FileTypeInfo = {
  handling: FileTypeHandling;
  /** The extensions a file of this type may carry to be opened; the first one is canonical. */
  extensions: readonly string[];
  /** Recorded on the document when a file is attached. */
  mediaType: string;
};

const opens = (mediaType: string, ...extensions: string[]): FileTypeInfo => ({
  handling: 'open',
  extensions,
  mediaType,
});
const notSupported = (mediaType: string): FileTypeInfo => ({
  handling: 'not-supported',
  extensions: [],
  mediaType,
});
const runsCode = (mediaType: string): FileTypeInfo => ({
  handling: 'runs-code',
  extensions: [],
  mediaType,
});

const BYTES = 'application/octet-stream';

/**
 * The allow-list: only the types marked `opens` ever reach the system viewer, and only under one of
 * their extensions. No macro-enabled Office formats, slideshows, web pages or SVG.
 */
export const FILE_TYPE_INFO: Readonly<Record<FileType, FileTypeInfo>> = {
  pdf: opens('application/pdf', 'pdf'),
  docx: opens('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'),
  doc: opens('application/msword', 'doc'),
  xlsx: opens('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'),
  xls: opens('application/vnd.ms-excel', 'xls'),
  pptx: opens('application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx'),
  odt: opens('application/vnd.oasis.opendocument.text', 'odt'),
  ods: opens('application/vnd.oasis.opendocument.spreadsheet', 'ods'),
  rtf: opens('application/rtf', 'rtf'),
  txt: opens('text/plain', 'txt'),
  csv: opens('text/csv', 'csv'),
  eml: opens('message/rfc822', 'eml'),
  msg: opens('application/vnd.ms-outlook', 'msg'),
  jpeg: opens('image/jpeg', 'jpg', 'jpeg'),
  png: opens('image/png', 'png'),
  gif: opens('image/gif', 'gif'),
  tiff: opens('image/tiff', 'tif', 'tiff'),
  ppt: notSupported('application/vnd.ms-powerpoint'),
  odp: notSupported('application/vnd.oasis.opendocument.presentation'),
  'unknown-document': notSupported(BYTES),
  zip: notSupported('application/zip'),
  binary: notSupported(BYTES),
  empty: notSupported(BYTES),
  'windows-program': runsCode('application/vnd.microsoft.portable-executable'),
  'linux-program': runsCode('application/x-executable'),
  'mac-program': runsCode('application/x-mach-binary'),
  script: runsCode(BYTES),
  'windows-shortcut': runsCode('application/x-ms-shortcut'),
  'internet-shortcut': runsCode('application/x-mswinurl'),
  'desktop-launcher': runsCode('application/x-desktop'),
  html: runsCode('text/html'),
  svg: runsCode('image/svg+xml'),
  'macro-document': runsCode(BYTES),
  'windows-installer': runsCode('application/x-msi'),
};

/**
 * Why a file is not shown in the system viewer: its content runs code; its name is made to look
 * like another type (invisible direction characters, or a document extension followed by an
 * executable one); its type is not on the allow-list; or its name's extension is not its type's.
 */
export const openRefusalSchema = z.enum([
  'runs-code',
  'disguised-name',
  'not-supported',
  'mismatch',
]);
export type OpenRefusal = z.infer<typeof openRefusalSchema>;

/** What main found a stored file to be, and whether `attachment:open` will show it. */
export const attachmentVerdictSchema = z.discriminatedUnion('canOpen', [
  z.object({ canOpen: z.literal(true), type: fileTypeSchema }),
  z.object({ canOpen: z.literal(false), type: fileTypeSchema, reason: openRefusalSchema }),
]);
export type AttachmentVerdict = z.infer<typeof attachmentVerdictSchema>;
