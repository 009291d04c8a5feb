import type { BrowserWindow as ElectronBrowserWindow } from 'electron';
import type { PrintToPdf } from '../briefing/briefingService';
import type { PrintPages } from '../protocol/printPages';
import type { DevToolsRule } from '../security/policy';
import { printWindowOptions } from './printWindowOptions';

const MM_PER_INCH = 25.4;

/**
 * Chromium's printer for briefing packs: each page is loaded into a hidden window of its own that
 * is sandboxed, runs no JavaScript and shares the hardened session (no network), then printed with
 * the marking and page numbers in the header and footer, and closed.
 */
export function createElectronPrintToPdf({
  BrowserWindow,
  printPages,
  devTools,
}: {
  /** Electron's class, passed in so the startup wiring runs against a recording fake in tests. */
  BrowserWindow: typeof ElectronBrowserWindow;
  printPages: PrintPages;
  devTools: DevToolsRule;
}): PrintToPdf {
  return async (html, options) => {
    const window = new BrowserWindow(printWindowOptions(devTools));
    // Served by app:// under a one-time id (see PrintPages): no URL length limit, script-free CSP.
    const page = printPages.add(html);
    try {
      await window.loadURL(page.url);
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
      page.release();
      window.destroy();
    }
  };
}
