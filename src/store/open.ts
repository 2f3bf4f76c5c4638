/**
 * Picks the knowledge store from the configuration: PostgreSQL when DATABASE_URL is set (the
 * folder then only seeds an empty database), else the knowledge folder.
 */
import { databaseConfig, type Config } from '../config.js';
import type { Logger } from '../log.js';
import { folderStore } from './folder.js';
import { importFolder } from './move.js';
import { openPostgresStore } from './postgres.js';
import type { KnowledgeStore } from './types.js';

export interface OpenOptions {
  database: Config['database'];
  knowledgeDir: string;
  log?: Logger | undefined;
  /** Import the knowledge folder into an empty database (never written to before). Default true. */
  seed?: boolean;
  /**
   * Tries to reach the database at start (backoff 0.5 s doubling), so a bot started while the
   * database restarts or fails over waits for it instead of exiting at once. Default 1.
   */
  attempts?: number;
}

export async function openStore(o: OpenOptions): Promise<KnowledgeStore> {
  if (!o.database) return folderStore(o.knowledgeDir);
  const store = await connect(o.database, o.log, o.attempts ?? 1);
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

async function connect(database: NonNullable<Config['database']>, log: Logger | undefined, attempts: number) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await openPostgresStore({ url: database.url, schema: database.schema, log });
    } catch (err) {
      if (attempt >= attempts) throw err;
      const retryMs = 500 * 2 ** (attempt - 1);
      log?.warn(
        { err: { message: (err as Error).message, code: (err as { code?: string }).code }, attempt, retryMs },
        'database unreachable at start; retrying',
      );
      await new Promise((r) => setTimeout(r, retryMs));
    }
  }
}
