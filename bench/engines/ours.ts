/**
 * This project's core, loaded through its public entry `loadCore(dir)` from src/load-core.ts.
 * Imported dynamically so the benchmark still type-checks and runs (skipping this engine)
 * before the core exists.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Answer, Core } from '../../src/answer/types.js';
import type { Problem } from '../../src/knowledge/types.js';
import { repoRoot } from '../corpus.js';
import type { BenchQuery } from '../types.js';
import type { BenchEngine } from './types.js';

type LoadCore = (
  dir: string,
  options?: { cacheDir?: string | null; progress?: null; answering?: { phraseRanking?: boolean } },
) => Promise<{ core: Core; problems: Problem[] }>;

export const corePath = join(repoRoot, 'src', 'load-core.ts');

export function coreExists(path = corePath): boolean {
  return existsSync(path);
}

/** Imports src/load-core.ts (done before any clock starts: module compilation is not cold start). */
export async function importLoadCore(path = corePath): Promise<LoadCore> {
  const mod = (await import(pathToFileURL(path).href)) as { loadCore?: LoadCore };
  if (typeof mod.loadCore !== 'function') throw new Error(`${path} does not export loadCore`);
  return mod.loadCore;
}

/** Structured requests go to `answer` (as Discord sends them); free text goes to `ask`. */
export function askCore(core: Core, query: BenchQuery): Answer {
  return query.request === null ? core.ask(query.text) : core.answer(query.request);
}

export function wrapCore(core: Core, name = 'verbatim (ours)'): BenchEngine {
  return {
    name,
    search: (query) =>
      askCore(core, query)
        .citations.slice(0, 5)
        .map((c) => ({ speaker: c.speaker, text: c.excerpt })),
    found: (query) => askCore(core, query).found,
  };
}
