/**
 * Shared cooldowns against a real Redis (a key prefix of this test's own, deleted afterwards):
 * two limiters (two processes) count one budget, warn once then stay silent; an unreachable
 * Redis means the in-memory limits, with one warning.
 */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createRedisCooldowns } from '../../src/discord/limits-redis.js';
import { createLogger } from '../../src/log.js';
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
});
