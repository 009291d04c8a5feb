import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  agreementDeadlinesIn,
  compareUpcoming,
  followUpUrgency,
  isEventInWindow,
  isEventUnderWay,
  windowFrom,
  windowKeyRanges,
} from './dateWindows';

const TODAY = '2026-11-27';
const next30 = windowFrom(TODAY, 30);

describe('calendar arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-11-27', 29)).toBe('2026-12-26');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('adds months, ending on a shorter month’s last day', () => {
    expect(addMonths('2026-11-27', 6)).toBe('2027-05-27');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
  });

  it('makes the next 30 days today and the 29 after it', () => {
    expect(next30).toEqual({ first: '2026-11-27', last: '2026-12-26' });
  });
});

describe('windowKeyRanges', () => {
  const inRanges = (key: string) =>
    windowKeyRanges(next30).some((range) => range.lower <= key && key <= range.upper);

  it('holds every partial date that may fall in the window', () => {
    for (const key of ['2026', '2026-11', '2026-11-27', '2026-12', '2026-12-26']) {
      expect(inRanges(key), key).toBe(true);
    }
  });

  it('leaves out dates that cannot', () => {
    for (const key of ['2025', '2026-10', '2026-11-26', '2026-12-27', '2027', '2027-01']) {
      expect(inRanges(key), key).toBe(false);
    }
  });

  it('holds a later year or month the window reaches into', () => {
    const window = windowFrom('2026-11-27', 90);
    const inWindow = (key: string) =>
      windowKeyRanges(window).some((range) => range.lower <= key && key <= range.upper);
    expect(inWindow('2027')).toBe(true);
    expect(inWindow('2027-02')).toBe(true);
    expect(inWindow('2027-03')).toBe(false);
  });
});

describe('upcoming meetings', () => {
  const event = (startDate: string | null, endDate: string | null = null) => ({
    startDate,
    endDate,
  });

  it('counts a meeting dated only to a month when the month touches the window', () => {
    expect(isEventInWindow(event('2026-12'), next30)).toBe(true);
    // December 2026 overlaps the next 30 days (to 26 December), January 2027 does not.
    expect(isEventInWindow(event('2027-01'), next30)).toBe(false);
    expect(isEventInWindow(event('2027-01'), windowFrom(TODAY, 90))).toBe(true);
  });

  it('counts the current month and year, which may still hold the meeting', () => {
    expect(isEventInWindow(event('2026-11'), next30)).toBe(true);
    expect(isEventInWindow(event('2026'), next30)).toBe(true);
    expect(isEventInWindow(event('2026-10'), next30)).toBe(false);
  });

  it('counts a meeting under way, and not one that ended yesterday', () => {
    expect(isEventInWindow(event('2026-11-25', '2026-11-28'), next30)).toBe(true);
    expect(isEventUnderWay(event('2026-11-25', '2026-11-28'), TODAY)).toBe(true);
    expect(isEventInWindow(event('2026-11-20', '2026-11-26'), next30)).toBe(false);
    expect(isEventUnderWay(event('2026-11-27', '2026-11-28'), TODAY)).toBe(false);
  });

  it('leaves out meetings with no date and those after the window', () => {
    expect(isEventInWindow(event(null), next30)).toBe(false);
    expect(isEventInWindow(event('2026-12-27'), next30)).toBe(false);
    expect(isEventInWindow(event('2026-12-26'), next30)).toBe(true);
  });

  it('orders known dates by when they may begin, and year-only dates last', () => {
    const dates = ['2026', '2026-12-03', '2026-12', '2026-11-25', '2026-11-29'];
    const sorted = dates
      .map((startDate) => ({ startDate }))
      .sort((a, b) => compareUpcoming(a, b, TODAY))
      .map((item) => item.startDate);
    // "December 2026" may begin on 1 December, so it comes before the 3rd.
    expect(sorted).toEqual(['2026-11-25', '2026-11-29', '2026-12', '2026-12-03', '2026']);
  });
});

describe('agreements expiring in the next six months', () => {
  const window = { first: TODAY, last: addMonths(TODAY, 6) };

  it('names the expiry and renewal-notice dates in the window, soonest first', () => {
    expect(
      agreementDeadlinesIn({ expiryDate: '2027-05-01', renewalNoticeDate: '2027-02' }, window),
    ).toEqual([
      { kind: 'renewalNotice', date: '2027-02' },
      { kind: 'expiry', date: '2027-05-01' },
    ]);
  });

  it('counts a month that touches the window and leaves out dates outside it', () => {
    expect(
      agreementDeadlinesIn({ expiryDate: '2027-05', renewalNoticeDate: '2026-10-01' }, window),
    ).toEqual([{ kind: 'expiry', date: '2027-05' }]);
    expect(
      agreementDeadlinesIn({ expiryDate: '2027-06', renewalNoticeDate: null }, window),
    ).toEqual([]);
    expect(agreementDeadlinesIn({ expiryDate: null, renewalNoticeDate: null }, window)).toEqual([]);
  });
});

describe('follow-up urgency', () => {
  const soon = windowFrom(TODAY, 30);
  const urgency = (dueDate: string | null, status: 'open' | 'in-progress' | 'done' = 'open') =>
    followUpUrgency({ dueDate, status }, TODAY, soon);

  it('is overdue once the last day the due date may mean has passed', () => {
    expect(urgency('2026-11-26')).toBe('overdue');
    expect(urgency('2026-10')).toBe('overdue');
    expect(urgency('2025')).toBe('overdue');
    expect(urgency('2026-10-15', 'in-progress')).toBe('overdue');
  });

  it('is due soon, not overdue, for this month or year, which have days left', () => {
    expect(urgency('2026-11')).toBe('dueSoon');
    expect(urgency('2026')).toBe('dueSoon');
    expect(urgency('2026-11-27')).toBe('dueSoon');
    expect(urgency('2026-12-26')).toBe('dueSoon');
  });

  it('is neither for later dates, done actions and unknown due dates', () => {
    expect(urgency('2026-12-27')).toBeNull();
    expect(urgency('2026-10-01', 'done')).toBeNull();
    expect(urgency(null)).toBeNull();
  });
});
