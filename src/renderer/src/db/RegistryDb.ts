import { Dexie, type EntityTable, type Table } from 'dexie';
import type {
  Agreement,
  FollowUp,
  Partner,
  Person,
  Project,
  RecordKind,
  RegistryDocument,
  RegistryEvent,
  StoredRecord,
  Tag,
  ThematicArea,
} from '@shared/model/records';
import type {
  changeEntrySchema,
  exchangeLogEntrySchema,
  fieldVersionRowSchema,
  linkEntrySchema,
  peerEntrySchema,
  savedViewSchema,
} from '@shared/model/registryRows';
import type * as z from 'zod';
import { SCHEMA_VERSIONS, type SchemaVersion } from './schema';

/** One entry of the change log (changeEntrySchema): a single write to a single record. */
export type ChangeEntry = z.output<typeof changeEntrySchema>;

/** One reference from a record to another (linkEntrySchema). */
export type LinkEntry = z.output<typeof linkEntrySchema>;

export type MetaEntry = { key: string; value: unknown };

/** A named list view (savedViewSchema). */
export type SavedView = z.output<typeof savedViewSchema>;

/**
 * The registry on disk was written by a newer version of the app. Dexie would open it, but this
 * version does not know the newer rows' shape and could damage them by writing, so it refuses.
 */
export class NewerRegistryError extends Error {
  constructor(
    readonly foundVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      `The registry has schema version ${foundVersion}; this version of the app supports up to ${supportedVersion}`,
    );
    this.name = 'NewerRegistryError';
  }
}

/** A record's field versions as of the merge that last wrote it (fieldVersionRowSchema). */
export type FieldVersionRow = z.output<typeof fieldVersionRowSchema>;

/** Another installation of this registry (peerEntrySchema). */
export type PeerEntry = z.output<typeof peerEntrySchema>;

/** One export or import of a bundle, as the exchange log shows it (exchangeLogEntrySchema). */
export type ExchangeLogEntry = z.output<typeof exchangeLogEntrySchema>;

/** The default database name; tests pass their own so each gets a fresh registry. */
export const REGISTRY_DB_NAME = 'cooperation-registry';

export type RegistryDbOptions = {
  /**
   * 'strict' waits until the write is on disk before a transaction completes. Chromium's default is
   * relaxed, which can lose the last transactions on power loss: bulk writes use a strict connection.
   */
  durability?: 'default' | 'strict' | 'relaxed';
  /** Open only up to this version (migration tests open N−1, then N). */
  versions?: readonly SchemaVersion[];
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
};

/** The registry: every record kind in its own table, typed from src/shared/model. */
export class RegistryDb extends Dexie {
  declare partners: EntityTable<Partner, 'id'>;
  declare agreements: EntityTable<Agreement, 'id'>;
  declare projects: EntityTable<Project, 'id'>;
  declare events: EntityTable<RegistryEvent, 'id'>;
  declare people: EntityTable<Person, 'id'>;
  declare followUps: EntityTable<FollowUp, 'id'>;
  declare documents: EntityTable<RegistryDocument, 'id'>;
  declare areas: EntityTable<ThematicArea, 'id'>;
  declare tags: EntityTable<Tag, 'id'>;
  declare changes: EntityTable<ChangeEntry, 'seq'>;
  declare links: EntityTable<LinkEntry>;
  declare meta: EntityTable<MetaEntry, 'key'>;
  declare savedViews: EntityTable<SavedView, 'id'>;
  declare fieldVersions: EntityTable<FieldVersionRow, 'recordId'>;
  declare peers: EntityTable<PeerEntry, 'deviceId'>;
  declare exchangeLog: EntityTable<ExchangeLogEntry, 'id'>;
  /** The newest schema version this build knows. */
  readonly supportedVersion: number;

  constructor(name: string = REGISTRY_DB_NAME, options: RegistryDbOptions = {}) {
    super(name, {
      chromeTransactionDurability: options.durability ?? 'default',
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    const versions = options.versions ?? SCHEMA_VERSIONS;
    this.supportedVersion = versions.at(-1)?.version ?? 0;
    for (const schema of versions) {
      const version = this.version(schema.version).stores(schema.stores);
      if (schema.upgrade) version.upgrade(schema.upgrade);
    }
    this.on('versionchange', () => {
      // Another window or launch is upgrading (or deleting) the registry. Dexie's default handler
      // closes and reopens on the next query, which would let this build's code write into a
      // schema it does not know. Stay closed instead (the UI asks the user to reload), and return
      // false: Dexie calls versionchange listeners newest first, and false keeps its default away.
      this.close({ disableAutoOpen: true });
      return false;
    });
    this.on('populate', (transaction) => {
      // A registry's identity, so an exchange bundle meant for another registry can be recognised.
      void transaction.table('meta').add({ key: 'registryId', value: crypto.randomUUID() });
    });
  }

  /** Opens the database, refusing one that a newer version of the app has upgraded. */
  async openChecked(): Promise<this> {
    await this.open();
    // Dexie stores version N as native version N×10 (+1 per schema patch it applies itself).
    const installed = Math.floor(this.backendDB().version / 10);
    if (installed > this.supportedVersion) {
      this.close();
      throw new NewerRegistryError(installed, this.supportedVersion);
    }
    return this;
  }

  /** The table holding records of one kind. */
  recordTable<K extends RecordKind>(kind: K): Table<StoredRecord<K>, string, StoredRecord<K>> {
    return this.table(kind);
  }
}
