/// <reference lib="webworker" />
import { Dexie, liveQuery, type EntityTable } from 'dexie';
import type { RecordKind } from '@shared/model/records';
import { SEARCHABLE_KINDS, toSearchDocument } from '@shared/search/searchDocument';
import {
  createSearchIndex,
  loadSearchIndex,
  searchIndex,
  SEARCH_INDEX_VERSION,
  type SearchIndex,
  type SearchIndexSnapshot,
} from '@shared/search/searchIndex';
import { RegistryDb } from '../../db/RegistryDb';
import type { SearchRequest, SearchResponse, SearchStatus } from './searchProtocol';

/**
 * The search index lives here, off the UI thread: building it for 100,000 records never freezes
 * a screen. It follows the registry through the change log (as the list caches do), and keeps a
 * copy of itself in a separate IndexedDB database, so the next start loads it instead of
 * rebuilding. That copy is a cache: deleting it costs one rebuild, never data. It is saved as
 * typed arrays (see SearchIndexSnapshot), so loading it is a copy, not a parse of a giant JSON.
 */

type CachedIndex = {
  key: 'index';
  version: number;
  registryId: string;
  seq: number;
  documents: number;
  snapshot: SearchIndexSnapshot;
  savedAt: string;
};

class SearchCacheDb extends Dexie {
  declare cache: EntityTable<CachedIndex, 'key'>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ cache: 'key' });
  }
}

/** More changes than this since the saved copy, and a fresh build is quicker than catching up. */
const CATCH_UP_LIMIT = 5_000;
/** Save the copy this long after the last change, so a burst of edits is saved once. */
const SAVE_DELAY_MS = 5_000;
const BUILD_BATCH = 5_000;

const scope = self as unknown as DedicatedWorkerGlobalScope;
let db: RegistryDb | null = null;
let cacheDb: SearchCacheDb | null = null;
let index: SearchIndex | null = null;
let lastSeq = 0;
let registryId = '';
let status: SearchStatus = {
  state: 'starting',
  documents: 0,
  revision: 0,
  progress: 0,
  source: null,
};
let work: Promise<void> = Promise.resolve();
let saveTimer: ReturnType<typeof setTimeout> | null = null;

const post = (message: SearchResponse) => scope.postMessage(message);

function setStatus(patch: Partial<SearchStatus>): void {
  status = { ...status, ...patch };
  post({ type: 'status', status });
}

async function latestSeq(registry: RegistryDb): Promise<number> {
  const key = await registry.changes.orderBy(':id').lastKey();
  return typeof key === 'number' ? key : 0;
}

async function liveCount(registry: RegistryDb): Promise<number> {
  const counts = await Promise.all(
    SEARCHABLE_KINDS.map(async (kind) => {
      const table = registry.recordTable(kind);
      return (await table.count()) - (await table.orderBy('deletedAt').count());
    }),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

/** Reads every searchable record in batches and indexes it, reporting progress. */
async function build(registry: RegistryDb): Promise<void> {
  setStatus({ state: 'building', progress: 0, source: 'rebuilt' });
  const started = performance.now();
  const fresh = createSearchIndex();
  const seq = await latestSeq(registry);
  const total = Math.max(1, await liveCount(registry));
  let done = 0;
  for (const kind of SEARCHABLE_KINDS) {
    const table = registry.recordTable(kind);
    let lastId: string | null = null;
    for (;;) {
      const batch: { id: string; deletedAt: string | null }[] = await (lastId === null
        ? table.orderBy(':id').limit(BUILD_BATCH).toArray()
        : table.where(':id').above(lastId).limit(BUILD_BATCH).toArray());
      if (batch.length === 0) break;
      lastId = batch[batch.length - 1]?.id ?? null;
      for (const record of batch) {
        if (record.deletedAt !== null) continue;
        const document = toSearchDocument(kind, record as never);
        if (document) fresh.add(document);
        done += 1;
      }
      setStatus({ progress: Math.min(1, done / total) });
    }
  }
  fresh.compact();
  fresh.warmUp();
  index = fresh;
  lastSeq = seq;
  setStatus({
    state: 'ready',
    revision: status.revision + 1,
    documents: fresh.documentCount,
    progress: 1,
    buildMs: Math.round(performance.now() - started),
  });
  await save();
}

/** Applies the changes logged since the index last looked; false when a rebuild is due. */
async function catchUp(registry: RegistryDb): Promise<boolean> {
  const current = index;
  if (!current) return false;
  const changes = await registry.changes
    .where(':id')
    .above(lastSeq)
    .limit(CATCH_UP_LIMIT + 1)
    .toArray();
  if (changes.length > CATCH_UP_LIMIT) return false;
  if (changes.length === 0) return true;
  const touched = new Map<string, RecordKind>();
  for (const change of changes) touched.set(change.recordId, change.recordKind);
  for (const [id, kind] of touched) {
    const record = await registry.recordTable(kind).get(id);
    const document =
      record && record.deletedAt === null ? toSearchDocument(kind, record as never) : null;
    if (document) current.add(document);
    else current.remove(id);
  }
  lastSeq = changes.at(-1)?.seq ?? lastSeq;
  setStatus({ documents: current.documentCount, revision: status.revision + 1 });
  scheduleSave();
  return true;
}

function scheduleSave(): void {
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    saveTimer = null;
    work = work.then(save).catch(reportError);
  }, SAVE_DELAY_MS);
}

async function save(): Promise<void> {
  if (!cacheDb || !index) return;
  await cacheDb.cache.put({
    key: 'index',
    version: SEARCH_INDEX_VERSION,
    registryId,
    seq: lastSeq,
    documents: index.documentCount,
    snapshot: index.serialize(),
    savedAt: new Date().toISOString(),
  });
}

/**
 * Loads the saved copy when it belongs to this registry, this index version and a change-log
 * position the registry has reached, and still counts as many records as the registry holds
 * (a restored backup fails that test); otherwise builds afresh.
 */
async function open(databaseName: string): Promise<void> {
  const started = performance.now();
  db = new RegistryDb(databaseName);
  await db.open();
  cacheDb = new SearchCacheDb(`${databaseName}-search-cache`);
  const registry = db;
  const meta = await registry.meta.get('registryId');
  registryId = typeof meta?.value === 'string' ? meta.value : '';
  const saved = await cacheDb.cache.get('index').catch(() => undefined);
  const seq = await latestSeq(registry);
  if (
    saved &&
    saved.version === SEARCH_INDEX_VERSION &&
    saved.registryId === registryId &&
    saved.seq <= seq
  ) {
    setStatus({ state: 'loading', source: 'saved' });
    let loaded: SearchIndex | null = null;
    try {
      loaded = loadSearchIndex(saved.snapshot);
    } catch {
      // A damaged or foreign copy is only a cache: build afresh below.
    }
    loaded?.warmUp();
    index = loaded;
    lastSeq = saved.seq;
    const isCurrent =
      loaded !== null &&
      (await catchUp(registry)) &&
      loaded.documentCount === (await liveCount(registry));
    if (isCurrent) {
      setStatus({
        state: 'ready',
        documents: loaded?.documentCount ?? 0,
        progress: 1,
        loadMs: Math.round(performance.now() - started),
      });
    } else {
      await build(registry);
    }
  } else {
    await build(registry);
  }
  // Every write to the change log fires this; edits show up in search within a moment.
  liveQuery(() => latestSeq(registry)).subscribe({
    next: (latest) => {
      if (latest === lastSeq) return;
      work = work
        .then(async () => {
          if (latest < lastSeq || !(await catchUp(registry))) await build(registry);
        })
        .catch(reportError);
    },
    error: reportError,
  });
}

function reportError(error: unknown): void {
  setStatus({ state: 'failed', error: error instanceof Error ? error.message : String(error) });
}

scope.onmessage = (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'open':
      work = work.then(() => open(request.databaseName)).catch(reportError);
      break;
    case 'query': {
      // Queries wait for pending index work, so a search never sees half an update.
      void work.then(() => {
        const started = performance.now();
        const hits = index ? searchIndex(index, request.query, request.filters, request.limit) : [];
        post({
          type: 'results',
          id: request.id,
          query: request.query,
          hits,
          tookMs: performance.now() - started,
          isReady: status.state === 'ready',
        });
      });
      break;
    }
    case 'rebuild':
      work = work
        .then(async () => {
          if (db) await build(db);
        })
        .catch(reportError);
      break;
  }
};
