/**
 * `npm run register`: sends the one command list to Discord, to DISCORD_GUILD_ID when set
 * (instant, for development) or globally. Uses DISCORD_API_BASE like the bot does.
 */
import { REST, Routes } from 'discord.js';
import { pathToFileURL } from 'node:url';
import { loadConfig, type Config } from '../config.js';
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let log = createLogger({ level: 'info', format: 'json' });
  try {
    const config = loadConfig();
    log = createLogger({ level: config.logLevel, format: config.logFormat, secrets: [config.discordToken] });
    await registerCommands(config, log);
  } catch (err) {
    log.error({ err }, 'command registration failed');
    log.flush();
    process.exitCode = 1;
  }
}
