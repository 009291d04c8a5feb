import type { BriefingBlock, BriefingDocument, BriefingSection } from './briefingModel';

/**
 * Print HTML for a pack: cover, contents and one page-starting block per section, with its own CSS
 * and only system fonts that cover Azerbaijani (ə, ı) and Cyrillic, so nothing is fetched.
 * The PDF is printed from it by Chromium and the preview shows the same HTML in a sandboxed frame.
 */

/** Page geometry shared by every print of a pack, so a part printed alone paginates as in the whole. */
export const BRIEFING_PAGE = {
  format: 'A4',
  marginsMm: { top: 22, bottom: 22, left: 18, right: 18 },
} as const;

const FONT_STACK =
  '"Segoe UI", "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, "Droid Sans Fallback", sans-serif';

/** Stands for a section's first page in the contents until main has counted the pages. */
export const pageToken = (index: number) => `%%PAGE_${index}%%`;
export const PAGE_TOKEN_PATTERN = /%%PAGE_(\d+)%%/g;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // So no text from a record can pass for a page token.
  '%': '&#37;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'%]/g, (character) => ESCAPES[character] ?? character);
}

const CSS = `
@page { size: A4; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONT_STACK}; font-size: 10.5pt; line-height: 1.4; color: #111; }
h1 { font-size: 22pt; margin: 0 0 8pt; }
h2 { font-size: 15pt; margin: 0 0 10pt; padding-bottom: 3pt; border-bottom: 1.5pt solid #1f3b63; color: #1f3b63; }
h3 { font-size: 11.5pt; margin: 12pt 0 5pt; color: #1f3b63; break-after: avoid; }
p { margin: 0 0 6pt; }
ul { margin: 0 0 8pt; padding-left: 16pt; }
li { margin-bottom: 3pt; }
table { width: 100%; border-collapse: collapse; margin: 0 0 10pt; font-size: 9.5pt; }
th, td { border: 0.75pt solid #8a97a8; padding: 3pt 5pt; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #e4e9f0; font-weight: 600; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
table.fields th { width: 28%; background: #f1f3f6; }
.part { break-before: page; }
.part:first-child { break-before: auto; }
.cover { padding-top: 60mm; }
.cover .kicker { font-size: 13pt; text-transform: uppercase; letter-spacing: 1.5pt; color: #1f3b63; margin-bottom: 6pt; }
.cover table { margin-top: 24pt; width: 70%; font-size: 10.5pt; }
.cover .marking { display: inline-block; margin-top: 30pt; padding: 4pt 10pt; border: 1.5pt solid #8b1a1a; color: #8b1a1a; font-weight: 700; letter-spacing: 1pt; }
.cover .notice { margin-top: 14pt; font-style: italic; }
.toc ol { list-style: none; padding: 0; margin: 0; }
.toc li { display: flex; align-items: baseline; margin: 0 0 6pt; font-size: 11.5pt; }
.toc .entry { flex: none; }
.toc .leader { flex: 1; border-bottom: 1pt dotted #777; margin: 0 4pt; }
.toc .page { flex: none; min-width: 18pt; text-align: right; }
.preview-marking { display: none; }
@media screen {
  body { background: #e9ecef; padding: 12px 0; }
  .part { background: #fff; max-width: 174mm; margin: 0 auto 12px; padding: 16mm 14mm; box-shadow: 0 1px 3px rgba(0,0,0,.25); }
  .preview-marking { display: block; text-align: center; font-size: 9pt; font-weight: 700; letter-spacing: 1pt; color: #8b1a1a; margin: -10mm 0 8mm; }
}
`;

function renderBlock(block: BriefingBlock): string {
  switch (block.type) {
    case 'subheading':
      return `<h3>${escapeHtml(block.text)}</h3>`;
    case 'paragraph':
      return block.text
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '')
        .map((line) => `<p>${escapeHtml(line)}</p>`)
        .join('');
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'fields':
      return `<table class="fields"><tbody>${block.rows
        .map(
          (row) =>
            `<tr><th scope="row">${escapeHtml(row.label)}</th><td>${escapeHtml(row.value)}</td></tr>`,
        )
        .join('')}</tbody></table>`;
    case 'table':
      return `<table><thead><tr>${block.columns
        .map((column) => `<th scope="col">${escapeHtml(column)}</th>`)
        .join('')}</tr></thead><tbody>${block.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
  }
}

const markingLine = (doc: BriefingDocument) =>
  `<div class="preview-marking">${escapeHtml(doc.markingText)}</div>`;

function renderSection(doc: BriefingDocument, section: BriefingSection): string {
  return `<section class="part section" id="section-${section.id}">${markingLine(doc)}<h2>${escapeHtml(
    section.heading,
  )}</h2>${section.blocks.map(renderBlock).join('')}</section>`;
}

function renderFront(doc: BriefingDocument, pages: 'tokens' | 'none'): string {
  const cover = doc.cover
    ? `<section class="part cover">${markingLine(doc)}<div class="kicker">${escapeHtml(doc.heading)}</div><h1>${escapeHtml(
        doc.title,
      )}</h1><table class="fields"><tbody>${doc.cover
        .map(
          (row) =>
            `<tr><th scope="row">${escapeHtml(row.label)}</th><td>${escapeHtml(row.value)}</td></tr>`,
        )
        .join('')}</tbody></table><div class="marking">${escapeHtml(doc.markingText)}</div>${
        doc.notice ? `<p class="notice">${escapeHtml(doc.notice)}</p>` : ''
      }</section>`
    : '';
  const entries = doc.sections
    .map(
      (section, index) =>
        `<li><span class="entry">${escapeHtml(section.heading)}</span><span class="leader"></span><span class="page">${
          pages === 'tokens' ? pageToken(index) : ''
        }</span></li>`,
    )
    .join('');
  const toc = `<section class="part toc">${markingLine(doc)}<h2>${escapeHtml(
    doc.contentsHeading,
  )}</h2><ol>${entries}</ol></section>`;
  return cover + toc;
}

function page(doc: BriefingDocument, body: string): string {
  return `<!doctype html><html lang="${doc.language}"><head><meta charset="utf-8"><title>${escapeHtml(
    `${doc.heading}: ${doc.title}`,
  )}</title><style>${CSS}</style></head><body>${body}</body></html>`;
}

/**
 * The whole pack as one HTML page. With `pages: 'tokens'` the contents carry a page token per
 * section for main to fill in after counting pages; `'none'` leaves them blank (the preview).
 */
export function renderBriefingHtml(
  doc: BriefingDocument,
  { pages = 'none' }: { pages?: 'tokens' | 'none' } = {},
): string {
  return page(
    doc,
    renderFront(doc, pages) + doc.sections.map((section) => renderSection(doc, section)).join(''),
  );
}

/**
 * The pack cut into parts that each start on a new page, every part a page of its own with the
 * same CSS: the front (cover and contents), then one per section. Printed alone, each part takes
 * as many pages as it does inside the whole pack, which is how the contents learn page numbers.
 */
export function renderBriefingParts(doc: BriefingDocument): string[] {
  return [
    page(doc, renderFront(doc, 'tokens')),
    ...doc.sections.map((section) => page(doc, renderSection(doc, section))),
  ];
}

/** Header and footer for Chromium's printer: the marking on every page, and page numbers. */
export function briefingPageTemplates(doc: BriefingDocument): {
  headerTemplate: string;
  footerTemplate: string;
} {
  const style = `font-family: ${FONT_STACK.replace(/"/g, "'")}; font-size: 8pt; width: 100%; margin: 0 12mm; color: #333;`;
  const marking = `<span style="font-weight: 700; color: #8b1a1a;">${escapeHtml(
    doc.markingText,
  )}</span>`;
  return {
    headerTemplate: `<div style="${style} display: flex; justify-content: space-between;"><span>${escapeHtml(doc.title.slice(0, 120))}</span>${marking}</div>`,
    footerTemplate: `<div style="${style} display: flex; justify-content: space-between;">${marking}<span>${escapeHtml(
      doc.pageLabel,
    )} <span class="pageNumber"></span> ${escapeHtml(doc.ofLabel)} <span class="totalPages"></span></span></div>`,
  };
}
