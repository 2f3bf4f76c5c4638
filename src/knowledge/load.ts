import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import type { Problem } from '../answer/types.js';
import { ALIAS_FILE, mergeAliases, parseAliasFile, type AliasTable } from '../search/aliases.js';
import { parseJsonlRecord } from './jsonl.js';
import { ParseError, parseArticle } from './parse.js';
import type { Article } from './types.js';

/** The only file-system code of the core: a folder → articles plus the problems met on the way. */

const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);
const MAX_FILE_BYTES = 512 * 1024 * 1024;
/** JSONL records parsed between two pauses when loading in the background. */
const RECORDS_PER_SLICE = 100;

export interface FileStat {
  path: string;
  size: number;
  mtimeMs: number;
}

/** One file's articles and problems, as last read. */
export interface FileLoad extends FileStat {
  articles: Article[];
  problems: Problem[];
  /** For the folder's alias list (`aliases.yaml`): the names it adds. */
  aliases?: AliasTable;
}

export interface LoadResult {
  articles: Article[];
  problems: Problem[];
  /** The files read, with size and modification time (for change detection). */
  files: FileLoad[];
  /** The folder's own alias list, when it has one (the built-in list is applied anyway). */
  aliases: AliasTable;
}

/** Lets a background load give the event loop back now and then. */
export type Pause = () => Promise<void>;

/** Reads every article under `dir`. Never throws for a bad file: it becomes a Problem. */
export async function loadKnowledge(dir: string, pause?: Pause): Promise<LoadResult> {
  let stats: FileStat[];
  try {
    stats = await statKnowledge(dir);
  } catch (err) {
    return { articles: [], files: [], aliases: {}, problems: [{ file: dir, reason: `cannot read the knowledge folder: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` }] };
  }
  const files: FileLoad[] = [];
  for (const s of stats) files.push(await loadKnowledgeFile(dir, s, pause));
  return mergeFiles(files);
}

/** Joins per-file loads in path order; a duplicate id is a problem of the later file. */
export function mergeFiles(files: FileLoad[]): LoadResult {
  const result: LoadResult = { articles: [], problems: [], files, aliases: mergeAliases(...files.map((f) => f.aliases)) };
  const seen = new Map<string, string>();
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    result.problems.push(...f.problems);
    for (const article of f.articles) {
      const other = seen.get(article.id);
      if (other) {
        result.problems.push({ file: f.path, reason: `duplicate id "${article.id}" (already used by ${other}); skipped` });
        continue;
      }
      seen.set(article.id, f.path);
      result.articles.push(article);
    }
  }
  return result;
}

/** Path, size and modification time of every file under `dir`: what decides whether a persisted index is still valid. */
export async function statKnowledge(dir: string): Promise<FileStat[]> {
  const out: FileStat[] = [];
  for (const path of (await listFiles(dir)).sort()) {
    try {
      const info = await stat(path);
      out.push({ path: relative(dir, path).split(sep).join('/'), size: info.size, mtimeMs: info.mtimeMs });
    } catch {
      // Deleted between listing and stat: it is simply not there any more.
    }
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

/** Reads one file (path relative to `dir`) into articles and problems. */
export async function loadKnowledgeFile(dir: string, file: FileStat, pause?: Pause): Promise<FileLoad> {
  const out: FileLoad = { ...file, articles: [], problems: [] };
  const path = join(dir, file.path);
  const ext = extname(path).toLowerCase();
  // A folder's README.md documents the folder; it is never an article.
  if (basename(path).toLowerCase() === 'readme.md') return out;
  // The alias list (nicknames, initials) is data about names, not a source.
  if (file.path === ALIAS_FILE) {
    try {
      const { aliases, problems } = parseAliasFile(await readFile(path, 'utf8'));
      out.aliases = aliases;
      for (const reason of problems) out.problems.push({ file: file.path, reason });
    } catch (err) {
      out.problems.push({ file: file.path, reason: `unreadable: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
    }
    return out;
  }
  const problem = (reason: string, line?: number) => out.problems.push({ file: file.path, ...(line ? { line } : {}), reason });
  if (!ARTICLE_EXTENSIONS.has(ext) && ext !== '.jsonl') {
    problem(`unsupported file type "${ext || '(none)'}": use .txt, .md or .jsonl`);
    return out;
  }
  let text: string;
  try {
    if (file.size > MAX_FILE_BYTES) throw new Error(`file too large (${file.size} bytes)`);
    const bytes = await readFile(path);
    if (bytes.length === 0 || !bytes.toString('utf8').trim()) {
      problem('empty file');
      return out;
    }
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    problem(err instanceof TypeError ? 'not UTF-8 text (binary file?)' : `unreadable: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return out;
  }
  if (ext === '.jsonl') {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (pause && i % RECORDS_PER_SLICE === RECORDS_PER_SLICE - 1) await pause();
      if (!lines[i]!.trim()) continue;
      try {
        out.articles.push(parseJsonlRecord(lines[i]!, file.path, i + 1));
      } catch (err) {
        problem((err as Error).message, i + 1);
      }
    }
    return out;
  }
  try {
    out.articles.push(parseArticle(text, file.path.replace(/\.[^./]+$/, ''), file.path));
  } catch (err) {
    problem((err as Error).message, err instanceof ParseError ? err.line : undefined);
  }
  return out;
}
