import { bench, describe } from 'vitest';
import { buildCsv, encodeCsv } from '../../src/shared/formats/csv';
import type { ExportTable } from '../../src/shared/formats/exportTable';
import { buildCalendar } from '../../src/shared/formats/ics';
import { buildSnapshot, encodeSnapshot } from '../../src/shared/formats/json';
import { buildVCards, splitPersonName } from '../../src/shared/formats/vcard';
import { buildXlsx, XLSX_DATE_FORMATS } from '../../src/shared/formats/xlsx';
import { pickText } from '../../src/shared/model/localizedText';
import { generateRegistry } from '../fixtures/generateRegistry';

/**
 * How long each export format takes to build its bytes for 10,000 meetings (5,000 people), the
 * time between the click and the save dialog. Speed targets live here, never in tests. Run with
 * `npx vitest bench --run tests/bench`.
 */
const registry = generateRegistry(33_400, 2026);
const events = registry.events.slice(0, 10_000);
const people = registry.people.slice(0, 5_000);
const partners = new Map(registry.partners.map((partner) => [partner.id, partner]));
const text = (value: Parameters<typeof pickText>[0]) => pickText(value, 'az');

/** The events list's default columns: title, kind, dates, place, partners. */
const table: ExportTable = {
  headers: ['Başlıq', 'Növ', 'Tarixlər', 'Yer', 'Tərəfdaşlar'],
  rows: events.map((event) => [
    { text: text(event.title) },
    { text: event.kind },
    {
      text: [event.startDate, event.endDate].filter(Boolean).join(' – '),
      value:
        event.startDate && (event.endDate === null || event.endDate === event.startDate)
          ? { type: 'date' as const, date: event.startDate }
          : null,
    },
    { text: [text(event.city), event.countryCode ?? ''].filter(Boolean).join(', ') },
    { text: event.partnerIds.map((id) => text(partners.get(id)?.name)).join(', ') },
  ]),
};

describe(`${events.length} meetings`, () => {
  bench('CSV', () => {
    encodeCsv(buildCsv(table, ';'));
  });
  bench('XLSX', async () => {
    await buildXlsx(table, {
      sheetName: 'Görüşlər',
      dateFormat: XLSX_DATE_FORMATS.az.date,
      dateTimeFormat: XLSX_DATE_FORMATS.az.dateTime,
    });
  });
  bench('JSON', () => {
    encodeSnapshot(buildSnapshot('events', events, 'Görüşlər'));
  });
  bench('iCalendar', () => {
    buildCalendar(
      events.map((event) => ({
        id: event.id,
        summary: text(event.title),
        start: event.startDate,
        end: event.endDate,
        location: text(event.city),
        description: text(event.outcomes),
      })),
      { name: 'Görüşlər', stamp: new Date() },
    );
  });
});

describe(`${people.length} people`, () => {
  bench('vCard', () => {
    buildVCards(
      people.map((person) => ({
        id: person.id,
        formattedName: text(person.name),
        name: splitPersonName(text(person.name), person.honorific),
        organization: [],
        title: text(person.positions[0]?.title),
        emails: person.contacts.filter((c) => c.kind === 'email').map((c) => c.value),
        phones: person.contacts.filter((c) => c.kind === 'phone').map((c) => c.value),
        addresses: [],
        languages: person.languages,
        note: null,
        revision: person.updatedAt,
      })),
    );
  });
});
