import { basename } from 'node:path';
import { AppError } from '../ipc/AppError';
import { writeFileAtomic } from '../fs/atomicWrite';
import type { FileDialogs } from '../files/fileDialogs';
import { describeFileError } from '../files/fileErrors';
import { saveDialogFilter, withFormatExtension } from '../files/fileService';
import { requireFormat } from '../files/requireFormat';
import type { PolicyGuard } from '../policy/policyGuard';
import { countPdfPages } from './pdfPages';

/** What Chromium's printer needs besides the HTML; the same for every part of one pack. */
export type PdfPrintOptions = {
  headerTemplate: string;
  footerTemplate: string;
  pageSize: 'A4';
  marginsMm: { top: number; bottom: number; left: number; right: number };
};

/**
 * Prints an HTML page to PDF bytes: Electron's webContents.printToPDF in a hidden, sandboxed window
 * with JavaScript off in the app, Chromium's page.pdf() in the browser tests.
 */
export type PrintToPdf = (html: string, options: PdfPrintOptions) => Promise<Uint8Array>;

export type BriefingServiceDeps = {
  dialogs: FileDialogs;
  printToPdf: PrintToPdf;
  /** The machine policy: a pack is a PDF export, refused where PDF exports are not allowed. */
  guard: PolicyGuard;
};

export type SavePdfRequest = {
  title: string;
  defaultName: string;
  /** The dialog's name for PDF files, in the UI language. */
  filterName?: string;
  /** The whole pack; its contents hold one page token (%%PAGE_n%%) per section. */
  html: string;
  /** The front (cover and contents) and then each section, each printable alone. */
  parts: string[];
  options: PdfPrintOptions;
};

const PAGE_TOKEN = /%%PAGE_(\d+)%%/g;

/**
 * Prints briefing packs to PDF and saves them where the user chooses. The contents page gets true
 * page numbers by printing every part alone first: each part starts on a new page with the same
 * page size, margins and CSS, so it takes as many pages alone as inside the whole pack.
 */
export class BriefingService {
  constructor(private readonly deps: BriefingServiceDeps) {}

  /** The pack with its contents numbered: the PDF bytes and how many pages it has. */
  async printPack(
    request: Pick<SavePdfRequest, 'html' | 'parts' | 'options'>,
  ): Promise<{ bytes: Uint8Array; pageCount: number; sectionStarts: number[] }> {
    // The parts are independent pages: printing them side by side uses both cores.
    const partPages = await Promise.all(
      request.parts.map(async (part) =>
        countPdfPages(await this.deps.printToPdf(part, request.options)),
      ),
    );
    // Page numbers as the footer prints them: the front's first page is page 1.
    const sectionStarts: number[] = [];
    let next = 1 + (partPages[0] ?? 0);
    for (const pages of partPages.slice(1)) {
      sectionStarts.push(next);
      next += pages;
    }
    const html = request.html.replace(PAGE_TOKEN, (token, index: string) => {
      const page = sectionStarts[Number(index)];
      return page === undefined ? token : String(page);
    });
    const bytes = await this.deps.printToPdf(html, request.options);
    return { bytes, pageCount: countPdfPages(bytes), sectionStarts };
  }

  /**
   * Asks where to save, prints the pack and writes it atomically as a .pdf; null when the dialog
   * was cancelled. Refused with `policy-forbids` before any dialog where the policy does not allow
   * PDF exports. Failures: `disk-full`, `no-permission`, `file-locked`, `io-error`.
   */
  async savePdf(request: SavePdfRequest): Promise<{ name: string; pageCount: number } | null> {
    this.deps.guard.requireExportFormat('pdf');
    const chosen = await this.deps.dialogs.chooseFileToSave({
      title: request.title,
      defaultName: withFormatExtension(request.defaultName, 'pdf'),
      filters: [saveDialogFilter('pdf', request.filterName)],
    });
    if (chosen === null) return null;
    const path = withFormatExtension(chosen, 'pdf');
    const name = basename(path);
    let printed: { bytes: Uint8Array; pageCount: number };
    try {
      printed = await this.printPack(request);
    } catch (error) {
      throw new AppError('io-error', `The briefing pack could not be printed: ${String(error)}`, {
        cause: error,
        details: { fileName: name },
      });
    }
    await requireFormat('pdf', printed.bytes, name);
    try {
      await writeFileAtomic(path, printed.bytes);
    } catch (error) {
      throw describeFileError(error, name, 'write');
    }
    return { name, pageCount: printed.pageCount };
  }
}
