import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { INTL_LOCALE } from '../i18n/locales';
import type { BriefingBlock, BriefingDocument } from './briefingModel';

/**
 * The pack as a Word document officers can edit: real Title/Heading styles (so Word's navigation
 * pane and its own table of contents work), real tables with a repeating header row, and the
 * marking in the header and footer of every page beside "Page X of Y" fields. Built from the same
 * model as the PDF, in the renderer (docx is loaded only when a pack is saved).
 */

const FONT = 'Calibri';
const ACCENT = '1F3B63';
const MARK = '8B1A1A';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '8A97A8' } as const;
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
};

const cell = (text: string, isHeader = false) =>
  new TableCell({
    children: text
      .split(/\r?\n/)
      .map((line) => new Paragraph({ text: line, ...(isHeader ? { style: 'TableHeading' } : {}) })),
    ...(isHeader ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E4E9F0' } } : {}),
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });

function fieldsTable(rows: { label: string; value: string }[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [2600, 6400],
    borders: BORDERS,
    rows: rows.map(
      (row) =>
        new TableRow({ cantSplit: true, children: [cell(row.label, true), cell(row.value)] }),
    ),
  });
}

function dataTable(columns: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((column) => cell(column, true)),
      }),
      ...rows.map(
        (row) => new TableRow({ cantSplit: true, children: row.map((value) => cell(value)) }),
      ),
    ],
  });
}

const spacer = () => new Paragraph({ spacing: { after: 120 }, children: [] });

function blockContent(block: BriefingBlock): (Paragraph | Table)[] {
  switch (block.type) {
    case 'subheading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, text: block.text })];
    case 'paragraph':
      return block.text
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '')
        .map((line) => new Paragraph({ text: line }));
    case 'list':
      return block.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }));
    case 'fields':
      return [fieldsTable(block.rows), spacer()];
    case 'table':
      return [dataTable(block.columns, block.rows), spacer()];
  }
}

const markingRun = (doc: BriefingDocument) =>
  new TextRun({ text: doc.markingText, style: 'Marking' });

/** The pack as .docx bytes. */
export async function renderBriefingDocx(doc: BriefingDocument): Promise<Uint8Array<ArrayBuffer>> {
  const cover: (Paragraph | Table)[] = doc.cover
    ? [
        new Paragraph({
          spacing: { before: 2400, after: 120 },
          children: [
            new TextRun({
              text: doc.heading.toLocaleUpperCase(INTL_LOCALE[doc.language]),
              color: ACCENT,
              size: 26,
            }),
          ],
        }),
        new Paragraph({ heading: HeadingLevel.TITLE, text: doc.title }),
        fieldsTable(doc.cover),
        new Paragraph({ spacing: { before: 360 }, children: [markingRun(doc)] }),
        ...(doc.notice ? [new Paragraph({ text: doc.notice, style: 'Notice' })] : []),
      ]
    : [];
  const body = doc.sections.flatMap((section, index) => [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      text: section.heading,
      pageBreakBefore: index > 0 || cover.length > 0,
    }),
    ...section.blocks.flatMap(blockContent),
  ]);
  const document = new Document({
    creator: 'Cooperation Registry',
    title: `${doc.heading}: ${doc.title}`,
    description: doc.markingText,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 21, language: { value: INTL_LOCALE[doc.language] } },
          paragraph: { spacing: { after: 80 } },
        },
        title: { run: { font: FONT, size: 44, bold: true, color: '111111' } },
        heading1: {
          run: { font: FONT, size: 30, bold: true, color: ACCENT },
          paragraph: { spacing: { after: 200 } },
        },
        heading2: {
          run: { font: FONT, size: 23, bold: true, color: ACCENT },
          paragraph: { spacing: { before: 240, after: 100 }, keepNext: true },
        },
      },
      paragraphStyles: [
        {
          id: 'TableHeading',
          name: 'Table Heading',
          basedOn: 'Normal',
          quickFormat: true,
          run: { bold: true },
        },
        { id: 'Notice', name: 'Notice', basedOn: 'Normal', run: { italics: true } },
      ],
      characterStyles: [{ id: 'Marking', name: 'Marking', run: { bold: true, color: MARK } }],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1250, bottom: 1250, left: 1020, right: 1020, header: 560, footer: 560 },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: `${doc.title}  ·  `, size: 16 }), markingRun(doc)],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  markingRun(doc),
                  new TextRun({
                    size: 16,
                    children: [
                      `  ·  ${doc.pageLabel} `,
                      PageNumber.CURRENT,
                      ` ${doc.ofLabel} `,
                      PageNumber.TOTAL_PAGES,
                    ],
                  }),
                ],
              }),
            ],
          }),
        },
        children: [...cover, ...body],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
