import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Problem } from './answer/types.js';
import { loadKnowledge, statKnowledge } from './knowledge/load.js';
import type { Article } from './knowledge/types.js';
import { buildKnowledgeBase, type KnowledgeBase } from './search/kb.js';
import type { IndexData } from './search/index.js';

/**
 * A persisted knowledge base: parsed articles plus the index, in V8's own serialisation (typed
 * arrays are copied as bytes, no JSON). It is keyed by the knowledge files' paths, sizes and
 * modification times and by a hash of the parsing and indexing code (see codeKey: the same
 * under tsx and compiled), so any change to either rebuilds it. A bad or missing snapshot only costs a rebuild; it never stops the bot.
 */

interface Snapshot {
  format: typeof FORMAT;
  articles: Article[];
  problems: Problem[];
  index: IndexData;
}

const FORMAT = 'verbatim-kb-1';

export interface LoadedKnowledge {
  kb: KnowledgeBase;
  problems: Problem[];
  /** 'hit', 'built' (and saved), 'off', or why the snapshot could not be used or saved. */
  cache: string;
}

export async function loadKnowledgeBase(dir: string, cacheDir: string | null): Promise<LoadedKnowledge> {
  const key = cacheDir ? await snapshotKey(dir).catch(() => null) : null;
  const file = key && cacheDir ? snapshotFile(cacheDir, dir, key) : null;
  if (file) {
    const snap = await readSnapshot(file);
    if (snap) return { kb: buildKnowledgeBase(snap.articles, snap.index), problems: snap.problems, cache: 'hit' };
  }
  const { articles, problems } = await loadKnowledge(dir);
  const kb = buildKnowledgeBase(articles);
  if (!file || !cacheDir) return { kb, problems, cache: 'off' };
  const saved = await writeSnapshot(cacheDir, file, { format: FORMAT, articles, problems, index: kb.index.data });
  return { kb, problems, cache: saved };
}

/** Persists a knowledge base built for the folder as it is now (after a reload). */
export async function saveSnapshot(dir: string, cacheDir: string | null, kb: KnowledgeBase, problems: Problem[]): Promise<string> {
  if (!cacheDir) return 'off';
  try {
    const file = snapshotFile(cacheDir, dir, await snapshotKey(dir));
    return await writeSnapshot(cacheDir, file, { format: FORMAT, articles: kb.articles, problems, index: kb.index.data });
  } catch (err) {
    return `not saved: ${(err as Error).message}`;
  }
}

async function readSnapshot(file: string): Promise<Snapshot | null> {
  try {
    const snap = deserialize(await readFile(file)) as Snapshot;
    return snap && snap.format === FORMAT && Array.isArray(snap.articles) ? snap : null;
  } catch {
    return null;
  }
}

async function writeSnapshot(cacheDir: string, file: string, snap: Snapshot): Promise<string> {
  try {
    await mkdir(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, serialize(snap));
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

/** `kb-<folder hash>-<content key>.v8`. */
function snapshotFile(cacheDir: string, dir: string, key: string): string {
  const folder = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 12);
  return join(cacheDir, `kb-${folder}-${key}.v8`);
}

async function snapshotKey(dir: string): Promise<string> {
  const files = await statKnowledge(dir);
  return createHash('sha256').update(await codeHash()).update(resolve(dir)).update(JSON.stringify(files)).digest('hex').slice(0, 32);
}

let codeHashOnce: Promise<string> | null = null;

function codeHash(): Promise<string> {
  codeHashOnce ??= codeKey(dirname(fileURLToPath(import.meta.url)));
  return codeHashOnce;
}

/** The code folders whose output the snapshot holds: parsing and indexing. */
const CODE_FOLDERS = ['knowledge', 'search'];

/**
 * What the persisted index depends on, the same under tsx (`here` = src/) and compiled (`here` =
 * dist/): the snapshot format plus a hash of the TypeScript sources of the parsing and indexing
 * code, so `npm start` and `npm run start:prod` share one snapshot. Compiled code hashes the
 * sources only while every compiled file is at least as new as its source (the build is current);
 * a stale build, or one deployed without src/, hashes its own files and keeps its own snapshot.
 */
export async function codeKey(here: string): Promise<string> {
  const src = join(here, '..', 'src');
  const sources = await codeFiles(src, '.ts').catch(() => null);
  const compiled = basename(here) === 'src' ? null : await codeFiles(here, '.js').catch(() => null);
  const current = sources && (!compiled || sources.every((f) => {
    const out = compiled.find((c) => c.name === f.name.replace(/\.ts$/, '.js'));
    return out !== undefined && out.mtimeMs >= f.mtimeMs;
  }));
  const files = current ? sources : compiled ?? sources ?? [];
  const hash = createHash('sha256').update(FORMAT);
  for (const f of files) hash.update(f.name).update(await readFile(f.path));
  return hash.digest('hex');
}

async function codeFiles(root: string, ext: '.ts' | '.js'): Promise<Array<{ name: string; path: string; mtimeMs: number }>> {
  const out: Array<{ name: string; path: string; mtimeMs: number }> = [];
  for (const folder of CODE_FOLDERS) {
    for (const name of (await readdir(join(root, folder))).filter((n) => n.endsWith(ext) && !n.endsWith('.d.ts')).sort()) {
      const path = join(root, folder, name);
      out.push({ name: `${folder}/${name}`, path, mtimeMs: (await stat(path)).mtimeMs });
    }
  }
  return out;
}
