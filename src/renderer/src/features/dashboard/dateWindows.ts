import {
  partialDateBounds,
  partialDatePrecision,
  type DatePrecision,
  type PartialDate,
} from '@shared/model/partialDate';
import type { FollowUp } from '@shared/model/records';
import { isFollowUpOverdue } from '../records/components/FollowUpsSection';

/** An inclusive range of calendar days, as YYYY-MM-DD. */
export type DayRange = { first: string; last: string };

/** One range of index keys, both ends included. */
export type KeyRange = { lower: string; upper: string };

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function toUtc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The day `days` after (or, negative, before) a day, on the calendar, whatever the time zone. */
export function addDays(day: string, days: number): string {
  const date = toUtc(day);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtc(date);
}

/**
 * The same day `months` later; the month's last day when it is shorter (31 August + 6 months is
 * 28 or 29 February), so a window never spills into the month after.
 */
export function addMonths(day: string, months: number): string {
  const date = toUtc(day);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return fromUtc(target);
}

/** The window of days from today on: the next 30 days are today and the 29 after it. */
export function windowFrom(today: string, days: number): DayRange {
  return { first: today, last: addDays(today, days - 1) };
}

/**
 * The ranges of a partial-date index that hold every date which may fall in the window. Partial
 * dates sort before the days they contain ("2026" < "2026-12" < "2026-12-05"), so the window's own
 * key range misses the year and the month it starts in; those are two exact keys. Every later
 * year-only or month-only date that overlaps the window sorts inside the range itself.
 */
export function windowKeyRanges(window: DayRange): KeyRange[] {
  const year = window.first.slice(0, 4);
  const month = window.first.slice(0, 7);
  return [
    { lower: year, upper: year },
    { lower: month, upper: month },
    { lower: window.first, upper: window.last },
  ];
}

/**
 * The days a dated thing may occupy: from the first day its start may mean to the last day its
 * end (or, without one, its start) may mean. Null when the start is unknown.
 */
export function spanOf(start: PartialDate | null, end: PartialDate | null = null): DayRange | null {
  const startBounds = partialDateBounds(start);
  if (!startBounds) return null;
  const endBounds = partialDateBounds(end);
  const last = endBounds && endBounds.last > startBounds.last ? endBounds.last : startBounds.last;
  return { first: startBounds.first, last };
}

/** Whether two day ranges share at least one day. */
export function rangesOverlap(a: DayRange, b: DayRange): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/**
 * Whether a meeting may take place in the window: any day it may occupy falls in it. A meeting
 * dated only "December 2026" is upcoming in a window that touches December 2026; one under way
 * (started yesterday, ends tomorrow) is too.
 */
export function isEventInWindow(
  event: { startDate: PartialDate | null; endDate: PartialDate | null },
  window: DayRange,
): boolean {
  const span = spanOf(event.startDate, event.endDate);
  return span !== null && rangesOverlap(span, window);
}

/** Whether a meeting has certainly begun before today and may still go on. */
export function isEventUnderWay(
  event: { startDate: PartialDate | null; endDate: PartialDate | null },
  today: string,
): boolean {
  const start = partialDateBounds(event.startDate);
  const end = partialDateBounds(event.endDate);
  return start !== null && end !== null && start.last < today && end.last >= today;
}

const PRECISION_RANK: Record<DatePrecision, number> = { day: 0, month: 1, year: 2, unknown: 3 };

/**
 * The order of the upcoming list: dated to the day or month by when they may begin (today for one
 * under way), then those known only to the year, which could be any day of it and would otherwise
 * crowd out the meetings whose dates are known.
 */
export function compareUpcoming(
  a: { startDate: PartialDate | null },
  b: { startDate: PartialDate | null },
  today: string,
): number {
  const isYearA = partialDatePrecision(a.startDate) === 'year';
  const isYearB = partialDatePrecision(b.startDate) === 'year';
  if (isYearA !== isYearB) return isYearA ? 1 : -1;
  const from = (date: PartialDate | null) => {
    const first = partialDateBounds(date)?.first ?? '9999-12-31';
    return first < today ? today : first;
  };
  const keyA = from(a.startDate);
  const keyB = from(b.startDate);
  if (keyA !== keyB) return keyA < keyB ? -1 : 1;
  return (
    PRECISION_RANK[partialDatePrecision(a.startDate)] -
    PRECISION_RANK[partialDatePrecision(b.startDate)]
  );
}

/** Which of an agreement's dates fall in the window, soonest first. */
export type AgreementDeadline = { kind: 'expiry' | 'renewalNotice'; date: PartialDate };

/**
 * The agreement's expiry and renewal-notice dates that may fall in the window, soonest first; an
 * empty list when neither does. A date known only to the month counts when the month touches the
 * window.
 */
export function agreementDeadlinesIn(
  agreement: { expiryDate: PartialDate | null; renewalNoticeDate: PartialDate | null },
  window: DayRange,
): AgreementDeadline[] {
  const deadlines: AgreementDeadline[] = [];
  const consider = (kind: AgreementDeadline['kind'], date: PartialDate | null) => {
    const span = spanOf(date);
    if (date !== null && span && rangesOverlap(span, window)) deadlines.push({ kind, date });
  };
  consider('renewalNotice', agreement.renewalNoticeDate);
  consider('expiry', agreement.expiryDate);
  return deadlines.sort((a, b) =>
    (partialDateBounds(a.date)?.first ?? '') < (partialDateBounds(b.date)?.first ?? '') ? -1 : 1,
  );
}

/** Where a follow-up stands against today: its due date passed, it falls due soon, or neither. */
export type FollowUpUrgency = 'overdue' | 'dueSoon' | null;

/**
 * Overdue as everywhere in the app (an open action whose due date's last possible day has passed);
 * due soon when it is still open and its due date may fall in the window. Done and cancelled
 * actions are neither, and an action with no due date never is.
 */
export function followUpUrgency(
  followUp: Pick<FollowUp, 'status' | 'dueDate'>,
  today: string,
  soon: DayRange,
): FollowUpUrgency {
  if (isFollowUpOverdue(followUp, today)) return 'overdue';
  const isOpen = followUp.status === 'open' || followUp.status === 'in-progress';
  const span = spanOf(followUp.dueDate);
  return isOpen && span !== null && rangesOverlap(span, soon) ? 'dueSoon' : null;
}
