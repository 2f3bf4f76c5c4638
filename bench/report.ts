/** Formatting of the benchmark's table, its findings and its one-line summary. */
import type { BenchQuery, WorkerResult } from './types.js';

const NAMES: Record<string, string> = { ours: 'verbatim (ours)', minisearch: 'MiniSearch 7', fuse: 'fuse.js naive' };

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
    pad('p50 ms', 9),
    pad('p95 ms', 9),
    pad('p99 ms', 9),
    pad('queries×runs', 12),
    pad('top-5 hits', 15),
    pad('p99 vs ours', 11),
  ].join(' ');
  const lines = [`passages=${size.toLocaleString('en-US')}`, header, '-'.repeat(header.length)];
  for (const r of results) {
    const hits = r.labelled > 0 ? `${r.top5}/${r.labelled} (${Math.round((100 * r.top5) / r.labelled)}%)` : '-';
    lines.push(
      [
        pad(NAMES[r.engine] ?? r.engine, 22, true),
        pad(ms(r.buildMs), 13),
        pad(r.restartMs === undefined ? '' : ms(r.restartMs), 10),
        pad(r.heapMb.toFixed(1), 8),
        pad(ms(r.p50), 9),
        pad(ms(r.p95), 9),
        pad(ms(r.p99), 9),
        pad(`${r.queriesTimed}×${r.runs}`, 12),
        pad(hits, 15),
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

/** Relevance in one line: labelled queries found in the top 3 results, ours against MiniSearch. */
export function relevanceLine(size: number, ours: WorkerResult | undefined, mini: WorkerResult | undefined): string {
  const of = (r: WorkerResult | undefined) =>
    r && r.labelled > 0 ? `${r.top3 ?? 0}/${r.labelled} (${Math.round((100 * (r.top3 ?? 0)) / r.labelled)}%)` : 'NA';
  return `relevance at ${size.toLocaleString('en-US')} passages: top-3 hits on labelled queries: ours ${of(ours)}, MiniSearch ${of(mini)}`;
}

/** The last line of the run. */
export function summaryLine(size: number, ours: WorkerResult | undefined, fuse: WorkerResult | undefined, mini: WorkerResult | undefined): string {
  const num = (v: number | undefined, digits: number): string => (v === undefined ? 'NA' : v.toFixed(digits));
  const cold = ours?.restartMs ?? ours?.buildMs;
  return (
    `bench: passages=${size} p99_ms=${num(ours?.p99, 2)} cold_start_ms=${num(cold, 0)} heap_mb=${num(ours?.heapMb, 1)}` +
    ` vs_fuse_p99=${ratio(fuse?.p99, ours?.p99).replace('-', 'NA')} vs_minisearch_p99=${ratio(mini?.p99, ours?.p99).replace('-', 'NA')}`
  );
}
