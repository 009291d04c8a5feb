import * as z from 'zod';
import { recordVersionSchema } from '../exchange/versions';
import { contentSchemas, RECORD_KINDS, recordMetaSchema, type RecordKind } from './records';

/**
 * The rows of every database table as the app's own writes produce them, in one place: records
 * (their kind's content schema plus the change metadata) and the bookkeeping tables beside them.
 * Anything that writes rows it did not make itself (a restore) parses them here first, and the
 * renderer's table types derive from these schemas so the two cannot drift apart.
 */

const uuid = z.uuid();
const isoTimestamp = z.iso.datetime({ offset: true });
/** An installation's id, as stamped on changes and records (`changedBy`). */
const deviceIdSchema = z.string().min(1).max(100);
const deviceNameSchema = z.string().max(200);

const recordKindSchema = z.enum(RECORD_KINDS);

/** One entry of the change log: a single write to a single record, field by field. */
export const changeEntrySchema = z.object({
  /** The log's own key, given by IndexedDB when the entry is added. */
  seq: z.int().positive().optional(),
  recordKind: recordKindSchema,
  recordId: uuid,
  /** The record's rev after this write. */
  rev: z.int().min(1),
  at: isoTimestamp,
  deviceId: deviceIdSchema,
  /** The device's name when the change was made. */
  deviceName: deviceNameSchema,
  op: z.enum(['create', 'update', 'delete', 'restore']),
  /** Top-level fields this write changed, with the value before (null on create) and after. */
  fields: z.record(
    z.string().min(1).max(100),
    z.object({ before: z.unknown(), after: z.unknown() }),
  ),
});

/** One reference from a record to another, kept so "who links to X" is an index lookup. */
export const linkEntrySchema = z.object({
  sourceKind: recordKindSchema,
  sourceId: uuid,
  field: z.string().min(1).max(100),
  targetId: uuid,
});

/** The meta entry naming the registry: exchange and restore tell registries apart by it. */
export const REGISTRY_ID_KEY = 'registryId';

/** A registry-wide fact; the registry's id must be a UUID, other entries are checked where read. */
const metaEntrySchema = z
  .object({ key: z.string().min(1).max(100), value: z.json() })
  .refine((entry) => entry.key !== REGISTRY_ID_KEY || uuid.safeParse(entry.value).success, {
    error: 'The registry id must be a UUID',
    path: ['value'],
  });

/** A named list view: which list, and its filters, sort and columns as URL search parameters. */
export const savedViewSchema = z.object({
  id: uuid,
  kind: z.string().min(1).max(100),
  name: z.string().max(80),
  query: z.string().max(100_000),
  createdAt: isoTimestamp,
});

/**
 * A record's field versions as of the merge that last wrote it (`rev`). Writes after that rev are
 * in the change log and are added on top, so ordinary edits never touch this table.
 */
export const fieldVersionRowSchema = recordVersionSchema.extend({
  recordId: uuid,
  recordKind: recordKindSchema,
  rev: z.int().min(1),
});

/** Another installation of this registry, and how far exchanges with it have gone. */
export const peerEntrySchema = z.object({
  deviceId: deviceIdSchema,
  deviceName: deviceNameSchema,
  /** Change-log position the last full bundle to this peer reached; 0 = never sent. */
  lastSentSeq: z.int().nonnegative(),
  lastSentAt: isoTimestamp.nullable(),
  lastReceivedAt: isoTimestamp.nullable(),
  lastReceivedBundleId: z.string().max(100).nullable(),
});

const countSchema = z.int().nonnegative();

/** One export or import of a bundle, as the exchange log shows it. */
export const exchangeLogEntrySchema = z.object({
  id: z.int().positive().optional(),
  at: isoTimestamp,
  direction: z.enum(['export', 'import']),
  peerId: deviceIdSchema.nullable(),
  peerName: deviceNameSchema.nullable(),
  bundleId: z.string().max(100).nullable(),
  fileName: z.string().max(1000).nullable(),
  result: z.enum(['done', 'refused', 'failed', 'nothing-new']),
  /** Why it was refused or failed (a bundle problem or error code). */
  problem: z.string().max(1000).nullable(),
  counts: z.object({
    records: countSchema,
    created: countSchema,
    changed: countSchema,
    deleted: countSchema,
    conflicts: countSchema,
    deferred: countSchema,
    attachments: countSchema,
  }),
});

/** How rows of a table are told apart: its primary key, and any other key that must be unique. */
export type TableKeys = { primary: readonly string[]; unique: readonly string[] };

/** A table's row schema and keys (as in the database's indexes). */
export type RegistryTable = { schema: z.ZodType; keys: TableKeys };

/** Fields besides `id` whose value no two records of a kind may share (`&` indexes). */
const UNIQUE_RECORD_FIELDS: Partial<Record<RecordKind, readonly string[]>> = { areas: ['code'] };

/** Each kind's table: what a person wrote (defaults applied) plus the change metadata. */
const RECORD_TABLES = Object.fromEntries(
  RECORD_KINDS.map((kind): [RecordKind, RegistryTable] => [
    kind,
    {
      schema: contentSchemas[kind].extend(recordMetaSchema.shape),
      keys: { primary: ['id'], unique: UNIQUE_RECORD_FIELDS[kind] ?? [] },
    },
  ]),
) as Record<RecordKind, RegistryTable>;

/** The tables beside the records: the change log, links, meta, and the app's own bookkeeping. */
const BOOKKEEPING_TABLES = {
  changes: { schema: changeEntrySchema, keys: { primary: ['seq'], unique: [] } },
  links: {
    schema: linkEntrySchema,
    keys: { primary: ['sourceId', 'field', 'targetId'], unique: [] },
  },
  meta: { schema: metaEntrySchema, keys: { primary: ['key'], unique: [] } },
  savedViews: { schema: savedViewSchema, keys: { primary: ['id'], unique: [] } },
  fieldVersions: { schema: fieldVersionRowSchema, keys: { primary: ['recordId'], unique: [] } },
  peers: { schema: peerEntrySchema, keys: { primary: ['deviceId'], unique: [] } },
  exchangeLog: { schema: exchangeLogEntrySchema, keys: { primary: ['id'], unique: [] } },
} satisfies Record<string, RegistryTable>;

export type RegistryTableName = RecordKind | keyof typeof BOOKKEEPING_TABLES;

/** Every table of the current schema (the database's SCHEMA_VERSIONS, tied by a test there). */
export const REGISTRY_TABLES: Readonly<Record<RegistryTableName, RegistryTable>> = {
  ...RECORD_TABLES,
  ...BOOKKEEPING_TABLES,
};
