import {
  comparePartialDates,
  parsePartialDate,
  partialDateBounds,
} from '@shared/model/partialDate';
import type { LocalizedText } from '@shared/model/localizedText';
import type { StoredRecord } from '@shared/model/records';
import { foldForMatch } from '@shared/text/fold';
import type { Column, ColumnContext, ListKind } from './columns';
import type { FacetDefinition, ListFacet, RecordFacets } from './listFacets';

/** What a list shows: its filters, its sort and its columns. Lives in the URL; saved views keep it. */
export type ListViewState = {
  text: string;
  /** Chosen values per facet; a record matches a facet when it has any of them. */
  facets: Record<ListFacet, readonly string[]>;
  /** Partial dates as typed ("2014", "2014-03", "2014-03-05"); '' for no bound. */
  from: string;
  to: string;
  sort: { columnId: string; direction: 'asc' | 'desc' };
  /** Visible columns in display order. */
  columnIds: readonly string[];
};

/** One record prepared for listing: cell texts, the folded text the filter searches, its facets. */
export type ListRow<K extends ListKind> = {
  record: StoredRecord<K>;
  /** Cell text by column id. */
  cells: Readonly<Record<string, string>>;
  haystack: string;
  facets: RecordFacets;
};

const FACET_KEYS: readonly ListFacet[] = ['kind', 'status', 'country', 'area', 'partner'];

export function defaultViewState(columns: readonly Column<ListKind>[]): ListViewState {
  return {
    text: '',
    facets: { kind: [], status: [], country: [], area: [], partner: [] },
    from: '',
    to: '',
    sort: { columnId: columns[0]?.id ?? '', direction: 'asc' },
    columnIds: columns.filter((column) => !column.isHiddenByDefault).map((column) => column.id),
  };
}

/**
 * Reads a list's state from URL search parameters, ignoring anything unknown (a saved view may
 * name a column a later version renamed) and falling back to the defaults.
 */
export function parseViewState(
  params: URLSearchParams,
  columns: readonly Column<ListKind>[],
): ListViewState {
  const state = defaultViewState(columns);
  const known = new Set(columns.map((column) => column.id));
  const list = (key: string) => (params.get(key) ?? '').split(',').filter(Boolean);
  const facets = { ...state.facets };
  for (const facet of FACET_KEYS) facets[facet] = list(facet);
  const [sortColumn, sortDirection] = (params.get('sort') ?? '').split(':');
  const columnIds = list('cols').filter((id) => known.has(id));
  return {
    text: params.get('q') ?? '',
    facets,
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    sort:
      sortColumn && known.has(sortColumn)
        ? { columnId: sortColumn, direction: sortDirection === 'desc' ? 'desc' : 'asc' }
        : state.sort,
    columnIds: columnIds.length > 0 ? columnIds : state.columnIds,
  };
}

/** The state as URL search parameters, leaving out what equals the default. */
export function serializeViewState(
  state: ListViewState,
  columns: readonly Column<ListKind>[],
): URLSearchParams {
  const defaults = defaultViewState(columns);
  const params = new URLSearchParams();
  // Ids, codes and enum values never contain commas.
  const list = (values: readonly string[]) => values.join(',');
  if (state.text) params.set('q', state.text);
  for (const facet of FACET_KEYS) {
    if (state.facets[facet].length > 0) params.set(facet, list(state.facets[facet]));
  }
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (
    state.sort.columnId !== defaults.sort.columnId ||
    state.sort.direction !== defaults.sort.direction
  ) {
    params.set('sort', `${state.sort.columnId}:${state.sort.direction}`);
  }
  if (list(state.columnIds) !== list(defaults.columnIds)) params.set('cols', list(state.columnIds));
  return params;
}

/** Whether any filter narrows the list (the text filter included). */
export function hasActiveFilters(state: ListViewState): boolean {
  return (
    state.text.trim() !== '' ||
    FACET_KEYS.some((facet) => state.facets[facet].length > 0) ||
    state.from !== '' ||
    state.to !== ''
  );
}

function localizedValues(record: object): string[] {
  const values: string[] = [];
  for (const field of ['name', 'title', 'acronym'] as const) {
    const text = (record as Partial<Record<typeof field, LocalizedText | null>>)[field];
    if (text) values.push(...Object.values(text));
  }
  return values;
}

/**
 * Prepares a record for listing. Its names in every language go into the filter's haystack, so
 * "МОМ" finds IOM while the list shows English.
 */
export function buildRow<K extends ListKind>(
  record: StoredRecord<K>,
  columns: readonly Column<K>[],
  facets: FacetDefinition<K>,
  context: ColumnContext,
): ListRow<K> {
  const cells: Record<string, string> = {};
  for (const column of columns) cells[column.id] = column.text(record, context);
  const haystack = foldForMatch([...Object.values(cells), ...localizedValues(record)].join('\n'));
  return { record, cells, haystack, facets: facets.extract(record, context) };
}

/**
 * Rows for the records, reusing the row of any record object seen before with the same context:
 * after one edit in a list of 100,000 only that record's row is rebuilt.
 */
export function createRowBuilder<K extends ListKind>(
  columns: readonly Column<K>[],
  facets: FacetDefinition<K>,
  context: ColumnContext,
) {
  const rows = new WeakMap<StoredRecord<K>, ListRow<K>>();
  return (records: readonly StoredRecord<K>[]): ListRow<K>[] =>
    records.map((record) => {
      let row = rows.get(record);
      if (!row) {
        row = buildRow(record, columns, facets, context);
        rows.set(record, row);
      }
      return row;
    });
}

export type TextOrder = {
  compare: (a: string, b: string) => number;
  /** A key whose code-unit order is the language's order, when comparing keys is faster. */
  sortKey?: (text: string) => string;
};

/**
 * Sorts rows ascending by a column: dates chronologically (partial dates honestly: "2014" before
 * "2014-03"), text in the UI language's order. Empty cells and unknown dates go last in both
 * directions, so a descending sort does not open on a page of blanks.
 */
export function sortRows<K extends ListKind>(
  rows: readonly ListRow<K>[],
  column: Column<K>,
  direction: 'asc' | 'desc',
  order: TextOrder,
): ListRow<K>[] {
  const sign = direction === 'asc' ? 1 : -1;
  const { dateKey } = column;
  if (dateKey) {
    const keyed = rows.map((row) => ({ row, key: dateKey(row.record) }));
    keyed.sort((a, b) => {
      if (a.key === null || b.key === null) return comparePartialDates(a.key, b.key);
      return sign * comparePartialDates(a.key, b.key);
    });
    return keyed.map(({ row }) => row);
  }
  const { sortKey } = order;
  const keyed = rows.map((row) => {
    const text = row.cells[column.id] ?? '';
    return { row, text, key: sortKey ? sortKey(text) : text };
  });
  const compare = sortKey ? (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0) : order.compare;
  keyed.sort((a, b) => {
    if (a.text === '' || b.text === '') return (a.text === '' ? 1 : 0) - (b.text === '' ? 1 : 0);
    return sign * compare(a.key, b.key);
  });
  return keyed.map(({ row }) => row);
}

/** A typed date bound that is not a partial date: the filter names it instead of guessing. */
export type DateBoundError = { bound: 'from' | 'to' };

const IS_BEING_TYPED = /^(\d{1,3}|\d{4}-|\d{4}-\d|\d{4}-\d{2}-|\d{4}-\d{2}-\d)$/;

/** The day range the from/to fields select, or which field is not a date. */
export function parseDateRange(
  from: string,
  to: string,
): { range: { from: string | null; to: string | null } } | { error: DateBoundError } {
  const bound = (text: string, which: 'from' | 'to') => {
    const trimmed = text.trim();
    // Half-typed ("201", "2014-0") is not a mistake yet: no bound until it is a date or wrong.
    if (trimmed === '' || IS_BEING_TYPED.test(trimmed)) return null;
    if (!parsePartialDate(trimmed)) return { error: { bound: which } };
    const bounds = partialDateBounds(trimmed);
    return bounds ? (which === 'from' ? bounds.first : bounds.last) : null;
  };
  const first = bound(from, 'from');
  if (first !== null && typeof first === 'object') return first;
  const last = bound(to, 'to');
  if (last !== null && typeof last === 'object') return last;
  return { range: { from: first, to: last } };
}

/**
 * Keeps the rows the filters allow, in their order. Every word typed must occur in the row (in
 * any language, ignoring case and accents); within a facet any chosen value matches; a date range
 * keeps records whose dates may fall in it, and drops records with no date at all.
 */
export function filterRows<K extends ListKind>(
  rows: readonly ListRow<K>[],
  state: ListViewState,
  range: { from: string | null; to: string | null },
): ListRow<K>[] {
  const words = foldForMatch(state.text).split(/\s+/).filter(Boolean);
  const chosen = (facet: ListFacet) =>
    state.facets[facet].length > 0 ? new Set(state.facets[facet]) : null;
  const kinds = chosen('kind');
  const statuses = chosen('status');
  const countries = chosen('country');
  const areas = chosen('area');
  const partners = chosen('partner');
  const hasRange = range.from !== null || range.to !== null;
  const anyIn = (values: readonly string[], set: Set<string>) =>
    values.some((value) => set.has(value));

  return rows.filter(({ haystack, facets }) => {
    if (kinds && (facets.kind === null || !kinds.has(facets.kind))) return false;
    if (statuses && (facets.status === null || !statuses.has(facets.status))) return false;
    if (countries && !anyIn(facets.countries, countries)) return false;
    if (areas && !anyIn(facets.areaIds, areas)) return false;
    if (partners && !anyIn(facets.partnerIds, partners)) return false;
    if (hasRange) {
      const overlaps = facets.spans.some(
        (span) =>
          (range.from === null || span.last >= range.from) &&
          (range.to === null || span.first <= range.to),
      );
      if (!overlaps) return false;
    }
    return words.every((word) => haystack.includes(word));
  });
}

/** What a kind's rows were last built and sorted with, so a list opened again reuses them. */
type ListMemo = {
  context: ColumnContext;
  build: (records: readonly StoredRecord<ListKind>[]) => ListRow<ListKind>[];
  sorted?: {
    rows: readonly ListRow<ListKind>[];
    columnId: string;
    direction: 'asc' | 'desc';
    result: ListRow<ListKind>[];
  };
};

const listMemos = new Map<ListKind, ListMemo>();

const sameContext = (a: ColumnContext, b: ColumnContext) =>
  a.partners === b.partners &&
  a.people === b.people &&
  a.areas === b.areas &&
  // The format stands for the language; `t` is a new function in every component that asks.
  a.format === b.format &&
  a.today === b.today;

/**
 * The row builder of a kind's list, kept across visits while nothing it depends on changed:
 * leaving a list of 100,000 records for a record and coming back rebuilds nothing.
 */
export function listRowBuilder(
  kind: ListKind,
  columns: readonly Column<ListKind>[],
  facets: FacetDefinition<ListKind>,
  context: ColumnContext,
): ListMemo['build'] {
  const memo = listMemos.get(kind);
  if (memo && sameContext(memo.context, context)) return memo.build;
  const build = createRowBuilder(columns, facets, context);
  listMemos.set(kind, { context, build });
  return build;
}

/** sortRows, remembered per list for the last rows, column and direction it sorted. */
export function sortListRows(
  kind: ListKind,
  rows: readonly ListRow<ListKind>[],
  column: Column<ListKind>,
  direction: 'asc' | 'desc',
  order: TextOrder,
): ListRow<ListKind>[] {
  const memo = listMemos.get(kind);
  const last = memo?.sorted;
  if (last && last.rows === rows && last.columnId === column.id && last.direction === direction) {
    return last.result;
  }
  const result = sortRows(rows, column, direction, order);
  if (memo) memo.sorted = { rows, columnId: column.id, direction, result };
  return result;
}
