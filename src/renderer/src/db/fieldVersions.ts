import type { RecordKind, StoredRecord } from '@shared/model/records';
import { bumpVersion, versionFromRevision, type RecordVersion } from '@shared/exchange/versions';
import type { VersionedRecord } from '@shared/exchange/mergeRecord';
import { META_FIELDS } from '@shared/model/records';
import type { ChangeEntry, FieldVersionRow, RegistryDb } from './RegistryDb';

/**
 * The field versions of records, for exchange. Ordinary writes do not keep them: a record's
 * version is its row in `fieldVersions` (written by the last merge, if any) with every later
 * change-log entry of the record applied on top as a write by that entry's device. So editing,
 * importing and restoring stay exactly as they were, and the change log stays the one source of
 * "who changed which field".
 */

/** Above this many records one pass over the change log is cheaper than a lookup per record. */
const SCAN_THRESHOLD = 2_000;

const META_FIELD_SET: ReadonlySet<string> = new Set(META_FIELDS);

/** A record's version from its merge row (if any) and its change-log entries, in any order. */
export function deriveVersion(
  record: StoredRecord<RecordKind>,
  row: FieldVersionRow | undefined,
  entries: readonly ChangeEntry[],
): RecordVersion {
  const after = [...entries]
    .filter((entry) => entry.rev > (row?.rev ?? 0))
    .sort((a, b) => a.rev - b.rev || (a.seq ?? 0) - (b.seq ?? 0));
  let version: RecordVersion = row ? { vv: row.vv, dots: row.dots } : { vv: {}, dots: {} };
  if (!row && after.length === 0) {
    // No history at all (rows written before the change log existed): one write by changedBy.
    const fields = Object.keys(record).filter(
      (field) => !META_FIELD_SET.has(field) || field === 'deletedAt',
    );
    return versionFromRevision(fields, record.changedBy, record.rev);
  }
  for (const entry of after)
    version = bumpVersion(version, entry.deviceId, Object.keys(entry.fields));
  return version;
}

/** The current version of each record, by id, read inside the caller's transaction. */
export async function loadVersions(
  db: RegistryDb,
  records: readonly StoredRecord<RecordKind>[],
): Promise<Map<string, RecordVersion>> {
  const versions = new Map<string, RecordVersion>();
  if (records.length === 0) return versions;
  const ids = records.map((record) => record.id);
  const rows = await db.fieldVersions.bulkGet(ids);
  const entriesById = new Map<string, ChangeEntry[]>();
  if (ids.length > SCAN_THRESHOLD) {
    const wanted = new Set(ids);
    await db.changes.each((entry) => {
      if (!wanted.has(entry.recordId)) return;
      const list = entriesById.get(entry.recordId);
      if (list) list.push(entry);
      else entriesById.set(entry.recordId, [entry]);
    });
  } else {
    await Promise.all(
      ids.map(async (id) => {
        entriesById.set(id, await db.changes.where('recordId').equals(id).toArray());
      }),
    );
  }
  records.forEach((record, index) => {
    versions.set(record.id, deriveVersion(record, rows[index], entriesById.get(record.id) ?? []));
  });
  return versions;
}

/** Records with their versions, as the merge planner takes them. */
export async function loadVersionedRecords(
  db: RegistryDb,
  records: readonly StoredRecord<RecordKind>[],
): Promise<VersionedRecord[]> {
  const versions = await loadVersions(db, records);
  return records.map((record) => ({
    record: record,
    version: versions.get(record.id) ?? { vv: {}, dots: {} },
  }));
}
