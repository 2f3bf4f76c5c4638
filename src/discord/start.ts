/**
 * Entry point of the Discord face, called by src/main.ts when DISCORD_TOKEN is set or --discord
 * is given: validated config → logger → the live core over KNOWLEDGE_DIR (watched: edits are
 * reloaded in the background) → log in → run until SIGTERM/SIGINT (then stop watching, finish
 * replies in flight, destroy the client, flush logs, exit 0). With SHARDS set, this process only
 * spawns and supervises the shard processes (src/discord/shards.ts).
 */
import type { ReloadReport } from '../answer/types.js';
import { loadConfig, type Config } from '../config.js';
import { resolve } from 'node:path';
import { cacheDir, knowledgeDirProblem, noSourceProblem } from '../cli/knowledge-dir.js';
import { loadLiveCore } from '../live.js';
import { createLogger, type Logger } from '../log.js';
import { runBot } from './client.js';

export const MISSING_TOKEN =
  'verbatim --discord: DISCORD_TOKEN is not set, so the bot cannot log in (and --discord never falls back to the console). ' +
  'Set it in the environment or in .env (see .env.example), or start without --discord to use the console.';

/** One log line per reload that changed something; a broken file is a warning naming it. */
export function logReload(log: Logger, r: ReloadReport): void {
  const level = r.keptLastGood.length || r.problems.length ? 'warn' : 'info';
  log[level](
    { added: r.added, changed: r.changed, removed: r.removed, keptLastGood: r.keptLastGood, problems: r.problems.length, sources: r.sources, ms: r.ms },
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
  // A missing, unreadable or empty folder would answer every question "not found": refuse instead.
  const unusable = await knowledgeDirProblem(resolve(config.knowledgeDir));
  if (unusable) {
    process.stderr.write(`verbatim will not start: ${unusable}\n`);
    process.exitCode = 1;
    return;
  }
  const log = createLogger({ level: config.logLevel, format: config.logFormat, secrets: [config.discordToken] });
  if (config.sharding.mode === 'manager') {
    const { runShardManager } = await import('./shards.js');
    await runShardManager({ config, log, mainFile: options.mainFile, sharding: config.sharding });
    return;
  }
  await startShard(config, log, options.requireToken);
}

async function startShard(config: Readonly<Config>, log: Logger, requireToken: boolean): Promise<void> {
  const started = performance.now();
  const { core, problems, cache } = await loadLiveCore(config.knowledgeDir, { cacheDir: cacheDir() });
  for (const p of problems) log.warn({ file: p.file, line: p.line, reason: p.reason }, 'knowledge problem');
  const empty = noSourceProblem(config.knowledgeDir, core.stats().sources, problems);
  if (empty) {
    log.fatal({ dir: config.knowledgeDir }, `verbatim will not start: ${empty}`);
    log.flush();
    process.exitCode = 1;
    return;
  }
  const ms = Math.round(performance.now() - started);
  log.info({ dir: config.knowledgeDir, cache, ms, requireToken, sharding: config.sharding.mode, ...core.stats() }, 'knowledge loaded');
  const stopWatching = core.watch((report) => {
    try {
      logReload(log, report);
    } catch {
      // Logging must never take the watcher down.
    }
  });
  await runBot({ core, config, log, onStop: stopWatching });
}
