import type { RecordKind } from '@shared/model/records';

/** The section (list) each kind of record is shown in. */
const LIST_PATHS: Partial<Record<RecordKind, string>> = {
  partners: '/partners',
  agreements: '/agreements',
  projects: '/projects',
  events: '/events',
  people: '/people',
  followUps: '/follow-ups',
  documents: '/documents',
  areas: '/areas',
};

/** The kinds that have a detail page of their own. */
const KINDS_WITH_DETAIL: ReadonlySet<RecordKind> = new Set([
  'partners',
  'agreements',
  'projects',
  'events',
  'people',
  'documents',
]);

/** The kinds that can be created through a form yet, and where the form is. */
export const NEW_RECORD_PATHS: Partial<Record<RecordKind, string>> = {
  partners: '/partners/new',
  agreements: '/agreements/new',
  projects: '/projects/new',
  events: '/events/new',
  people: '/people/new',
  followUps: '/follow-ups/new',
  documents: '/documents/new',
  areas: '/areas/new',
};

/** The list a kind of record is shown in (its section); the dashboard for kinds without one. */
export function recordListPath(kind: RecordKind): string {
  return LIST_PATHS[kind] ?? '/';
}

/** Where a record's detail page is, or null for kinds shown only in lists. */
export function recordPath(kind: RecordKind, id: string): string | null {
  return KINDS_WITH_DETAIL.has(kind) ? `${recordListPath(kind)}/${id}` : null;
}

/** Where a record's edit form is, or null for kinds without one yet. */
export function recordEditPath(kind: RecordKind, id: string): string | null {
  return NEW_RECORD_PATHS[kind] ? `${recordListPath(kind)}/${id}/edit` : null;
}
