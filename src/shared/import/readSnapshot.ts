import * as z from 'zod';
import { SNAPSHOT_FORMAT } from '../model/registrySnapshot';
import { contentSchemas, RECORD_KINDS, type RecordKind } from '../model/records';
import { ImportFileError } from './importFileError';
import { labelOf } from './validateRows';
import type { RowPlan, RowProblem } from './rowPlan';

/** The registry's own JSON (a snapshot), with each kind's records not yet checked one by one. */
export type SnapshotFile = {
  title: string;
  records: Partial<Record<RecordKind, unknown[]>>;
};

const envelopeSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  formatVersion: z.number(),
  title: z.string().optional(),
  records: z.record(z.string(), z.unknown()),
});

/**
 * Reads the envelope of a snapshot file: the format and version are checked here, each record
 * later, so one damaged record is named as a problem instead of refusing the whole file.
 */
export function readSnapshot(text: string): SnapshotFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportFileError('jsonDamaged', `Not valid JSON: ${reason}`);
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) throw new ImportFileError('jsonNotSnapshot', 'Not a registry snapshot');
  if (envelope.data.formatVersion !== 1) {
    throw new ImportFileError('jsonNewerVersion', 'A newer snapshot format', {
      version: String(envelope.data.formatVersion),
    });
  }
  const records: SnapshotFile['records'] = {};
  for (const kind of RECORD_KINDS) {
    const list = envelope.data.records[kind];
    if (list === undefined) continue;
    if (!Array.isArray(list))
      throw new ImportFileError('jsonNotSnapshot', `records.${kind} is not a list`);
    records[kind] = list;
  }
  return { title: envelope.data.title ?? '', records };
}

const idSchema = z.uuid();

/** The kinds a snapshot can bring, in an order where a record's links point to earlier kinds. */
export const SNAPSHOT_KINDS: readonly RecordKind[] = [
  'tags',
  'areas',
  'partners',
  'people',
  'agreements',
  'projects',
  'events',
  'followUps',
  'documents',
];

/**
 * Checks each record of a snapshot against the model: a plan per record, numbered within its
 * kind (row 1 is the kind's first record), with the model's complaints as problems.
 */
export function validateSnapshot(
  snapshot: SnapshotFile,
  onProgress?: (done: number, total: number) => void,
): RowPlan[] {
  const total = SNAPSHOT_KINDS.reduce(
    (sum, kind) => sum + (snapshot.records[kind]?.length ?? 0),
    0,
  );
  const plans: RowPlan[] = [];
  for (const kind of SNAPSHOT_KINDS) {
    (snapshot.records[kind] ?? []).forEach((entry, index) => {
      const rowNumber = index + 1;
      const problems: RowProblem[] = [];
      const record = entry && typeof entry === 'object' ? (entry as Record<string, unknown>) : {};
      const { id, ...rest } = record;
      const fileId = idSchema.safeParse(id).success ? (id as string) : null;
      if (fileId === null)
        problems.push({
          rowNumber,
          column: null,
          field: null,
          code: 'idInvalid',
          value: typeof id === 'string' ? id : '',
        });
      const checked = (contentSchemas[kind] as z.ZodType).safeParse(rest);
      if (!checked.success) {
        for (const issue of checked.error.issues) {
          problems.push({
            rowNumber,
            column: null,
            field: null,
            code: 'invalid',
            value: issue.path.join('.'),
            detail: issue.message,
          });
        }
      }
      const label =
        labelOf(rest.name ?? rest.title) ||
        (typeof rest.label === 'string' ? rest.label : '') ||
        (typeof rest.code === 'string' ? rest.code : '');
      const names = [rest.name, rest.title].flatMap((value) =>
        value && typeof value === 'object'
          ? Object.values(value as Record<string, unknown>).filter(
              (v): v is string => typeof v === 'string',
            )
          : [],
      );
      if (kind === 'areas' && typeof rest.code === 'string') names.push(rest.code);
      if (kind === 'tags' && typeof rest.label === 'string') names.push(rest.label);
      plans.push({
        kind,
        rowNumber,
        fileId,
        label,
        content: problems.length === 0 ? rest : null,
        patch: problems.length === 0 ? rest : null,
        problems,
        reference: null,
        matchNames: names,
        matchDate: kind === 'events' && typeof rest.startDate === 'string' ? rest.startDate : null,
        duplicate: null,
      });
      if (onProgress && plans.length % 2_000 === 0) onProgress(plans.length, total);
    });
  }
  onProgress?.(total, total);
  return plans;
}
