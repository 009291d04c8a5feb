import type { Browser } from '@playwright/test';
import type { PrintToPdf } from '../../../src/main/briefing/briefingService';

/**
 * The browser tests' stand-in for Electron's printToPDF: the same Chromium engine printing the
 * same HTML with the same header, footer, page size and margins, through page.pdf() in a context
 * with JavaScript off and no network, like the app's hidden print window.
 */
export function createPlaywrightPrintToPdf(browser: Browser): PrintToPdf {
  return async (html, options) => {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const { top, bottom, left, right } = options.marginsMm;
      const pdf = await page.pdf({
        format: options.pageSize,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: options.headerTemplate,
        footerTemplate: options.footerTemplate,
        margin: { top: `${top}mm`, bottom: `${bottom}mm`, left: `${left}mm`, right: `${right}mm` },
      });
      return new Uint8Array(pdf);
    } finally {
      await context.close();
    }
  };
}
