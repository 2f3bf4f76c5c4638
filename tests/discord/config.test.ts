import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

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
