import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { LocalizedText } from '../model/localizedText';
import { partialDateBounds, type PartialDate } from '../model/partialDate';
import { foldForMatch } from '../text/fold';
import type { SearchableKind, SearchDocument } from './searchDocument';

/**
 * Bump when the fold, the tokenizer or the indexed fields change: a persisted index of another
 * version is thrown away and rebuilt, never queried with rules it was not built with.
 */
export const SEARCH_INDEX_VERSION = 1;

const WORD = /[\p{L}\p{N}]+/gu;

/** Words as the index and queries see them: folded alike, so "Gəncə" and "gence" meet. */
export function tokenize(text: string): string[] {
  return foldForMatch(text).match(WORD) ?? [];
}

type StoredFields = Pick<SearchDocument, 'kind' | 'label' | 'date' | 'areaIds' | 'partnerIds'>;

export const SEARCH_INDEX_OPTIONS: Options<SearchDocument> = {
  idField: 'id',
  fields: ['names', 'text'],
  storeFields: ['kind', 'label', 'date', 'areaIds', 'partnerIds'],
  tokenize,
  // tokenize already folded every word.
  processTerm: (term) => term,
};

export type SearchIndex = MiniSearch<SearchDocument>;

export function createSearchIndex(): SearchIndex {
  return new MiniSearch(SEARCH_INDEX_OPTIONS);
}

/** Restores an index saved with `JSON.stringify(index)`. */
export function loadSearchIndex(json: string): SearchIndex {
  return MiniSearch.loadJSON(json, SEARCH_INDEX_OPTIONS);
}

export type SearchFilters = {
  kinds?: readonly SearchableKind[];
  areaIds?: readonly string[];
  partnerIds?: readonly string[];
  /** Inclusive day bounds (YYYY-MM-DD); records without a date drop out when either is set. */
  from?: string | null;
  to?: string | null;
};

export type SearchHit = {
  id: string;
  kind: SearchableKind;
  label: LocalizedText;
  date: PartialDate | null;
  score: number;
  /** The indexed words that matched, folded, for highlighting. */
  terms: string[];
};

/** Fewer whole-word results than this, and the search also tries typos and word starts. */
const FEW_RESULTS = 5;

/**
 * How far a query word may be from an indexed one: short words must match exactly (two letters
 * off in a four-letter word is another word), longer ones forgive a typo or two.
 */
function fuzziness(term: string): number | false {
  if (term.length >= 9) return 2;
  if (term.length >= 5) return 1;
  return false;
}

/**
 * Finds records matching every word of the query: a word matches exactly or, the last one, as the
 * start of a longer word (it is being typed). When that finds little, any word of 3 letters or
 * more may also be a word's start, and a word of 5 or more may have a typo. Names weigh more than
 * other text; exact matches more than prefixes, prefixes more than typos.
 */
export function searchIndex(
  index: SearchIndex,
  query: string,
  filters: SearchFilters = {},
  limit = 60,
): SearchHit[] {
  const words = tokenize(query);
  if (words.length === 0) return [];
  const kinds = filters.kinds?.length ? new Set(filters.kinds) : null;
  const areas = filters.areaIds?.length ? new Set(filters.areaIds) : null;
  const partners = filters.partnerIds?.length ? new Set(filters.partnerIds) : null;
  const hasRange = Boolean(filters.from ?? filters.to);
  const filter: SearchOptions['filter'] = (result) => {
    const stored = result as unknown as StoredFields;
    if (kinds && !kinds.has(stored.kind)) return false;
    if (areas && !stored.areaIds.some((id) => areas.has(id))) return false;
    if (partners && !stored.partnerIds.some((id) => partners.has(id))) return false;
    if (hasRange) {
      const bounds = partialDateBounds(stored.date);
      if (!bounds) return false;
      if (filters.from && bounds.last < filters.from) return false;
      if (filters.to && bounds.first > filters.to) return false;
    }
    return true;
  };
  const text = words.join(' ');
  // First the cheap search: whole words, the last one as typed so far. Only when that finds
  // little are typos tried, since expanding every word by edit distance costs the most.
  const exact = index.search(text, {
    combineWith: 'AND',
    boost: { names: 3 },
    weights: { fuzzy: 0.35, prefix: 0.6 },
    prefix: (term, position, terms) => position === terms.length - 1 && term.length >= 2,
    filter,
  });
  const results =
    exact.length >= FEW_RESULTS
      ? exact
      : index.search(text, {
          combineWith: 'AND',
          boost: { names: 3 },
          weights: { fuzzy: 0.35, prefix: 0.6 },
          prefix: (term, position, terms) =>
            term.length >= 3 || (position === terms.length - 1 && term.length >= 2),
          fuzzy: (term) => fuzziness(term),
          maxFuzzy: 2,
          filter,
        });
  return results.slice(0, limit).map((result) => {
    const stored = result as unknown as StoredFields & { id: string };
    return {
      id: stored.id,
      kind: stored.kind,
      label: stored.label,
      date: stored.date,
      score: result.score,
      terms: result.terms,
    };
  });
}

/**
 * Splits a text into runs to show, marking the words a search matched (compared folded, so the
 * "Gəncə" in a result is marked for the query "gence").
 */
export function highlight(
  text: string,
  terms: readonly string[],
): { text: string; isMatch: boolean }[] {
  if (terms.length === 0) return [{ text, isMatch: false }];
  const parts: { text: string; isMatch: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    const folded = foldForMatch(match[0]);
    const isMatch = terms.some((term) => folded === term || folded.startsWith(term));
    if (!isMatch) continue;
    if (match.index > last) parts.push({ text: text.slice(last, match.index), isMatch: false });
    parts.push({ text: match[0], isMatch: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), isMatch: false });
  return parts;
}
