/**
 * Cooldowns shared by every process on every machine (`REDIS_URL`): a user over the limit on one
 * shard is over it on all. rate-limiter-flexible keeps one atomic counter per key and window in
 * Redis (fixed windows of whole seconds, where the in-memory limits slide). While Redis is down
 * each process falls back to its own in-memory limits (src/discord/cooldown.ts), with a logged
 * warning, and returns to the shared ones as soon as Redis answers again.
 */
import { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config, Rate } from '../config.js';
import type { Logger } from '../log.js';
import { createCooldowns, type CooldownRates, type Cooldowns, type Scope, type Verdict } from './cooldown.js';

/** A command that takes longer than this counts as Redis being down (the in-memory limit decides). */
const COMMAND_TIMEOUT_MS = 500;
/**
 * While limits are degraded on a connection that is still open (a command timed out: a stalled or
 * paused server), a PING this often tells when Redis answers again; nothing else would, since the
 * connection never drops and so never becomes 'ready' anew.
 */
const HEALTH_CHECK_MS = 5000;
/** How long start-up waits for Redis before going on with in-memory limits. */
const CONNECT_WAIT_MS = 2000;

export interface SharedCooldowns extends Cooldowns {
  /** `down`: not connected; `degraded`: connected but a command timed out (the health check watches it). */
  health(): { store: 'redis'; state: 'ok' | 'down' | 'degraded'; detail?: string };
  close(): Promise<void>;
}

export async function createRedisCooldowns(
  rates: CooldownRates,
  redis: NonNullable<Config['redis']>,
  log?: Logger,
  tuning: { healthCheckMs?: number; commandTimeoutMs?: number } = {},
): Promise<SharedCooldowns> {
  const client = new Redis(redis.url, {
    // Fail at once while disconnected instead of queueing: the in-memory limit answers meanwhile.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: tuning.commandTimeoutMs ?? COMMAND_TIMEOUT_MS,
    retryStrategy: (times) => Math.min(10_000, 200 * 2 ** Math.min(times, 6)),
  });
  const memory = createCooldowns(rates);
  let down: string | null = 'connecting';
  let closing = false;
  const fallBack = (why: string) => {
    if (closing) return;
    if (down === null) log?.warn({ reason: why }, 'redis unreachable: in-memory cooldowns per process until it is back');
    down = why;
  };
  client.on('error', (err: Error) => fallBack(err.message || 'error'));
  client.on('close', () => fallBack('connection closed'));
  client.on('ready', () => {
    if (down !== null && down !== 'connecting') log?.info('redis back: cooldowns shared by every process again');
    down = null;
  });
  let checking = false;
  const healthCheck = setInterval(() => {
    if (down === null || checking || client.status !== 'ready') return;
    checking = true;
    client
      .ping()
      .then(() => {
        if (down !== null) log?.info({ was: down }, 'redis answering again: cooldowns shared by every process again');
        down = null;
      })
      .catch((err: unknown) => log?.debug({ err: { message: (err as Error).message } }, 'redis health check: still not answering'))
      .finally(() => {
        checking = false;
      });
  }, tuning.healthCheckMs ?? HEALTH_CHECK_MS);
  healthCheck.unref();

  const limiter = (name: string, r: Rate | null | undefined) =>
    r
      ? new RateLimiterRedis({
          storeClient: client,
          keyPrefix: `${redis.prefix}:cooldown:${name}`,
          points: r.limit,
          duration: Math.max(1, Math.round(r.windowMs / 1000)),
        })
      : null;
  const limiters = { question: limiter('user', rates.user), click: limiter('clicks', rates.clicks), channel: limiter('channel', rates.channel) };

  /** 'ok' under the limit; the first hit over it 'warn' (one polite line), later ones 'silent'. */
  async function hit(l: RateLimiterRedis | null, key: string): Promise<Verdict> {
    if (!l) return 'ok';
    try {
      await l.consume(key);
      return 'ok';
    } catch (res) {
      if (res instanceof RateLimiterRes) return res.consumedPoints === l.points + 1 ? 'warn' : 'silent';
      throw res;
    }
  }

  async function shared(kind: 'question' | 'click', userId: string, channelId: string | null): Promise<{ verdict: Verdict; scope: Scope }> {
    const mine = await hit(limiters[kind], userId);
    if (mine !== 'ok') return { verdict: mine, scope: 'user' };
    return { verdict: channelId ? await hit(limiters.channel, channelId) : 'ok', scope: 'channel' };
  }

  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, CONNECT_WAIT_MS);
    client.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  if (down !== null) {
    const why = down;
    down = null; // so the warning below is logged once
    fallBack(why);
  }

  return {
    async check(kind, userId, channelId) {
      if (down !== null || client.status !== 'ready') return memory.check(kind, userId, channelId);
      try {
        return await shared(kind, userId, channelId);
      } catch (err) {
        fallBack((err as Error).message);
        return memory.check(kind, userId, channelId);
      }
    },
    health: () => ({
      store: 'redis',
      state: down === null ? 'ok' : client.status === 'ready' ? 'degraded' : 'down',
      ...(down ? { detail: down } : {}),
    }),
    async close() {
      closing = true;
      clearInterval(healthCheck);
      client.disconnect();
    },
  };
}
