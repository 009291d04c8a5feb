import { describe, expect, it } from 'vitest';
import { excelSerialToDate, parseImportDate } from './parseImportDate';

const ok = (date: string) => ({ ok: true, date });
const problem = (name: string) => ({ ok: false, problem: name });

describe('parseImportDate', () => {
  it.each([
    ['05.03.2014', '2014-03-05'],
    ['5.3.2014', '2014-03-05'],
    ['05/03/2014', '2014-03-05'],
    ['2014-03-05', '2014-03-05'],
    ['2014-03-05T00:00:00', '2014-03-05'],
    ['05.03.2014 г.', '2014-03-05'],
  ])('reads the day-precision date %j', (text, date) => {
    expect(parseImportDate(text)).toEqual(ok(date));
  });

  it.each([
    ['03.2014', '2014-03'],
    ['2014-03', '2014-03'],
    ['March 2014', '2014-03'],
    ['mart 2014', '2014-03'],
    ['Mart 2014-cü il', '2014-03'],
    ['март 2014', '2014-03'],
    ['марта 2014 г.', '2014-03'],
    ['iyun 2016', '2016-06'],
    ['iyul 2016', '2016-07'],
    ['Dec 2016', '2016-12'],
  ])('keeps the month precision of %j without inventing a day', (text, date) => {
    expect(parseImportDate(text)).toEqual(ok(date));
  });

  it.each([
    ['8 December 2016', '2016-12-08'],
    ['December 8, 2016', '2016-12-08'],
    ['8 dekabr 2016', '2016-12-08'],
    ['8 декабря 2016 года', '2016-12-08'],
  ])('reads a date with a month name: %j', (text, date) => {
    expect(parseImportDate(text)).toEqual(ok(date));
  });

  it('keeps a year alone as a year, from text or a number cell', () => {
    expect(parseImportDate('2014')).toEqual(ok('2014'));
    expect(parseImportDate(' 2014 ')).toEqual(ok('2014'));
    expect(parseImportDate(2014)).toEqual(ok('2014'));
  });

  it('converts Excel date serials from XLSX number cells', () => {
    expect(parseImportDate(42712)).toEqual(ok('2016-12-08'));
    expect(excelSerialToDate(1)).toEqual(ok('1900-01-01'));
    expect(excelSerialToDate(61)).toEqual(ok('1900-03-01'));
    expect(excelSerialToDate(42712.75)).toEqual(ok('2016-12-08'));
  });

  it('rejects impossible dates with a reason instead of rolling them over', () => {
    expect(parseImportDate('31.02.2014')).toEqual(problem('dateImpossible'));
    expect(parseImportDate('29.02.2015')).toEqual(problem('dateImpossible'));
    expect(parseImportDate('13.2014')).toEqual(problem('dateImpossible'));
    expect(parseImportDate('2014-13-01')).toEqual(problem('dateImpossible'));
    expect(parseImportDate('32 March 2014')).toEqual(problem('dateImpossible'));
    expect(excelSerialToDate(60)).toEqual(problem('dateImpossible'));
    expect(excelSerialToDate(-5)).toEqual(problem('dateImpossible'));
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseImportDate('29.02.2016')).toEqual(ok('2016-02-29'));
  });

  it('refuses two-digit years rather than guessing the century', () => {
    expect(parseImportDate('05.03.14')).toEqual(problem('dateTwoDigitYear'));
    expect(parseImportDate('5 March')).toEqual(problem('dateTwoDigitYear'));
  });

  it('names text that is not a date', () => {
    expect(parseImportDate('soon')).toEqual(problem('dateUnrecognized'));
    expect(parseImportDate('2014/2015')).toEqual(problem('dateUnrecognized'));
    expect(parseImportDate('March April 2014')).toEqual(problem('dateUnrecognized'));
    expect(parseImportDate(true)).toEqual(problem('dateUnrecognized'));
  });

  it('gives null for an empty cell: an unknown date, not a problem', () => {
    expect(parseImportDate('')).toBeNull();
    expect(parseImportDate('   ')).toBeNull();
    expect(parseImportDate(null)).toBeNull();
  });
});
