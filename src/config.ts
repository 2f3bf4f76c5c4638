/**
 * Configuration, read once from the environment (and `.env` through dotenv) and validated with zod.
 * The result is typed and frozen; nothing else in the project reads `process.env`.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import dotenv from 'dotenv';
import { z } from 'zod';

/** Empty strings (`DISCORD_GUILD_ID=` in a copied `.env.example`) mean "not set". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const snowflake = z
  .string()
  .trim()
  .regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');

/** `5/10`: at most 5 per 10 seconds; `off` (or `0`) disables that limit. */
const rate = z
  .string()
  .trim()
  .regex(/^(off|0|\d{1,6}\s*\/\s*\d{1,6}(\.\d+)?)$/, 'must be COUNT/SECONDS such as 5/10, or off')
  .transform((v): Rate | null => {
    if (v === 'off' || v === '0') return null;
    const [limit = '0', seconds = '0'] = v.split('/').map((x) => x.trim());
    return Number(limit) > 0 && Number(seconds) > 0 ? { limit: Number(limit), windowMs: Math.round(Number(seconds) * 1000) } : null;
  });

const count = z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000);

/** A whole number within bounds, for a limit. */
const bounded = (min: number, max: number) =>
  optional(z.coerce.number().int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

/**
 * The limits of loading a source (defaults and why in src/knowledge/limits.ts; documented in
 * docs/reliability.md). Unset: the default. Every face sets them at start (setLoadLimits).
 */
const LIMIT_FIELDS = {
  LIMIT_PARAGRAPH_CHARS: bounded(10_000, 100_000_000),
  LIMIT_WORKER_PARAGRAPH_CHARS: bounded(1_000, 100_000_000),
  LIMIT_LINE_MB: bounded(1, 1024),
  LIMIT_FILE_MB: bounded(1, 4096),
  LIMIT_WORKER_SECONDS: bounded(1, 3600),
  LIMIT_WORKER_MEMORY_MB: bounded(64, 16_384),
  LIMIT_DOM_DEPTH: bounded(16, 10_000),
};

const schema = z.object({
  DISCORD_TOKEN: optional(z.string().trim().min(20, 'looks too short to be a bot token')),
  DISCORD_CLIENT_ID: optional(snowflake),
  DISCORD_GUILD_ID: optional(snowflake),
  DISCORD_API_BASE: optional(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:8080/api' }).transform((u) => u.replace(/\/+$/, '')),
  ),
  KNOWLEDGE_DIR: optional(z.string()).transform((v) => v ?? 'knowledge'),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])).transform((v) => v ?? 'info'),
  LOG_FORMAT: optional(z.enum(['pretty', 'json'])),
  NODE_ENV: optional(z.string()),
  COOLDOWN_USER: optional(rate).transform((v) => (v === undefined ? { limit: 5, windowMs: 10_000 } : v)),
  COOLDOWN_CLICKS: optional(rate).transform((v) => (v === undefined ? { limit: 20, windowMs: 10_000 } : v)),
  COOLDOWN_CHANNEL: optional(rate).transform((v) => (v === undefined ? { limit: 30, windowMs: 10_000 } : v)),
  SHARDS: optional(z.union([z.literal('auto'), count])),
  SHARD_IDS: optional(
    z
      .string()
      .trim()
      .regex(/^\d+(\s*,\s*\d+)*$/, 'must be shard ids separated by commas, e.g. 0,1'),
  ),
  SHARD_COUNT: optional(count),
  SHARD_SPAWN_DELAY_MS: optional(z.coerce.number().int().min(0).max(60_000)).transform((v) => v ?? 5500),
  SHARDING_MANAGER: optional(z.string()),
  // Unsafe on a public bot: lets /add and feeds fetch loopback and private addresses (tests, local use).
  VERBATIM_ALLOW_PRIVATE_URLS: optional(z.enum(['0', '1'], { error: 'must be 1 (allow; unsafe) or 0' })).transform((v) => v === '1'),
  // Servers whose moderators' /add writes to the global sources (answered everywhere): the operator's own.
  VERBATIM_OPERATOR_GUILDS: optional(z.string()).transform((v, ctx) => {
    const ids = (v ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    for (const id of ids) if (!/^\d{17,20}$/.test(id)) ctx.addIssue({ code: 'custom', message: `not a Discord server id (17 to 20 digits): ${id}` });
    return ids;
  }),
  FEEDS: optional(z.string()).transform((v, ctx) => {
    const urls = (v ?? '')
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean);
    for (const u of urls) if (!/^https?:\/\/[^\s]+$/i.test(u)) ctx.addIssue({ code: 'custom', message: `not an http(s) URL: ${u}` });
    return urls;
  }),
  FEED_INTERVAL_MINUTES: optional(z.coerce.number().min(0.01, 'must be more than 0').max(10_080)).transform((v) => v ?? 30),
  // Defaults in src/ingest/feeds.ts (FEED_TUNING): new items per feed per poll, one poll's time
  // budget, and the items a feed may list before it is refused whole.
  FEED_MAX_ITEMS: optional(count),
  FEED_POLL_BUDGET_SECONDS: optional(z.coerce.number().min(1, 'must be at least 1').max(86_400)),
  FEED_MAX_LISTED_ITEMS: optional(count),
  DATABASE_URL: optional(z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL such as postgres://user:pass@host:5432/db' })),
  DATABASE_SCHEMA: optional(
    z
      .string()
      .trim()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be lower-case letters, digits and _ (a PostgreSQL schema)'),
  ).transform((v) => v ?? 'verbatim'),
  ...LIMIT_FIELDS,
  // How long the bot and the knowledge command wait for an unreachable database at start.
  DATABASE_CONNECT_SECONDS: optional(z.coerce.number().int('must be a whole number').min(0).max(3600)).transform((v) => v ?? 30),
  REDIS_URL: optional(z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379' })),
  REDIS_PREFIX: optional(
    z
      .string()
      .trim()
      .regex(/^[\w:.-]{1,64}$/, 'must be letters, digits and _ : . - (up to 64)'),
  ).transform((v) => v ?? 'verbatim'),
});

/** The limits of loading set in the environment (the shape of src/knowledge/limits.ts's LOAD_LIMITS); unset ones absent. */
export interface LimitsConfig {
  paragraphChars?: number;
  workerParagraphChars?: number;
  lineBytes?: number;
  fileBytes?: number;
  workerTimeMs?: number;
  workerMemoryMb?: number;
  domDepth?: number;
}

/** At most `limit` per sliding `windowMs`. */
export interface Rate {
  limit: number;
  windowMs: number;
}

/**
 * How this process uses Discord's shards:
 * - `single`: one process, one shard (below ~2,500 servers);
 * - `manager`: this process only spawns shard processes (discord.js ShardingManager), `SHARDS=auto|N`;
 * - `ids`: this process runs the given shard ids of `count` (shards spread over several machines);
 * - `child`: a process spawned by the manager (discord.js reads its shard from the environment).
 */
type Sharding =
  | { mode: 'single' }
  | { mode: 'manager'; shards: number | 'auto'; spawnDelayMs: number }
  | { mode: 'ids'; ids: number[]; count: number }
  | { mode: 'child' };

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
  /** Per-user questions (commands, DMs, mentions), per-user button clicks, per-channel (both); null: no limit. */
  cooldowns: { user: Rate | null; clicks: Rate | null; channel: Rate | null };
  sharding: Sharding;
  /** Adding sources (`/add`, feeds). */
  ingest: {
    allowPrivateUrls: boolean;
    feeds: string[];
    feedIntervalMinutes: number;
    operatorGuilds: string[];
    /** Unset: the defaults of src/ingest/feeds.ts. */
    feedMaxItems?: number;
    feedPollBudgetSeconds?: number;
    feedMaxListedItems?: number;
  };
  /** PostgreSQL as the knowledge store (src/store/); undefined: the knowledge folder. */
  database: { url: string; schema: string /** How long to wait for it at start (DATABASE_CONNECT_SECONDS). */; connectSeconds?: number } | undefined;
  /** Redis for cooldowns shared by every process (src/discord/limits-redis.ts); undefined: per process. */
  redis: { url: string; prefix: string } | undefined;
  /** The limits of loading a source set in the environment (LIMIT_*). */
  limits: LimitsConfig;
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
  // In a process spawned by discord.js's ShardingManager, SHARDS=<this shard's id> (0 included) and
  // SHARD_COUNT are discord.js's own, not ours to validate.
  const source = env.SHARDING_MANAGER ? { ...env, SHARDS: undefined, SHARD_COUNT: undefined, SHARD_IDS: undefined } : env;
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const sharding = shardingOf(e);
  if (typeof sharding === 'string') throw new ConfigError(`invalid configuration (see .env.example):\n  ${sharding}`);
  const production = e.NODE_ENV === 'production';
  return Object.freeze({
    discordToken: e.DISCORD_TOKEN,
    discordClientId: e.DISCORD_CLIENT_ID,
    discordGuildId: e.DISCORD_GUILD_ID,
    discordApiBase: e.DISCORD_API_BASE,
    knowledgeDir: e.KNOWLEDGE_DIR,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (production || !process.stdout.isTTY ? 'json' : 'pretty'),
    cooldowns: Object.freeze({ user: e.COOLDOWN_USER, clicks: e.COOLDOWN_CLICKS, channel: e.COOLDOWN_CHANNEL }),
    sharding: Object.freeze(sharding),
    ingest: Object.freeze({
      allowPrivateUrls: e.VERBATIM_ALLOW_PRIVATE_URLS,
      feeds: Object.freeze([...e.FEEDS]) as string[],
      feedIntervalMinutes: e.FEED_INTERVAL_MINUTES,
      operatorGuilds: Object.freeze([...e.VERBATIM_OPERATOR_GUILDS]) as string[],
      ...(e.FEED_MAX_ITEMS ? { feedMaxItems: e.FEED_MAX_ITEMS } : {}),
      ...(e.FEED_POLL_BUDGET_SECONDS ? { feedPollBudgetSeconds: e.FEED_POLL_BUDGET_SECONDS } : {}),
      ...(e.FEED_MAX_LISTED_ITEMS ? { feedMaxListedItems: e.FEED_MAX_LISTED_ITEMS } : {}),
    }),
    database: e.DATABASE_URL
      ? Object.freeze({ url: e.DATABASE_URL, schema: e.DATABASE_SCHEMA, connectSeconds: e.DATABASE_CONNECT_SECONDS })
      : undefined,
    redis: e.REDIS_URL ? Object.freeze({ url: e.REDIS_URL, prefix: e.REDIS_PREFIX }) : undefined,
    limits: Object.freeze(limitsOf(e)),
  });
}

function limitsOf(e: { [K in keyof typeof LIMIT_FIELDS]?: number | undefined }): LimitsConfig {
  const mb = (n: number | undefined) => (n === undefined ? undefined : n * 1024 * 1024);
  const all: Record<keyof LimitsConfig, number | undefined> = {
    paragraphChars: e.LIMIT_PARAGRAPH_CHARS,
    workerParagraphChars: e.LIMIT_WORKER_PARAGRAPH_CHARS,
    lineBytes: mb(e.LIMIT_LINE_MB),
    fileBytes: mb(e.LIMIT_FILE_MB),
    workerTimeMs: e.LIMIT_WORKER_SECONDS === undefined ? undefined : e.LIMIT_WORKER_SECONDS * 1000,
    workerMemoryMb: e.LIMIT_WORKER_MEMORY_MB,
    domDepth: e.LIMIT_DOM_DEPTH,
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
}

/**
 * The limits of loading from the environment (and `.env`) alone, for the faces that do not need
 * the rest of the configuration (the console, `ask`, `add`, the knowledge linter); throws a
 * ConfigError naming a bad variable.
 */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): LimitsConfig {
  dotenv.config({ quiet: true, processEnv: env as Record<string, string> });
  const parsed = z.object(LIMIT_FIELDS).safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration (see docs/reliability.md):\n${lines.join('\n')}`);
  }
  return limitsOf(parsed.data);
}

/** The sharding mode, or a message saying which variables conflict. */
function shardingOf(e: z.infer<typeof schema>): Sharding | string {
  // discord.js's ShardingManager gives each child SHARDS=<id>, SHARD_COUNT and SHARDING_MANAGER=true.
  if (e.SHARDING_MANAGER) return { mode: 'child' };
  if (e.SHARD_IDS !== undefined) {
    if (e.SHARDS !== undefined) return 'SHARDS and SHARD_IDS: set one or the other (a manager spawning shards, or given shard ids)';
    if (e.SHARD_COUNT === undefined) return 'SHARD_IDS: needs SHARD_COUNT (the total number of shards over all processes)';
    const ids = [...new Set(e.SHARD_IDS.split(',').map((x) => Number(x.trim())))].sort((a, b) => a - b);
    const bad = ids.filter((id) => id >= e.SHARD_COUNT!);
    if (bad.length) return `SHARD_IDS: ${bad.join(', ')} not below SHARD_COUNT=${e.SHARD_COUNT} (ids start at 0)`;
    return { mode: 'ids', ids, count: e.SHARD_COUNT };
  }
  if (e.SHARDS !== undefined) return { mode: 'manager', shards: e.SHARDS, spawnDelayMs: e.SHARD_SPAWN_DELAY_MS };
  if (e.SHARD_COUNT !== undefined) return 'SHARD_COUNT: needs SHARD_IDS (or use SHARDS=auto|N to spawn every shard from one machine)';
  return { mode: 'single' };
}

/** This file's folder: `src/` under tsx, `dist/` when built; the project is its parent. */
const HERE = dirname(fileURLToPath(import.meta.url));

/** `--knowledge DIR`, else KNOWLEDGE_DIR, else the project's own knowledge/ folder (wherever the command is run from). */
export function knowledgeDir(flag?: string): string {
  if (flag) return resolve(flag);
  if (process.env.KNOWLEDGE_DIR) return resolve(process.env.KNOWLEDGE_DIR);
  for (const candidate of [resolve('knowledge'), resolve(HERE, '../knowledge'), resolve(HERE, '../../knowledge')]) {
    if (existsSync(candidate)) return candidate;
  }
  return resolve('knowledge');
}

/** `npm start -- --knowledge DIR`: the same as KNOWLEDGE_DIR=DIR, for this process and the shard processes it spawns. */
export function setKnowledgeDir(dir: string): void {
  process.env.KNOWLEDGE_DIR = dir;
}

/**
 * Where the built index is persisted: VERBATIM_CACHE_DIR, else the project's `.cache/verbatim`;
 * VERBATIM_CACHE_DIR=off disables it.
 */
export function cacheDir(): string | null {
  const env = process.env.VERBATIM_CACHE_DIR;
  if (env === 'off') return null;
  if (env) return resolve(env);
  return resolve(HERE, '../.cache/verbatim');
}

/** Whether a bot token is set (in the environment or, once loaded, `.env`): `npm start` then runs the bot. */
export function hasDiscordToken(): boolean {
  return Boolean(process.env.DISCORD_TOKEN);
}

/** VERBATIM_ALLOW_PRIVATE_URLS=1 (unsafe outside tests and local use): URLs may reach loopback and private addresses. */
export function allowPrivateUrls(): boolean {
  return process.env.VERBATIM_ALLOW_PRIVATE_URLS === '1';
}

/**
 * For the console and `ask`: the database settings when DATABASE_URL is set (in the environment or
 * .env), else undefined (the folder). Other variables are validated only when it is set.
 */
export function databaseConfig(): Config['database'] {
  try {
    return loadConfig().database;
  } catch (err) {
    if (process.env.DATABASE_URL) throw err;
    return undefined;
  }
}
