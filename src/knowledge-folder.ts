import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { statKnowledge } from './knowledge/load.js';
import type { Problem } from './knowledge/types.js';

/** For main.ts (which may not import the core): the limits of loading, set from the environment at start. */
export { setLoadLimits } from './knowledge/limits.js';

/** Checks of a knowledge folder shared by every face (console, `ask`, `add`, the bot), and how its problems are printed. */

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
