import { buildRegistrySnapshot, encodeSnapshot, type RecordsByKind } from '@shared/formats/json';
import { RECORD_KINDS, type RecordKind } from '@shared/model/records';
import type { RegistryDb } from '../../db/RegistryDb';

export type RegistryExport = {
  bytes: Uint8Array<ArrayBuffer>;
  /** Records written, per kind. */
  counts: Record<RecordKind, number>;
  total: number;
};

/**
 * Every record that is not in Trash, of every kind, as one JSON snapshot: the registry in a form
 * people and other tools can read, which the import wizard turns back into the same registry
 * (ids, links and partial dates kept). Read in one transaction so the file is a consistent
 * moment of the registry even while someone keeps editing.
 */
export async function exportRegistry(db: RegistryDb, title: string): Promise<RegistryExport> {
  const tables = RECORD_KINDS.map((kind) => db.recordTable(kind));
  const records = await db.transaction('r', tables, async () => {
    const byKind: RecordsByKind = {};
    for (const kind of RECORD_KINDS) {
      const all = await db.recordTable(kind).toArray();
      (byKind as Record<RecordKind, unknown>)[kind] = all.filter((record) => !record.deletedAt);
    }
    return byKind;
  });
  const counts = Object.fromEntries(
    RECORD_KINDS.map((kind) => [kind, records[kind]?.length ?? 0]),
  ) as Record<RecordKind, number>;
  const total = RECORD_KINDS.reduce((sum, kind) => sum + counts[kind], 0);
  return { bytes: encodeSnapshot(buildRegistrySnapshot(records, title)), counts, total };
}
