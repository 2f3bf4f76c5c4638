import { describe, expect, it } from 'vitest';
import { chartBars, chartSvg, CHART, titleLines } from '../../src/render/chart-svg.js';
import { countTicks, timeSlots } from '../../src/render/chart-axis.js';
import { chartPng } from '../../src/render/chart.js';
import { loadSeeds } from '../helpers.js';

/** The PNG's width and height from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Each bar's period, count and height, read back from the SVG text. */
function svgBars(svg: string): Array<{ period: string; count: number; height: number }> {
  return [...svg.matchAll(/<rect class="bar" data-period="([^"]+)" data-count="(\d+)"[^>]* height="([\d.]+)"/g)].map((m) => ({
    period: m[1]!,
    count: Number(m[2]),
    height: Number(m[3]),
  }));
}

describe('timeline chart', () => {
  const periods = [
    { period: '2019', count: 1 },
    { period: '2021', count: 3 },
    { period: '2023', count: 2 },
  ];

  it('has one bar per period, heights proportional to the counts', () => {
    const bars = svgBars(chartSvg(periods, 'T'));
    expect(bars.map((b) => [b.period, b.count])).toEqual(periods.map((p) => [p.period, p.count]));
    const unit = bars[1]!.height / 3;
    for (const b of bars) expect(b.height).toBeCloseTo(b.count * unit, 1);
    expect(bars[1]!.height).toBeCloseTo(CHART.height - CHART.top - CHART.bottom, 1);
  });

  it('renders a PNG of the SVG size', () => {
    const { width } = chartBars(periods);
    expect(pngSize(chartPng(periods, 'Timeline: “harbour”'))).toEqual({ width, height: CHART.height });
  });

  it('charts the same numbers as the timeline answer', async () => {
    const { core } = await loadSeeds();
    const a = core.ask('/timeline russia');
    const bars = svgBars(chartSvg(a.periods!, a.heading));
    expect(bars.map((b) => ({ period: b.period, count: b.count }))).toEqual(a.periods);
    expect(bars.reduce((n, b) => n + b.count, 0)).toBe(a.citations.length);
  });

  it('stands periods on a true time axis: a year without sources is a gap, not a neighbour', () => {
    const { bars, slot } = chartBars([
      { period: '1816', count: 2 },
      { period: '1837', count: 1 },
      { period: '1838', count: 4 },
    ]);
    expect(bars.map((b) => b.period)).toEqual(['1816', '1837', '1838']);
    expect((bars[1]!.x - bars[0]!.x) / slot).toBeCloseTo(21, 5);
    expect((bars[2]!.x - bars[1]!.x) / slot).toBeCloseTo(1, 5);
    // Months across a year end, and a year-only source before its year's months.
    expect(
      timeSlots([
        { period: '2021', count: 1 },
        { period: '2021-11', count: 2 },
        { period: '2022-02', count: 1 },
      ]).map((s) => `${s.period}:${s.count}`),
    ).toEqual(['2021:1', '2021-11:2', '2021-12:0', '2022-01:0', '2022-02:1']);
  });

  it('with 200+ years: labels thinned so none touch, and a count axis that reads', () => {
    const periods = Array.from({ length: 120 }, (_, i) => ({ period: String(1790 + i * 2), count: (i * 7) % 23 || 1 }));
    periods.push({ period: '2020', count: 100 });
    const svg = chartSvg(periods, 'Timeline: “freedom”, 1,042 sources, 1790 to 2020');
    const { width } = chartBars(periods);
    expect(width).toBeLessThanOrEqual(CHART.maxWidth);
    const labels = [...svg.matchAll(/<text x="([\d.]+)" y="\d+" font-size="12" text-anchor="middle">(\d{4})<\/text>/g)].map((m) => ({
      x: Number(m[1]),
      text: m[2]!,
    }));
    expect(labels.length).toBeGreaterThan(5);
    // Round years, evenly apart, each label (4 digits, ~30 px at 12 px) clear of the next.
    const gaps = labels.slice(1).map((l, i) => l.x - labels[i]!.x);
    for (const g of gaps) expect(g).toBeGreaterThan(34);
    expect(new Set(labels.map((l) => Number(l.text) % 10))).toEqual(new Set([0]));
    // The count axis: 0 and round ticks up to the largest count, drawn whatever the bar width.
    const ticks = [...svg.matchAll(/text-anchor="end" dominant-baseline="middle">(\d+)<\/text>/g)].map((m) => Number(m[1]));
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)).toBe(100);
    expect(countTicks(7)).toEqual([0, 2, 4, 6]);
  });

  it('keeps the title inside the card: wrapped at word ends, at most two lines, shortened with …', () => {
    const long = `Timeline: Barack Obama on “health care and the economy of the United States in every year of both terms”, 26 sources, 2008 to 2016`;
    const room = CHART.minWidth - CHART.left - CHART.right;
    const lines = titleLines(long, room);
    expect(lines.length).toBe(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    for (const line of lines) expect(line.length * 16 * 0.62).toBeLessThanOrEqual(room);
    expect(long.startsWith(`${lines[0]} `)).toBe(true);
    expect(titleLines('Timeline: “russia”, 2 sources', room)).toEqual(['Timeline: “russia”, 2 sources']);
    const svg = chartSvg([{ period: '2021', count: 3 }], long);
    expect(svg).not.toContain('2008 to 2016');
    expect(svg).toContain(esc(lines[1]!));
  });

  it('escapes text from the sources', () => {
    expect(chartSvg([{ period: '2020', count: 1 }], 'A <b> & "c"')).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
  });
});
