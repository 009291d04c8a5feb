import { mergeForUpdate } from '@shared/import/mergeForUpdate';
import type { DuplicateDecision, RowPlan } from '@shared/import/rowPlan';
import {
  META_FIELDS,
  RECORD_KINDS,
  type RecordContentInput,
  type RecordKind,
} from '@shared/model/records';
import { createRecords, updateRecord, type MutationContext } from '../../db/changeTracking';
import type { RegistryDb } from '../../db/RegistryDb';
import { IMPORT_REFERENCES_KEY, type ImportReferences } from './registryLookups';

/** What an import did, row by row, for the report. */
export type ImportReport = {
  created: number;
  updated: number;
  /** Duplicates the user chose to update whose record already said all the row says. */
  unchanged: number;
  skipped: number;
  rejected: number;
  /** The records created or updated, for links from the report. */
  recordIds: string[];
};

/** A record the preview matched was deleted or changed kind since: the import stops unchanged. */
export class ImportConflictError extends Error {
  constructor(readonly rowNumber: number) {
    super(`The record row ${rowNumber} was to update is no longer in the registry`);
    this.name = 'ImportConflictError';
  }
}

const TABLES = [...RECORD_KINDS, 'changes', 'links', 'meta'] as const;
/** New records written per bulk request; progress is reported after each. */
const WRITE_CHUNK = 2_000;
const META_FIELD_SET: ReadonlySet<string> = new Set(META_FIELDS);

/** Replaces every string that is a remapped id, at any depth (ids are UUIDs: no false hits). */
function remapIds(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return ids.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => remapIds(item, ids));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, remapIds(item, ids)]),
    );
  }
  return value;
}

/**
 * Writes an import in ONE read-write transaction through the change-tracked mutations, so it is
 * all or nothing: rows with problems are left out, duplicates are skipped, updated or created as
 * the user decided (`decisions` by plan index; skip when not given), and any failure rolls every
 * write back. A JSON record keeps its id unless that id is taken; links to a record that was
 * matched to an existing one are pointed at that record. Pass the strict-durability connection.
 */
export async function commitImport(
  db: RegistryDb,
  plans: readonly RowPlan[],
  decisions: ReadonlyMap<number, DuplicateDecision>,
  context: MutationContext,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportReport> {
  return db.transaction('rw', TABLES, async () => {
    const report: ImportReport = {
      created: 0,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      rejected: 0,
      recordIds: [],
    };
    const decisionOf = (index: number, plan: RowPlan): DuplicateDecision | null =>
      plan.duplicate ? (decisions.get(index) ?? 'skip') : null;

    // Every row's final record id first, so links between the file's records can follow them.
    const takenFileIds = new Set<string>();
    for (const kind of new Set(plans.map((plan) => plan.kind))) {
      const fileIds = plans.flatMap((plan) =>
        plan.kind === kind && plan.fileId ? [plan.fileId] : [],
      );
      const found = await db.recordTable(kind).bulkGet(fileIds);
      fileIds.forEach((id, index) => found[index] && takenFileIds.add(id));
    }
    const finalIds = new Map<number, string>();
    const remapped = new Map<string, string>();
    for (const [index, plan] of plans.entries()) {
      if (plan.problems.length > 0 || !plan.content) continue;
      const decision = decisionOf(index, plan);
      let id: string;
      if (plan.duplicate && decision !== 'create') id = plan.duplicate.recordId;
      else if (plan.fileId && !takenFileIds.has(plan.fileId)) id = plan.fileId;
      else id = context.newId();
      finalIds.set(index, id);
      if (plan.fileId && plan.fileId !== id) remapped.set(plan.fileId, id);
    }

    const stored = await db.meta.get(IMPORT_REFERENCES_KEY);
    const references = structuredClone((stored?.value ?? {}) as ImportReferences);
    // New records are written per kind in bulk once the updates are done.
    const creates = new Map<RecordKind, { input: RecordContentInput<RecordKind>; id: string }[]>();
    for (const [index, plan] of plans.entries()) {
      const id = finalIds.get(index);
      if (id === undefined || !plan.content || !plan.patch) {
        report.rejected += 1;
        continue;
      }
      const kind: RecordKind = plan.kind;
      const decision = decisionOf(index, plan);
      if (decision === 'skip') report.skipped += 1;
      else if (decision === 'update') {
        const current = await db.recordTable(kind).get(id);
        if (!current || current.deletedAt !== null) throw new ImportConflictError(plan.rowNumber);
        const content = Object.fromEntries(
          Object.entries(current).filter(([field]) => !META_FIELD_SET.has(field)),
        );
        const patch = remapIds(mergeForUpdate(content, plan.patch), remapped) as Partial<
          RecordContentInput<typeof kind>
        >;
        const updated = await updateRecord(db, kind, id, patch, context);
        if (updated.rev === current.rev) report.unchanged += 1;
        else {
          report.updated += 1;
          report.recordIds.push(id);
        }
      } else {
        const input = remapIds(plan.content, remapped) as RecordContentInput<typeof kind>;
        const batch = creates.get(kind) ?? [];
        batch.push({ input, id });
        creates.set(kind, batch);
        report.created += 1;
        report.recordIds.push(id);
      }
      if (plan.reference) (references[kind] ??= {})[plan.reference] = id;
    }
    // In chunks, so a long import shows how far it got (still one transaction: all or nothing).
    const total = report.created + report.updated + report.unchanged;
    let done = report.updated + report.unchanged;
    for (const [kind, batch] of creates) {
      for (let start = 0; start < batch.length; start += WRITE_CHUNK) {
        const chunk = batch.slice(start, start + WRITE_CHUNK);
        await createRecords(db, kind, chunk, context);
        done += chunk.length;
        onProgress?.(done, total);
      }
    }
    if (plans.some((plan) => plan.reference)) {
      await db.meta.put({ key: IMPORT_REFERENCES_KEY, value: references });
    }
    return report;
  });
}
