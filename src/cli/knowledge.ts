/**
 * `npm run knowledge -- import DIR | export DIR | list | remove NAME… | promote ID…`: moves sources
 * between a folder and the database (DATABASE_URL), losslessly; promote makes a server's own
 * source global (docs/scopes.md), in the database or, without DATABASE_URL, the knowledge folder. import puts every file of DIR under its
 * relative name (same bytes: nothing written); export writes every stored source back under its
 * original name with its original bytes (a JSONL collection as one file). Every running bot
 * follows the change within seconds (NOTIFY). Exit 0 done, 1 some file failed, 2 usage error.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { exportFolder, importFolder, type MoveReport } from '../store/move.js';
import { folderStore } from '../store/folder.js';
import { type ConnectRetry, openStore } from '../store/open.js';
import { StoreUnavailable } from '../store/pg-faults.js';
import { promoteSource } from '../store/promote.js';
import { KNOWLEDGE_USAGE } from './usage.js';

function print(verb: string, dir: string, r: MoveReport): number {
  for (const f of r.failed) process.stderr.write(`${verb} failed: ${f.name}: ${f.reason}\n`);
  process.stdout.write(`${verb} ${dir}: ${r.written.length} written, ${r.unchanged.length} unchanged, ${r.failed.length} failed\n`);
  if (r.unreachable)
    process.stderr.write(`${verb} stopped: ${r.unreachable}. Run the same command again once it is back: what was written is unchanged.\n`);
  return r.failed.length ? 1 : 0;
}

/** Each retry of an unreachable database at start, on stderr, so a waiting command says why it waits. */
function sayRetry(r: ConnectRetry): void {
  process.stderr.write(
    `knowledge: the database is unreachable (${r.reason}); trying again in ${r.retryMs / 1000} s (for up to ${r.budgetMs / 1000} s)\n`,
  );
}

/** Opens the database, waiting for it as DATABASE_CONNECT_SECONDS says; a message instead of a stack when it never answers. */
async function openDatabase(config: Readonly<Config>, verb: string) {
  try {
    return await openStore({
      database: config.database,
      knowledgeDir: config.knowledgeDir,
      seed: false,
      connectForMs: (config.database?.connectSeconds ?? 30) * 1000,
      onRetry: sayRetry,
    });
  } catch (err) {
    if (!(err instanceof StoreUnavailable)) throw err;
    process.stderr.write(
      `knowledge: nothing done (${verb}): ${err.message}. Check DATABASE_URL and that PostgreSQL is running, then run the same command again.\n`,
    );
    return null;
  }
}

const OPTIONS = { help: { type: 'boolean', short: 'h' } } as const;

async function main(): Promise<number> {
  let args: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    args = parseArgs({ options: OPTIONS, allowPositionals: true });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${KNOWLEDGE_USAGE}\n`);
    return 2;
  }
  const [verb, ...rest] = args.positionals;
  if (args.values.help) {
    process.stdout.write(`${KNOWLEDGE_USAGE}\n`);
    return 0;
  }
  const needsDir = verb === 'import' || verb === 'export';
  const needsNames = verb === 'remove' || verb === 'promote';
  if (!verb || !['import', 'export', 'list', 'remove', 'promote'].includes(verb) || (needsDir && rest.length !== 1) || (needsNames && !rest.length)) {
    process.stderr.write(`${KNOWLEDGE_USAGE}\n`);
    return 2;
  }
  let config: Readonly<Config>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  if (verb === 'promote') return promote(config, rest);
  if (!config.database) {
    process.stderr.write(
      `knowledge: DATABASE_URL is not set; the knowledge folder (${config.knowledgeDir}) is the store, edit it directly.\n${KNOWLEDGE_USAGE}\n`,
    );
    return 2;
  }
  // Never seeds: importing into an empty database is this command's own job.
  const store = await openDatabase(config, verb);
  if (!store) return 1;
  try {
    if (verb === 'import') return print('import', resolve(rest[0]!), await importFolder(store, resolve(rest[0]!), 'cli:import'));
    if (verb === 'export') return print('export', resolve(rest[0]!), await exportFolder(store, resolve(rest[0]!)));
    if (verb === 'list') {
      for (const f of await store.list())
        process.stdout.write(`${f.name}\t${f.size}\t${f.sha256.slice(0, 12)}\t${f.provenance.addedBy ?? ''}\t${f.scopes?.join(',') ?? 'global'}\n`);
      process.stdout.write(`change counter ${await store.counter()}\n`);
      return 0;
    }
    let code = 0;
    for (const name of rest) {
      const removed = await store.remove(name);
      process.stdout.write(`${removed ? 'removed' : 'not stored'}: ${name}\n`);
      if (!removed) code = 1;
    }
    return code;
  } finally {
    await store.close();
  }
}

/** Promotes each id; exit 1 when one could not be. */
async function promote(config: Readonly<Config>, ids: string[]): Promise<number> {
  const store = config.database ? await openDatabase(config, 'promote') : folderStore(config.knowledgeDir);
  if (!store) return 1;
  try {
    let code = 0;
    for (const id of ids) {
      const r = await promoteSource(store, id);
      if (r.ok) process.stdout.write(`promoted: ${r.from} → ${r.to} (answered in every server)\n`);
      else {
        process.stderr.write(`not promoted: ${r.reason}\n`);
        code = 1;
      }
    }
    return code;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`knowledge failed: ${(err as Error).message}\n`);
    process.exitCode = 1;
  },
);
