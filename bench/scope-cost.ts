/**
 * What answering within a server's scope costs (issue 28: no measurable cost; docs/scopes.md),
 * measured in one process: `npx tsx bench/scope-cost.ts [--runs 16]`. One knowledge base over the
 * speeches corpus; today's core answers from it as loaded (every source global), the other core
 * from the same index and passages with one source in ten belonging to one of 20 servers, asked
 * from one of them, so every search runs the per-scope filter in its candidate loop. The two
 * answer every benchmark query in turn, alternating which goes first, so a busy machine slows both
 * alike. Prints the two p99s; it never fails on a timing.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { coreOf } from '../src/answer/core.js';
import type { Answer, Core, Scope } from '../src/answer/types.js';
import { loadKnowledgeBase } from '../src/snapshot.js';
import { defaultCorpusPath, repoRoot } from './corpus.js';
import { percentile } from './measure.js';
import { corpusQueries } from './queries.js';
import { signedMs } from './report.js';
import type { BenchQuery } from './types.js';

const SERVERS = 20;
const SCOPED_EVERY = 10;

const { values } = parseArgs({
  options: {
    // About a minute on a shared 2-core machine once the index is built; with 6 runs the p99s moved
    // by ±10 ms from run to run, with 16 by about 1 ms (the mean per query is steadier still).
    runs: { type: 'string', default: '16' },
    seed: { type: 'string', default: '20240611' },
  },
});
const queries = corpusQueries(Number(values.seed));
const dir = resolve(defaultCorpusPath, '..');
// The index phrase-cost.ts and profile.ts keep: built and saved once, then loaded.
const { kb } = await loadKnowledgeBase(dir, resolve(repoRoot, '.cache', 'verbatim-profile'));
const today = coreOf(kb);
const articles = kb.articles.map((a, i) => (i % SCOPED_EVERY === 0 ? Object.assign(Object.create(a) as typeof a, { scopes: [server(i)] }) : a));
const scoped = coreOf({ ...kb, articles });
const scope: Scope = { server: server(SCOPED_EVERY * 3) };

function server(i: number): string {
  return String(1_100_000_000_000_000_000n + BigInt((i / SCOPED_EVERY) % SERVERS));
}

function ask(core: Core, q: BenchQuery, within?: Scope): Answer {
  return q.request === null ? core.ask(q.text, within) : core.answer({ ...q.request, ...(within ? { scope: within } : {}) });
}

const timed = { today: [] as number[], scoped: [] as number[] };
let sum = 0;
for (let run = 0; run < Number(values.runs); run++) {
  queries.forEach((q, i) => {
    const order = (i + run) % 2 === 0 ? (['today', 'scoped'] as const) : (['scoped', 'today'] as const);
    for (const which of order) {
      const t0 = performance.now();
      if (which === 'today') ask(today, q);
      else ask(scoped, q, scope);
      const ms = performance.now() - t0;
      if (run === 0) continue; // the first run warms the JIT and the scope's view
      timed[which].push(ms);
      sum += which === 'scoped' ? ms : -ms;
    }
  });
}
for (const list of Object.values(timed)) list.sort((a, b) => a - b);
const p99 = (list: number[]) => percentile(list, 99);
console.log(
  `scope filter at ${kb.passages.length.toLocaleString('en-US')} passages: p99 ${p99(timed.scoped).toFixed(2)} ms asked in one server ` +
    `(1 source in ${SCOPED_EVERY} belongs to one of ${SERVERS} servers), ${p99(timed.today).toFixed(2)} ms today (every source global) ` +
    `(${signedMs(p99(timed.scoped), p99(timed.today))}; ${queries.length} queries × ${Number(values.runs) - 1} timed runs, interleaved); ` +
    // The mean is steadier than the p99s, which a few slow moments of the machine move; the scope
    // also has fewer passages to rank (the other servers' are skipped), which can make it faster.
    `mean ${signedMs(sum / timed.today.length, 0)} per query`,
);
