import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Problem } from '../answer/types.js';
import { statKnowledge } from '../knowledge/load.js';

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

/** A folder's README.md documents the folder: it is never a source. */
export const isFolderReadme = (path: string): boolean => basename(path).toLowerCase() === 'readme.md';

/**
 * Why `dir` cannot be used as a knowledge folder, in one sentence, or null when it can: missing,
 * a file, unreadable, or with no file but its README. Every face (console, `ask`, the bot) refuses
 * to answer from such a folder instead of answering "not found" from nothing; `npm run add` uses
 * the same check (with `allowEmpty`) before writing into one.
 */
export async function knowledgeDirProblem(dir: string, options: { allowEmpty?: boolean } = {}): Promise<string | null> {
  const code = (err: unknown) => (err as NodeJS.ErrnoException).code ?? (err as Error).message;
  try {
    if (!(await stat(dir)).isDirectory()) return `${dir} is a file, not a folder: the knowledge folder holds .txt, .md, .html, .pdf and .jsonl files`;
  } catch (err) {
    return code(err) === 'ENOENT' ? `the knowledge folder ${dir} does not exist` : `cannot read the knowledge folder ${dir} (${code(err)})`;
  }
  let files: Awaited<ReturnType<typeof statKnowledge>>;
  try {
    files = await statKnowledge(dir);
  } catch (err) {
    return `cannot read the knowledge folder ${dir} (${code(err)})`;
  }
  // Answering from an empty folder is pointless; adding to one (npm run add) is how it fills.
  if (!options.allowEmpty && !files.some((f) => !isFolderReadme(f.path)))
    return `the knowledge folder ${dir} is empty: add .txt, .md, .html, .pdf or .jsonl sources (see knowledge/README.md)`;
  return null;
}

/** After loading: a folder whose every file failed has nothing to answer from. */
export function noSourceProblem(dir: string, sources: number, problems: Problem[]): string | null {
  if (sources > 0) return null;
  const files = new Set(problems.map((p) => p.file)).size;
  return `no loadable source in ${dir}: ${files === 1 ? 'its one file has' : `all ${files} files have`} problems (listed above)`;
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
