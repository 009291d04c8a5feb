import { describe, expect, it } from 'vitest';
import type { ImportTable } from './cells';
import type { ImportMapping } from './guessMapping';
import { NameIndex } from './nameIndex';
import { validateRow, validateTable, type ValidationContext } from './validateRows';

const IOM = '00000000-0000-4000-8000-000000000001';
const UNHCR = '00000000-0000-4000-8000-000000000002';
const DUPLICATE_ACRONYM_A = '00000000-0000-4000-8000-000000000003';
const DUPLICATE_ACRONYM_B = '00000000-0000-4000-8000-000000000004';
const ALIYEV = '00000000-0000-4000-8000-000000000010';

function context(): ValidationContext {
  let id = 100;
  return {
    partners: new NameIndex([
      {
        id: IOM,
        names: [
          'International Organization for Migration',
          'IOM',
          'Beynəlxalq Miqrasiya Təşkilatı',
          'МОМ',
        ],
      },
      { id: UNHCR, names: ['UNHCR', 'УВКБ ООН'] },
      { id: DUPLICATE_ACRONYM_A, names: ['Migration Council', 'MC'] },
      { id: DUPLICATE_ACRONYM_B, names: ['Ministry of Culture', 'MC'] },
    ]),
    people: new NameIndex([{ id: ALIYEV, names: ['Firdovsi Aliyev'] }]),
    newId: () => `00000000-0000-4000-8000-${String(++id).padStart(12, '0')}`,
  };
}

const row = (rowNumber: number, ...cells: (string | number | null)[]) => ({ rowNumber, cells });

describe('validateRow: events', () => {
  const mapping: ImportMapping = {
    kind: 'events',
    columns: [
      { field: 'title', language: 'az' },
      { field: 'kind', language: 'en' },
      { field: 'startDate', language: 'en' },
      { field: 'endDate', language: 'en' },
      { field: 'country', language: 'en' },
      { field: 'organizer', language: 'en' },
      { field: 'partners', language: 'en' },
      { field: 'seriesName', language: 'en' },
      { field: 'seriesNumber', language: 'en' },
    ],
    defaults: {},
  };

  it('builds the record a good row describes, partial dates and links included', () => {
    const plan = validateRow(
      'events',
      row(
        2,
        'BMqT Şurasının 107-ci sessiyası',
        'Rəsmi səfər',
        '03.2016',
        '2016',
        'İsveçrə',
        'iom',
        'УВКБ ООН; IOM',
        'IOM Council sessions',
        '107th',
      ),
      mapping,
      context(),
    );
    expect(plan.problems).toEqual([]);
    expect(plan.content).toEqual({
      kind: 'official-visit',
      title: { az: 'BMqT Şurasının 107-ci sessiyası' },
      startDate: '2016-03',
      endDate: '2016',
      countryCode: 'CH',
      organizerId: IOM,
      partnerIds: [UNHCR, IOM],
      series: { name: { en: 'IOM Council sessions' }, number: 107 },
    });
    expect(plan.label).toBe('BMqT Şurasının 107-ci sessiyası');
  });

  it('names every problem of a row, each with its column and the value', () => {
    const plan = validateRow(
      'events',
      row(
        7,
        '',
        'Picnic',
        '31.02.2016',
        '01.01.2015',
        'Atlantis',
        'Unknown Org',
        'IOM; Nobody; MC',
        null,
        'many',
      ),
      mapping,
      context(),
    );
    expect(plan.content).toBeNull();
    expect(plan.problems.map((p) => [p.rowNumber, p.column, p.code, p.value])).toEqual([
      [7, 1, 'enumUnknown', 'Picnic'],
      [7, 2, 'dateImpossible', '31.02.2016'],
      [7, 4, 'countryUnknown', 'Atlantis'],
      [7, 5, 'partnerUnknown', 'Unknown Org'],
      [7, 6, 'partnerUnknown', 'Nobody'],
      [7, 6, 'partnerAmbiguous', 'MC'],
      [7, 8, 'integerInvalid', 'many'],
      [7, 0, 'required', ''],
    ]);
  });

  it('names an end before the start', () => {
    const plan = validateRow(
      'events',
      row(3, 'Meeting', 'summit', '08.12.2016', '05.12.2016'),
      mapping,
      context(),
    );
    expect(plan.problems).toMatchObject([
      { column: 3, code: 'endBeforeStart', value: '05.12.2016' },
    ]);
  });

  it('fills an empty required choice from the mapping’s value for all rows', () => {
    const plan = validateRow(
      'events',
      row(3, 'Meeting', ''),
      { ...mapping, defaults: { kind: 'conference' } },
      context(),
    );
    expect(plan.problems).toEqual([]);
    expect(plan.content).toMatchObject({ kind: 'conference' });
  });
});

describe('validateRow: other kinds', () => {
  it('partners: kind from an Azerbaijani label, name in two languages, parent by acronym', () => {
    const mapping: ImportMapping = {
      kind: 'partners',
      columns: [
        { field: 'name', language: 'en' },
        { field: 'name', language: 'ru' },
        { field: 'kind', language: 'en' },
        { field: 'parent', language: 'en' },
        { field: 'reference', language: 'en' },
      ],
      defaults: {},
    };
    const plan = validateRow(
      'partners',
      row(2, 'IOM Council', 'Совет МОМ', 'Təşkilatın orqanı', 'IOM', 'P-17'),
      mapping,
      context(),
    );
    expect(plan.problems).toEqual([]);
    expect(plan.content).toEqual({
      kind: 'organization-body',
      name: { en: 'IOM Council', ru: 'Совет МОМ' },
      parentId: IOM,
    });
    expect(plan.reference).toBe('P-17');
    expect(plan.matchNames).toEqual(['IOM Council', 'Совет МОМ']);
  });

  it('agreements: signed and in-force dates become dated steps', () => {
    const mapping: ImportMapping = {
      kind: 'agreements',
      columns: [
        { field: 'title', language: 'en' },
        { field: 'kind', language: 'en' },
        { field: 'parties', language: 'en' },
        { field: 'signedDate', language: 'en' },
        { field: 'signedPlace', language: 'en' },
        { field: 'inForceDate', language: 'en' },
      ],
      defaults: {},
    };
    const plan = validateRow(
      'agreements',
      row(2, 'Pilot project', 'Memorandum', 'IOM', '08.12.2016', 'Geneva', '2 March 2017'),
      mapping,
      context(),
    );
    expect(plan.problems).toEqual([]);
    expect(plan.content).toMatchObject({
      kind: 'memorandum',
      parties: [{ partnerId: IOM, role: 'party' }],
      steps: [
        { kind: 'signed', date: '2016-12-08', place: { en: 'Geneva' } },
        { kind: 'in-force', date: '2017-03-02' },
      ],
    });
  });

  it('projects: a budget needs its currency; numbers in local writing', () => {
    const mapping: ImportMapping = {
      kind: 'projects',
      columns: [
        { field: 'title', language: 'en' },
        { field: 'status', language: 'en' },
        { field: 'budgetAmount', language: 'en' },
        { field: 'budgetCurrency', language: 'en' },
      ],
      defaults: {},
    };
    const good = validateRow(
      'projects',
      row(2, 'Return', 'Завершён', '1 200 000,50', 'eur'),
      mapping,
      context(),
    );
    expect(good.problems).toEqual([]);
    expect(good.content).toMatchObject({
      status: 'completed',
      budget: { amount: 1_200_000.5, currency: 'EUR' },
    });
    const bad = validateRow(
      'projects',
      row(3, 'Return', 'ongoing', '1,200', ''),
      mapping,
      context(),
    );
    expect(bad.problems.map((p) => p.code)).toEqual(['numberAmbiguous']);
    const missing = validateRow(
      'projects',
      row(4, 'Return', 'ongoing', '500', ''),
      mapping,
      context(),
    );
    expect(missing.problems.map((p) => [p.code, p.column])).toEqual([['currencyMissing', 2]]);
  });

  it('people: a position at an organization, contacts and languages', () => {
    const mapping: ImportMapping = {
      kind: 'people',
      columns: [
        { field: 'name', language: 'en' },
        { field: 'position', language: 'en' },
        { field: 'organization', language: 'en' },
        { field: 'email', language: 'en' },
        { field: 'languages', language: 'en' },
      ],
      defaults: {},
    };
    const plan = validateRow(
      'people',
      row(2, 'William Swing', 'Director General', 'IOM', 'wswing@iom.int', 'English, русский'),
      mapping,
      context(),
    );
    expect(plan.problems).toEqual([]);
    expect(plan.content).toMatchObject({
      positions: [{ title: { en: 'Director General' }, organizationId: IOM }],
      contacts: [{ kind: 'email', value: 'wswing@iom.int' }],
      languages: ['en', 'ru'],
    });
    const bad = validateRow(
      'people',
      row(3, 'X', '', 'IOM', 'not-an-address', 'Klingon'),
      mapping,
      context(),
    );
    expect(bad.problems.map((p) => p.code)).toEqual([
      'emailInvalid',
      'languageUnknown',
      'positionMissing',
    ]);
  });

  it('follow-ups: owner by name, status by Russian label, due month', () => {
    const mapping: ImportMapping = {
      kind: 'followUps',
      columns: [
        { field: 'title', language: 'ru' },
        { field: 'owner', language: 'en' },
        { field: 'status', language: 'en' },
        { field: 'dueDate', language: 'en' },
      ],
      defaults: {},
    };
    const plan = validateRow(
      'followUps',
      row(2, 'Направить проект', 'firdovsi aliyev', 'Выполнено', 'апрель 2017'),
      mapping,
      context(),
    );
    expect(plan.problems).toEqual([]);
    expect(plan.content).toEqual({
      title: { ru: 'Направить проект' },
      ownerPersonId: ALIYEV,
      status: 'done',
      dueDate: '2017-04',
    });
  });

  it('names a row the CSV reader marked, whatever its values', () => {
    const mapping: ImportMapping = {
      kind: 'people',
      columns: [{ field: 'name', language: 'en' }],
      defaults: {},
    };
    const plan = validateRow(
      'people',
      { rowNumber: 9, cells: ['"Unfinished'], defect: 'unclosedQuote' },
      mapping,
      context(),
    );
    expect(plan.problems).toMatchObject([{ rowNumber: 9, column: null, code: 'unclosedQuote' }]);
  });
});

describe('validateTable', () => {
  it('reports progress and keeps the spreadsheet row numbers', () => {
    const table: ImportTable = {
      name: 'x',
      headers: ['Name'],
      rows: Array.from({ length: 5 }, (_, index) => ({
        rowNumber: index + 3,
        cells: [`Person ${index}`],
      })),
    };
    const progress: number[] = [];
    const plans = validateTable(
      table,
      { kind: 'people', columns: [{ field: 'name', language: 'en' }], defaults: {} },
      context(),
      (done) => progress.push(done),
      2,
    );
    expect(plans.map((plan) => plan.rowNumber)).toEqual([3, 4, 5, 6, 7]);
    expect(progress).toEqual([2, 4, 5]);
  });
});
