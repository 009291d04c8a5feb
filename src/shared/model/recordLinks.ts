import type { RecordContent, RecordKind } from './records';

/** One reference from a record to another, named by the field that holds it. */
export type RecordLink = { field: string; targetId: string };

type LinkReader<K extends RecordKind> = (record: RecordContent<K>) => RecordLink[];

const many = (field: string, ids: readonly string[]): RecordLink[] =>
  ids.map((targetId) => ({ field, targetId }));
const one = (field: string, targetId: string | null): RecordLink[] =>
  targetId === null ? [] : [{ field, targetId }];

const common = (record: { areaIds?: readonly string[]; tagIds: readonly string[] }) => [
  ...many('areaIds', record.areaIds ?? []),
  ...many('tagIds', record.tagIds),
];

/**
 * Every reference a record of each kind makes. One table of them serves link checks on import,
 * "what links here" before a delete, and restoring a record with its links.
 */
const LINK_READERS: { [K in RecordKind]: LinkReader<K> } = {
  partners: (r) => [
    ...one('parentId', r.parentId),
    ...r.membershipFacts.flatMap((fact) =>
      many('membershipFacts.relatedPartnerIds', fact.relatedPartnerIds),
    ),
    ...common(r),
  ],
  agreements: (r) => [
    ...many(
      'parties.partnerId',
      r.parties.map((p) => p.partnerId),
    ),
    ...common(r),
  ],
  projects: (r) => [
    ...many(
      'partners.partnerId',
      r.partners.map((p) => p.partnerId),
    ),
    ...one('programmeId', r.programmeId),
    ...one('agreementId', r.agreementId),
    ...common(r),
  ],
  events: (r) => [
    ...one('organizerId', r.organizerId),
    ...many('partnerIds', r.partnerIds),
    ...many(
      'participants.personId',
      r.participants.map((p) => p.personId),
    ),
    ...common(r),
  ],
  people: (r) => [
    ...r.positions.flatMap((position) => one('positions.organizationId', position.organizationId)),
    ...common(r),
  ],
  followUps: (r) => [
    ...one('ownerPersonId', r.ownerPersonId),
    ...one('sourceId', r.sourceId),
    ...common(r),
  ],
  documents: (r) => [...many('linkedRecordIds', r.linkedRecordIds), ...common(r)],
  areas: (r) => common({ tagIds: r.tagIds }),
  tags: () => [],
};

export function recordLinks<K extends RecordKind>(kind: K, record: RecordContent<K>): RecordLink[] {
  return LINK_READERS[kind](record);
}
