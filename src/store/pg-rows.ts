/**
 * The SQL of the PostgreSQL store's rows: writing one file (its sources, metadata, provenance)
 * and reading it back; connection settings. Parameters only.
 */
import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import type pg from 'pg';
import { parseKnowledgeBytes, parseSidecar, SIDECAR_SUFFIX } from '../knowledge/load.js';
import { scopeFields } from '../knowledge/scope.js';
import { splitCollection, type Row } from './records.js';
import type { Provenance } from './types.js';

/** Rows inserted per statement when a large JSONL collection is stored. */
const BATCH = 500;

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

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

/** Replaces one file's row and its sources, inside the caller's transaction. */
export async function writeFile(
  c: pg.PoolClient,
  f: { name: string; bytes: Uint8Array; sha: string; collection: boolean; provenance: Provenance; version: string },
): Promise<void> {
  const { name, bytes, sha, collection, provenance } = f;
  const next = f.version;
  const split = collection ? splitCollection(bytes) : { lines: 1, rows: [{ line: 0, bytes }] };
  const owner = name.endsWith(SIDECAR_SUFFIX) ? name.slice(0, -SIDECAR_SUFFIX.length) : name;
  // Written sidecar first (import, add): the source's metadata is read with its provenance, as the loader reads it.
  const sidecar = owner === name ? await sidecarOf(c, name) : {};
  await c.query(
    `INSERT INTO files (name, format, line_count, size, sha256, url, retrieved, added_by, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (name) DO UPDATE SET format = $2, line_count = $3, size = $4, sha256 = $5, url = $6, retrieved = $7,
       added_by = $8, version = $9, changed_at = now()`,
    [
      name,
      collection ? 'collection' : 'file',
      collection ? split.lines : null,
      bytes.length,
      sha,
      provenance.url ?? null,
      provenance.retrieved ?? null,
      provenance.addedBy ?? null,
      next,
    ],
  );
  await c.query('DELETE FROM sources WHERE file = $1', [name]);
  const metas = collection ? split.rows.map(recordMeta) : [owner === name ? await fileMeta(name, bytes, sidecar) : {}];
  for (let i = 0; i < split.rows.length; i += BATCH) {
    const batch = split.rows.slice(i, i + BATCH);
    await c.query('INSERT INTO sources (file, line, bytes, sha256, meta) SELECT $1, * FROM unnest($2::int[], $3::bytea[], $4::text[], $5::jsonb[])', [
      name,
      batch.map((r) => r.line),
      batch.map((r) => Buffer.from(r.bytes)),
      batch.map((r) => sha256(r.bytes)),
      metas.slice(i, i + BATCH).map((m) => JSON.stringify(m)),
    ]);
  }
  if (owner === name) return refreshFromSidecar(c, name, sidecar);
  const fields = await sidecarOf(c, owner);
  await refreshFromSidecar(c, owner, fields);
  const { rows } = await c.query<{ bytes: Buffer }>(
    "SELECT s.bytes FROM files f JOIN sources s ON s.file = f.name AND s.line = 0 WHERE f.name = $1 AND f.format = 'file'",
    [owner],
  );
  if (rows[0])
    await c.query('UPDATE sources SET meta = $2 WHERE file = $1 AND line = 0', [owner, JSON.stringify(await fileMeta(owner, rows[0].bytes, fields))]);
}

/** The provenance sidecar stored for `name`, parsed ({} when there is none or it is broken: the load reports that). */
async function sidecarOf(c: pg.PoolClient, name: string): Promise<Record<string, unknown>> {
  const { rows } = await c.query<{ bytes: Buffer }>('SELECT bytes FROM sources WHERE file = $1 AND line = 0', [`${name}${SIDECAR_SUFFIX}`]);
  try {
    return rows[0] ? parseSidecar(rows[0].bytes.toString('utf8'), name) : {};
  } catch {
    return {};
  }
}

/**
 * Keeps a source's row in step with its sidecar, in the caller's transaction: its `scopes` (from
 * its name and the sidecar's additions, knowledge/scope.ts), and the provenance the sidecar records
 * (`url`, `retrieved`; the writer's own values when the sidecar has none), so the database can be
 * queried for where a source came from. A sidecar written after its source (an edit of the
 * provenance alone) also re-reads the source's metadata: a date given with `--date` lives there.
 */
async function refreshFromSidecar(c: pg.PoolClient, name: string, sidecar: Record<string, unknown>): Promise<void> {
  const text = (k: string) => (typeof sidecar[k] === 'string' && sidecar[k] ? (sidecar[k] as string) : null);
  const retrieved = text('retrieved');
  await c.query('UPDATE files SET scopes = $2, url = COALESCE($3, url), retrieved = COALESCE($4, retrieved) WHERE name = $1', [
    name,
    scopeFields(name, sidecar).scopes ?? null,
    text('url'),
    retrieved && !Number.isNaN(Date.parse(retrieved)) ? retrieved : null,
  ]);
}

/** One file's rows, from one statement (so its line count and its rows are of the same write). */
export async function readRows(pool: pg.Pool, name: string): Promise<{ collection: boolean; lines: number; rows: Row[] } | null> {
  const { rows } = await pool.query<{ format: string; line_count: number | null; line: number | null; bytes: Buffer | null }>(
    'SELECT f.format, f.line_count, s.line, s.bytes FROM files f LEFT JOIN sources s ON s.file = f.name WHERE f.name = $1 ORDER BY s.line',
    [name],
  );
  const head = rows[0];
  if (!head) return null;
  const found = rows.filter((r) => r.line !== null && r.bytes !== null).map((r) => ({ line: r.line!, bytes: r.bytes! }));
  return { collection: head.format === 'collection', lines: head.line_count ?? 1, rows: found };
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

async function fileMeta(name: string, bytes: Uint8Array, sidecar: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { articles } = await parseKnowledgeBytes({ path: name, size: bytes.length, mtimeMs: 0 }, bytes, undefined, sidecar);
  const a = articles[0];
  return a
    ? {
        id: clean(a.id),
        title: clean(a.title),
        date: a.date,
        dateFrom: a.dateFrom,
        publisher: a.publisher && clean(a.publisher),
        url: a.url && clean(a.url),
      }
    : {};
}

/** jsonb refuses NUL; the metadata is for reading, so it is cut short and cleaned. */
function clean(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: jsonb refuses NUL, so it is removed
  return s.replace(/\u0000/g, '').slice(0, 500);
}
