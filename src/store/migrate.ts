/**
 * Versioned schema migrations: numbered `.sql` files in ./migrations (`001_sources.sql`, …),
 * applied in order, all pending ones in one transaction, each recorded in `schema_migrations`.
 * An advisory lock makes processes starting together take turns; the loser finds nothing to do.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { isConnectionLost, withPoolClient } from './pg-faults.js';

/** Any fixed number: the lock only has to be the same in every process of this app. */
const LOCK = 0x76657262; // "verb"

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations shipped with the code (src/store/migrations; copied to dist/ by `npm run build`). */
async function readMigrations(dir = join(dirname(fileURLToPath(import.meta.url)), 'migrations')): Promise<Migration[]> {
  const out: Migration[] = [];
  for (const file of (await readdir(dir)).filter((f) => /^\d+_.+\.sql$/.test(f)).sort()) {
    out.push({ version: Number(file.split('_', 1)[0]), name: file, sql: await readFile(join(dir, file), 'utf8') });
  }
  return out;
}

/** Creates the schema if needed and applies pending migrations; returns the names applied. */
export async function migrate(pool: pg.Pool, schema: string, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await readMigrations());
  // A connection lost during migration fails the start (retried by openStore), never the process.
  return withPoolClient(pool, undefined, async (client) => {
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${client.escapeIdentifier(schema)}`);
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      const applied: string[] = [];
      for (const m of all) {
        if (done.has(m.version)) continue;
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        applied.push(m.name);
      }
      await client.query('COMMIT');
      return applied;
    } catch (err) {
      // The migration's own error is the one to report; a failed rollback only follows from it.
      if (!isConnectionLost(err)) await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  });
}
