import { coreOf, createCore } from './answer/core.js';
import type { Core, Problem } from './answer/types.js';
import { loadKnowledgeBase } from './snapshot.js';
import type { KnowledgeSource } from './store/types.js';

export type { Answer, Citation, Core, Problem } from './answer/types.js';
export { createCore };

export interface LoadOptions {
  /** Where to persist the built index (rebuilt automatically when a knowledge file changes); null: never. */
  cacheDir?: string | null;
  /** Where the knowledge is kept (src/store/): default the folder `dir`; PostgreSQL with DATABASE_URL. */
  source?: KnowledgeSource;
}

/** Loads a knowledge folder and builds the core. Bad files become problems; they never stop the rest. */
export async function loadCore(dir: string, options: LoadOptions = {}): Promise<{ core: Core; problems: Problem[]; cache: string }> {
  const { kb, problems, cache } = await loadKnowledgeBase(options.source ?? dir, options.cacheDir ?? null);
  return { core: coreOf(kb), problems, cache };
}
