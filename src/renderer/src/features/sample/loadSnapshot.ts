import type { RegistrySnapshot } from '@shared/model/registrySnapshot';
import { RECORD_KINDS, type RecordContentInput, type RecordKind } from '@shared/model/records';
import { createRecord, type MutationContext } from '../../db/changeTracking';
import type { RegistryDb } from '../../db/RegistryDb';

export type SnapshotLoadResult = { added: number; alreadyPresent: number };

const TABLES = [...RECORD_KINDS, 'changes', 'links'] as const;

/**
 * Adds a snapshot's records to the registry in one transaction: all of them or, on any failure,
 * none. Records whose id is already present (the sample loaded before) are left as they are, so
 * loading never overwrites anyone's work. Pass the strict-durability connection.
 */
export async function loadSnapshot(
  db: RegistryDb,
  snapshot: RegistrySnapshot,
  context: MutationContext,
): Promise<SnapshotLoadResult> {
  return db.transaction('rw', TABLES, async () => {
    const result: SnapshotLoadResult = { added: 0, alreadyPresent: 0 };
    for (const kind of RECORD_KINDS) {
      const entries = snapshot.records[kind] as ({ id: string } & RecordContentInput<RecordKind>)[];
      const existing = await db.recordTable(kind).bulkGet(entries.map((entry) => entry.id));
      for (const [index, entry] of entries.entries()) {
        if (existing[index]) {
          result.alreadyPresent += 1;
          continue;
        }
        const { id, ...content } = entry;
        await createRecord(db, kind, content as RecordContentInput<typeof kind>, context, { id });
        result.added += 1;
      }
    }
    return result;
  });
}
