/**
 * The durable local outbox between ingest and the database: a source accepted while PostgreSQL is
 * unreachable waits on this machine's disk and is written when the database returns, by this
 * process or the next one started on the same folder. Every source goes through it (written and
 * fsync'ed first, then put), so a crash between "accepted" and "committed" loses nothing either;
 * putting it twice is harmless (the same bytes are a no-op).
 *
 * An entry is a folder `<time>-<random>/` holding `entry.json` (names, provenance) and one `<i>.bin`
 * per file, made complete by one rename. An entry the store refuses for good (not a lost
 * connection) moves to `failed/`, with the reason logged, instead of being retried for ever.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../log.js';
import { isConnectionLost } from './pg-faults.js';
import type { KnowledgeStore, Provenance } from './types.js';

/** The outbox's folder inside the knowledge folder (hidden: the loader and the watchers skip it). */
export const OUTBOX_FOLDER = '.outbox';

/** How often queued sources are retried while some wait (the database is then usually back within a restart). */
const RETRY_MS = 5000;

interface OutboxFile {
  name: string;
  bytes: Uint8Array;
}

type OutboxResult = { status: 'committed' } | { status: 'queued'; reason: string };

export interface Outbox {
  /** Saves the files durably, then writes them to the store: committed, or queued with why. */
  put(files: OutboxFile[], provenance: Provenance): Promise<OutboxResult>;
  /** Writes every queued entry it can, oldest first; returns how many were written and how many wait. */
  drain(): Promise<{ pushed: number; waiting: number }>;
  /** Drains now and every `retryMs` while entries wait; returns stop. */
  start(): () => void;
}

interface Drained {
  pushed: number;
  waiting: number;
  /** Entries the store refused for good, with why (set aside in failed/). */
  refused: Map<string, string>;
}

interface Entry {
  files: Array<{ name: string }>;
  provenance: Provenance;
  queuedAt: string;
}

async function writeDurably(path: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** An entry's folder name: `<time>-<random>`. */
const ENTRY = /^\d+-[0-9a-f]+$/;

/** Saves files durably as one outbox entry (made complete by one rename); returns its id. */
async function enqueue(dir: string, files: OutboxFile[], provenance: Provenance): Promise<string> {
  await mkdir(dir, { recursive: true });
  const id = `${Date.now().toString().padStart(15, '0')}-${randomBytes(4).toString('hex')}`;
  const tmp = join(dir, `.${id}.tmp`);
  await mkdir(tmp, { recursive: true });
  for (const [i, f] of files.entries()) await writeDurably(join(tmp, `${i}.bin`), f.bytes);
  const entry: Entry = { files: files.map((f) => ({ name: f.name })), provenance, queuedAt: new Date().toISOString() };
  await writeDurably(join(tmp, 'entry.json'), JSON.stringify(entry));
  await rename(tmp, join(dir, id));
  return id;
}

/**
 * The outbox of a process that could not reach the database at all (`npm run add` started during
 * an outage): every put is queued, for the next process started on the same folder (a bot, or
 * the next `npm run add`) to write when the database is back.
 */
export function offlineOutbox(o: { dir: string; reason: string }): Outbox {
  return {
    async put(files, provenance) {
      await enqueue(o.dir, files, provenance);
      return { status: 'queued', reason: o.reason };
    },
    async drain() {
      // No outbox folder yet: nothing queued.
      const waiting = (await readdir(o.dir).catch(() => [] as string[])).filter((n) => ENTRY.test(n)).length;
      return { pushed: 0, waiting };
    },
    start: () => () => undefined,
  };
}

export function createOutbox(o: { store: KnowledgeStore; dir: string; log?: Logger | undefined; retryMs?: number }): Outbox {
  const { store, dir, log } = o;
  let draining: Promise<Drained> | null = null;
  const save = (files: OutboxFile[], provenance: Provenance) => enqueue(dir, files, provenance);

  /** Writes one entry's files to the store, then removes it. */
  async function push(id: string): Promise<void> {
    const path = join(dir, id);
    const entry = JSON.parse(await readFile(join(path, 'entry.json'), 'utf8')) as Entry;
    for (const [i, f] of entry.files.entries()) await store.put(await readFile(join(path, `${i}.bin`)), f.name, entry.provenance);
    await rm(path, { recursive: true, force: true });
  }

  /** A refusal that is not a lost connection will not get better by retrying: set aside, logged. */
  async function setAside(id: string, err: unknown): Promise<void> {
    log?.error({ err, entry: id, dir }, 'queued source refused by the database: moved to the outbox failed/ folder');
    await mkdir(join(dir, 'failed'), { recursive: true });
    await rename(join(dir, id), join(dir, 'failed', id));
  }

  // No outbox folder yet: nothing queued.
  const entries = async () => (await readdir(dir).catch(() => [] as string[])).filter((n) => ENTRY.test(n)).sort();

  async function drainAll(): Promise<Drained> {
    const ids = await entries();
    const out: Drained = { pushed: 0, waiting: 0, refused: new Map() };
    for (const [i, id] of ids.entries()) {
      try {
        await push(id);
        out.pushed++;
      } catch (err) {
        // Another process on this folder pushed it meanwhile.
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
        if (!isConnectionLost(err)) {
          await setAside(id, err);
          out.refused.set(id, (err as Error).message);
          continue;
        }
        out.waiting = ids.length - i;
        log?.debug({ err: { message: (err as Error).message }, waiting: out.waiting }, 'database still unreachable: sources stay queued');
        break;
      }
    }
    if (out.pushed) log?.info({ pushed: out.pushed, waiting: out.waiting }, 'queued sources written to the database');
    return out;
  }

  const drain = () => {
    draining ??= drainAll().finally(() => {
      draining = null;
    });
    return draining;
  };

  const queued = (id: string, files: OutboxFile[], reason: unknown): OutboxResult => {
    log?.warn({ entry: id, files: files.map((f) => f.name), reason }, 'database unreachable: source queued');
    return { status: 'queued', reason: 'the database is unreachable' };
  };

  return {
    async put(files, provenance) {
      const id = await save(files, provenance);
      // While the database is known to be down, do not make the person wait out the write's retries.
      const health = store.health();
      if (health.state !== 'ok') return queued(id, files, health.detail);
      // Written in order behind any older queued entry, so an earlier version never lands last.
      if (draining) await draining;
      const done = await drain();
      const refused = done.refused.get(id);
      if (refused !== undefined) throw new Error(refused);
      if ((await entries()).includes(id)) return queued(id, files, 'write failed');
      return { status: 'committed' };
    },
    drain,
    start() {
      let stopped = false;
      let timer: NodeJS.Timeout | null = null;
      const loop = async () => {
        const { waiting } = await drain().catch((err: unknown) => {
          log?.error({ err, dir }, 'outbox could not be read');
          return { waiting: 1 };
        });
        if (stopped) return;
        timer = setTimeout(() => void loop(), waiting ? (o.retryMs ?? RETRY_MS) : (o.retryMs ?? RETRY_MS) * 6);
        timer.unref();
      };
      void loop();
      return () => {
        stopped = true;
        if (timer) clearTimeout(timer);
      };
    },
  };
}
