import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Problem } from './answer/types.js';
import { loadKnowledge, statKnowledge } from './knowledge/load.js';
import type { Article } from './knowledge/types.js';
import { buildKnowledgeBase, type KnowledgeBase } from './search/kb.js';
import type { IndexData } from './search/index.js';
import type { AliasTable } from './search/aliases.js';

/**
 * A persisted knowledge base: parsed articles plus the index, in V8's own serialisation (typed
 * arrays are copied as bytes, no JSON). It is keyed by the knowledge files' paths, sizes and
 * modification times and by a hash of the parsing and indexing code, so any change to either
 * rebuilds it. A bad or missing snapshot only costs a rebuild; it never stops the bot.
 */

interface Snapshot {
  format: typeof FORMAT;
  articles: Article[];
  problems: Problem[];
  index: IndexData;
  aliases: AliasTable;
}

const FORMAT = 'verbatim-kb-2';

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
    if (snap) return { kb: buildKnowledgeBase(snap.articles, snap.index, snap.aliases), problems: snap.problems, cache: 'hit' };
  }
  const { articles, problems, aliases } = await loadKnowledge(dir);
  const kb = buildKnowledgeBase(articles, undefined, aliases);
  if (!file || !cacheDir) return { kb, problems, cache: 'off' };
  const saved = await writeSnapshot(cacheDir, file, { format: FORMAT, articles, problems, index: kb.index.data, aliases });
  return { kb, problems, cache: saved };
}

/** Persists a knowledge base built for the folder as it is now (after a reload). */
export async function saveSnapshot(dir: string, cacheDir: string | null, kb: KnowledgeBase, problems: Problem[], aliases: AliasTable = {}): Promise<string> {
  if (!cacheDir) return 'off';
  try {
    const file = snapshotFile(cacheDir, dir, await snapshotKey(dir));
    return await writeSnapshot(cacheDir, file, { format: FORMAT, articles: kb.articles, problems, index: kb.index.data, aliases });
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

/** Hash of the parsing and indexing code, from wherever it runs (src/ under tsx, dist/ when built). */
function codeHash(): Promise<string> {
  codeHashOnce ??= (async () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const hash = createHash('sha256').update(FORMAT);
    for (const folder of ['knowledge', 'search']) {
      const names = (await readdir(join(here, folder))).filter((n) => /\.(ts|js)$/.test(n)).sort();
      for (const name of names) hash.update(name).update(await readFile(join(here, folder, name)));
    }
    return hash.digest('hex');
  })();
  return codeHashOnce;
}
