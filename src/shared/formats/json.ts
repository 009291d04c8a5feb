import { contentSchemas, RECORD_KINDS, type RecordKind, type StoredRecord } from '../model/records';
import {
  SNAPSHOT_FORMAT,
  type RegistrySnapshot,
  type SnapshotRecord,
} from '../model/registrySnapshot';

/** A record's content and id, without change metadata: what another registry should load. */
export function snapshotRecord<K extends RecordKind>(
  kind: K,
  record: StoredRecord<K>,
): SnapshotRecord<K> {
  const entry: Record<string, unknown> = { id: record.id };
  const source = record as Record<string, unknown>;
  for (const field of Object.keys(contentSchemas[kind].shape)) entry[field] = source[field];
  return entry as SnapshotRecord<K>;
}

/**
 * Records of one kind as a registry snapshot, the app's own format (the sample registry's): links
 * between records keep their ids, change metadata (devices, revisions, trash) stays home. The
 * import wizard reads it back; linked records of other kinds are not included.
 */
export function buildSnapshot<K extends RecordKind>(
  kind: K,
  records: readonly StoredRecord<K>[],
  title: string,
): RegistrySnapshot {
  return buildRegistrySnapshot({ [kind]: records }, title);
}

/** Records of any kinds, each list in the order given; kinds left out are empty. */
export type RecordsByKind = { [K in RecordKind]?: readonly StoredRecord<K>[] };

/**
 * Several kinds, or the whole registry, as one snapshot. Because every kind a record links to is
 * in the same file, importing it into an empty registry gives back the same records and links.
 */
export function buildRegistrySnapshot(records: RecordsByKind, title: string): RegistrySnapshot {
  const entries = RECORD_KINDS.map((kind) => {
    const list = (records[kind] ?? []) as readonly StoredRecord<typeof kind>[];
    return [kind, list.map((record) => snapshotRecord(kind, record))];
  });
  return {
    format: SNAPSHOT_FORMAT,
    formatVersion: 1,
    title,
    records: Object.fromEntries(entries) as RegistrySnapshot['records'],
  };
}

/** The snapshot as the bytes of a .json file: UTF-8, indented so a person can read it. */
export function encodeSnapshot(snapshot: RegistrySnapshot): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`${JSON.stringify(snapshot, null, 2)}\n`);
}
