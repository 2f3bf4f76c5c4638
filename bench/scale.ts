/**
 * Loading figures at archive scale (issue 14), printed and written as JSON, never asserted:
 * for the full corpus (`../shared/corpus`) and for it with `../shared/corpus-xl` (a temporary
 * knowledge folder of symbolic links to the two files), each in fresh child processes through
 * the bot's own loading path (`loadLiveCore`, a cache directory in a temporary folder):
 *
 *   first_start_ms  no persisted index → first answer (read, parse, index, save)
 *   cold_start_ms   persisted index → first answer (the restart of a crashed or deployed bot)
 *   rss_mb          RSS after that restart and its first answer (and after a full GC)
 *   passages        passages indexed
 *
 * Times are taken inside the child from before the load to after the first answer; `wall_ms`
 * adds the process start and module loading. The machine's load average is recorded with them.
 *
 *   npx tsx bench/scale.ts [--out scale.json] [--runs 3] [--only corpus|xl]
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** Restarts measured per corpus (the median is reported): one is at the mercy of the other work on the machine. */
const DEFAULT_RUNS = 3;
const FIRST_QUESTION = '/quote lincoln slavery';

interface ChildResult {
  cache: string;
  rejected?: string;
  ms: number;
  rss_mb: number;
  rss_after_gc_mb: number;
  heap_mb: number;
  passages: number;
  sources: number;
}

const { values: args } = parseArgs({
  options: {
    out: { type: 'string' },
    runs: { type: 'string', default: String(DEFAULT_RUNS) },
    only: { type: 'string' },
    child: { type: 'boolean', default: false },
    knowledge: { type: 'string' },
    cache: { type: 'string' },
  },
});

/** One load in this process, as the bot does it, then one answer; prints one JSON line. */
async function child(dir: string, cacheDir: string): Promise<void> {
  const { loadLiveCore } = await import('../src/live.js');
  const started = performance.now();
  const { core, cache, rejected } = await loadLiveCore(dir, { cacheDir });
  core.ask(FIRST_QUESTION);
  const ms = performance.now() - started;
  const rss = process.memoryUsage().rss;
  (globalThis as { gc?: () => void }).gc?.();
  const after = process.memoryUsage();
  const mb = (n: number) => Math.round(n / 1024 / 1024);
  const result: ChildResult = {
    cache,
    ...(rejected ? { rejected } : {}),
    ms: Math.round(ms),
    rss_mb: mb(rss),
    rss_after_gc_mb: mb(after.rss),
    heap_mb: mb(after.heapUsed),
    passages: core.stats().passages,
    sources: core.stats().sources,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runChild(dir: string, cacheDir: string): Promise<ChildResult & { wall_ms: number; load: number }> {
  const started = performance.now();
  const load = loadavg()[0]!;
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', '--knowledge', dir, '--cache', cacheDir],
      { maxBuffer: 1 << 20, env: { ...process.env, VERBATIM_CACHE_DIR: cacheDir } },
      (err, stdout, stderr) => {
        if (err) return fail(new Error(`${err.message}\n${stderr}`));
        const line = stdout.trim().split('\n').at(-1) ?? '';
        done({ ...(JSON.parse(line) as ChildResult), wall_ms: Math.round(performance.now() - started), load: Math.round(load * 100) / 100 });
      },
    );
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(name: string, dir: string, runs: number) {
  const cacheDir = mkdtempSync(join(tmpdir(), `verbatim-scale-cache-${name}-`));
  try {
    const first = await runChild(dir, cacheDir);
    if (first.cache !== 'built') throw new Error(`${name}: the first start did not build and save the index (${first.cache})`);
    // The persisted knowledge base (src/search/kb-file.ts): what a restart reads.
    const kbBytes = readdirSync(cacheDir).reduce((n, f) => n + statSync(join(cacheDir, f)).size, 0);
    const restarts: Array<Awaited<ReturnType<typeof runChild>>> = [];
    for (let i = 0; i < runs; i++) {
      const r = await runChild(dir, cacheDir);
      if (r.cache !== 'hit')
        throw new Error(`${name}: a restart did not load the persisted index (${r.cache}${r.rejected ? `: ${r.rejected}` : ''})`);
      restarts.push(r);
    }
    const mid = restarts.find((r) => r.ms === median(restarts.map((x) => x.ms)))!;
    return {
      passages: first.passages,
      sources: first.sources,
      first_start_ms: first.ms,
      first_start_wall_ms: first.wall_ms,
      first_start_rss_mb: first.rss_mb,
      // After the first start every paragraph is in the heap (a restart reads them from the file
      // as answers need them): what a process holds once its answers have read the whole archive.
      first_start_heap_mb: first.heap_mb,
      first_start_rss_after_gc_mb: first.rss_after_gc_mb,
      cold_start_ms: mid.ms,
      cold_start_wall_ms: mid.wall_ms,
      cold_start_runs_ms: restarts.map((r) => r.ms),
      rss_mb: median(restarts.map((r) => r.rss_mb)),
      rss_after_gc_mb: median(restarts.map((r) => r.rss_after_gc_mb)),
      heap_mb: median(restarts.map((r) => r.heap_mb)),
      kb_file_mb: Math.round(kbBytes / 1048576),
      load_average: [first.load, ...restarts.map((r) => r.load)],
    };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const corpus = resolve('../shared/corpus/speeches.jsonl');
  const xl = resolve('../shared/corpus-xl/un-1946-2018.jsonl.gz');
  if (!existsSync(corpus)) {
    console.log(`bench scale: ${corpus} is not here; nothing measured`);
    return;
  }
  const runs = Math.max(1, Number(args.runs));
  const root = mkdtempSync(join(tmpdir(), 'verbatim-scale-'));
  const folder = (name: string, files: string[]) => {
    const dir = join(root, name);
    mkdirSync(dir);
    for (const f of files) symlinkSync(f, join(dir, f.split('/').at(-1)!));
    return dir;
  };
  const results: Record<string, Awaited<ReturnType<typeof measure>>> = {};
  try {
    if (args.only !== 'xl') results.corpus = await measure('corpus', folder('corpus', [corpus]), runs);
    if (args.only !== 'corpus' && existsSync(xl)) results.xl = await measure('xl', folder('xl', [corpus, xl]), runs);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const out = { node: process.version, cores: (await import('node:os')).cpus().length, ...results };
  if (args.out) writeFileSync(args.out, `${JSON.stringify(out, null, 2)}\n`);
  console.log('\nLoading at scale (fresh processes, the bot’s loading path; times to the first answer)');
  console.log(
    '| corpus | passages | first start | restart (median) | RSS after restart | after GC | heap | after first start: heap, RSS | index file | load average |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const [name, r] of Object.entries(results)) {
    console.log(
      `| ${name === 'xl' ? 'corpus + corpus-xl' : 'corpus'} | ${r.passages.toLocaleString('en')} | ${(r.first_start_ms / 1000).toFixed(1)} s | ${(r.cold_start_ms / 1000).toFixed(2)} s (${r.cold_start_runs_ms.join(', ')} ms) | ${r.rss_mb} MB | ${r.rss_after_gc_mb} MB | ${r.heap_mb} MB | ${r.first_start_heap_mb} MB, ${r.first_start_rss_after_gc_mb} MB | ${r.kb_file_mb} MB | ${r.load_average.map((l) => l.toFixed(1)).join(' ')} |`,
    );
  }
  for (const [name, r] of Object.entries(results))
    console.log(
      `bench scale${name === 'xl' ? '-xl' : ''}: passages=${r.passages} first_start_ms=${r.first_start_ms} cold_start_ms=${r.cold_start_ms} rss_mb=${r.rss_mb}`,
    );
  if (args.out) console.log(`written: ${args.out}`);
}

// Last, so every constant above is initialised before the top-level await runs.
if (args.child) await child(args.knowledge!, args.cache!);
else await main();
