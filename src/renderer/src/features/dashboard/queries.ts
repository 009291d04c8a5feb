import { useLiveQuery } from 'dexie-react-hooks';
import type { LocalizedText } from '@shared/model/localizedText';
import { RECORD_KINDS, type RecordKind } from '@shared/model/records';
import { useRegistry } from '../../app/RegistryContext';
import type { RegistryDb } from '../../db/RegistryDb';
import { recordLabel } from '../records/recordLabel';

export type RecentChange = {
  kind: RecordKind;
  id: string;
  label: LocalizedText | string;
  updatedAt: string;
};

/**
 * The most recently changed live records across every kind, read newest-first from each table's
 * updatedAt index: a few rows per table, never a whole-table scan.
 */
export async function loadRecentChanges(db: RegistryDb, limit: number): Promise<RecentChange[]> {
  const perKind = await Promise.all(
    RECORD_KINDS.map(async (kind) => {
      const records = await db
        .recordTable(kind)
        .orderBy('updatedAt')
        .reverse()
        .filter((record) => record.deletedAt === null)
        .limit(limit)
        .toArray();
      return records.map((record) => ({
        kind,
        id: record.id,
        label: recordLabel(record),
        updatedAt: record.updatedAt,
      }));
    }),
  );
  return perKind
    .flat()
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
    .slice(0, limit);
}

export function useRecentChanges(limit: number): RecentChange[] | undefined {
  const { db } = useRegistry();
  return useLiveQuery(() => loadRecentChanges(db, limit), [db, limit]);
}
