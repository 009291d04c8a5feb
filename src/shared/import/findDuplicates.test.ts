import { describe, expect, it } from 'vitest';
import { findDuplicates, type ExistingRecord } from './findDuplicates';
import type { RowPlan } from './rowPlan';

const IOM = '11111111-1111-4111-8111-111111111111';
const SESSION_107 = '22222222-2222-4222-8222-222222222222';

const plan = (overrides: Partial<RowPlan>): RowPlan => ({
  kind: 'partners',
  rowNumber: 2,
  fileId: null,
  label: '',
  content: {},
  patch: {},
  problems: [],
  reference: null,
  matchNames: [],
  matchDate: null,
  duplicate: null,
  ...overrides,
});

const partners: ExistingRecord[] = [
  {
    id: IOM,
    label: 'International Organization for Migration',
    names: ['International Organization for Migration', 'Beynəlxalq Miqrasiya Təşkilatı', 'IOM'],
    date: null,
  },
];

describe('findDuplicates', () => {
  it('matches on the folded name in any language', () => {
    const [row] = findDuplicates(
      [plan({ matchNames: ['BEYNƏLXALQ MIQRASIYA TƏŞKILATI'] })],
      partners,
    );
    expect(row?.duplicate).toEqual({
      recordId: IOM,
      label: 'International Organization for Migration',
      by: 'name',
    });
  });

  it('matches on a reference remembered from an earlier import, before the name', () => {
    const [row] = findDuplicates(
      [plan({ reference: 'P-1', matchNames: ['Renamed in the spreadsheet'] })],
      partners,
      new Map([['P-1', IOM]]),
    );
    expect(row?.duplicate).toMatchObject({ recordId: IOM, by: 'reference' });
  });

  it('matches on a registry id in the reference column', () => {
    const [row] = findDuplicates([plan({ reference: IOM.toUpperCase() })], partners);
    expect(row?.duplicate).toMatchObject({ recordId: IOM, by: 'reference' });
  });

  it('matches a JSON record by its own id', () => {
    const [row] = findDuplicates([plan({ fileId: IOM })], partners);
    expect(row?.duplicate).toMatchObject({ by: 'id' });
  });

  it('does not match a different record or a row with problems', () => {
    const rows = findDuplicates(
      [
        plan({ matchNames: ['UNHCR'] }),
        plan({
          matchNames: ['IOM'],
          content: null,
          problems: [{ rowNumber: 2, column: 0, field: 'kind', code: 'required', value: '' }],
        }),
      ],
      partners,
    );
    expect(rows.map((row) => row.duplicate)).toEqual([null, null]);
  });

  it('tells meetings of a series apart by their start dates', () => {
    const sessions: ExistingRecord[] = [
      { id: SESSION_107, label: 'IOM Council', names: ['IOM Council'], date: '2016-11-29' },
    ];
    const rows = findDuplicates(
      [
        plan({ kind: 'events', matchNames: ['IOM Council'], matchDate: '2016-11-29' }),
        plan({ kind: 'events', matchNames: ['IOM Council'], matchDate: '2017-11-28' }),
        plan({ kind: 'events', matchNames: ['IOM Council'], matchDate: null }),
      ],
      sessions,
    );
    expect(rows.map((row) => row.duplicate?.recordId ?? null)).toEqual([
      SESSION_107,
      null,
      SESSION_107,
    ]);
  });
});
