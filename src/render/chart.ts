import { Resvg } from '@resvg/resvg-js';
import type { PeriodCount } from '../answer/types.js';
import { chartSvg } from './chart-svg.js';

/**
 * SVG → PNG with @resvg/resvg-js (MPL-2.0; prebuilt binaries in npm packages, no build step).
 * System fonts are loaded for the labels; without any, the bars still render.
 */
export function chartPng(periods: PeriodCount[], title: string): Buffer {
  const svg = chartSvg(periods, title);
  return new Resvg(svg, { background: 'rgba(0,0,0,0)', font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
}
