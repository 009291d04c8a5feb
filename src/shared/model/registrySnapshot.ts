import * as z from 'zod';
import { contentSchemas, RECORD_KINDS, type RecordContent, type RecordKind } from './records';

/**
 * A set of records without change metadata, as the sample registry ships them: each entry is a
 * record's content plus its id, so links between records survive loading. Loading stamps the
 * metadata (this device, now, rev 1).
 */
export const SNAPSHOT_FORMAT = 'cooperation-registry/snapshot';

const withId = <K extends RecordKind>(kind: K) => contentSchemas[kind].extend({ id: z.uuid() });

export const registrySnapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  formatVersion: z.literal(1),
  title: z.string().min(1),
  records: z.object({
    partners: z.array(withId('partners')).default([]),
    agreements: z.array(withId('agreements')).default([]),
    projects: z.array(withId('projects')).default([]),
    events: z.array(withId('events')).default([]),
    people: z.array(withId('people')).default([]),
    followUps: z.array(withId('followUps')).default([]),
    documents: z.array(withId('documents')).default([]),
    areas: z.array(withId('areas')).default([]),
    tags: z.array(withId('tags')).default([]),
  } satisfies Record<RecordKind, z.ZodType>),
});
export type RegistrySnapshot = z.output<typeof registrySnapshotSchema>;
export type SnapshotRecord<K extends RecordKind> = RecordContent<K> & { id: string };

/** How many records of every kind the snapshot holds. */
export function snapshotRecordCount(snapshot: RegistrySnapshot): number {
  return RECORD_KINDS.reduce((sum, kind) => sum + snapshot.records[kind].length, 0);
}
