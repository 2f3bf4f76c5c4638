/**
 * `tsx bench/verify.ts [--claims N] [--seed S]`: /verify over the whole speeches corpus. Claims are
 * cut from random direct quotes (a run of 6–16 words): as said (with their speaker, and with no
 * speaker), with one word changed, and given to another speaker. Prints latency percentiles and how
 * often the verdict is the expected one. Figures only: it never fails on a timing.
 */
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { coreOf } from '../src/answer/core.js';
import { loadKnowledgeBase } from '../src/snapshot.js';
import { corpusExists, defaultCorpusPath, repoRoot } from './corpus.js';
import { type VerifyCase as Case, verifyCases } from './verify-cases.js';

const { values } = parseArgs({
  options: {
    claims: { type: 'string', default: '400' },
    seed: { type: 'string', default: '20240611' },
    corpus: { type: 'string', default: defaultCorpusPath },
  },
});
if (!corpusExists(values.corpus)) {
  console.log(`bench verify: skipped, corpus not found at ${values.corpus}`);
  process.exit(0);
}
const started = performance.now();
const { kb } = await loadKnowledgeBase(resolve(values.corpus, '..'), join(repoRoot, '.cache', 'verbatim'));
console.log(`verify: ${kb.passages.length} passages loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const core = coreOf(kb);
const cases = verifyCases(kb, Number(values.seed), Number(values.claims));
for (const c of cases.slice(0, 20)) core.answer(c.request); // warm-up
const times: number[] = [];
const cpu: number[] = [];
const slowest: Array<{ ms: number; c: Case }> = [];
const tally = new Map<string, { ok: number; n: number; got: Map<string, number> }>();
for (const c of cases) {
  const t = performance.now();
  const u = process.cpuUsage();
  const a = core.answer(c.request);
  times.push(performance.now() - t);
  const used = process.cpuUsage(u);
  cpu.push((used.user + used.system) / 1000);
  slowest.push({ ms: cpu[cpu.length - 1]!, c });
  const row = tally.get(c.kind) ?? { ok: 0, n: 0, got: new Map() };
  row.n++;
  const right = a.verify !== undefined && c.expect.includes(a.verify.verdict);
  if (right) row.ok++;
  else if (process.env.VERIFY_SHOW)
    console.log(
      `  ${c.kind}: ${JSON.stringify(c.request)} → ${a.verify?.verdict}: ${a.heading.slice(0, 160)} ${JSON.stringify(a.verify?.differences)}`,
    );
  if (!right) row.got.set(a.verify?.verdict ?? 'none', (row.got.get(a.verify?.verdict ?? 'none') ?? 0) + 1);
  tally.set(c.kind, row);
}
times.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const pct = (q: number, list = times) => list[Math.min(list.length - 1, Math.floor(q * list.length))]!.toFixed(2);
if (process.env.VERIFY_SHOW)
  for (const { ms, c } of slowest.sort((a, b) => b.ms - a.ms).slice(0, 8))
    console.log(`  slow ${ms.toFixed(1)} ms CPU: ${JSON.stringify(c.request)}`);
for (const [kind, r] of tally)
  console.log(
    `  ${kind.padEnd(17)} ${r.ok}/${r.n} expected verdict${r.got.size ? ` (else: ${[...r.got].map(([v, n]) => `${v} ${n}`).join(', ')})` : ''}`,
  );
console.log(
  `bench verify: passages=${kb.passages.length} claims=${times.length} p50_ms=${pct(0.5)} p95_ms=${pct(0.95)} p99_ms=${pct(0.99)} max_ms=${times.at(-1)!.toFixed(2)} cpu_p99_ms=${pct(0.99, cpu)} load=${loadavg()[0]!.toFixed(1)}`,
);
