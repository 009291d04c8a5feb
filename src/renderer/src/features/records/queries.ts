import { useLiveQuery } from 'dexie-react-hooks';
import { useSyncExternalStore } from 'react';
import type { RecordKind, StoredRecord } from '@shared/model/records';
import { RECORD_KINDS } from '@shared/model/records';
import { useRegistry } from '../../app/RegistryContext';
import { recordCache, type RecordCacheSnapshot } from '../../db/recordCache';
import type { RegistryDb } from '../../db/RegistryDb';

/**
 * Live (not deleted) records of one kind, kept current as the registry changes. Backed by the
 * kind's shared in-memory cache, so a change re-reads only the records it touched.
 */
export function useLiveRecords<K extends RecordKind>(
  kind: K,
): readonly StoredRecord<K>[] | undefined {
  return useRecordCache(kind)?.records;
}

/**
 * Live records of one kind by id, for showing the names of linked records. With `isEnabled`
 * false nothing is loaded and an empty map comes back: a list whose columns never name people
 * does not read 15,000 of them.
 */
export function useRecordsById<K extends RecordKind>(
  kind: K,
  { isEnabled = true }: { isEnabled?: boolean } = {},
): ReadonlyMap<string, StoredRecord<K>> | undefined {
  const snapshot = useRecordCache(kind, isEnabled);
  return isEnabled ? snapshot?.byId : EMPTY_MAP;
}

const EMPTY_MAP: ReadonlyMap<string, never> = new Map<string, never>();
const noSubscription = () => () => undefined;
const noSnapshot = () => undefined;

function useRecordCache<K extends RecordKind>(
  kind: K,
  isEnabled = true,
): RecordCacheSnapshot<K> | undefined {
  const { db } = useRegistry();
  const cache = recordCache(db, kind);
  return useSyncExternalStore(
    isEnabled ? cache.subscribe : noSubscription,
    isEnabled ? cache.getSnapshot : noSnapshot,
  );
}

/**
 * How many live records of each kind the registry holds: all rows minus those in the deletedAt
 * index (which holds only tombstones), two key counts per table and never a scan of the rows.
 */
export async function countLiveRecords(db: RegistryDb): Promise<Record<RecordKind, number>> {
  const entries = await Promise.all(
    RECORD_KINDS.map(async (kind) => {
      const table = db.recordTable(kind);
      const [all, deleted] = await Promise.all([table.count(), table.orderBy('deletedAt').count()]);
      return [kind, all - deleted] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<RecordKind, number>;
}

export function useLiveRecordCounts(): Record<RecordKind, number> | undefined {
  const { db } = useRegistry();
  return useLiveQuery(() => countLiveRecords(db), [db]);
}
