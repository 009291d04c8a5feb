import type { ChangeEntry, RegistryDb } from './RegistryDb';

/** A record's change log in revision order, oldest first. */
export async function loadRecordHistory(db: RegistryDb, recordId: string): Promise<ChangeEntry[]> {
  const entries = await db.changes.where('recordId').equals(recordId).toArray();
  return entries.sort((a, b) => a.rev - b.rev);
}

/**
 * The record's content as it stood right after revision `rev`, replayed from the log: the create
 * entry holds every field, later entries the fields they changed. Null when the log does not start
 * with a create (so the early state is unknown) or has no such revision. Trash state is not content.
 */
export function contentAtRevision(
  entries: readonly ChangeEntry[],
  rev: number,
): Record<string, unknown> | null {
  if (!entries.some((entry) => entry.rev === rev)) return null;
  let content: Record<string, unknown> | null = null;
  for (const entry of entries) {
    if (entry.rev > rev) break;
    if (entry.op === 'create') content = {};
    if (content === null) continue;
    for (const [field, change] of Object.entries(entry.fields)) {
      if (field !== 'deletedAt') content[field] = change.after;
    }
  }
  return content;
}
