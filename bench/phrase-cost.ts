/**
 * What phrase ranking costs (issue 8: at most 1 ms at p99), measured in one process:
 * `npx tsx bench/phrase-cost.ts [--runs 30]`. Two cores over the same speeches corpus and the
 * same persisted index, one with phrase ranking off (answering.phraseRanking false), answer every
 * benchmark query in turn, alternating which goes first, so a busy machine slows both alike
 * (separate processes minutes apart differ by more than the effect on a shared 2-core machine).
 * Prints both p99s over all queries and over the queries other than the exact-phrase ones.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultCorpusPath, repoRoot } from './corpus.js';
import { askCore, importLoadCore } from './engines/ours.js';
import { median, percentile } from './measure.js';
import { corpusQueries } from './queries.js';
import { signedMs } from './report.js';

const { values } = parseArgs({
  options: {
    // A p99 is read off the slowest 1% of the timings: with 5 timed runs (~1,450 per side) a few
    // pauses of the machine moved it by more than 1 ms from run to run; with 29 (~8,400 per side,
    // about 40 s) the difference moves by about 0.1 ms.
    runs: { type: 'string', default: '30' },
    seed: { type: 'string', default: '20240611' },
  },
});
const seed = Number(values.seed);
const queries = corpusQueries(seed);
const loadCore = await importLoadCore();
const dir = resolve(defaultCorpusPath, '..');
const cacheDir = resolve(repoRoot, '.cache', 'verbatim-profile');
// The first load builds and saves the index when needed; both cores then load the saved one, so
// both read paragraphs the same way (from the kept-open file).
await loadCore(dir, { cacheDir, progress: null });
const on = (await loadCore(dir, { cacheDir, progress: null })).core;
const off = (await loadCore(dir, { cacheDir, progress: null, answering: { phraseRanking: false } })).core;

const timed = { on: [] as number[], off: [] as number[], onBase: [] as number[], offBase: [] as number[] };
const perQuery = new Map<number, { on: number[]; off: number[] }>();
for (let run = 0; run < Number(values.runs); run++) {
  queries.forEach((q, i) => {
    const order = (i + run) % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const);
    for (const which of order) {
      const t0 = performance.now();
      askCore(which === 'on' ? on : off, q);
      const ms = performance.now() - t0;
      if (run === 0) continue; // the first run warms the JIT and lazy structures
      timed[which].push(ms);
      if (q.kind !== 'phrase') timed[which === 'on' ? 'onBase' : 'offBase'].push(ms);
      const entry = perQuery.get(q.id) ?? { on: [], off: [] };
      entry[which].push(ms);
      perQuery.set(q.id, entry);
    }
  });
}
for (const list of Object.values(timed)) list.sort((a, b) => a - b);
const p99 = (list: number[]) => percentile(list, 99);
const byId = new Map(queries.map((q) => [q.id, q]));
console.log(`${queries.length} queries × ${Number(values.runs) - 1} timed runs, each asked with and without phrase ranking in turn`);
console.log(
  `phrase ranking: p99 ${p99(timed.on).toFixed(2)} ms with it, ${p99(timed.off).toFixed(2)} ms without (${signedMs(p99(timed.on), p99(timed.off))}); ` +
    `without the exact-phrase queries ${p99(timed.onBase).toFixed(2)} against ${p99(timed.offBase).toFixed(2)} ms (${signedMs(p99(timed.onBase), p99(timed.offBase))})`,
);
// The mean per-query cost is steadier than the p99s, which a few slow moments of the machine move.
const costs = [...perQuery].map(([id, t]) => ({ id, on: median(t.on), off: median(t.off) }));
console.log(
  `mean cost per query ${(costs.reduce((sum, c) => sum + c.on - c.off, 0) / costs.length).toFixed(2)} ms (median of each query's runs, with minus without)`,
);
console.log('queries it costs most (median ms with, without):');
for (const { id, on: withIt, off: without } of costs.sort((a, b) => b.on - b.off - (a.on - a.off)).slice(0, 8)) {
  console.log(`  ${withIt.toFixed(2).padStart(6)} ${without.toFixed(2).padStart(6)}  ${byId.get(id)?.kind.padEnd(7)} ${byId.get(id)?.text}`);
}
