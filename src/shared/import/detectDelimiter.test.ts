import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './detectDelimiter';

describe('detectDelimiter', () => {
  it.each([
    [',', 'Name,Country,Date\nIOM,CH,2014\nUNHCR,CH,2015\n'],
    [';', 'Ad;Ölkə;Tarix\nBMqT;İsveçrə;05.03.2014\n'],
    ['\t', 'Name\tCountry\nIOM\tCH\n'],
    ['|', 'Name|Country\nIOM|CH\n'],
  ])('finds %j', (delimiter, text) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('is not misled by commas inside names in a semicolon file (Excel in az and ru locales)', () => {
    const text = 'Название;Страна\n"Министерство юстиции, Нидерланды";NL\nМОМ, Женева;CH\nООН;US\n';
    expect(detectDelimiter(text)).toBe(';');
  });

  it('ignores delimiters inside quoted values and blank lines', () => {
    const text = 'Name,Notes\n"IOM","a; b; c"\n\n"UNHCR","d; e"\n\n';
    expect(detectDelimiter(text)).toBe(',');
  });

  it('falls back to a comma for a single column', () => {
    expect(detectDelimiter('Name\nIOM\nUNHCR\n')).toBe(',');
  });
});

describe('detectDelimiter with a title line', () => {
  it('looks past a title above the table', () => {
    expect(
      detectDelimiter('Tədbirlər, 2016\nAd;Ölkə;Tarix\nBMqT;İsveçrə;2016\nOSCE;AT;2016\n'),
    ).toBe(';');
  });
});
