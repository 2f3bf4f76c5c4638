/**
 * PostgreSQL full-text search behind the PassageEngine interface (src/search/engine.ts): the engine
 * that would take over past one process's memory, measured on the same passages and queries as
 * the in-memory index (`npm run bench -- --steps fts`).
 *
 * One table in a schema of its own (`bench_fts_<pid>` in the given database, dropped by close()),
 * so the store's tables are never touched: id (the passage's position), speaker and text, and a
 * stored tsvector of speaker + text with the `english` configuration (Snowball stemming, its stop
 * words), under a GIN index. A query is read with plainto_tsquery (every word, stemmed), ranked
 * by ts_rank_cd; when fewer than `limit` passages hold every word (a typo, a word the sources do
 * not use, a long pasted line), the words are OR-ed and ranked the same way, as a user of
 * PostgreSQL would do. PostgreSQL has no typo tolerance of its own (pg_trgm over a word list is
 * a separate build), so a misspelt word matches nothing here.
 */
import pg from 'pg';
import type { Hit } from '../../src/search/index.js';
import type { PassageEngine } from '../../src/search/engine.js';

export interface FtsDoc {
  id: number;
  speaker: string;
  text: string;
}

/** Rows sent per INSERT: big enough that round trips do not dominate, small enough for one message. */
const BATCH = 2_000;

export interface PostgresFts extends PassageEngine {
  /** Where the table is (schema-qualified). */
  table: string;
  /** Bytes of the table (heap + TOAST) and of its GIN index, as PostgreSQL reports them after the build. */
  tableBytes: number;
  indexBytes: number;
}

/** Loads `docs` into a new table, builds the GIN index and analyses it; the engine answers from it. */
export async function buildPostgresFts(url: string, docs: readonly FtsDoc[]): Promise<PostgresFts> {
  // A URL without a user name (the tests' default) connects as the shell's user, as psql does.
  const target = new URL(url);
  if (!target.username) target.username = process.env.PGUSER || process.env.USER || 'postgres';
  const client = new pg.Client({ connectionString: target.toString(), application_name: 'verbatim-bench-fts' });
  await client.connect();
  const schema = `bench_fts_${process.pid}`;
  const table = `${schema}.passages`;
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(`CREATE TABLE ${table} (id integer PRIMARY KEY, speaker text NOT NULL, body text NOT NULL, tsv tsvector NOT NULL)`);
    for (let from = 0; from < docs.length; from += BATCH) {
      const batch = docs.slice(from, from + BATCH);
      await client.query(
        `INSERT INTO ${table} (id, speaker, body, tsv)
         SELECT id, speaker, body, to_tsvector('english', speaker || ' ' || body) FROM unnest($1::integer[], $2::text[], $3::text[]) AS t(id, speaker, body)`,
        [batch.map((d) => d.id), batch.map((d) => d.speaker), batch.map((d) => stripNul(d.text))],
      );
    }
    await client.query(`CREATE INDEX ON ${table} USING gin (tsv)`);
    await client.query(`ANALYZE ${table}`);
    const sizes = await client.query<{ table: string; index: string }>(
      `SELECT pg_table_size($1::regclass)::text AS table, pg_indexes_size($1::regclass)::text AS index`,
      [table],
    );
    // Prepared once: the per-query cost is then the search alone.
    const all = {
      name: `${schema}-all`,
      text: `SELECT id, ts_rank_cd(tsv, q) AS score FROM ${table}, (SELECT plainto_tsquery('english', $1) AS q) AS query WHERE tsv @@ q ORDER BY score DESC, id LIMIT $2`,
    };
    const any = {
      name: `${schema}-any`,
      text: `SELECT id, ts_rank_cd(tsv, q) AS score FROM ${table}, (SELECT replace(plainto_tsquery('english', $1)::text, ' & ', ' | ')::tsquery AS q) AS query WHERE tsv @@ q ORDER BY score DESC, id LIMIT $2`,
    };
    const search = async (query: string, limit: number): Promise<Hit[]> => {
      const text = stripNul(query);
      const every = await client.query<{ id: number; score: number }>({ ...all, values: [text, limit] });
      const hits: Hit[] = every.rows.map((r) => ({ passage: r.id, score: r.score }));
      if (hits.length >= limit) return hits;
      const seen = new Set(hits.map((h) => h.passage));
      const some = await client.query<{ id: number; score: number }>({ ...any, values: [text, limit] });
      for (const r of some.rows) if (hits.length < limit && !seen.has(r.id)) hits.push({ passage: r.id, score: r.score });
      return hits;
    };
    return {
      name: 'PostgreSQL 15 full-text (GIN, ts_rank_cd)',
      table,
      tableBytes: Number(sizes.rows[0]?.table ?? 0),
      indexBytes: Number(sizes.rows[0]?.index ?? 0),
      search,
      close: async () => {
        try {
          await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        } finally {
          await client.end();
        }
      },
    };
  } catch (err) {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
    await client.end();
    throw err;
  }
}

/** PostgreSQL text cannot hold U+0000. */
const stripNul = (s: string) => s.replaceAll('\u0000', '');
