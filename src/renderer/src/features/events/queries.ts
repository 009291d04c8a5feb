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

/** An event with its organizer, partners, participants and the actions that came out of it. */
export type EventDossier = {
  event: RegistryEvent;
  partners: Map<string, Partner>;
  people: Map<string, Person>;
  followUps: FollowUp[];
  documents: RegistryDocument[];
};

export async function loadEventDossier(db: RegistryDb, id: string): Promise<EventDossier | null> {
  const event = await getLiveRecord(db, 'events', id);
  if (!event) return null;
  const partnerIds = [...event.partnerIds, ...(event.organizerId ? [event.organizerId] : [])];
  const [partners, people, linking] = await Promise.all([
    getLiveRecordsById(db, 'partners', partnerIds),
    getLiveRecordsById(
      db,
      'people',
      event.participants.map((participant) => participant.personId),
    ),
    getLinkingRecords(db, id),
  ]);
  return { event, partners, people, followUps: linking.followUps, documents: linking.documents };
}

/** Live: undefined while loading, null when there is no such event. */
export function useEventDossier(id: string): EventDossier | null | undefined {
  const { db } = useRegistry();
  return useLiveQuery(() => loadEventDossier(db, id), [db, id]);
}
