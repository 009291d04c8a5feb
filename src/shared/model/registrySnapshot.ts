import * as z from 'zod';
import { contentSchemas, RECORD_KINDS, type RecordContent, type RecordKind } from './records';

/**
 * A set of records without change metadata, as the sample registry ships them: each entry is a
 * record's content plus its id, so links between records survive loading. Loading stamps the
 * metadata (this device, now, rev 1).
 */
export const SNAPSHOT_FORMAT = 'cooperation-registry/snapshot';

const idShape = { id: z.uuid() };

export const registrySnapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  formatVersion: z.literal(1),
  title: z.string().min(1),
  records: z.object({
    partners: z.array(contentSchemas.partners.extend(idShape)).default([]),
    agreements: z.array(contentSchemas.agreements.extend(idShape)).default([]),
    projects: z.array(contentSchemas.projects.extend(idShape)).default([]),
    events: z.array(contentSchemas.events.extend(idShape)).default([]),
    people: z.array(contentSchemas.people.extend(idShape)).default([]),
    followUps: z.array(contentSchemas.followUps.extend(idShape)).default([]),
    documents: z.array(contentSchemas.documents.extend(idShape)).default([]),
    areas: z.array(contentSchemas.areas.extend(idShape)).default([]),
    tags: z.array(contentSchemas.tags.extend(idShape)).default([]),
  } satisfies Record<RecordKind, z.ZodType>),
});
export type RegistrySnapshot = z.output<typeof registrySnapshotSchema>;
export type SnapshotRecord<K extends RecordKind> = RecordContent<K> & { id: string };

/** How many records of every kind the snapshot holds. */
export function snapshotRecordCount(snapshot: RegistrySnapshot): number {
  return RECORD_KINDS.reduce((sum, kind) => sum + snapshot.records[kind].length, 0);
}
