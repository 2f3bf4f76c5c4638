/**
 * The PostgreSQL store (`DATABASE_URL`): the system of record when a host's disk does not last or
 * several machines answer. Every write bumps one change counter and sends NOTIFY in the same
 * transaction; every process LISTENs (src/store/follow.ts). Parameters only, never SQL built from
 * values; the one identifier (the schema) is validated and escaped.
 */
import pg from 'pg';
import { foldSidecars, parseSidecar, SIDECAR_SUFFIX, type FileStat, type Pause } from '../knowledge/load.js';
import type { Logger } from '../log.js';
import { follow, type Follower } from './follow.js';
import { migrate } from './migrate.js';
import { checkFileName, isCollection, StoreError } from './names.js';
import { connectionConfig, describeUrl, readRows, sha256, writeFile } from './pg-rows.js';
import { joinCollection, parseRows } from './records.js';
import type { KnowledgeStore, Provenance, PutResult, StoreHealth, StoredFile } from './types.js';

export interface PostgresOptions {
  url: string;
  /** Schema holding the tables (created if missing): lets several apps or tests share a database. */
  schema: string;
  log?: Logger;
  /** Connections in the pool (the listener has its own). */
  max?: number;
}

export { connectionConfig };

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

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
  pool.on('error', (err) =>
    options.log?.warn({ err: { message: err.message, code: (err as { code?: string }).code } }, 'database connection lost (pool)'),
  );
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
      return foldSidecars(rows.filter((r) => r.name !== null).map((r) => ({ path: r.name!, size: Number(r.size), mtimeMs: Number(r.version) })));
    },
    async read(file: FileStat, pause?: Pause) {
      // A reload that fails half-way has not loaded the counter it stat'ed: forget it, so the next
      // comparison (after a reconnect, or the periodic one) reloads again.
      const [rows, sidecar] = await Promise.all([readRows(pool, file.path), readRows(pool, `${file.path}${SIDECAR_SUFFIX}`)]).catch(
        (err: unknown) => {
          statCounter = null;
          throw err;
        },
      );
      if (!rows) return { ...file, articles: [], problems: [] };
      // Its provenance (an added page's charset, given date, who added it from which server), as the folder reads it.
      let fields: Record<string, unknown> = {};
      try {
        if (sidecar?.rows[0]) fields = parseSidecar(Buffer.from(sidecar.rows[0].bytes).toString('utf8'), file.path);
      } catch (err) {
        return { ...file, articles: [], problems: [{ file: file.path, reason: (err as Error).message }] };
      }
      return parseRows(file, rows.collection, rows.rows, pause, fields);
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
        await writeFile(c, { name, bytes, sha, collection, provenance, version: next });
        return true;
      });
      return { name, sha256: sha, changed: done !== null, counter: done?.counter ?? (await counter()) };
    },
    async list(): Promise<StoredFile[]> {
      const { rows } = await pool.query<{
        name: string;
        size: string;
        sha256: string;
        version: string;
        url: string | null;
        retrieved: Date | null;
        added_by: string | null;
        scopes: string[] | null;
      }>('SELECT name, size::text, sha256, version::text, url, retrieved, added_by, scopes FROM files ORDER BY name COLLATE "C"');
      return rows.map((r) => ({
        name: r.name,
        size: Number(r.size),
        sha256: r.sha256,
        version: Number(r.version),
        provenance: { url: r.url, retrieved: r.retrieved ? r.retrieved.toISOString() : null, addedBy: r.added_by },
        scopes: r.scopes,
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
