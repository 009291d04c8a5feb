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
});
