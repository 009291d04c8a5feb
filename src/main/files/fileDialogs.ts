import { safeFileName } from './safeFileName';

/** A file type a dialog offers, e.g. { name: 'CSV', extensions: ['csv'] }. */
export type FileFilter = { name: string; extensions: string[] };

/**
 * The system's file dialogs, as the file services need them. Electron's live in
 * main/window/electronFileDialogs.ts; the browser tests script answers instead, so a dialog is
 * the only part of a file job they do not run for real.
 */
export type FileDialogs = {
  /** The path the user picked to read, or null when cancelled. */
  chooseFileToOpen: (options: { title: string; filters: FileFilter[] }) => Promise<string | null>;
  /** The path the user picked to write, or null when cancelled. */
  chooseFileToSave: (options: {
    title: string;
    defaultName: string;
    filters: FileFilter[];
  }) => Promise<string | null>;
  /** The folder the user picked (where backups go), or null when cancelled. */
  chooseFolder: (options: { title: string }) => Promise<string | null>;
};

/**
 * The dialogs with every suggested file name made safe first (safeFileName): names come from the
 * renderer, records and bundles, and a name with a bidirectional override or a path in it must not
 * reach the system's save dialog. Applied once, where the services get their dialogs.
 */
export function withSafeDefaultNames(dialogs: FileDialogs): FileDialogs {
  return {
    ...dialogs,
    chooseFileToSave: (options) =>
      dialogs.chooseFileToSave({
        ...options,
        defaultName: safeFileName(options.defaultName, 'file'),
      }),
  };
}
