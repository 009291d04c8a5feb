import type { ListKind } from '../features/records/columns';
import { NEW_RECORD_PATHS } from './recordPaths';

export type NavSection = {
  id: 'dashboard' | 'timeline' | ListKind | 'import' | 'exchange' | 'trash' | 'settings';
  path: string;
  /** The record kind the section lists, or null for Dashboard, Timeline, Import, Trash and Settings. */
  kind: ListKind | null;
};

/** The sections of the app, in the order the navigation shows them. */
export const NAV_SECTIONS: readonly NavSection[] = [
  { id: 'dashboard', path: '/', kind: null },
  { id: 'timeline', path: '/timeline', kind: null },
  { id: 'partners', path: '/partners', kind: 'partners' },
  { id: 'agreements', path: '/agreements', kind: 'agreements' },
  { id: 'projects', path: '/projects', kind: 'projects' },
  { id: 'events', path: '/events', kind: 'events' },
  { id: 'people', path: '/people', kind: 'people' },
  { id: 'followUps', path: '/follow-ups', kind: 'followUps' },
  { id: 'documents', path: '/documents', kind: 'documents' },
  { id: 'areas', path: '/areas', kind: 'areas' },
  { id: 'import', path: '/import', kind: null },
  { id: 'exchange', path: '/exchange', kind: null },
  { id: 'trash', path: '/trash', kind: null },
  { id: 'settings', path: '/settings', kind: null },
];

/**
 * The section a screen belongs to, from its path: a list, or a record shown, edited or created in
 * it (/partners/p-1/edit is in Partners). Null for paths outside every section.
 */
export function sectionOf(pathname: string): NavSection | null {
  if (pathname === '/') return NAV_SECTIONS[0] ?? null;
  return (
    NAV_SECTIONS.find(
      (section) =>
        section.path !== '/' &&
        (pathname === section.path || pathname.startsWith(`${section.path}/`)),
    ) ?? null
  );
}

/** Where "new record" leads from a screen (Ctrl+N): its section's form, or null where there is none. */
export function newRecordPathFor(pathname: string): string | null {
  const kind = sectionOf(pathname)?.kind;
  return (kind && NEW_RECORD_PATHS[kind]) ?? null;
}
