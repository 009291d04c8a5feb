import type * as z from 'zod';
import type { VersionedRecord } from '@shared/exchange/mergeRecord';
import {
  contentSchemas,
  META_FIELDS,
  type RecordContent,
  type RecordContentInput,
  type RecordKind,
  type StoredRecord,
} from '@shared/model/records';
import { recordLinks } from '@shared/model/recordLinks';
import type { ChangeEntry, LinkEntry, RegistryDb } from './RegistryDb';

/**
 * The only way records are written. Every write validates the content, stamps change metadata
 * (rev, updatedAt, the device), logs the changed fields and keeps the reverse-link index, in the
 * same transaction as the write itself, so history, trash and exchange bundles see every change.
 */

/** Who and when: passed in so tests control the clock and ids. */
export type MutationContext = {
  deviceId: string;
  /** Written into the change log so history reads "who" even after the device is renamed. */
  deviceName: string;
  now: () => Date;
  newId: () => string;
  /** Set by a read-only machine policy: every write is refused here, whatever the UI offers. */
  isReadOnly?: boolean;
};

export const systemMutationContext = (
  device: { deviceId: string; deviceName: string },
  isReadOnly = false,
): MutationContext => ({
  deviceId: device.deviceId,
  deviceName: device.deviceName,
  now: () => new Date(),
  newId: () => crypto.randomUUID(),
  isReadOnly,
});

export type MutationErrorReason =
  'invalid-content' | 'not-found' | 'deleted' | 'stale' | 'read-only';

/** A write that was refused; nothing was changed. `issues` name each field that is wrong. */
export class MutationError extends Error {
  constructor(
    readonly reason: MutationErrorReason,
    message: string,
    readonly issues: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'MutationError';
  }
}

const TRACKED_TABLES = ['changes', 'links'] as const;

function parseContent<K extends RecordKind>(kind: K, content: unknown): RecordContent<K> {
  const result = (contentSchemas[kind] as z.ZodType).safeParse(content);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    const summary = issues.map((issue) => `${issue.path || kind}: ${issue.message}`).join('; ');
    throw new MutationError('invalid-content', `Invalid ${kind} record: ${summary}`, issues);
  }
  return result.data as RecordContent<K>;
}

const META_FIELD_SET: ReadonlySet<string> = new Set(META_FIELDS);

/**
 * What a write of this content would refuse, without writing: null when the content is valid.
 * Lets a form show every problem at once, its own rules included, before it saves.
 */
export function checkContent(kind: RecordKind, input: unknown): MutationError | null {
  try {
    parseContent(kind, input);
    return null;
  } catch (error) {
    if (error instanceof MutationError) return error;
    throw error;
  }
}

function contentOf<K extends RecordKind>(record: StoredRecord<K>): RecordContent<K> {
  return Object.fromEntries(
    Object.entries(record).filter(([field]) => !META_FIELD_SET.has(field)),
  ) as RecordContent<K>;
}

/** Structural equality for JSON-shaped values (records hold nothing else). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) =>
    sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): ChangeEntry['fields'] {
  const fields: ChangeEntry['fields'] = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!sameValue(before[key], after[key])) {
      fields[key] = { before: before[key] ?? null, after: after[key] ?? null };
    }
  }
  return fields;
}

async function replaceLinks<K extends RecordKind>(
  db: RegistryDb,
  kind: K,
  id: string,
  content: RecordContent<K>,
): Promise<void> {
  await db.links.where('sourceId').equals(id).delete();
  const unique = new Map<string, LinkEntry>();
  for (const link of recordLinks(kind, content)) {
    unique.set(`${link.field}\u0000${link.targetId}`, { sourceKind: kind, sourceId: id, ...link });
  }
  await db.links.bulkPut([...unique.values()]);
}

async function writeTracked<K extends RecordKind>(
  db: RegistryDb,
  kind: K,
  record: StoredRecord<K>,
  change: Pick<ChangeEntry, 'op' | 'fields' | 'deviceName'>,
  linksChanged: boolean,
): Promise<void> {
  await db.recordTable(kind).put(record);
  await db.changes.add({
    recordKind: kind,
    recordId: record.id,
    rev: record.rev,
    at: record.updatedAt,
    deviceId: record.changedBy,
    ...change,
  });
  if (linksChanged) await replaceLinks(db, kind, record.id, contentOf(record));
}

function refuseWhenReadOnly(context: MutationContext): void {
  if (context.isReadOnly) {
    throw new MutationError(
      'read-only',
      'The registry is read-only on this computer (machine policy)',
    );
  }
}

function inWriteTransaction<T>(
  db: RegistryDb,
  kind: RecordKind,
  context: MutationContext,
  work: () => Promise<T>,
): Promise<T> {
  refuseWhenReadOnly(context);
  // Joins the caller's transaction when there is one (bulk loads), else opens its own.
  return db.transaction('rw', [kind, ...TRACKED_TABLES], work);
}

/** Creates a record; `id` may be given (sample data, imports) and must not exist yet. */
export async function createRecord<K extends RecordKind>(
  db: RegistryDb,
  kind: K,
  input: RecordContentInput<K>,
  context: MutationContext,
  options: { id?: string } = {},
): Promise<StoredRecord<K>> {
  const content = parseContent(kind, input);
  return inWriteTransaction(db, kind, context, async () => {
    const id = options.id ?? context.newId();
    if (await db.recordTable(kind).get(id)) {
      throw new MutationError('stale', `A ${kind} record with id ${id} already exists`);
    }
    const at = context.now().toISOString();
    const record = {
      ...content,
      id,
      createdAt: at,
      updatedAt: at,
      rev: 1,
      changedBy: context.deviceId,
      deletedAt: null,
    } as StoredRecord<K>;
    const fields = changedFields({}, content);
    await writeTracked(
      db,
      kind,
      record,
      { op: 'create', fields, deviceName: context.deviceName },
      true,
    );
    return record;
  });
}

/**
 * Creates many records of one kind at once, with the same validation, metadata, change log and
 * link index as createRecord, in bulk requests: an import of 10,000 rows cannot afford five
 * round trips to IndexedDB per record. All or nothing, like everything in one transaction; an id
 * that exists already refuses the whole batch.
 */
export async function createRecords<K extends RecordKind>(
  db: RegistryDb,
  kind: K,
  entries: readonly { input: RecordContentInput<K>; id?: string }[],
  context: MutationContext,
): Promise<StoredRecord<K>[]> {
  const contents = entries.map((entry) => parseContent(kind, entry.input));
  return inWriteTransaction(db, kind, context, async () => {
    const ids = entries.map((entry) => entry.id ?? context.newId());
    const taken = (await db.recordTable(kind).bulkGet(ids)).findIndex(Boolean);
    if (taken >= 0) {
      throw new MutationError('stale', `A ${kind} record with id ${ids[taken]} already exists`);
    }
    const records = contents.map((content, index) => {
      const at = context.now().toISOString();
      return {
        ...content,
        id: ids[index],
        createdAt: at,
        updatedAt: at,
        rev: 1,
        changedBy: context.deviceId,
        deletedAt: null,
      } as StoredRecord<K>;
    });
    await db.recordTable(kind).bulkAdd(records);
    await db.changes.bulkAdd(
      records.map((record, index) => ({
        recordKind: kind,
        recordId: record.id,
        rev: 1,
        at: record.updatedAt,
        deviceId: context.deviceId,
        deviceName: context.deviceName,
        op: 'create' as const,
        fields: changedFields({}, contents[index] ?? {}),
      })),
    );
    // No links to clear first (unlike replaceLinks): links are only written with their record,
    // and none of these ids has a record.
    const links = new Map<string, LinkEntry>();
    records.forEach((record, index) => {
      const content = contents[index];
      if (!content) return;
      for (const link of recordLinks(kind, content)) {
        links.set(`${record.id}\u0000${link.field}\u0000${link.targetId}`, {
          sourceKind: kind,
          sourceId: record.id,
          ...link,
        });
      }
    });
    await db.links.bulkPut([...links.values()]);
    return records;
  });
}

async function loadForWrite<K extends RecordKind>(
  db: RegistryDb,
  kind: K,
  id: string,
  expectedRev: number | undefined,
): Promise<StoredRecord<K>> {
  const current = await db.recordTable(kind).get(id);
  if (!current) throw new MutationError('not-found', `No ${kind} record has id ${id}`);
  if (expectedRev !== undefined && current.rev !== expectedRev) {
    throw new MutationError(
      'stale',
      `The ${kind} record was changed elsewhere (revision ${current.rev}, you edited ${expectedRev})`,
    );
  }
  return current;
}

/**
 * Changes some fields of a live record. A patch that changes nothing writes nothing and keeps the
 * rev. `expectedRev` refuses the write if someone else saved the record since it was read.
 */
export async function updateRecord<K extends RecordKind>(
  db: RegistryDb,
  kind: K,
  id: string,
  patch: Partial<RecordContentInput<K>>,
  context: MutationContext,
  options: { expectedRev?: number } = {},
): Promise<StoredRecord<K>> {
  return inWriteTransaction(db, kind, context, async () => {
    const current = await loadForWrite(db, kind, id, options.expectedRev);
    if (current.deletedAt !== null) {
      throw new MutationError('deleted', `The ${kind} record ${id} is in Trash; restore it first`);
    }
    const before = contentOf(current);
    const content = parseContent(kind, { ...before, ...patch });
    const fields = changedFields(before, content);
    if (Object.keys(fields).length === 0) return current;
    const record = {
      ...current,
      ...content,
      rev: current.rev + 1,
      updatedAt: context.now().toISOString(),
      changedBy: context.deviceId,
    } as StoredRecord<K>;
    await writeTracked(
      db,
      kind,
      record,
      { op: 'update', fields, deviceName: context.deviceName },
      true,
    );
    return record;
  });
}

async function setDeleted<K extends RecordKind>(
  db: RegistryDb,
  kind: K,
  id: string,
  context: MutationContext,
  isDeleting: boolean,
): Promise<StoredRecord<K>> {
  return inWriteTransaction(db, kind, context, async () => {
    const current = await loadForWrite(db, kind, id, undefined);
    if ((current.deletedAt !== null) === isDeleting) return current;
    const at = context.now().toISOString();
    const record = {
      ...current,
      deletedAt: isDeleting ? at : null,
      rev: current.rev + 1,
      updatedAt: at,
      changedBy: context.deviceId,
    } as StoredRecord<K>;
    const fields = { deletedAt: { before: current.deletedAt, after: record.deletedAt } };
    // Links stay in the index while the record is in Trash so a restore brings them back as they were.
    await writeTracked(
      db,
      kind,
      record,
      { op: isDeleting ? 'delete' : 'restore', fields, deviceName: context.deviceName },
      false,
    );
    return record;
  });
}

/** Moves a record to Trash: a tombstone (deletedAt) and a new rev, never a hard delete. */
export function deleteRecord<K extends RecordKind>(
  db: RegistryDb,
  kind: K,
  id: string,
  context: MutationContext,
): Promise<StoredRecord<K>> {
  return setDeleted(db, kind, id, context, true);
}

/** Brings a record back from Trash with the links it had. */
export function restoreRecord<K extends RecordKind>(
  db: RegistryDb,
  kind: K,
  id: string,
  context: MutationContext,
): Promise<StoredRecord<K>> {
  return setDeleted(db, kind, id, context, false);
}

/** One record as a merge decided it, for applyMergedRecords. */
export type MergedWrite = {
  kind: RecordKind;
  /** The record here before the merge; undefined for a record the bundle brings new. */
  before: StoredRecord<RecordKind> | undefined;
  merged: VersionedRecord;
};

/** Tables a merge writes besides the record tables. */
export const MERGE_TABLES = ['changes', 'links', 'fieldVersions'] as const;

/**
 * The merge's write path (exchange bundles): writes records as the merge planner decided them,
 * with the same validation, change log and link index as every other write, and keeps each
 * record's field versions so the next exchange knows what this registry has seen. Runs in the
 * caller's transaction (one for the whole bundle). `source` names who made the changes for history.
 */
export async function applyMergedRecords(
  db: RegistryDb,
  writes: readonly MergedWrite[],
  context: MutationContext,
  source: { deviceName: string },
): Promise<void> {
  refuseWhenReadOnly(context);
  const prepared = writes.map((write) => {
    const content = parseContent(
      write.kind,
      contentOf(write.merged.record as StoredRecord<RecordKind>),
    );
    const meta = write.merged.record;
    const deletedAt = typeof meta.deletedAt === 'string' ? meta.deletedAt : null;
    const before = write.before;
    const beforeFields: Record<string, unknown> = before
      ? { ...contentOf(before), deletedAt: before.deletedAt }
      : {};
    const afterFields: Record<string, unknown> =
      before || deletedAt !== null ? { ...content, deletedAt } : { ...content };
    const fields = changedFields(beforeFields, afterFields);
    const rev = (before?.rev ?? 0) + (Object.keys(fields).length > 0 ? 1 : 0);
    const record = {
      ...content,
      id: meta.id,
      createdAt: typeof meta.createdAt === 'string' ? meta.createdAt : context.now().toISOString(),
      updatedAt: typeof meta.updatedAt === 'string' ? meta.updatedAt : context.now().toISOString(),
      rev,
      changedBy: typeof meta.changedBy === 'string' ? meta.changedBy : context.deviceId,
      deletedAt,
    } as StoredRecord<RecordKind>;
    const op: ChangeEntry['op'] = !before
      ? 'create'
      : before.deletedAt === null && deletedAt !== null
        ? 'delete'
        : before.deletedAt !== null && deletedAt === null
          ? 'restore'
          : 'update';
    return { write, record, content, fields, op };
  });

  await db.transaction(
    'rw',
    [...new Set(writes.map((write) => write.kind)), ...MERGE_TABLES],
    async () => {
      const byKind = new Map<RecordKind, StoredRecord<RecordKind>[]>();
      const changes: ChangeEntry[] = [];
      const links = new Map<string, LinkEntry>();
      const relinked: string[] = [];
      for (const item of prepared) {
        const hasChanges = Object.keys(item.fields).length > 0;
        if (hasChanges) {
          const list = byKind.get(item.write.kind) ?? [];
          list.push(item.record);
          byKind.set(item.write.kind, list);
          changes.push({
            recordKind: item.write.kind,
            recordId: item.record.id,
            rev: item.record.rev,
            at: item.record.updatedAt,
            deviceId: item.record.changedBy,
            deviceName: source.deviceName,
            op: item.op,
            fields: item.fields,
          });
          if (item.write.before) relinked.push(item.record.id);
          for (const link of recordLinks(item.write.kind, item.content)) {
            links.set(`${item.record.id}\u0000${link.field}\u0000${link.targetId}`, {
              sourceKind: item.write.kind,
              sourceId: item.record.id,
              ...link,
            });
          }
        }
      }
      for (const [kind, records] of byKind) await db.recordTable(kind).bulkPut(records);
      await db.changes.bulkAdd(changes);
      await Promise.all(relinked.map((id) => db.links.where('sourceId').equals(id).delete()));
      await db.links.bulkPut([...links.values()]);
      await db.fieldVersions.bulkPut(
        prepared.map((item) => ({
          recordId: item.record.id,
          recordKind: item.write.kind,
          rev: item.record.rev,
          vv: item.write.merged.version.vv,
          dots: item.write.merged.version.dots,
        })),
      );
    },
  );
}
