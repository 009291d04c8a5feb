import { useLiveQuery } from 'dexie-react-hooks';
import type {
  FollowUp,
  Partner,
  Person,
  RegistryDocument,
  RegistryEvent,
} from '@shared/model/records';
import { useRegistry } from '../../app/RegistryContext';
import { getLinkingRecords, getLiveRecord, getLiveRecordsById } from '../../db/linkedRecords';
import type { RegistryDb } from '../../db/RegistryDb';

/** A person with the organizations of their positions, the events they attended and their actions. */
export type PersonDossier = {
  person: Person;
  organizations: Map<string, Partner>;
  events: RegistryEvent[];
  followUps: FollowUp[];
  documents: RegistryDocument[];
};

export async function loadPersonDossier(db: RegistryDb, id: string): Promise<PersonDossier | null> {
  const person = await getLiveRecord(db, 'people', id);
  if (!person) return null;
  const organizationIds = person.positions.flatMap((position) =>
    position.organizationId ? [position.organizationId] : [],
  );
  const [organizations, linking] = await Promise.all([
    getLiveRecordsById(db, 'partners', organizationIds),
    getLinkingRecords(db, id),
  ]);
  return {
    person,
    organizations,
    events: linking.events,
    followUps: linking.followUps,
    documents: linking.documents,
  };
}

/** Live: undefined while loading, null when there is no such person. */
export function usePersonDossier(id: string): PersonDossier | null | undefined {
  const { db } = useRegistry();
  return useLiveQuery(() => loadPersonDossier(db, id), [db, id]);
}
