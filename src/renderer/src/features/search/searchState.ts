import { SEARCHABLE_KINDS, type SearchableKind } from '@shared/search/searchDocument';
import type { SearchFilters } from '@shared/search/searchIndex';
import { parseDateRange } from '../records/listModel';

/** What the search dialog holds: the words, and the filters as the user set them. */
export type SearchState = {
  text: string;
  kinds: SearchableKind[];
  areaIds: string[];
  partnerIds: string[];
  /** Partial dates as typed ("2014", "2014-03"); '' for no bound. */
  from: string;
  to: string;
};

export const EMPTY_SEARCH: SearchState = {
  text: '',
  kinds: [],
  areaIds: [],
  partnerIds: [],
  from: '',
  to: '',
};

/** The state as a query string, for saving a search (saved views store the same shape). */
export function serializeSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.text.trim()) params.set('q', state.text.trim());
  if (state.kinds.length) params.set('kind', state.kinds.join(','));
  if (state.areaIds.length) params.set('area', state.areaIds.join(','));
  if (state.partnerIds.length) params.set('partner', state.partnerIds.join(','));
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  return params.toString();
}

/** Reads a saved search back, ignoring kinds this version does not search. */
export function parseSearch(query: string): SearchState {
  const params = new URLSearchParams(query);
  const list = (key: string) => (params.get(key) ?? '').split(',').filter(Boolean);
  return {
    text: params.get('q') ?? '',
    kinds: list('kind').filter((kind): kind is SearchableKind =>
      (SEARCHABLE_KINDS as readonly string[]).includes(kind),
    ),
    areaIds: list('area'),
    partnerIds: list('partner'),
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

/** The filters the index applies, and which date bound (if any) is not a date. */
export function searchFilters(state: SearchState): {
  filters: SearchFilters;
  dateError: 'from' | 'to' | null;
} {
  const range = parseDateRange(state.from, state.to);
  return {
    filters: {
      kinds: state.kinds,
      areaIds: state.areaIds,
      partnerIds: state.partnerIds,
      ...('range' in range ? range.range : {}),
    },
    dateError: 'error' in range ? range.error.bound : null,
  };
}
