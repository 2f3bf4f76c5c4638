import type { PeriodCount } from '../answer/types.js';
import { countTicks, labelledSlots, timeSlots } from './chart-axis.js';

/**
 * A timeline's counts per period as an SVG bar chart, built by hand (a few rectangles and labels).
 * Pure: the PNG step (chart.ts) is the only part that needs a native library. An opaque light card
 * with dark text reads the same in Discord's dark and light themes; bar heights are proportional to
 * the counts (tests read them back from the SVG). Periods stand on a true time axis (chart-axis.ts):
 * a year without sources is a gap. The count axis is always drawn, so 70+ narrow bars stay readable;
 * counts are written over the bars when they fit.
 */

export const CHART = { height: 360, top: 68, bottom: 64, left: 48, right: 24, minWidth: 480, maxWidth: 1600, titleLine: 20 } as const;
const BG = '#f4f5f7';
const INK = '#1f2328';
const BAR = '#2b6cb0';
const GRID = '#c9ced6';
/** Average advance of a DejaVu Sans character, as a share of the font size (for fitting text without measuring it). */
const CHAR_EM = 0.62;
const TITLE_SIZE = 16;
const LABEL_SIZE = 12;
/** A bar no wider than this: one period alone is a bar, not a filled card. */
const MAX_BAR = 60;

export interface Bar {
  period: string;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The title in at most two lines that fit `width`, cut at word ends; a longer one ends in "…". */
export function titleLines(title: string, width: number): string[] {
  const perLine = Math.max(10, Math.floor(width / (TITLE_SIZE * CHAR_EM)));
  const lines: string[] = [];
  let rest = title.trim();
  while (rest && lines.length < 2) {
    if (rest.length <= perLine) {
      lines.push(rest);
      rest = '';
      break;
    }
    const last = lines.length === 1;
    const room = last ? perLine - 1 : perLine;
    const cut = rest.lastIndexOf(' ', room);
    const at = cut > room / 2 ? cut : room;
    lines.push(last ? `${rest.slice(0, at).trimEnd()}…` : rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  return lines;
}

/** The layout: the card's width, where the plot starts, each slot's width, and the bars (gaps have none). */
export function chartBars(periods: PeriodCount[], title = ''): { width: number; top: number; slot: number; bars: Bar[] } {
  const slots = timeSlots(periods);
  const n = Math.max(1, slots.length);
  const wanted = n > 24 ? 18 : n > 12 ? 32 : 56;
  const width = Math.min(CHART.maxWidth, Math.max(CHART.minWidth, CHART.left + CHART.right + wanted * n));
  const slot = (width - CHART.left - CHART.right) / n;
  const lines = titleLines(title, width - CHART.left - CHART.right).length;
  const top = CHART.top + Math.max(0, lines - 1) * CHART.titleLine;
  const plotH = CHART.height - top - CHART.bottom;
  const max = Math.max(1, ...slots.map((s) => s.count));
  const bars: Bar[] = [];
  slots.forEach((s, i) => {
    if (!s.count) return;
    const height = Math.round((s.count / max) * plotH * 100) / 100;
    const w = Math.max(1, Math.min(slot * 0.7, MAX_BAR));
    bars.push({
      period: s.period,
      count: s.count,
      x: CHART.left + i * slot + (slot - w) / 2,
      y: CHART.height - CHART.bottom - height,
      width: w,
      height,
    });
  });
  return { width, top, slot, bars };
}

/** The chart as SVG text; each bar is a `<rect class="bar" data-period data-count>`. */
export function chartSvg(periods: PeriodCount[], title: string): string {
  const { width, top, slot, bars } = chartBars(periods, title);
  const slots = timeSlots(periods);
  const base = CHART.height - CHART.bottom;
  const plotH = base - top;
  const right = width - CHART.right;
  const max = Math.max(1, ...slots.map((s) => s.count));
  // Level labels, thinned to a round step whose labels do not touch (chart-axis.ts).
  const longest = Math.max(...slots.map((s) => s.period.length), 4);
  const labelled = labelledSlots(slots, slot, longest * LABEL_SIZE * CHAR_EM + 8);
  const labels = slots.flatMap((s, i) => {
    if (!labelled.has(i)) return [];
    const cx = (CHART.left + (i + 0.5) * slot).toFixed(2);
    return [
      `<line x1="${cx}" y1="${base}" x2="${cx}" y2="${base + 4}" stroke="${INK}" stroke-width="1"/>`,
      `<text x="${cx}" y="${base + 20}" font-size="${LABEL_SIZE}" text-anchor="middle">${esc(s.period)}</text>`,
    ];
  });
  // Counts over the bars only when a count's digits fit its slot; the axis on the left always reads.
  const countsFit = slot >= String(max).length * 11 * CHAR_EM + 4;
  const counts = countsFit
    ? bars.map((b) => `<text x="${(b.x + b.width / 2).toFixed(2)}" y="${(b.y - 6).toFixed(2)}" font-size="11" text-anchor="middle">${b.count}</text>`)
    : [];
  const ticks = countTicks(max).map((t) => {
    const y = (base - (t / max) * plotH).toFixed(2);
    return `<line x1="${CHART.left}" y1="${y}" x2="${right}" y2="${y}" stroke="${GRID}" stroke-width="1"/><text x="${CHART.left - 6}" y="${y}" font-size="11" text-anchor="end" dominant-baseline="middle">${t}</text>`;
  });
  const heading = titleLines(title, width - CHART.left - CHART.right).map(
    (line, i) => `<text x="${CHART.left}" y="${30 + i * CHART.titleLine}" font-size="${TITLE_SIZE}" font-weight="bold">${esc(line)}</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${CHART.height}" viewBox="0 0 ${width} ${CHART.height}" font-family="DejaVu Sans, Arial, sans-serif" fill="${INK}">`,
    `<rect width="${width}" height="${CHART.height}" rx="12" fill="${BG}"/>`,
    ...heading,
    ...ticks,
    `<line x1="${CHART.left}" y1="${base}" x2="${right}" y2="${base}" stroke="${INK}" stroke-width="1"/>`,
    ...bars.map(
      (b) =>
        `<rect class="bar" data-period="${esc(b.period)}" data-count="${b.count}" x="${b.x.toFixed(2)}" y="${b.y.toFixed(2)}" width="${b.width.toFixed(2)}" height="${b.height.toFixed(2)}" fill="${BAR}"/>`,
    ),
    ...counts,
    ...labels,
    '</svg>',
  ].join('');
}
