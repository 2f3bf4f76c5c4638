/**
 * The PostgreSQL store (`DATABASE_URL`): the system of record when a host's disk does not last or
 * several machines answer. Every write bumps one change counter and sends NOTIFY in the same
 * transaction; every process LISTENs (src/store/follow.ts). Parameters only, never SQL built from
 * values; the one identifier (the schema) is validated and escaped.
 */
import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import pg from 'pg';
import type { FileStat, Pause } from '../knowledge/load.js';
import { parseKnowledgeBytes } from '../knowledge/load.js';
import type { Logger } from '../log.js';
import { follow, type Follower } from './follow.js';
import { migrate } from './migrate.js';
import { checkFileName, isCollection, StoreError } from './names.js';
import { joinCollection, parseRows, splitCollection, type Row } from './records.js';
import type { KnowledgeStore, Provenance, PutResult, StoreHealth, StoredFile } from './types.js';

/** Rows inserted per statement when a large JSONL collection is stored. */
const BATCH = 500;

export interface PostgresOptions {
  url: string;
  /** Schema holding the tables (created if missing): lets several apps or tests share a database. */
  schema: string;
  log?: Logger;
  /** Connections in the pool (the listener has its own). */
  max?: number;
}

export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Where a URL points, without its password, for logs. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

/**
 * Connection settings for a URL. A URL without a user name means the operating-system user, as
 * for psql and libpq (pg alone would read $USER, which a service manager may not set).
 */
export function connectionConfig(url: string): pg.ClientConfig {
  try {
    const u = new URL(url);
    if (!u.username && u.hostname) {
      u.username = userInfo().username;
      return { connectionString: u.toString() };
    }
  } catch {
    // pg reports an unparsable URL itself.
  }
  return { connectionString: url };
}

export type PostgresStore = KnowledgeStore & { readonly pool: pg.Pool; readonly channel: string };

/** Connects, migrates the schema, and returns the store (throws when the database cannot be reached). */
export async function openPostgresStore(options: PostgresOptions): Promise<PostgresStore> {
  if (!SCHEMA_NAME.test(options.schema)) throw new StoreError(`DATABASE_SCHEMA "${options.schema}" must be lower-case letters, digits and _`);
  const config: pg.PoolConfig = {
    ...connectionConfig(options.url),
    options: `-c search_path=${options.schema}`,
    max: options.max ?? 4,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
  };
  const pool = new pg.Pool(config);
  // An idle connection dropped by a server restart must not crash the process: the pool replaces it.
  pool.on('error', (err) => options.log?.warn({ err: { message: err.message, code: (err as { code?: string }).code } }, 'database connection lost (pool)'));
  try {
    const applied = await migrate(pool, options.schema);
    if (applied.length) options.log?.info({ applied, schema: options.schema }, 'database migrated');
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  const label = `postgres ${describeUrl(options.url)} schema ${options.schema}`;
  const channel = `verbatim_${options.schema}`;
  let lastCounter = '0';
  let follower: Follower | null = null;
  let statCounter: string | null = null;

  async function counter(): Promise<string> {
    const { rows } = await pool.query<{ counter: string }>('SELECT counter::text FROM store_state');
    lastCounter = rows[0]?.counter ?? '0';
    return lastCounter;
  }

  /** Runs `work` in a transaction that owns the change counter (writers take turns on its row). */
  async function write<T>(work: (c: pg.PoolClient, next: string) => Promise<T | null>): Promise<{ result: T; counter: string } | null> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ counter: string }>('UPDATE store_state SET counter = counter + 1 RETURNING counter::text');
      const next = rows[0]!.counter;
      const result = await work(client, next);
      if (result === null) {
        await client.query('ROLLBACK');
        return null;
      }
      // Delivered at commit, to every listener of this schema's channel on any machine.
      await client.query('SELECT pg_notify($1, $2)', [channel, next]);
      await client.query('COMMIT');
      lastCounter = next;
      return { result, counter: next };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  const store: PostgresStore = {
    kind: 'postgres',
    noun: 'the database',
    label,
    identity: `postgres:${describeUrl(options.url)}:${options.schema}`,
    pool,
    channel,
    async stat(): Promise<FileStat[]> {
      // One statement: the counter and the files as of the same moment.
      const { rows } = await pool.query<{ counter: string; name: string | null; size: string; version: string }>(
        'SELECT s.counter::text, f.name, f.size::text, f.version::text FROM store_state s LEFT JOIN files f ON true ORDER BY f.name COLLATE "C"',
      );
      statCounter = rows[0]?.counter ?? '0';
      lastCounter = statCounter;
      return rows.filter((r) => r.name !== null).map((r) => ({ path: r.name!, size: Number(r.size), mtimeMs: Number(r.version) }));
    },
    async read(file: FileStat, pause?: Pause) {
      // A reload that fails half-way has not loaded the counter it stat'ed: forget it, so the next
      // comparison (after a reconnect, or the periodic one) reloads again.
      const rows = await readRows(pool, file.path).catch((err: unknown) => {
        statCounter = null;
        throw err;
      });
      if (!rows) return { ...file, articles: [], problems: [] };
      return parseRows(file, rows.collection, rows.rows, pause);
    },
    async snapshotKey(fresh) {
      if (fresh || statCounter === null) return `counter:${await counter()}`;
      return `counter:${statCounter}`;
    },
    watch(onChange) {
      follower?.stop();
      const current = follow({ url: options.url, channel, log: options.log, counter, lastSeen: () => statCounter, onChange });
      follower = current;
      return () => {
        current.stop();
        if (follower === current) follower = null;
      };
    },
    health(): StoreHealth {
      return { store: 'postgres', counter: lastCounter, ...(follower ? follower.health() : { state: 'ok' as const }) };
    },
    async put(bytes, fileName, provenance: Provenance = {}): Promise<PutResult> {
      const name = checkFileName(fileName);
      const sha = sha256(bytes);
      const collection = isCollection(name);
      const done = await write(async (c, next) => {
        const before = await c.query<{ sha256: string }>('SELECT sha256 FROM files WHERE name = $1', [name]);
        if (before.rows[0]?.sha256 === sha) return null;
        const split = collection ? splitCollection(bytes) : { lines: 1, rows: [{ line: 0, bytes }] };
        await c.query(
          `INSERT INTO files (name, format, line_count, size, sha256, url, retrieved, added_by, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (name) DO UPDATE SET format = $2, line_count = $3, size = $4, sha256 = $5, url = $6, retrieved = $7,
             added_by = $8, version = $9, changed_at = now()`,
          [name, collection ? 'collection' : 'file', collection ? split.lines : null, bytes.length, sha, provenance.url ?? null, provenance.retrieved ?? null, provenance.addedBy ?? null, next],
        );
        await c.query('DELETE FROM sources WHERE file = $1', [name]);
        const metas = collection ? split.rows.map(recordMeta) : [await fileMeta(name, bytes)];
        for (let i = 0; i < split.rows.length; i += BATCH) {
          const batch = split.rows.slice(i, i + BATCH);
          await c.query(
            'INSERT INTO sources (file, line, bytes, sha256, meta) SELECT $1, * FROM unnest($2::int[], $3::bytea[], $4::text[], $5::jsonb[])',
            [name, batch.map((r) => r.line), batch.map((r) => Buffer.from(r.bytes)), batch.map((r) => sha256(r.bytes)), metas.slice(i, i + BATCH).map((m) => JSON.stringify(m))],
          );
        }
        return true;
      });
      return { name, sha256: sha, changed: done !== null, counter: done?.counter ?? (await counter()) };
    },
    async list(): Promise<StoredFile[]> {
      const { rows } = await pool.query<{ name: string; size: string; sha256: string; version: string; url: string | null; retrieved: Date | null; added_by: string | null }>(
        'SELECT name, size::text, sha256, version::text, url, retrieved, added_by FROM files ORDER BY name COLLATE "C"',
      );
      return rows.map((r) => ({
        name: r.name, size: Number(r.size), sha256: r.sha256, version: Number(r.version),
        provenance: { url: r.url, retrieved: r.retrieved ? r.retrieved.toISOString() : null, addedBy: r.added_by },
      }));
    },
    async get(fileName) {
      const found = await readRows(pool, checkFileName(fileName));
      if (!found) return null;
      return found.collection ? joinCollection(found.lines, found.rows) : Buffer.from(found.rows[0]?.bytes ?? new Uint8Array());
    },
    async remove(fileName) {
      const name = checkFileName(fileName);
      const done = await write(async (c) => ((await c.query('DELETE FROM files WHERE name = $1', [name])).rowCount ? true : null));
      return done !== null;
    },
    counter,
    async close() {
      follower?.stop();
      follower = null;
      await pool.end();
    },
  };
  await counter();
  return store;
}

async function readRows(pool: pg.Pool, name: string): Promise<{ collection: boolean; lines: number; rows: Row[] } | null> {
  const file = await pool.query<{ format: string; line_count: number | null }>('SELECT format, line_count FROM files WHERE name = $1', [name]);
  const head = file.rows[0];
  if (!head) return null;
  const { rows } = await pool.query<{ line: number; bytes: Buffer }>('SELECT line, bytes FROM sources WHERE file = $1 ORDER BY line', [name]);
  return { collection: head.format === 'collection', lines: head.line_count ?? 1, rows };
}

/** What a reader of the table wants to see of a record; the bytes stay the truth. */
function recordMeta(row: Row): Record<string, unknown> {
  try {
    const r = JSON.parse(Buffer.from(row.bytes).toString('utf8')) as Record<string, unknown>;
    if (!r || typeof r !== 'object' || Array.isArray(r)) return {};
    const pick = (k: string) => (typeof r[k] === 'string' ? clean(r[k] as string) : undefined);
    return { id: pick('id'), title: pick('title'), date: pick('date'), publisher: pick('publisher'), url: pick('url') };
  } catch {
    return {};
  }
}

async function fileMeta(name: string, bytes: Uint8Array): Promise<Record<string, unknown>> {
  const { articles } = await parseKnowledgeBytes({ path: name, size: bytes.length, mtimeMs: 0 }, bytes);
  const a = articles[0];
  return a ? { id: clean(a.id), title: clean(a.title), date: a.date, publisher: a.publisher && clean(a.publisher), url: a.url && clean(a.url) } : {};
}

/** jsonb refuses NUL; the metadata is for reading, so it is cut short and cleaned. */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u0000/g, '').slice(0, 500);
}
