import { createCore } from './answer/core.js';
import type { Core, Problem } from './answer/types.js';
import { loadKnowledge } from './knowledge/load.js';

export type { Answer, Citation, Core, Problem } from './answer/types.js';
export { createCore };

/** Loads a knowledge folder and builds the core. Bad files become problems; they never stop the rest. */
export async function loadCore(dir: string): Promise<{ core: Core; problems: Problem[] }> {
  const { articles, problems } = await loadKnowledge(dir);
  return { core: createCore(articles), problems };
}
