import {
  BundleError,
  NAMED_IDS,
  type BundleManifest,
  type BundleRecord,
  type BundleScope,
  type KindClash,
} from '@shared/exchange/bundleFormat';
import {
  planRecordMerge,
  resolveConflict,
  type FieldConflict,
  type DeletionConflict,
  type RecordDecision,
  type RecordMergePlan,
  type VersionedRecord,
} from '@shared/exchange/mergeRecord';
import { recordLinks } from '@shared/model/recordLinks';
import {
  RECORD_KINDS,
  SENSITIVITY_LEVELS,
  type RecordKind,
  type StoredRecord,
} from '@shared/model/records';
import {
  applyMergedRecords,
  MERGE_TABLES,
  type MergedWrite,
  type MutationContext,
} from '../../db/changeTracking';
import { loadVersionedRecords, loadVersions } from '../../db/fieldVersions';
import type { ExchangeLogEntry, PeerEntry, RegistryDb } from '../../db/RegistryDb';

/**
 * The registry's side of exchange bundles: which records go into a bundle for a peer, what a
 * received bundle would change (the preview), and applying it with the user's decisions in one
 * transaction, with the peer's bookkeeping and the exchange log in the same transaction.
 */

const EXCHANGE_TABLES = [...RECORD_KINDS, ...MERGE_TABLES, 'peers', 'exchangeLog', 'meta'] as const;

/** This registry's id, created with the database and kept by restores. */
export async function registryIdOf(db: RegistryDb): Promise<string> {
  const entry = await db.meta.get('registryId');
  if (typeof entry?.value === 'string') return entry.value;
  // Databases created before the id existed get one now, once.
  const id = crypto.randomUUID();
  await db.meta.put({ key: 'registryId', value: id });
  return id;
}

const sensitivityRank = (level: unknown) =>
  SENSITIVITY_LEVELS.indexOf(level as (typeof SENSITIVITY_LEVELS)[number]);

function isInScope(
  kind: RecordKind,
  record: StoredRecord<RecordKind>,
  scope: BundleScope,
): boolean {
  if (scope.maxSensitivity !== null) {
    const sensitivity = (record as { sensitivity?: unknown }).sensitivity ?? 'internal';
    if (sensitivityRank(sensitivity) > sensitivityRank(scope.maxSensitivity)) return false;
  }
  if (scope.areaIds.length > 0) {
    const areaIds =
      kind === 'areas' ? [record.id] : ((record as { areaIds?: string[] }).areaIds ?? []);
    if (!areaIds.some((id) => scope.areaIds.includes(id))) return false;
  }
  if (scope.partnerIds.length > 0) {
    const related = [record.id, ...recordLinks(kind, record as never).map((link) => link.targetId)];
    if (!related.some((id) => scope.partnerIds.includes(id))) return false;
  }
  return true;
}

const hasFilters = (scope: BundleScope) =>
  scope.maxSensitivity !== null || scope.areaIds.length > 0 || scope.partnerIds.length > 0;

export type OutgoingBundle = {
  records: BundleRecord[];
  throughSeq: number;
  /** Files the bundle's documents need, by SHA-256. */
  attachmentHashes: string[];
};

/** The records a bundle for `peerId` (or for anyone, with 'everything') carries. */
export async function collectOutgoing(
  db: RegistryDb,
  peerId: string | null,
  scope: BundleScope,
): Promise<OutgoingBundle> {
  return db.transaction('r', [...RECORD_KINDS, 'changes', 'fieldVersions', 'peers'], async () => {
    const throughSeq = ((await db.changes.orderBy(':id').lastKey()) as number | undefined) ?? 0;
    const idsByKind = new Map<RecordKind, Set<string>>();
    const peer = peerId ? await db.peers.get(peerId) : undefined;
    const since = scope.mode === 'since-last' ? (peer?.lastSentSeq ?? 0) : null;
    if (since !== null) {
      await db.changes
        .where(':id')
        .above(since)
        .each((entry) => {
          const ids = idsByKind.get(entry.recordKind) ?? new Set<string>();
          ids.add(entry.recordId);
          idsByKind.set(entry.recordKind, ids);
        });
    }
    const chosenByKind: [RecordKind, StoredRecord<RecordKind>[]][] = [];
    for (const kind of RECORD_KINDS) {
      const table = db.recordTable(kind);
      const ids = idsByKind.get(kind);
      const rows =
        since === null
          ? await table.toArray()
          : ids
            ? (await table.bulkGet([...ids])).filter((row) => row !== undefined)
            : [];
      chosenByKind.push([kind, rows.filter((row) => isInScope(kind, row, scope))]);
    }
    // One pass over the change log for every kind at once: it is the largest table.
    const versions = await loadVersions(
      db,
      chosenByKind.flatMap(([, rows]) => rows),
    );
    const records: BundleRecord[] = [];
    const attachmentHashes = new Set<string>();
    for (const [kind, chosen] of chosenByKind) {
      for (const record of chosen) {
        records.push({
          kind,
          record: record,
          version: versions.get(record.id) ?? { vv: {}, dots: {} },
        });
        const file = (record as { file?: { sha256?: string } | null }).file;
        if (kind === 'documents' && file?.sha256) attachmentHashes.add(file.sha256);
      }
    }
    return { records, throughSeq, attachmentHashes: [...attachmentHashes] };
  });
}

/** After the bundle file was saved: the peer's "sent up to" moves on, and the log says so. */
export async function recordExport(
  db: RegistryDb,
  input: {
    manifest: Pick<BundleManifest, 'bundleId' | 'target' | 'scope' | 'throughSeq'>;
    records: readonly BundleRecord[];
    attachments: number;
    fileName: string;
    at: string;
  },
): Promise<void> {
  const { manifest } = input;
  await db.transaction('rw', ['peers', 'exchangeLog'], async () => {
    const target = manifest.target;
    if (target) {
      const peer = await db.peers.get(target.deviceId);
      await db.peers.put({
        ...emptyPeer(target.deviceId, target.deviceName),
        ...peer,
        deviceName: target.deviceName,
        // A filtered bundle leaves records out; only a full one may move "changes since" on.
        ...(hasFilters(manifest.scope)
          ? {}
          : { lastSentSeq: Math.max(peer?.lastSentSeq ?? 0, manifest.throughSeq) }),
        lastSentAt: input.at,
      });
    }
    await db.exchangeLog.add({
      at: input.at,
      direction: 'export',
      peerId: target?.deviceId ?? null,
      peerName: target?.deviceName ?? null,
      bundleId: manifest.bundleId,
      fileName: input.fileName,
      result: 'done',
      problem: null,
      counts: {
        ...emptyCounts(),
        records: input.records.length,
        deleted: input.records.filter((entry) => entry.record.deletedAt != null).length,
        attachments: input.attachments,
      },
    });
  });
}

function emptyPeer(deviceId: string, deviceName: string): PeerEntry {
  return {
    deviceId,
    deviceName,
    lastSentSeq: 0,
    lastSentAt: null,
    lastReceivedAt: null,
    lastReceivedBundleId: null,
  };
}

function emptyCounts(): ExchangeLogEntry['counts'] {
  return {
    records: 0,
    created: 0,
    changed: 0,
    deleted: 0,
    conflicts: 0,
    deferred: 0,
    attachments: 0,
  };
}

/** A record whose merge needs the user: the conflicting fields and/or a delete against an edit. */
export type ConflictItem = {
  kind: RecordKind;
  id: string;
  conflicts: FieldConflict[];
  deletion: DeletionConflict | null;
  mine: VersionedRecord['record'];
  theirs: VersionedRecord['record'];
};

export type KindCounts = {
  new: number;
  changed: number;
  deleted: number;
  conflicts: number;
  unchanged: number;
};

/** What a bundle would do here, per record kind, and the conflicts to decide. */
export type MergePreview = {
  counts: Partial<Record<RecordKind, KindCounts>>;
  conflicts: ConflictItem[];
  total: KindCounts;
};

type Planned = {
  entry: BundleRecord;
  local: StoredRecord<RecordKind> | undefined;
  plan: RecordMergePlan;
};

/**
 * The bundle's records whose id this registry holds under another kind. Ids are unique across
 * kinds and field versions are kept by id, so applying one would put a second record beside the
 * first and overwrite the first one's field versions.
 */
async function findKindClashes(
  db: RegistryDb,
  entries: readonly BundleRecord[],
): Promise<KindClash[]> {
  const kindById = new Map(entries.map((entry) => [entry.record.id, entry.kind]));
  const clashes: KindClash[] = [];
  for (const kind of RECORD_KINDS) {
    const elsewhere = [...kindById].filter(([, inBundle]) => inBundle !== kind).map(([id]) => id);
    if (elsewhere.length === 0) continue;
    const found = await db.recordTable(kind).where(':id').anyOf(elsewhere).primaryKeys();
    for (const id of found) {
      const inBundle = kindById.get(id);
      if (inBundle) clashes.push({ id, here: kind, inBundle });
    }
  }
  return clashes;
}

/** Throws BundleError `kind-clash` naming the ids (the first NAMED_IDS) and their two kinds. */
export async function refuseKindClashes(
  db: RegistryDb,
  entries: readonly BundleRecord[],
): Promise<void> {
  const clashes = await findKindClashes(db, entries);
  if (clashes.length === 0) return;
  const named = clashes.slice(0, NAMED_IDS);
  throw new BundleError(
    'kind-clash',
    `The bundle carries ${clashes.length} record(s) whose ids this registry holds as another kind, among them ${named
      .map((clash) => `${clash.id} (${clash.here} here, ${clash.inBundle} in the bundle)`)
      .join(', ')}.`,
    { kindClashes: named },
  );
}

/** Plans every record's merge; refuses (kind-clash) before planning if an id is another kind's. */
async function planAll(db: RegistryDb, entries: readonly BundleRecord[]): Promise<Planned[]> {
  await refuseKindClashes(db, entries);
  const localsByKind: [RecordKind, BundleRecord[], (StoredRecord<RecordKind> | undefined)[]][] = [];
  for (const kind of RECORD_KINDS) {
    const ofKind = entries.filter((entry) => entry.kind === kind);
    if (ofKind.length === 0) continue;
    const locals = await db.recordTable(kind).bulkGet(ofKind.map((entry) => entry.record.id));
    localsByKind.push([kind, ofKind, locals]);
  }
  // One pass over the change log for every kind at once: it is the largest table.
  const present = localsByKind.flatMap(([, , locals]) => locals.filter((row) => row !== undefined));
  const versioned = new Map(
    (await loadVersionedRecords(db, present)).map((item) => [item.record.id, item]),
  );
  const planned: Planned[] = [];
  for (const [, ofKind, locals] of localsByKind) {
    ofKind.forEach((entry, index) => {
      const local = locals[index];
      const remote: VersionedRecord = { record: entry.record, version: entry.version };
      planned.push({
        entry,
        local,
        plan: planRecordMerge(local ? versioned.get(local.id) : undefined, remote),
      });
    });
  }
  return planned;
}

function summarize(planned: readonly Planned[]): MergePreview {
  const counts: MergePreview['counts'] = {};
  const total: KindCounts = { new: 0, changed: 0, deleted: 0, conflicts: 0, unchanged: 0 };
  const conflicts: ConflictItem[] = [];
  for (const { entry, plan } of planned) {
    const kindCounts = (counts[entry.kind] ??= {
      new: 0,
      changed: 0,
      deleted: 0,
      conflicts: 0,
      unchanged: 0,
    });
    const key = plan.outcome === 'conflict' ? 'conflicts' : plan.outcome;
    kindCounts[key] += 1;
    total[key] += 1;
    if (plan.outcome === 'conflict') {
      conflicts.push({
        kind: entry.kind,
        id: entry.record.id,
        conflicts: plan.conflicts,
        deletion: plan.deletion,
        mine: plan.mine.record,
        theirs: plan.theirs.record,
      });
    }
  }
  return { counts, conflicts, total };
}

/**
 * The preview of a bundle: nothing is written. It reads without a transaction of its own (a
 * read-only one failed with PrematureCommitError in the fake-indexeddb tests, cause not found);
 * Apply plans again inside its transaction and refuses if a conflict appeared meanwhile. A record
 * id held here by another kind is refused (BundleError `kind-clash`), here and again by Apply.
 */
export async function previewIncoming(
  db: RegistryDb,
  entries: readonly BundleRecord[],
): Promise<MergePreview> {
  return summarize(await planAll(db, entries));
}

/** The registry changed between preview and apply so that a new conflict arose: preview again. */
export class StalePreviewError extends Error {
  constructor(readonly recordId: string) {
    super(`Record ${recordId} changed here since the preview; review the bundle again`);
    this.name = 'StalePreviewError';
  }
}

export type ApplyReport = ExchangeLogEntry['counts'] & { result: ExchangeLogEntry['result'] };

/** A decision per conflicting record, or 'defer' to leave that record as it is here for now. */
export type Decisions = ReadonlyMap<string, RecordDecision | 'defer'>;

/**
 * Applies a bundle with the user's decisions in ONE transaction: records, change log, field
 * versions, the peer's "received" and the exchange log. A conflict without a decision (the
 * registry changed since the preview) or a record id held here by another kind rolls everything
 * back.
 */
export async function applyIncoming(
  db: RegistryDb,
  input: {
    manifest: BundleManifest;
    records: readonly BundleRecord[];
    fileName: string;
    /** An empty registry joining the bundle's registry takes its id, in the same transaction. */
    joinsRegistry?: boolean;
  },
  decisions: Decisions,
  context: MutationContext,
): Promise<ApplyReport> {
  return db.transaction('rw', EXCHANGE_TABLES, async () => {
    if (input.joinsRegistry) {
      if ((await db.changes.count()) > 0) throw new StalePreviewError(input.manifest.registryId);
      await db.meta.put({ key: 'registryId', value: input.manifest.registryId });
    }
    const planned = await planAll(db, input.records);
    const now = context.now().toISOString();
    const writes: MergedWrite[] = [];
    const counts = emptyCounts();
    counts.records = input.records.length;
    for (const { entry, local, plan } of planned) {
      if (plan.outcome === 'unchanged') continue;
      if (plan.outcome === 'conflict') {
        counts.conflicts += 1;
        const decision = decisions.get(entry.record.id);
        if (!decision) throw new StalePreviewError(entry.record.id);
        if (decision === 'defer') {
          counts.deferred += 1;
          continue;
        }
        const merged = resolveConflict(plan, decision, context.deviceId, now);
        writes.push({ kind: entry.kind, before: local, merged });
        counts.changed += 1;
        continue;
      }
      writes.push({ kind: entry.kind, before: local, merged: plan.result });
      if (plan.outcome === 'new') counts.created += 1;
      else if (plan.outcome === 'deleted') counts.deleted += 1;
      else counts.changed += 1;
    }
    await applyMergedRecords(db, writes, context, { deviceName: input.manifest.source.deviceName });
    const source = input.manifest.source;
    if (source.deviceId !== context.deviceId) {
      const peer = await db.peers.get(source.deviceId);
      await db.peers.put({
        ...emptyPeer(source.deviceId, source.deviceName),
        ...peer,
        deviceName: source.deviceName,
        lastReceivedAt: now,
        lastReceivedBundleId: input.manifest.bundleId,
      });
    }
    const result = counts.created + counts.changed + counts.deleted === 0 ? 'nothing-new' : 'done';
    await db.exchangeLog.add({
      at: now,
      direction: 'import',
      peerId: source.deviceId,
      peerName: source.deviceName,
      bundleId: input.manifest.bundleId,
      fileName: input.fileName,
      result,
      problem: null,
      counts,
    });
    return { ...counts, result };
  });
}

/** A refused or failed exchange still goes into the log, so the log tells the whole story. */
export async function logFailedExchange(
  db: RegistryDb,
  entry: Pick<ExchangeLogEntry, 'direction' | 'fileName' | 'problem' | 'result'> &
    Partial<Pick<ExchangeLogEntry, 'peerId' | 'peerName' | 'bundleId'>>,
  at: string,
): Promise<void> {
  await db.exchangeLog.add({
    peerId: null,
    peerName: null,
    bundleId: null,
    ...entry,
    at,
    counts: emptyCounts(),
  });
}
