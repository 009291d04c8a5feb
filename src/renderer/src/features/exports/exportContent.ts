import type { ExportTable } from '@shared/formats/exportTable';
import type { CalendarEntry } from '@shared/formats/ics';
import { splitPersonName, type ContactCard } from '@shared/formats/vcard';
import type { FollowUp, Partner, Person, RegistryEvent, StoredRecord } from '@shared/model/records';
import type { Column, ColumnContext, ListKind } from '../records/columns';
import type { ListRow } from '../records/listModel';

/**
 * The rows an export may carry: restricted records stay out unless the user asked for them, and
 * the count left out is reported so nobody believes the file is the whole list.
 */
export function exportableRows<K extends ListKind>(
  rows: readonly ListRow<K>[],
  includeRestricted: boolean,
): { rows: ListRow<K>[]; restrictedLeftOut: number } {
  if (includeRestricted) return { rows: [...rows], restrictedLeftOut: 0 };
  const kept = rows.filter((row) => row.record.sensitivity !== 'restricted');
  return { rows: kept, restrictedLeftOut: rows.length - kept.length };
}

/**
 * The list as a table: the visible columns in their order with headers in the UI language, the
 * rows in list order, each cell the text the list shows plus its typed value for spreadsheets.
 */
export function buildExportTable<K extends ListKind>(
  rows: readonly ListRow<K>[],
  columns: readonly Column<K>[],
  context: ColumnContext,
): ExportTable {
  return {
    headers: columns.map((column) => context.t(`columns.${column.label}`)),
    rows: rows.map((row) =>
      columns.map((column) => ({
        text: row.cells[column.id] ?? column.text(row.record, context),
        value: column.value?.(row.record) ?? null,
      })),
    ),
  };
}

const partnerName = (partner: Partner | undefined, { format }: ColumnContext) =>
  partner ? format.text(partner.acronym) || format.text(partner.name) : '';

/** "Label: value" lines, skipping empty values, for a calendar item's description. */
function describe(lines: readonly [label: string, value: string][]): string {
  return lines
    .filter(([, value]) => value.trim() !== '')
    .map(([label, value]) => `${label}: ${value}`)
    .join('\n');
}

/** Meetings and visits as calendar items: title, place, kind, organizer, partners, outcomes. */
export function eventCalendarEntries(
  events: readonly RegistryEvent[],
  context: ColumnContext,
): CalendarEntry[] {
  const { format, t, partners } = context;
  return events.map((event) => ({
    id: event.id,
    summary: format.text(event.title),
    start: event.startDate,
    end: event.endDate,
    location: [format.text(event.city), format.country(event.countryCode)]
      .filter(Boolean)
      .join(', '),
    description: describe([
      [t('columns.kind'), t(`enums.eventKind.${event.kind}`)],
      [t('columns.organizer'), partnerName(partners.get(event.organizerId ?? ''), context)],
      [
        t('columns.partners'),
        event.partnerIds
          .map((id) => partnerName(partners.get(id), context))
          .filter(Boolean)
          .join(', '),
      ],
      [t('fields.outcomes'), format.text(event.outcomes)],
    ]),
    sequence: event.rev,
  }));
}

/** Follow-up actions as one-day calendar items on their due dates. */
export function followUpCalendarEntries(
  followUps: readonly FollowUp[],
  context: ColumnContext,
): CalendarEntry[] {
  const { format, t, people } = context;
  return followUps.map((followUp) => {
    const owner = followUp.ownerPersonId ? people.get(followUp.ownerPersonId) : undefined;
    return {
      id: followUp.id,
      summary: t('exports.dueSummary', { title: format.text(followUp.title) }),
      start: followUp.dueDate,
      end: null,
      description: describe([
        [t('columns.owner'), owner ? format.text(owner.name) : ''],
        [t('columns.status'), t(`enums.followUpStatus.${followUp.status}`)],
        [t('fields.description'), format.text(followUp.description)],
      ]),
      sequence: followUp.rev,
    };
  });
}

/** The organization and the bodies it sits in, outermost first, as vCard ORG wants them. */
function organizationPath(id: string | null, context: ColumnContext): string[] {
  const path: string[] = [];
  const seen = new Set<string>();
  let current = id ? context.partners.get(id) : undefined;
  // Parents nest a few levels at most; `seen` guards against a cycle in imported data.
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    path.unshift(context.format.text(current.name));
    current = current.parentId ? context.partners.get(current.parentId) : undefined;
  }
  return path;
}

/**
 * People as contact cards in the UI language: the name, the current position's organization and
 * title, contacts by kind, working languages. Contacts of kind "other" go into the note.
 */
export function personContactCards(
  people: readonly Person[],
  context: ColumnContext,
): ContactCard[] {
  const { format, t } = context;
  return people.map((person) => {
    const name = format.text(person.name);
    const position = person.positions.find((each) => each.to === null);
    const contacts = (kind: Person['contacts'][number]['kind']) =>
      person.contacts.filter((contact) => contact.kind === kind).map((contact) => contact.value);
    const others = person.contacts
      .filter((contact) => contact.kind === 'other')
      .map((contact) => `${contact.label ?? t('enums.contactKind.other')}: ${contact.value}`);
    return {
      id: person.id,
      formattedName: name,
      name: splitPersonName(name, person.honorific),
      organization: position ? organizationPath(position.organizationId, context) : [],
      title: position ? format.text(position.title) || null : null,
      emails: contacts('email'),
      phones: contacts('phone'),
      addresses: contacts('address'),
      languages: person.languages,
      note: others.length > 0 ? others.join('\n') : null,
      revision: person.updatedAt,
    };
  });
}

/** The records behind the rows, in list order. */
export function rowRecords<K extends ListKind>(rows: readonly ListRow<K>[]): StoredRecord<K>[] {
  return rows.map((row) => row.record);
}
