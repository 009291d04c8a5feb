import { useLiveQuery } from 'dexie-react-hooks';
import type { LocalizedText } from '@shared/model/localizedText';
import { RECORD_KINDS } from '@shared/model/records';
import { useRegistry } from '../../app/RegistryContext';
import { loadRecordHistory } from '../../db/history';
import type { ChangeEntry, RegistryDb } from '../../db/RegistryDb';
import { recordLabel } from '../records/recordLabel';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every id mentioned in the history's values, so changed links can be shown by name. */
function idsIn(value: unknown, into: Set<string>): void {
  if (typeof value === 'string' && UUID.test(value)) into.add(value);
  else if (Array.isArray(value)) for (const item of value) idsIn(item, into);
  else if (value && typeof value === 'object')
    for (const item of Object.values(value)) idsIn(item, into);
}

export type RecordHistory = {
  /** Newest first, as the history panel lists it. */
  entries: ChangeEntry[];
  /** Names of the records the changed values point at (deleted ones included). */
  labels: Map<string, LocalizedText | string>;
};

export async function loadHistoryWithLabels(
  db: RegistryDb,
  recordId: string,
): Promise<RecordHistory> {
  const entries = await loadRecordHistory(db, recordId);
  const ids = new Set<string>();
  for (const entry of entries) {
    for (const change of Object.values(entry.fields)) {
      idsIn(change.before, ids);
      idsIn(change.after, ids);
    }
  }
  const labels = new Map<string, LocalizedText | string>();
  const wanted = [...ids];
  await Promise.all(
    RECORD_KINDS.map(async (kind) => {
      const records = await db.recordTable(kind).bulkGet(wanted);
      for (const record of records) if (record) labels.set(record.id, recordLabel(record));
    }),
  );
  return { entries: entries.reverse(), labels };
}

/** The record's history, live, so a new edit appears at once. */
export function useRecordHistory(recordId: string): RecordHistory | undefined {
  const { db } = useRegistry();
  return useLiveQuery(() => loadHistoryWithLabels(db, recordId), [db, recordId]);
}
