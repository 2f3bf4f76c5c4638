/**
 * `/reload` with the database as the store: files added or edited in this machine's knowledge
 * folder since the process last looked are written to the database (and so reach every process).
 * Only what changed here is pushed: a deployed folder older than the database never overwrites
 * sources changed elsewhere, and a file deleted from the folder stays in the database (remove it
 * with `npm run knowledge -- remove NAME`).
 */
import { statKnowledge, type FileStat } from '../knowledge/load.js';
import { putFromFolder, type MoveReport } from './move.js';
import type { KnowledgeStore } from './types.js';

export interface FolderPusher {
  /** Writes the folder's new and changed files to the store; never throws (failures are in the report). */
  push(addedBy: string): Promise<MoveReport>;
}

/** Remembers the folder as it is now; `push` later writes what changed since. */
export async function watchFolderForPush(store: KnowledgeStore, dir: string): Promise<FolderPusher> {
  const key = (s: FileStat) => `${s.size}:${s.mtimeMs}`;
  let seen = new Map((await statKnowledge(dir).catch(() => [] as FileStat[])).map((s) => [s.path, key(s)]));
  return {
    async push(addedBy) {
      const report: MoveReport = { written: [], unchanged: [], failed: [] };
      let stats: FileStat[];
      try {
        stats = await statKnowledge(dir);
      } catch (err) {
        report.failed.push({
          name: dir,
          reason: `cannot read the knowledge folder: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
        });
        return report;
      }
      const next = new Map<string, string>();
      for (const s of stats) {
        next.set(s.path, key(s));
        if (seen.get(s.path) === key(s)) continue;
        try {
          const put = await putFromFolder(store, dir, s.path, addedBy);
          (put.changed ? report.written : report.unchanged).push(put.name);
        } catch (err) {
          next.delete(s.path); // retried at the next push
          report.failed.push({ name: s.path, reason: (err as Error).message });
        }
      }
      seen = next;
      return report;
    },
  };
}
