/**
 * Shared cooldowns against a real Redis (a key prefix of this test's own, deleted afterwards):
 * two limiters (two processes) count one budget, warn once then stay silent; an unreachable
 * Redis means the in-memory limits, with one warning.
 */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createRedisCooldowns } from '../../src/discord/limits-redis.js';
import { createLogger } from '../../src/log.js';
import { renderReloadText } from '../../src/render/discord/reload.js';
import { startFaultProxy } from '../fault-proxy.js';
import { REDIS_URL } from '../services.js';

const prefix = `vt-test-limits-${process.pid}-${Date.now()}`;
const rates = { user: { limit: 2, windowMs: 60_000 }, clicks: { limit: 3, windowMs: 60_000 }, channel: { limit: 4, windowMs: 60_000 } };

function capture() {
  const lines: string[] = [];
  return { lines, log: createLogger({ level: 'info', format: 'json', destination: { write: (s: string) => void lines.push(s) } }) };
}

describe.skipIf(!inject('services').redis)('cooldowns shared through Redis', () => {
  afterAll(async () => {
    // Only this test's keys: other people's tests share this Redis.
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('two processes share one budget per user and per channel', async () => {
    const a = await createRedisCooldowns(rates, { url: REDIS_URL, prefix }, capture().log);
    const b = await createRedisCooldowns(rates, { url: REDIS_URL, prefix }, capture().log);
    try {
      expect(a.health()).toEqual({ store: 'redis', state: 'ok' });
      expect(await a.check('question', 'u1', 'c1')).toEqual({ verdict: 'ok', scope: 'channel' });
      expect(await b.check('question', 'u1', 'c1')).toEqual({ verdict: 'ok', scope: 'channel' });
      expect(await a.check('question', 'u1', 'c1')).toEqual({ verdict: 'warn', scope: 'user' });
      expect(await b.check('question', 'u1', 'c1')).toEqual({ verdict: 'silent', scope: 'user' });
      // Clicks have their own budget; the channel counts both kinds from every process.
      expect((await b.check('click', 'u1', 'c1')).verdict).toBe('ok');
      expect((await a.check('click', 'u2', 'c1')).verdict).toBe('ok');
      expect(await b.check('click', 'u3', 'c1')).toEqual({ verdict: 'warn', scope: 'channel' });
      expect((await a.check('question', 'u4', null)).verdict).toBe('ok');
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('with Redis unreachable, limits are per process in memory, with one warning', async () => {
    const { lines, log } = capture();
    const c = await createRedisCooldowns(rates, { url: 'redis://127.0.0.1:1', prefix }, log);
    try {
      expect(c.health()).toMatchObject({ store: 'redis', state: 'down' });
      expect((await c.check('question', 'm1', 'c9')).verdict).toBe('ok');
      expect((await c.check('question', 'm1', 'c9')).verdict).toBe('ok');
      expect((await c.check('question', 'm1', 'c9')).verdict).toBe('warn');
      expect(lines.filter((l) => l.includes('redis unreachable'))).toHaveLength(1);
    } finally {
      await c.close();
    }
  });

  it('a stalled Redis (commands time out, the connection stays) degrades the limits; the health check brings them back without reconnecting', async () => {
    const proxy = await startFaultProxy(REDIS_URL, 6379);
    const { lines, log } = capture();
    const stalled = await createRedisCooldowns(rates, { url: proxy.url, prefix: `${prefix}:stall` }, log, {
      healthCheckMs: 200,
      commandTimeoutMs: 200,
    });
    const other = await createRedisCooldowns(rates, { url: REDIS_URL, prefix: `${prefix}:stall` }, capture().log);
    try {
      expect((await stalled.check('question', 's1', null)).verdict).toBe('ok');
      proxy.stall();
      // Answered by the in-memory limit (fail open, per process), with one warning and the state for /reload.
      expect((await stalled.check('question', 's2', null)).verdict).toBe('ok');
      expect(stalled.health()).toMatchObject({ store: 'redis', state: 'degraded', detail: expect.stringMatching(/timed out/i) });
      expect(lines.filter((l) => l.includes('redis unreachable'))).toHaveLength(1);
      const report = { added: [], changed: [], removed: [], keptLastGood: [], problems: [], sources: 1, ms: 1 };
      expect(renderReloadText(report, { limits: stalled.health() })).toMatch(
        /Limits \(Redis\): degraded \(.*timed out\); in-memory limits meanwhile\./i,
      );
      proxy.resume();
      await expect.poll(() => stalled.health().state, { timeout: 5000, interval: 50 }).toBe('ok');
      expect(proxy.accepted).toBe(1);
      // Shared again: s1's second question here and a third in another process reach the limit of 2.
      expect((await stalled.check('question', 's1', null)).verdict).toBe('ok');
      expect((await other.check('question', 's1', null)).verdict).toBe('warn');
    } finally {
      await stalled.close();
      await other.close();
      await proxy.close();
    }
  });
});
