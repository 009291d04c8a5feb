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
  /** Partners named by the linked records (parties, organizers), for showing their names. */
  relatedPartners: Map<string, Partner>;
};

const isLive = <T extends { deletedAt: string | null }>(record: T | undefined): record is T =>
  record !== undefined && record.deletedAt === null;

/**
 * Reads a partner's dossier through the reverse-link index: one indexed lookup for the records
 * that point at it, then a keyed fetch per kind. Null when the partner does not exist or is deleted.
 */
export async function loadPartnerDossier(
  db: RegistryDb,
  partnerId: string,
): Promise<PartnerDossier | null> {
  const partner = await db.partners.get(partnerId);
  if (!isLive(partner)) return null;
  const incoming = await db.links.where('targetId').equals(partnerId).toArray();
  const idsOf = (kind: string, fields?: readonly string[]) => [
    ...new Set(
      incoming
        .filter((link) => link.sourceKind === kind && (!fields || fields.includes(link.field)))
        .map((link) => link.sourceId),
    ),
  ];
  const [parent, children, agreements, projects, events, people, documents, followUps] =
    await Promise.all([
      partner.parentId ? db.partners.get(partner.parentId) : undefined,
      db.partners.bulkGet(idsOf('partners', ['parentId'])),
      db.agreements.bulkGet(idsOf('agreements')),
      db.projects.bulkGet(idsOf('projects')),
      db.events.bulkGet(idsOf('events')),
      db.people.bulkGet(idsOf('people')),
      db.documents.bulkGet(idsOf('documents')),
      db.followUps.bulkGet(idsOf('followUps')),
    ]);
  const liveAgreements = agreements.filter(isLive);
  const liveProjects = projects.filter(isLive);
  const liveEvents = events.filter(isLive);
  const relatedIds = new Set<string>([
    ...liveAgreements.flatMap((agreement) => agreement.parties.map((party) => party.partnerId)),
    ...liveProjects.flatMap((project) => project.partners.map((entry) => entry.partnerId)),
    ...liveEvents.flatMap((event) => [
      ...event.partnerIds,
      ...(event.organizerId ? [event.organizerId] : []),
    ]),
  ]);
  const related = (await db.partners.bulkGet([...relatedIds])).filter(isLive);
  return {
    partner,
    parent: isLive(parent) ? parent : null,
    children: children.filter(isLive),
    agreements: liveAgreements,
    projects: liveProjects,
    events: liveEvents,
    people: people.filter(isLive),
    documents: documents.filter(isLive),
    followUps: followUps.filter(isLive),
    relatedPartners: new Map(related.map((entry) => [entry.id, entry])),
  };
}

/** The dossier, live: undefined while loading, null when there is no such partner. */
export function usePartnerDossier(partnerId: string): PartnerDossier | null | undefined {
  const { db } = useRegistry();
  return useLiveQuery(() => loadPartnerDossier(db, partnerId), [db, partnerId]);
}
