import { coreOf } from './answer/core.js';
import type { Core, LiveCore, ReloadReport } from './answer/types.js';
import { mergeFiles, type FileLoad, type FileStat } from './knowledge/load.js';
import type { Problem } from './knowledge/types.js';
import { ALIAS_FILE, type AliasTable } from './knowledge/aliases.js';
import { buildKnowledgeBaseAsync } from './search/kb.js';
import { type LoadProgress, loadKnowledgeBase, saveSnapshot } from './snapshot.js';
import { folderStore } from './store/folder.js';
import type { KnowledgeSource } from './store/types.js';

/**
 * The knowledge base while the bot runs: answers always come from a complete base; a reload
 * re-reads only the files that changed, rebuilds in slices (yielding to answers between them) and
 * swaps the new base in with one assignment. A file that breaks keeps its last good version.
 */

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface LiveOptions {
  cacheDir?: string | null;
  /** Where the knowledge is kept (src/store/); default: the folder `dir`. */
  source?: KnowledgeSource;
  /** Told what became of the snapshot written after a reload: `built`, `off` or `not saved: <reason>`. */
  onSnapshot?: (cache: string) => void;
  /** Progress of the first load (the console passes the terminal's line, as `ask` shows it). */
  progress?: LoadProgress;
}

export async function loadLiveCore(
  dir: string,
  options: LiveOptions = {},
): Promise<{ core: LiveCore; problems: Problem[]; cache: string; rejected?: string }> {
  const cacheDir = options.cacheDir ?? null;
  const source = options.source ?? folderStore(dir);
  const first = await loadKnowledgeBase(source, cacheDir, options.progress);
  let current: Core = coreOf(first.kb);
  const files = filesOf(first.files, first.kb.articles, first.problems, first.kb.aliases);
  let running: Promise<ReloadReport> | null = null;
  // Snapshots written after reloads, still in flight (settled() waits for them).
  const saving = new Set<Promise<void>>();

  async function reload(): Promise<ReloadReport> {
    const started = performance.now();
    const report: ReloadReport = { added: [], changed: [], removed: [], keptLastGood: [], problems: [], sources: 0, ms: 0 };
    let stats: FileStat[];
    try {
      stats = await source.stat();
    } catch (err) {
      report.problems.push({
        file: source.label,
        reason: `cannot read ${source.noun}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}; still answering from the last good knowledge`,
      });
      return finish(report, started);
    }
    const next = new Map<string, FileLoad>();
    for (const stat of stats) {
      const before = files.get(stat.path);
      if (before && before.size === stat.size && before.mtimeMs === stat.mtimeMs) {
        next.set(stat.path, before);
        continue;
      }
      (before ? report.changed : report.added).push(stat.path);
      next.set(stat.path, keepLastGood(before, await source.read(stat, pause), report));
    }
    for (const path of files.keys()) if (!next.has(path)) report.removed.push(path);
    const merged = mergeFiles([...next.values()]);
    report.problems.push(...merged.problems);
    if (report.added.length + report.changed.length + report.removed.length > 0) {
      const kb = await buildKnowledgeBaseAsync(merged.articles, pause, merged.aliases);
      current = coreOf(kb);
      files.clear();
      for (const [path, load] of next) files.set(path, load);
      const save = saveSnapshot(source, cacheDir, kb, merged.problems, stats)
        .then((cache) => options.onSnapshot?.(cache))
        .finally(() => saving.delete(save));
      saving.add(save);
    }
    return finish(report, started);
  }

  function finish(report: ReloadReport, started: number): ReloadReport {
    report.sources = current.stats().sources;
    report.ms = Math.round(performance.now() - started);
    return report;
  }

  const core: LiveCore = {
    answer: (request) => current.answer(request),
    ask: (input, scope) => current.ask(input, scope),
    context: (key, scope) => current.context(key, scope),
    cite: (key, start, end, scope) => current.cite?.(key, start, end, scope) ?? null,
    suggestSpeakers: (typed, limit, scope) => current.suggestSpeakers(typed, limit, scope),
    suggestTopics: (typed, speaker, limit, scope) => current.suggestTopics(typed, speaker, limit, scope),
    stats: () => current.stats(),
    reload: () => {
      running ??= reload()
        .catch((err: unknown) =>
          finish(
            {
              added: [],
              changed: [],
              removed: [],
              keptLastGood: [],
              sources: 0,
              ms: 0,
              problems: [{ file: source.label, reason: `reload failed (${(err as Error).message}); still answering from the last good knowledge` }],
            },
            performance.now(),
          ),
        )
        .finally(() => {
          running = null;
        });
      return running;
    },
    settled: async () => {
      while (running || saving.size > 0) await Promise.allSettled([running, ...saving]);
    },
    watch: (onReload) => {
      let again = false;
      const changed = (): void => {
        // A change during a reload may come after that reload read the store: one more follows it.
        if (running) {
          if (!again) {
            again = true;
            void running.finally(() => {
              again = false;
              changed();
            });
          }
          return;
        }
        // reload() never rejects (a failure is a problem of its report); a reload that failed to
        // read the store is reported as well, so it reaches the log. A throwing listener is the
        // listener's own bug: caught here so it cannot end the process (start.ts's never throws).
        core
          .reload()
          .then((r) => {
            const failed = r.problems.some((p) => p.file === source.label);
            if (failed || r.added.length + r.changed.length + r.removed.length + r.keptLastGood.length > 0) onReload(r);
          })
          .catch(() => undefined); // a throwing listener (see above): it logs its own failures
      };
      return source.watch(changed);
    },
  };
  return { core, problems: first.problems, cache: first.cache, ...(first.rejected ? { rejected: first.rejected } : {}) };
}

/**
 * A file that now fails to load keeps serving its last good articles; so do records of a JSONL
 * file that vanished while the file has problems (a broken line), since that is an edit gone
 * wrong, not a deletion. The file keeps its old size and time, so the next reload retries it.
 */
function keepLastGood(before: FileLoad | undefined, now: FileLoad, report: ReloadReport): FileLoad {
  if (!before || now.problems.length === 0 || before.articles.length === 0) return now;
  const ids = new Set(now.articles.map((a) => a.id));
  const missing = before.articles.filter((a) => !ids.has(a.id));
  if (missing.length === 0) return now;
  report.keptLastGood.push(now.path);
  const kept = now.problems.map((p) => ({ ...p, reason: `${p.reason} (the last good version keeps serving)` }));
  return { ...before, articles: [...now.articles, ...missing], problems: kept };
}

/** The per-file state behind a knowledge base loaded from a snapshot or a full load. */
function filesOf(stats: FileStat[], articles: Array<{ file: string }>, problems: Problem[], aliases: AliasTable): Map<string, FileLoad> {
  const out = new Map<string, FileLoad>();
  for (const stat of stats) out.set(stat.path, { ...stat, articles: [], problems: [], ...(stat.path === ALIAS_FILE ? { aliases } : {}) });
  for (const a of articles) out.get(a.file)?.articles.push(a as FileLoad['articles'][number]);
  // Duplicate-id problems are recomputed when files are merged; the rest belong to their file.
  for (const p of problems) if (!p.reason.startsWith('duplicate id')) out.get(p.file)?.problems.push(p);
  return out;
}
