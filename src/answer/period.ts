import type { KnowledgeBase } from '../search/kb.js';

/**
 * Date filters written in a topic: "health care in 2009", "since 2010", "before 1990", "on 22 March
 * 2021", "in March 2021", "2021-03-22", "since May 1940", "between March and June 1941",
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
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '([0-3]?[0-9])(?:st|nd|rd|th)?';

/** A point in time as typed, at day, month or year precision: `[first day, last day]` as YYYYMMDD. */
interface When {
  from: number;
  to: number;
  label: string;
}

const monthOf = (m: string) => MONTHS.findIndex((x) => x.startsWith(m.toLowerCase().replace('.', '').slice(0, 3))) + 1;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function day(y: number, m: number, d: number): When | null {
  if (m < 1 || m > 12 || d < 1 || d > lastDay(y, m)) return null;
  const n = y * 10000 + m * 100 + d;
  return { from: n, to: n, label: `${d} ${cap(MONTHS[m - 1]!)} ${y}` };
}
function month(y: number, m: number): When | null {
  if (m < 1 || m > 12) return null;
  return { from: y * 10000 + m * 100 + 1, to: y * 10000 + m * 100 + lastDay(y, m), label: `${cap(MONTHS[m - 1]!)} ${y}` };
}
function year(y: number): When {
  return { from: y * 10000 + 101, to: y * 10000 + 1231, label: `${y}` };
}
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** Date expressions, most precise first; each gives a When or null when it cannot be a date (31 February). */
const POINTS: Array<{ re: string; make: (m: string[]) => When | null }> = [
  { re: `${YEAR}-([01][0-9])-([0-3][0-9])`, make: (m) => day(+m[0]!, +m[1]!, +m[2]!) },
  { re: `${DAY}\\s+${MONTH},?\\s+${YEAR}`, make: (m) => day(+m[2]!, monthOf(m[1]!), +m[0]!) },
  { re: `${MONTH}\\s+${DAY},?\\s+${YEAR}`, make: (m) => day(+m[2]!, monthOf(m[0]!), +m[1]!) },
  { re: `${MONTH},?\\s+${YEAR}`, make: (m) => month(+m[1]!, monthOf(m[0]!)) },
  { re: `${YEAR}-([01][0-9])(?![0-9-])`, make: (m) => month(+m[0]!, +m[1]!) },
  { re: YEAR, make: (m) => year(+m[0]!) },
];

/** Reads one date expression that is the whole of `text`. */
function readPoint(text: string): When | null {
  for (const p of POINTS) {
    const m = new RegExp(`^${p.re}$`, 'i').exec(text.trim());
    if (m) return p.make(m.slice(1));
  }
  return null;
}

const POINT =
  `(?:${YEAR}-[01][0-9]-[0-3][0-9]|${DAY}\\s+${MONTH},?\\s+${YEAR}|${MONTH}\\s+${DAY},?\\s+${YEAR}|${MONTH},?\\s+${YEAR}|${YEAR}-[01][0-9](?![0-9-])|${YEAR})`.replace(
    /\((?!\?)/g,
    '(?:',
  );
const BARE_MONTH = MONTH.replace(/\((?!\?)/g, '(?:');
const RULES: Array<{ re: RegExp; make: (a: string, b: string) => Period | null }> = [
  // "between March and June 1941": the year is given once, for both months.
  {
    re: new RegExp(`\\b(?:between|from)\\s+(${BARE_MONTH})\\s+(?:and|to|until|through)\\s+(${BARE_MONTH},?\\s+${YEAR.replace('(', '(?:')})\\b`, 'i'),
    make: (a, b) => {
      const y = /\d{4}/.exec(b)![0];
      return range(readPoint(`${a} ${y}`), readPoint(b));
    },
  },
  {
    re: new RegExp(`\\b(?:between|from)\\s+(${POINT})\\s+(?:and|to|until|through)\\s+(${POINT})(?![\\w-])`, 'i'),
    make: (a, b) => range(readPoint(a), readPoint(b)),
  },
  {
    re: new RegExp(
      `\\b(${YEAR.replace('(', '(?:')})\\s*[\u2013]\\s*(${YEAR.replace('(', '(?:')})\\b|\\b(${YEAR.replace('(', '(?:')})-(${YEAR.replace('(', '(?:')})\\b`,
      'i',
    ),
    make: (a, b) => range(readPoint(a), readPoint(b)),
  },
  { re: new RegExp(`\\b(?:in|during|on)\\s+(${POINT})(?![\\w-])`, 'i'), make: (a) => exactly(readPoint(a)) },
  { re: new RegExp(`\\b(?:since|from)\\s+(${POINT})(?![\\w-])`, 'i'), make: (a) => open(readPoint(a), 'since') },
  { re: new RegExp(`\\bafter\\s+(${POINT})(?![\\w-])`, 'i'), make: (a) => open(readPoint(a), 'after') },
  { re: new RegExp(`\\b(?:until|till|through)\\s+(${POINT})(?![\\w-])`, 'i'), make: (a) => open(readPoint(a), 'until') },
  { re: new RegExp(`\\bbefore\\s+(${POINT})(?![\\w-])`, 'i'), make: (a) => open(readPoint(a), 'before') },
  // A date standing alone in a topic ("2021-03-22", "22 March 2021").
  {
    re: new RegExp(
      `(?<![\\w-])(${YEAR.replace('(', '(?:')}-[01][0-9]-[0-3][0-9]|${DAY.replace('(', '(?:')}\\s+${BARE_MONTH},?\\s+${YEAR.replace('(', '(?:')}|${BARE_MONTH}\\s+${DAY.replace('(', '(?:')},?\\s+${YEAR.replace('(', '(?:')})(?![\\w-])`,
      'i',
    ),
    make: (a) => exactly(readPoint(a)),
  },
];

function exactly(w: When | null): Period | null {
  return w && { from: w.from, to: w.to, label: w.label };
}
function range(a: When | null, b: When | null): Period | null {
  if (!a || !b) return null;
  const [x, y] = a.from <= b.from ? [a, b] : [b, a];
  return { from: x.from, to: Math.max(x.to, y.to), label: `${x.label}\u2013${y.label}` };
}
function open(w: When | null, how: 'since' | 'after' | 'until' | 'before'): Period | null {
  if (!w) return null;
  const label = `${how} ${w.label}`;
  if (how === 'since') return { from: w.from, to: 99991231, label };
  if (how === 'after') return { from: w.to + 1, to: 99991231, label };
  if (how === 'until') return { from: 0, to: w.to, label };
  return { from: 0, to: w.from - 1, label };
}

/** Something that looks like a date but is not one ("31 February 2021", "2021-13-01"). */
const DATE_LIKE = new RegExp(
  `\\b(?:[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}(?:st|nd|rd|th)?\\s+${BARE_MONTH},?\\s+[0-9]{2,4}|${BARE_MONTH}\\s+[0-9]{1,2},?\\s+[0-9]{2,4}|[0-9]{4}-[0-9]{2})\\b`,
  'i',
);

/**
 * Takes the first date filter out of a topic. A date phrase that cannot be read (an impossible
 * day) is taken out too and returned as `unreadable`, so the answer says so instead of guessing.
 */
export function splitPeriod(text: string): { rest: string; period: Period | null; unreadable?: string } {
  const masked = maskQuoted(text);
  for (const { re, make } of RULES) {
    const m = re.exec(masked);
    if (!m) continue;
    const groups = m.slice(1).filter((g) => g !== undefined);
    const period = make(groups[0] ?? m[0], groups[1] ?? groups[0] ?? m[0]);
    const rest = `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim();
    if (period) return { rest, period };
    return { rest, period: null, unreadable: m[0].trim() };
  }
  const odd = DATE_LIKE.exec(masked);
  if (odd)
    return {
      rest: `${text.slice(0, odd.index)} ${text.slice(odd.index + odd[0].length)}`.replace(/\s+/g, ' ').trim(),
      period: null,
      unreadable: odd[0],
    };
  return { rest: text, period: null };
}

/** The date phrase of a text, verbatim, for carrying through question-word stripping. */
export function periodPhrase(text: string): string {
  const masked = maskQuoted(text);
  for (const { re } of RULES) {
    const m = re.exec(masked);
    if (m) return m[0];
  }
  return DATE_LIKE.exec(masked)?.[0] ?? '';
}

/**
 * A date inside quotation marks is part of the words quoted ("be held on 2 March 2020"), not a
 * filter: quoted words are hidden (same length, so offsets hold) before periods are looked for.
 */
function maskQuoted(text: string): string {
  return text.replace(QUOTED_SPAN, (m) => '_'.repeat(m.length));
}
const QUOTED_SPAN = /\u201c[^\u201d]*\u201d|"[^"]*"|\u201e[^\u201c\u201d]*[\u201c\u201d]/g;

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
    s = { from, to };
    spans.set(kb, s);
  }
  const { from, to } = s;
  // Inside, not overlapping: a year-only source matches "March 2021" only if its year were inside it.
  return (d) => from[d]! >= period.from && to[d]! <= period.to;
}
