import 'dotenv/config';
import { fileURLToPath } from 'node:url';
import { runConsole } from './cli/console.js';
import { readFlags } from './flags.js';
import { cacheDir, hasDiscordToken, knowledgeDir, limitsFromEnv, setKnowledgeDir } from './config.js';
import { knowledgeDirProblem, noSourceProblem, printProblems, setLoadLimits } from './knowledge-folder.js';
import { loadLiveCore } from './live.js';
import { START_USAGE } from './cli/usage.js';
import { openStoreFromEnv } from './store/open.js';
import { terminalProgress } from './progress.js';

/**
 * Start-up: with DISCORD_TOKEN the bot joins Discord; without it (and without --discord) the same
 * answers are served on a local console, so the product can be tried on a fresh clone.
 */

async function main(): Promise<number> {
  const flags = readFlags('npm start', START_USAGE, { knowledge: { type: 'string' }, discord: { type: 'boolean' } }, { positionals: false });
  if ('exit' in flags) return flags.exit;
  // `npm start -- --knowledge DIR` is KNOWLEDGE_DIR=DIR, for the console and the bot alike.
  if (flags.values.knowledge) setKnowledgeDir(flags.values.knowledge);
  // The limits of loading (LIMIT_*), for the console and the bot (and each shard process) alike.
  setLoadLimits(limitsFromEnv());
  const wantsDiscord = Boolean(flags.values.discord);
  if (wantsDiscord || hasDiscordToken()) {
    const { startDiscord } = await import('./discord/start.js');
    // The file itself: with SHARDS set, the sharding manager spawns it once per shard.
    await startDiscord({ requireToken: wantsDiscord, mainFile: fileURLToPath(import.meta.url) });
    return Number(process.exitCode ?? 0);
  }
  const dir = knowledgeDir();
  // With DATABASE_URL the console answers from the database (the folder only seeds an empty one).
  const store = await openStoreFromEnv(dir);
  const unusable = store ? null : await knowledgeDirProblem(dir);
  if (unusable) {
    process.stderr.write(`verbatim will not start: ${unusable}\n`);
    return 1;
  }
  // The same progress line as \`ask\`: a first load of a big corpus takes a while.
  const progress = terminalProgress();
  const { core, problems } = await loadLiveCore(dir, {
    cacheDir: cacheDir(),
    ...(store ? { source: store } : {}),
    ...(progress ? { progress } : {}),
  });
  printProblems(problems);
  const empty = noSourceProblem(dir, core.stats().sources, problems);
  if (empty) {
    process.stderr.write(`verbatim will not start: ${empty}\n`);
    return 1;
  }
  try {
    await runConsole(core, {
      input: process.stdin,
      output: process.stdout,
      interactive: Boolean(process.stdin.isTTY),
      store: store ? 'database' : 'folder',
    });
  } finally {
    await store?.close();
  }
  return 0;
}

main().then(
  (code) => {
    if (code) process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`verbatim failed to start: ${(err as Error).message}\n`);
    // Exit now: a timer or socket left by the failed start must not keep a bot that cannot answer alive.
    process.exit(1);
  },
);
