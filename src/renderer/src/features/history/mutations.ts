import type { RecordContentInput, RecordKind, StoredRecord } from '@shared/model/records';
import { MutationError, updateRecord, type MutationContext } from '../../db/changeTracking';
import { contentAtRevision, loadRecordHistory } from '../../db/history';
import type { RegistryDb } from '../../db/RegistryDb';

/**
 * Puts a record's fields back to what they were after revision `rev`. It is a new edit (a new
 * rev, logged like any other), so it can itself be undone the same way.
 */
export async function restoreRevision<K extends RecordKind>(
  db: RegistryDb,
  kind: K,
  id: string,
  rev: number,
  context: MutationContext,
): Promise<StoredRecord<K>> {
  const content = contentAtRevision(await loadRecordHistory(db, id), rev);
  if (content === null) {
    throw new MutationError(
      'not-found',
      `Revision ${String(rev)} of ${kind} ${id} is not in the history`,
    );
  }
  return updateRecord(db, kind, id, content as Partial<RecordContentInput<K>>, context);
}
