import { pickText } from '../model/localizedText';
import { comparePartialDates } from '../model/partialDate';
import {
  RECORD_KINDS,
  type Partner,
  type RecordKind,
  type RegistryEvent,
  type StoredRecord,
} from '../model/records';
import type { BriefingSource, BriefingSubject } from './briefingModel';

/** Live records of every kind. */
export type LiveRecordsByKind = { [K in RecordKind]: StoredRecord<K>[] };

/**
 * The indexed reads a pack needs, answered by Dexie in the app (the reverse-link and country
 * indexes, keyed reads) and by plain maps in tests. Every answer holds live records only.
 */
export type BriefingLookup = {
  records: <K extends RecordKind>(
    kind: K,
    ids: Iterable<string>,
  ) => Promise<Map<string, StoredRecord<K>>>;
  /** The records that link to any of `targetIds`, by kind, each once; only `kinds` when given. */
  linking: (
    targetIds: readonly string[],
    kinds?: readonly RecordKind[],
  ) => Promise<LiveRecordsByKind>;
  partnersInCountry: (countryCode: string) => Promise<Partner[]>;
};

/** Bodies within bodies are followed this deep (an organization's council's committee). */
const MAX_BODY_DEPTH = 3;

const PARTNER_ORDER: readonly Partner['kind'][] = ['state', 'state-authority'];

const byId = <R extends { id: string }>(records: Iterable<R>): Map<string, R> =>
  new Map([...records].map((record) => [record.id, record]));

const seriesKey = (event: RegistryEvent) =>
  event.series ? pickText(event.series.name, 'en').trim().toLowerCase() : null;

/**
 * Gathers what a pack on `subject` draws on, through index lookups only (never a table scan):
 * the focus partners and everything that links to them, the follow-ups and documents of those
 * records, and the names every row needs. Null when the subject no longer exists.
 */
export async function gatherBriefingSource(
  subject: BriefingSubject,
  lookup: BriefingLookup,
): Promise<BriefingSource | null> {
  let focusPartners: Partner[];
  let focusEvent: RegistryEvent | null = null;
  let selected: LiveRecordsByKind | null = null;

  if (subject.kind === 'partner') {
    const partner = (await lookup.records('partners', [subject.partnerId])).get(subject.partnerId);
    if (!partner) return null;
    focusPartners = [partner, ...(await bodiesWithin([partner], lookup))];
  } else if (subject.kind === 'country') {
    const inCountry = await lookup.partnersInCountry(subject.countryCode);
    const rank = (partner: Partner) => {
      const index = PARTNER_ORDER.indexOf(partner.kind);
      return index === -1 ? PARTNER_ORDER.length : index;
    };
    const ordered = [...inCountry].sort((a, b) => rank(a) - rank(b));
    const bodies = await bodiesWithin(ordered, lookup);
    focusPartners = [...ordered, ...bodies.filter((body) => !ordered.includes(body))];
  } else if (subject.kind === 'event') {
    focusEvent = (await lookup.records('events', [subject.eventId])).get(subject.eventId) ?? null;
    if (!focusEvent) return null;
    focusPartners = [...(await lookup.records('partners', focusEvent.partnerIds)).values()];
  } else {
    const found = await Promise.all(
      RECORD_KINDS.map(async (kind) => [
        ...(await lookup.records(kind, subject.recordIds)).values(),
      ]),
    );
    selected = Object.fromEntries(
      RECORD_KINDS.map((kind, index) => [kind, found[index]]),
    ) as unknown as LiveRecordsByKind;
    focusPartners = selected.partners;
  }

  const focusIds = focusPartners.map((partner) => partner.id);
  let agreements, projects, events, people, followUps, documents;
  if (selected) {
    ({ agreements, projects, events, people, followUps, documents } = selected);
  } else {
    const linkTargets = focusEvent
      ? [...focusIds, focusEvent.id, ...(focusEvent.organizerId ? [focusEvent.organizerId] : [])]
      : focusIds;
    const linked = await lookup.linking(linkTargets);
    agreements = linked.agreements;
    projects = linked.projects;
    events = linked.events.filter((event) => event.id !== focusEvent?.id);
    if (focusEvent) {
      // The organizer's other events matter only as earlier sessions of the same series.
      const key = seriesKey(focusEvent);
      const focusStart = focusEvent.startDate;
      const partnerSet = new Set(focusIds);
      events = events.filter(
        (event) =>
          event.partnerIds.some((id) => partnerSet.has(id)) ||
          (key !== null &&
            seriesKey(event) === key &&
            comparePartialDates(event.startDate, focusStart) < 0),
      );
      agreements = agreements.filter((agreement) =>
        agreement.parties.some((party) => partnerSet.has(party.partnerId)),
      );
      projects = projects.filter((project) =>
        project.partners.some((entry) => partnerSet.has(entry.partnerId)),
      );
    }
    const participantIds = [
      ...(focusEvent?.participants ?? []),
      ...events.flatMap((event) => event.participants),
    ].map((participant) => participant.personId);
    const peopleById = byId(focusEvent ? [] : linked.people);
    for (const [id, person] of await lookup.records('people', participantIds))
      peopleById.set(id, person);
    if (focusEvent) {
      const onlyParticipants = new Set(focusEvent.participants.map((entry) => entry.personId));
      people = [...peopleById.values()].filter((person) => onlyParticipants.has(person.id));
    } else {
      people = [...peopleById.values()];
    }
    // Follow-ups and documents hang off the partners and off their agreements, projects and events.
    const second = await lookup.linking(
      [
        ...agreements.map((record) => record.id),
        ...projects.map((record) => record.id),
        ...events.map((record) => record.id),
      ],
      ['followUps', 'documents'],
    );
    followUps = [...byId([...linked.followUps, ...second.followUps]).values()];
    documents = [...byId([...linked.documents, ...second.documents]).values()];
  }

  const partnerIds = new Set<string>(focusIds);
  for (const partner of focusPartners) if (partner.parentId) partnerIds.add(partner.parentId);
  for (const agreement of agreements)
    for (const party of agreement.parties) partnerIds.add(party.partnerId);
  for (const project of projects)
    for (const entry of project.partners) partnerIds.add(entry.partnerId);
  for (const event of [...events, ...(focusEvent ? [focusEvent] : [])]) {
    for (const id of event.partnerIds) partnerIds.add(id);
    if (event.organizerId) partnerIds.add(event.organizerId);
  }
  for (const person of people)
    for (const position of person.positions)
      if (position.organizationId) partnerIds.add(position.organizationId);
  const ownerIds = followUps.flatMap((followUp) =>
    followUp.ownerPersonId ? [followUp.ownerPersonId] : [],
  );
  const [partnersById, owners, areasById] = await Promise.all([
    lookup.records('partners', partnerIds),
    lookup.records('people', ownerIds),
    lookup.records(
      'areas',
      focusPartners.flatMap((partner) => partner.areaIds),
    ),
  ]);
  for (const partner of focusPartners) partnersById.set(partner.id, partner);
  // Child bodies are named in profiles; they are among the focus partners when the subject has them.
  const peopleById = byId([...people, ...owners.values()]);
  return {
    subject,
    focusPartners,
    focusEvent,
    agreements,
    projects,
    events,
    people,
    followUps,
    documents,
    partnersById,
    peopleById,
    areasById,
  };
}

async function bodiesWithin(roots: Partner[], lookup: BriefingLookup): Promise<Partner[]> {
  const found = new Map<string, Partner>();
  let level = roots;
  for (let depth = 0; depth < MAX_BODY_DEPTH && level.length > 0; depth += 1) {
    const ids = new Set(level.map((partner) => partner.id));
    const linked = await lookup.linking([...ids], ['partners']);
    level = linked.partners.filter(
      (partner) =>
        partner.parentId !== null &&
        ids.has(partner.parentId) &&
        !found.has(partner.id) &&
        !roots.includes(partner),
    );
    for (const partner of level) found.set(partner.id, partner);
  }
  return [...found.values()];
}
