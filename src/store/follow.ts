/**
 * Following the database's changes: one dedicated connection LISTENs on the schema's channel.
 * A dropped connection (server restart, network) is re-established with exponential backoff and
 * jitter, LISTEN renewed, and the change counter compared with the one last loaded: a change
 * made while nobody listened is caught up, never assumed absent. A slow periodic comparison
 * catches a notification lost for any other reason.
 */
import pg from 'pg';
import type { Logger } from '../log.js';
import { connectionConfig } from './pg-rows.js';

const DEBOUNCE_MS = 150;
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;
const CHECK_MS = 30_000;

export interface FollowOptions {
  url: string;
  channel: string;
  log?: Logger | undefined;
  /** The change counter now (throws when the database is unreachable). */
  counter: () => Promise<string>;
  /** The change counter of the knowledge loaded last. */
  lastSeen: () => string | null;
  onChange: () => void;
  checkMs?: number;
}

export interface Follower {
  stop(): void;
  health(): { state: 'ok' | 'reconnecting'; detail?: string };
}

export function follow(o: FollowOptions): Follower {
  let stopped = false;
  let client: pg.Client | null = null;
  let attempt = 0;
  let retry: NodeJS.Timeout | null = null;
  let debounce: NodeJS.Timeout | null = null;
  let state: 'ok' | 'reconnecting' = 'reconnecting';
  let detail: string | undefined = 'connecting';
  let lostAt: number | null = null;

  const fire = () => {
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = null;
      if (!stopped) o.onChange();
    }, DEBOUNCE_MS);
  };

  /** Compares the counter with the one loaded; a difference means changes this process has not seen. */
  async function catchUp(why: string): Promise<void> {
    const now = await o.counter();
    const seen = o.lastSeen();
    if (now !== seen) {
      o.log?.info({ seen, now, why }, 'database changed meanwhile: catching up');
      fire();
    }
  }

  async function connect(): Promise<void> {
    retry = null;
    if (stopped) return;
    const c = new pg.Client({ ...connectionConfig(o.url), connectionTimeoutMillis: 5000, keepAlive: true });
    let dead = false;
    const lost = (err: Error) => {
      if (dead) return;
      dead = true;
      c.removeAllListeners('notification');
      c.end().catch((e: unknown) => o.log?.debug({ err: { message: (e as Error).message } }, 'lost listener connection not closed cleanly'));
      if (client === c) client = null;
      if (stopped) return;
      const first = state === 'ok';
      state = 'reconnecting';
      detail = err.message || (err as { code?: string }).code || 'connection lost';
      lostAt ??= Date.now();
      const retryMs = Math.round(Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt) * (0.5 + Math.random() / 2));
      attempt++;
      const fields = { err: { message: detail, code: (err as { code?: string }).code }, attempt, retryMs };
      if (first) o.log?.warn(fields, 'database connection lost: answering from the knowledge already loaded; reconnecting');
      else o.log?.debug(fields, 'database still unreachable; retrying');
      retry = setTimeout(() => void connect(), retryMs);
    };
    c.on('error', lost);
    c.on('end', () => lost(new Error('connection ended')));
    c.on('notification', (n) => {
      if (n.channel === o.channel) fire();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${c.escapeIdentifier(o.channel)}`);
      if (stopped) {
        dead = true;
        await c.end().catch((e: unknown) => o.log?.debug({ err: { message: (e as Error).message } }, 'listener connection not closed cleanly'));
        return;
      }
      client = c;
      const was = lostAt;
      state = 'ok';
      detail = undefined;
      attempt = 0;
      lostAt = null;
      if (was !== null) o.log?.info({ downMs: Date.now() - was }, 'database connection back: listening again');
      // A failing comparison (the pool still reconnecting) must not drop this good connection: reload anyway.
      await catchUp(was !== null ? 'reconnected' : 'started').catch(() => fire());
    } catch (err) {
      lost(err as Error);
    }
  }

  const check = setInterval(() => {
    if (state === 'ok')
      catchUp('periodic check').catch((err: unknown) =>
        o.log?.warn(
          { err: { message: (err as Error).message, code: (err as { code?: string }).code } },
          'database change check failed; trying again later',
        ),
      );
  }, o.checkMs ?? CHECK_MS);
  check.unref();
  void connect();

  return {
    stop() {
      stopped = true;
      clearInterval(check);
      if (retry) clearTimeout(retry);
      if (debounce) clearTimeout(debounce);
      client?.end().catch((e: unknown) => o.log?.debug({ err: { message: (e as Error).message } }, 'listener connection not closed cleanly'));
      client = null;
    },
    health: () => ({ state, ...(detail ? { detail } : {}) }),
  };
}
