import type { PeriodCount } from '../answer/types.js';

/**
 * A timeline's counts per period as an SVG bar chart, built by hand (a few rectangles and labels).
 * Pure: the PNG step (chart.ts) is the only part that needs a native library. An opaque light card
 * with dark text reads the same in Discord's dark and light themes; bar heights are proportional to
 * the counts (tests read them back from the SVG).
 */

export const CHART = { height: 360, top: 68, bottom: 64, left: 48, right: 24, minWidth: 480, maxBars: 80 } as const;
const BG = '#f4f5f7';
const INK = '#1f2328';
const BAR = '#2b6cb0';
const GRID = '#c9ced6';

export interface Bar {
  period: string;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The bars' geometry: height ∝ count, the tallest bar filling the plot. */
export function chartBars(periods: PeriodCount[]): { width: number; bars: Bar[] } {
  const shown = periods.slice(0, CHART.maxBars);
  const slot = shown.length > 24 ? 18 : shown.length > 12 ? 32 : 56;
  const width = Math.max(CHART.minWidth, CHART.left + CHART.right + slot * shown.length);
  const plotW = width - CHART.left - CHART.right;
  const plotH = CHART.height - CHART.top - CHART.bottom;
  const step = plotW / Math.max(1, shown.length);
  const max = Math.max(1, ...shown.map((p) => p.count));
  const bars = shown.map((p, i) => {
    const height = Math.round((p.count / max) * plotH * 100) / 100;
    return { period: p.period, count: p.count, x: CHART.left + i * step + step * 0.15, y: CHART.top + plotH - height, width: step * 0.7, height };
  });
  return { width, bars };
}

/** The chart as SVG text; each bar is a `<rect class="bar" data-period data-count>`. */
export function chartSvg(periods: PeriodCount[], title: string): string {
  const { width, bars } = chartBars(periods);
  const base = CHART.height - CHART.bottom;
  const rotate = bars.length > 8 || bars.some((b) => b.period.length > 7);
  const labels = bars.map((b) => {
    const cx = b.x + b.width / 2;
    const label = rotate
      ? `<text x="${cx}" y="${base + 14}" font-size="11" text-anchor="end" transform="rotate(-45 ${cx} ${base + 14})">${esc(b.period)}</text>`
      : `<text x="${cx}" y="${base + 20}" font-size="13" text-anchor="middle">${esc(b.period)}</text>`;
    const count = bars.length <= 40 ? `<text x="${cx}" y="${b.y - 6}" font-size="12" text-anchor="middle">${b.count}</text>` : '';
    return `${label}${count}`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${CHART.height}" viewBox="0 0 ${width} ${CHART.height}" font-family="DejaVu Sans, Arial, sans-serif" fill="${INK}">`,
    `<rect width="${width}" height="${CHART.height}" rx="12" fill="${BG}"/>`,
    `<text x="${CHART.left}" y="30" font-size="16" font-weight="bold">${esc(title.length > 90 ? `${title.slice(0, 89)}…` : title)}</text>`,
    `<line x1="${CHART.left}" y1="${base}" x2="${width - CHART.right}" y2="${base}" stroke="${GRID}" stroke-width="1"/>`,
    ...bars.map(
      (b) =>
        `<rect class="bar" data-period="${esc(b.period)}" data-count="${b.count}" x="${b.x.toFixed(2)}" y="${b.y.toFixed(2)}" width="${b.width.toFixed(2)}" height="${b.height.toFixed(2)}" fill="${BAR}"/>`,
    ),
    ...labels,
    periods.length > bars.length
      ? `<text x="${width - CHART.right}" y="${CHART.height - 8}" font-size="11" text-anchor="end">first ${bars.length} of ${periods.length} periods</text>`
      : '',
    '</svg>',
  ].join('');
}
