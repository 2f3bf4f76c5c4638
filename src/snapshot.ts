import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOAD_LIMITS } from './knowledge/limits.js';
import { mergeFiles, type FileLoad, type FileStat, type Pause } from './knowledge/load.js';
import type { Problem } from './knowledge/types.js';
import { buildKnowledgeBase, buildKnowledgeBaseBeside, type KnowledgeBase } from './search/kb.js';
import { INDEX_HERE_SHARE, INDEX_THREAD_BYTES, INDEX_THREAD_PASSAGES, type IndexThread, startIndexThread } from './search/index-thread.js';
import { cutPassages } from './search/passages.js';
import type { AliasTable } from './knowledge/aliases.js';
import { decodeKb, encodeKb, encodeTexts, type KbContent, type KbReader, type KbTexts } from './search/kb-file.js';
import { folderStore } from './store/folder.js';
import type { KnowledgeSource } from './store/types.js';

/**
 * A persisted knowledge base: parsed articles plus the index, in one binary file (see
 * search/kb-file.ts: columns and typed arrays, no object graph to deserialise). It is keyed by the store's change key (the folder: the
 * knowledge files' paths, sizes and modification times; PostgreSQL: the change counter) and by
 * a hash of the parsing and indexing code (see codeKey: the same under tsx and compiled), so any
 * change to either rebuilds it. A bad or missing snapshot only costs a rebuild; it never stops the bot.
 */

/** What one persisted file holds (see search/kb-file.ts). */
type Snapshot = KbContent;

const FORMAT = 'verbatim-kb-5';

/** A JSONL file's reader (knowledge/load.ts, store/records.ts) pauses once per this many lines. */
const RECORDS_PER_PAUSE = 100;

export interface LoadedKnowledge {
  kb: KnowledgeBase;
  problems: Problem[];
  /** 'hit', 'built' (and saved), 'off', or why the snapshot could not be saved. */
  cache: string;
  /** Why a persisted file was there but not used (stale, truncated, bad checksum…), when one was. */
  rejected?: string;
}

/** Progress of a load, for a face to show (files read, then passages being indexed). */
export interface LoadProgress {
  files(done: number, total: number): void;
  /** Records parsed so far of the file being read (the one after `done`), for a big collection file. */
  records?(done: number, total: number, records: number): void;
  indexing(passages: number): void;
  done(): void;
}

export async function loadKnowledgeBase(
  from: string | KnowledgeSource,
  cacheDir: string | null,
  progress?: LoadProgress,
): Promise<LoadedKnowledge & { files: FileStat[] }> {
  try {
    return await loadWithProgress(typeof from === 'string' ? folderStore(from) : from, cacheDir, progress);
  } finally {
    progress?.done();
  }
}

async function loadWithProgress(
  source: KnowledgeSource,
  cacheDir: string | null,
  progress?: LoadProgress,
): Promise<LoadedKnowledge & { files: FileStat[] }> {
  // No key (the store unreadable now): no snapshot is trusted, the load below reports the store's problem.
  const key = cacheDir ? await snapshotKey(source, true).catch(() => null) : null;
  const file = key && cacheDir ? snapshotFile(cacheDir, source, key) : null;
  let rejected: string | undefined;
  if (file && key) {
    const snap = await readSnapshot(file, key);
    if ('articles' in snap)
      return {
        kb: buildKnowledgeBase(snap.articles, snap.index, snap.aliases, snap.speakers, snap.passages),
        problems: snap.problems,
        cache: 'hit',
        files: snap.files,
      };
    if (snap.rejected !== 'none') rejected = snap.rejected;
  }
  // A large first start builds most of its index on a second thread (index-thread.ts), started
  // as soon as the files' sizes say so: it loads its code while they are parsed.
  let thread: IndexThread | null = null;
  let kb: KnowledgeBase;
  let texts: KbTexts | undefined;
  let loaded: Awaited<ReturnType<typeof loadAll>>;
  try {
    loaded = await loadAll(
      source,
      progress ? (done, total) => progress.files(done, total) : undefined,
      progress?.records ? (done, total, records) => progress.records?.(done, total, records) : undefined,
      (stats) => {
        if (file && cacheDir && stats.reduce((n, s) => n + s.size, 0) >= INDEX_THREAD_BYTES) thread = startIndexThread();
      },
    );
    const { articles, aliases } = loaded;
    progress?.indexing(articles.reduce((n, a) => n + a.paragraphs.length, 0));
    const passages = file && cacheDir ? cutPassages(articles) : null;
    if (passages && passages.length >= INDEX_THREAD_PASSAGES) {
      // The file's text section is made now (in shared memory, not when the file is written): the
      // worker indexes most passages from it while this thread builds the speaker directory and
      // then the index of the first passages.
      texts = encodeTexts(articles, true);
      const from = Math.floor(passages.length * INDEX_HERE_SHARE);
      thread ??= startIndexThread();
      kb = await buildKnowledgeBaseBeside(articles, passages, from, (thread as IndexThread).index(texts, passages.slice(from)), aliases);
    } else kb = buildKnowledgeBase(articles, undefined, aliases, undefined, passages ?? undefined);
  } finally {
    (thread as IndexThread | null)?.stop();
  }
  const { articles, problems, files, aliases } = loaded;
  if (!file || !cacheDir) return { kb, problems, cache: 'off', files };
  // Keyed by what was read (the stat just taken), not by what the store holds by now.
  const builtKey = await snapshotKey(source, false);
  const saved = await writeSnapshot(
    cacheDir,
    snapshotFile(cacheDir, source, builtKey),
    builtKey,
    {
      articles,
      problems,
      index: kb.index.data,
      files,
      aliases,
      speakers: kb.speakers.state(),
      passages: kb.passages,
    },
    texts,
  );
  return { kb, problems, cache: saved, files, ...(rejected ? { rejected } : {}) };
}

/** Every file of the source, parsed; an unreachable source is one problem, never an exception. */
async function loadAll(
  source: KnowledgeSource,
  onFile?: (done: number, total: number) => void,
  onRecords?: (done: number, total: number, records: number) => void,
  onStats?: (stats: FileStat[]) => void,
): Promise<{ articles: LoadedKnowledge['kb']['articles']; problems: Problem[]; files: FileStat[]; aliases: AliasTable }> {
  let stats: FileStat[];
  try {
    stats = await source.stat();
  } catch (err) {
    return {
      articles: [],
      files: [],
      aliases: {},
      problems: [{ file: source.label, reason: `cannot read ${source.noun}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` }],
    };
  }
  onStats?.(stats);
  const loads: FileLoad[] = [];
  for (const s of stats) {
    // A collection file's reader pauses every RECORDS_PER_PAUSE lines: where progress is shown, each pause reports it.
    let records = 0;
    const pause: Pause | undefined = onRecords
      ? async () => {
          records += RECORDS_PER_PAUSE;
          onRecords(loads.length, stats.length, records);
        }
      : undefined;
    loads.push(await source.read(s, pause));
    onFile?.(loads.length, stats.length);
  }
  const { articles, problems, aliases } = mergeFiles(loads);
  return { articles, problems, files: stats, aliases };
}

/** Persists a knowledge base built from the source as last stat'ed (after a reload). */
export async function saveSnapshot(
  from: string | KnowledgeSource,
  cacheDir: string | null,
  kb: KnowledgeBase,
  problems: Problem[],
  files: FileStat[] = [],
): Promise<string> {
  if (!cacheDir) return 'off';
  const source = typeof from === 'string' ? folderStore(from) : from;
  try {
    const key = await snapshotKey(source, typeof from === 'string');
    return await writeSnapshot(cacheDir, snapshotFile(cacheDir, source, key), key, {
      articles: kb.articles,
      problems,
      index: kb.index.data,
      files,
      aliases: kb.aliases,
      speakers: kb.speakers.state(),
      passages: kb.passages,
    });
  } catch (err) {
    return `not saved: ${(err as Error).message}`;
  }
}

/**
 * A loaded snapshot keeps its file open: paragraph texts are read from it when an answer first
 * reads their article (see search/kb-file.ts). The descriptor is closed once nothing loaded from
 * the file is left (a reload's new base, the old one let go); a rewrite of the snapshot renames a
 * new file into place, so the open one never changes under it.
 */
const openFiles = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed: nothing to do.
  }
});

/** The snapshot in `file`, or why not (`none`: there is no such file, the usual first start). */
async function readSnapshot(file: string, key: string): Promise<Snapshot | { rejected: string }> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { rejected: code === 'ENOENT' ? 'none' : `unreadable (${code ?? (err as Error).message})` };
  }
  let kept = false;
  try {
    const { size } = fstatSync(fd);
    // Sections are read into buffers of their own: not zero-filled (every byte is read into them, or
    // they are cut to what was read) and never a pooled slice, so typed arrays over them stay aligned.
    const readAt = (offset: number, length: number, into?: Buffer) => {
      const want = Math.max(0, Math.min(length, size - offset));
      const buf = into ? into.subarray(0, want) : Buffer.allocUnsafeSlow(want);
      let got = 0;
      while (got < buf.length) {
        const bytesRead = readSync(fd, buf, got, buf.length - got, offset + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return got === buf.length ? buf : buf.subarray(0, got);
    };
    const reader: KbReader = { size, read: async (offset, length) => readAt(offset, length), readSync: readAt };
    const snap = await decodeKb(reader, FORMAT, key);
    if ('articles' in snap) {
      openFiles.register(reader, fd);
      kept = true;
    }
    return snap;
  } catch (err) {
    return { rejected: `unreadable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  } finally {
    if (!kept) closeSync(fd);
  }
}

async function writeSnapshot(cacheDir: string, file: string, key: string, snap: Snapshot, texts?: KbTexts): Promise<string> {
  try {
    await mkdir(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    const out = await open(tmp, 'w');
    try {
      await out.writev(texts ? encodeKb(snap, FORMAT, key, undefined, texts) : encodeKb(snap, FORMAT, key));
    } finally {
      await out.close();
    }
    await rename(tmp, file);
    // Older snapshots of this folder are for files or code that no longer exist; other folders'
    // snapshots stay, so switching between two knowledge folders never forces a rebuild.
    const prefix = basename(file).split('-').slice(0, 2).join('-');
    for (const name of await readdir(cacheDir)) {
      if (name.startsWith(`${prefix}-`) && join(cacheDir, name) !== file && !name.endsWith('.tmp')) await rm(join(cacheDir, name), { force: true });
    }
    return 'built';
  } catch (err) {
    return `not saved: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
  }
}

/** `kb-<store hash>-<content key>.kb`: one snapshot per folder or database schema. */
function snapshotFile(cacheDir: string, source: KnowledgeSource, key: string): string {
  const store = createHash('sha256').update(source.identity).digest('hex').slice(0, 12);
  return join(cacheDir, `kb-${store}-${key}.kb`);
}

async function snapshotKey(source: KnowledgeSource, fresh: boolean): Promise<string> {
  return (
    createHash('sha256')
      .update(await codeHash())
      // The limits decide what a source parses into (a paragraph cut or refused): set differently, rebuild.
      .update(JSON.stringify(LOAD_LIMITS))
      .update(source.identity)
      .update(await source.snapshotKey(fresh))
      .digest('hex')
      .slice(0, 32)
  );
}

let codeHashOnce: Promise<string> | null = null;

function codeHash(): Promise<string> {
  codeHashOnce ??= codeKey(dirname(fileURLToPath(import.meta.url)));
  return codeHashOnce;
}

/** The code folders whose output the snapshot holds: parsing and indexing. */
const CODE_FOLDERS = ['knowledge', 'search', 'ingest'];

/**
 * What the persisted index depends on, the same under tsx (`here` = src/) and compiled (`here` =
 * dist/): the snapshot format plus a hash of the TypeScript sources of the parsing and indexing
 * code, so `npm start` and `npm run start:prod` share one snapshot. Compiled code hashes the
 * sources only while every compiled file is at least as new as its source (the build is current);
 * a stale build, or one deployed without src/, hashes its own files and keeps its own snapshot.
 */
export async function codeKey(here: string): Promise<string> {
  const src = join(here, '..', 'src');
  // A deployment without src/ (or a build without its .js) is a case below, not a failure.
  const sources = await codeFiles(src, '.ts').catch(() => null);
  const compiled = basename(here) === 'src' ? null : await codeFiles(here, '.js').catch(() => null);
  const current =
    sources &&
    (!compiled ||
      sources.every((f) => {
        const out = compiled.find((c) => c.name === f.name.replace(/\.ts$/, '.js'));
        return out !== undefined && out.mtimeMs >= f.mtimeMs;
      }));
  const files = current ? sources : (compiled ?? sources ?? []);
  const hash = createHash('sha256').update(FORMAT);
  for (const f of files) hash.update(f.name).update(await readFile(f.path));
  return hash.digest('hex');
}

async function codeFiles(root: string, ext: '.ts' | '.js'): Promise<Array<{ name: string; path: string; mtimeMs: number }>> {
  const out: Array<{ name: string; path: string; mtimeMs: number }> = [];
  for (const folder of CODE_FOLDERS) {
    // A folder a build does not have (no ingest code in a trimmed deployment) adds nothing.
    for (const name of (await readdir(join(root, folder)).catch(() => [] as string[]))
      .filter((n) => n.endsWith(ext) && !n.endsWith('.d.ts'))
      .sort()) {
      const path = join(root, folder, name);
      out.push({ name: `${folder}/${name}`, path, mtimeMs: (await stat(path)).mtimeMs });
    }
  }
  return out;
}
