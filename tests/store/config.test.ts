import { expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const load = (env: Record<string, string>) => loadConfig({ env, dotenv: false });

it('uses the folder and per-process limits when DATABASE_URL and REDIS_URL are unset (or empty)', () => {
  expect(load({})).toMatchObject({ database: undefined, redis: undefined });
  expect(load({ DATABASE_URL: '', REDIS_URL: ' ' })).toMatchObject({ database: undefined, redis: undefined });
});

it('reads DATABASE_URL (schema verbatim by default) and REDIS_URL (prefix verbatim)', () => {
  expect(load({ DATABASE_URL: 'postgres://u:p@db.example:5432/app?sslmode=no-verify', REDIS_URL: 'rediss://:pw@cache.example:6380' })).toMatchObject({
    database: { url: 'postgres://u:p@db.example:5432/app?sslmode=no-verify', schema: 'verbatim' },
    redis: { url: 'rediss://:pw@cache.example:6380', prefix: 'verbatim' },
  });
  expect(load({ DATABASE_URL: 'postgresql://h/db', DATABASE_SCHEMA: 'bot_2', REDIS_URL: 'redis://h', REDIS_PREFIX: 'bot:eu' })).toMatchObject({
    database: { schema: 'bot_2' },
    redis: { prefix: 'bot:eu' },
  });
});

it('refuses a URL of the wrong kind and a schema that is not a plain identifier, naming each', () => {
  expect(() => load({ DATABASE_URL: 'mysql://h/db' })).toThrow(ConfigError);
  expect(() => load({ DATABASE_URL: 'postgres://h/db', DATABASE_SCHEMA: 'x; drop table' })).toThrow(/DATABASE_SCHEMA/);
  expect(() => load({ REDIS_URL: 'http://h' })).toThrow(/REDIS_URL/);
});
