import { randomUUID } from 'node:crypto';
import { APP_HOST, APP_SCHEME } from '../security/appOrigin';

/** Where print pages are served: app://registry/print/<random id>. */
const PRINT_PATH = /^\/print\/([0-9a-f-]{36})$/;

/**
 * The CSP of a print page: the pack's own inline styles and embedded images, nothing else at all.
 * No script source exists, so even a page that somehow carried a script could not run it (the
 * print window also runs no JavaScript).
 */
export const PRINT_PAGE_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Briefing packs waiting to be printed, served by the app:// handler while their print window
 * loads them. A data: URL would do for small packs, but Chromium refuses URLs over 2 MB, and a
 * country's pack can be larger. Each page lives only until its print window has loaded it, under
 * an unguessable id.
 */
export class PrintPages {
  private readonly pages = new Map<string, string>();

  /** Holds `html` until `release` is called; `url` is what the print window loads. */
  add(html: string): { url: string; release: () => void } {
    const id = randomUUID();
    this.pages.set(id, html);
    return {
      url: `${APP_SCHEME}://${APP_HOST}/print/${id}`,
      release: () => this.pages.delete(id),
    };
  }

  /** The page an app:// path names: its HTML, null for an unknown id, undefined for no print path. */
  lookup(pathname: string): string | null | undefined {
    const match = PRINT_PATH.exec(pathname);
    if (!match) return pathname.startsWith('/print/') ? null : undefined;
    return this.pages.get(match[1] ?? '') ?? null;
  }
}
