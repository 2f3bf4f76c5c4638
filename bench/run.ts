/**
 * `npm run bench`: our core against naive fuse.js and MiniSearch on samples of the speeches corpus
 * (1k, 10k, 100k and all passages; `--quick`: 1k and 10k). Each engine runs in its own process so
 * its heap is measured alone. Prints figures only: it never fails on a timing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { corpusExists, defaultCorpusPath, readSpeeches, repoRoot, samplePassages, splitPassages, writeKnowledgeFolder } from './corpus.js';
import { coreExists, corePath } from './engines/ours.js';
import { buildQueries } from './queries.js';
import { formatFindings, formatSize, relevanceLine, summaryLine } from './report.js';
import type { BenchDoc, WorkerResult } from './types.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    seed: { type: 'string', default: '20240611' },
    corpus: { type: 'string', default: defaultCorpusPath },
    engines: { type: 'string', default: 'ours,minisearch,fuse' },
    'fuse-queries': { type: 'string', default: '20' },
    growth: { type: 'string', default: '10000' },
    /** The heap-growth section stops early after this many seconds (it reports how many it asked). */
    'growth-seconds': { type: 'string', default: '60' },
    keep: { type: 'boolean', default: false },
    /** Another module exporting loadCore (e.g. a prototype) instead of src/load-core.ts. */
    core: { type: 'string', default: corePath },
  },
});

if (!corpusExists(values.corpus)) {
  console.log(`bench: skipped, corpus not found at ${values.corpus} (clone the project with ../shared beside it)`);
  process.exit(0);
}
const seed = Number(values.seed);
const started = performance.now();
const startLoad = loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
const speeches = readSpeeches(values.corpus);
const passages = splitPassages(speeches);
const sizes = (values.quick ? [1_000, 10_000] : [1_000, 10_000, 100_000, passages.length]).filter((n) => n <= passages.length);
const samples = samplePassages(passages, sizes, seed);
const queries = buildQueries(speeches, passages, samples.get(sizes[0] ?? 1_000) ?? [], seed);
const work = mkdtempSync(join(tmpdir(), 'verbatim-bench-'));
writeFileSync(join(work, 'queries.json'), JSON.stringify(queries));
for (const [size, sample] of samples) {
  const docs: BenchDoc[] = sample.map((p) => ({ id: p.id, text: p.text, speaker: speeches[p.speech]?.speaker ?? '' }));
  writeFileSync(join(work, `passages-${size}.json`), JSON.stringify(docs));
  writeKnowledgeFolder(join(work, `knowledge-${size}`), speeches, sample);
}
const labelled = queries.filter((q) => q.expect !== null).length;
console.log(
  `corpus: ${speeches.length} speeches → ${passages.length} passages; ${queries.length} queries (${labelled} labelled), seed ${seed}; ` +
    `prepared in ${((performance.now() - started) / 1000).toFixed(1)} s in ${work}`,
);

const engines = values.engines.split(',').filter((e) => e !== 'ours' || coreExists(values.core));
if (!engines.includes('ours') && values.engines.includes('ours')) console.log(`ours: skipped, ${values.core} does not exist yet`);
const fuseSample = Number(values['fuse-queries']);

/** Runs one worker process and returns its JSON result (null if it failed). */
function runWorker(args: string[]): WorkerResult | null {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(repoRoot, 'bench', 'worker.ts'), '--dir', work, '--core', values.core, ...args],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !last.startsWith('{')) {
    console.log(`  worker ${args.join(' ')} failed (exit ${child.status}): ${last.slice(0, 300)}`);
    return null;
  }
  return JSON.parse(last) as WorkerResult;
}

const notes: string[] = [];
const bySize = new Map<number, WorkerResult[]>();
const largest = sizes.at(-1) ?? 0;
for (const size of sizes) {
  const results: WorkerResult[] = [];
  for (const engine of engines) {
    const args = ['--engine', engine, '--size', String(size)];
    if (engine === 'fuse' && size >= 10_000) {
      const n = size >= 100_000 ? Math.max(1, Math.floor(fuseSample / 2)) : fuseSample;
      args.push('--sample', String(n), '--runs', '1');
    }
    if (engine === 'ours' && size === largest) args.push('--growth', values.growth, '--growth-seconds', values['growth-seconds']);
    const result = runWorker(args);
    if (result === null) continue;
    if (engine === 'ours') {
      const restart = runWorker([...args.slice(0, 4), '--cold-only']);
      if (restart !== null) result.restartMs = restart.buildMs;
    }
    results.push(result);
  }
  bySize.set(size, results);
  console.log(`\n${formatSize(size, results)}`);
}

notes.push(
  'build/cold ms: fuse.js and MiniSearch = index built from passages already in memory; ours = loadCore(folder) reading and',
  '  parsing the .jsonl, indexing and persisting the index, up to the first answer. restart ms: ours again, in a new process',
  '  on the same folder, loading the persisted index (what every start after the first does); cold_start_ms below is this.',
  "heap MB: heapUsed after GC in the engine's own process, minus the same process before loading (passage text included).",
  "p50/p95/p99: per run over the timed queries, median of the runs. fuse.js and MiniSearch search the query's keywords",
  '  (speaker + topic words); ours gets /quote and /summary as requests and free text through ask().',
  `fuse.js at ≥10k passages: a fixed, evenly spread sample of ${fuseSample} queries (${Math.max(1, Math.floor(fuseSample / 2))} at ≥100k), 1 run;`,
  '  its p99 there is the slowest of those; "vs ours" compares with our p99 over all queries.',
  'top-5 hits: labelled queries (rare words of a passage → that passage; /quote or "what did X say" → X) found in the first 5 results.',
);
console.log(`\n${notes.join('\n')}`);

const final = bySize.get(largest) ?? [];
const ours = final.find((r) => r.engine === 'ours');
const mini = final.find((r) => r.engine === 'minisearch');
const fuse = final.find((r) => r.engine === 'fuse');
if (ours !== undefined) {
  console.log(`\n${formatFindings(queries, ours, mini)}`);
  console.log(relevanceLine(largest, ours, mini));
  if (ours.growth !== undefined) {
    const g = ours.growth;
    const capped = g.questions < Number(values.growth) ? ` (stopped at the ${values['growth-seconds']} s cap)` : '';
    console.log(
      `\nheap growth over ${g.questions.toLocaleString('en-US')} mixed questions${capped} at ${largest.toLocaleString('en-US')} passages: ` +
        `${g.heapBeforeMb.toFixed(1)} → ${g.heapAfterMb.toFixed(1)} MB heapUsed after GC (${(g.heapAfterMb - g.heapBeforeMb).toFixed(1)} MB) in ${(g.ms / 1000).toFixed(1)} s`,
    );
  }
}
if (!values.keep) rmSync(work, { recursive: true, force: true });
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
console.log(
  `\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s on ${availableParallelism()} cores, node ${process.version}; load average at start ${startLoad}, at end ${load()}`,
);
console.log(summaryLine(largest, ours, fuse, mini));
