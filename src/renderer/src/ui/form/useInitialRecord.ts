import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { RecordKind, StoredRecord } from '@shared/model/records';
import { useRegistry } from '../../app/RegistryContext';
import { getLiveRecord } from '../../db/linkedRecords';

/**
 * The record a form edits, as it was when the form opened: undefined while loading, null for a
 * new record or one that does not exist. Later saves elsewhere do not reset the draft; the save's
 * expectedRev check catches them instead.
 */
export function useInitialRecord<K extends RecordKind>(
  kind: K,
  id: string | undefined,
): StoredRecord<K> | null | undefined {
  const { db } = useRegistry();
  const live = useLiveQuery(
    () => (id ? getLiveRecord(db, kind, id) : Promise.resolve(null)),
    [db, kind, id],
  );
  const [initial, setInitial] = useState<StoredRecord<K> | null | undefined>(undefined);
  if (initial === undefined && live !== undefined) setInitial(live);
  return initial;
}
