import { describe, expect, it } from 'vitest';
import { EMPTY_SEARCH, parseSearch, searchFilters, serializeSearch } from './searchState';

describe('search state', () => {
  it('round-trips words and filters through a saved query', () => {
    const state = {
      text: 'readmission',
      kinds: ['agreements' as const],
      areaIds: ['a1'],
      partnerIds: ['p1', 'p2'],
      from: '2014',
      to: '2016-03',
    };
    expect(parseSearch(serializeSearch(state))).toEqual(state);
    expect(serializeSearch(EMPTY_SEARCH)).toBe('');
    expect(parseSearch('kind=agreements,unknown')).toEqual({
      ...EMPTY_SEARCH,
      kinds: ['agreements'],
    });
  });

  it('turns partial dates into day bounds and names a bound that is not a date', () => {
    expect(searchFilters({ ...EMPTY_SEARCH, from: '2014', to: '2014-02' }).filters).toMatchObject({
      from: '2014-01-01',
      to: '2014-02-28',
    });
    expect(searchFilters({ ...EMPTY_SEARCH, to: '2014-13' }).dateError).toBe('to');
  });
});
