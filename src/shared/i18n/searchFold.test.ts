import { describe, expect, it } from 'vitest';
import { foldForSearch } from './searchFold';

describe('foldForSearch', () => {
  it('ignores case and diacritics', () => {
    expect(foldForSearch('Könüllü Qayıdış')).toBe(foldForSearch('konullu qayidis'));
    expect(foldForSearch('Coopération')).toBe('cooperation');
  });

  it('reads ə as e and both Turkic i letters as i', () => {
    expect(foldForSearch('İDARƏ')).toBe('idare');
    expect(foldForSearch('IRAQ')).toBe('iraq');
    expect(foldForSearch('ıslahat')).toBe('islahat');
  });

  it('keeps Cyrillic, folding only case and й/ё marks', () => {
    expect(foldForSearch('РЕАДМИССИЯ')).toBe('реадмиссия');
    expect(foldForSearch('Ёлка')).toBe(foldForSearch('елка'));
  });

  it('collapses runs of white space', () => {
    expect(foldForSearch('  legal \n migration ')).toBe('legal migration');
  });
});
