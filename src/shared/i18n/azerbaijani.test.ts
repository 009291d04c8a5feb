import { describe, expect, it } from 'vitest';
import {
  azLowerCase,
  azSortKey,
  compareAz,
  formatAzDate,
  formatAzDateTime,
  formatAzDayRange,
} from './azerbaijani';

describe('Azerbaijani alphabetical order', () => {
  it('follows the alphabet: ç, ə, ğ, x, ı, q, ö, ş, ü in their places', () => {
    const letters = [
      'z',
      'ü',
      'u',
      'ş',
      's',
      'q',
      'k',
      'ö',
      'o',
      'i',
      'ı',
      'x',
      'h',
      'ğ',
      'g',
      'ə',
      'e',
      'ç',
      'c',
    ];
    expect([...letters].sort(compareAz).join('')).toBe('cçeəgğhxıikqoösşuüz');
  });

  it('sorts names ignoring case, with dotted and dotless capitals', () => {
    const names = [
      'İsmayıllı',
      'Şəki',
      'Ağdam',
      'Ismayıl',
      'Əli',
      'Elçin',
      'Qəbələ',
      'Xaçmaz',
      'Göyçay',
    ];
    expect([...names].sort(compareAz)).toEqual([
      'Ağdam',
      'Elçin',
      'Əli',
      'Göyçay',
      'Xaçmaz',
      'Ismayıl',
      'İsmayıllı',
      'Qəbələ',
      'Şəki',
    ]);
  });

  it('keeps a shorter prefix first and never calls different strings equal', () => {
    expect(compareAz('Baku', 'Bakuvia')).toBeLessThan(0);
    expect(compareAz('IOM', 'iom')).not.toBe(0);
    expect(compareAz('abc', 'abc')).toBe(0);
  });

  it('gives sort keys whose plain order is the alphabetical order', () => {
    const words = [
      'İsmayıllı',
      'Şəki',
      'Ağdam',
      'Ismayıl',
      'Əli',
      'Elçin',
      'IOM',
      'iom',
      'Baku',
      'Bakuvia',
      'Baku 2',
      'Москва',
      'Genève',
      'Wien',
      '',
    ];
    const byKey = [...words].sort((a, b) => {
      const [keyA, keyB] = [azSortKey(a), azSortKey(b)];
      return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
    });
    expect(byKey).toEqual([...words].sort(compareAz));
  });

  it('lower-cases I to ı and İ to i', () => {
    expect(azLowerCase('İSMAYILLI')).toBe('ismayıllı');
  });
});

describe('Azerbaijani dates', () => {
  it('write the day, the month name and the year', () => {
    expect(formatAzDate(2016, 12, 8)).toBe('8 dekabr 2016');
    expect(formatAzDate(2017, 2, null)).toBe('fevral 2017');
    expect(formatAzDate(2014, null, null)).toBe('2014');
  });

  it('write ranges without repeating what they share', () => {
    const day = (year: number, month: number, d: number) => ({ year, month, day: d });
    expect(formatAzDayRange(day(2016, 12, 5), day(2016, 12, 8))).toBe('5–8 dekabr 2016');
    expect(formatAzDayRange(day(2016, 9, 30), day(2016, 10, 2))).toBe(
      '30 sentyabr – 2 oktyabr 2016',
    );
    expect(formatAzDayRange(day(2016, 12, 30), day(2017, 1, 2))).toBe(
      '30 dekabr 2016 – 2 yanvar 2017',
    );
  });

  it('write a timestamp with the 24-hour time', () => {
    expect(formatAzDateTime(new Date(2026, 10, 27, 9, 5))).toBe('27 noyabr 2026, 09:05');
  });
});
