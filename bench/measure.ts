/** Query timing and relevance: percentiles per run, the median over runs, top-5 hits. */
import type { BenchEngine } from './engines/types.js';
import { meetsExpectation } from './relevance.js';
import type { BenchQuery } from './types.js';

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

export interface Timing {
  /** Percentiles per run, then the median over runs. */
  p50: number;
  p95: number;
  p99: number;
  /** p99 over the queries of the mix before the exact-phrase queries were added (issue 8's before/after). */
  p99Base: number;
  runs: number;
  queriesTimed: number;
  /** Exact-phrase queries (kind 'phrase') timed, and how many had their source passage in the top 3. */
  phrases: number;
  phraseTop3: number;
  /** Labelled queries among those timed (phrase queries apart), and how many found the expectation in the top 5. */
  labelled: number;
  top5: number;
  /** How many found it in the top 3 (what a user reads first; issue 8's relevance figure). */
  top3: number;
  /** Ids of labelled queries that missed (for the relevance comparison). */
  missedIds: number[];
  /** Per query id: median ms over the runs (for finding slow queries). */
  perQueryMs: Record<number, number>;
}

export function timeQueries(engine: BenchEngine, queries: readonly BenchQuery[], runs: number, onRun: (run: number) => void): Timing {
  const perRun: { p50: number; p95: number; p99: number; p99Base: number }[] = [];
  const perQuery = new Map<number, number[]>();
  let labelled = 0;
  let top5 = 0;
  let top3 = 0;
  let phrases = 0;
  let phraseTop3 = 0;
  const missedIds: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const times: number[] = [];
    const base: number[] = [];
    for (const query of queries) {
      const t0 = performance.now();
      const hits = engine.search(query);
      const ms = performance.now() - t0;
      times.push(ms);
      if (query.kind !== 'phrase') base.push(ms);
      perQuery.set(query.id, [...(perQuery.get(query.id) ?? []), ms]);
      if (run === 1 && query.kind === 'phrase' && query.expect !== null) {
        phrases++;
        if (meetsExpectation(query.expect, hits.slice(0, 3))) phraseTop3++;
      } else if (run === 1 && query.expect !== null) {
        labelled++;
        if (meetsExpectation(query.expect, hits.slice(0, 3))) top3++;
        if (meetsExpectation(query.expect, hits)) top5++;
        else missedIds.push(query.id);
      }
    }
    times.sort((a, b) => a - b);
    base.sort((a, b) => a - b);
    perRun.push({ p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), p99Base: percentile(base, 99) });
    onRun(run);
  }
  const perQueryMs: Record<number, number> = {};
  for (const [id, list] of perQuery) perQueryMs[id] = median(list);
  return {
    p50: median(perRun.map((r) => r.p50)),
    p95: median(perRun.map((r) => r.p95)),
    p99: median(perRun.map((r) => r.p99)),
    p99Base: median(perRun.map((r) => r.p99Base)),
    runs,
    queriesTimed: queries.length,
    labelled,
    top5,
    top3,
    phrases,
    phraseTop3,
    missedIds,
    perQueryMs,
  };
}
