import { useLiveQuery } from 'dexie-react-hooks';
import { RECORD_KINDS, type RecordKind, type StoredRecord } from '@shared/model/records';
import { useRegistry } from '../../app/RegistryContext';
import { getLinkingRecords } from '../../db/linkedRecords';
import type { RegistryDb } from '../../db/RegistryDb';

export type TrashEntry = { kind: RecordKind; record: StoredRecord<RecordKind> };

/**
 * Every record in Trash, most recently deleted first. Read from each table's deletedAt index,
 * which holds only deleted records (live ones have null there), so live records are never scanned.
 */
export async function loadTrash(db: RegistryDb): Promise<TrashEntry[]> {
  const perKind = await Promise.all(
    RECORD_KINDS.map(async (kind) => {
      const records = await db.recordTable(kind).where('deletedAt').above('').toArray();
      return records.map((record) => ({ kind, record }));
    }),
  );
  return perKind
    .flat()
    .sort((a, b) => ((a.record.deletedAt ?? '') < (b.record.deletedAt ?? '') ? 1 : -1));
}

export function useTrash(): TrashEntry[] | undefined {
  const { db } = useRegistry();
  return useLiveQuery(() => loadTrash(db), [db]);
}

/** How many live records of each kind refer to a record: what a delete would leave pointing at Trash. */
export async function countLinkingRecords(
  db: RegistryDb,
  id: string,
): Promise<Partial<Record<RecordKind, number>>> {
  const linking = await getLinkingRecords(db, id);
  const counts: Partial<Record<RecordKind, number>> = {};
  for (const kind of RECORD_KINDS) {
    if (linking[kind].length > 0) counts[kind] = linking[kind].length;
  }
  return counts;
}
