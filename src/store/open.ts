/**
 * Picks the knowledge store from the configuration: PostgreSQL when DATABASE_URL is set (the
 * folder then only seeds an empty database), else the knowledge folder.
 */
import { databaseConfig, type Config } from '../config.js';
import type { Logger } from '../log.js';
import { folderStore } from './folder.js';
import { importFolder } from './move.js';
import { errFields, isConnectionLost, StoreUnavailable } from './pg-faults.js';
import { describeUrl } from './pg-rows.js';
import { openPostgresStore } from './postgres.js';
import type { KnowledgeStore } from './types.js';

/**
 * Reaching the database at start: tries again after 0.5 s, doubling up to 4 s, while the error
 * says the server is not there (refused, reset, starting up, shutting down); anything else (a bad
 * password, a missing database) fails at once, since waiting cannot fix it.
 */
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 4000;

/** One retry at start, for whoever shows progress (the bot's log, the knowledge command's stderr). */
export interface ConnectRetry {
  attempt: number;
  retryMs: number;
  /** The driver's error message (never the URL's password). */
  reason: string;
  /** How long it keeps trying in all. */
  budgetMs: number;
}

export interface OpenOptions {
  database: Config['database'];
  knowledgeDir: string;
  log?: Logger | undefined;
  /** Import the knowledge folder into an empty database (never written to before). Default true. */
  seed?: boolean;
  /**
   * How long to keep trying to reach an unreachable database at start (back-off 0.5 s doubling to
   * 4 s), so a bot or an import started while the database restarts or fails over waits for it
   * instead of failing at once; then it fails with StoreUnavailable naming the database and why.
   * Default 0: one try (DATABASE_CONNECT_SECONDS sets it for the bot and the knowledge command).
   */
  connectForMs?: number;
  /** Told before each retry. */
  onRetry?: (retry: ConnectRetry) => void;
}

export async function openStore(o: OpenOptions): Promise<KnowledgeStore> {
  if (!o.database) return folderStore(o.knowledgeDir);
  const store = await connect(o.database, o.log, o.connectForMs ?? 0, o.onRetry);
  if ((o.seed ?? true) && (await store.counter()) === '0') {
    // Processes starting together may both seed: puts of the same bytes are no-ops, so that is safe.
    try {
      const report = await importFolder(store, o.knowledgeDir, 'seed');
      o.log?.info({ dir: o.knowledgeDir, written: report.written.length, failed: report.failed }, 'empty database seeded from the knowledge folder');
    } catch (err) {
      o.log?.warn({ dir: o.knowledgeDir, err }, 'empty database not seeded: the knowledge folder cannot be read');
    }
  }
  return store;
}

/**
 * For the console and `ask`: the PostgreSQL store when DATABASE_URL is set (in the environment or
 * .env), else undefined (the folder). Other variables are validated only when it is set.
 */
export async function openStoreFromEnv(knowledgeDir: string): Promise<KnowledgeStore | undefined> {
  const database = databaseConfig();
  return database ? openStore({ database, knowledgeDir }) : undefined;
}

async function connect(database: NonNullable<Config['database']>, log: Logger | undefined, budgetMs: number, onRetry: OpenOptions['onRetry']) {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await openPostgresStore({ url: database.url, schema: database.schema, log });
    } catch (err) {
      if (!isConnectionLost(err)) throw err;
      const reason = (err as Error).message || (err as { code?: string }).code || 'no reason given';
      const retryMs = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempt - 1));
      if (Date.now() - started + retryMs > budgetMs) {
        const tried = budgetMs ? `; tried for ${Math.round((Date.now() - started) / 1000)} s` : '';
        throw new StoreUnavailable(`the database at ${describeUrl(database.url)} is unreachable (${reason})${tried}`, { cause: err });
      }
      log?.warn({ err: errFields(err), attempt, retryMs }, 'database unreachable at start; retrying');
      onRetry?.({ attempt, retryMs, reason, budgetMs });
      await new Promise((r) => setTimeout(r, retryMs));
    }
  }
}
