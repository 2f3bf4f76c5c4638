/**
 * `npx tsx bench/compare.ts --base DIR [--rounds 8] [--kind K] [--top 15] [--verify N]`: is a speed change
 * faster, and are its answers the same? Loads two cores in one process, this checkout's and the
 * one in DIR (another checkout of the project, e.g. `git worktree add /tmp/base HEAD~1` or
 * `git archive HEAD | tar -x -C /tmp/base`, with node_modules linked), each on its own persisted
 * index over the speeches corpus (.cache/verbatim-profile, as bench/profile.ts), then:
 *
 *  - asks both every benchmark query and counts the answers that differ (JSON of the whole
 *    answer): a speed change must keep them all, or say which relevance it gains;
 *  - asks the queries `--rounds` times, the two cores in turn and alternating which goes first,
 *    timing each answer in CPU time (process.cpuUsage): on a shared machine the wall clock also
 *    counts the time spent waiting for a core, and interleaving exposes both to the same load.
 *
 * With `--verify N`, the queries are bench/verify.ts's first N /verify claims instead (built from
 * this checkout's knowledge base, then asked of both cores).
 *
 * Prints p50/p95/p99/mean CPU ms of each and the slowest queries of this checkout beside the
 * base's. The first round warms the JIT and is not counted. Figures only.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Answer, Core } from '../src/answer/types.js';
import { loadKnowledgeBase } from '../src/snapshot.js';
import { defaultCorpusPath, repoRoot } from './corpus.js';
import { askCore, importLoadCore } from './engines/ours.js';
import { percentile } from './measure.js';
import { corpusQueries } from './queries.js';
import { verifyCases } from './verify-cases.js';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    rounds: { type: 'string', default: '8' },
    kind: { type: 'string' },
    top: { type: 'string', default: '15' },
    seed: { type: 'string', default: '20240611' },
    verify: { type: 'string' },
  },
});
if (values.base === undefined) {
  console.error('usage: npx tsx bench/compare.ts --base DIR [--rounds 8] [--kind K] [--top 15] [--verify N]');
  process.exit(2);
}
const roots = [resolve(values.base), repoRoot];
/** What is asked of both cores: the benchmark's queries, or /verify claims. */
type Asked = { kind: string; text: string; ask: (core: Core) => Answer };
const queries: Asked[] =
  values.verify === undefined
    ? corpusQueries(Number(values.seed))
        .filter((q) => values.kind === undefined || q.kind === values.kind)
        .map((q) => ({ kind: q.kind, text: q.text, ask: (core: Core) => askCore(core, q) }))
    : await verifyClaims(Number(values.verify));

async function verifyClaims(n: number): Promise<Asked[]> {
  const { kb } = await loadKnowledgeBase(resolve(defaultCorpusPath, '..'), resolve(repoRoot, '.cache', 'verbatim-profile'));
  return verifyCases(kb, Number(values.seed), n).map((c) => ({
    kind: c.kind === 'one word changed' ? 'altered' : c.kind === 'other speaker' ? 'other' : c.kind.replace(' ', '-'),
    text: `${c.request.speaker ? `${c.request.speaker}: ` : ''}${c.request.claim}`,
    ask: (core: Core) => core.answer(c.request),
  }));
}
const cores: Core[] = [];
for (const root of roots) {
  const loadCore = await importLoadCore(resolve(root, 'src', 'load-core.ts'));
  cores.push((await loadCore(resolve(defaultCorpusPath, '..'), { cacheDir: resolve(root, '.cache', 'verbatim-profile'), progress: null })).core);
}
const [base, work] = cores as [Core, Core];

const differing = queries.filter((q) => JSON.stringify(q.ask(base)) !== JSON.stringify(q.ask(work)));
console.log(`answers differing: ${differing.length}/${queries.length}${differing.length ? `, e.g. ${differing[0]!.text}` : ''}`);

const all: [number[], number[]] = [[], []];
const perQuery = queries.map((): [number[], number[]] => [[], []]);
const rounds = Math.max(2, Number(values.rounds));
for (let round = 0; round < rounds; round++) {
  queries.forEach((q, i) => {
    for (const k of (round + i) % 2 ? [0, 1] : [1, 0]) {
      const before = process.cpuUsage();
      q.ask(cores[k]!);
      const used = process.cpuUsage(before);
      if (round === 0) continue;
      const ms = (used.user + used.system) / 1000;
      all[k as 0 | 1].push(ms);
      perQuery[i]![k as 0 | 1].push(ms);
    }
  });
}
const sorted = (list: number[]) => [...list].sort((a, b) => a - b);
const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
for (const k of [0, 1] as const) {
  const s = sorted(all[k]);
  console.log(
    `${k === 0 ? 'base' : 'this'} (${roots[k]}): CPU p50 ${percentile(s, 50).toFixed(2)} p95 ${percentile(s, 95).toFixed(2)} p99 ${percentile(s, 99).toFixed(2)} mean ${mean(s).toFixed(3)} ms`,
  );
}
const med = (list: number[]) => percentile(sorted(list), 50);
const slowest = queries
  .map((q, i) => ({ q, base: med(perQuery[i]![0]), work: med(perQuery[i]![1]) }))
  .sort((a, b) => b.work - a.work)
  .slice(0, Number(values.top));
for (const { q, base: b, work: w } of slowest)
  console.log(`  ${b.toFixed(2).padStart(6)} → ${w.toFixed(2).padStart(6)} ms  ${q.kind.padEnd(7)} ${q.text}`);
