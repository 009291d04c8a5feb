import { useEffect, useState, useSyncExternalStore } from 'react';
import type { SearchFilters, SearchHit } from '@shared/search/searchIndex';
import { useRegistry } from '../../app/RegistryContext';
import type { SearchRequest, SearchResponse, SearchStatus } from './searchProtocol';

export type SearchAnswer = { query: string; hits: SearchHit[]; tookMs: number; isReady: boolean };

/**
 * The UI's handle on the search worker: one worker per registry, started on first use and kept
 * for the session, so the index is built or loaded once.
 */
export class SearchClient {
  private readonly worker: Worker;
  private status: SearchStatus = {
    state: 'starting',
    documents: 0,
    revision: 0,
    progress: 0,
    source: null,
  };
  private readonly listeners = new Set<() => void>();
  private readonly pending = new Map<number, (answer: SearchAnswer) => void>();
  private nextId = 1;

  constructor(databaseName: string) {
    this.worker = new Worker(new URL('./searchWorker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<SearchResponse>) => {
      const message = event.data;
      if (message.type === 'status') {
        this.status = message.status;
        for (const listener of this.listeners) listener();
      } else {
        this.pending.get(message.id)?.(message);
        this.pending.delete(message.id);
      }
    };
    this.send({ type: 'open', databaseName });
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getStatus = () => this.status;

  search(query: string, filters: SearchFilters = {}, limit = 60): Promise<SearchAnswer> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ type: 'query', id, query, filters, limit });
    });
  }

  rebuild(): void {
    this.send({ type: 'rebuild' });
  }

  private send(request: SearchRequest): void {
    this.worker.postMessage(request);
  }
}

const clients = new Map<string, SearchClient>();

/** The search client of the open registry (started on first call). */
export function useSearchClient(): SearchClient {
  const { db } = useRegistry();
  let client = clients.get(db.name);
  if (!client) {
    client = new SearchClient(db.name);
    clients.set(db.name, client);
  }
  return client;
}

export function useSearchStatus(): SearchStatus {
  const client = useSearchClient();
  return useSyncExternalStore(client.subscribe, client.getStatus);
}

/**
 * Results for a query as the user types: only the latest query's answer is kept, so a slow
 * answer to "re" never replaces the answer to "readm". Searches again when the index changes.
 */
export function useSearchResults(query: string, filters: SearchFilters): SearchAnswer | null {
  const client = useSearchClient();
  const status = useSearchStatus();
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  const filterKey = JSON.stringify(filters);
  useEffect(() => {
    let isCurrent = true;
    if (query.trim() === '') return;
    void client.search(query, JSON.parse(filterKey) as SearchFilters).then((result) => {
      if (isCurrent) setAnswer(result);
    });
    return () => {
      isCurrent = false;
    };
  }, [client, query, filterKey, status.revision, status.state]);
  return query.trim() === '' ? null : answer;
}
