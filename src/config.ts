/**
 * Configuration, read once from the environment (and `.env` through dotenv) and validated with zod.
 * The result is typed and frozen; nothing else in the project reads `process.env`.
 */
import dotenv from 'dotenv';
import { z } from 'zod';

/** Empty strings (`DISCORD_GUILD_ID=` in a copied `.env.example`) mean "not set". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const snowflake = z.string().trim().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');

const schema = z.object({
  DISCORD_TOKEN: optional(z.string().trim().min(20, 'looks too short to be a bot token')),
  DISCORD_CLIENT_ID: optional(snowflake),
  DISCORD_GUILD_ID: optional(snowflake),
  DISCORD_API_BASE: optional(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:8080/api' })
      .transform((u) => u.replace(/\/+$/, '')),
  ),
  KNOWLEDGE_DIR: optional(z.string()).transform((v) => v ?? 'knowledge'),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])).transform(
    (v) => v ?? 'info',
  ),
  LOG_FORMAT: optional(z.enum(['pretty', 'json'])),
  NODE_ENV: optional(z.string()),
});

export interface Config {
  discordToken: string | undefined;
  discordClientId: string | undefined;
  discordGuildId: string | undefined;
  /** REST base such as `https://discord.com/api` (discord.js appends `/v10`); undefined = Discord's. */
  discordApiBase: string | undefined;
  knowledgeDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Pretty logs for people in development, JSON lines in production. */
  logFormat: 'pretty' | 'json';
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  /** Read `.env` into `env` first (never overriding variables already set). Default true. */
  dotenv?: boolean;
}

/** Reads and validates the configuration; throws a ConfigError listing every bad variable. */
export function loadConfig(options: LoadConfigOptions = {}): Readonly<Config> {
  const env = options.env ?? process.env;
  if (options.dotenv ?? true) dotenv.config({ quiet: true, processEnv: env as Record<string, string> });
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  return Object.freeze({
    discordToken: e.DISCORD_TOKEN,
    discordClientId: e.DISCORD_CLIENT_ID,
    discordGuildId: e.DISCORD_GUILD_ID,
    discordApiBase: e.DISCORD_API_BASE,
    knowledgeDir: e.KNOWLEDGE_DIR,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (production || !process.stdout.isTTY ? 'json' : 'pretty'),
  });
}
