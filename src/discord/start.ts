/**
 * Entry point of the Discord face, called by src/main.ts when DISCORD_TOKEN is set or --discord
 * is given: validated config → logger → the live core over KNOWLEDGE_DIR (watched: edits are
 * reloaded in the background) → log in → run until SIGTERM/SIGINT (then stop watching, finish
 * replies in flight, destroy the client, flush logs, exit 0). With SHARDS set, this process only
 * spawns and supervises the shard processes (src/discord/shards.ts).
 */
import type { ReloadReport } from '../answer/types.js';
import { cacheDir, loadConfig, type Config } from '../config.js';
import { join, resolve } from 'node:path';
import { knowledgeDirProblem, noSourceProblem } from '../knowledge-folder.js';
import { isAdded } from '../ingest/add.js';
import { addAndCommit } from '../ingest/commit.js';
import { createFeedPoller } from '../ingest/feeds.js';
import { loadLiveCore } from '../live.js';
import { createLogger, type Logger } from '../log.js';
import { openStore } from '../store/open.js';
import { createOutbox, OUTBOX_FOLDER } from '../store/outbox.js';
import { watchFolderForPush } from '../store/push.js';
import { moderatorAdd } from './add-source.js';
import { runBot } from './client.js';

const MISSING_TOKEN =
  'verbatim --discord: DISCORD_TOKEN is not set, so the bot cannot log in (and --discord never falls back to the console). ' +
  'Set it in the environment or in .env (see .env.example), or start without --discord to use the console.';

/** One log line per reload that changed something; a broken file is a warning naming it. */
function logReload(log: Logger, r: ReloadReport): void {
  const level = r.keptLastGood.length || r.problems.length ? 'warn' : 'info';
  log[level](
    {
      added: r.added,
      changed: r.changed,
      removed: r.removed,
      keptLastGood: r.keptLastGood,
      problems: r.problems.length,
      sources: r.sources,
      ms: r.ms,
    },
    'knowledge reloaded',
  );
  for (const p of r.problems) log.warn({ file: p.file, line: p.line, reason: p.reason }, 'knowledge problem');
}

export async function startDiscord(options: { requireToken: boolean; mainFile: string }): Promise<void> {
  const config = loadConfig();
  if (!config.discordToken) {
    process.stderr.write(`${MISSING_TOKEN}\n`);
    process.exitCode = 1;
    return;
  }
  // A missing, unreadable or empty folder would answer every question "not found": refuse instead
  // (with DATABASE_URL the database is the store and the folder only seeds it).
  const unusable = config.database ? null : await knowledgeDirProblem(resolve(config.knowledgeDir));
  if (unusable) {
    process.stderr.write(`verbatim will not start: ${unusable}\n`);
    process.exitCode = 1;
    return;
  }
  // The database's and Redis's passwords are secrets too (a driver error could echo a URL).
  const passwords = [config.database?.url, config.redis?.url].map(passwordOf);
  const log = createLogger({ level: config.logLevel, format: config.logFormat, secrets: [config.discordToken, ...passwords] });
  if (config.sharding.mode === 'manager') {
    const { runShardManager } = await import('./shards.js');
    await runShardManager({ config, log, mainFile: options.mainFile, sharding: config.sharding });
    return;
  }
  await startShard(config, log, options.requireToken);
}

async function startShard(config: Readonly<Config>, log: Logger, requireToken: boolean): Promise<void> {
  const started = performance.now();
  // DATABASE_URL: PostgreSQL is the store (seeded from the folder when empty); else the folder.
  const store = await openStore({
    database: config.database,
    knowledgeDir: config.knowledgeDir,
    log,
    connectForMs: (config.database?.connectSeconds ?? 30) * 1000,
  });
  const { core, problems, cache, rejected } = await loadLiveCore(config.knowledgeDir, {
    cacheDir: cacheDir(),
    source: store,
    onSnapshot: (saved) => {
      if (saved.startsWith('not saved')) log.warn({ cache: saved }, 'snapshot after reload not saved');
    },
  });
  // A persisted index that was there but not trusted (stale, truncated, bad checksum) says why it was rebuilt.
  if (rejected) log.warn({ reason: rejected }, 'persisted index rebuilt');
  for (const p of problems) log.warn({ file: p.file, line: p.line, reason: p.reason }, 'knowledge problem');
  const empty = noSourceProblem(config.knowledgeDir, core.stats().sources, problems);
  if (empty) {
    log.fatal({ dir: config.knowledgeDir }, `verbatim will not start: ${empty}`);
    log.flush();
    process.exitCode = 1;
    return;
  }
  const ms = Math.round(performance.now() - started);
  log.info(
    { dir: config.knowledgeDir, store: store.label, cache, ms, requireToken, sharding: config.sharding.mode, ...core.stats() },
    'knowledge loaded',
  );
  const stopWatching = core.watch((report) => {
    try {
      logReload(log, report);
    } catch {
      // Logging must never take the watcher down.
    }
  });
  // REDIS_URL: cooldowns shared by every process (in-memory ones while Redis is down); else per process.
  // With the database as the store, /reload (and so /add and feeds, which reload after adding) first
  // writes this machine's folder edits to it, and every process follows.
  const pusher = store.kind === 'postgres' ? await watchFolderForPush(store, config.knowledgeDir) : null;
  const live = pusher ? { ...core, reload: () => reloadAfterPush(core.reload, () => pusher.push('discord:/reload'), log) } : core;
  const limits = config.redis ? await (await import('./limits-redis.js')).createRedisCooldowns(config.cooldowns, config.redis, log) : undefined;
  const fetch = { allowPrivate: config.ingest.allowPrivateUrls };
  if (fetch.allowPrivate)
    log.warn('VERBATIM_ALLOW_PRIVATE_URLS=1: /add and feeds may fetch loopback and private addresses (unsafe outside tests and local use)');
  // With the database as the store, a source is "Added" once the database committed it; while it
  // is unreachable the source waits in the outbox (on this machine's disk) and is written when it returns.
  const outbox = store.kind === 'postgres' ? createOutbox({ store, dir: join(config.knowledgeDir, OUTBOX_FOLDER), log }) : null;
  const stopOutbox = outbox?.start() ?? (() => undefined);
  const add = moderatorAdd({ knowledgeDir: config.knowledgeDir, fetch, operatorGuilds: config.ingest.operatorGuilds, outbox });
  const { feeds, feedIntervalMinutes, feedMaxItems, feedPollBudgetSeconds, feedMaxListedItems } = config.ingest;
  const stopFeeds = feeds.length
    ? createFeedPoller({
        feeds,
        intervalMs: feedIntervalMinutes * 60_000,
        ...(feedMaxItems ? { maxItemsPerPoll: feedMaxItems } : {}),
        ...(feedPollBudgetSeconds ? { pollBudgetMs: feedPollBudgetSeconds * 1000 } : {}),
        ...(feedMaxListedItems ? { maxListedItems: feedMaxListedItems } : {}),
        log,
        fetch,
        add: (input, fallbackDate) =>
          addAndCommit(input, { knowledgeDir: config.knowledgeDir, fetch, ...(fallbackDate ? { fallbackDate } : {}) }, { outbox, addedBy: 'feed' }),
        isKnown: (url) => isAdded(config.knowledgeDir, url),
        onAdded: () => live.reload(),
      }).start()
    : () => undefined;
  if (feeds.length) log.info({ feeds: feeds.length, everyMinutes: feedIntervalMinutes }, 'polling feeds');
  const stopAll = () => {
    stopFeeds();
    stopOutbox();
    stopWatching();
    void store.close().catch((err: unknown) => log.debug({ err }, 'store not closed cleanly'));
    void limits?.close().catch((err: unknown) => log.debug({ err }, 'limits not closed cleanly'));
  };
  try {
    await runBot({
      core: live,
      config,
      log,
      add,
      ...(limits ? { cooldown: limits } : {}),
      health: () => ({ database: store.health(), limits: limits?.health() ?? { store: 'memory', state: 'ok' } }),
      onStop: stopAll,
    });
  } catch (err) {
    // A bot that cannot log in must not live on polling feeds: stop everything, so the process
    // exits non-zero (src/main.ts) and a supervisor restarts it or shows the failure.
    log.fatal({ err: { message: (err as Error).message, code: (err as { code?: string }).code } }, 'discord login failed: stopping');
    stopAll();
    log.flush();
    throw err;
  }
}

/** Pushes the folder's edits, then reloads; a file that could not be written is a problem of the report. */
async function reloadAfterPush(
  reload: () => Promise<ReloadReport>,
  push: () => Promise<{ written: string[]; failed: Array<{ name: string; reason: string }> }>,
  log: Logger,
): Promise<ReloadReport> {
  const pushed = await push();
  if (pushed.written.length || pushed.failed.length)
    log.info({ written: pushed.written, failed: pushed.failed }, 'knowledge folder edits written to the database');
  const report = await reload();
  for (const f of pushed.failed) report.problems.push({ file: f.name, reason: `not written to the database: ${f.reason}` });
  return report;
}

function passwordOf(url: string | undefined): string | undefined {
  try {
    return url ? decodeURIComponent(new URL(url).password) || undefined : undefined;
  } catch {
    return undefined;
  }
}
