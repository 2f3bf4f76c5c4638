import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../src/answer/core.js';
import type { Core } from '../src/answer/types.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { Article } from '../src/knowledge/types.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const KNOWLEDGE = join(HERE, '..', 'knowledge');
export const FIXTURES = join(HERE, 'fixtures');
export const SEED_2021_03_24 = '000_3b84f6373ba0600d.txt';
export const SEED_2021_03_22 = '003_6af9d5b632cee811.txt';

let seeds: Promise<{ articles: Article[]; core: Core }> | null = null;

/** The real seed articles, loaded once per test file. */
export function loadSeeds(): Promise<{ articles: Article[]; core: Core }> {
  seeds ??= loadKnowledge(KNOWLEDGE).then(({ articles, problems }) => {
    if (problems.length) throw new Error(`seed problems: ${JSON.stringify(problems)}`);
    return { articles, core: createCore(articles) };
  });
  return seeds;
}

/** The seed texts with whitespace collapsed, for "is this excerpt verbatim?" checks. */
export function seedCorpus(): string {
  return readdirSync(KNOWLEDGE)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => collapse(readFileSync(join(KNOWLEDGE, f), 'utf8')))
    .join('\n');
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Every piece of an excerpt between "…" marks, for verbatim checks. */
export function excerptPieces(excerpt: string): string[] {
  return excerpt
    .split('…')
    .map((p) => collapse(p))
    .filter((p) => p.length > 0);
}
