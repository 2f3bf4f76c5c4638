import 'dotenv/config';
import { fileURLToPath } from 'node:url';
import { runConsole } from './cli/console.js';
import { cacheDir, knowledgeDir, printProblems } from './cli/knowledge-dir.js';
import { loadCore } from './core.js';
import { openStoreFromEnv } from './store/open.js';

/**
 * Start-up: with DISCORD_TOKEN the bot joins Discord; without it (and without --discord) the same
 * answers are served on a local console, so the product can be tried on a fresh clone.
 */
async function main(): Promise<void> {
  const wantsDiscord = process.argv.includes('--discord');
  // `npm start -- --knowledge DIR` is KNOWLEDGE_DIR=DIR, for the console and the bot alike.
  const at = process.argv.indexOf('--knowledge');
  if (at >= 0 && process.argv[at + 1]) process.env.KNOWLEDGE_DIR = process.argv[at + 1];
  if (wantsDiscord || process.env.DISCORD_TOKEN) {
    const { startDiscord } = await import('./discord/start.js');
    // The file itself: with SHARDS set, the sharding manager spawns it once per shard.
    await startDiscord({ requireToken: wantsDiscord, mainFile: fileURLToPath(import.meta.url) });
    return;
  }
  // With DATABASE_URL the console answers from the database (the folder only seeds an empty one).
  const store = await openStoreFromEnv(knowledgeDir());
  const { core, problems } = await loadCore(knowledgeDir(), { cacheDir: cacheDir(), ...(store ? { source: store } : {}) }).finally(() => store?.close());
  printProblems(problems);
  await runConsole(core, { input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) });
}

main().catch((err: unknown) => {
  process.stderr.write(`verbatim failed to start: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
