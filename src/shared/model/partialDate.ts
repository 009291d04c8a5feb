import * as z from 'zod';
import { formatAzDate, formatAzDayRange } from '../i18n/azerbaijani';

/**
 * A date known to the year, the month or the day: `"2014"`, `"2014-03"` or `"2014-03-05"`.
 * `null` stands for a date that is not known at all.
 *
 * The precision is the length of the string, so one value carries both, and plain string order is
 * chronological order with the coarser date first: "2013-12-31" < "2014" < "2014-03" < "2014-03-05".
 * That makes a partial date usable as an IndexedDB index key without any derived sort field.
 */
export type PartialDate = string;

export type DatePrecision = 'year' | 'month' | 'day' | 'unknown';

const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses a partial date into numbers, or returns null when the text is not a real calendar date. */
export function parsePartialDate(
  text: string,
): { year: number; month: number | null; day: number | null } | null {
  const match = PARTIAL_DATE_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (year < 1000) return null;
  if (month !== null && (month < 1 || month > 12)) return null;
  if (month !== null && day !== null && (day < 1 || day > daysInMonth(year, month))) return null;
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const partialDateSchema = z.string().refine((text) => parsePartialDate(text) !== null, {
  error: 'Expected a date as YYYY, YYYY-MM or YYYY-MM-DD that exists in the calendar',
});

/** A partial date, or null when the date is unknown. */
export const optionalPartialDateSchema = partialDateSchema.nullable();

export function partialDatePrecision(date: PartialDate | null): DatePrecision {
  if (date === null) return 'unknown';
  if (date.length === 4) return 'year';
  if (date.length === 7) return 'month';
  return 'day';
}

/**
 * Orders partial dates chronologically, coarser first on ties ("2014" before "2014-03"), with unknown
 * dates last so they never pretend to be the oldest.
 */
export function comparePartialDates(a: PartialDate | null, b: PartialDate | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Newest first, for histories and timelines read backwards; unknown dates still last. */
export function comparePartialDatesNewestFirst(
  a: PartialDate | null,
  b: PartialDate | null,
): number {
  if (a === null || b === null) return comparePartialDates(a, b);
  return comparePartialDates(b, a);
}

/** The first and last calendar day a partial date may mean, as YYYY-MM-DD; null when unknown. */
export function partialDateBounds(
  date: PartialDate | null,
): { first: string; last: string } | null {
  if (date === null) return null;
  const parsed = parsePartialDate(date);
  if (!parsed) return null;
  const { year, month, day } = parsed;
  const yyyy = String(year).padStart(4, '0');
  if (month === null) return { first: `${yyyy}-01-01`, last: `${yyyy}-12-31` };
  const mm = String(month).padStart(2, '0');
  if (day === null) {
    return { first: `${yyyy}-${mm}-01`, last: `${yyyy}-${mm}-${daysInMonth(year, month)}` };
  }
  return { first: date, last: date };
}

/**
 * Whether a partial date may fall inside an inclusive day range (YYYY-MM-DD). A year-only date
 * overlaps every range that touches that year: filtering must not hide a record because its date is
 * vague. Unknown dates overlap nothing.
 */
export function partialDateOverlaps(
  date: PartialDate | null,
  range: { from: string | null; to: string | null },
): boolean {
  const bounds = partialDateBounds(date);
  if (!bounds) return false;
  if (range.from !== null && bounds.last < range.from) return false;
  if (range.to !== null && bounds.first > range.to) return false;
  return true;
}

/** Azerbaijani is formatted by hand: Chromium's ICU has no data for it (see i18n/azerbaijani). */
function isAzerbaijani(locale: string): boolean {
  return locale === 'az' || locale.startsWith('az-');
}

/**
 * Formats a partial date as precisely as it is known, in the given locale: "2014", "March 2014",
 * "5 March 2014". Never invents a day or month.
 */
export function formatPartialDate(date: PartialDate, locale: string): string {
  const parsed = parsePartialDate(date);
  if (!parsed) return date;
  const { year, month, day } = parsed;
  if (isAzerbaijani(locale)) return formatAzDate(year, month, day);
  if (month === null) return String(year);
  const utc = new Date(Date.UTC(year, month - 1, day ?? 1));
  return dateFormat(locale, day === null ? 'month' : 'day').format(utc);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Building an Intl.DateTimeFormat costs far more than using one: a list formats 100,000 dates. */
function dateFormat(locale: string, precision: 'month' | 'day'): Intl.DateTimeFormat {
  const key = `${locale}|${precision}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      locale,
      precision === 'month'
        ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
        : { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' },
    );
    dateFormats.set(key, format);
  }
  return format;
}

/** Formats a start–end range, collapsing a single-day or open range; null when both are unknown. */
export function formatPartialDateRange(
  start: PartialDate | null,
  end: PartialDate | null,
  locale: string,
): string | null {
  if (start === null && end === null) return null;
  if (start === null) return `… – ${formatPartialDate(end as PartialDate, locale)}`;
  if (end === null || end === start) return formatPartialDate(start, locale);
  const a = parsePartialDate(start);
  const b = parsePartialDate(end);
  if (a && b && a.day !== null && b.day !== null && a.month !== null && b.month !== null) {
    if (isAzerbaijani(locale)) {
      return formatAzDayRange(
        { year: a.year, month: a.month, day: a.day },
        { year: b.year, month: b.month, day: b.day },
      );
    }
    return dateFormat(locale, 'day').formatRange(
      new Date(Date.UTC(a.year, a.month - 1, a.day)),
      new Date(Date.UTC(b.year, b.month - 1, b.day)),
    );
  }
  return `${formatPartialDate(start, locale)} – ${formatPartialDate(end, locale)}`;
}
