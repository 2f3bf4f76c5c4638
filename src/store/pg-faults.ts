/**
 * Surviving a database that restarts or goes away while the store works: a client checked out of
 * the pool always has an 'error' listener (without one, a connection dying mid-write is an
 * unhandled 'error' event that ends the process), and a write cut by a lost connection is retried
 * for a while, which is safe because a put of the same bytes is a no-op (the content hash).
 */
import type pg from 'pg';
import type { Logger } from '../log.js';

/**
 * How long a write cut by a lost connection is retried before it fails with StoreUnavailable: a
 * restart of PostgreSQL takes a second or two, a failover longer. Backoff starts at FIRST_RETRY_MS
 * and doubles up to MAX_RETRY_MS.
 */
const WRITE_RETRY_MS = 15_000;
const FIRST_RETRY_MS = 200;
const MAX_RETRY_MS = 2000;

/** The database could not be reached (or the connection was lost) for the whole retry budget. */
export class StoreUnavailable extends Error {
  override name = 'StoreUnavailable';
}

/** SQLSTATE classes and codes of a server going away or not accepting connections yet. */
const LOST_STATES = /^(08|57P0[1-3])/;
const LOST_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** True for an error that says the connection was lost or could not be made (not a bad statement or row). */
export function isConnectionLost(err: unknown): boolean {
  if (err instanceof StoreUnavailable) return true;
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' ? e.code : '';
  if (LOST_CODES.has(code) || LOST_STATES.test(code)) return true;
  const message = typeof e?.message === 'string' ? e.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection error|not queryable/i.test(
    message,
  );
}

/** What a log line shows of a driver error (never its connection string). */
export const errFields = (err: unknown) => ({ message: (err as Error)?.message, code: (err as { code?: string })?.code });

/**
 * Runs `work` on a client of the pool. The client listens for 'error' while checked out; a client
 * whose connection failed is destroyed on release instead of going back to the pool.
 */
export async function withPoolClient<T>(pool: pg.Pool, log: Logger | undefined, work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // Stays attached when the connection broke: the destroyed client may still report the same loss.
  const onError = (err: Error) => {
    if (!broken) log?.warn({ err: errFields(err) }, 'database connection lost during a write');
    broken = err;
  };
  client.on('error', onError);
  try {
    return await work(client);
  } catch (err) {
    if (isConnectionLost(err)) broken ??= err as Error;
    throw err;
  } finally {
    if (!broken) client.removeListener('error', onError);
    client.release(broken ?? false);
  }
}

/**
 * Runs an idempotent write, retrying while the connection is lost (backoff up to `budgetMs`);
 * then throws StoreUnavailable naming the last error. Any other error is thrown at once.
 */
export async function retryWhileLost<T>(write: () => Promise<T>, log: Logger | undefined, budgetMs = WRITE_RETRY_MS): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      if (!isConnectionLost(err)) throw err;
      const waitMs = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt);
      if (Date.now() - started + waitMs > budgetMs)
        throw new StoreUnavailable(`the database is unreachable (${(err as Error).message || (err as { code?: string }).code})`, { cause: err });
      log?.info({ err: errFields(err), attempt: attempt + 1, retryMs: waitMs }, 'database write interrupted; retrying');
      await new Promise((r) => setTimeout(r, waitMs));
    }
  }
}
