import { useLiveQuery } from 'dexie-react-hooks';
import type {
  Agreement,
  FollowUp,
  Partner,
  Person,
  Project,
  RegistryDocument,
  RegistryEvent,
} from '@shared/model/records';
import { useRegistry } from '../../app/RegistryContext';
import { getLinkingRecords, getLiveRecord, getLiveRecordsById } from '../../db/linkedRecords';
import type { RegistryDb } from '../../db/RegistryDb';

/** A partner with everything the registry links to it. */
export type PartnerDossier = {
  partner: Partner;
  parent: Partner | null;
  children: Partner[];
  agreements: Agreement[];
  projects: Project[];
  events: RegistryEvent[];
  people: Person[];
  documents: RegistryDocument[];
  followUps: FollowUp[];
  /** Partners named by the linked records (agreement parties) and by its membership facts. */
  relatedPartners: Map<string, Partner>;
};

/**
 * Reads a partner's dossier through the reverse-link index: one indexed lookup for the records
 * that point at it, then a keyed fetch per kind. Null when the partner does not exist or is deleted.
 */
export async function loadPartnerDossier(
  db: RegistryDb,
  partnerId: string,
): Promise<PartnerDossier | null> {
  const partner = await getLiveRecord(db, 'partners', partnerId);
  if (!partner) return null;
  const linking = await getLinkingRecords(db, partnerId);
  const [parent, relatedPartners] = await Promise.all([
    partner.parentId ? getLiveRecord(db, 'partners', partner.parentId) : null,
    getLiveRecordsById(db, 'partners', [
      ...linking.agreements.flatMap((agreement) =>
        agreement.parties.map((party) => party.partnerId),
      ),
      ...partner.membershipFacts.flatMap((fact) => fact.relatedPartnerIds),
    ]),
  ]);
  return {
    partner,
    parent,
    // Partners link here as children (parentId) or through membership facts; only the first are bodies within.
    children: linking.partners.filter((candidate) => candidate.parentId === partnerId),
    agreements: linking.agreements,
    projects: linking.projects,
    events: linking.events,
    people: linking.people,
    documents: linking.documents,
    followUps: linking.followUps,
    relatedPartners,
  };
}

/** The dossier, live: undefined while loading, null when there is no such partner. */
export function usePartnerDossier(partnerId: string): PartnerDossier | null | undefined {
  const { db } = useRegistry();
  return useLiveQuery(() => loadPartnerDossier(db, partnerId), [db, partnerId]);
}
