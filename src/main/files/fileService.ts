import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { readBundleHeader } from '@shared/exchange/bundle';
import { BundleError } from '@shared/exchange/bundleFormat';
import type { OpenPurpose, SaveFormat } from '@shared/ipc/contract';
import { AppError } from '../ipc/AppError';
import { writeFileAtomic } from '../fs/atomicWrite';
import type { PolicyGuard } from '../policy/policyGuard';
import { describeFileError } from './fileErrors';
import type { FileDialogs, FileFilter } from './fileDialogs';
import { isBundle, requireFormat } from './requireFormat';
import { safeFileName } from './safeFileName';

export type FileServiceDeps = {
  dialogs: FileDialogs;
  /** The machine policy's security settings: export formats and unencrypted bundles. */
  guard: PolicyGuard;
  /** How saved bytes reach the disk; tests pass a writer that fails as a full disk would. */
  writeFile?: (path: string, bytes: Uint8Array) => Promise<void>;
};

/** A file the user picked, read whole: its name and bytes (the path stays in main). */
export type OpenedFile = { name: string; size: number; bytes: Uint8Array<ArrayBuffer> };

const formatMegabytes = (bytes: number) => `${Math.round((bytes / 1_048_576) * 10) / 10} MB`;

/** The name a save dialog shows for a format when the renderer gives none. */
const FORMAT_NAMES: Record<SaveFormat, string> = {
  csv: 'CSV',
  xlsx: 'Excel workbook',
  json: 'JSON',
  ics: 'Calendar',
  vcf: 'Contacts (vCard)',
  pdf: 'PDF',
  docx: 'Word document',
  coopx: 'Exchange bundle',
};

/** The one file type a save dialog offers for `format`: its extension is main's to decide. */
export function saveDialogFilter(format: SaveFormat, name?: string): FileFilter {
  return { name: name ?? FORMAT_NAMES[format], extensions: [format] };
}

/**
 * `path` ending in the format's extension (every save format is its own extension): kept when it
 * does, with `.csv` added when it ends otherwise, so "report.exe" is saved as "report.exe.csv".
 */
export function withFormatExtension(path: string, format: SaveFormat): string {
  return extname(path).toLowerCase() === `.${format}` ? path : `${path}.${format}`;
}

/**
 * Reading and writing files the user chooses. Main owns every file: the renderer gets bytes to
 * parse and hands bytes to write, and never a path it could reuse. What the policy forbids and
 * bytes that are not what they claim are refused here, not only hidden in the renderer.
 */
export class FileService {
  constructor(private readonly deps: FileServiceDeps) {}

  /**
   * Asks for a file and reads it, refusing one larger than `maxBytes` before reading it, so an
   * accidental 4 GB pick fails at once with a message instead of exhausting memory. An exchange
   * bundle is checked whatever the purpose says, so naming it an import does not get an
   * unencrypted bundle past the policy; a `bundle` must be one.
   */
  async open(options: {
    title: string;
    filters: FileFilter[];
    maxBytes: number;
    purpose: OpenPurpose;
  }): Promise<OpenedFile | null> {
    const path = await this.deps.dialogs.chooseFileToOpen(options);
    if (path === null) return null;
    const name = basename(path);
    try {
      const tooLarge = (size: number) => {
        const details = {
          fileName: name,
          size: formatMegabytes(size),
          limit: formatMegabytes(options.maxBytes),
        };
        return new AppError(
          'too-large',
          `“${name}” is ${details.size}; files up to ${details.limit} can be opened.`,
          { details },
        );
      };
      // The size is checked on the file actually read, and the read stops one byte past the
      // limit: a file that grows, is swapped after the check, or reports no size (a pipe, a
      // device) is never read beyond what the contract allows.
      const handle = await open(path, 'r');
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        const { size } = await handle.stat();
        if (size > options.maxBytes) throw tooLarge(size);
        // Read into a buffer of the reported size; when it is full, one byte more tells a file
        // that ends there from one that grew (or reported no size), which grows the buffer.
        const limit = options.maxBytes + 1;
        let buffer = new Uint8Array(size);
        let length = 0;
        const probe = new Uint8Array(1);
        for (;;) {
          if (length < buffer.length) {
            const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
            if (bytesRead === 0) break;
            length += bytesRead;
            continue;
          }
          const { bytesRead } = await handle.read(probe, 0, 1, null);
          if (bytesRead === 0) break;
          if (length + 1 >= limit) throw tooLarge(length + 1);
          const grown = new Uint8Array(Math.min(Math.max(length * 2, 64 * 1024), limit));
          grown.set(buffer);
          grown[length] = probe[0] ?? 0;
          buffer = grown;
          length += 1;
        }
        // Exactly the file's bytes: IPC carries a view's whole buffer, not just the view.
        bytes = length === buffer.length ? buffer : buffer.slice(0, length);
      } finally {
        await handle.close();
      }
      if (options.purpose === 'bundle' || isBundle(bytes)) {
        this.requireAcceptedBundle(bytes, name, 'file:open');
      }
      return { name, size: bytes.byteLength, bytes };
    } catch (error) {
      throw describeFileError(error, name, 'read');
    }
  }

  /**
   * Writes the bytes as a file of `format` where the user chooses, atomically: a failed write
   * leaves any file already there as it was. A format the policy forbids, an unencrypted bundle it
   * does not allow and bytes that are not `format` are refused before any dialog opens.
   */
  async save(options: {
    title: string;
    defaultName: string;
    format: SaveFormat;
    filterName?: string;
    bytes: Uint8Array;
  }): Promise<{ name: string } | null> {
    const { format, bytes } = options;
    const defaultName = withFormatExtension(options.defaultName, format);
    const shownName = safeFileName(defaultName, 'file');
    if (format === 'coopx') this.requireAcceptedBundle(bytes, shownName, 'file:save');
    else {
      this.deps.guard.requireExportFormat(format);
      await requireFormat(format, bytes, shownName);
    }
    const chosen = await this.deps.dialogs.chooseFileToSave({
      title: options.title,
      defaultName,
      filters: [saveDialogFilter(format, options.filterName)],
    });
    if (chosen === null) return null;
    const path = withFormatExtension(chosen, format);
    const name = basename(path);
    try {
      await (this.deps.writeFile ?? writeFileAtomic)(path, bytes);
    } catch (error) {
      throw describeFileError(error, name, 'write');
    }
    return { name };
  }

  /**
   * Refuses bytes that are not an exchange bundle (`invalid-data`, naming what is wrong with its
   * header) and an unencrypted one the policy does not allow (`policy-forbids`).
   */
  private requireAcceptedBundle(bytes: Uint8Array, fileName: string, action: string): void {
    let isEncrypted: boolean;
    try {
      isEncrypted = readBundleHeader(bytes).header.encryption !== null;
    } catch (error) {
      const problem = error instanceof BundleError ? error.problem : 'damaged';
      throw new AppError(
        'invalid-data',
        `“${fileName}” is not an exchange bundle this app can read: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error, details: { fileName, expected: 'coopx', bundleProblem: problem } },
      );
    }
    if (!isEncrypted) this.deps.guard.requireUnencryptedBundlesAllowed(action, fileName);
  }
}
