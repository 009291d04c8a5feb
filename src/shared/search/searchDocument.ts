import type { LocalizedText } from '../model/localizedText';
import type { PartialDate } from '../model/partialDate';
import type { RecordKind, StoredRecord } from '../model/records';

/** The kinds search finds (tags are labels on other records, not things to open). */
export const SEARCHABLE_KINDS = [
  'partners',
  'agreements',
  'projects',
  'events',
  'people',
  'followUps',
  'documents',
  'areas',
] as const satisfies readonly RecordKind[];
export type SearchableKind = (typeof SEARCHABLE_KINDS)[number];

/**
 * What the search index holds for one record: its names in every language (boosted), every other
 * text it carries, and what the filters look at. Stored fields come back with results, so the
 * result list shows a record without reading it from the database.
 */
export type SearchDocument = {
  id: string;
  kind: SearchableKind;
  /** Names, titles and acronyms in en/az/ru, joined. */
  names: string;
  /** Notes, positions, places, outcomes, document file names, step instruments… */
  text: string;
  /** The record's label in each language, for showing the result. */
  label: LocalizedText;
  /** A date the result shows and a date filter uses (start, signature, due date…). */
  date: PartialDate | null;
  areaIds: readonly string[];
  partnerIds: readonly string[];
};

function texts(...values: (LocalizedText | null | undefined)[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    if (!value) continue;
    for (const text of Object.values(value)) if (text) out.push(text);
  }
  return out;
}

const join = (parts: readonly (string | null | undefined)[]) =>
  parts.filter((part): part is string => Boolean(part)).join('\n');

/** Builds the indexed form of a record; null for kinds search does not cover. */
export function toSearchDocument<K extends RecordKind>(
  kind: K,
  record: StoredRecord<K>,
): SearchDocument | null {
  const base = { id: record.id, areaIds: 'areaIds' in record ? record.areaIds : [] };
  const notes = 'notes' in record ? record.notes : null;
  switch (kind) {
    case 'partners': {
      const r = record as StoredRecord<'partners'>;
      return {
        ...base,
        kind,
        names: join(texts(r.name, r.acronym)),
        text: join([
          ...texts(notes),
          ...r.membershipFacts.flatMap((fact) => texts(fact.statement)),
        ]),
        label: r.name,
        date: null,
        partnerIds: r.parentId ? [r.parentId] : [],
      };
    }
    case 'agreements': {
      const r = record as StoredRecord<'agreements'>;
      return {
        ...base,
        kind,
        names: join(texts(r.title)),
        text: join([
          ...texts(notes),
          ...r.steps.flatMap((step) => texts(step.place, step.instrument, step.note)),
        ]),
        label: r.title,
        date: r.steps.find((step) => step.kind === 'signed')?.date ?? r.steps[0]?.date ?? null,
        partnerIds: r.parties.map((party) => party.partnerId),
      };
    }
    case 'projects': {
      const r = record as StoredRecord<'projects'>;
      return {
        ...base,
        kind,
        names: join(texts(r.title)),
        text: join([...texts(notes), ...texts(...r.outputs)]),
        label: r.title,
        date: r.actualStart ?? r.plannedStart,
        partnerIds: r.partners.map((partner) => partner.partnerId),
      };
    }
    case 'events': {
      const r = record as StoredRecord<'events'>;
      return {
        ...base,
        kind,
        names: join(texts(r.title, r.series?.name)),
        text: join([...texts(notes, r.city, r.outcomes)]),
        label: r.title,
        date: r.startDate,
        partnerIds: r.organizerId ? [r.organizerId, ...r.partnerIds] : r.partnerIds,
      };
    }
    case 'people': {
      const r = record as StoredRecord<'people'>;
      return {
        ...base,
        kind,
        names: join(texts(r.name)),
        text: join([
          ...texts(notes),
          ...r.positions.flatMap((position) => texts(position.title)),
          ...r.contacts.map((contact) => contact.value),
        ]),
        label: r.name,
        date: null,
        partnerIds: r.positions.flatMap((position) =>
          position.organizationId ? [position.organizationId] : [],
        ),
      };
    }
    case 'followUps': {
      const r = record as StoredRecord<'followUps'>;
      return {
        ...base,
        kind,
        names: join(texts(r.title)),
        text: join(texts(notes, r.description)),
        label: r.title,
        date: r.dueDate,
        partnerIds: [],
      };
    }
    case 'documents': {
      const r = record as StoredRecord<'documents'>;
      return {
        ...base,
        kind,
        names: join(texts(r.title)),
        text: join([...texts(notes), r.file?.name]),
        label: r.title,
        date: r.documentDate,
        partnerIds: [],
      };
    }
    case 'areas': {
      const r = record as StoredRecord<'areas'>;
      return {
        ...base,
        kind,
        names: join(texts(r.name)),
        text: join([r.code, ...texts(r.description, notes)]),
        label: r.name,
        date: null,
        partnerIds: [],
      };
    }
    default:
      return null;
  }
}
