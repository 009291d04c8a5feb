import { describe, expect, it } from 'vitest';
import type { SearchDocument } from './searchDocument';
import { createSearchIndex, highlight, loadSearchIndex, searchIndex } from './searchIndex';

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
  });

  it('treats the Turkic dotted and dotless i alike, and Russian ё as е', () => {
    expect(ids(searchIndex(index, 'Istanbul'))).toEqual(['istanbul']);
    expect(ids(searchIndex(index, 'ıstanbul'))).toEqual(['istanbul']);
    expect(ids(searchIndex(index, 'елкин'))).toEqual(['moscow']);
  });

  it('matches the start of a word and forgives a typo in a longer one', () => {
    expect(ids(searchIndex(index, 'readm'))).toEqual(['readmission']);
    expect(ids(searchIndex(index, 'readmision'))).toEqual(['readmission']);
    expect(ids(searchIndex(index, 'Москве встр'))).toEqual(['moscow']);
    // Every word must match.
    expect(searchIndex(index, 'readmission moscow')).toEqual([]);
  });

  it('filters by kind, area and date range', () => {
    expect(ids(searchIndex(index, 'agreement', { kinds: ['events'] }))).toEqual([]);
    expect(ids(searchIndex(index, 'training', { areaIds: ['area-1'] }))).toEqual(['gence']);
    expect(ids(searchIndex(index, 'training', { from: '2011-01-01' }))).toEqual([]);
    expect(ids(searchIndex(index, 'training', { from: '2010-03-15', to: '2010-12-31' }))).toEqual([
      'gence',
    ]);
  });

  it('survives saving and loading, and follows a replaced document', () => {
    const copy = loadSearchIndex(index.serialize());
    expect(ids(searchIndex(copy, 'gence'))).toEqual(['gence']);
    copy.add(doc('gence', 'Border training in Şəki'));
    expect(searchIndex(copy, 'gence')).toEqual([]);
    expect(ids(searchIndex(copy, 'seki'))).toEqual(['gence']);
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
});
