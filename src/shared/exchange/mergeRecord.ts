import {
  DELETED_FIELD,
  covers,
  dominates,
  joinVectors,
  maxDot,
  sameDot,
  sameValue,
  type Dot,
  type RecordVersion,
  type VersionVector,
} from './versions';

/**
 * The three-way merge of one record, field by field, from the two sides' values and versions.
 * Pure and deterministic: both laptops compute the same result from the same pair, whichever of
 * them does the merging, which is what makes exchanges converge.
 */

/** A stored record (content, tombstone and change metadata) with its field versions. */
export type VersionedRecord = {
  record: Record<string, unknown> & { id: string };
  version: RecordVersion;
};

/** Metadata that is not merged field by field: each side keeps its own or it is derived. */
const UNMERGED_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'rev',
  'changedBy',
]);

/** The same field changed on both sides to different values: the user decides. */
export type FieldConflict = { field: string; mine: unknown; theirs: unknown };

/**
 * A delete on one side while the other side edited the record: never resolved silently.
 * 'deleted-here' = this registry deleted it and the bundle brings edits; 'deleted-there' = the
 * bundle deletes a record edited here.
 */
export type DeletionConflict = 'deleted-here' | 'deleted-there';

export type RecordMergePlan =
  | { outcome: 'unchanged' }
  | { outcome: 'new' | 'changed' | 'deleted'; result: VersionedRecord; fields: string[] }
  | {
      outcome: 'conflict';
      /** Every field that merged on its own applied; conflicting fields still hold mine. */
      merged: VersionedRecord;
      conflicts: FieldConflict[];
      deletion: DeletionConflict | null;
      mine: VersionedRecord;
      theirs: VersionedRecord;
    };

/** How the user decided one field: keep mine, take theirs, or a value typed in (validated later). */
export type FieldDecision =
  { choice: 'mine' } | { choice: 'theirs' } | { choice: 'edit'; value: unknown };

/** A decision for every conflict of a record. */
export type RecordDecision = {
  fields: Record<string, FieldDecision>;
  /** For a deletion conflict: keep the record (with the merged edits) or delete it. */
  deletion?: 'keep' | 'delete';
};

function mergeableFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const fields = new Set<string>();
  for (const key of Object.keys(a)) if (!UNMERGED_FIELDS.has(key)) fields.add(key);
  for (const key of Object.keys(b)) if (!UNMERGED_FIELDS.has(key)) fields.add(key);
  fields.add(DELETED_FIELD);
  return [...fields].sort();
}

/** A timestamp field as text ('' when missing), for ordering. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function later(a: unknown, b: unknown): unknown {
  return text(a) >= text(b) ? a : b;
}

function mergedMeta(
  local: VersionedRecord['record'],
  remote: VersionedRecord['record'],
  isFastForward: boolean,
): Record<string, unknown> {
  if (isFastForward) {
    return { ...pickMeta(remote), id: local.id, rev: local.rev };
  }
  const localUpdated = text(local.updatedAt);
  const remoteUpdated = text(remote.updatedAt);
  const newer =
    localUpdated > remoteUpdated ||
    (localUpdated === remoteUpdated && text(local.changedBy) >= text(remote.changedBy))
      ? local
      : remote;
  const localCreated = text(local.createdAt);
  const remoteCreated = text(remote.createdAt);
  return {
    id: local.id,
    createdAt: localCreated <= remoteCreated ? local.createdAt : remote.createdAt,
    updatedAt: newer.updatedAt,
    changedBy: newer.changedBy,
    rev: local.rev,
  };
}

function pickMeta(record: VersionedRecord['record']): Record<string, unknown> {
  return { createdAt: record.createdAt, updatedAt: record.updatedAt, changedBy: record.changedBy };
}

/** Plans the merge of the bundle's version of a record (`remote`) into this registry's (`local`). */
export function planRecordMerge(
  local: VersionedRecord | undefined,
  remote: VersionedRecord,
): RecordMergePlan {
  if (!local) {
    const fields = mergeableFields(remote.record, {}).filter((field) => field !== DELETED_FIELD);
    return { outcome: 'new', result: remote, fields };
  }
  if (dominates(local.version.vv, remote.version.vv)) return { outcome: 'unchanged' };

  const vv: VersionVector = joinVectors(local.version.vv, remote.version.vv);
  const values: Record<string, unknown> = {};
  const dots: Record<string, Dot> = {};
  const conflicts: FieldConflict[] = [];
  const changed: string[] = [];
  let hasLocalOnlyEdit = false;
  let hasRemoteOnlyEdit = false;
  let deletedFrom: 'local' | 'remote' | 'both' = 'both';
  let deletionClash = false;

  for (const field of mergeableFields(local.record, remote.record)) {
    const mine = local.record[field] ?? null;
    const theirs = remote.record[field] ?? null;
    const dl = local.version.dots[field];
    const dr = remote.version.dots[field];
    const seesTheirs = covers(local.version.vv, dr);
    const seesMine = covers(remote.version.vv, dl);
    let take: 'mine' | 'theirs' | 'equal' | 'clash';
    if (sameDot(dl, dr)) take = 'mine';
    else if (seesTheirs && !seesMine) take = 'mine';
    else if (seesMine && !seesTheirs) take = 'theirs';
    else if (seesMine && seesTheirs) take = maxDot(dl, dr) === dl ? 'mine' : 'theirs';
    else take = sameValue(mine, theirs) ? 'equal' : 'clash';

    if (field !== DELETED_FIELD) {
      if (!seesMine && !sameDot(dl, dr)) hasLocalOnlyEdit = true;
      if (!seesTheirs && !sameDot(dl, dr)) hasRemoteOnlyEdit = true;
    }

    if (field === DELETED_FIELD && take === 'clash') {
      if (mine !== null && theirs !== null) {
        // Deleted on both sides: a tombstone either way, the later one by a rule both sides share.
        const value = later(mine, theirs);
        take = value === mine ? 'mine' : 'theirs';
        if (mine === theirs) take = maxDot(dl, dr) === dl ? 'mine' : 'theirs';
      } else {
        deletionClash = true;
        deletedFrom = mine !== null ? 'local' : 'remote';
        take = 'mine';
      }
    } else if (field === DELETED_FIELD) {
      deletedFrom = take === 'theirs' ? 'remote' : take === 'mine' && !seesMine ? 'local' : 'both';
    }

    switch (take) {
      case 'mine':
        values[field] = mine;
        if (dl) dots[field] = dl;
        break;
      case 'theirs':
        values[field] = theirs;
        if (dr) dots[field] = dr;
        if (!sameValue(mine, theirs)) changed.push(field);
        break;
      case 'equal': {
        values[field] = mine;
        const dot = maxDot(dl, dr);
        if (dot) dots[field] = dot;
        break;
      }
      case 'clash':
        values[field] = mine;
        if (dl) dots[field] = dl;
        conflicts.push({ field, mine, theirs });
        break;
    }
  }

  const record = {
    ...values,
    ...mergedMeta(local.record, remote.record, dominates(remote.version.vv, local.version.vv)),
  } as VersionedRecord['record'];
  const result: VersionedRecord = { record, version: { vv, dots } };

  let deletion: DeletionConflict | null = null;
  if (deletionClash) deletion = deletedFrom === 'local' ? 'deleted-here' : 'deleted-there';
  else if (values[DELETED_FIELD] !== null) {
    if (deletedFrom === 'remote' && hasLocalOnlyEdit) deletion = 'deleted-there';
    else if (deletedFrom === 'local' && hasRemoteOnlyEdit) deletion = 'deleted-here';
  }
  if (deletion === 'deleted-there' && local.record[DELETED_FIELD] == null) {
    // Until decided, the record stays as it is here.
    record[DELETED_FIELD] = null;
    const otherDots = Object.fromEntries(
      Object.entries(result.version.dots).filter(([field]) => field !== DELETED_FIELD),
    );
    const localDot = local.version.dots[DELETED_FIELD];
    result.version.dots = localDot ? { ...otherDots, [DELETED_FIELD]: localDot } : otherDots;
  }

  if (conflicts.length > 0 || deletion) {
    return {
      outcome: 'conflict',
      merged: result,
      conflicts,
      deletion,
      mine: local,
      theirs: remote,
    };
  }
  if (changed.length === 0 && sameValue(local.version, result.version)) {
    return { outcome: 'unchanged' };
  }
  const isDeleted = local.record[DELETED_FIELD] == null && values[DELETED_FIELD] != null;
  return {
    outcome: isDeleted ? 'deleted' : 'changed',
    result,
    fields: changed.filter((field) => field !== DELETED_FIELD),
  };
}

/**
 * The record after the user decided every conflict of a plan. Each decided field (and the
 * tombstone, when a deletion conflict was decided) becomes a new write by this device, so the
 * other side takes the decision when the return bundle arrives instead of raising it again.
 */
export function resolveConflict(
  plan: Extract<RecordMergePlan, { outcome: 'conflict' }>,
  decision: RecordDecision,
  deviceId: string,
  now: string,
): VersionedRecord {
  const vv = { ...plan.merged.version.vv };
  const counter = (vv[deviceId] ?? 0) + 1;
  const dot: Dot = { d: deviceId, c: counter };
  const record = { ...plan.merged.record };
  const dots = { ...plan.merged.version.dots };
  for (const conflict of plan.conflicts) {
    const chosen = decision.fields[conflict.field];
    if (!chosen) throw new Error(`No decision for the conflicting field ${conflict.field}`);
    record[conflict.field] =
      chosen.choice === 'mine'
        ? conflict.mine
        : chosen.choice === 'theirs'
          ? conflict.theirs
          : chosen.value;
    dots[conflict.field] = dot;
  }
  if (plan.deletion) {
    if (!decision.deletion) throw new Error('No decision on keeping or deleting the record');
    record[DELETED_FIELD] =
      decision.deletion === 'keep'
        ? null
        : (plan.mine.record[DELETED_FIELD] ?? plan.theirs.record[DELETED_FIELD] ?? now);
    dots[DELETED_FIELD] = dot;
  }
  vv[deviceId] = counter;
  record.updatedAt = now;
  record.changedBy = deviceId;
  return { record, version: { vv, dots } };
}
