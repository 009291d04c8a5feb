import { describe, expect, it } from 'vitest';
import {
  matchCountry,
  matchEnum,
  matchLanguage,
  parseImportNumber,
  parsePositiveInteger,
  splitList,
} from './parseValues';

describe('matchEnum', () => {
  it('accepts codes and the labels of all three languages, in any case', () => {
    expect(matchEnum('partnerKind', 'state-authority')).toBe('state-authority');
    expect(matchEnum('partnerKind', 'State authority')).toBe('state-authority');
    expect(matchEnum('partnerKind', 'STATE AUTHORITY')).toBe('state-authority');
    expect(matchEnum('eventKind', 'Rəsmi səfər')).toBe('official-visit');
    expect(matchEnum('eventKind', 'официальный визит')).toBe('official-visit');
    expect(matchEnum('projectStatus', 'Həyata keçirilir')).toBe('ongoing');
    expect(matchEnum('followUpStatus', 'in_progress')).toBe('in-progress');
  });

  it('gives null for a value that is none of them', () => {
    expect(matchEnum('partnerKind', 'spaceship')).toBeNull();
  });
});

describe('matchCountry', () => {
  it('accepts ISO codes and names in English, Azerbaijani and Russian', () => {
    expect(matchCountry('AZ')).toBe('AZ');
    expect(matchCountry('nl')).toBe('NL');
    expect(matchCountry('Netherlands')).toBe('NL');
    expect(matchCountry('Niderland')).toBe('NL');
    expect(matchCountry('Нидерланды')).toBe('NL');
    expect(matchCountry('Türkiyə')).toBe('TR');
    expect(matchCountry('turkey')).toBe('TR');
    expect(matchCountry('Россия')).toBe('RU');
    expect(matchCountry('İsveçrə')).toBe('CH');
  });

  it('gives null for an unknown country', () => {
    expect(matchCountry('Atlantis')).toBeNull();
  });
});

describe('matchLanguage', () => {
  it('accepts codes and names', () => {
    expect(matchLanguage('ru')).toBe('ru');
    expect(matchLanguage('English')).toBe('en');
    expect(matchLanguage('русский')).toBe('ru');
  });
});

describe('parseImportNumber', () => {
  it.each([
    ['1 200 000,50', 1_200_000.5],
    ['1,200,000.50', 1_200_000.5],
    ['1.200.000,50', 1_200_000.5],
    ['1200000', 1_200_000],
    ['12,5', 12.5],
    ['0,125', 0.125],
    ['1 200', 1200],
  ])('reads %j', (text, value) => {
    expect(parseImportNumber(text)).toEqual({ ok: true, value });
  });

  it('names a lone separator before three digits as ambiguous', () => {
    expect(parseImportNumber('1,200')).toEqual({ ok: false, problem: 'numberAmbiguous' });
    expect(parseImportNumber('1.200')).toEqual({ ok: false, problem: 'numberAmbiguous' });
  });

  it('refuses text', () => {
    expect(parseImportNumber('a lot')).toEqual({ ok: false, problem: 'numberInvalid' });
    expect(parseImportNumber('1,2,3')).toEqual({ ok: false, problem: 'numberInvalid' });
  });
});

describe('parsePositiveInteger', () => {
  it('reads numbers and ordinals in three languages', () => {
    expect(parsePositiveInteger('107')).toBe(107);
    expect(parsePositiveInteger('107th')).toBe(107);
    expect(parsePositiveInteger('107-ci')).toBe(107);
    expect(parsePositiveInteger('107-я')).toBe(107);
    expect(parsePositiveInteger(19)).toBe(19);
    expect(parsePositiveInteger('0')).toBeNull();
    expect(parsePositiveInteger('many')).toBeNull();
  });
});

describe('splitList', () => {
  it('splits on semicolons, bars and line breaks but not commas', () => {
    expect(splitList('IOM; UNHCR |ICMPD\nEU')).toEqual(['IOM', 'UNHCR', 'ICMPD', 'EU']);
    expect(splitList('Ministry of Justice, Netherlands')).toEqual([
      'Ministry of Justice, Netherlands',
    ]);
  });
});
