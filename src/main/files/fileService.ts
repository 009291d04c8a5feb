import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { AppError } from '../ipc/AppError';
import { writeFileAtomic } from '../fs/atomicWrite';
import { describeFileError } from './fileErrors';
import type { FileDialogs, FileFilter } from './fileDialogs';

export type FileServiceDeps = {
  dialogs: FileDialogs;
  /** How saved bytes reach the disk; tests pass a writer that fails as a full disk would. */
  writeFile?: (path: string, bytes: Uint8Array) => Promise<void>;
};

/** A file the user picked, read whole: its name and bytes (the path stays in main). */
export type OpenedFile = { name: string; size: number; bytes: Uint8Array<ArrayBuffer> };

const formatMegabytes = (bytes: number) => `${Math.round((bytes / 1_048_576) * 10) / 10} MB`;

/**
 * Reading and writing files the user chooses. Main owns every file: the renderer gets bytes to
 * parse and hands bytes to write, and never a path it could reuse.
 */
export class FileService {
  constructor(private readonly deps: FileServiceDeps) {}

  /**
   * Asks for a file and reads it, refusing one larger than `maxBytes` before reading it, so an
   * accidental 4 GB pick fails at once with a message instead of exhausting memory.
   */
  async open(options: {
    title: string;
    filters: FileFilter[];
    maxBytes: number;
  }): Promise<OpenedFile | null> {
    const path = await this.deps.dialogs.chooseFileToOpen(options);
    if (path === null) return null;
    const name = basename(path);
    try {
      const { size } = await stat(path);
      if (size > options.maxBytes) {
        const details = {
          fileName: name,
          size: formatMegabytes(size),
          limit: formatMegabytes(options.maxBytes),
        };
        throw new AppError(
          'too-large',
          `“${name}” is ${details.size}; files up to ${details.limit} can be opened.`,
          { details },
        );
      }
      const handle = await open(path, 'r');
      try {
        const bytes = new Uint8Array(await handle.readFile());
        return { name, size: bytes.byteLength, bytes };
      } finally {
        await handle.close();
      }
    } catch (error) {
      throw describeFileError(error, name, 'read');
    }
  }

  /**
   * Asks where to save and writes the bytes atomically: a failed write leaves any file already
   * there as it was. The chosen name gets the first filter's extension when it has none.
   */
  async save(options: {
    title: string;
    defaultName: string;
    filters: FileFilter[];
    bytes: Uint8Array;
  }): Promise<{ name: string } | null> {
    const chosen = await this.deps.dialogs.chooseFileToSave(options);
    if (chosen === null) return null;
    const extension = options.filters[0]?.extensions[0];
    const path = extname(chosen) === '' && extension ? `${chosen}.${extension}` : chosen;
    const name = basename(path);
    try {
      await (this.deps.writeFile ?? writeFileAtomic)(path, options.bytes);
    } catch (error) {
      throw describeFileError(error, name, 'write');
    }
    return { name };
  }
}
