import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import type { ExportTable } from './exportTable';
import { buildXlsx, XLSX_DATE_FORMATS, xlsxSheetName, type XlsxOptions } from './xlsx';

const options: XlsxOptions = {
  sheetName: 'Layihələr',
  dateFormat: XLSX_DATE_FORMATS.az.date,
  dateTimeFormat: XLSX_DATE_FORMATS.az.dateTime,
};

const table: ExportTable = {
  headers: ['Ad', 'Büdcə', 'Başlanğıc', 'Название', 'Dəyişdirilib'],
  rows: [
    [
      { text: 'Könüllü qayıdış' },
      {
        text: '€120,000.50',
        value: { type: 'number', value: 120_000.5, numberFormat: '#,##0.00' },
      },
      { text: '5 dekabr 2016', value: { type: 'date', date: '2016-12-05' } },
      { text: 'Совет МОМ' },
      { text: '27 noyabr 2026 14:03', value: { type: 'dateTime', local: '2026-11-27T14:03:00' } },
    ],
    [
      { text: 'İŞ: Ə, ı; "quotes"\nsecond line' },
      { text: '' },
      // Known to the year or the month only: kept as the list shows it, never 1 January.
      { text: '2014', value: { type: 'date', date: '2014' } },
      { text: 'март 2017 г.', value: { type: 'date', date: '2017-03' } },
      { text: '' },
    ],
  ],
};

async function readBack(bytes: Uint8Array) {
  // read-excel-file, an independent reader, not the library that wrote the file.
  const sheets = await readXlsxFile(Buffer.from(bytes));
  expect(sheets).toHaveLength(1);
  return sheets[0]!;
}

describe('buildXlsx', () => {
  it('writes headers, text in any script, real numbers and dates, partial dates as text', async () => {
    const sheet = await readBack(await buildXlsx(table, options));
    expect(sheet.sheet).toBe('Layihələr');
    expect(sheet.data).toEqual([
      ['Ad', 'Büdcə', 'Başlanğıc', 'Название', 'Dəyişdirilib'],
      [
        'Könüllü qayıdış',
        120_000.5,
        new Date(Date.UTC(2016, 11, 5)),
        'Совет МОМ',
        new Date(Date.UTC(2026, 10, 27, 14, 3)),
      ],
      ['İŞ: Ə, ı; "quotes"\nsecond line', null, '2014', 'март 2017 г.', null],
    ]);
  });

  it('makes the header row bold and frozen and sizes columns to their content', async () => {
    const files = unzipSync(await buildXlsx(table, options));
    const sheetXml = strFromU8(files['xl/worksheets/sheet1.xml']!);
    const stylesXml = strFromU8(files['xl/styles.xml']!);
    expect(sheetXml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    // The header cells use a style whose font is bold.
    const headerStyle = /<c r="A1" s="(\d+)"/.exec(sheetXml)?.[1];
    const xfs = [...stylesXml.matchAll(/<xf [^>]*>/g)].map((match) => match[0]);
    const fontId = /fontId="(\d+)"/.exec(xfs[Number(headerStyle)] ?? '')?.[1];
    const fonts = [...stylesXml.matchAll(/<font>.*?<\/font>/g)].map((match) => match[0]);
    expect(fonts[Number(fontId)]).toContain('<b/>');
    // Body cells are not bold.
    const bodyStyle = /<c r="A2"(?: s="(\d+)")?/.exec(sheetXml)?.[1];
    const bodyFont = /fontId="(\d+)"/.exec(xfs[Number(bodyStyle ?? 0)] ?? '')?.[1] ?? '0';
    expect(fonts[Number(bodyFont)]).not.toContain('<b/>');
    const widths = [...sheetXml.matchAll(/<col [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    // Longest line + 2: 'İŞ: Ə, ı; "quotes"' (18), '€120,000.50' (11); dates a fixed width.
    expect(widths).toEqual([20, 13, 14, 14, 20]);
  });

  it('writes an empty list as its header row', async () => {
    const sheet = await readBack(await buildXlsx({ headers: ['Title'], rows: [] }, options));
    expect(sheet.data).toEqual([['Title']]);
  });
});

describe('xlsxSheetName', () => {
  it('keeps names Excel accepts: at most 31 characters, none of \\ / ? * : [ ]', () => {
    expect(xlsxSheetName('Встречи и визиты')).toBe('Встречи и визиты');
    expect(xlsxSheetName('Q1/Q2: [draft]')).toBe('Q1 Q2   draft');
    expect(xlsxSheetName('x'.repeat(40))).toHaveLength(31);
    expect(xlsxSheetName(' ? ')).toBe('Sheet1');
  });
});
