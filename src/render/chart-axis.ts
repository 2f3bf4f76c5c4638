import type { PeriodCount } from '../answer/types.js';

/**
 * The timeline chart's axes: periods placed on a true time axis (a year with no source is an empty
 * slot, so 1816 does not stand beside 1837), the labels thinned to a round step that fits, and the
 * count axis's ticks. Pure arithmetic, tested without rendering.
 */

export interface Slot {
  /** The period this slot stands for: a year, a month or a day, as the timeline writes periods. */
  period: string;
  /** The timeline's count for it, 0 for a gap. */
  count: number;
}

/** Every unit from the first period to the last; a year-only source among months (or days) gets its own slot before its year's first. */
export function timeSlots(periods: PeriodCount[]): Slot[] {
  if (!periods.length) return [];
  const grain = Math.max(...periods.map((p) => p.period.length));
  const counts = new Map(periods.map((p) => [p.period, p.count]));
  const units = periods.filter((p) => p.period.length === grain).map((p) => p.period);
  const slots: Slot[] = [];
  const years = new Set(periods.filter((p) => p.period.length === 4 && grain > 4).map((p) => p.period));
  const push = (period: string) => {
    const year = period.slice(0, 4);
    // The year-only slot goes once, before the first unit of its year.
    if (years.has(year)) {
      slots.push({ period: year, count: counts.get(year) ?? 0 });
      years.delete(year);
    }
    slots.push({ period, count: counts.get(period) ?? 0 });
  };
  if (!units.length) return periods.map((p) => ({ ...p }));
  for (let u: string | null = units[0]!; u !== null && u <= units.at(-1)!; u = nextUnit(u)) push(u);
  for (const year of years) slots.push({ period: year, count: counts.get(year) ?? 0 });
  return slots;
}

/** The unit after `period` ("2021" → "2022", "2021-12" → "2022-01", "2021-02-28" → "2021-03-01"). */
function nextUnit(period: string): string {
  if (period.length === 4) return String(Number(period) + 1).padStart(4, '0');
  if (period.length === 7) {
    const [y, m] = period.split('-').map(Number) as [number, number];
    return m === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${period.slice(0, 4)}-${String(m + 1).padStart(2, '0')}`;
  }
  const d = new Date(`${period}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

/**
 * Which slots carry a label: every `step`-th one, the step the smallest round number whose labels
 * (each `labelWidth` wide) do not touch at `slotWidth` apart. Years are labelled on round years
 * (1800, 1810 …), so the labels read as a scale.
 */
export function labelledSlots(slots: Slot[], slotWidth: number, labelWidth: number): Set<number> {
  const step = STEPS.find((s) => s * slotWidth >= labelWidth) ?? Math.ceil(labelWidth / slotWidth);
  const out = new Set<number>();
  const years = slots.every((s) => s.period.length === 4);
  slots.forEach((slot, i) => {
    const n = years ? Number(slot.period) : i;
    if (n % step === 0) out.add(i);
  });
  // Short axes whose round years fall between slots: label the first slot at least.
  if (!out.size && slots.length) out.add(0);
  return out;
}

/** Round tick values from 0 up to `max`, about `count` of them (1, 2 or 5 × 10ⁿ apart, never under 1: counts are whole). */
export function countTicks(max: number, count = 4): number[] {
  const top = Math.max(1, max);
  const raw = top / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? power * 10);
  const ticks: number[] = [];
  for (let t = 0; t <= top; t += step) ticks.push(t);
  return ticks;
}
