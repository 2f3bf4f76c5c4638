/**
 * The Discord face: builds the discord.js client, wires the router and the message handler, and
 * shuts down gracefully (stop taking work, finish replies in flight, destroy the client).
 */
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { Core, LiveCore } from '../answer/types.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { BotContext, Health } from './context.js';
import { createCooldowns, type Cooldowns } from './cooldown.js';
import { handleMessage } from './events/messageCreate.js';
import { NO_MENTIONS } from './respond.js';
import { routeInteraction } from './router.js';
import { InFlight } from './in-flight.js';
import { Turns } from './turns.js';

export interface BotHandle {
  client: Client<true>;
  ctx: BotContext;
  /** Stops taking work, waits for replies in flight (bounded), destroys the client. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** A LiveCore also gets the admin /reload command's work done. */
  core: Core | LiveCore;
  config: Pick<Config, 'discordToken' | 'discordApiBase'> & Partial<Pick<Config, 'cooldowns' | 'sharding'>>;
  log: Logger;
  /** Default: the config's cooldowns (or, without them, no limits). */
  cooldown?: Cooldowns;
  /** How long a shutdown waits for replies in flight. */
  drainMs?: number;
  /** Adds a source (`/add`); without it /add says it is not available. */
  add?: BotContext['add'];
  /** Called once when a shutdown starts (e.g. stop watching the knowledge folder). */
  onStop?: () => void;
  /** The state of the knowledge store and the limit store, for the `discord ready` log and /reload. */
  health?: () => Health;
}

/** Given shard ids of a total (SHARD_IDS/SHARD_COUNT); otherwise discord.js decides (one shard, or the manager's env). */
function createClient(apiBase: string | undefined, shards?: { ids: number[]; count: number }): Client {
  return new Client({
    ...(shards ? { shards: shards.ids, shardCount: shards.count } : {}),
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
  const sharding = config.sharding;
  const client = createClient(config.discordApiBase, sharding?.mode === 'ids' ? sharding : undefined);
  const ctx: BotContext = {
    core,
    log,
    cooldown: options.cooldown ?? createCooldowns(config.cooldowns ?? {}),
    work: new InFlight(),
    turns: new Turns(),
    reload: 'reload' in core ? () => core.reload() : undefined,
    add: options.add,
    health: options.health,
  };

  client.on(Events.InteractionCreate, (i) => ctx.work.run(routeInteraction(i, ctx)));
  client.on(Events.MessageCreate, (m) => ctx.work.run(handleMessage(m, ctx)));
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ source: 'discord.js' }, message));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ shard, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'gateway resumed'));
  client.rest.on('rateLimited', (r) => log.warn({ route: r.route, retryAfterMs: r.retryAfter, global: r.global }, 'rate limited'));
  if (log.isLevelEnabled('trace')) client.on(Events.Debug, (m) => log.trace({ source: 'discord.js' }, m));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(config.discordToken);
  } catch (err) {
    // A client that failed to log in still holds sockets and timers: without this the process lives on.
    await client.destroy().catch((e: unknown) => log.debug({ err: e }, 'client not destroyed cleanly after a failed login'));
    throw err;
  }
  const readyClient = await ready;
  const shardIds = readyClient.ws.shards.map((shard) => shard.id);
  const memory = process.memoryUsage();
  const mb = (n: number) => Math.round(n / 1024 / 1024);
  log.info(
    {
      user: readyClient.user.id,
      guilds: readyClient.guilds.cache.size,
      shards: shardIds,
      shardCount: readyClient.options.shardCount,
      heapMb: mb(memory.heapUsed),
      rssMb: mb(memory.rss),
      ...core.stats(),
      ...(options.health?.() ?? {}),
    },
    'discord ready',
  );

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      ctx.work.stopping = true;
      options.onStop?.();
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
