import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ALIAS_FILE, mergeAliases, parseAliasFile, type AliasTable } from './aliases.js';
import { extractPage, parseInWorker } from './extract.js';
import { LOAD_LIMITS } from './limits.js';
import { parseJsonlRecord } from './jsonl.js';
import { bytesChunks, collectionChunks, isJsonl, splitLines } from './lines.js';
import { pageArticleText, withFields } from './pages.js';
import { ParseError, parseArticle } from './parse.js';
import { scopeFields } from './scope.js';
import type { Article, Problem } from './types.js';

/** The only file-system code of the core: a folder → articles plus the problems met on the way. */

const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);
/** Pages whose text is extracted first (saved web pages, PDF statements). */
const PAGE_EXTENSIONS = new Set(['.html', '.htm', '.pdf']);
/** `<file>.source.yaml` next to a source: its provenance (`url`, `retrieved`, `content_type`, a given `date`). */
export const SIDECAR_SUFFIX = '.source.yaml';
const MAX_FILE_BYTES = 512 * 1024 * 1024;
/** JSONL records parsed between two pauses when loading in the background. */
const RECORDS_PER_SLICE = 100;

export interface FileStat {
  path: string;
  size: number;
  mtimeMs: number;
  /** Why an entry of the folder cannot be read as a file (a broken symbolic link, a link loop, a socket): reported, never silently dropped. */
  skipped?: string;
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
export async function loadKnowledge(dir: string): Promise<LoadResult> {
  let stats: FileStat[];
  try {
    stats = await statKnowledge(dir);
  } catch (err) {
    return {
      articles: [],
      files: [],
      aliases: {},
      problems: [{ file: dir, reason: `cannot read the knowledge folder: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` }],
    };
  }
  const files: FileLoad[] = [];
  for (const s of stats) files.push(await loadKnowledgeFile(dir, s));
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
  const entries = await listFiles(dir, new Set([await realpath(dir)]));
  for (const { path, skipped } of entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const name = relative(dir, path).split(sep).join('/');
    if (skipped) {
      out.push({ path: name, size: 0, mtimeMs: 0, skipped });
      continue;
    }
    try {
      // stat, not lstat: a symbolic link counts as the file it points to (its size and time key the index).
      const info = await stat(path);
      out.push({ path: name, size: info.size, mtimeMs: info.mtimeMs });
    } catch {
      // Deleted between listing and stat: it is simply not there any more.
    }
  }
  return foldSidecars(out);
}

/**
 * A provenance sidecar belongs to its source: a change to either re-reads the source (and keys
 * the snapshot), so its size and time are folded into the source's (the folder and the database alike).
 */
export function foldSidecars(out: FileStat[]): FileStat[] {
  const byPath = new Map(out.map((f) => [f.path, f]));
  return out.filter((f) => {
    if (!f.path.toLowerCase().endsWith(SIDECAR_SUFFIX)) return true;
    const owner = byPath.get(f.path.slice(0, -SIDECAR_SUFFIX.length));
    if (!owner) return true;
    owner.size += f.size;
    owner.mtimeMs = Math.max(owner.mtimeMs, f.mtimeMs);
    return false;
  });
}

/**
 * Every file under `dir`, following symbolic links to files and to folders; `ancestors` are the
 * real paths of the folders being listed, so a link back into one of them is a reported loop, not
 * an endless walk. Whatever cannot be read as a file is listed with the reason it is skipped.
 */
async function listFiles(dir: string, ancestors: Set<string>): Promise<Array<{ path: string; skipped?: string }>> {
  const out: Array<{ path: string; skipped?: string }> = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const info = await stat(path);
        isDir = info.isDirectory();
        isFile = info.isFile();
      } catch (err) {
        out.push({ path, skipped: `symbolic link to nothing readable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); skipped` });
        continue;
      }
    }
    if (isDir) {
      let real: string;
      try {
        real = await realpath(path);
      } catch (err) {
        out.push({ path, skipped: `folder not readable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); skipped` });
        continue;
      }
      if (ancestors.has(real)) {
        out.push({ path, skipped: 'symbolic link to a folder that contains it (a loop); skipped' });
        continue;
      }
      try {
        out.push(...(await listFiles(path, new Set([...ancestors, real]))));
      } catch (err) {
        out.push({ path, skipped: `folder not readable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); skipped` });
      }
    } else if (isFile) out.push({ path });
    else out.push({ path, skipped: 'not a regular file or folder (a socket, pipe or device); skipped' });
  }
  return out;
}

/** Reads one file (path relative to `dir`) into articles and problems. */
export async function loadKnowledgeFile(dir: string, file: FileStat, pause?: Pause): Promise<FileLoad> {
  const out: FileLoad = { ...file, articles: [], problems: [] };
  const path = join(dir, file.path);
  // A folder's README.md documents the folder; it is never an article.
  if (basename(path).toLowerCase() === 'readme.md') return out;
  const problem = (reason: string, line?: number) => out.problems.push({ file: file.path, ...(line ? { line } : {}), reason });
  // A provenance sidecar is read with the file it describes (statKnowledge folds it into that file).
  if (path.toLowerCase().endsWith(SIDECAR_SUFFIX)) {
    problem(`provenance for a file that is not there (${basename(path).slice(0, -SIDECAR_SUFFIX.length)}): delete it, or put the file back`);
    return out;
  }
  if (file.skipped) {
    problem(file.skipped);
    return out;
  }
  if (!supported(file.path)) return parseKnowledgeBytes(file, new Uint8Array(), pause);
  let bytes: Uint8Array;
  let sidecar: Record<string, unknown>;
  try {
    // A collection is read a line at a time (each line under its own limit); any other file whole.
    const limit = isJsonl(path) ? MAX_FILE_BYTES : LOAD_LIMITS.fileBytes;
    if (file.size > limit) throw new Error(`file too large (${file.size} bytes; the limit is ${limit})`);
    // A collection is streamed (below); any other file is read whole.
    bytes = isJsonl(path) ? new Uint8Array() : await readFile(path);
  } catch (err) {
    problem(`unreadable: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return out;
  }
  try {
    sidecar = await readSidecar(path);
  } catch (err) {
    problem((err as Error).message);
    return out;
  }
  if (isJsonl(path)) return parseJsonlStream(file, collectionChunks(path), pause);
  return parseKnowledgeBytes(file, bytes, pause, sidecar);
}

function supported(name: string): boolean {
  const ext = extname(name).toLowerCase();
  return name === ALIAS_FILE || ARTICLE_EXTENSIONS.has(ext) || PAGE_EXTENSIONS.has(ext) || isJsonl(name);
}

/**
 * One source's bytes as received (a file of the folder or a row of the database) → articles and
 * problems; `file.path` is its file name, which decides how it is read; `sidecar` is its provenance.
 */
export async function parseKnowledgeBytes(
  file: FileStat,
  bytes: Uint8Array,
  pause?: Pause,
  sidecar: Record<string, unknown> = {},
): Promise<FileLoad> {
  const out: FileLoad = { ...file, articles: [], problems: [] };
  const ext = extname(file.path).toLowerCase();
  if (basename(file.path).toLowerCase() === 'readme.md') return out;
  // A database row holding a sidecar: provenance, not a source (the folder reports an orphan one).
  if (file.path.toLowerCase().endsWith(SIDECAR_SUFFIX)) return out;
  const problem = (reason: string, line?: number) => out.problems.push({ file: file.path, ...(line ? { line } : {}), reason });
  // The alias list (nicknames, initials) is data about names, not a source.
  if (file.path === ALIAS_FILE) {
    try {
      const { aliases, problems } = parseAliasFile(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      out.aliases = aliases;
      for (const reason of problems) problem(reason);
    } catch (err) {
      problem(err instanceof TypeError ? 'not UTF-8 text' : `unreadable: ${(err as Error).message}`);
    }
    return out;
  }
  if (!supported(file.path)) {
    problem(`unsupported file type "${ext || '(none)'}": use .txt, .md, .html, .pdf, .jsonl or .jsonl.gz`);
    return out;
  }
  if (isJsonl(file.path)) return parseJsonlStream(file, bytesChunks(file.path, bytes), pause);
  if (PAGE_EXTENSIONS.has(ext)) {
    await parsePage(bytes, ext, file, sidecar, out).catch((err: unknown) => problem((err as Error).message));
    return out;
  }
  let text: string;
  try {
    // Decoded once (a file can be tens of MB, read on the thread that answers).
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (!text.trim()) {
      problem('empty file');
      return out;
    }
  } catch (err) {
    problem(
      err instanceof TypeError ? 'not UTF-8 text (binary file?)' : `unreadable: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
    return out;
  }
  try {
    const article = await parseText(withFields(text, sidecar), file.path.replace(/\.[^./]+$/, ''), file.path);
    out.articles.push(withProvenance(article, sidecar, null));
  } catch (err) {
    problem((err as Error).message, err instanceof ParseError ? err.line : undefined);
  }
  return out;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A JSONL collection (`.jsonl`, or gzipped `.jsonl.gz`), parsed line by line as its bytes arrive.
 * The problems are those of the whole-file reading it replaces: one "not UTF-8" for a file with
 * bytes that are not UTF-8 (and then no records), "empty file", and each bad record at its line. A
 * file that breaks off (truncated or corrupt gzip, a read error) keeps the records read before the
 * break and says where and why it stopped.
 */
async function parseJsonlStream(file: FileStat, chunks: AsyncIterable<Buffer>, pause?: Pause): Promise<FileLoad> {
  const out: FileLoad = { ...file, articles: [], problems: [] };
  let nonBlank = false;
  let last = 0;
  try {
    for await (const { line, bytes, tooLong } of splitLines(chunks, LOAD_LIMITS.lineBytes)) {
      last = line;
      if (pause && line % RECORDS_PER_SLICE === 0) await pause();
      if (tooLong !== undefined) {
        nonBlank = true;
        out.problems.push({ file: file.path, line, reason: `line too long: ${tooLong} bytes (the limit is ${LOAD_LIMITS.lineBytes})` });
        continue;
      }
      let record: string;
      try {
        record = strictUtf8.decode(bytes);
      } catch {
        return { ...out, articles: [], problems: [{ file: file.path, reason: 'not UTF-8 text (binary file?)' }] };
      }
      if (!record.trim()) continue;
      nonBlank = true;
      try {
        out.articles.push(
          hasOversizedParagraph(recordText(record))
            ? await parseInWorker({ kind: 'jsonl', record, file: file.path, line })
            : parseJsonlRecord(record, file.path, line),
        );
      } catch (err) {
        out.problems.push({ file: file.path, line, reason: (err as Error).message });
      }
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const zlib = typeof code === 'string' && code.startsWith('Z_');
    const after = last ? `; the records before line ${last + 1} are loaded` : '';
    out.problems.push({
      file: file.path,
      ...(last ? { line: last + 1 } : {}),
      reason: zlib ? `corrupt or truncated gzip (${(err as Error).message})${after}` : `unreadable: ${code ?? (err as Error).message}${after}`,
    });
    return out;
  }
  if (!nonBlank) out.problems.push({ file: file.path, reason: 'empty file' });
  return out;
}

/** An HTML page or a PDF: text extracted, then parsed like any article. */
async function parsePage(bytes: Uint8Array, ext: string, file: FileStat, sidecar: Record<string, unknown>, out: FileLoad): Promise<void> {
  if (bytes.length === 0) throw new Error('empty file');
  // In a worker thread under time, memory and depth limits (extract.ts): a hostile page must not
  // hold the main thread, which answers questions meanwhile.
  const page = await extractPage(ext === '.pdf' ? 'pdf' : 'html', bytes, typeof sidecar.charset === 'string' ? sidecar.charset : null);
  const { text, updated, dateFrom } = pageArticleText(page, sidecar);
  out.articles.push({ ...withProvenance(await parseText(text, file.path.replace(/\.[^./]+$/, ''), file.path), sidecar, updated), dateFrom });
}

/**
 * Whether a text holds a paragraph (a block between blank lines: at least as long as any paragraph
 * parsing makes of it) over the size that is parsed in the worker thread (limits.ts).
 */
function hasOversizedParagraph(text: string): boolean {
  const limit = LOAD_LIMITS.workerParagraphChars;
  if (text.length <= limit) return false;
  const blankLine = /\n[^\S\n]*(?:\r?\n)/g;
  let start = 0;
  for (let m = blankLine.exec(text); m; m = blankLine.exec(text)) {
    if (m.index - start > limit) return true;
    start = m.index + m[0].length;
  }
  return text.length - start > limit;
}

/** A JSONL record's text, to decide where it is parsed ('' when it has none: parseJsonlRecord says why). */
function recordText(record: string): string {
  if (record.length <= LOAD_LIMITS.workerParagraphChars) return '';
  try {
    const text: unknown = (JSON.parse(record) as { text?: unknown } | null)?.text;
    return typeof text === 'string' ? text : '';
  } catch {
    return ''; // not JSON: parseJsonlRecord reports it, on this thread
  }
}

/**
 * parseArticle, in the worker thread when a paragraph is oversized: finding quotations takes time
 * that grows with the square of their number in one paragraph, and the main thread answers meanwhile.
 */
function parseText(text: string, id: string, file: string): Promise<Article> {
  return hasOversizedParagraph(text) ? parseInWorker({ kind: 'text', text, articleId: id, file }) : Promise.resolve(parseArticle(text, id, file));
}

function withProvenance(article: Article, sidecar: Record<string, unknown>, updated: string | null): Article {
  const retrieved = typeof sidecar.retrieved === 'string' ? sidecar.retrieved : null;
  return { ...article, ...(retrieved ? { retrieved } : {}), ...(updated ? { updated } : {}), ...scopeFields(article.file, sidecar) };
}

/** The provenance sidecar of `path`, or {} when there is none; broken YAML is an error naming it. */
async function readSidecar(path: string): Promise<Record<string, unknown>> {
  let raw: string;
  try {
    raw = await readFile(`${path}${SIDECAR_SUFFIX}`, 'utf8');
  } catch {
    return {};
  }
  return parseSidecar(raw, path);
}

/** A provenance sidecar's text (of the source `path`) → its fields; broken YAML is an error naming it. */
export function parseSidecar(raw: string, path: string): Record<string, unknown> {
  try {
    const v: unknown = parseYaml(raw, { schema: 'core' });
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new Error(`${basename(path)}${SIDECAR_SUFFIX} is not valid provenance ("key: value" YAML)`);
}
