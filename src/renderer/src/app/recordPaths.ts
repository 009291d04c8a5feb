import type { RecordKind } from '@shared/model/records';

/** The kinds that have a detail page, and the list each belongs to. */
const DETAIL_BASES: Partial<Record<RecordKind, string>> = {
  partners: '/partners',
  agreements: '/agreements',
  projects: '/projects',
  events: '/events',
  people: '/people',
};

/** The kinds that can be created through a form yet, and where the form is. */
export const NEW_RECORD_PATHS: Partial<Record<RecordKind, string>> = {
  partners: '/partners/new',
  agreements: '/agreements/new',
  projects: '/projects/new',
  events: '/events/new',
  people: '/people/new',
};

/** The list a kind of record is shown in (its section); the dashboard for kinds without one. */
export function recordListPath(kind: RecordKind): string {
  return DETAIL_BASES[kind] ?? '/';
}

/** Where a record's detail page is, or null for kinds shown only in lists. */
export function recordPath(kind: RecordKind, id: string): string | null {
  const base = DETAIL_BASES[kind];
  return base ? `${base}/${id}` : null;
}
