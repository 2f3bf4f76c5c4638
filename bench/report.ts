/** Formatting of the benchmark's table, its findings and its two closing lines (issue 14's form). */
import { existsSync, readFileSync } from 'node:fs';
import type { BenchQuery, WorkerResult } from './types.js';

const NAMES: Record<string, string> = {
  ours: 'verbatim (ours)',
  'ours-no-phrase': 'verbatim, no phrases',
  minisearch: 'MiniSearch 7 tuned',
  'minisearch-prefix': 'MiniSearch 7 prefix',
  flexsearch: 'FlexSearch 0.8',
  fuse: 'fuse.js naive',
};

function ms(value: number): string {
  if (!Number.isFinite(value)) return '-';
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function pad(text: string, width: number, left = false): string {
  return left ? text.padEnd(width) : text.padStart(width);
}

export function ratio(theirs: number | undefined, ours: number | undefined): string {
  if (theirs === undefined || ours === undefined || !(ours > 0)) return '-';
  const r = theirs / ours;
  return r >= 100 ? `${r.toFixed(0)}x` : `${r.toFixed(1)}x`;
}

/** The table for one corpus size. */
export function formatSize(size: number, results: readonly WorkerResult[]): string {
  const ours = results.find((r) => r.engine === 'ours');
  const header = [
    pad('engine', 22, true),
    pad('build/cold ms', 13),
    pad('restart ms', 10),
    pad('heap MB', 8),
    pad('RSS MB', 7),
    pad('p50 ms', 9),
    pad('p95 ms', 9),
    pad('p99 ms', 9),
    pad('queries×runs', 12),
    pad('p99 base', 9),
    pad('top-5 hits', 15),
    pad('top-3', 8),
    pad('phrase top-3', 12),
    pad('p99 vs ours', 11),
  ].join(' ');
  const lines = [`passages=${size.toLocaleString('en-US')}`, header, '-'.repeat(header.length)];
  for (const r of results) {
    const hits = r.labelled > 0 ? `${r.top5}/${r.labelled} (${Math.round((100 * r.top5) / r.labelled)}%)` : '-';
    const phrase = r.phrases > 0 ? `${r.phraseTop3}/${r.phrases}` : '-';
    lines.push(
      [
        pad(NAMES[r.engine] ?? r.engine, 22, true),
        pad(ms(r.buildMs), 13),
        pad(r.restartMs === undefined ? '' : ms(r.restartMs), 10),
        pad(r.heapMb.toFixed(1), 8),
        pad((r.restartRssMb ?? r.rssMb)?.toFixed(0) ?? '-', 7),
        pad(ms(r.p50), 9),
        pad(ms(r.p95), 9),
        pad(ms(r.p99), 9),
        pad(`${r.queriesTimed}×${r.runs}`, 12),
        pad(ms(r.p99Base), 9),
        pad(hits, 15),
        pad(r.labelled > 0 ? `${r.top3}/${r.labelled}` : '-', 8),
        pad(phrase, 12),
        pad(r.engine === 'ours' ? '1x' : ratio(r.p99, ours?.p99), 11),
      ].join(' '),
    );
  }
  return lines.join('\n');
}

/** Where ours is slower than MiniSearch, or misses what MiniSearch finds (largest size). */
export function formatFindings(queries: readonly BenchQuery[], ours: WorkerResult, mini: WorkerResult | undefined): string {
  const byId = new Map(queries.map((q) => [q.id, q]));
  const lines: string[] = [];
  const slowest = Object.entries(ours.perQueryMs)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8);
  lines.push(`slowest queries for ours at ${ours.passages.toLocaleString('en-US')} passages (median ms; MiniSearch in brackets):`);
  for (const [id, t] of slowest) {
    const other = mini?.perQueryMs[Number(id)];
    lines.push(`  ${ms(t).padStart(8)} [${other === undefined ? '-' : ms(other)}]  ${byId.get(Number(id))?.text ?? id}`);
  }
  if (mini !== undefined) {
    const oursMissed = new Set(ours.missedIds);
    const miniMissed = new Set(mini.missedIds);
    const onlyOurs = [...oursMissed].filter((id) => !miniMissed.has(id));
    const onlyMini = [...miniMissed].filter((id) => !oursMissed.has(id));
    lines.push(`labelled queries ours misses but MiniSearch finds (${onlyOurs.length}); MiniSearch misses but ours finds: ${onlyMini.length}`);
    for (const id of onlyOurs.slice(0, 12)) {
      const q = byId.get(id);
      lines.push(`  #${id} ${q?.text ?? ''}  → expected ${q?.expect?.passage !== undefined ? 'passage' : 'speaker'} of ${q?.expect?.speaker ?? '?'}`);
    }
  }
  if (ours.unknownTotal !== undefined) {
    lines.push(`unknown-word queries answered "not found" by ours: ${ours.unknownMisses ?? 0}/${ours.unknownTotal}`);
  }
  return lines.join('\n');
}

/** Relevance in one line per engine: top-5 and top-3 on labelled queries, exact phrases in the top 3. */
export function relevanceLine(size: number, results: readonly WorkerResult[]): string {
  const share = (hits: number, of: number) => (of > 0 ? `${hits}/${of} (${Math.round((100 * hits) / of)}%)` : 'NA');
  const rows = results
    .filter((r) => r.labelled > 0)
    .map(
      (r) =>
        `  ${(NAMES[r.engine] ?? r.engine).padEnd(20)} top-5 ${share(r.top5, r.labelled)}, top-3 ${share(r.top3, r.labelled)}, exact phrase in top 3 ${share(r.phraseTop3, r.phrases)}`,
    );
  return [`relevance at ${size.toLocaleString('en-US')} passages (same queries):`, ...rows].join('\n');
}

/** Start-up and memory figures for one section; any may be missing. */
export interface StartFigures {
  coldStartMs?: number;
  firstStartMs?: number;
  rssMb?: number;
}

const FIELDS: Record<keyof StartFigures, string> = { coldStartMs: 'coldstartms', firstStartMs: 'firststartms', rssMb: 'rssmb' };
const plainKey = (key: string) => key.toLowerCase().replace(/[^a-z]/g, '');

/** The three figures found in an object (keys compared without case or separators: cold_start_ms, coldStartMs). */
function figuresIn(value: unknown): StartFigures {
  const out: StartFigures = {};
  if (value === null || typeof value !== 'object') return out;
  for (const [key, v] of Object.entries(value)) {
    const field = (Object.keys(FIELDS) as (keyof StartFigures)[]).find((f) => FIELDS[f] === plainKey(key));
    if (field !== undefined && typeof v === 'number' && Number.isFinite(v)) out[field] = v;
  }
  return out;
}

/**
 * Reads `bench/scale.ts --out FILE` (keys "corpus" and "xl", each with first_start_ms, cold_start_ms, rss_mb):
 * also figures at the top level or under a key naming the section ("bench", "speeches", "corpus" for the
 * speeches corpus; any key holding "xl" for the combined one). A missing file, bad JSON or a
 * missing figure gives undefined, printed as `na`, and our own workers' figures are used instead.
 */
export function readScale(file: string | undefined): { bench: StartFigures; xl: StartFigures } {
  if (file === undefined || !existsSync(file)) return { bench: {}, xl: {} };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { bench: {}, xl: {} };
  }
  const sections = json !== null && typeof json === 'object' ? Object.entries(json) : [];
  const under = (test: (key: string) => boolean): StartFigures =>
    Object.assign({}, ...sections.filter(([k]) => test(plainKey(k))).map(([, v]) => figuresIn(v)));
  const xl = under((k) => k.includes('xl'));
  const bench = { ...figuresIn(json), ...under((k) => !k.includes('xl') && (k === 'bench' || k.includes('speeches') || k.includes('corpus'))) };
  return { bench, xl };
}

const fixed = (v: number | undefined, digits: number): string => (v === undefined || !Number.isFinite(v) ? 'na' : v.toFixed(digits));
const times = (theirs: WorkerResult | undefined, ours: WorkerResult | undefined): string => {
  if (theirs === undefined || ours === undefined || !(ours.p99 > 0)) return 'na';
  return `${(theirs.p99 / ours.p99).toFixed(1)}x`;
};
const hits = (r: WorkerResult | undefined): string => (r === undefined || r.labelled === 0 ? 'na' : `${r.top5}/${r.labelled}`);

/** Start figures: scale.ts's when given, else our workers' (restart = cold start, first run = first start). */
function starts(ours: WorkerResult | undefined, scale: StartFigures): string {
  const cold = scale.coldStartMs ?? ours?.restartMs;
  const first = scale.firstStartMs ?? ours?.buildMs;
  const rss = scale.rssMb ?? ours?.restartRssMb ?? ours?.rssMb;
  return `cold_start_ms=${fixed(cold, 0)} first_start_ms=${fixed(first, 0)} rss_mb=${fixed(rss, 0)}`;
}

/**
 * The second-to-last line of the run (speeches corpus, all passages). `passages` is the benchmark's
 * count (the passages every engine gets); our core re-cuts the same text into its own passages.
 */
export function benchLine(
  size: number,
  ours: WorkerResult | undefined,
  mini: WorkerResult | undefined,
  flex: WorkerResult | undefined,
  scale: StartFigures = {},
): string {
  return (
    `bench: passages=${size} p99_ms=${fixed(ours?.p99, 2)} ${starts(ours, scale)}` +
    ` vs_minisearch_tuned_p99=${times(mini, ours)} vs_flexsearch_p99=${times(flex, ours)} relevance_ours=${hits(ours)} relevance_minisearch_tuned=${hits(mini)}`
  );
}

/** The last line of the run (the combined archive). */
export function benchXlLine(size: number, ours: WorkerResult | undefined, mini: WorkerResult | undefined, scale: StartFigures = {}): string {
  return (
    `bench-xl: passages=${size || 'na'} p99_ms=${fixed(ours?.p99, 2)} ${starts(ours, scale)}` +
    ` vs_minisearch_tuned_p99=${times(mini, ours)} relevance_ours=${hits(ours)} relevance_minisearch_tuned=${hits(mini)}`
  );
}

/** A difference of two timings, signed: "+0.46 ms", "-1.16 ms". */
export function signedMs(a: number, b: number): string {
  return `${a - b >= 0 ? '+' : ''}${(a - b).toFixed(2)} ms`;
}

/**
 * What phrase ranking adds at p99, ours against ours with it off, in the same run, each in its own
 * process building its own index from the same folder. Only a rough figure: the engine whose
 * process runs first after the corpus folder is written is slower at every percentile (+2.15 ms
 * with ours first, +0.21 ms with it second, one day's runs). Issue 8's measure is
 * bench/phrase-cost.ts, the two in one process, interleaved.
 */
export function phraseCostLine(size: number, ours: WorkerResult, plain: WorkerResult): string {
  return (
    `phrase ranking at ${size.toLocaleString('en-US')} passages: p99 ${ms(ours.p99)} ms with it, ${ms(plain.p99)} ms without (${signedMs(ours.p99, plain.p99)}); ` +
    `without the exact-phrase queries ${ms(ours.p99Base)} ms against ${ms(plain.p99Base)} ms (${signedMs(ours.p99Base, plain.p99Base)}); ` +
    `exact phrase in top 3 ${ours.phraseTop3}/${ours.phrases} with it, ${plain.phraseTop3}/${plain.phrases} without ` +
    '(separate processes, whose order moves this by up to 2 ms: bench/phrase-cost.ts, the last step of npm run bench, measures it interleaved in one)'
  );
}
