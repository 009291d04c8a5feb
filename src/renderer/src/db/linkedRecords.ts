import { RECORD_KINDS, type RecordKind, type StoredRecord } from '@shared/model/records';
import type { RegistryDb } from './RegistryDb';

/** Records of every kind, each list holding live records only. */
export type RecordsByKind = { [K in RecordKind]: StoredRecord<K>[] };

const isLive = <T extends { deletedAt: string | null }>(record: T | undefined): record is T =>
  record !== undefined && record.deletedAt === null;

function emptyByKind(): RecordsByKind {
  return Object.fromEntries(RECORD_KINDS.map((kind) => [kind, []])) as unknown as RecordsByKind;
}

/** The live record of a kind with this id, or null when it is missing or in Trash. */
export async function getLiveRecord<K extends RecordKind>(
  db: RegistryDb,
  kind: K,
  id: string,
): Promise<StoredRecord<K> | null> {
  const record = await db.recordTable(kind).get(id);
  return isLive(record) ? record : null;
}

/** Live records of one kind by id, in one keyed read; missing and deleted ones are left out. */
export async function getLiveRecordsById<K extends RecordKind>(
  db: RegistryDb,
  kind: K,
  ids: Iterable<string>,
): Promise<Map<string, StoredRecord<K>>> {
  const unique = [...new Set(ids)];
  const records = await db.recordTable(kind).bulkGet(unique);
  return new Map(records.filter(isLive).map((record) => [record.id, record]));
}

/**
 * The live records that refer to `targetId`, by kind, found through the reverse-link index in one
 * indexed lookup plus one keyed read per kind. `fields` limits the match to links held in those
 * fields (e.g. only `parentId` for child bodies).
 */
export async function getLinkingRecords(
  db: RegistryDb,
  targetId: string,
  fields?: readonly string[],
): Promise<RecordsByKind> {
  const links = await db.links.where('targetId').equals(targetId).toArray();
  const idsByKind = new Map<RecordKind, Set<string>>();
  for (const link of links) {
    if (fields && !fields.includes(link.field)) continue;
    const ids = idsByKind.get(link.sourceKind) ?? new Set<string>();
    ids.add(link.sourceId);
    idsByKind.set(link.sourceKind, ids);
  }
  const result = emptyByKind();
  await Promise.all(
    [...idsByKind].map(async ([kind, ids]) => {
      const records = await getLiveRecordsById(db, kind, ids);
      (result[kind] as StoredRecord<RecordKind>[]) = [...records.values()];
    }),
  );
  return result;
}
