import { createInstance, type TFunction } from 'i18next';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '@shared/i18n/messages/en';
import { ru } from '@shared/i18n/messages/ru';
import type { RecordKind, StoredRecord } from '@shared/model/records';
import { registrySnapshotSchema } from '@shared/model/registrySnapshot';
import sampleRegistry from '../../../../../resources/sample-registry.json';
import { createFormat } from '../../ui/useFormat';
import { LIST_COLUMNS, type Column, type ColumnContext, type ListKind } from '../records/columns';
import { LIST_FACETS, type FacetDefinition } from '../records/listFacets';
import { createRowBuilder, type ListRow } from '../records/listModel';
import {
  buildExportTable,
  eventCalendarEntries,
  exportableRows,
  followUpCalendarEntries,
  personContactCards,
} from './exportContent';
import { buildExportFile } from './exportFile';

const sample = registrySnapshotSchema.parse(sampleRegistry);

/** The sample's records as the database holds them. */
function stored<K extends RecordKind>(kind: K): StoredRecord<K>[] {
  return (sample.records[kind] as unknown as StoredRecord<K>[]).map((record) => ({
    ...record,
    createdAt: '2026-11-01T08:00:00.000Z',
    updatedAt: '2026-11-27T14:03:00.000Z',
    rev: 2,
    changedBy: 'device-test',
    deletedAt: null,
  }));
}

const translators = {} as Record<'en' | 'ru', TFunction>;
beforeAll(async () => {
  for (const [language, messages] of [
    ['en', en],
    ['ru', ru],
  ] as const) {
    const i18n = createInstance();
    await i18n.init({
      lng: language,
      resources: { [language]: { translation: messages } },
      interpolation: { escapeValue: false },
    });
    translators[language] = i18n.t;
  }
});

function context(language: 'en' | 'ru' = 'en'): ColumnContext {
  const byId = <K extends RecordKind>(kind: K) =>
    new Map(stored(kind).map((record) => [record.id, record]));
  return {
    partners: byId('partners'),
    people: byId('people'),
    areas: byId('areas'),
    format: createFormat(language, 'date unknown'),
    t: translators[language],
    today: '2026-11-27',
  };
}

function rows<K extends ListKind>(kind: K, records: StoredRecord<K>[], ctx: ColumnContext) {
  const build = createRowBuilder(
    LIST_COLUMNS[kind] as Column<ListKind>[],
    LIST_FACETS[kind] as FacetDefinition<ListKind>,
    ctx,
  );
  return build(records as unknown as StoredRecord<ListKind>[]) as ListRow<K>[];
}

const columnsOf = (kind: ListKind, ids: string[]) =>
  ids.map((id) => (LIST_COLUMNS[kind] as Column<ListKind>[]).find((column) => column.id === id)!);

describe('buildExportTable', () => {
  it('takes the visible columns in their order, headers in the UI language, cells as shown', () => {
    const ctx = context('ru');
    const events = stored('events').filter((event) => event.startDate !== null);
    const table = buildExportTable(
      rows('events', events, ctx),
      columnsOf('events', ['dates', 'title', 'place']),
      ctx,
    );
    expect(table.headers).toEqual(['Даты', 'Название', 'Место']);
    const council = table.rows.find((row) => row[1]?.text.startsWith('107-я сессия'));
    expect(council?.[2]?.text).toBe('Женева, Швейцария');
    // A range stays text; a one-day meeting is a real date for spreadsheets.
    expect(council?.[0]?.value).toBeNull();
    const baku = table.rows.find((row) => row[1]?.text.startsWith('19-е заседание'));
    expect(baku?.[0]?.value).toEqual({ type: 'date', date: '2016-10-12' });
  });
});

describe('exportableRows', () => {
  it('leaves restricted records out unless asked, and counts them', () => {
    const ctx = context();
    const people = stored('people');
    people[0] = { ...people[0]!, sensitivity: 'restricted' };
    const all = rows('people', people, ctx);
    expect(exportableRows(all, false)).toMatchObject({ restrictedLeftOut: 1 });
    expect(exportableRows(all, false).rows).toHaveLength(2);
    expect(exportableRows(all, true)).toMatchObject({ restrictedLeftOut: 0 });
    expect(exportableRows(all, true).rows).toHaveLength(3);
  });
});

describe('eventCalendarEntries', () => {
  it('names the meeting, its place and partners in the UI language', () => {
    const council = stored('events').find((event) => event.title.en?.startsWith('107th'))!;
    const [entry] = eventCalendarEntries([council], context('ru'));
    expect(entry).toMatchObject({
      id: council.id,
      summary: '107-я сессия Совета Международной организации по миграции',
      start: '2016-12-05',
      end: '2016-12-08',
      location: 'Женева, Швейцария',
    });
    expect(entry!.description).toBe(
      'Вид: Заседание руководящего органа\n' +
        'Организатор: МОМ\n' +
        'Партнеры: Совет Международной организации по миграции',
    );
  });
});

describe('followUpCalendarEntries', () => {
  it('puts each action on its due day, with owner and status', () => {
    const owner = stored('people').find((person) => person.name.en === 'Firudin Nabiyev')!;
    const followUp: StoredRecord<'followUps'> = {
      ...stored('events')[0]!,
      title: { en: 'Send the report to the Council' },
      description: null,
      ownerPersonId: owner.id,
      dueDate: '2017-01-15',
      status: 'in-progress',
      sourceId: null,
      rev: 4,
    } as unknown as StoredRecord<'followUps'>;
    expect(followUpCalendarEntries([followUp], context())).toEqual([
      {
        id: followUp.id,
        summary: 'Due: Send the report to the Council',
        start: '2017-01-15',
        end: null,
        description: 'Owner: Firudin Nabiyev\nStatus: In progress',
        sequence: 4,
      },
    ]);
  });
});

describe('personContactCards', () => {
  it('takes ORG from the current position with the bodies it sits in, and sorts contacts', () => {
    const nabiyev = stored('people').find((person) => person.name.en === 'Firudin Nabiyev')!;
    const [card] = personContactCards(
      [
        {
          ...nabiyev,
          honorific: 'Mr',
          contacts: [
            { kind: 'email', value: 'office@migration.gov.az', label: null },
            { kind: 'phone', value: '+994 12 562 37 02', label: 'Office' },
            { kind: 'other', value: '@smsgovaz', label: 'Social media' },
          ],
          languages: ['az', 'ru'],
        },
      ],
      context(),
    );
    expect(card).toMatchObject({
      formattedName: 'Firudin Nabiyev',
      name: { given: 'Firudin', family: 'Nabiyev', prefixes: ['Mr'] },
      organization: [
        'Republic of Azerbaijan',
        'State Migration Service of the Republic of Azerbaijan',
      ],
      title: 'Chief',
      emails: ['office@migration.gov.az'],
      phones: ['+994 12 562 37 02'],
      languages: ['az', 'ru'],
      note: 'Social media: @smsgovaz',
    });
  });
});

describe('buildExportFile', () => {
  it('writes a CSV for Excel with ; and a byte-order mark, restricted records left out', async () => {
    const ctx = context('ru');
    const agreements = stored('agreements');
    agreements[1] = { ...agreements[1]!, sensitivity: 'restricted' };
    const file = await buildExportFile({
      kind: 'agreements',
      format: 'csvExcel',
      rows: rows('agreements', agreements, ctx),
      columns: columnsOf('agreements', ['title', 'signed']),
      context: ctx,
      includeRestricted: false,
      section: 'Соглашения',
      now: new Date(),
    });
    expect(file).toMatchObject({ extension: 'csv', written: 4, restrictedLeftOut: 1 });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes);
    expect(text.startsWith('\uFEFFНазвание;Дата подписания\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true });
    expect(parsed.data).toHaveLength(5);
  });

  it('counts meetings left out of a calendar for want of a known day', async () => {
    const ctx = context();
    const file = await buildExportFile({
      kind: 'events',
      format: 'calendar',
      rows: rows('events', stored('events'), ctx),
      columns: [],
      context: ctx,
      includeRestricted: false,
      section: 'Meetings and visits',
      now: new Date(Date.UTC(2026, 10, 27)),
    });
    expect(file).toMatchObject({ extension: 'ics', written: 5, undatedLeftOut: 6 });
  });
});
