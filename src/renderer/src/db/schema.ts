import type { Transaction } from 'dexie';

/**
 * One version of the database schema. Versions are append-only: a version that has shipped is
 * never edited; every change adds a version with the full store list and, when rows must change
 * shape, a named upgrade function with its own test (see migrations.test.ts).
 */
export type SchemaVersion = {
  version: number;
  /** Why this version exists, for the engineer reading the list a year later. */
  reason: string;
  stores: Record<string, string | null>;
  upgrade?: (transaction: Transaction) => Promise<void>;
};

/**
 * Record tables: primary key `id`, then the indexes lists and detail pages query by. `deletedAt`
 * is null for live records and IndexedDB leaves null keys out of an index, so that index holds
 * exactly the records in Trash, in the order they were deleted.
 */
const RECORD_STORES = {
  partners: 'id, kind, parentId, countryCode, updatedAt, deletedAt, *areaIds, *tagIds',
  agreements: 'id, kind, updatedAt, deletedAt, *areaIds, *tagIds',
  projects:
    'id, status, programmeId, agreementId, actualStart, updatedAt, deletedAt, *areaIds, *tagIds',
  events:
    'id, kind, startDate, organizerId, countryCode, updatedAt, deletedAt, *partnerIds, *areaIds, *tagIds',
  people: 'id, updatedAt, deletedAt, *areaIds, *tagIds',
  followUps:
    'id, status, dueDate, ownerPersonId, sourceId, updatedAt, deletedAt, *areaIds, *tagIds',
  documents: 'id, documentDate, updatedAt, deletedAt, *linkedRecordIds, *areaIds, *tagIds',
  areas: 'id, &code, updatedAt, deletedAt',
  tags: 'id, label, updatedAt, deletedAt',
} as const;

const VERSION_1_STORES = {
  ...RECORD_STORES,
  /** Every write, field by field: history, and "what changed since" for exchange bundles. */
  changes: '++seq, recordId, at',
  /** Who links to whom, kept by the mutation functions, for detail pages and delete checks. */
  links: '[sourceId+field+targetId], targetId, sourceId',
  /** Registry-wide facts such as the registry's own id. */
  meta: 'key',
} as const;

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    reason: 'The first registry: record tables, the change log, the reverse-link index and meta.',
    stores: VERSION_1_STORES,
  },
  {
    version: 2,
    reason:
      'Saved list views: named filters, sorts and columns, per list. A new table; no rows move.',
    stores: {
      ...VERSION_1_STORES,
      /** A user's named list views; not records, so never in the change log or exchanges. */
      savedViews: 'id, kind',
    },
  },
  {
    version: 3,
    reason:
      'Dashboard: agreements indexed by expiry and renewal-notice date, follow-ups by status and due ' +
      'date together, so "expiring soon" and "overdue" are index ranges, never table scans. ' +
      'IndexedDB fills new indexes from the rows already there; no rows move.',
    stores: {
      ...VERSION_1_STORES,
      savedViews: 'id, kind',
      agreements:
        'id, kind, expiryDate, renewalNoticeDate, updatedAt, deletedAt, *areaIds, *tagIds',
      followUps:
        'id, status, dueDate, [status+dueDate], ownerPersonId, sourceId, updatedAt, deletedAt, *areaIds, *tagIds',
    },
  },
  {
    version: 4,
    reason:
      'Exchange bundles between laptops: field versions of merged records, the peers this ' +
      'installation exchanges with, and the exchange log. New tables; no rows move (field versions ' +
      'of records never merged are derived from the change log).',
    stores: {
      ...VERSION_1_STORES,
      savedViews: 'id, kind',
      agreements:
        'id, kind, expiryDate, renewalNoticeDate, updatedAt, deletedAt, *areaIds, *tagIds',
      followUps:
        'id, status, dueDate, [status+dueDate], ownerPersonId, sourceId, updatedAt, deletedAt, *areaIds, *tagIds',
      /** Per record: field versions as of its last merge; later local writes come from `changes`. */
      fieldVersions: 'recordId',
      /** Other installations of this registry: what was last sent to and received from each. */
      peers: 'deviceId',
      /** Every export and import of a bundle, with its counts and result. */
      exchangeLog: '++id, at',
    },
  },
];

export const LATEST_SCHEMA_VERSION = SCHEMA_VERSIONS.at(-1)?.version ?? 0;
