import * as z from 'zod';
import { localizedTextSchema } from './localizedText';
import { optionalPartialDateSchema } from './partialDate';

/**
 * The registry's record kinds, their content schemas (what a person writes) and their stored
 * schemas (content plus change metadata). Every kind shares the same metadata and common fields so
 * history, trash and exchange between laptops can treat all of them alike.
 */

const id = z.uuid();
const isoTimestamp = z.iso.datetime({ offset: true });

/** ISO 3166-1 alpha-2, upper case ("AZ", "NL"). */
export const countryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'Expected a two-letter country code');

/** Markings in ascending order; policy may later narrow or rename them. */
export const SENSITIVITY_LEVELS = ['public', 'internal', 'restricted'] as const;
export type Sensitivity = (typeof SENSITIVITY_LEVELS)[number];
export const sensitivitySchema = z.enum(SENSITIVITY_LEVELS);

/** Change metadata stamped by the mutation functions on every write, never by a form. */
export const recordMetaSchema = z.object({
  id,
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  /** Starts at 1 and grows by one with every write, deletes and restores included. */
  rev: z.int().min(1),
  /** The installation (device id) that made the latest write. */
  changedBy: z.string().min(1),
  /** Set when the record is in Trash; records are never hard-deleted so deletes can travel. */
  deletedAt: isoTimestamp.nullable(),
});
export type RecordMeta = z.infer<typeof recordMetaSchema>;
export const META_FIELDS = [
  'id',
  'createdAt',
  'updatedAt',
  'rev',
  'changedBy',
  'deletedAt',
] as const;

/** Fields every kind of record carries besides its own. */
const commonContent = {
  areaIds: z.array(id).default([]),
  tagIds: z.array(id).default([]),
  notes: localizedTextSchema.nullable().default(null),
  sensitivity: sensitivitySchema.default('internal'),
};

// ---------------------------------------------------------------- partners

export const PARTNER_KINDS = [
  'international-organization',
  'union',
  'regional-organization',
  'state',
  'state-authority',
  'organization-body',
  'programme',
  'platform',
  'dialogue-process',
  'non-governmental-organization',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const COOPERATION_MODES = ['bilateral', 'multilateral'] as const;

export const membershipFactSchema = z.object({
  /** The fact as a sentence, e.g. "Azerbaijan is a member state of IOM". */
  statement: localizedTextSchema,
  since: optionalPartialDateSchema.default(null),
  /** Partners the fact names besides the one it is recorded on. */
  relatedPartnerIds: z.array(id).default([]),
});
export type MembershipFact = z.infer<typeof membershipFactSchema>;

export const partnerContentSchema = z.object({
  kind: z.enum(PARTNER_KINDS),
  name: localizedTextSchema,
  /** Acronyms differ by language (IOM, BMqT, МОМ), so they are localized like names. */
  acronym: localizedTextSchema.nullable().default(null),
  /** The body this one belongs to: an authority's ministry, a council's organization. */
  parentId: id.nullable().default(null),
  countryCode: countryCodeSchema.nullable().default(null),
  mode: z.enum(COOPERATION_MODES).nullable().default(null),
  /**
   * True for the registry owner's own state and bodies (the Republic of Azerbaijan, the State
   * Migration Service) so they can be agreement parties and employers without being listed as partners.
   */
  isOwnSide: z.boolean().default(false),
  membershipFacts: z.array(membershipFactSchema).default([]),
  ...commonContent,
});

// ---------------------------------------------------------------- agreements

export const AGREEMENT_KINDS = [
  'agreement',
  'memorandum',
  'joint-declaration',
  'protocol',
  'project-agreement',
  'other',
] as const;

export const AGREEMENT_PARTY_ROLES = ['party', 'signatory', 'depositary', 'observer'] as const;

/** Life-cycle steps, in the order they usually happen. */
export const AGREEMENT_STEP_KINDS = [
  'negotiated',
  'initialled',
  'signed',
  'approved',
  'ratified',
  'in-force',
  'provisionally-applied',
  'suspended',
  'renewed',
  'expired',
  'terminated',
] as const;
export type AgreementStepKind = (typeof AGREEMENT_STEP_KINDS)[number];

export const agreementStepSchema = z.object({
  id,
  kind: z.enum(AGREEMENT_STEP_KINDS),
  date: optionalPartialDateSchema.default(null),
  place: localizedTextSchema.nullable().default(null),
  /** The act behind the step, e.g. a presidential decree approving the agreement. */
  instrument: localizedTextSchema.nullable().default(null),
  note: localizedTextSchema.nullable().default(null),
});
export type AgreementStep = z.infer<typeof agreementStepSchema>;

export const agreementContentSchema = z.object({
  kind: z.enum(AGREEMENT_KINDS),
  title: localizedTextSchema,
  parties: z
    .array(z.object({ partnerId: id, role: z.enum(AGREEMENT_PARTY_ROLES).default('party') }))
    .default([]),
  steps: z.array(agreementStepSchema).default([]),
  /** Term in months when the agreement runs for a fixed time. */
  termMonths: z.int().positive().nullable().default(null),
  expiryDate: optionalPartialDateSchema.default(null),
  renewalNoticeDate: optionalPartialDateSchema.default(null),
  ...commonContent,
});

// ---------------------------------------------------------------- projects

export const PROJECT_STATUSES = [
  'pipeline',
  'ongoing',
  'completed',
  'suspended',
  'cancelled',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** IATI ActivityStatus codes, so exports can speak the aid-transparency standard. */
export const IATI_ACTIVITY_STATUS: Record<ProjectStatus, number> = {
  pipeline: 1,
  ongoing: 2,
  completed: 3,
  cancelled: 5,
  suspended: 6,
};

export const PROJECT_PARTNER_ROLES = ['funding', 'implementing', 'beneficiary', 'partner'] as const;

export const projectContentSchema = z.object({
  title: localizedTextSchema,
  status: z.enum(PROJECT_STATUSES),
  partners: z.array(z.object({ partnerId: id, role: z.enum(PROJECT_PARTNER_ROLES) })).default([]),
  /** The programme or instrument the project runs under (Twinning, MIEUX, ...). */
  programmeId: id.nullable().default(null),
  agreementId: id.nullable().default(null),
  plannedStart: optionalPartialDateSchema.default(null),
  plannedEnd: optionalPartialDateSchema.default(null),
  actualStart: optionalPartialDateSchema.default(null),
  actualEnd: optionalPartialDateSchema.default(null),
  budget: z
    .object({
      amount: z.number().nonnegative(),
      currency: z.string().regex(/^[A-Z]{3}$/, 'Expected a three-letter currency code'),
    })
    .nullable()
    .default(null),
  outputs: z.array(localizedTextSchema).default([]),
  ...commonContent,
});

// ---------------------------------------------------------------- events

export const EVENT_KINDS = [
  'official-visit',
  'working-visit',
  'governing-body-session',
  'summit',
  'conference',
  'expert-meeting',
  'round-table',
  'bilateral-meeting',
  'training',
  'other',
] as const;

export const PARTICIPANT_ROLES = [
  'head-of-delegation',
  'speaker',
  'participant',
  'host',
  'organizer',
] as const;

export const eventContentSchema = z.object({
  kind: z.enum(EVENT_KINDS),
  title: localizedTextSchema,
  startDate: optionalPartialDateSchema.default(null),
  endDate: optionalPartialDateSchema.default(null),
  city: localizedTextSchema.nullable().default(null),
  countryCode: countryCodeSchema.nullable().default(null),
  organizerId: id.nullable().default(null),
  partnerIds: z.array(id).default([]),
  /** A numbered series, e.g. the IOM Council's sessions (107th) or the CIS council's meetings. */
  series: z
    .object({ name: localizedTextSchema, number: z.int().positive().nullable().default(null) })
    .nullable()
    .default(null),
  participants: z.array(z.object({ personId: id, role: z.enum(PARTICIPANT_ROLES) })).default([]),
  outcomes: localizedTextSchema.nullable().default(null),
  ...commonContent,
});

// ---------------------------------------------------------------- people

export const CONTACT_KINDS = ['email', 'phone', 'address', 'other'] as const;

export const positionSchema = z.object({
  id,
  organizationId: id.nullable().default(null),
  title: localizedTextSchema,
  from: optionalPartialDateSchema.default(null),
  to: optionalPartialDateSchema.default(null),
});
export type Position = z.infer<typeof positionSchema>;

export const personContentSchema = z.object({
  name: localizedTextSchema,
  honorific: z.string().trim().max(40).nullable().default(null),
  positions: z.array(positionSchema).default([]),
  contacts: z
    .array(
      z.object({
        kind: z.enum(CONTACT_KINDS),
        value: z.string().trim().min(1).max(500),
        label: z.string().trim().max(100).nullable().default(null),
      }),
    )
    .default([]),
  /** ISO 639-1 codes of the languages the person works in. */
  languages: z.array(z.string().regex(/^[a-z]{2}$/)).default([]),
  ...commonContent,
});

// ---------------------------------------------------------------- follow-up actions

export const FOLLOW_UP_STATUSES = ['open', 'in-progress', 'done', 'cancelled'] as const;

export const followUpContentSchema = z.object({
  title: localizedTextSchema,
  description: localizedTextSchema.nullable().default(null),
  ownerPersonId: id.nullable().default(null),
  dueDate: optionalPartialDateSchema.default(null),
  status: z.enum(FOLLOW_UP_STATUSES).default('open'),
  /** The event or agreement the action came from. */
  sourceId: id.nullable().default(null),
  ...commonContent,
});

// ---------------------------------------------------------------- documents

/** SHA-256 in lower-case hex: the name a stored file has in the data folder. */
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'Expected a SHA-256 in hex');

/**
 * A file the app keeps, by its content's SHA-256, with the name, media type and size it had when
 * attached. Main stores the bytes; records only carry this reference.
 */
export const documentFileSchema = z.object({
  sha256: sha256Schema,
  name: z.string().min(1).max(255),
  mediaType: z.string().min(1).max(255),
  size: z.int().nonnegative(),
});
export type DocumentFile = z.infer<typeof documentFileSchema>;

export const documentContentSchema = z.object({
  title: localizedTextSchema,
  documentDate: optionalPartialDateSchema.default(null),
  /** The stored file, content-addressed; null while only the reference is known. */
  file: documentFileSchema.nullable().default(null),
  /** Every record the document belongs to, of any kind (ids are unique across kinds). */
  linkedRecordIds: z.array(id).default([]),
  ...commonContent,
});

// ---------------------------------------------------------------- vocabularies

export const areaContentSchema = z.object({
  /** Stable key so imports and exchanges can match areas across registries. */
  code: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Expected a lower-case code like "voluntary-return"'),
  name: localizedTextSchema,
  description: localizedTextSchema.nullable().default(null),
  sensitivity: sensitivitySchema.default('public'),
  tagIds: z.array(id).default([]),
  notes: localizedTextSchema.nullable().default(null),
});

export const tagContentSchema = z.object({
  label: z.string().trim().min(1).max(60),
  color: z
    .string()
    .regex(/^#[0-9a-f]{6}$/i)
    .nullable()
    .default(null),
  sensitivity: sensitivitySchema.default('public'),
});

// ---------------------------------------------------------------- the catalogue

/** Content schema of each record kind; the keys are the kinds and the database table names. */
export const contentSchemas = {
  partners: partnerContentSchema,
  agreements: agreementContentSchema,
  projects: projectContentSchema,
  events: eventContentSchema,
  people: personContentSchema,
  followUps: followUpContentSchema,
  documents: documentContentSchema,
  areas: areaContentSchema,
  tags: tagContentSchema,
} as const;

export type RecordKind = keyof typeof contentSchemas;
export const RECORD_KINDS = Object.keys(contentSchemas) as RecordKind[];

/** What a person writes for a record of kind K (defaults applied). */
export type RecordContent<K extends RecordKind> = z.output<(typeof contentSchemas)[K]>;
/** What a caller may pass when creating one (defaults optional). */
export type RecordContentInput<K extends RecordKind> = z.input<(typeof contentSchemas)[K]>;
/** A stored record: content plus change metadata. */
export type StoredRecord<K extends RecordKind> = RecordContent<K> & RecordMeta;

export type Partner = StoredRecord<'partners'>;
export type Agreement = StoredRecord<'agreements'>;
export type Project = StoredRecord<'projects'>;
export type RegistryEvent = StoredRecord<'events'>;
export type Person = StoredRecord<'people'>;
export type FollowUp = StoredRecord<'followUps'>;
export type RegistryDocument = StoredRecord<'documents'>;
export type ThematicArea = StoredRecord<'areas'>;
export type Tag = StoredRecord<'tags'>;
