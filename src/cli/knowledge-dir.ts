import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `--knowledge DIR`, else KNOWLEDGE_DIR, else the project's own knowledge/ folder (wherever the command is run from). */
export function knowledgeDir(flag?: string): string {
  if (flag) return resolve(flag);
  if (process.env.KNOWLEDGE_DIR) return resolve(process.env.KNOWLEDGE_DIR);
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [resolve('knowledge'), resolve(here, '../../knowledge'), resolve(here, '../../../knowledge')]) {
    if (existsSync(candidate)) return candidate;
  }
  return resolve('knowledge');
}

export function printProblems(problems: Array<{ file: string; line?: number; reason: string }>, out: NodeJS.WritableStream = process.stderr): void {
  for (const p of problems) out.write(`knowledge problem: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.reason}\n`);
}

/**
 * Where the built index is persisted: VERBATIM_CACHE_DIR, else the project's `.cache/verbatim`;
 * VERBATIM_CACHE_DIR=off disables it.
 */
export function cacheDir(): string | null {
  const env = process.env.VERBATIM_CACHE_DIR;
  if (env === 'off') return null;
  if (env) return resolve(env);
  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(here, '../../.cache/verbatim');
}
