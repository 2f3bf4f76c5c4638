import type { Hit, SearchIndex } from './index.js';

/**
 * What ranks an archive's passages for the words of a question: the in-memory BM25 index of this
 * folder (`memoryEngine`), or an engine beside the bot for archives larger than one process's
 * memory (PostgreSQL full-text search with a GIN index over the same passages: measured by
 * `npm run bench -- --steps fts`, see bench/engines/postgres-fts.ts and docs/operations.md).
 * Passage ids are positions in the knowledge base's passage list, whoever ranks them, so the
 * answer layer cuts its excerpts from the same text. Asynchronous, because an engine in another
 * process answers over a connection.
 *
 * The answers themselves read the index directly (phrases, a speaker's passages, spelling
 * corrections and date filters are parts of it); this is the ranking an engine that takes over
 * must give, and the contract the two are compared through.
 */
export interface PassageEngine {
  /** Shown in benchmark rows. */
  readonly name: string;
  /** The best `limit` passages for `query` (the words as typed), best first. */
  search(query: string, limit: number): Promise<Hit[]>;
  /** Releases what the engine holds (a connection, tables made for it); the in-memory one holds nothing. */
  close(): Promise<void>;
}

/**
 * The in-memory index as a PassageEngine: the query read as the answers read it (stop words out,
 * plurals stemmed, typos of non-words corrected, spelling variants and longer forms added at a
 * lower weight), then BM25 over the postings.
 */
export function memoryEngine(index: SearchIndex, name = 'verbatim BM25 (in memory)'): PassageEngine {
  return {
    name,
    search: async (query, limit) => index.search(index.plan(query).terms, limit),
    close: async () => {},
  };
}
