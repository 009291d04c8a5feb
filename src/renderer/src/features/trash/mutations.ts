import type { RecordKind } from '@shared/model/records';
import { deleteRecord, restoreRecord, type MutationContext } from '../../db/changeTracking';
import type { RegistryDb } from '../../db/RegistryDb';

/** Moves a record to Trash; its links stay so a restore brings it back whole. */
export function moveToTrash(
  db: RegistryDb,
  kind: RecordKind,
  id: string,
  context: MutationContext,
) {
  return deleteRecord(db, kind, id, context);
}

/** Takes a record out of Trash with the links it had. */
export function restoreFromTrash(
  db: RegistryDb,
  kind: RecordKind,
  id: string,
  context: MutationContext,
) {
  return restoreRecord(db, kind, id, context);
}
