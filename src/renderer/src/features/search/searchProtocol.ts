import type { SearchFilters, SearchHit } from '@shared/search/searchIndex';

/** Where the search index stands, as Settings and the search dialog show it. */
export type SearchStatus = {
  state: 'starting' | 'loading' | 'building' | 'ready' | 'failed';
  documents: number;
  /** Grows with every change to the index, so open results search again. */
  revision: number;
  /** 0–1 while building. */
  progress: number;
  /** Whether the index came from the saved copy or was built afresh. */
  source: 'saved' | 'rebuilt' | null;
  buildMs?: number;
  loadMs?: number;
  error?: string;
};

/** Messages to the search worker. */
export type SearchRequest =
  | { type: 'open'; databaseName: string }
  | { type: 'query'; id: number; query: string; filters: SearchFilters; limit: number }
  | { type: 'rebuild' };

/** Messages from the search worker. */
export type SearchResponse =
  | { type: 'status'; status: SearchStatus }
  | {
      type: 'results';
      id: number;
      query: string;
      hits: SearchHit[];
      tookMs: number;
      isReady: boolean;
    };
