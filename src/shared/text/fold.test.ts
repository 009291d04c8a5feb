import { describe, expect, it } from 'vitest';
import { foldForMatch } from './fold';

describe('foldForMatch', () => {
  it('folds the Azerbaijani letters that are not accented Latin ones', () => {
    expect(foldForMatch('Gəncə')).toBe('gence');
    expect(foldForMatch('Şəki Çağ Öz Ürək')).toBe('seki cag oz urek');
    expect(foldForMatch('Miqrasiya Xidməti')).toBe('miqrasiya xidmeti');
  });

  it('treats every Turkic and Latin i alike, whatever its case or dot', () => {
    for (const word of ['İstanbul', 'Istanbul', 'ıstanbul', 'istanbul', 'ISTANBUL']) {
      expect(foldForMatch(word)).toBe('istanbul');
    }
  });

  it('folds Russian ё to е and keeps Cyrillic otherwise', () => {
    expect(foldForMatch('Ёлкин')).toBe('елкин');
    expect(foldForMatch('Международная организация')).toBe('международная организация');
  });

  it('gives the same result for composed and decomposed input', () => {
    expect(foldForMatch('Gen\u0065\u0301ve')).toBe(foldForMatch('Genéve'));
  });

  it('ignores case and accents of other languages too', () => {
    expect(foldForMatch('Könüllü Qayıdış')).toBe(foldForMatch('konullu qayidis'));
    expect(foldForMatch('Coopération')).toBe('cooperation');
    expect(foldForMatch('İDARƏ')).toBe('idare');
  });

  it('collapses runs of white space', () => {
    expect(foldForMatch('  legal \n migration ')).toBe('legal migration');
  });
});
