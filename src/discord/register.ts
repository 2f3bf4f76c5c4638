/**
 * `npm run register`: sends the one command list to Discord, to DISCORD_GUILD_ID when set
 * (instant, for development) or globally. Uses DISCORD_API_BASE like the bot does.
 */
import { REST, Routes } from 'discord.js';
import { pathToFileURL } from 'node:url';
import { readFlags } from '../flags.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { createLogger, type Logger } from '../log.js';
import { commandDefinitions } from './commands/index.js';

export async function registerCommands(
  config: Pick<Config, 'discordToken' | 'discordClientId' | 'discordGuildId' | 'discordApiBase'>,
  log: Logger,
): Promise<number> {
  if (!config.discordToken || !config.discordClientId) {
    throw new Error('npm run register needs DISCORD_TOKEN and DISCORD_CLIENT_ID (see .env.example)');
  }
  const rest = new REST(config.discordApiBase ? { api: config.discordApiBase } : {}).setToken(config.discordToken);
  const body = commandDefinitions();
  const route = config.discordGuildId
    ? Routes.applicationGuildCommands(config.discordClientId, config.discordGuildId)
    : Routes.applicationCommands(config.discordClientId);
  const result = (await rest.put(route, { body })) as unknown[];
  log.info(
    { commands: body.map((c) => c.name), scope: config.discordGuildId ? `guild ${config.discordGuildId}` : 'global' },
    `registered ${result.length} commands`,
  );
  return result.length;
}

/** The usage of `npm run register`, naming the commands it sends. */
export function registerUsage(): string {
  return `usage: npm run register

  Sends the slash commands (${commandDefinitions()
    .map((c) => `/${c.name}`)
    .join(', ')}) to Discord: to the
  server DISCORD_GUILD_ID when it is set (they appear at once; for development), else globally.
  Needs DISCORD_TOKEN and DISCORD_CLIENT_ID, in the environment or in .env (see .env.example).

  -h, --help   this text
`;
}

async function main(): Promise<number> {
  const flags = readFlags('npm run register', registerUsage(), {}, { positionals: false });
  if ('exit' in flags) return flags.exit;
  let config: Readonly<Config>;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`npm run register: ${err.message}\n`);
    return 1;
  }
  const missing = [config.discordToken ? '' : 'DISCORD_TOKEN', config.discordClientId ? '' : 'DISCORD_CLIENT_ID'].filter(Boolean);
  if (missing.length) {
    // A setup step not done yet is not a crash: one sentence saying what to set, no log line, no stack.
    process.stderr.write(
      `npm run register: ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set; set ${missing.length === 1 ? 'it' : 'them'} in the environment or in .env (see .env.example).\n`,
    );
    return 1;
  }
  const log = createLogger({ level: config.logLevel, format: config.logFormat, secrets: [config.discordToken] });
  try {
    await registerCommands(config, log);
    return 0;
  } catch (err) {
    log.error({ err }, 'command registration failed');
    log.flush();
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main();
}
