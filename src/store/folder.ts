/**
 * The default store: a folder of files (`KNOWLEDGE_DIR`). Changes are seen through fs.watch (or
 * polling where it is unavailable); `put` writes atomically (a temporary file, then a rename), so
 * a watcher never reads half a file. Provenance is not kept: the folder holds only the bytes.
 */
import { createHash } from 'node:crypto';
import { watch as watchFolder, type FSWatcher } from 'node:fs';
import { mkdir, readFile, rename, rm, stat as statFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { loadKnowledgeFile, statKnowledge, type FileStat, type Pause } from '../knowledge/load.js';
import { checkFileName } from './names.js';
import type { KnowledgeStore, PutResult, StoredFile } from './types.js';

const DEBOUNCE_MS = 300;
const POLL_MS = 2000;

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export function folderStore(dir: string): KnowledgeStore {
  const root = resolve(dir);
  let last: FileStat[] | null = null;
  const keyOf = (stats: FileStat[]) => JSON.stringify(stats);
  const changeKey = async () =>
    createHash('sha256')
      .update(keyOf(await statKnowledge(dir)))
      .digest('hex')
      .slice(0, 16);
  return {
    kind: 'folder',
    noun: 'the knowledge folder',
    label: dir,
    identity: root,
    async stat() {
      last = await statKnowledge(dir);
      return last;
    },
    read: (file: FileStat, pause?: Pause) => loadKnowledgeFile(dir, file, pause),
    async snapshotKey(fresh) {
      if (fresh || !last) last = await statKnowledge(dir);
      return keyOf(last);
    },
    watch: (onChange) => watchKnowledge(dir, onChange),
    health: () => ({ store: 'folder', state: 'ok' }),
    async put(bytes, fileName): Promise<PutResult> {
      const name = checkFileName(fileName);
      const path = join(root, name);
      const sha = sha256(bytes);
      const before = await readFile(path).catch(() => null); // none yet: a new file
      if (before && sha256(before) === sha) return { name, sha256: sha, changed: false, counter: await changeKey() };
      await mkdir(dirname(path), { recursive: true });
      // A hidden temporary name: the loader and the watcher's reload skip dot files.
      const tmp = join(dirname(path), `.${process.pid}.${Date.now()}.tmp`);
      await writeFile(tmp, bytes);
      await rename(tmp, path);
      return { name, sha256: sha, changed: true, counter: await changeKey() };
    },
    async list(): Promise<StoredFile[]> {
      const out: StoredFile[] = [];
      for (const s of await statKnowledge(dir)) {
        const bytes = await readFile(join(root, s.path)).catch(() => null); // deleted since the listing
        if (bytes) out.push({ name: s.path, size: s.size, sha256: sha256(bytes), version: Math.round(s.mtimeMs), provenance: {} });
      }
      return out;
    },
    async get(fileName) {
      return readFile(join(root, checkFileName(fileName))).catch(() => null); // not stored: null, as documented
    },
    async remove(fileName) {
      const path = join(root, checkFileName(fileName));
      if (!(await statFile(path).catch(() => null))?.isFile()) return false; // not there: nothing removed
      await rm(path);
      return true;
    },
    counter: changeKey,
    close: async () => undefined,
  };
}

/** Calls `onChange` (debounced) when anything under `dir` changes: fs.watch, or polling where it is unavailable. */
function watchKnowledge(dir: string, onChange: () => void): () => void {
  let timer: NodeJS.Timeout | null = null;
  const fire = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, DEBOUNCE_MS);
  };
  let watcher: FSWatcher | null = null;
  let poll: NodeJS.Timeout | null = null;
  try {
    watcher = watchFolder(dir, { recursive: true }, (_event, name) => {
      if (
        name &&
        String(name)
          .split(/[\\/]/)
          .some((part) => part.startsWith('.'))
      )
        return;
      fire();
    });
    watcher.on('error', () => {
      watcher?.close();
      watcher = null;
      poll ??= setInterval(onChange, POLL_MS);
    });
  } catch {
    poll = setInterval(onChange, POLL_MS);
  }
  return () => {
    watcher?.close();
    if (poll) clearInterval(poll);
    if (timer) clearTimeout(timer);
  };
}
