import fc from 'fast-check';
import writeExcelFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import sample from '../../../resources/sample-registry.json';
import { ImportFileError } from './importFileError';
import { readImportFile } from './readImportFile';
import { validateSnapshot } from './readSnapshot';
import { encodeUtf16, encodeUtf8Bom, encodeWindows1251 } from './testing/encode';

async function expectRefusal(bytes: Uint8Array, code: string) {
  const error: unknown = await readImportFile('file', bytes).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ImportFileError);
  expect((error as ImportFileError).code).toBe(code);
}

describe('readImportFile: CSV', () => {
  it('reads a semicolon-separated UTF-8 CSV with a BOM and Azerbaijani headers', async () => {
    const file = await readImportFile(
      'tədbirlər.csv',
      encodeUtf8Bom(
        'Ad;Ölkə;Tarix\r\nBMqT Şurası;İsveçrə;29.11.2016\r\n"Bakı; forum";Azərbaycan;2017\r\n',
      ),
    );
    expect(file.format).toBe('csv');
    if (file.format !== 'csv') return;
    expect(file.csv).toMatchObject({ encoding: 'utf-8', hasBom: true, delimiter: ';' });
    expect(file.tables[0].headers).toEqual(['Ad', 'Ölkə', 'Tarix']);
    expect(file.tables[0].rows).toEqual([
      { rowNumber: 2, cells: ['BMqT Şurası', 'İsveçrə', '29.11.2016'] },
      { rowNumber: 3, cells: ['Bakı; forum', 'Azərbaycan', '2017'] },
    ]);
  });

  it('reads Windows-1251 and UTF-16 CSV', async () => {
    const text = 'Название;Страна\nМОМ;Швейцария\n';
    for (const bytes of [
      encodeWindows1251(text),
      encodeUtf16(text, 'le'),
      encodeUtf16(text, 'be'),
    ]) {
      const file = await readImportFile('old.csv', bytes);
      expect(file.tables[0]?.rows[0]?.cells).toEqual(['МОМ', 'Швейцария']);
    }
  });

  it('keeps row numbers past blank lines and marks an unclosed quote and extra values', async () => {
    const file = await readImportFile(
      'x.csv',
      new TextEncoder().encode('Name,Kind\n\nIOM,state,surplus\n"UNHCR,state\n'),
    );
    expect(file.tables[0]?.rows).toEqual([
      { rowNumber: 3, cells: ['IOM', 'state', 'surplus'], defect: 'extraCells' },
      { rowNumber: 4, cells: ['UNHCR,state\n'], defect: 'unclosedQuote' },
    ]);
  });

  it('takes the header from below a title line, keeping the spreadsheet’s row numbers', async () => {
    const file = await readImportFile(
      'x.csv',
      encodeUtf8Bom('Tədbirlər, 2016;;\n\nAd;Ölkə;Tarix\nBMqT Şurası;İsveçrə;2016\n'),
    );
    expect(file.tables[0]?.headers).toEqual(['Ad', 'Ölkə', 'Tarix']);
    expect(file.tables[0]?.rows).toEqual([
      { rowNumber: 4, cells: ['BMqT Şurası', 'İsveçrə', '2016'] },
    ]);
  });

  it('refuses empty, binary and legacy Excel files with a reason', async () => {
    await expectRefusal(new Uint8Array(), 'empty');
    await expectRefusal(new TextEncoder().encode('  \n\n'), 'empty');
    await expectRefusal(
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'legacyXls',
    );
    await expectRefusal(
      new Uint8Array(Array.from({ length: 400 }, (_, i) => (i * 7) % 32)),
      'notText',
    );
  });
});

describe('readImportFile: XLSX', () => {
  it('reads every sheet, with dates as days and numbers as numbers', async () => {
    const buffer = await writeExcelFile([
      { sheet: 'Notes', data: [['Written by'], ['Protocol department']] },
      {
        sheet: 'Tədbirlər',
        data: [
          ['Ad', 'Tarix', 'Serial'],
          [
            'Bakı görüşü',
            { value: new Date(Date.UTC(2016, 11, 8)), type: Date, format: 'dd.mm.yyyy' },
            42712,
          ],
        ],
      },
    ]).toBuffer();
    const file = await readImportFile('book.xlsx', new Uint8Array(buffer));
    expect(file.format).toBe('xlsx');
    expect(file.tables.map((table) => table.name)).toEqual(['Notes', 'Tədbirlər']);
    expect(file.tables[1]?.rows).toEqual([
      { rowNumber: 2, cells: ['Bakı görüşü', '2016-12-08', 42712] },
    ]);
  });

  it('refuses a truncated workbook as damaged', async () => {
    const buffer = await writeExcelFile([['A'], ['b']]).toBuffer();
    await expectRefusal(new Uint8Array(buffer).subarray(0, 300), 'xlsxDamaged');
  });
});

describe('readImportFile: the registry’s JSON', () => {
  it('reads the sample registry and finds no problem in it', async () => {
    const file = await readImportFile(
      'sample.json',
      new TextEncoder().encode(JSON.stringify(sample)),
    );
    expect(file.format).toBe('json');
    if (file.format !== 'json') return;
    const plans = validateSnapshot(file.snapshot);
    expect(plans.length).toBe(60);
    expect(plans.filter((plan) => plan.problems.length > 0)).toEqual([]);
  });

  it('names each damaged record, and refuses damaged or foreign JSON', async () => {
    const snapshot = structuredClone(sample) as {
      records: { partners: Record<string, unknown>[] };
    };
    snapshot.records.partners[2] = { ...snapshot.records.partners[2], kind: 'spaceship' };
    const file = await readImportFile('x.json', new TextEncoder().encode(JSON.stringify(snapshot)));
    if (file.format !== 'json') throw new Error('expected JSON');
    const bad = validateSnapshot(file.snapshot).filter((plan) => plan.problems.length > 0);
    expect(bad).toMatchObject([
      { kind: 'partners', rowNumber: 3, problems: [{ code: 'invalid', value: 'kind' }] },
    ]);

    const text = JSON.stringify(sample);
    await expectRefusal(new TextEncoder().encode(text.slice(0, text.length / 2)), 'jsonDamaged');
    await expectRefusal(new TextEncoder().encode('{"hello": 1}'), 'jsonNotSnapshot');
    await expectRefusal(
      new TextEncoder().encode(text.replace('"formatVersion":1', '"formatVersion":2')),
      'jsonNewerVersion',
    );
  });
});

describe('readImportFile: any bytes', () => {
  const outcome = async (bytes: Uint8Array) => {
    try {
      const file = await readImportFile('random', bytes);
      return file.tables.every((table) => Array.isArray(table.rows));
    } catch (error) {
      return error instanceof ImportFileError;
    }
  };

  it('never throws anything but a clear refusal for random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), async (bytes) => {
        expect(await outcome(bytes)).toBe(true);
      }),
      {
        numRuns: 300,
      },
    );
  });

  it('never throws anything but a clear refusal for truncated or corrupted files', async () => {
    const xlsx = new Uint8Array(
      await writeExcelFile([
        ['Ad', 'Tarix'],
        ['Bakı', '2016'],
      ]).toBuffer(),
    );
    const csv = encodeUtf8Bom('Ad;Ölkə;Tarix\nBMqT;İsveçrə;05.03.2014\n"Bakı";AZ;2017\n');
    const json = new TextEncoder().encode(JSON.stringify(sample).slice(0, 3_000));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(xlsx, csv, json),
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 5 }),
        async (original, cut, flips) => {
          const bytes = original.slice(0, cut % (original.length + 1));
          for (const [at, value] of flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
          expect(await outcome(bytes)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
