/**
 * Moving sources between a folder and a store, losslessly: import puts every file of the folder
 * under its relative name with its bytes; export writes every stored file back under its name
 * with its original bytes (a JSONL collection as one file), so export → import → export is
 * byte-identical.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { SIDECAR_SUFFIX, statKnowledge } from '../knowledge/load.js';
import { checkFileName } from './names.js';
import { StoreUnavailable } from './pg-faults.js';
import type { KnowledgeStore, PutResult } from './types.js';

export interface MoveReport {
  /** Names written (new or changed). */
  written: string[];
  /** Names whose bytes were already there. */
  unchanged: string[];
  /** Names that could not be moved, with why. */
  failed: Array<{ name: string; reason: string }>;
  /** Why the store was given up on part-way (the database unreachable for a whole retry period). */
  unreachable?: string;
}

/** Puts every (non-hidden) file under `dir` into the store; a file that fails never stops the others. */
export async function importFolder(store: KnowledgeStore, dir: string, addedBy = 'import'): Promise<MoveReport> {
  const report: MoveReport = { written: [], unchanged: [], failed: [] };
  let unreachable: string | null = null;
  for (const file of await statKnowledge(dir)) {
    // Once the store gave up retrying, each further file would wait out the same retries: say so at once.
    if (unreachable) {
      report.failed.push({ name: file.path, reason: `not tried: ${unreachable}` });
      continue;
    }
    try {
      const put = await putFromFolder(store, dir, file.path, addedBy);
      (put.changed ? report.written : report.unchanged).push(put.name);
    } catch (err) {
      if (err instanceof StoreUnavailable) unreachable = err.message;
      report.failed.push({ name: file.path, reason: (err as Error).message });
    }
  }
  return unreachable ? { ...report, unreachable } : report;
}

/**
 * Puts one file of the folder with its provenance sidecar (which the folder's listing folds into
 * its source: knowledge/load.ts), the sidecar first, so a reader never sees the source without
 * it. Changed when either was.
 */
export async function putFromFolder(store: KnowledgeStore, dir: string, path: string, addedBy: string): Promise<PutResult> {
  const sidecar = await readFile(join(dir, `${path}${SIDECAR_SUFFIX}`)).catch(() => null);
  const side = sidecar ? await store.put(sidecar, `${path}${SIDECAR_SUFFIX}`, { addedBy }) : null;
  const put = await store.put(await readFile(join(dir, path)), path, { addedBy });
  return side?.changed && !put.changed ? { ...put, changed: true } : put;
}

/** Writes every stored file under `dir` (created if needed), overwriting files of the same name. */
export async function exportFolder(store: KnowledgeStore, dir: string): Promise<MoveReport> {
  const report: MoveReport = { written: [], unchanged: [], failed: [] };
  const root = resolve(dir);
  for (const file of await store.list()) {
    try {
      const name = checkFileName(file.name);
      const bytes = await store.get(name);
      if (!bytes) continue; // removed meanwhile
      const path = join(root, name);
      const before = await readFile(path).catch(() => null); // none yet: written
      if (before && Buffer.compare(before, Buffer.from(bytes)) === 0) {
        report.unchanged.push(name);
        continue;
      }
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes);
      report.written.push(name);
    } catch (err) {
      report.failed.push({ name: file.name, reason: (err as Error).message });
    }
  }
  return report;
}
