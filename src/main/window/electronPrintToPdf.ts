import { BrowserWindow } from 'electron';
import type { PrintToPdf } from '../briefing/briefingService';
import { printPageUrl, printWindowOptions } from './printWindowOptions';

const MM_PER_INCH = 25.4;

/**
 * Chromium's printer for briefing packs: each page is loaded into a hidden window of its own that
 * is sandboxed, runs no JavaScript and shares the hardened session (no network), then printed with
 * the marking and page numbers in the header and footer, and closed.
 */
export function createElectronPrintToPdf(): PrintToPdf {
  return async (html, options) => {
    const window = new BrowserWindow(printWindowOptions());
    try {
      // A data: URL, which the hardened session allows; base64 keeps any text byte-exact.
      await window.loadURL(printPageUrl(html));
      const { top, bottom, left, right } = options.marginsMm;
      const data = await window.webContents.printToPDF({
        pageSize: options.pageSize,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: options.headerTemplate,
        footerTemplate: options.footerTemplate,
        margins: {
          top: top / MM_PER_INCH,
          bottom: bottom / MM_PER_INCH,
          left: left / MM_PER_INCH,
          right: right / MM_PER_INCH,
        },
      });
      return new Uint8Array(data);
    } finally {
      window.destroy();
    }
  };
}
