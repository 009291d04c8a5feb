import type { ListKind } from '../features/records/columns';

export type NavSection = {
  id: 'dashboard' | ListKind | 'trash' | 'settings';
  path: string;
  /** The record kind the section lists, or null for Dashboard, Trash and Settings. */
  kind: ListKind | null;
};

/** The sections of the app, in the order the navigation shows them. */
export const NAV_SECTIONS: readonly NavSection[] = [
  { id: 'dashboard', path: '/', kind: null },
  { id: 'partners', path: '/partners', kind: 'partners' },
  { id: 'agreements', path: '/agreements', kind: 'agreements' },
  { id: 'projects', path: '/projects', kind: 'projects' },
  { id: 'events', path: '/events', kind: 'events' },
  { id: 'people', path: '/people', kind: 'people' },
  { id: 'followUps', path: '/follow-ups', kind: 'followUps' },
  { id: 'documents', path: '/documents', kind: 'documents' },
  { id: 'areas', path: '/areas', kind: 'areas' },
  { id: 'trash', path: '/trash', kind: null },
  { id: 'settings', path: '/settings', kind: null },
];
