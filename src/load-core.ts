import { type CoreOptions, coreOf } from './answer/core.js';
import type { Core } from './answer/types.js';
import type { Problem } from './knowledge/types.js';
import { terminalProgress } from './progress.js';
import { loadKnowledgeBase, type LoadProgress } from './snapshot.js';
import type { KnowledgeSource } from './store/types.js';

export interface LoadOptions {
  /** Where to persist the built index (rebuilt automatically when a knowledge file changes); null: never. */
  cacheDir?: string | null;
  /** Progress of a slow load; default: on stderr when it is a terminal (see progress.ts); null: none. */
  progress?: LoadProgress | null;
  /** Where the knowledge is kept (src/store/): default the folder `dir`; PostgreSQL with DATABASE_URL. */
  source?: KnowledgeSource;
  /** How the core answers (answer/core.ts CoreOptions): only the benchmark changes the defaults. */
  answering?: CoreOptions;
}

/** Loads a knowledge folder and builds the core. Bad files become problems; they never stop the rest. */
export async function loadCore(
  dir: string,
  options: LoadOptions = {},
): Promise<{ core: Core; problems: Problem[]; cache: string; rejected?: string }> {
  const progress = options.progress === undefined ? terminalProgress() : (options.progress ?? undefined);
  const { kb, problems, cache, rejected } = await loadKnowledgeBase(options.source ?? dir, options.cacheDir ?? null, progress);
  return { core: coreOf(kb, options.answering), problems, cache, ...(rejected ? { rejected } : {}) };
}
