import { describe, expect, it } from 'vitest';
import { isEndBeforeStart } from './eventDates';

describe('isEndBeforeStart', () => {
  it('refuses an end day before the start day', () => {
    expect(isEndBeforeStart('2016-12-08', '2016-12-05')).toBe(true);
    expect(isEndBeforeStart('2016-12-05', '2016-11-30')).toBe(true);
  });

  it('accepts the same day and later days', () => {
    expect(isEndBeforeStart('2016-12-05', '2016-12-05')).toBe(false);
    expect(isEndBeforeStart('2016-12-05', '2016-12-08')).toBe(false);
  });

  it('accepts a vaguer end that may still fall on or after the start', () => {
    expect(isEndBeforeStart('2016-12-05', '2016-12')).toBe(false);
    expect(isEndBeforeStart('2016-12-05', '2016')).toBe(false);
    expect(isEndBeforeStart('2016-12', '2016-12-01')).toBe(false);
    expect(isEndBeforeStart('2016', '2016-01')).toBe(false);
  });

  it('refuses a vague end that lies wholly before the start', () => {
    expect(isEndBeforeStart('2016-12-05', '2016-11')).toBe(true);
    expect(isEndBeforeStart('2016-12-05', '2015')).toBe(true);
    expect(isEndBeforeStart('2016-12', '2016-11-30')).toBe(true);
  });

  it('leaves unknown and malformed dates to the model', () => {
    expect(isEndBeforeStart(null, '2016-12-05')).toBe(false);
    expect(isEndBeforeStart('2016-12-05', null)).toBe(false);
    expect(isEndBeforeStart('2016-12-05', '2016--04')).toBe(false);
    expect(isEndBeforeStart('2016-02-30', '2016-01-01')).toBe(false);
  });
});
