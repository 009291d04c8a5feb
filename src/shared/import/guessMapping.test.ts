import { describe, expect, it } from 'vitest';
import type { ImportTable } from './cells';
import { guessMapping, headerLanguage, mappingProblems } from './guessMapping';

const table = (headers: string[], ...rows: string[][]): ImportTable => ({
  name: 'test',
  headers,
  rows: rows.map((cells, index) => ({ rowNumber: index + 2, cells })),
});

describe('guessMapping', () => {
  it('maps English headers', () => {
    const mapping = guessMapping(
      'partners',
      table(['Name', 'Acronym', 'Type', 'Country', 'Notes']),
    );
    expect(mapping.columns).toEqual([
      { field: 'name', language: 'en' },
      { field: 'acronym', language: 'en' },
      { field: 'kind', language: 'en' },
      { field: 'country', language: 'en' },
      { field: 'notes', language: 'en' },
    ]);
  });

  it('maps Azerbaijani headers in any case, and their texts to Azerbaijani', () => {
    const mapping = guessMapping('events', table(['Ad', 'ÖLKƏ', 'Tarix', 'Növ', 'Şəhər']));
    expect(mapping.columns).toEqual([
      { field: 'title', language: 'az' },
      { field: 'country', language: 'en' },
      { field: 'startDate', language: 'en' },
      { field: 'kind', language: 'en' },
      { field: 'city', language: 'az' },
    ]);
  });

  it('maps Russian headers, and their texts to Russian', () => {
    const mapping = guessMapping('partners', table(['Название', 'Страна', 'Тип', 'Примечание']));
    expect(mapping.columns.map((column) => column.field)).toEqual([
      'name',
      'country',
      'kind',
      'notes',
    ]);
    expect(mapping.columns[0]?.language).toBe('ru');
  });

  it('reads a language mark in the header: one column per language of the name', () => {
    const mapping = guessMapping(
      'partners',
      table(['Name (EN)', 'Name (AZ)', 'Название [рус.]', 'Ad - rus']),
    );
    expect(mapping.columns).toEqual([
      { field: 'name', language: 'en' },
      { field: 'name', language: 'az' },
      { field: 'name', language: 'ru' },
      // A second Russian name column is left for the user to place.
      { field: null, language: 'en' },
    ]);
  });

  it('takes the language from the values when the header does not say it', () => {
    const mapping = guessMapping(
      'partners',
      table(
        ['Name'],
        ['Международная организация по миграции'],
        ['Управление Верховного комиссара'],
      ),
    );
    expect(mapping.columns[0]).toEqual({ field: 'name', language: 'ru' });
  });

  it('uses each field once and leaves unknown headers unmapped', () => {
    const mapping = guessMapping('events', table(['Date', 'Tarix', 'Weather']));
    expect(mapping.columns.map((column) => column.field)).toEqual(['startDate', null, null]);
  });

  it('guesses the dates of each kind from the generic word "date"', () => {
    expect(guessMapping('agreements', table(['Дата'])).columns[0]?.field).toBe('signedDate');
    expect(guessMapping('followUps', table(['Tarix'])).columns[0]?.field).toBe('dueDate');
  });
});

describe('headerLanguage', () => {
  it('splits the language mark from the header', () => {
    expect(headerLanguage('Name (AZ)')).toEqual({ base: 'name', language: 'az' });
    expect(headerLanguage('Ad (ingiliscə)')).toEqual({ base: 'ad', language: 'en' });
    expect(headerLanguage('Название')).toEqual({ base: 'название', language: null });
  });
});

describe('mappingProblems', () => {
  it('names required fields without a column or a value for all rows', () => {
    const mapping = guessMapping('partners', table(['Name']));
    expect(mappingProblems(mapping)).toEqual([{ code: 'requiredUnmapped', field: 'kind' }]);
    expect(mappingProblems({ ...mapping, defaults: { kind: 'state' } })).toEqual([]);
  });

  it('names a field mapped twice (texts: twice in the same language)', () => {
    const problems = mappingProblems({
      kind: 'partners',
      columns: [
        { field: 'name', language: 'en' },
        { field: 'name', language: 'en' },
        { field: 'kind', language: 'en' },
        { field: 'kind', language: 'en' },
      ],
      defaults: {},
    });
    expect(problems).toEqual([
      { code: 'mappedTwice', field: 'name', language: 'en' },
      { code: 'mappedTwice', field: 'kind', language: null },
    ]);
  });
});
