import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import type { Problem } from '../answer/types.js';
import { parseJsonlRecord } from './jsonl.js';
import { ParseError, parseArticle } from './parse.js';
import type { Article } from './types.js';

/** The only file-system code of the core: a folder → articles plus the problems met on the way. */

const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);
const MAX_FILE_BYTES = 512 * 1024 * 1024;

export interface LoadResult {
  articles: Article[];
  problems: Problem[];
  /** The files read, with size and modification time (for change detection). */
  files: Array<{ path: string; size: number; mtimeMs: number }>;
}

/** Reads every article under `dir`. Never throws for a bad file: it becomes a Problem. */
export async function loadKnowledge(dir: string): Promise<LoadResult> {
  const result: LoadResult = { articles: [], problems: [], files: [] };
  let paths: string[];
  try {
    paths = await listFiles(dir);
  } catch (err) {
    result.problems.push({ file: dir, reason: `cannot read the knowledge folder: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
    return result;
  }
  const seen = new Map<string, string>();
  for (const path of paths.sort()) {
    const file = relative(dir, path).split(sep).join('/');
    for (const article of await loadFile(path, file, result)) {
      const other = seen.get(article.id);
      if (other) {
        result.problems.push({ file, reason: `duplicate id "${article.id}" (already used by ${other}); skipped` });
        continue;
      }
      seen.set(article.id, file);
      result.articles.push(article);
    }
  }
  return result;
}

/** Path, size and modification time of every file under `dir`: what decides whether a persisted index is still valid. */
export async function statKnowledge(dir: string): Promise<Array<{ path: string; size: number; mtimeMs: number }>> {
  const out: Array<{ path: string; size: number; mtimeMs: number }> = [];
  for (const path of (await listFiles(dir)).sort()) {
    const info = await stat(path);
    out.push({ path: relative(dir, path).split(sep).join('/'), size: info.size, mtimeMs: info.mtimeMs });
  }
  return out;
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

async function loadFile(path: string, file: string, result: LoadResult): Promise<Article[]> {
  const ext = extname(path).toLowerCase();
  // A folder's README.md documents the folder; it is never an article.
  if (basename(path).toLowerCase() === 'readme.md') return [];
  if (!ARTICLE_EXTENSIONS.has(ext) && ext !== '.jsonl') {
    result.problems.push({ file, reason: `unsupported file type "${ext || '(none)'}": use .txt, .md or .jsonl` });
    return [];
  }
  let text: string;
  try {
    const info = await stat(path);
    result.files.push({ path: file, size: info.size, mtimeMs: info.mtimeMs });
    if (info.size > MAX_FILE_BYTES) throw new Error(`file too large (${info.size} bytes)`);
    const bytes = await readFile(path);
    if (bytes.length === 0 || !bytes.toString('utf8').trim()) {
      result.problems.push({ file, reason: 'empty file' });
      return [];
    }
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    const reason = err instanceof TypeError ? 'not UTF-8 text (binary file?)' : `unreadable: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
    result.problems.push({ file, reason });
    return [];
  }
  if (ext === '.jsonl') return loadJsonl(text, file, result);
  try {
    const id = file.replace(/\.[^./]+$/, '');
    return [parseArticle(text, id, file)];
  } catch (err) {
    result.problems.push({ file, ...(err instanceof ParseError && err.line ? { line: err.line } : {}), reason: (err as Error).message });
    return [];
  }
}

function loadJsonl(text: string, file: string, result: LoadResult): Article[] {
  const articles: Article[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    try {
      articles.push(parseJsonlRecord(line, file, i + 1));
    } catch (err) {
      result.problems.push({ file, line: i + 1, reason: (err as Error).message });
    }
  });
  return articles;
}
