import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildCsv, encodeCsv, type CsvSeparator } from './csv';
import type { ExportTable } from './exportTable';

const table = (headers: string[], rows: string[][]): ExportTable => ({
  headers,
  rows: rows.map((row) => row.map((text) => ({ text }))),
});

/** Parses with papaparse, an independent reader, the way an import would. */
function parse(text: string, separator: CsvSeparator): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter: separator, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('buildCsv', () => {
  it('quotes fields with separators, quotes and line breaks, and ends lines with CRLF', () => {
    const csv = buildCsv(
      table(
        ['Title', 'Place'],
        [
          ['Session, 107th', 'Geneva'],
          ['The "Almaty" Process', 'line one\nline two'],
          ['plain', ''],
        ],
      ),
      ',',
    );
    expect(csv).toBe(
      'Title,Place\r\n' +
        '"Session, 107th",Geneva\r\n' +
        '"The ""Almaty"" Process","line one\nline two"\r\n' +
        'plain,\r\n',
    );
  });

  it('separates with semicolons for Excel in az and ru, quoting semicolons and not commas', () => {
    const csv = buildCsv(table(['Ad', 'Yer'], [['Bakı, Azərbaycan', 'a;b']]), ';');
    expect(csv).toBe('Ad;Yer\r\nBakı, Azərbaycan;"a;b"\r\n');
  });

  it('keeps cells a spreadsheet would run as formulas as text', () => {
    const csv = buildCsv(table(['A'], [['=HYPERLINK("x")'], ['+1'], ['@SUM(A1)'], ['-2']]), ',');
    expect(parse(csv, ',').slice(1)).toEqual([
      ['\'=HYPERLINK("x")'],
      ["'+1"],
      ["'@SUM(A1)"],
      ["'-2"],
    ]);
  });

  it('round-trips any text through an independent parser, in both variants', () => {
    // Formula characters are left out: those cells are changed on purpose (see above).
    const cellText = fc.string({ unit: 'grapheme', maxLength: 20 }).filter((text) => {
      return !/^[=+\-@\t\r]/.test(text) && text.trim() !== '';
    });
    fc.assert(
      fc.property(
        fc.constantFrom<CsvSeparator>(',', ';'),
        fc.array(fc.array(cellText, { minLength: 3, maxLength: 3 }), { maxLength: 8 }),
        (separator, rows) => {
          const headers = ['Ad', 'Название', 'Place'];
          const parsed = parse(buildCsv(table(headers, rows), separator), separator);
          expect(parsed).toEqual([headers, ...rows]);
        },
      ),
    );
  });
});

describe('encodeCsv', () => {
  it('writes UTF-8 with a byte-order mark so Excel reads ə and я', () => {
    const bytes = encodeCsv('Ad\r\nNəbiyev Набиев\r\n');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(
      '\uFEFFAd\r\nNəbiyev Набиев\r\n',
    );
  });
});
