/**
 * Our queries alone, for profiling: `npx tsx bench/profile.ts [--slowest 20 --repeat 30 --out FILE] [--kind K or --kind !K]`
 * loads the whole speeches corpus through loadCore (persisted index in .cache/verbatim-profile),
 * asks the benchmark's queries `--runs` times and prints the slowest (median ms). With `--out`, the
 * `--slowest` queries are then asked `--repeat` times more under the V8 CPU profiler (node:inspector),
 * written as a .cpuprofile (open it in Chrome DevTools): the profile holds only the answer path.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultCorpusPath, repoRoot } from './corpus.js';
import { askCore, importLoadCore } from './engines/ours.js';
import { median, percentile } from './measure.js';
import { corpusQueries } from './queries.js';

const { values } = parseArgs({
  options: {
    slowest: { type: 'string', default: '20' },
    repeat: { type: 'string', default: '30' },
    out: { type: 'string' },
    /** Writes every answer as JSON lines: compare two versions' files to show a speed change kept the answers. */
    dump: { type: 'string' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '20240611' },
    kind: { type: 'string' },
    /** Answers with phrase ranking off (what ours-no-phrase measures in bench/run.ts). */
    'no-phrase': { type: 'boolean', default: false },
    /** Writes each query's median ms as JSON (compare two runs query by query). */
    medians: { type: 'string' },
  },
});
const seed = Number(values.seed);
const queries = corpusQueries(seed).filter(
  (q) => values.kind === undefined || (values.kind.startsWith('!') ? q.kind !== values.kind.slice(1) : q.kind === values.kind),
);
const loadCore = await importLoadCore();
const { core } = await loadCore(resolve(defaultCorpusPath, '..'), {
  cacheDir: resolve(repoRoot, '.cache', 'verbatim-profile'),
  answering: { phraseRanking: !values['no-phrase'] },
});
if (values.dump !== undefined) writeFileSync(values.dump, queries.map((q) => JSON.stringify(askCore(core, q))).join('\n'));
const times = new Map<number, number[]>();
const all: number[] = [];
// The phrase queries apart: issue 8 measures phrase ranking's cost on the other queries.
const others: number[] = [];
// CPU time as well as wall time: on a shared machine the wall clock also counts time spent waiting for a core.
const cpu: number[] = [];
for (let run = 0; run < Number(values.runs); run++) {
  for (const q of queries) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    askCore(core, q);
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (run > 0) {
      all.push(ms);
      if (q.kind !== 'phrase') others.push(ms);
      cpu.push((c.user + c.system) / 1000);
    } // the first run warms the JIT and lazy structures
    times.set(q.id, [...(times.get(q.id) ?? []), ms]);
  }
}
all.sort((a, b) => a - b);
others.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
console.log(
  `${queries.length} queries × ${values.runs}: p50 ${percentile(all, 50).toFixed(2)} p95 ${percentile(all, 95).toFixed(2)} p99 ${percentile(all, 99).toFixed(2)} ms; CPU p50 ${percentile(cpu, 50).toFixed(2)} p95 ${percentile(cpu, 95).toFixed(2)} p99 ${percentile(cpu, 99).toFixed(2)} mean ${(cpu.reduce((a, b) => a + b, 0) / cpu.length).toFixed(3)} ms; p99 without phrase queries ${percentile(others, 99).toFixed(2)} ms`,
);
const byId = new Map(queries.map((q) => [q.id, q]));
if (values.medians !== undefined)
  writeFileSync(values.medians, JSON.stringify(Object.fromEntries([...times].map(([id, list]) => [byId.get(id)?.text, median(list)]))));
for (const [id, list] of [...times].sort((a, b) => median(b[1]) - median(a[1])).slice(0, 15)) {
  console.log(`  ${median(list).toFixed(2).padStart(7)}  ${byId.get(id)?.kind.padEnd(7)} ${byId.get(id)?.text}`);
}

if (values.out !== undefined) {
  const slow = [...times]
    .sort((a, b) => median(b[1]) - median(a[1]))
    .slice(0, Number(values.slowest))
    .flatMap(([id]) => byId.get(id) ?? []);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  for (let r = 0; r < Number(values.repeat); r++) for (const q of slow) askCore(core, q);
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(values.out, JSON.stringify(profile));
  console.log(`profile of the ${slow.length} slowest × ${values.repeat} written to ${values.out}`);
}
