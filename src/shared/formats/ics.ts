import ical, { escape } from 'ical-generator';
import { parsePartialDate, type PartialDate } from '../model/partialDate';
import { CRLF, joinContentLines } from './contentLines';

/**
 * One dated item for a calendar: a meeting over its days, or a follow-up on its due day. Texts are
 * already in the UI language; dates are the registry's partial dates, as recorded.
 */
export type CalendarEntry = {
  /** The record's id: the same record exported twice is the same calendar item, not a copy. */
  id: string;
  summary: string;
  start: PartialDate | null;
  /** The last day, inclusive, as people write it ("5–8 December"); null for a one-day item. */
  end: PartialDate | null;
  location?: string | null;
  description?: string | null;
  /** Grows with every edit, so a calendar re-importing the file updates the item it has. */
  sequence?: number;
};

export type CalendarOptions = {
  /** The calendar's name in the UI language, shown by Thunderbird and Outlook for the import. */
  name: string;
  /** DTSTAMP of every item: when the file was made. */
  stamp: Date;
};

export type CalendarResult = {
  text: string;
  included: number;
  /** Entries left out because a date is not known to the day (or not at all). */
  skipped: number;
};

/** The calendar product writing the file (RFC 5545 PRODID), without the leading "-". */
const PRODUCT_ID = '//Cooperation Registry//Cooperation Registry//EN';
const UID_DOMAIN = 'cooperation-registry';

type Day = { year: number; month: number; day: number };

/**
 * A record id as a UID that cannot break out of its line: a UUID stays as it is; any other
 * character (a line break in a forged id, a `;` or `:`) is percent-encoded, so the same id still
 * gives the same UID every time and no text of the id can start a property of its own.
 */
function calendarUid(id: string): string {
  const safe = Array.from(id, (character) =>
    /^[A-Za-z0-9._-]$/.test(character)
      ? character
      : Array.from(
          new TextEncoder().encode(character),
          (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
        ).join(''),
  ).join('');
  return `${safe}@${UID_DOMAIN}`;
}

function dayOf(date: PartialDate | null): Day | null {
  if (date === null) return null;
  const parsed = parsePartialDate(date);
  if (!parsed || parsed.month === null || parsed.day === null) return null;
  return { year: parsed.year, month: parsed.month, day: parsed.day };
}

/** Midnight UTC of a day plus some days: ical-generator writes all-day dates from UTC fields. */
function utcDay({ year, month, day }: Day, plusDays = 0): Date {
  return new Date(Date.UTC(year, month - 1, day + plusDays));
}

/**
 * The days an entry covers, or null when a calendar would have to invent one: every date it has
 * must be known to the day, and an end before the start is a typing slip a calendar cannot show.
 */
export function entryDays(entry: Pick<CalendarEntry, 'start' | 'end'>): {
  start: Date;
  endExclusive: Date;
} | null {
  const start = dayOf(entry.start);
  if (!start) return null;
  const end = entry.end === null ? start : dayOf(entry.end);
  if (!end) return null;
  const startDate = utcDay(start);
  const endExclusive = utcDay(end, 1);
  if (endExclusive <= startDate) return null;
  return { start: startDate, endExclusive };
}

/**
 * An iCalendar file (RFC 5545) of all-day items: DTSTART;VALUE=DATE and an exclusive DTEND, as
 * Outlook and Thunderbird expect, a stable UID per record, text escaped, lines folded at 75 octets.
 * Entries known only to the month or year are left out and counted: a calendar has no way to say
 * "some day in December".
 *
 * ical-generator writes each item; the envelope and the folding are ours, because its folding
 * builds a TextEncoder per character: 10,000 meetings took seconds to fold and 0.09 s to write.
 */
export function buildCalendar(
  entries: readonly CalendarEntry[],
  options: CalendarOptions,
): CalendarResult {
  const factory = ical();
  const name = escape(options.name, false);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-${PRODUCT_ID}`,
    `NAME:${name}`,
    `X-WR-CALNAME:${name}`,
  ];
  let skipped = 0;
  for (const entry of entries) {
    const days = entryDays(entry);
    if (!days) {
      skipped += 1;
      continue;
    }
    const event = factory.createEvent({
      id: calendarUid(entry.id),
      sequence: entry.sequence ?? 0,
      stamp: options.stamp,
      allDay: true,
      start: days.start,
      end: days.endExclusive,
      summary: entry.summary,
      location: entry.location || null,
      description: entry.description || null,
    });
    // Unfolded lines ending in CRLF; escaped text holds no line break of its own.
    for (const line of event.toString().split(CRLF)) if (line !== '') lines.push(line);
  }
  lines.push('END:VCALENDAR');
  return { text: joinContentLines(lines), included: entries.length - skipped, skipped };
}

/** The calendar as file bytes: UTF-8, as RFC 5545 requires. */
export function encodeCalendar(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}
