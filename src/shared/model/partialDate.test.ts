import { describe, expect, it } from 'vitest';
import {
  comparePartialDates,
  comparePartialDatesNewestFirst,
  formatPartialDate,
  formatPartialDateRange,
  partialDateBounds,
  partialDateOverlaps,
  partialDatePrecision,
  partialDateSchema,
} from './partialDate';

describe('partial dates', () => {
  it('sort "2014" before "2014-03" and after "2013-12-31"', () => {
    const dates = ['2014-03', '2014', '2013-12-31', '2014-03-05', null, '2013'];
    expect([...dates].sort(comparePartialDates)).toEqual([
      '2013',
      '2013-12-31',
      '2014',
      '2014-03',
      '2014-03-05',
      null,
    ]);
  });

  it('sort newest first with unknown dates still last', () => {
    const dates = ['2014', null, '2016-12-05', '2014-03'];
    expect([...dates].sort(comparePartialDatesNewestFirst)).toEqual([
      '2016-12-05',
      '2014-03',
      '2014',
      null,
    ]);
  });

  it('keep their precision, unknown included', () => {
    expect(partialDatePrecision('2014')).toBe('year');
    expect(partialDatePrecision('2014-03')).toBe('month');
    expect(partialDatePrecision('2017-03-02')).toBe('day');
    expect(partialDatePrecision(null)).toBe('unknown');
  });

  it('accept only dates that exist in the calendar', () => {
    for (const good of ['2014', '2016-12', '2016-12-08', '2024-02-29']) {
      expect(partialDateSchema.safeParse(good).success).toBe(true);
    }
    for (const bad of ['14', '2014-13', '2023-02-29', '2016-12-32', '08.12.2016', '2016-1-5', '']) {
      expect(partialDateSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('cover the whole year or month they name', () => {
    expect(partialDateBounds('2014')).toEqual({ first: '2014-01-01', last: '2014-12-31' });
    expect(partialDateBounds('2016-02')).toEqual({ first: '2016-02-01', last: '2016-02-29' });
    expect(partialDateBounds(null)).toBeNull();
  });

  it('match a date-range filter whenever they may fall inside it', () => {
    const range = { from: '2014-06-01', to: '2014-06-30' };
    expect(partialDateOverlaps('2014', range)).toBe(true);
    expect(partialDateOverlaps('2014-06', range)).toBe(true);
    expect(partialDateOverlaps('2014-07-01', range)).toBe(false);
    expect(partialDateOverlaps('2013', range)).toBe(false);
    expect(partialDateOverlaps(null, range)).toBe(false);
    expect(partialDateOverlaps('2014', { from: null, to: null })).toBe(true);
  });

  it('display only what is known, in the reader’s language', () => {
    expect(formatPartialDate('2014', 'en')).toBe('2014');
    expect(formatPartialDate('2014-03', 'en-GB')).toBe('March 2014');
    expect(formatPartialDate('2016-12-08', 'en-GB')).toBe('8 December 2016');
    expect(formatPartialDate('2016-12-08', 'ru')).toMatch(/^8 декабря 2016/);
    expect(formatPartialDate('2017-02-23', 'az')).toMatch(/23.*2017/);
  });

  it('display a multi-day event as one range', () => {
    const spaced = (text: string | null) => text?.replace(/\s/g, ' ');
    expect(spaced(formatPartialDateRange('2016-12-05', '2016-12-08', 'en-GB'))).toBe(
      '5 – 8 December 2016',
    );
    expect(formatPartialDateRange('2016-09-18', '2016-09-18', 'en-GB')).toBe('18 September 2016');
    expect(formatPartialDateRange(null, null, 'en')).toBeNull();
  });
});

describe('partial dates in Azerbaijani', () => {
  it('are written by hand, not by an ICU that may lack the locale', () => {
    expect(formatPartialDate('2016-12-08', 'az-Latn-AZ')).toBe('8 dekabr 2016');
    expect(formatPartialDate('2014-03', 'az')).toBe('mart 2014');
    expect(formatPartialDateRange('2016-12-05', '2016-12-08', 'az-Latn-AZ')).toBe(
      '5–8 dekabr 2016',
    );
  });
});
