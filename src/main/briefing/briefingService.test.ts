import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PolicySettings } from '@shared/model/policy';
import type { FileDialogs } from '../files/fileDialogs';
import { PolicyGuard } from '../policy/policyGuard';
import { BriefingService, type PdfPrintOptions, type PrintToPdf } from './briefingService';
import { countPdfPages } from './pdfPages';

const OPTIONS: PdfPrintOptions = {
  headerTemplate: '<span>INTERNAL</span>',
  footerTemplate: '<span class="pageNumber"></span>',
  pageSize: 'A4',
  marginsMm: { top: 20, bottom: 20, left: 18, right: 18 },
};

/** A fake PDF with one page per `<p>` in the HTML, written the way Chromium writes page objects. */
const fakePdf = (html: string) => {
  const pages = (html.match(/<p>/g) ?? []).length;
  const objects = Array.from(
    { length: pages },
    (_, i) => `${i + 3} 0 obj\n<</Type /Page /Parent 2 0 R>>`,
  );
  return new TextEncoder().encode(
    `%PDF-1.4\n2 0 obj\n<</Type /Pages /Count ${pages}>>\n${objects.join('\n')}\n%%EOF`,
  );
};

const dialogsSaving = (path: string | null, asked: string[] = []): FileDialogs => ({
  chooseFileToOpen: () => Promise.resolve(null),
  chooseFileToSave: ({ title }) => {
    asked.push(title);
    return Promise.resolve(path);
  },
  chooseFolder: () => Promise.resolve(null),
});

/** The default policy: every export format allowed. */
const ANY_FORMAT = new PolicyGuard({});

describe('countPdfPages', () => {
  it('counts page objects, not the page tree', () => {
    expect(countPdfPages(fakePdf('<p><p><p>'))).toBe(3);
    expect(countPdfPages(new TextEncoder().encode('<</Type/Pages>> <</Type/Page>>'))).toBe(1);
  });
});

describe('BriefingService', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'briefing-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('numbers the contents from the pages each part takes alone', async () => {
    const printed: string[] = [];
    const printToPdf: PrintToPdf = (html) => {
      printed.push(html);
      return Promise.resolve(fakePdf(html));
    };
    const service = new BriefingService({
      dialogs: dialogsSaving(null),
      printToPdf,
      guard: ANY_FORMAT,
    });
    const result = await service.printPack({
      // Front: 2 pages (cover, contents); sections of 3, 1 and 2 pages.
      parts: ['<p><p>', '<p><p><p>', '<p>', '<p><p>'],
      html: 'A %%PAGE_0%% B %%PAGE_1%% C %%PAGE_2%% <p><p><p><p><p><p><p><p>',
      options: OPTIONS,
    });
    expect(result.sectionStarts).toEqual([3, 6, 7]);
    expect(printed.at(-1)).toContain('A 3 B 6 C 7');
    expect(result.pageCount).toBe(8);
  });

  it('asks where to save and writes the PDF there, adding .pdf to a bare name', async () => {
    const service = new BriefingService({
      dialogs: dialogsSaving(join(folder, 'IOM briefing')),
      printToPdf: (html) => Promise.resolve(fakePdf(html)),
      guard: ANY_FORMAT,
    });
    const saved = await service.savePdf({
      title: 'Save',
      defaultName: 'IOM briefing.pdf',
      filterName: 'PDF',
      parts: ['<p>', '<p>'],
      html: '<p><p>',
      options: OPTIONS,
    });
    expect(saved).toEqual({ name: 'IOM briefing.pdf', pageCount: 2 });
    expect(countPdfPages(await readFile(join(folder, 'IOM briefing.pdf')))).toBe(2);
  });

  it('prints nothing when the dialog is cancelled', async () => {
    let prints = 0;
    const service = new BriefingService({
      dialogs: dialogsSaving(null),
      printToPdf: (html) => {
        prints += 1;
        return Promise.resolve(fakePdf(html));
      },
      guard: ANY_FORMAT,
    });
    const saved = await service.savePdf({
      title: 'Save',
      defaultName: 'x.pdf',
      parts: ['<p>'],
      html: '<p>',
      options: OPTIONS,
    });
    expect(saved).toBeNull();
    expect(prints).toBe(0);
  });

  it.each<[string, PolicySettings]>([
    ['allows only Word', { allowedExportFormats: { value: ['docx'], isEnforced: true } }],
    ['cannot be read', { allowedExportFormats: { value: [], isEnforced: true } }],
  ])(
    'refuses a pack where the policy %s, before any dialog or printing',
    async (_label, settings) => {
      const asked: string[] = [];
      let prints = 0;
      const service = new BriefingService({
        dialogs: dialogsSaving(join(folder, 'pack.pdf'), asked),
        printToPdf: (html) => {
          prints += 1;
          return Promise.resolve(fakePdf(html));
        },
        guard: new PolicyGuard(settings),
      });
      await expect(
        service.savePdf({
          title: 'Save',
          defaultName: 'pack.pdf',
          parts: ['<p>'],
          html: '<p>',
          options: OPTIONS,
        }),
      ).rejects.toMatchObject({
        code: 'policy-forbids',
        details: { setting: 'allowedExportFormats', format: 'pdf' },
      });
      expect({ asked, prints }).toEqual({ asked: [], prints: 0 });
      expect(await readdir(folder)).toEqual([]);
    },
  );

  it('saves a pack as .pdf whatever name is typed, and never bytes that are not a PDF', async () => {
    const service = new BriefingService({
      dialogs: dialogsSaving(join(folder, 'pack.html')),
      printToPdf: () => Promise.resolve(new TextEncoder().encode('<html>not a pdf</html>')),
      guard: ANY_FORMAT,
    });
    await expect(
      service.savePdf({
        title: 'Save',
        defaultName: 'pack',
        parts: ['<p>'],
        html: '<p>',
        options: OPTIONS,
      }),
    ).rejects.toMatchObject({
      code: 'invalid-data',
      details: { fileName: 'pack.html.pdf', expected: 'pdf' },
    });
    expect(await readdir(folder)).toEqual([]);
  });
});
