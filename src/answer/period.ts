import type { KnowledgeBase } from '../search/kb.js';

/**
 * Date filters written in a topic: "health care in 2009", "since 2010", "before 1990",
 * "between 2001 and 2004", "1961-1963". Dates are compared as YYYYMMDD numbers; a year-only source
 * covers its whole year, so "in 2019" finds it and no day is ever assumed.
 */

export interface Period {
  from: number;
  to: number;
  /** As shown to the user: "2009", "since 2010", "2001–2004". */
  label: string;
}

const YEAR = '(1[0-9]{3}|2[0-9]{3})';
const RULES: Array<{ re: RegExp; make: (a: number, b: number) => Period }> = [
  { re: new RegExp(`\\b(?:between|from)\\s+${YEAR}\\s+(?:and|to|until|through)\\s+${YEAR}\\b`, 'i'), make: (a, b) => span(Math.min(a, b), Math.max(a, b)) },
  { re: new RegExp(`\\b${YEAR}\\s*[-\u2013]\\s*${YEAR}\\b`, 'i'), make: (a, b) => span(Math.min(a, b), Math.max(a, b)) },
  { re: new RegExp(`\\b(?:in|during)\\s+${YEAR}\\b`, 'i'), make: (a) => span(a, a) },
  { re: new RegExp(`\\b(?:since|from)\\s+${YEAR}\\b`, 'i'), make: (a) => ({ from: a * 10000 + 101, to: 99991231, label: `since ${a}` }) },
  { re: new RegExp(`\\bafter\\s+${YEAR}\\b`, 'i'), make: (a) => ({ from: (a + 1) * 10000 + 101, to: 99991231, label: `after ${a}` }) },
  { re: new RegExp(`\\b(?:until|till|through)\\s+${YEAR}\\b`, 'i'), make: (a) => ({ from: 0, to: a * 10000 + 1231, label: `until ${a}` }) },
  { re: new RegExp(`\\bbefore\\s+${YEAR}\\b`, 'i'), make: (a) => ({ from: 0, to: (a - 1) * 10000 + 1231, label: `before ${a}` }) },
];

function span(a: number, b: number): Period {
  return { from: a * 10000 + 101, to: b * 10000 + 1231, label: a === b ? `${a}` : `${a}\u2013${b}` };
}

/** Takes the first date filter out of a topic. */
export function splitPeriod(text: string): { rest: string; period: Period | null } {
  for (const { re, make } of RULES) {
    const m = re.exec(text);
    if (!m) continue;
    const period = make(Number(m[1]), Number(m[2] ?? m[1]));
    return { rest: `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim(), period };
  }
  return { rest: text, period: null };
}

/** The date phrase of a text, verbatim, for carrying through question-word stripping. */
export function periodPhrase(text: string): string {
  for (const { re } of RULES) {
    const m = re.exec(text);
    if (m) return m[0];
  }
  return '';
}

/** `[first day, last day]` a source's date covers, as YYYYMMDD. */
function dateSpan(date: string): [number, number] {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (day) {
    const n = Number(day[1]) * 10000 + Number(day[2]) * 100 + Number(day[3]);
    return [n, n];
  }
  const year = Number(date.slice(0, 4));
  return [year * 10000 + 101, year * 10000 + 1231];
}

const spans = new WeakMap<KnowledgeBase, { from: Uint32Array; to: Uint32Array }>();

/** A per-passage test for the period, cheap enough to run on every posting (no corpus scan). */
export function passageFilter(kb: KnowledgeBase, period: Period | null): ((passage: number) => boolean) | undefined {
  if (!period) return undefined;
  let s = spans.get(kb);
  if (!s) {
    const from = new Uint32Array(kb.passages.length);
    const to = new Uint32Array(kb.passages.length);
    kb.passages.forEach((p, i) => {
      const [a, b] = dateSpan(kb.articles[p.article]!.date);
      from[i] = a;
      to[i] = b;
    });
    spans.set(kb, (s = { from, to }));
  }
  const { from, to } = s;
  return (d) => from[d]! <= period.to && to[d]! >= period.from;
}
