import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, encodeCalendar, entryDays, type CalendarEntry } from './ics';

const stamp = new Date(Date.UTC(2026, 10, 27, 9, 30));

const council: CalendarEntry = {
  id: 'abd8c0f9-f4ea-435e-9562-75007583ece7',
  summary: '107th Session of the IOM Council',
  start: '2016-12-05',
  end: '2016-12-08',
  location: 'Geneva, Switzerland',
  description: 'Partners: IOM; UN\nOutcomes: a statement, delivered',
  sequence: 3,
};

/** The VEVENTs as ical.js, an independent parser, reads them. */
function parseEvents(text: string) {
  const parsed: unknown = ICAL.parse(text);
  const calendar = new ICAL.Component(parsed as unknown[]);
  return calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
}

describe('buildCalendar', () => {
  it('writes a multi-day meeting as an all-day event ending the day after, exclusive', () => {
    const { text, included, skipped } = buildCalendar([council], { name: 'Meetings', stamp });
    expect({ included, skipped }).toEqual({ included: 1, skipped: 0 });
    expect(text).toContain('DTSTART;VALUE=DATE:20161205\r\n');
    expect(text).toContain('DTEND;VALUE=DATE:20161209\r\n');
    const [event] = parseEvents(text);
    expect(event!.summary).toBe('107th Session of the IOM Council');
    expect(event!.uid).toBe('abd8c0f9-f4ea-435e-9562-75007583ece7@cooperation-registry');
    expect(event!.startDate.isDate).toBe(true);
    expect(event!.startDate.toString()).toBe('2016-12-05');
    expect(event!.endDate.toString()).toBe('2016-12-09');
    expect(event!.location).toBe('Geneva, Switzerland');
    expect(event!.description).toBe('Partners: IOM; UN\nOutcomes: a statement, delivered');
    expect(event!.sequence).toBe(3);
  });

  it('writes a one-day item (a due date) as one all-day event', () => {
    const { text } = buildCalendar(
      [
        {
          id: '7e3102f8-3e1f-4671-9699-af75df299865',
          summary: 'Send the draft',
          start: '2017-02-28',
          end: null,
        },
      ],
      { name: 'Follow-ups', stamp },
    );
    const [event] = parseEvents(text);
    expect(event!.startDate.toString()).toBe('2017-02-28');
    expect(event!.endDate.toString()).toBe('2017-03-01');
    expect(text).not.toContain('LOCATION');
  });

  it('leaves out entries known only to the month or year, or not dated, and counts them', () => {
    const entries: CalendarEntry[] = [
      council,
      { ...council, id: 'a1', start: '2016-12', end: null },
      { ...council, id: 'a2', start: '2016', end: '2016' },
      { ...council, id: 'a3', start: null, end: null },
      { ...council, id: 'a4', start: '2016-12-05', end: '2016-12' },
      { ...council, id: 'a5', start: '2016-12-05', end: '2016-12-04' },
    ];
    const { text, included, skipped } = buildCalendar(entries, { name: 'Meetings', stamp });
    expect({ included, skipped }).toEqual({ included: 1, skipped: 5 });
    expect(parseEvents(text).map((event) => event.uid)).toEqual([
      'abd8c0f9-f4ea-435e-9562-75007583ece7@cooperation-registry',
    ]);
    // A year-only date never turns into 1 January.
    expect(text).not.toContain('20160101');
    expect(text).not.toContain('20161201');
  });

  it('escapes , ; \\ and line breaks, and folds lines at 75 octets without splitting a letter', () => {
    const summary =
      'Bakıda Azərbaycan Respublikası Dövlət Miqrasiya Xidməti ilə Beynəlxalq Miqrasiya Təşkilatı arasında görüş; «Сотрудничество», этап 2\\3';
    const { text } = buildCalendar([{ ...council, summary, description: 'line one\r\nline two' }], {
      name: 'Görüşlər, səfərlər; 2016',
      stamp,
    });
    const bytes = encodeCalendar(text);
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    for (const line of lines) {
      const octets = new TextEncoder().encode(line);
      expect(octets.length).toBeLessThanOrEqual(75);
      // Each physical line is valid UTF-8 on its own: no letter was cut in half.
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(octets)).not.toThrow();
    }
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    // ical.js reads calendar names (RFC 7986 NAME, X-WR-CALNAME) raw, so check the escaping itself.
    expect(text).toContain('NAME:Görüşlər\\, səfərlər\\; 2016\r\n');
    expect(text).toContain('X-WR-CALNAME:Görüşlər\\, səfərlər\\; 2016');
    const [event] = parseEvents(text);
    expect(event!.summary).toBe(summary);
    expect(event!.description).toBe('line one\nline two');
  });

  it('keeps the UID of a record across exports so calendars update instead of duplicating', () => {
    const first = buildCalendar([council], { name: 'A', stamp });
    const second = buildCalendar([{ ...council, summary: 'Renamed' }], {
      name: 'A',
      stamp: new Date(),
    });
    expect(parseEvents(first.text)[0]!.uid).toBe(parseEvents(second.text)[0]!.uid);
  });

  it('keeps a forged id inside its UID line: no property, no event can be smuggled in', () => {
    const forged = 'x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:Pay now;x:y';
    const { text } = buildCalendar([{ ...council, id: forged }], { name: 'A', stamp });
    const events = parseEvents(text);
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toBe(council.summary);
    expect(events[0]!.uid).toBe(
      'x%0D%0AEND%3AVEVENT%0D%0ABEGIN%3AVEVENT%0D%0AUID%3Aevil%0D%0ASUMMARY%3APay%20now%3Bx%3Ay@cooperation-registry',
    );
    expect(text.match(/^BEGIN:VEVENT/gm)).toHaveLength(1);
  });

  it('writes a valid empty calendar', () => {
    const { text, included } = buildCalendar([], { name: 'Empty', stamp });
    expect(included).toBe(0);
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
  });
});

describe('entryDays', () => {
  it('crosses month and leap-year ends', () => {
    const days = entryDays({ start: '2016-02-28', end: '2016-02-29' });
    expect(days?.endExclusive.toISOString()).toBe('2016-03-01T00:00:00.000Z');
    expect(entryDays({ start: '2016-12-31', end: null })?.endExclusive.toISOString()).toBe(
      '2017-01-01T00:00:00.000Z',
    );
  });
});
