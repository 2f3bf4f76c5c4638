import type { Period } from './period.js';
import type { Bounds } from './types.js';

/**
 * `since` / `until` options (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) as a Period, intersected with any
 * period typed in the topic: both apply. Dates compare as YYYYMMDD numbers, like period.ts.
 */

const BOUND = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The first and last day a bound covers, or an error a user can act on. */
export function parseBound(raw: string, name: 'since' | 'until'): { from: number; to: number } | { error: string } {
  const m = BOUND.exec(raw.trim());
  const bad = { error: `${name}: “${raw.trim()}” is not a date; use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2019, 2021-03 or 2021-03-22).` };
  if (!m) return bad;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  if (year < 1000 || (month !== null && (month < 1 || month > 12))) return bad;
  if (month === null) return { from: year * 10000 + 101, to: year * 10000 + 1231 };
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day !== null && (day < 1 || day > last)) return bad;
  const base = year * 10000 + month * 100;
  return day === null ? { from: base + 1, to: base + last } : { from: base + day, to: base + day };
}

/** Topic period ∩ since ∩ until; `null` when none applies; an error for a bad bound or an empty range. */
export function combinePeriod(typed: Period | null, since?: string, until?: string): { period: Period | null } | { error: string } {
  let from = typed?.from ?? 0;
  let to = typed?.to ?? 99991231;
  const labels = typed ? [typed.label] : [];
  if (since?.trim()) {
    const b = parseBound(since, 'since');
    if ('error' in b) return b;
    from = Math.max(from, b.from);
    labels.push(`since ${since.trim()}`);
  }
  if (until?.trim()) {
    const b = parseBound(until, 'until');
    if ('error' in b) return b;
    to = Math.min(to, b.to);
    labels.push(`until ${until.trim()}`);
  }
  if (!labels.length) return { period: null };
  if (from > to) return { error: `No date is in ${labels.join(' and ')}: the period is empty.` };
  return { period: { from, to, label: labels.join(', ') } };
}

/** Just the bounds of a request (for carrying them into buttons and paging). */
export function boundsOf(r: Bounds): Bounds {
  return { ...(r.since ? { since: r.since } : {}), ...(r.until ? { until: r.until } : {}) };
}

/** The bounds alone as a Period (null when none, or when invalid: the core refuses those first). */
export function boundsPeriod(r: Bounds): Period | null {
  const c = combinePeriod(null, r.since, r.until);
  return 'error' in c ? null : c.period;
}
