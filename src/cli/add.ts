import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeAdd, type AddInput } from '../ingest/add.js';
import { addAndCommit } from '../ingest/commit.js';
import { parseGivenDate } from '../knowledge/dates.js';
import { allowPrivateUrls, ConfigError, databaseConfig, knowledgeDir, limitsFromEnv } from '../config.js';
import { setLoadLimits } from '../knowledge/limits.js';
import { openStore } from '../store/open.js';
import { createOutbox, offlineOutbox, OUTBOX_FOLDER, type Outbox } from '../store/outbox.js';
import { isConnectionLost } from '../store/pg-faults.js';
import { ADD_USAGE } from './usage.js';

/**
 * `npm run add -- [--knowledge DIR] [--date YYYY-MM-DD] <url|file>…`: fetches or reads each source,
 * shows what was found and saves it (with its provenance) into the store the configuration names,
 * as `/add` does: the knowledge folder (a running bot picks it up through its watcher), or with
 * DATABASE_URL the database (through the outbox, with its notification, so every running bot
 * loads it), "Added" only once the database committed it. Exit 0 when every source was added or
 * updated, 1 when any was refused, 2 on a usage error, 3 when some wait in the outbox because the
 * database is unreachable (none refused).
 */

const OPTIONS = { knowledge: { type: 'string' }, date: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

async function main(): Promise<number> {
  let args: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    args = parseArgs({ options: OPTIONS, allowPositionals: true });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${ADD_USAGE}\n`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(`${ADD_USAGE}\n`);
    return 0;
  }
  setLoadLimits(limitsFromEnv());
  if (args.positionals.length === 0) {
    process.stderr.write(`nothing to add\n${ADD_USAGE}\n`);
    return 2;
  }
  const date = args.values.date;
  if (date !== undefined) {
    const d = parseGivenDate(date);
    if ('error' in d || !/^\d{4}(-\d{2}-\d{2})?$/.test(date)) {
      process.stderr.write(`--date: ${'error' in d ? d.error : `use YYYY-MM-DD or YYYY, not "${date}"`}\n${ADD_USAGE}\n`);
      return 2;
    }
  }
  const dir = knowledgeDir(args.values.knowledge);
  // Unsafe outside tests and local use: lets URLs reach loopback and private addresses.
  const allowPrivate = allowPrivateUrls();
  let target: Target;
  try {
    target = await openTarget(dir);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 2;
  }
  try {
    return await addAll(args.positionals, { dir, date, allowPrivate, outbox: target.outbox });
  } finally {
    await target.close();
  }
}

interface Target {
  /** With the database as the store: where a source waits until the database has it. Null: the folder is the store. */
  outbox: Outbox | null;
  close(): Promise<void>;
}

/**
 * The store the configuration names. A database that cannot be reached now does not lose the
 * sources: they are queued in the folder's outbox, which the next process started on this folder
 * (a bot, or the next `npm run add`) writes to the database when it is back.
 */
async function openTarget(dir: string): Promise<Target> {
  const database = databaseConfig();
  if (!database) return { outbox: null, close: async () => undefined };
  const outboxDir = join(dir, OUTBOX_FOLDER);
  try {
    // Seeds an empty database from the folder, as a bot starting on it would.
    const store = await openStore({ database, knowledgeDir: dir });
    const outbox = createOutbox({ store, dir: outboxDir });
    // Sources queued by an earlier run during an outage go first, so an older version never lands last.
    const { pushed } = await outbox.drain();
    if (pushed) process.stdout.write(`${pushed} source${pushed === 1 ? '' : 's'} queued earlier written to the database\n`);
    return { outbox, close: () => store.close() };
  } catch (err) {
    if (!isConnectionLost(err)) throw err;
    const why = (err as Error).message || (err as { code?: string }).code || 'no answer';
    return { outbox: offlineOutbox({ dir: outboxDir, reason: `the database is unreachable (${why})` }), close: async () => undefined };
  }
}

async function addAll(items: string[], o: { dir: string; date: string | undefined; allowPrivate: boolean; outbox: Outbox | null }): Promise<number> {
  const { dir, date, allowPrivate } = o;
  let refused = 0;
  let queued = 0;
  for (const item of items) {
    let input: AddInput;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(item)) input = { kind: 'url', url: item };
    else {
      try {
        input = { kind: 'file', name: item, bytes: await readFile(item) };
      } catch (err) {
        process.stdout.write(`Refused ${item}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})\n`);
        refused++;
        continue;
      }
    }
    const result = await addAndCommit(
      input,
      { knowledgeDir: dir, ...(date ? { date } : {}), fetch: { allowPrivate } },
      { outbox: o.outbox, addedBy: 'cli:add' },
    );
    if (!result.ok) refused++;
    else if (result.queued) queued++;
    process.stdout.write(`${describeAdd(result)}\n`);
  }
  if (queued)
    process.stdout.write(
      `${queued} queued in ${join(dir, OUTBOX_FOLDER)}: a bot started on this knowledge folder, or the next npm run add, writes ${queued === 1 ? 'it' : 'them'} to the database when it is back\n`,
    );
  return refused ? 1 : queued ? 3 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`add failed: ${(err as Error).message}\n`);
    process.exitCode = 1;
  },
);
