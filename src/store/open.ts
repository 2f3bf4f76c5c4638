/**
 * Picks the knowledge store from the configuration: PostgreSQL when DATABASE_URL is set (the
 * folder then only seeds an empty database), else the knowledge folder.
 */
import { loadConfig, type Config } from '../config.js';
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
}

export async function openStore(o: OpenOptions): Promise<KnowledgeStore> {
  if (!o.database) return folderStore(o.knowledgeDir);
  const store = await openPostgresStore({ url: o.database.url, schema: o.database.schema, log: o.log });
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
  let config: Readonly<Config>;
  try {
    config = loadConfig();
  } catch (err) {
    if (process.env.DATABASE_URL) throw err;
    return undefined;
  }
  return config.database ? openStore({ database: config.database, knowledgeDir }) : undefined;
}
