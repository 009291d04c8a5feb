import { useLiveQuery } from 'dexie-react-hooks';
import { useRegistry } from '../../app/RegistryContext';
import type { RegistryDb, SavedView } from '../../db/RegistryDb';
import type { ListKind } from './columns';

/** Where a saved view belongs: a section's list, or the registry-wide search. */
export type SavedViewScope = ListKind | 'search';

/** A view name the user typed that cannot be saved, said in words the dialog can show. */
export class SavedViewError extends Error {
  constructor(readonly reason: 'empty' | 'tooLong') {
    super(reason === 'empty' ? 'A view needs a name' : 'A view name has at most 80 characters');
    this.name = 'SavedViewError';
  }
}

const sameName = (a: string, b: string) =>
  a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;

/**
 * Saves a list's current state under a name. Saving under a name the list already has (ignoring
 * case) replaces that view, so "Save" after adjusting a view updates it instead of duplicating it.
 */
export async function saveView(
  db: RegistryDb,
  kind: SavedViewScope,
  name: string,
  query: string,
  now: Date = new Date(),
): Promise<SavedView> {
  const trimmed = name.trim();
  if (trimmed === '') throw new SavedViewError('empty');
  if (trimmed.length > 80) throw new SavedViewError('tooLong');
  return db.transaction('rw', db.savedViews, async () => {
    const existing = (await db.savedViews.where('kind').equals(kind).toArray()).find((view) =>
      sameName(view.name, trimmed),
    );
    const view: SavedView = existing
      ? { ...existing, name: trimmed, query }
      : { id: crypto.randomUUID(), kind, name: trimmed, query, createdAt: now.toISOString() };
    await db.savedViews.put(view);
    return view;
  });
}

export async function deleteView(db: RegistryDb, id: string): Promise<void> {
  await db.savedViews.delete(id);
}

/** Puts a deleted view back, for Undo. */
export async function restoreView(db: RegistryDb, view: SavedView): Promise<void> {
  await db.savedViews.put(view);
}

/** A list's saved views, by name in the UI language's order (sorted by the caller). */
export function useSavedViews(kind: SavedViewScope): SavedView[] | undefined {
  const { db } = useRegistry();
  return useLiveQuery(() => db.savedViews.where('kind').equals(kind).toArray(), [db, kind]);
}
