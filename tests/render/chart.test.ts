import { describe, expect, it } from 'vitest';
import { chartBars, chartSvg, CHART } from '../../src/render/chart-svg.js';
import { chartPng } from '../../src/render/chart.js';
import { loadSeeds } from '../helpers.js';

/** The PNG's width and height from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

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

  it('escapes text from the sources', () => {
    expect(chartSvg([{ period: '2020', count: 1 }], 'A <b> & "c"')).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
  });
});
