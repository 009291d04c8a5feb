import type { RecordKind } from '@shared/model/records';

/** The kinds that have a detail page, and the list each belongs to. */
const DETAIL_BASES: Partial<Record<RecordKind, string>> = {
  partners: '/partners',
  agreements: '/agreements',
  projects: '/projects',
  events: '/events',
  people: '/people',
};

/** Where a record's detail page is, or null for kinds shown only in lists. */
export function recordPath(kind: RecordKind, id: string): string | null {
  const base = DETAIL_BASES[kind];
  return base ? `${base}/${id}` : null;
}
