import { liveQuery, type Subscription } from 'dexie';
import type { RecordKind, StoredRecord } from '@shared/model/records';
import type { RegistryDb } from './RegistryDb';

/** More changes than this since the last look, and re-reading the table is cheaper than patching. */
const RELOAD_THRESHOLD = 2_000;

export type RecordCacheSnapshot<K extends RecordKind> = {
  /** Live (not deleted) records, in no particular order. The array is replaced on every change. */
  records: readonly StoredRecord<K>[];
  byId: ReadonlyMap<string, StoredRecord<K>>;
};

/**
 * The live records of one kind, held in memory and kept current from the change log.
 *
 * A list of 100,000 records cannot afford to re-read its table on every edit, as a plain
 * `useLiveQuery(() => table.toArray())` does. This cache reads the table once, then on each new
 * change-log entry re-reads only the records that changed. It relies on changeTracking being the
 * registry's only write path, which logs every create, update, delete and restore. A record that
 * did not change keeps its object identity, so per-row work can be memoized on it.
 */
export class RecordCache<K extends RecordKind> {
  private readonly byId = new Map<string, StoredRecord<K>>();
  private snapshot: RecordCacheSnapshot<K> | undefined;
  private lastSeq = 0;
  private readonly listeners = new Set<() => void>();
  private subscription: Subscription | null = null;
  private work: Promise<void> = Promise.resolve();
  private error: Error | null = null;

  constructor(
    private readonly db: RegistryDb,
    readonly kind: K,
    private readonly options: { reloadThreshold: number } = { reloadThreshold: RELOAD_THRESHOLD },
  ) {}

  /** For useSyncExternalStore: starts watching on the first listener, stops after the last. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.subscription) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  };

  /** The current records, or undefined until the first read finished. Throws a read failure. */
  getSnapshot = (): RecordCacheSnapshot<K> | undefined => {
    if (this.error) throw this.error;
    return this.snapshot;
  };

  /** Resolves once everything logged so far is reflected, for tests and for callers about to read. */
  async settled(): Promise<void> {
    await this.work;
    const latest = await this.latestSeq();
    if (latest > this.lastSeq || !this.snapshot) {
      await this.enqueue();
    }
  }

  private start(): void {
    // Any write to the change log makes this query's result change, and the observable fire.
    this.subscription = liveQuery(() => this.latestSeq()).subscribe({
      next: () => void this.enqueue(),
      error: (error: unknown) => this.fail(error),
    });
  }

  private stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    // Keep the records: coming back to a list is then instant, and the next start catches up.
  }

  private latestSeq(): Promise<number> {
    return this.db.changes
      .orderBy(':id')
      .lastKey()
      .then((key) => (typeof key === 'number' ? key : 0));
  }

  /** Catch-ups run one after another, so two never interleave their reads. */
  private enqueue(): Promise<void> {
    this.work = this.work.then(() => this.catchUp()).catch((error: unknown) => this.fail(error));
    return this.work;
  }

  private async catchUp(): Promise<void> {
    const { db, kind } = this;
    const table = db.recordTable(kind);
    await db.transaction('r', [table, db.changes], async () => {
      if (!this.snapshot) {
        await this.reload();
        return;
      }
      const changes = await db.changes
        .where(':id')
        .above(this.lastSeq)
        .limit(this.options.reloadThreshold + 1)
        .toArray();
      if (changes.length === 0) return;
      if (changes.length > this.options.reloadThreshold) {
        await this.reload();
        return;
      }
      const ids = [
        ...new Set(
          changes.filter((change) => change.recordKind === kind).map((change) => change.recordId),
        ),
      ];
      this.lastSeq = changes.at(-1)?.seq ?? this.lastSeq;
      if (ids.length === 0) return;
      const records = await table.bulkGet(ids);
      ids.forEach((id, index) => {
        const record = records[index];
        if (record && record.deletedAt === null) this.byId.set(id, record);
        else this.byId.delete(id);
      });
      this.publish();
    });
  }

  /** Reads the whole table and the change log's position in one read transaction. */
  private async reload(): Promise<void> {
    const seq = await this.latestSeq();
    const all = await this.db.recordTable(this.kind).toArray();
    // Keep the identity of records that did not change, so memoized rows survive a reload.
    const previous = new Map(this.byId);
    this.byId.clear();
    for (const record of all) {
      if (record.deletedAt !== null) continue;
      const old = previous.get(record.id);
      this.byId.set(record.id, old && old.rev === record.rev ? old : record);
    }
    this.lastSeq = seq;
    this.publish();
  }

  private publish(): void {
    this.error = null;
    this.snapshot = { records: [...this.byId.values()], byId: new Map(this.byId) };
    for (const listener of this.listeners) listener();
  }

  private fail(error: unknown): void {
    this.error = error instanceof Error ? error : new Error(String(error));
    for (const listener of this.listeners) listener();
  }
}

const caches = new WeakMap<RegistryDb, Map<RecordKind, RecordCache<RecordKind>>>();

/** The one cache of a kind for a database connection, shared by every list, picker and page. */
export function recordCache<K extends RecordKind>(db: RegistryDb, kind: K): RecordCache<K> {
  let perKind = caches.get(db);
  if (!perKind) {
    perKind = new Map();
    caches.set(db, perKind);
  }
  let cache = perKind.get(kind);
  if (!cache) {
    cache = new RecordCache(db, kind);
    perKind.set(kind, cache);
  }
  return cache as unknown as RecordCache<K>;
}
