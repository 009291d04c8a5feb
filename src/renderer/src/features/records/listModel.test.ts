import type { TFunction } from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordKind, StoredRecord } from '@shared/model/records';
import { createRecord } from '../../db/changeTracking';
import type { RegistryDb } from '../../db/RegistryDb';
import { createTestDb, testContext } from '../../db/testing/testDb';
import { createFormat } from '../../ui/useFormat';
import { LIST_COLUMNS, type Column, type ColumnContext, type ListKind } from './columns';
import { LIST_FACETS } from './listFacets';
import {
  createRowBuilder,
  defaultViewState,
  filterRows,
  parseDateRange,
  parseViewState,
  serializeViewState,
  sortRows,
  type ListViewState,
} from './listModel';

const opened: RegistryDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const t = ((key: string) => key) as unknown as TFunction;

async function registry() {
  const db = createTestDb();
  opened.push(db);
  const context = { ...testContext(), newId: () => crypto.randomUUID() };
  const germany = await createRecord(
    db,
    'partners',
    { kind: 'state', name: { en: 'Germany', az: 'Almaniya' }, countryCode: 'DE' },
    context,
  );
  const iom = await createRecord(
    db,
    'partners',
    {
      kind: 'international-organization',
      name: {
        en: 'International Organization for Migration',
        ru: 'Международная организация по миграции',
      },
      acronym: { en: 'IOM', ru: 'МОМ' },
    },
    context,
  );
  const area = await createRecord(
    db,
    'areas',
    { code: 'voluntary-return', name: { en: 'Voluntary return' } },
    context,
  );
  const project = await createRecord(
    db,
    'projects',
    {
      title: { en: 'Reintegration support', az: 'Reinteqrasiya dəstəyi' },
      status: 'ongoing',
      actualStart: '2014',
      partners: [{ partnerId: iom.id, role: 'implementing' }],
      areaIds: [area.id],
    },
    context,
  );
  const finished = await createRecord(
    db,
    'projects',
    {
      title: { en: 'Border training in Gəncə' },
      status: 'completed',
      actualStart: '2010-03',
      actualEnd: '2011',
      partners: [{ partnerId: germany.id, role: 'funding' }],
    },
    context,
  );
  const undated = await createRecord(
    db,
    'projects',
    { title: { en: 'Ünvanlı yardım' }, status: 'pipeline' },
    context,
  );
  const partners = new Map([germany, iom].map((partner) => [partner.id, partner]));
  return {
    germany,
    iom,
    area,
    project,
    finished,
    undated,
    partners,
    areas: new Map([[area.id, area]]),
  };
}

function columnContext(
  fixture: Awaited<ReturnType<typeof registry>>,
  language: 'en' | 'az' = 'en',
) {
  const context: ColumnContext = {
    partners: fixture.partners,
    people: new Map(),
    areas: fixture.areas,
    format: createFormat(language, 'unknown'),
    t,
    today: '2026-11-27',
  };
  return context;
}

function projectRows(fixture: Awaited<ReturnType<typeof registry>>, language: 'en' | 'az' = 'en') {
  const build = createRowBuilder(
    LIST_COLUMNS.projects,
    LIST_FACETS.projects,
    columnContext(fixture, language),
  );
  return build([fixture.project, fixture.finished, fixture.undated]);
}

const titles = (rows: readonly { record: StoredRecord<'projects'> }[]) =>
  rows.map((row) => row.record.title.en);

function state(patch: Partial<ListViewState> = {}): ListViewState {
  return { ...defaultViewState(LIST_COLUMNS.projects), ...patch };
}

const noRange = { from: null, to: null };

describe('list filters', () => {
  it('match every typed word in any language, ignoring case and Azerbaijani letters', async () => {
    const fixture = await registry();
    const rows = projectRows(fixture);
    expect(titles(filterRows(rows, state({ text: 'gence' }), noRange))).toEqual([
      'Border training in Gəncə',
    ]);
    // The Azerbaijani title is searched although the list shows English.
    expect(titles(filterRows(rows, state({ text: 'DƏSTƏYİ' }), noRange))).toEqual([
      'Reintegration support',
    ]);
    // The partner column's text is searched too; all words must match.
    expect(titles(filterRows(rows, state({ text: 'iom reint' }), noRange))).toEqual([
      'Reintegration support',
    ]);
    expect(filterRows(rows, state({ text: 'iom border' }), noRange)).toEqual([]);
  });

  it('narrow by status, partner, country of a partner and thematic area', async () => {
    const fixture = await registry();
    const rows = projectRows(fixture);
    const facets = state().facets;
    const by = (patch: Partial<ListViewState['facets']>) =>
      titles(filterRows(rows, state({ facets: { ...facets, ...patch } }), noRange));
    expect(by({ status: ['completed', 'pipeline'] })).toEqual([
      'Border training in Gəncə',
      'Ünvanlı yardım',
    ]);
    expect(by({ partner: [fixture.iom.id] })).toEqual(['Reintegration support']);
    expect(by({ country: ['DE'] })).toEqual(['Border training in Gəncə']);
    expect(by({ area: [fixture.area.id] })).toEqual(['Reintegration support']);
    expect(by({ area: [fixture.area.id], status: ['completed'] })).toEqual([]);
  });

  it('keep records whose partial dates may fall in the range, and running projects', async () => {
    const fixture = await registry();
    const rows = projectRows(fixture);
    const range = (from: string, to: string) => {
      const parsed = parseDateRange(from, to);
      if (!('range' in parsed)) throw new Error('bad range');
      return titles(filterRows(rows, state(), parsed.range));
    };
    // "Since 2014" and still running: in 2020 too. The undated project is never in a range.
    expect(range('2020', '')).toEqual(['Reintegration support']);
    // Ended "2011" (year only): a range in late 2011 still finds it.
    expect(range('2011-11-15', '2012')).toEqual(['Border training in Gəncə']);
    expect(range('', '2009')).toEqual([]);
    expect(range('2010', '2014')).toEqual(['Reintegration support', 'Border training in Gəncə']);
  });

  it('name the date bound that is not a date instead of guessing', () => {
    expect(parseDateRange('2014-13', '')).toEqual({ error: { bound: 'from' } });
    expect(parseDateRange('2014', 'soon')).toEqual({ error: { bound: 'to' } });
    // Still being typed: no bound yet, and no error.
    expect(parseDateRange('201', '2014-0')).toEqual({ range: { from: null, to: null } });
    expect(parseDateRange(' 2014-03 ', '2014-03')).toEqual({
      range: { from: '2014-03-01', to: '2014-03-31' },
    });
  });
});

describe('list sorting', () => {
  it('sorts text in the UI language with blank cells last both ways', async () => {
    const fixture = await registry();
    const rows = projectRows(fixture, 'az');
    const order = createFormat('az', 'unknown');
    const column = (id: string) =>
      LIST_COLUMNS.projects.find((candidate) => candidate.id === id) as Column<'projects'>;
    expect(titles(sortRows(rows, column('title'), 'asc', order))).toEqual([
      'Border training in Gəncə',
      'Reintegration support',
      'Ünvanlı yardım',
    ]);
    // Partners: "Almaniya" (Germany in Azerbaijani), "IOM", and none for the undated project.
    expect(titles(sortRows(rows, column('partners'), 'asc', order))).toEqual([
      'Border training in Gəncə',
      'Reintegration support',
      'Ünvanlı yardım',
    ]);
    expect(titles(sortRows(rows, column('partners'), 'desc', order))).toEqual([
      'Reintegration support',
      'Border training in Gəncə',
      'Ünvanlı yardım',
    ]);
  });

  it('sorts partial dates chronologically with unknown dates last both ways', async () => {
    const fixture = await registry();
    const rows = projectRows(fixture);
    const start = LIST_COLUMNS.projects.find(
      (column) => column.id === 'start',
    ) as Column<'projects'>;
    const order = createFormat('en', 'unknown');
    expect(titles(sortRows(rows, start, 'asc', order))).toEqual([
      'Border training in Gəncə',
      'Reintegration support',
      'Ünvanlı yardım',
    ]);
    expect(titles(sortRows(rows, start, 'desc', order))).toEqual([
      'Reintegration support',
      'Border training in Gəncə',
      'Ünvanlı yardım',
    ]);
  });

  it('rebuilds only the rows of records that changed', async () => {
    const fixture = await registry();
    const build = createRowBuilder(
      LIST_COLUMNS.projects,
      LIST_FACETS.projects,
      columnContext(fixture),
    );
    const first = build([fixture.project, fixture.finished]);
    const edited = { ...fixture.finished, rev: fixture.finished.rev + 1 };
    const second = build([fixture.project, edited]);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
  });
});

describe('list view state in the URL', () => {
  const columns = LIST_COLUMNS.agreements as Column<ListKind>[];

  it('round-trips filters, sort and columns, leaving defaults out', () => {
    const defaults = defaultViewState(columns);
    expect(serializeViewState(defaults, columns).toString()).toBe('');
    const custom: ListViewState = {
      ...defaults,
      text: 'readmission ə',
      facets: { ...defaults.facets, status: ['in-force', 'signed'], country: ['DE'] },
      from: '2014',
      to: '2016-12',
      sort: { columnId: 'signed', direction: 'desc' },
      columnIds: ['signed', 'title', 'areas'],
    };
    const params = serializeViewState(custom, columns);
    expect(parseViewState(new URLSearchParams(params.toString()), columns)).toEqual(custom);
  });

  it('ignores columns it does not know and falls back to the defaults', () => {
    const parsed = parseViewState(new URLSearchParams('cols=nonsense&sort=gone:desc'), columns);
    expect(parsed.columnIds).toEqual(defaultViewState(columns).columnIds);
    expect(parsed.sort).toEqual({ columnId: 'title', direction: 'asc' });
  });
});

// Keep the kinds' definitions honest: every list offers at least its first column by default.
describe('list definitions', () => {
  it('show the first column of every kind by default', () => {
    for (const kind of Object.keys(LIST_COLUMNS) as (ListKind & RecordKind)[]) {
      const columns = LIST_COLUMNS[kind] as Column<ListKind>[];
      expect(defaultViewState(columns).columnIds[0]).toBe(columns[0]?.id);
    }
  });
});
