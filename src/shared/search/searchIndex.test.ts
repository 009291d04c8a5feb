import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SearchDocument } from './searchDocument';
import {
  boundedDistance,
  createSearchIndex,
  highlight,
  loadSearchIndex,
  searchIndex,
  tokenize,
  tokenizeCached,
  type SearchIndex,
} from './searchIndex';

function doc(id: string, names: string, patch: Partial<SearchDocument> = {}): SearchDocument {
  return {
    id,
    kind: 'events',
    names,
    text: '',
    label: { en: names },
    date: null,
    areaIds: [],
    partnerIds: [],
    ...patch,
  };
}

function indexOf(...docs: SearchDocument[]) {
  const index = createSearchIndex();
  for (const each of docs) index.add(each);
  return index;
}

/** The saved form as IndexedDB would hand it back: a structured clone. */
const roundTrip = (index: SearchIndex) => loadSearchIndex(structuredClone(index.serialize()));

const ids = (hits: { id: string }[]) => hits.map((hit) => hit.id);

describe('searchIndex', () => {
  const index = indexOf(
    doc('esas', 'Əsas Qanun haqqında seminar'),
    doc('istanbul', 'Working visit to İstanbul'),
    doc('readmission', 'Agreement on readmission', { kind: 'agreements' }),
    doc('moscow', 'Встреча в Москве', { text: 'Ёлкин присутствовал' }),
    doc('gence', 'Border training in Gəncə', { date: '2010-03', areaIds: ['area-1'] }),
  );

  it('finds a record however ə, case and diacritics are typed', () => {
    expect(ids(searchIndex(index, 'əsas'))).toEqual(['esas']);
    expect(ids(searchIndex(index, 'ESAS'))).toEqual(['esas']);
    expect(ids(searchIndex(index, 'esas'))).toEqual(['esas']);
    expect(ids(searchIndex(index, 'gence'))).toEqual(['gence']);
    expect(ids(searchIndex(index, 'GƏNCƏ'))).toEqual(['gence']);
  });

  it('treats the Turkic dotted and dotless i alike, and Russian ё as е', () => {
    expect(ids(searchIndex(index, 'Istanbul'))).toEqual(['istanbul']);
    expect(ids(searchIndex(index, 'ıstanbul'))).toEqual(['istanbul']);
    expect(ids(searchIndex(index, 'İSTANBUL'))).toEqual(['istanbul']);
    expect(ids(searchIndex(index, 'елкин'))).toEqual(['moscow']);
    expect(tokenize('Gəncə İstanbul ıslah')).toEqual(['gence', 'istanbul', 'islah']);
  });

  it('matches the start of a word and forgives a typo in a longer one', () => {
    expect(ids(searchIndex(index, 'readm'))).toEqual(['readmission']);
    expect(ids(searchIndex(index, 'readmision'))).toEqual(['readmission']);
    expect(ids(searchIndex(index, 'raedmission'))).toEqual(['readmission']);
    expect(ids(searchIndex(index, 'Москве встр'))).toEqual(['moscow']);
    // Every word must match.
    expect(searchIndex(index, 'readmission moscow')).toEqual([]);
    // Short words must match exactly: "visa" is not "visit".
    expect(searchIndex(index, 'visa working')).toEqual([]);
  });

  it('filters by kind, area and date range', () => {
    expect(ids(searchIndex(index, 'agreement', { kinds: ['events'] }))).toEqual([]);
    expect(ids(searchIndex(index, 'agreement', { kinds: ['agreements'] }))).toEqual([
      'readmission',
    ]);
    expect(ids(searchIndex(index, 'training', { areaIds: ['area-1'] }))).toEqual(['gence']);
    expect(ids(searchIndex(index, 'training', { areaIds: ['area-2'] }))).toEqual([]);
    expect(ids(searchIndex(index, 'training', { from: '2011-01-01' }))).toEqual([]);
    expect(ids(searchIndex(index, 'training', { from: '2010-03-15', to: '2010-12-31' }))).toEqual([
      'gence',
    ]);
  });

  it('survives saving and loading, and follows a replaced document', () => {
    const copy = roundTrip(index);
    expect(copy.documentCount).toBe(5);
    expect(ids(searchIndex(copy, 'gence'))).toEqual(['gence']);
    copy.add(doc('gence', 'Border training in Şəki'));
    expect(copy.documentCount).toBe(5);
    expect(searchIndex(copy, 'gence')).toEqual([]);
    expect(ids(searchIndex(copy, 'seki'))).toEqual(['gence']);
  });
});

describe('ranking', () => {
  it('puts a match in the name before one in other text, and exact before prefix before typo', () => {
    const index = indexOf(
      doc('in-notes', 'Annual report', { text: 'discussed readmission at length' }),
      doc('in-name', 'Readmission talks'),
    );
    expect(ids(searchIndex(index, 'readmission'))).toEqual(['in-name', 'in-notes']);
    // Few exact hits: longer words it starts join, below the exact match in the same field.
    index.add(doc('prefix', 'Readmissions overview'));
    expect(ids(searchIndex(index, 'readmission'))).toEqual(['in-name', 'prefix', 'in-notes']);
    const typo = indexOf(doc('exact', 'Protection of migrants'), doc('typo', 'Protektion seminar'));
    expect(ids(searchIndex(typo, 'protection'))).toEqual(['exact', 'typo']);
    const prefix = indexOf(doc('longer', 'Partnerships'), doc('exact', 'Partner'));
    expect(ids(searchIndex(prefix, 'partner'))).toEqual(['exact', 'longer']);
  });

  it('weighs a rare word more than a common one', () => {
    const docs = [
      doc('rare-in-name', 'diaspora', { text: 'visa' }),
      doc('common-in-name', 'visa', { text: 'diaspora' }),
      ...Array.from({ length: 30 }, (_, i) => doc(`common-${i}`, 'visa border')),
    ];
    const index = indexOf(...docs);
    expect(searchIndex(index, 'visa')).toHaveLength(32);
    expect(ids(searchIndex(index, 'visa diaspora'))).toEqual(['rare-in-name', 'common-in-name']);
    expect(ids(searchIndex(index, 'diaspora visa'))).toEqual(['rare-in-name', 'common-in-name']);
  });

  it('keeps the best hits when the limit cuts the list, best first', () => {
    const docs = Array.from({ length: 200 }, (_, i) =>
      doc(`d${String(i).padStart(3, '0')}`, i % 50 === 0 ? 'border border border' : 'border', {
        text: 'padding '.repeat(i % 7),
      }),
    );
    const index = indexOf(...docs);
    const all = searchIndex(index, 'border', {}, 1_000);
    const top = searchIndex(index, 'border', {}, 10);
    expect(all).toHaveLength(200);
    expect(ids(top)).toEqual(ids(all).slice(0, 10));
    expect(ids(top).slice(0, 4).sort()).toEqual(['d000', 'd050', 'd100', 'd150']);
    for (let i = 1; i < all.length; i += 1) {
      expect((all[i] as { score: number }).score).toBeLessThanOrEqual(
        (all[i - 1] as { score: number }).score,
      );
    }
  });
});

describe('incremental updates', () => {
  it('removes, re-adds and compacts without losing or resurrecting records', () => {
    const index = indexOf(doc('a', 'visa border'), doc('b', 'visa asylum'), doc('c', 'asylum'));
    index.compact();
    expect(index.remove('b')).toBe(true);
    expect(index.remove('b')).toBe(false);
    expect(index.has('b')).toBe(false);
    expect(ids(searchIndex(index, 'visa'))).toEqual(['a']);
    expect(ids(searchIndex(index, 'asylum'))).toEqual(['c']);
    // Edited before the next compaction: the old words no longer find it.
    index.add(doc('a', 'labour mobility'));
    expect(searchIndex(index, 'border')).toEqual([]);
    expect(ids(searchIndex(index, 'mobility labour'))).toEqual(['a']);
    index.add(doc('d', 'visa labour'));
    index.compact();
    expect(index.documentCount).toBe(3);
    expect(ids(searchIndex(index, 'labour')).sort()).toEqual(['a', 'd']);
    expect(ids(searchIndex(index, 'visa'))).toEqual(['d']);
    const copy = roundTrip(index);
    expect(ids(searchIndex(copy, 'labour')).sort()).toEqual(['a', 'd']);
    expect(copy.has('b')).toBe(false);
  });

  it('answers like a plain scan after any sequence of adds, edits and removals', () => {
    const vocabulary = ['visa', 'border', 'asylum', 'labour', 'return', 'readmission', 'gəncə'];
    const operation = fc.oneof(
      fc.record({
        type: fc.constant('add' as const),
        id: fc.integer({ min: 0, max: 15 }),
        words: fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 4 }),
      }),
      fc.record({ type: fc.constant('remove' as const), id: fc.integer({ min: 0, max: 15 }) }),
      fc.record({ type: fc.constant('compact' as const) }),
    );
    fc.assert(
      fc.property(
        fc.array(operation, { maxLength: 40 }),
        fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 2 }),
        (operations, query) => {
          const index = createSearchIndex();
          const model = new Map<string, string[]>();
          for (const step of operations) {
            if (step.type === 'add') {
              index.add(doc(`r${step.id}`, step.words.join(' ')));
              model.set(
                `r${step.id}`,
                step.words.map((word) => tokenize(word)[0] ?? word),
              );
            } else if (step.type === 'remove') {
              index.remove(`r${step.id}`);
              model.delete(`r${step.id}`);
            } else index.compact();
          }
          const words = query.map((word) => tokenize(word)[0] ?? word);
          const expected = [...model]
            .filter(([, terms]) => words.every((word) => terms.includes(word)))
            .map(([id]) => id)
            .sort();
          for (const candidate of [index, roundTrip(index)]) {
            expect(candidate.documentCount).toBe(model.size);
            const found = ids(searchIndex(candidate, query.join(' '), {}, 100)).sort();
            // Whole words are found exactly; with fewer than five, near misses may join.
            if (expected.length >= 5) expect(found).toEqual(expected);
            else expect(found).toEqual(expect.arrayContaining(expected));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses a saved index of another version or with inconsistent arrays', () => {
    const snapshot = indexOf(doc('a', 'visa')).serialize();
    expect(() => loadSearchIndex({ ...snapshot, version: 1 })).toThrow(/version/);
    expect(() => loadSearchIndex({ ...snapshot, offsets: new Uint32Array([0]) })).toThrow(
      /inconsistent/,
    );
  });
});

describe('tokenizeCached', () => {
  it('gives the same words as folding the whole text', () => {
    // Code points on purpose: lone combining marks are part of what is tested.
    const alphabet = Array.from('aAəƏıIİiéüÜçşğöЁёйЙßx1 -.,\u0301\u0307\u0308\n');
    const cache = new Map<string, readonly string[]>();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(tokenizeCached(text, cache)).toEqual(tokenize(text));
      }),
      { numRuns: 2_000 },
    );
    expect(tokenizeCached('Gəncə İstanbul, ЁЛКИН', cache)).toEqual(['gence', 'istanbul', 'елкин']);
  });
});

describe('boundedDistance', () => {
  it('counts edits up to the bound and gives up beyond it', () => {
    expect(boundedDistance('readmission', 'readmission', 2)).toBe(0);
    expect(boundedDistance('readmision', 'readmission', 2)).toBe(1);
    expect(boundedDistance('raedmission', 'readmission', 2)).toBe(2);
    expect(boundedDistance('visa', 'border', 1)).toBe(2);
    expect(boundedDistance('cooeration', 'cooperation', 1)).toBe(1);
  });
});

describe('highlight', () => {
  it('marks the words that matched, compared folded', () => {
    expect(highlight('Border training in Gəncə', ['gence'])).toEqual([
      { text: 'Border training in ', isMatch: false },
      { text: 'Gəncə', isMatch: true },
    ]);
    expect(highlight('Working visit', [])).toEqual([{ text: 'Working visit', isMatch: false }]);
  });

  it('marks the indexed word a typo or a word start found', () => {
    const index = indexOf(doc('r', 'Agreement on readmission'), doc('i', 'Visit to İstanbul'));
    const [typo] = searchIndex(index, 'readmision');
    expect(highlight('Agreement on readmission', typo?.terms ?? [])).toEqual([
      { text: 'Agreement on ', isMatch: false },
      { text: 'readmission', isMatch: true },
    ]);
    const [prefix] = searchIndex(index, 'istan');
    expect(highlight('Visit to İstanbul', prefix?.terms ?? [])).toEqual([
      { text: 'Visit to ', isMatch: false },
      { text: 'İstanbul', isMatch: true },
    ]);
  });
});

describe('warmUp', () => {
  it('leaves the index and its answers unchanged', () => {
    const index = indexOf(doc('a', 'visa border'), doc('b', 'visa asylum'), doc('c', 'asylum'));
    index.compact();
    const before = searchIndex(index, 'visa');
    index.warmUp();
    expect(searchIndex(index, 'visa')).toEqual(before);
    expect(index.documentCount).toBe(3);
  });
});
