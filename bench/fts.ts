/**
 * `npm run bench -- --steps fts` (or `npx tsx bench/fts.ts [--xl] [--sizes N,N] [--runs 3] [--url URL]`):
 * two engines behind one interface (PassageEngine, src/search/engine.ts) on the same passages and
 * the same 290 queries: verbatim's in-memory BM25 index and PostgreSQL full-text search (a GIN
 * index over a stored tsvector, ts_rank_cd; bench/engines/postgres-fts.ts). For each: build time,
 * query p50/p99 (per run, median of the runs, after one warm-up run) and relevance (labelled
 * queries whose passage or speaker is in the first five; exact-phrase queries whose passage is in
 * the first three), at all passages of the speeches corpus and, with `--xl`, the speeches plus the
 * UN General Debates (~580k passages). Both engines get the query's keywords, as MiniSearch does
 * in bench/run.ts (the answers' own reading of a request is measured there): this compares
 * rankers, not answers. The PostgreSQL table lives in a schema of its own (`bench_fts_<pid>`) in
 * the database at `--url` (default: BENCH_DATABASE_URL, else postgres://127.0.0.1:5432/test) and
 * is dropped at the end. Figures only: it never fails on a timing.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { PassageEngine } from '../src/search/engine.js';
import { memoryEngine } from '../src/search/engine.js';
import { SearchIndex } from '../src/search/index.js';
import {
  corpusExists,
  defaultCorpusPath,
  defaultXlPath,
  type Passage,
  readSpeeches,
  readSpeechesGz,
  samplePassages,
  type Speech,
  splitPassages,
} from './corpus.js';
import { buildPostgresFts, type FtsDoc } from './engines/postgres-fts.js';
import { median, percentile } from './measure.js';
import { buildQueries } from './queries.js';
import { meetsExpectation } from './relevance.js';
import type { BenchQuery, Hit } from './types.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    xl: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '20240611' },
    url: { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://127.0.0.1:5432/test' },
  },
});

if (!corpusExists(defaultCorpusPath)) {
  console.log(`bench fts: skipped, corpus not found at ${defaultCorpusPath}`);
  process.exit(0);
}
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const seed = Number(values.seed);
const runs = Math.max(1, Number(values.runs));
const speeches = readSpeeches(defaultCorpusPath);
const passages = splitPassages(speeches);
const sizes = values.sizes === undefined ? [passages.length] : values.sizes.split(',').map(Number);
const samples = samplePassages(passages, [1_000, ...sizes], seed);
const queries = buildQueries(speeches, passages, samples.get(1_000) ?? [], seed);

interface Row {
  engine: string;
  passages: number;
  buildMs: number;
  p50: number;
  p99: number;
  top5: number;
  labelled: number;
  phraseTop3: number;
  phrases: number;
  /** Labelled queries that missed the top five, by kind (a typo apart: PostgreSQL has no typo tolerance). */
  missed: Record<string, number>;
  note: string;
}

const docsOf = (all: readonly Speech[], sample: readonly Passage[]): FtsDoc[] =>
  sample.map((p) => ({ id: p.id, speaker: all[p.speech]?.speaker ?? '', text: p.text }));

/** Every query `runs` times after a warm-up run; relevance read on the first timed run. */
async function measure(engine: PassageEngine, docs: readonly FtsDoc[], list: readonly BenchQuery[]) {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const hitsOf = async (q: BenchQuery): Promise<Hit[]> =>
    (await engine.search(q.keywords, 5)).flatMap((h) => {
      const d = byId.get(h.passage);
      return d === undefined ? [] : [{ speaker: d.speaker, text: d.text }];
    });
  for (const q of list) await hitsOf(q);
  const perRun: Array<{ p50: number; p99: number }> = [];
  let top5 = 0;
  let labelled = 0;
  let phraseTop3 = 0;
  let phrases = 0;
  const missed: Record<string, number> = {};
  for (let run = 0; run < runs; run++) {
    const times: number[] = [];
    for (const q of list) {
      const t0 = performance.now();
      const hits = await hitsOf(q);
      times.push(performance.now() - t0);
      if (run > 0 || q.expect === null) continue;
      if (q.kind === 'phrase') {
        phrases++;
        if (meetsExpectation(q.expect, hits.slice(0, 3))) phraseTop3++;
      } else {
        labelled++;
        if (meetsExpectation(q.expect, hits)) top5++;
        else {
          const kind = `${q.kind}${q.typo ? ' with a typo' : ''}`;
          missed[kind] = (missed[kind] ?? 0) + 1;
        }
      }
    }
    times.sort((a, b) => a - b);
    perRun.push({ p50: percentile(times, 50), p99: percentile(times, 99) });
  }
  return { p50: median(perRun.map((r) => r.p50)), p99: median(perRun.map((r) => r.p99)), top5, labelled, phraseTop3, phrases, missed };
}

async function section(label: string, all: readonly Speech[], sample: readonly Passage[]): Promise<Row[]> {
  const docs = docsOf(all, sample);
  const rows: Row[] = [];
  // The speaker's name is part of what each engine indexes: "/quote lincoln slavery" searches "lincoln slavery".
  let t0 = performance.now();
  const index = SearchIndex.build(docs.map((d) => `${d.speaker} ${d.text}`));
  const memoryMs = performance.now() - t0;
  const memory = memoryEngine(index);
  // Ids in the index are positions in `docs`: the engine's hits are mapped back to passage ids.
  const positional: PassageEngine = {
    name: memory.name,
    search: async (query, limit) => (await memory.search(query, limit)).map((h) => ({ ...h, passage: docs[h.passage]!.id })),
    close: memory.close,
  };
  rows.push({ engine: memory.name, passages: docs.length, buildMs: memoryMs, ...(await measure(positional, docs, queries)), note: '' });
  console.log(`  ${label}: in-memory done (load average ${load()})`);
  t0 = performance.now();
  let fts: Awaited<ReturnType<typeof buildPostgresFts>>;
  try {
    fts = await buildPostgresFts(values.url, docs);
  } catch (err) {
    console.log(`  ${label}: PostgreSQL full-text skipped: ${(err as Error).message}`);
    return rows;
  }
  const ftsMs = performance.now() - t0;
  try {
    const measured = await measure(fts, docs, queries);
    const perPassage = (bytes: number) => Math.round(bytes / docs.length);
    rows.push({
      engine: fts.name,
      passages: docs.length,
      buildMs: ftsMs,
      ...measured,
      note: `table ${(fts.tableBytes / 1048576).toFixed(0)} MB (${perPassage(fts.tableBytes)} B/passage), GIN index ${(fts.indexBytes / 1048576).toFixed(0)} MB (${perPassage(fts.indexBytes)} B/passage)`,
    });
  } finally {
    await fts.close();
  }
  console.log(`  ${label}: PostgreSQL done (load average ${load()})`);
  return rows;
}

console.log(
  `bench fts: ${queries.length} queries (${queries.filter((q) => q.expect !== null && q.kind !== 'phrase').length} labelled, ${queries.filter((q) => q.kind === 'phrase').length} exact-phrase), ${runs} timed runs after a warm-up; load average ${load()}`,
);
const rows: Row[] = [];
for (const size of sizes) rows.push(...(await section(String(size), speeches, samples.get(size) ?? [])));
if (values.xl) {
  const all = [...speeches, ...(await readSpeechesGz(defaultXlPath))];
  rows.push(...(await section('xl', all, splitPassages(all))));
}

console.log('\n| passages | engine | build s | p50 ms | p99 ms | top-5 labelled | phrase top-3 | size |');
console.log('|---:|---|---:|---:|---:|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.passages.toLocaleString('en-US')} | ${r.engine} | ${(r.buildMs / 1000).toFixed(1)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.top5}/${r.labelled} | ${r.phraseTop3}/${r.phrases} | ${r.note} |`,
  );
console.log('\nlabelled queries missed (not in the top five), by kind:');
for (const r of rows)
  console.log(
    `  ${r.passages.toLocaleString('en-US')} ${r.engine}: ${
      Object.entries(r.missed)
        .sort((a, b) => b[1] - a[1])
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ') || 'none'
    }`,
  );
for (const r of rows)
  console.log(
    `bench fts: engine="${r.engine}" passages=${r.passages} build_ms=${r.buildMs.toFixed(0)} p50_ms=${r.p50.toFixed(2)} p99_ms=${r.p99.toFixed(2)} top5=${r.top5}/${r.labelled} phrase_top3=${r.phraseTop3}/${r.phrases} load=${load()}`,
  );
