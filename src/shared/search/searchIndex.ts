import type { LocalizedText } from '../model/localizedText';
import { partialDateBounds, type PartialDate } from '../model/partialDate';
import { foldForMatch } from '../text/fold';
import type { SearchableKind, SearchDocument } from './searchDocument';

/**
 * Bump when the fold, the tokenizer, the indexed fields or the saved layout change: a persisted
 * index of another version is thrown away and rebuilt, never queried with rules it was not built
 * with.
 */
export const SEARCH_INDEX_VERSION = 2;

const WORD = /[\p{L}\p{N}]+/gu;

/** Words as the index and queries see them: folded alike, so "Gəncə" and "gence" meet. */
export function tokenize(text: string): string[] {
  return foldForMatch(text).match(WORD) ?? [];
}

/** A word as written, combining marks included (folding drops them). */
const RAW_WORD = /[\p{L}\p{M}\p{N}]+/gu;
const WORD_CACHE_LIMIT = 200_000;

/**
 * The same words as `tokenize`, for indexing many records: each written word is folded once
 * and remembered, since a registry repeats a small vocabulary (folding is most of the cost of
 * a build). Folding a word as written gives what folding the whole text gives.
 */
export function tokenizeCached(text: string, cache: Map<string, readonly string[]>): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(RAW_WORD)) {
    const raw = match[0];
    let words = cache.get(raw);
    if (!words) {
      words = tokenize(raw);
      if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
      cache.set(raw, words);
    }
    for (const word of words) out.push(word);
  }
  return out;
}

type StoredFields = Pick<SearchDocument, 'kind' | 'label' | 'date' | 'areaIds' | 'partnerIds'>;

/**
 * The index as saved in IndexedDB: typed arrays and two strings, so loading 100,000 records is a
 * structured-clone copy and one JSON.parse, not a rebuild. Saved compacted (no tombstones).
 */
export type SearchIndexSnapshot = {
  version: number;
  /** JSON array of [id, kind, label, date, areaIds, partnerIds], by document number. */
  documents: string;
  /** The sorted term dictionary, joined with "\n" (terms never hold white space). */
  terms: string;
  /** Where each term's postings start; one more entry than terms. */
  offsets: Uint32Array;
  /** Document numbers, ascending within a term. */
  postings: Uint32Array;
  /** Per posting: term frequency in names (high 4 bits) and in other text (low 4 bits). */
  weights: Uint8Array;
  namesLength: Uint16Array;
  textLength: Uint16Array;
};

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
  /** The query words and the indexed words they matched, folded, for highlighting. */
  terms: string[];
};

/** Fewer whole-word results than this, and the search also tries typos and word starts. */
const FEW_RESULTS = 5;
/** A word's start expands to at most this many indexed words, the most frequent first. */
const MAX_PREFIX_TERMS = 64;
/** A typo expands to at most this many indexed words, the closest and most frequent first. */
const MAX_FUZZY_TERMS = 12;
/** Query words beyond this many are ignored. */
const MAX_WORDS = 32;
/** Names weigh this much more than other text. */
const NAMES_BOOST = 3;
const QUALITY_PREFIX = 0.6;
const QUALITY_FUZZY = [1, 0.35, 0.2] as const;
/** BM25 constants. */
const K1 = 1.2;
const B = 0.75;
/** Compact the postings added since the last compaction once they pass this many. */
const DELTA_COMPACT_POSTINGS = 2_000_000;

/**
 * How far a query word may be from an indexed one: short words must match exactly (two letters
 * off in a four-letter word is another word), longer ones forgive a typo or two.
 */
function fuzziness(term: string): number {
  if (term.length >= 9) return 2;
  if (term.length >= 5) return 1;
  return 0;
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Levenshtein distance when it is at most `max`, else max + 1; gives up early. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  if (rowA.length <= n) {
    rowA = new Int32Array(n * 2);
    rowB = new Int32Array(n * 2);
  }
  let previous = rowA;
  let current = rowB;
  for (let j = 0; j <= n; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j += 1) {
      const substitute = (previous[j - 1] as number) + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const insert = (current[j - 1] as number) + 1;
      const remove = (previous[j] as number) + 1;
      const value =
        substitute < insert
          ? substitute < remove
            ? substitute
            : remove
          : insert < remove
            ? insert
            : remove;
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return Math.min(previous[n] as number, max + 1);
}

/** First index in the sorted list whose term is >= key (UTF-16 order, as Array#sort). */
function lowerBound(sorted: readonly string[], key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as string) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A growable list of postings for terms added since the last compaction. */
type DeltaPostings = { docs: number[]; weights: number[] };

/** One indexed word a query word stands for, and how well it matches. */
type Expansion = { term: string; quality: number };

function grow<T extends Uint8Array | Uint16Array>(array: T, size: number): T {
  if (array.length >= size) return array;
  const next = new (array.constructor as new (length: number) => T)(
    Math.max(size, array.length * 2, 64),
  );
  next.set(array);
  return next;
}

/**
 * The registry's full-text index: a sorted term dictionary over folded words with postings in
 * typed arrays (document numbers and per-field term frequencies), plus a small map of postings
 * added since the last compaction, and tombstones for removed documents. Queries intersect the
 * words' postings rarest first (every word must match), score BM25 with names weighing more, and
 * keep only the best `limit` hits, so a query at 100,000 records takes milliseconds.
 */
export class SearchIndex {
  private ids: string[] = [];
  private stored: (StoredFields | null)[] = [];
  private namesLength: Uint16Array = new Uint16Array(0);
  private textLength: Uint16Array = new Uint16Array(0);
  private deleted = new Uint8Array(0);
  private readonly byId = new Map<string, number>();
  private readonly wordCache = new Map<string, readonly string[]>();
  private sumNames = 0;
  private sumText = 0;

  private terms: string[] = [];
  private offsets: Uint32Array = new Uint32Array(1);
  private postings: Uint32Array = new Uint32Array(0);
  private weights: Uint8Array = new Uint8Array(0);

  private delta = new Map<string, DeltaPostings>();
  private deltaPostings = 0;
  private deltaTerms: string[] | null = null;
  private byLength: Map<number, Uint32Array> | null = null;

  private scores = new Float64Array(0);
  private matched = new Uint8Array(0);
  private candidates = new Uint32Array(0);
  private namesNorm = new Float32Array(0);
  private textNorm = new Float32Array(0);
  private isNormStale = true;

  /** Records in the index (removed ones excluded). */
  get documentCount(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Adds a record, replacing the one with the same id. */
  add(document: SearchDocument): void {
    this.remove(document.id);
    const number = this.ids.length;
    this.ids.push(document.id);
    this.stored.push({
      kind: document.kind,
      label: document.label,
      date: document.date,
      areaIds: document.areaIds,
      partnerIds: document.partnerIds,
    });
    this.byId.set(document.id, number);
    const size = number + 1;
    this.namesLength = grow(this.namesLength, size);
    this.textLength = grow(this.textLength, size);
    this.deleted = grow(this.deleted, size);
    this.deleted[number] = 0;
    const frequencies = new Map<string, number>();
    const names = tokenizeCached(document.names, this.wordCache);
    const text = tokenizeCached(document.text, this.wordCache);
    for (const term of names) frequencies.set(term, (frequencies.get(term) ?? 0) + 16);
    for (const term of text) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    this.namesLength[number] = Math.min(names.length, 65_535);
    this.textLength[number] = Math.min(text.length, 65_535);
    this.sumNames += this.namesLength[number] ?? 0;
    this.isNormStale = true;
    this.sumText += this.textLength[number] ?? 0;
    for (const [term, packed] of frequencies) {
      const weight = (Math.min(15, packed >>> 4) << 4) | Math.min(15, packed & 15);
      let entry = this.delta.get(term);
      if (!entry) {
        entry = { docs: [], weights: [] };
        this.delta.set(term, entry);
        this.deltaTerms = null;
        this.byLength = null;
      }
      entry.docs.push(number);
      entry.weights.push(weight);
      this.deltaPostings += 1;
    }
    if (this.deltaPostings > DELTA_COMPACT_POSTINGS) this.compact();
  }

  /** Removes a record (a tombstone until the next compaction); false when it was not indexed. */
  remove(id: string): boolean {
    const number = this.byId.get(id);
    if (number === undefined) return false;
    this.byId.delete(id);
    this.deleted[number] = 1;
    this.stored[number] = null;
    this.sumNames -= this.namesLength[number] ?? 0;
    this.isNormStale = true;
    this.sumText -= this.textLength[number] ?? 0;
    return true;
  }

  /**
   * Merges the recent postings into the term dictionary and drops removed records, renumbering
   * the rest. Saving compacts first, so the saved copy has no tombstones.
   */
  compact(): void {
    const total = this.ids.length;
    const remap = new Int32Array(total);
    let live = 0;
    for (let number = 0; number < total; number += 1) {
      remap[number] = this.deleted[number] ? -1 : live++;
    }
    const deltaTerms = this.sortedDeltaTerms();
    const terms: string[] = [];
    const offsets: number[] = [0];
    const postings = new Uint32Array(this.postings.length + this.deltaPostings);
    const weights = new Uint8Array(postings.length);
    let at = 0;
    let baseIndex = 0;
    let deltaIndex = 0;
    while (baseIndex < this.terms.length || deltaIndex < deltaTerms.length) {
      const baseTerm = this.terms[baseIndex];
      const deltaTerm = deltaTerms[deltaIndex];
      const term =
        baseTerm === undefined
          ? (deltaTerm as string)
          : deltaTerm === undefined || baseTerm <= deltaTerm
            ? baseTerm
            : deltaTerm;
      const start = at;
      if (baseTerm === term) {
        const end = this.offsets[baseIndex + 1] as number;
        for (let p = this.offsets[baseIndex] as number; p < end; p += 1) {
          const mapped = remap[this.postings[p] as number] as number;
          if (mapped < 0) continue;
          postings[at] = mapped;
          weights[at] = this.weights[p] as number;
          at += 1;
        }
        baseIndex += 1;
      }
      if (deltaTerm === term) {
        // Documents added later have higher numbers: appending keeps postings ascending.
        const entry = this.delta.get(term) as DeltaPostings;
        for (let p = 0; p < entry.docs.length; p += 1) {
          const mapped = remap[entry.docs[p] as number] as number;
          if (mapped < 0) continue;
          postings[at] = mapped;
          weights[at] = entry.weights[p] as number;
          at += 1;
        }
        deltaIndex += 1;
      }
      if (at > start) {
        terms.push(term);
        offsets.push(at);
      }
    }
    const ids: string[] = [];
    const stored: (StoredFields | null)[] = [];
    const namesLength = new Uint16Array(live);
    const textLength = new Uint16Array(live);
    for (let number = 0; number < total; number += 1) {
      const mapped = remap[number] as number;
      if (mapped < 0) continue;
      ids.push(this.ids[number] as string);
      stored.push(this.stored[number] ?? null);
      namesLength[mapped] = this.namesLength[number] ?? 0;
      textLength[mapped] = this.textLength[number] ?? 0;
    }
    this.ids = ids;
    this.stored = stored;
    this.namesLength = namesLength;
    this.textLength = textLength;
    this.deleted = new Uint8Array(live);
    this.byId.clear();
    ids.forEach((id, number) => this.byId.set(id, number));
    this.terms = terms;
    this.offsets = Uint32Array.from(offsets);
    this.postings = postings.slice(0, at);
    this.weights = weights.slice(0, at);
    this.delta = new Map();
    this.deltaPostings = 0;
    this.deltaTerms = null;
    this.byLength = null;
    this.isNormStale = true;
  }

  /** The compact form to save; see loadSearchIndex. */
  serialize(): SearchIndexSnapshot {
    this.compact();
    return {
      version: SEARCH_INDEX_VERSION,
      documents: JSON.stringify(
        this.ids.map((id, number) => {
          const fields = this.stored[number] as StoredFields;
          return [id, fields.kind, fields.label, fields.date, fields.areaIds, fields.partnerIds];
        }),
      ),
      terms: this.terms.join('\n'),
      offsets: this.offsets.slice(),
      postings: this.postings.slice(),
      weights: this.weights.slice(),
      namesLength: this.namesLength.slice(),
      textLength: this.textLength.slice(),
    };
  }

  /** Restores a saved index; throws on a snapshot of another version or an inconsistent one. */
  static load(snapshot: SearchIndexSnapshot): SearchIndex {
    if (snapshot.version !== SEARCH_INDEX_VERSION) {
      throw new Error(`search index version ${snapshot.version} is not ${SEARCH_INDEX_VERSION}`);
    }
    const index = new SearchIndex();
    const rows = JSON.parse(snapshot.documents) as [
      string,
      SearchableKind,
      LocalizedText,
      PartialDate | null,
      string[],
      string[],
    ][];
    const terms = snapshot.terms === '' ? [] : snapshot.terms.split('\n');
    if (
      snapshot.offsets.length !== terms.length + 1 ||
      snapshot.postings.length !== snapshot.weights.length ||
      snapshot.offsets[terms.length] !== snapshot.postings.length ||
      snapshot.namesLength.length !== rows.length ||
      snapshot.textLength.length !== rows.length
    ) {
      throw new Error('the saved search index is inconsistent');
    }
    for (const [id, kind, label, date, areaIds, partnerIds] of rows) {
      index.byId.set(id, index.ids.length);
      index.ids.push(id);
      index.stored.push({ kind, label, date, areaIds, partnerIds });
    }
    index.terms = terms;
    index.offsets = snapshot.offsets;
    index.postings = snapshot.postings;
    index.weights = snapshot.weights;
    index.namesLength = snapshot.namesLength;
    index.textLength = snapshot.textLength;
    index.deleted = new Uint8Array(rows.length);
    for (let number = 0; number < rows.length; number += 1) {
      index.sumNames += snapshot.namesLength[number] ?? 0;
      index.sumText += snapshot.textLength[number] ?? 0;
    }
    return index;
  }

  /**
   * Finds records matching every word of the query: a word matches exactly or, the last one, as
   * the start of a longer word (it is being typed). When that finds little, any word of 3 letters
   * or more may also be a word's start, and a word of 5 or more may have a typo. Names weigh more
   * than other text; exact matches more than prefixes, prefixes more than typos.
   */
  search(query: string, filters: SearchFilters = {}, limit = 60): SearchHit[] {
    // Distinct words, at most MAX_WORDS of them (the match counters are bytes).
    const words = [...new Set(tokenize(query))].slice(0, MAX_WORDS);
    if (words.length === 0) return [];
    const accept = this.filterFor(filters);
    const last = words.length - 1;
    const first = this.run(
      words.map((word, position) =>
        this.expand(word, position === last && word.length >= 2, false),
      ),
      accept,
      limit,
    );
    if (first.length >= FEW_RESULTS || first.length >= limit) return first;
    const second = this.run(
      words.map((word, position) =>
        this.expand(word, word.length >= 3 || (position === last && word.length >= 2), true),
      ),
      accept,
      limit,
    );
    return second.length > first.length ? second : first;
  }

  /**
   * Runs a few throwaway queries over the most frequent word, so the first query an officer types
   * does not pay for compiling the search loops and the length norms.
   */
  warmUp(): void {
    let best = -1;
    let most = 0;
    for (let at = 0; at < this.terms.length; at += 1) {
      const count = (this.offsets[at + 1] as number) - (this.offsets[at] as number);
      if (count > most) [best, most] = [at, count];
    }
    const term = this.terms[best];
    if (term === undefined || term.length < 3) return;
    for (const query of [term, `${term} ${term.slice(0, 2)}`, `${term.slice(1)}x`]) {
      this.search(query, {}, 10);
    }
  }

  private filterFor(filters: SearchFilters): ((fields: StoredFields) => boolean) | null {
    const kinds = filters.kinds?.length ? new Set(filters.kinds) : null;
    const areas = filters.areaIds?.length ? new Set(filters.areaIds) : null;
    const partners = filters.partnerIds?.length ? new Set(filters.partnerIds) : null;
    const hasRange = Boolean(filters.from ?? filters.to);
    if (!kinds && !areas && !partners && !hasRange) return null;
    return (fields) => {
      if (kinds && !kinds.has(fields.kind)) return false;
      if (areas && !fields.areaIds.some((id) => areas.has(id))) return false;
      if (partners && !fields.partnerIds.some((id) => partners.has(id))) return false;
      if (hasRange) {
        const bounds = partialDateBounds(fields.date);
        if (!bounds) return false;
        if (filters.from && bounds.last < filters.from) return false;
        if (filters.to && bounds.first > filters.to) return false;
      }
      return true;
    };
  }

  private sortedDeltaTerms(): string[] {
    this.deltaTerms ??= [...this.delta.keys()].sort();
    return this.deltaTerms;
  }

  /** How many records hold the term (tombstones included until compaction). */
  private frequency(term: string): number {
    let count = this.delta.get(term)?.docs.length ?? 0;
    const at = lowerBound(this.terms, term);
    if (this.terms[at] === term) {
      count += (this.offsets[at + 1] as number) - (this.offsets[at] as number);
    }
    return count;
  }

  /** The indexed words one query word stands for: itself, words it starts, near misses. */
  private expand(word: string, isPrefix: boolean, isFuzzy: boolean): Expansion[] {
    const found = new Map<string, Expansion>();
    if (this.frequency(word) > 0) found.set(word, { term: word, quality: 1 });
    if (isPrefix) {
      const candidates: { term: string; count: number }[] = [];
      for (const sorted of [this.terms, this.sortedDeltaTerms()]) {
        for (let at = lowerBound(sorted, word); at < sorted.length; at += 1) {
          const term = sorted[at] as string;
          if (!term.startsWith(word)) break;
          if (term !== word) candidates.push({ term, count: 0 });
        }
      }
      for (const candidate of candidates) candidate.count = this.frequency(candidate.term);
      candidates.sort((a, b) => b.count - a.count);
      for (const { term } of candidates.slice(0, MAX_PREFIX_TERMS)) {
        // A word barely started matches less than one nearly typed out.
        const quality = QUALITY_PREFIX * (0.5 + (0.5 * word.length) / term.length);
        if (!found.has(term)) found.set(term, { term, quality });
      }
    }
    const distance = isFuzzy ? fuzziness(word) : 0;
    if (distance > 0) {
      const near: { term: string; distance: number; count: number }[] = [];
      const consider = (term: string) => {
        if (found.has(term)) return;
        const d = boundedDistance(word, term, distance);
        if (d <= distance) near.push({ term, distance: d, count: this.frequency(term) });
      };
      const byLength = this.termsByLength();
      for (let length = word.length - distance; length <= word.length + distance; length += 1) {
        const bucket = byLength.get(length);
        if (bucket) for (const at of bucket) consider(this.terms[at] as string);
      }
      for (const term of this.delta.keys()) {
        if (Math.abs(term.length - word.length) <= distance) consider(term);
      }
      near.sort((a, b) => a.distance - b.distance || b.count - a.count);
      for (const { term, distance: d } of near.slice(0, MAX_FUZZY_TERMS)) {
        found.set(term, { term, quality: QUALITY_FUZZY[d] ?? 0.1 });
      }
    }
    return [...found.values()];
  }

  /** Dictionary positions grouped by word length, for typo candidates; built on first need. */
  private termsByLength(): Map<number, Uint32Array> {
    if (this.byLength) return this.byLength;
    const lists = new Map<number, number[]>();
    this.terms.forEach((term, at) => {
      let list = lists.get(term.length);
      if (!list) lists.set(term.length, (list = []));
      list.push(at);
    });
    this.byLength = new Map([...lists].map(([length, list]) => [length, Uint32Array.from(list)]));
    return this.byLength;
  }

  /** BM25 length normalisation per record and field; recomputed after the index changes. */
  private norms(): [Float32Array, Float32Array] {
    const size = this.ids.length;
    if (this.isNormStale || this.namesNorm.length < size) {
      const live = Math.max(1, this.byId.size);
      const averageNames = Math.max(1, this.sumNames / live);
      const averageText = Math.max(1, this.sumText / live);
      this.namesNorm = new Float32Array(size);
      this.textNorm = new Float32Array(size);
      for (let doc = 0; doc < size; doc += 1) {
        this.namesNorm[doc] = K1 * (1 - B + (B * (this.namesLength[doc] ?? 0)) / averageNames);
        this.textNorm[doc] = K1 * (1 - B + (B * (this.textLength[doc] ?? 0)) / averageText);
      }
      this.isNormStale = false;
    }
    return [this.namesNorm, this.textNorm];
  }

  /**
   * Scores the records holding every word (each through any of its expansions): the rarest word
   * sets the candidates, each further word keeps those it also holds, looked up by binary search
   * when the candidates are few. The best `limit` are kept in a small heap.
   */
  private run(
    words: Expansion[][],
    accept: ((fields: StoredFields) => boolean) | null,
    limit: number,
  ): SearchHit[] {
    if (words.some((expansions) => expansions.length === 0)) return [];
    const size = this.ids.length;
    if (this.scores.length < size) {
      const capacity = Math.max(size, this.scores.length * 2);
      this.scores = new Float64Array(capacity);
      this.matched = new Uint8Array(capacity);
      this.candidates = new Uint32Array(capacity);
    }
    const scores = this.scores;
    const matched = this.matched;
    const candidates = this.candidates;
    const [namesNorm, textNorm] = this.norms();
    const live = Math.max(1, this.byId.size);
    const costed = words
      .map((expansions) =>
        expansions.map((expansion) => ({ ...expansion, count: this.frequency(expansion.term) })),
      )
      .map((expansions) => ({
        // Exact first, so a record matching a word both ways scores as the exact match.
        expansions: expansions.sort((a, b) => b.quality - a.quality),
        cost: expansions.reduce((sum, expansion) => sum + expansion.count, 0),
      }))
      .sort((a, b) => a.cost - b.cost);

    let candidateCount = 0;
    const deleted = this.deleted;
    const postings = this.postings;
    const weights = this.weights;
    for (let position = 0; position < costed.length; position += 1) {
      const before = position;
      const after = position + 1;
      const word = costed[position] as (typeof costed)[number];
      for (const { term, quality, count } of word.expansions) {
        if (count === 0) continue;
        // Rarity of the query word as typed (all its expansions), so a rare longer word or typo
        // never outscores the exact word; quality orders exact, prefix and typo.
        const factor =
          Math.log(1 + Math.max(0, live - word.cost + 0.5) / (word.cost + 0.5)) * quality;
        const namesFactor = factor * NAMES_BOOST * (K1 + 1);
        const textFactor = factor * (K1 + 1);
        // BM25 per field, names boosted; weight packs both term frequencies.
        const visit = (doc: number, weight: number) => {
          if (position === 0) {
            if (matched[doc] !== 0 || deleted[doc]) return;
            matched[doc] = 1;
            candidates[candidateCount++] = doc;
            scores[doc] = 0;
          } else if (matched[doc] === before) {
            matched[doc] = after;
          } else return;
          const inNames = weight >>> 4;
          const inText = weight & 15;
          let value = 0;
          if (inNames > 0)
            value += (namesFactor * inNames) / (inNames + (namesNorm[doc] as number));
          if (inText > 0) value += (textFactor * inText) / (inText + (textNorm[doc] as number));
          scores[doc] = (scores[doc] as number) + value;
        };
        const at = lowerBound(this.terms, term);
        if (this.terms[at] === term) {
          const start = this.offsets[at] as number;
          const end = this.offsets[at + 1] as number;
          const length = end - start;
          if (position > 0 && candidateCount * Math.log2(length + 2) * 2 < length) {
            // Few candidates left: look each up instead of walking a long posting list.
            for (let c = 0; c < candidateCount; c += 1) {
              const doc = candidates[c] as number;
              if (matched[doc] !== before) continue;
              let low = start;
              let high = end;
              while (low < high) {
                const middle = (low + high) >>> 1;
                if ((postings[middle] as number) < doc) low = middle + 1;
                else high = middle;
              }
              if (low < end && postings[low] === doc) visit(doc, weights[low] as number);
            }
          } else if (position === 0) {
            // The hot loops, written out: the rarest word's postings, then each further word's.
            for (let p = start; p < end; p += 1) {
              const doc = postings[p] as number;
              if (matched[doc] !== 0 || deleted[doc]) continue;
              matched[doc] = 1;
              candidates[candidateCount++] = doc;
              const weight = weights[p] as number;
              const inNames = weight >>> 4;
              const inText = weight & 15;
              scores[doc] =
                (inNames > 0
                  ? (namesFactor * inNames) / (inNames + (namesNorm[doc] as number))
                  : 0) +
                (inText > 0 ? (textFactor * inText) / (inText + (textNorm[doc] as number)) : 0);
            }
          } else {
            for (let p = start; p < end; p += 1) {
              const doc = postings[p] as number;
              if (matched[doc] !== before) continue;
              matched[doc] = after;
              const weight = weights[p] as number;
              const inNames = weight >>> 4;
              const inText = weight & 15;
              scores[doc] =
                (scores[doc] as number) +
                (inNames > 0
                  ? (namesFactor * inNames) / (inNames + (namesNorm[doc] as number))
                  : 0) +
                (inText > 0 ? (textFactor * inText) / (inText + (textNorm[doc] as number)) : 0);
            }
          }
        }
        const entry = this.delta.get(term);
        if (entry) {
          for (let p = 0; p < entry.docs.length; p += 1) {
            visit(entry.docs[p] as number, entry.weights[p] as number);
          }
        }
      }
    }

    // The best `limit` hits in a min-heap of document numbers, keyed by score.
    const wanted = costed.length;
    const heap: number[] = [];
    const better = (a: number, b: number) =>
      (scores[a] as number) > (scores[b] as number) ||
      (scores[a] === scores[b] && (this.ids[a] as string) < (this.ids[b] as string));
    const siftDown = (from: number) => {
      let at = from;
      for (;;) {
        const left = at * 2 + 1;
        const right = left + 1;
        let worst = at;
        if (left < heap.length && better(heap[worst] as number, heap[left] as number)) worst = left;
        if (right < heap.length && better(heap[worst] as number, heap[right] as number)) {
          worst = right;
        }
        if (worst === at) return;
        [heap[at], heap[worst]] = [heap[worst] as number, heap[at] as number];
        at = worst;
      }
    };
    for (let c = 0; c < candidateCount; c += 1) {
      const doc = candidates[c] as number;
      const isMatch = matched[doc] === wanted;
      matched[doc] = 0;
      if (!isMatch) continue;
      if (accept && !accept(this.stored[doc] as StoredFields)) continue;
      if (heap.length < limit) {
        heap.push(doc);
        for (let at = heap.length - 1; at > 0;) {
          const parent = (at - 1) >>> 1;
          if (!better(heap[parent] as number, heap[at] as number)) break;
          [heap[at], heap[parent]] = [heap[parent] as number, heap[at] as number];
          at = parent;
        }
      } else if (limit > 0 && better(doc, heap[0] as number)) {
        heap[0] = doc;
        siftDown(0);
      }
    }
    const terms = [...new Set(words.flat().map((expansion) => expansion.term))];
    return heap
      .sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
      .map((doc) => {
        const fields = this.stored[doc] as StoredFields;
        return {
          id: this.ids[doc] as string,
          kind: fields.kind,
          label: fields.label,
          date: fields.date,
          score: scores[doc] as number,
          terms,
        };
      });
  }
}

export function createSearchIndex(): SearchIndex {
  return new SearchIndex();
}

/** Restores an index saved with `index.serialize()`. */
export function loadSearchIndex(snapshot: SearchIndexSnapshot): SearchIndex {
  return SearchIndex.load(snapshot);
}

/** Finds records matching every word of the query; see SearchIndex.search. */
export function searchIndex(
  index: SearchIndex,
  query: string,
  filters: SearchFilters = {},
  limit = 60,
): SearchHit[] {
  return index.search(query, filters, limit);
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
