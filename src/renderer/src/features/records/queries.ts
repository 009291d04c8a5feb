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

/** Live records of one kind by id, for showing the names of linked records. */
export function useRecordsById<K extends RecordKind>(
  kind: K,
): ReadonlyMap<string, StoredRecord<K>> | undefined {
  return useRecordCache(kind)?.byId;
}

function useRecordCache<K extends RecordKind>(kind: K): RecordCacheSnapshot<K> | undefined {
  const { db } = useRegistry();
  const cache = recordCache(db, kind);
  return useSyncExternalStore(cache.subscribe, cache.getSnapshot);
}

/** How many live records of each kind the registry holds. */
export async function countLiveRecords(db: RegistryDb): Promise<Record<RecordKind, number>> {
  const entries = await Promise.all(
    RECORD_KINDS.map(
      async (kind) =>
        [
          kind,
          await db
            .recordTable(kind)
            .filter((record) => record.deletedAt === null)
            .count(),
        ] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<RecordKind, number>;
}

export function useLiveRecordCounts(): Record<RecordKind, number> | undefined {
  const { db } = useRegistry();
  return useLiveQuery(() => countLiveRecords(db), [db]);
}
