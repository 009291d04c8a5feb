/**
 * Why a file could not be read as a table at all. The UI words each code in its language with the
 * file's name, so the user learns which file and what is wrong with it, never a stack trace.
 */
export const IMPORT_FILE_ERROR_CODES = [
  'empty',
  'notText',
  'legacyXls',
  'xlsxDamaged',
  'noSheets',
  'jsonDamaged',
  'jsonNotSnapshot',
  'jsonNewerVersion',
  'noHeader',
  'noRows',
  'tooManyRows',
] as const;
export type ImportFileErrorCode = (typeof IMPORT_FILE_ERROR_CODES)[number];

/** A file the import cannot use; `params` fill the translated message (limits, counts). */
export class ImportFileError extends Error {
  constructor(
    readonly code: ImportFileErrorCode,
    message: string,
    readonly params: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}
