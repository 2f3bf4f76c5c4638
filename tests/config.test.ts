import { describe, expect, it } from 'vitest';
import { ConfigError, limitsFromEnv, loadConfig } from '../src/config.js';

const load = (env: Record<string, string>) => loadConfig({ env, dotenv: false });

describe('loadConfig', () => {
  it('has defaults and treats empty values as unset', () => {
    const c = load({ DISCORD_GUILD_ID: '', DISCORD_TOKEN: '  ' });
    expect(c).toMatchObject({ discordToken: undefined, discordGuildId: undefined, knowledgeDir: 'knowledge', logLevel: 'info' });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads every variable', () => {
    const c = load({
      DISCORD_TOKEN: 'MTEw.fake.token-value-long-enough',
      DISCORD_CLIENT_ID: '1100000000000000001',
      DISCORD_GUILD_ID: '1100000000000000002',
      DISCORD_API_BASE: 'http://127.0.0.1:5000/api/',
      KNOWLEDGE_DIR: 'other',
      LOG_LEVEL: 'debug',
      NODE_ENV: 'production',
    });
    expect(c).toEqual({
      discordToken: 'MTEw.fake.token-value-long-enough',
      discordClientId: '1100000000000000001',
      discordGuildId: '1100000000000000002',
      discordApiBase: 'http://127.0.0.1:5000/api',
      knowledgeDir: 'other',
      logLevel: 'debug',
      logFormat: 'json',
      cooldowns: { user: { limit: 5, windowMs: 10_000 }, clicks: { limit: 20, windowMs: 10_000 }, channel: { limit: 30, windowMs: 10_000 } },
      sharding: { mode: 'single' },
      ingest: { allowPrivateUrls: false, feeds: [], feedIntervalMinutes: 30, operatorGuilds: [] },
      limits: {},
    });
  });

  it('lists every bad variable in one clear error', () => {
    let error: unknown;
    try {
      load({ DISCORD_CLIENT_ID: 'abc', DISCORD_API_BASE: 'ftp://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/DISCORD_CLIENT_ID/);
    expect(message).toMatch(/DISCORD_API_BASE/);
    expect(message).toMatch(/LOG_LEVEL/);
  });
});

describe('cooldowns', () => {
  it('reads COUNT/SECONDS and off', () => {
    const c = load({ COOLDOWN_USER: '3/5', COOLDOWN_CLICKS: 'off', COOLDOWN_CHANNEL: ' 100 / 60 ' });
    expect(c.cooldowns).toEqual({ user: { limit: 3, windowMs: 5000 }, clicks: null, channel: { limit: 100, windowMs: 60_000 } });
    expect(load({ COOLDOWN_USER: '0' }).cooldowns.user).toBeNull();
    expect(load({ COOLDOWN_USER: '2/0.5' }).cooldowns.user).toEqual({ limit: 2, windowMs: 500 });
  });

  it('refuses anything else', () => {
    for (const v of ['5', 'five/10', '-1/10', '5/10s', '5:10']) expect(() => load({ COOLDOWN_USER: v }), v).toThrow(/COOLDOWN_USER/);
  });
});

describe('sharding', () => {
  it('is one shard by default', () => {
    expect(load({}).sharding).toEqual({ mode: 'single' });
  });

  it('SHARDS=auto or a count runs the sharding manager', () => {
    expect(load({ SHARDS: 'auto' }).sharding).toEqual({ mode: 'manager', shards: 'auto', spawnDelayMs: 5500 });
    expect(load({ SHARDS: '4', SHARD_SPAWN_DELAY_MS: '0' }).sharding).toEqual({ mode: 'manager', shards: 4, spawnDelayMs: 0 });
    for (const v of ['0', '-2', '1.5', 'many']) expect(() => load({ SHARDS: v }), v).toThrow(/SHARDS/);
  });

  it('SHARD_IDS with SHARD_COUNT runs those shards in this process', () => {
    expect(load({ SHARD_IDS: '2, 0,2', SHARD_COUNT: '4' }).sharding).toEqual({ mode: 'ids', ids: [0, 2], count: 4 });
    expect(() => load({ SHARD_IDS: '0,4', SHARD_COUNT: '4' })).toThrow(/SHARD_IDS: 4 not below SHARD_COUNT=4/);
    expect(() => load({ SHARD_IDS: '0,1' })).toThrow(/needs SHARD_COUNT/);
    expect(() => load({ SHARD_COUNT: '2' })).toThrow(/needs SHARD_IDS/);
    expect(() => load({ SHARD_IDS: '0', SHARD_COUNT: '2', SHARDS: 'auto' })).toThrow(/one or the other/);
    expect(() => load({ SHARD_IDS: '0;1', SHARD_COUNT: '2' })).toThrow(/SHARD_IDS/);
  });

  it('a process spawned by the manager leaves SHARDS/SHARD_COUNT to discord.js', () => {
    expect(load({ SHARDING_MANAGER: 'true', SHARDS: '0', SHARD_COUNT: '4' }).sharding).toEqual({ mode: 'child' });
  });
});

describe('limits of loading (LIMIT_*)', () => {
  it('reads each limit in its unit, leaving the unset ones to their defaults', () => {
    const env = { LIMIT_PARAGRAPH_CHARS: '200000', LIMIT_LINE_MB: '4', LIMIT_FILE_MB: '32', LIMIT_WORKER_SECONDS: '5', LIMIT_DOM_DEPTH: '128' };
    const expected = { paragraphChars: 200_000, lineBytes: 4 * 1024 * 1024, fileBytes: 32 * 1024 * 1024, workerTimeMs: 5000, domDepth: 128 };
    expect(load(env).limits).toEqual(expected);
    expect(limitsFromEnv({ ...env, LIMIT_WORKER_MEMORY_MB: '256', LIMIT_WORKER_PARAGRAPH_CHARS: '20000' })).toEqual({
      ...expected,
      workerMemoryMb: 256,
      workerParagraphChars: 20_000,
    });
  });

  it('refuses a limit that is not a whole number within its bounds, naming the variable', () => {
    expect(() => limitsFromEnv({ LIMIT_FILE_MB: 'lots', LIMIT_WORKER_SECONDS: '0' })).toThrow(
      /LIMIT_FILE_MB: .*\n.*LIMIT_WORKER_SECONDS: must be at least 1/,
    );
    expect(() => load({ LIMIT_DOM_DEPTH: '2.5' })).toThrow(/LIMIT_DOM_DEPTH: must be a whole number/);
  });
});
