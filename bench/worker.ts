/**
 * One engine at one corpus size, in its own process so its heap can be measured alone
 * (started by run.ts as `node --expose-gc --import tsx bench/worker.ts …`).
 * Prints progress on stderr and one JSON WorkerResult on the last line of stdout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Core } from '../src/answer/types.js';
import { buildFlexSearch } from './engines/flexsearch.js';
import { buildFuse } from './engines/fuse.js';
import { buildMiniSearch } from './engines/minisearch.js';
import { askCore, importLoadCore, wrapCore } from './engines/ours.js';
import type { BenchEngine } from './engines/types.js';
import { timeQueries } from './measure.js';
import { spreadSample } from './queries.js';
import type { BenchDoc, BenchQuery, WorkerResult } from './types.js';

const { values } = parseArgs({
  options: {
    engine: { type: 'string' },
    dir: { type: 'string' },
    /** The sample's label: its size in passages, or "xl" for the combined archive. */
    size: { type: 'string' },
    runs: { type: 'string', default: '3' },
    sample: { type: 'string', default: '0' },
    growth: { type: 'string', default: '0' },
    'growth-seconds': { type: 'string', default: '60' },
    'cold-only': { type: 'boolean', default: false },
    core: { type: 'string' },
  },
});
const engineName = values.engine ?? '';
const dir = values.dir ?? '';
const size = values.size ?? '';
const collect = (globalThis as { gc?: () => void }).gc;
if (collect === undefined) throw new Error('run with node --expose-gc');

function heapMb(): number {
  for (let i = 0; i < 3; i++) collect?.();
  return process.memoryUsage().heapUsed / 1048576;
}

const queries = JSON.parse(readFileSync(join(dir, 'queries.json'), 'utf8')) as BenchQuery[];
const first = queries[0];
if (first === undefined) throw new Error('no queries');

let engine: BenchEngine;
let buildMs: number;
let core: Core | null = null;
let problems: number | undefined;
let passages = 0;
// ours-no-phrase: our core with phrase ranking off, what phrase ranking costs (issue 8); it builds its own index as ours
// does, so both answer from passages held in memory (a restart reads paragraphs from the saved file).
const phraseRanking = engineName !== 'ours-no-phrase';
const loadCore = engineName === 'ours' || !phraseRanking ? await importLoadCore(values.core) : null;
const heapBase = heapMb();

if (loadCore !== null) {
  const t0 = performance.now();
  // The first start builds and persists the index; the restart (--cold-only) loads it.
  const loaded = await loadCore(join(dir, `knowledge-${size}`), {
    cacheDir: join(dir, phraseRanking ? `cache-${size}` : `cache-${size}-no-phrase`),
    answering: { phraseRanking },
  });
  askCore(loaded.core, first);
  buildMs = performance.now() - t0;
  core = loaded.core;
  problems = loaded.problems.length;
  passages = core.stats().passages;
  engine = wrapCore(core, phraseRanking ? undefined : 'verbatim, no phrase ranking');
  if (values['cold-only']) {
    process.stdout.write(`${JSON.stringify({ buildMs, rssMb: process.memoryUsage().rss / 1048576 })}\n`);
    process.exit(0);
  }
} else {
  const docs = JSON.parse(readFileSync(join(dir, `passages-${size}.json`), 'utf8')) as BenchDoc[];
  const t0 = performance.now();
  const builders: Record<string, (d: BenchDoc[]) => BenchEngine> = {
    fuse: buildFuse,
    minisearch: (d) => buildMiniSearch(d, 'tuned'),
    'minisearch-prefix': (d) => buildMiniSearch(d, 'prefix'),
    flexsearch: buildFlexSearch,
  };
  const build = builders[engineName];
  if (build === undefined) throw new Error(`unknown engine ${engineName}`);
  passages = docs.length;
  engine = build(docs);
  engine.search(first);
  buildMs = performance.now() - t0;
}
const heap = heapMb() - heapBase;
// RSS after start (after the GC above): what one process with this engine holds.
const rssMb = process.memoryUsage().rss / 1048576;

const sampleSize = Number(values.sample);
const timed = sampleSize > 0 ? spreadSample(queries, sampleSize) : queries;
const timing = timeQueries(engine, timed, Number(values.runs), (run) => process.stderr.write(`  ${engine.name} @${size}: run ${run} done\n`));

const result: WorkerResult = { engine: engineName, passages, buildMs, heapMb: heap, rssMb, ...timing };
if (problems !== undefined) result.problems = problems;

if (engine.found !== undefined) {
  const unknown = queries.filter((q) => q.kind === 'unknown');
  result.unknownTotal = unknown.length;
  result.unknownMisses = unknown.filter((q) => engine.found?.(q) === false).length;
}

const growthCount = Number(values.growth);
if (core !== null && growthCount > 0) {
  // Mixed questions: the whole query mix over and over, /quote and /summary paging through offsets 0–2.
  const deadline = performance.now() + Number(values['growth-seconds']) * 1000;
  const before = heapMb();
  const t0 = performance.now();
  let asked = 0;
  for (; asked < growthCount && (asked % 100 !== 0 || performance.now() < deadline); asked++) {
    const q = queries[asked % queries.length] as BenchQuery;
    const offset = Math.floor(asked / queries.length) % 3;
    askCore(core, q.request === null ? q : { ...q, request: { ...q.request, offset } });
  }
  const ms = performance.now() - t0;
  result.growth = { questions: asked, ms, heapBeforeMb: before, heapAfterMb: heapMb() };
}
process.stdout.write(`${JSON.stringify(result)}\n`);
