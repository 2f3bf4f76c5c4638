/**
 * The Discord face: builds the discord.js client, wires the router and the message handler, and
 * shuts down gracefully (stop taking work, finish replies in flight, destroy the client).
 */
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { Core } from '../answer/types.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { BotContext } from './context.js';
import { createCooldown, type Cooldown } from './cooldown.js';
import { handleMessage } from './events/messageCreate.js';
import { NO_MENTIONS } from './respond.js';
import { routeInteraction } from './router.js';
import { Work } from './work.js';

export interface BotHandle {
  client: Client<true>;
  ctx: BotContext;
  /** Stops taking work, waits for replies in flight (bounded), destroys the client. */
  stop(): Promise<void>;
}

export interface StartOptions {
  core: Core;
  config: Pick<Config, 'discordToken' | 'discordApiBase'>;
  log: Logger;
  cooldown?: Cooldown;
  /** How long a shutdown waits for replies in flight. */
  drainMs?: number;
}

export function createClient(apiBase: string | undefined): Client {
  return new Client({
    // No privileged intent: DMs and messages that mention the bot carry their content anyway.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel], // DM channels are not cached: without this, DMs are dropped
    allowedMentions: NO_MENTIONS,
    ...(apiBase ? { rest: { api: apiBase } } : {}),
  });
}

/** Logs in and resolves once the client is ready. */
export async function startBot(options: StartOptions): Promise<BotHandle> {
  const { core, config, log } = options;
  if (!config.discordToken) throw new Error('DISCORD_TOKEN is not set');
  const client = createClient(config.discordApiBase);
  const ctx: BotContext = { core, log, cooldown: options.cooldown ?? createCooldown(), work: new Work() };

  client.on(Events.InteractionCreate, (i) => ctx.work.run(routeInteraction(i, ctx)));
  client.on(Events.MessageCreate, (m) => ctx.work.run(handleMessage(m, ctx)));
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ source: 'discord.js' }, message));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ shard, code: event.code }, 'gateway disconnected'));
  client.rest.on('rateLimited', (r) => log.warn({ route: r.route, retryAfterMs: r.retryAfter, global: r.global }, 'rate limited'));
  if (log.isLevelEnabled('trace')) client.on(Events.Debug, (m) => log.trace({ source: 'discord.js' }, m));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(config.discordToken);
  const readyClient = await ready;
  log.info({ user: readyClient.user.id, guilds: readyClient.guilds.cache.size, ...core.stats() }, 'discord ready');

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      ctx.work.stopping = true;
      log.info({ inflight: ctx.work.size }, 'discord stopping');
      await ctx.work.drain(options.drainMs ?? 8000);
      await client.destroy();
      log.info('discord stopped');
    })());
  return { client: readyClient, ctx, stop };
}

/** For `main`: runs the bot until SIGTERM/SIGINT, then shuts down and exits 0. */
export async function runBot(options: StartOptions): Promise<BotHandle> {
  const handle = await startBot(options);
  const onSignal = (signal: NodeJS.Signals) => {
    options.log.info({ signal }, 'shutdown requested');
    void handle
      .stop()
      .catch((err: unknown) => options.log.error({ err }, 'shutdown failed'))
      .finally(() => {
        options.log.flush();
        process.exit(0);
      });
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  return handle;
}
