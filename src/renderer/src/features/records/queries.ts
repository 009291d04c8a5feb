import { useLiveQuery } from 'dexie-react-hooks';
import type { RecordKind, StoredRecord } from '@shared/model/records';
import { RECORD_KINDS } from '@shared/model/records';
import { useRegistry } from '../../app/RegistryContext';
import type { RegistryDb } from '../../db/RegistryDb';

/** Live (not deleted) records of one kind, kept current as the registry changes. */
export function useLiveRecords<K extends RecordKind>(kind: K): StoredRecord<K>[] | undefined {
  const { db } = useRegistry();
  return useLiveQuery(
    () =>
      db
        .recordTable(kind)
        .filter((record) => record.deletedAt === null)
        .toArray(),
    [db, kind],
  );
}

/** Live records of one kind by id, for showing the names of linked records. */
export function useRecordsById<K extends RecordKind>(
  kind: K,
): Map<string, StoredRecord<K>> | undefined {
  const records = useLiveRecords(kind);
  return records && new Map(records.map((record) => [record.id, record]));
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
