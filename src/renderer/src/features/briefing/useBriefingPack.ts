import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { BriefingOptions, BriefingSubject } from '@shared/briefing/briefingModel';
import { buildBriefing } from '@shared/briefing/buildBriefing';
import { useRegistry } from '../../app/RegistryContext';
import { loadBriefingSource } from './queries';

const subjectKey = (subject: BriefingSubject | null) => (subject ? JSON.stringify(subject) : '');

/**
 * The pack for a subject and the officer's choices, rebuilt as either changes: the records are
 * read live (an edit elsewhere shows in the preview), the model is rebuilt from them in memory.
 * undefined while reading, null when there is no subject or it no longer exists.
 */
export function useBriefingPack(subject: BriefingSubject | null, options: BriefingOptions) {
  const { db } = useRegistry();
  const key = subjectKey(subject);
  const source = useLiveQuery(
    () => (subject ? loadBriefingSource(db, subject) : Promise.resolve(null)),
    // The subject is compared by value: a new object for the same subject reads nothing again.
    [db, key],
  );
  return useMemo(
    () => (source === undefined ? undefined : source && buildBriefing(source, options)),
    [source, options],
  );
}
