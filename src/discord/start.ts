/**
 * Entry point of the Discord face, called by src/main.ts when DISCORD_TOKEN is set or --discord
 * is given: validated config → logger → the core over KNOWLEDGE_DIR → log in → run until
 * SIGTERM/SIGINT (then finish replies in flight, destroy the client, flush logs, exit 0).
 */
import { loadConfig } from '../config.js';
import { cacheDir } from '../cli/knowledge-dir.js';
import { loadCore } from '../core.js';
import { createLogger } from '../log.js';
import { runBot } from './client.js';

export const MISSING_TOKEN =
  'verbatim --discord: DISCORD_TOKEN is not set, so the bot cannot log in (and --discord never falls back to the console). ' +
  'Set it in the environment or in .env (see .env.example), or start without --discord to use the console.';

export async function startDiscord(options: { requireToken: boolean }): Promise<void> {
  const config = loadConfig();
  if (!config.discordToken) {
    process.stderr.write(`${MISSING_TOKEN}\n`);
    process.exitCode = 1;
    return;
  }
  const log = createLogger({ level: config.logLevel, format: config.logFormat, secrets: [config.discordToken] });
  const { core, problems, cache } = await loadCore(config.knowledgeDir, { cacheDir: cacheDir() });
  for (const p of problems) log.warn({ file: p.file, line: p.line, reason: p.reason }, 'knowledge problem');
  log.info({ dir: config.knowledgeDir, cache, requireToken: options.requireToken, ...core.stats() }, 'knowledge loaded');
  await runBot({ core, config, log });
}
