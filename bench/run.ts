/**
 * `npm run bench`: our core against MiniSearch tuned (fuzzy 0.2 on words of 5+ letters, no prefix),
 * FlexSearch 0.8 (its most typo-tolerant configuration) and naive fuse.js (the floor) on samples of
 * the speeches corpus (1k, 10k, 100k and all passages; `--quick`: 1k and 10k, no XL), then an XL
 * section on the combined archive (speeches + UN General Debates 1946–2018, ~580k passages). Same
 * passages and same queries for every engine, one run. Each engine runs in its own process so its
 * heap is measured alone. Prints figures only: it never fails on a timing. The last two lines
 * (assembled in report.ts) are the ones issue 14 asks for.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  corpusExists,
  defaultCorpusPath,
  defaultXlPath,
  type Passage,
  readSpeeches,
  readSpeechesGz,
  repoRoot,
  type Speech,
  samplePassages,
  splitPassages,
  writeKnowledgeFolder,
} from './corpus.js';
import { coreExists, corePath } from './engines/ours.js';
import { buildQueries } from './queries.js';
import { benchLine, benchXlLine, formatFindings, formatSize, readScale, phraseCostLine, relevanceLine } from './report.js';
import type { BenchDoc, WorkerResult } from './types.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    seed: { type: 'string', default: '20240611' },
    corpus: { type: 'string', default: defaultCorpusPath },
    /** The XL addition (gzipped JSONL); `--no-xl` skips the section. */
    xl: { type: 'string', default: defaultXlPath },
    'no-xl': { type: 'boolean', default: false },
    engines: { type: 'string', default: 'ours,ours-no-phrase,minisearch,flexsearch,fuse' },
    /**
     * Engines of the XL section. FlexSearch's tolerant index and fuse.js's scan do not fit a shared
     * 2-core machine's time and memory at 580k passages; the XL targets compare with MiniSearch tuned.
     */
    'xl-engines': { type: 'string', default: 'ours,minisearch' },
    'fuse-queries': { type: 'string', default: '20' },
    growth: { type: 'string', default: '10000' },
    /** The heap-growth section stops early after this many seconds (it reports how many it asked). */
    'growth-seconds': { type: 'string', default: '60' },
    /** JSON from `bench/scale.ts --out FILE` (cold/first start, RSS); default: run bench/scale.ts if it exists. */
    scale: { type: 'string' },
    /** Sample sizes instead of the default ones (comma-separated), e.g. `--sizes 1000` before an XL-only check. */
    sizes: { type: 'string' },
    keep: { type: 'boolean', default: false },
    /** Another module exporting loadCore (e.g. a prototype) instead of src/load-core.ts. */
    core: { type: 'string', default: corePath },
  },
});

/** Old-space limit of the XL workers: MiniSearch and our build at 580k passages need 2–5 GB. */
const XL_HEAP_MB = 12_288;
/** bench/scale.ts gets this long before its figures are taken from our own workers instead. */
const SCALE_TIMEOUT_MS = 10 * 60_000;

if (!corpusExists(values.corpus)) {
  console.log(`bench: skipped, corpus not found at ${values.corpus} (clone the project with ../shared beside it)`);
  process.exit(0);
}
const seed = Number(values.seed);
const started = performance.now();
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const startLoad = load();
const speeches = readSpeeches(values.corpus);
const passages = splitPassages(speeches);
const defaultSizes = values.quick ? [1_000, 10_000] : [1_000, 10_000, 100_000, passages.length];
const sizes = (values.sizes === undefined ? defaultSizes : values.sizes.split(',').map(Number)).filter((n) => n <= passages.length);
const samples = samplePassages(passages, sizes, seed);
const queries = buildQueries(speeches, passages, samples.get(sizes[0] ?? 1_000) ?? [], seed);
const work = mkdtempSync(join(tmpdir(), 'verbatim-bench-'));
writeFileSync(join(work, 'queries.json'), JSON.stringify(queries));

/** The passages as fuse.js, MiniSearch and FlexSearch get them, one JSON array written piece by piece. */
function writeDocs(file: string, all: readonly Speech[], sample: readonly Passage[]): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, '[');
    sample.forEach((p, i) => {
      const doc: BenchDoc = { id: p.id, text: p.text, speaker: all[p.speech]?.speaker ?? '' };
      writeSync(fd, `${i === 0 ? '' : ','}${JSON.stringify(doc)}\n`);
    });
    writeSync(fd, ']');
  } finally {
    closeSync(fd);
  }
}
for (const [size, sample] of samples) {
  writeDocs(join(work, `passages-${size}.json`), speeches, sample);
  writeKnowledgeFolder(join(work, `knowledge-${size}`), speeches, sample);
}
const labelled = queries.filter((q) => q.expect !== null && q.kind !== 'phrase').length;
const phraseCount = queries.filter((q) => q.kind === 'phrase').length;
console.log(
  `corpus: ${speeches.length} speeches → ${passages.length} passages; ${queries.length} queries (${labelled} labelled, ${phraseCount} exact-phrase), seed ${seed}; ` +
    `prepared in ${((performance.now() - started) / 1000).toFixed(1)} s in ${work}; load average ${startLoad}`,
);

const wanted = (list: string): string[] => list.split(',').filter((e) => !e.startsWith('ours') || coreExists(values.core));
const engines = wanted(values.engines);
if (!engines.includes('ours') && values.engines.includes('ours')) console.log(`ours: skipped, ${values.core} does not exist yet`);
const fuseSample = Number(values['fuse-queries']);

/** Runs one worker process and returns its JSON result (null if it failed). */
function runWorker(args: string[], heapMb?: number): WorkerResult | null {
  const node = ['--expose-gc', ...(heapMb === undefined ? [] : [`--max-old-space-size=${heapMb}`])];
  const child = spawnSync(
    process.execPath,
    [...node, '--import', 'tsx', join(repoRoot, 'bench', 'worker.ts'), '--dir', work, '--core', values.core, ...args],
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

/** Every engine on one sample (`label`: its size, or "xl"); ours also restarted on its persisted index. */
function runSection(label: string, size: number, list: readonly string[], heapMb?: number, growth = false): WorkerResult[] {
  const results: WorkerResult[] = [];
  for (const engine of list) {
    const args = ['--engine', engine, '--size', label];
    if (engine === 'fuse' && size >= 10_000) {
      const n = size >= 100_000 ? Math.max(1, Math.floor(fuseSample / 2)) : fuseSample;
      args.push('--sample', String(n), '--runs', '1');
    }
    if (engine === 'ours' && growth) args.push('--growth', values.growth, '--growth-seconds', values['growth-seconds']);
    const result = runWorker(args, heapMb);
    if (result === null) continue;
    if (engine === 'ours') {
      const restart = runWorker([...args.slice(0, 4), '--cold-only'], heapMb);
      if (restart !== null) {
        result.restartMs = restart.buildMs;
        result.restartRssMb = restart.rssMb;
      }
    }
    results.push(result);
  }
  console.log(`\n${formatSize(size, results)}  (load average ${load()})`);
  return results;
}

const bySize = new Map<number, WorkerResult[]>();
const largest = sizes.at(-1) ?? 0;
for (const size of sizes) bySize.set(size, runSection(String(size), size, engines, undefined, size === largest));

// XL: the combined archive, read here (zlib) and written as plain JSONL, the path the 111k rows use.
let xl: WorkerResult[] = [];
let xlPassages = 0;
if (!values.quick && !values['no-xl'] && existsSync(values.xl)) {
  const t0 = performance.now();
  const all = [...speeches, ...(await readSpeechesGz(values.xl))];
  const xlAll = splitPassages(all);
  xlPassages = xlAll.length;
  writeDocs(join(work, 'passages-xl.json'), all, xlAll);
  writeKnowledgeFolder(join(work, 'knowledge-xl'), all, xlAll);
  console.log(
    `\nXL: ${all.length} speeches (${values.xl} added) → ${xlPassages} passages, prepared in ${((performance.now() - t0) / 1000).toFixed(1)} s; the same ${queries.length} queries`,
  );
  xl = runSection('xl', xlPassages, wanted(values['xl-engines']), XL_HEAP_MB);
} else if (!values.quick && !values['no-xl']) console.log(`\nXL: skipped, ${values.xl} not found`);

const notes = [
  'build/cold ms: fuse.js, MiniSearch and FlexSearch = index built from passages already in memory; ours = loadCore(folder)',
  '  reading and parsing the .jsonl, indexing and persisting the index, up to the first answer (first start). restart ms: ours',
  '  again, in a new process on the same folder, loading the persisted index (every start after the first: cold start).',
  "heap MB: heapUsed after GC in the engine's own process, minus the same process before loading (passage text included);",
  '  RSS MB: the whole process after the build and a GC (ours: after the restart and its first answer).',
  "p50/p95/p99: per run over the timed queries, median of the runs. fuse.js, MiniSearch and FlexSearch search the query's",
  '  keywords (speaker + topic words, the pasted line); ours gets /quote and /summary as requests and free text through ask().',
  `fuse.js at ≥10k passages: a fixed, evenly spread sample of ${fuseSample} queries (${Math.max(1, Math.floor(fuseSample / 2))} at ≥100k), 1 run;`,
  '  its p99 there is the slowest of those; "vs ours" compares with our p99 over all queries.',
  'top-5 hits: labelled queries (rare words of a passage → that passage; /quote or "what did X say" → X) found in the first 5',
  '  results. phrase top-3: exact-phrase queries (a line cut from a passage, alone or in who said "…"?) whose passage is in the first 3.',
  'p99 base: p99 over the queries other than the exact-phrase ones (the mix of earlier runs, comparable with their figures).',
];
console.log(`\n${notes.join('\n')}`);

const final = bySize.get(largest) ?? [];
const find = (list: readonly WorkerResult[], engine: string) => list.find((r) => r.engine === engine);
const ours = find(final, 'ours');
const mini = find(final, 'minisearch');
const flex = find(final, 'flexsearch');
if (ours !== undefined) {
  console.log(`\n${formatFindings(queries, ours, mini)}`);
  console.log(relevanceLine(largest, final));
  const plain = find(final, 'ours-no-phrase');
  if (plain !== undefined) console.log(phraseCostLine(largest, ours, plain));
  if (ours.growth !== undefined) {
    const g = ours.growth;
    const capped = g.questions < Number(values.growth) ? ` (stopped at the ${values['growth-seconds']} s cap)` : '';
    console.log(
      `\nheap growth over ${g.questions.toLocaleString('en-US')} mixed questions${capped} at ${largest.toLocaleString('en-US')} passages: ` +
        `${g.heapBeforeMb.toFixed(1)} → ${g.heapAfterMb.toFixed(1)} MB heapUsed after GC (${(g.heapAfterMb - g.heapBeforeMb).toFixed(1)} MB) in ${(g.ms / 1000).toFixed(1)} s`,
    );
  }
}
const xlOurs = find(xl, 'ours');
if (xlOurs !== undefined) {
  console.log(`\n${formatFindings(queries, xlOurs, find(xl, 'minisearch'))}`);
  console.log(relevanceLine(xlPassages, xl));
}

// Start-up and memory figures: bench/scale.ts when present, else our workers' own.
let scaleFile = values.scale;
const scaleScript = join(repoRoot, 'bench', 'scale.ts');
if (scaleFile === undefined && !values.quick && existsSync(scaleScript)) {
  scaleFile = join(work, 'scale.json');
  const child = spawnSync(process.execPath, ['--import', 'tsx', scaleScript, '--out', scaleFile], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: SCALE_TIMEOUT_MS,
  });
  if (child.status !== 0) console.log(`bench/scale.ts failed (exit ${child.status}): start-up figures from the bench's own workers`);
}
const scale = readScale(scaleFile);

if (!values.keep) rmSync(work, { recursive: true, force: true });
console.log(
  `\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s on ${availableParallelism()} cores, node ${process.version}; load average at start ${startLoad}, at end ${load()}`,
);
console.log(benchLine(largest, ours, mini, flex, scale.bench));
console.log(benchXlLine(xlPassages, xlOurs, find(xl, 'minisearch'), scale.xl));
