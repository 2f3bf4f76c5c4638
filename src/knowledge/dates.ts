/** Dates as users see them: `YYYY-MM-DD`, or `YYYY` when only the year is known. */

export type DatePrecision = 'day' | 'year';

export interface SourceDate {
  /** `YYYY-MM-DD` or `YYYY`. */
  iso: string;
  precision: DatePrecision;
}

const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';

const FULL_DATE_PATTERNS: Array<{ re: RegExp; pick: (m: RegExpExecArray) => [string, string, string] }> = [
  // 24 March 2021
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'gi'), pick: (m) => [m[3]!, m[2]!, m[1]!] },
  // March 24, 2021
  { re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'), pick: (m) => [m[3]!, m[1]!, m[2]!] },
  // 2021-03-24
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, pick: (m) => [m[1]!, m[2]!, m[3]!] },
];

/** True for a real calendar day (rejects 31 April, 29 February 2021…). */
function isRealDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(token: string): number {
  return /^\d+$/.test(token) ? Number(token) : (MONTHS[token.toLowerCase().replace(/\.$/, '')] ?? 0);
}

/** The first real full date written in `text` (day, month and year), with its offset. */
export function findFirstFullDate(text: string): { date: SourceDate; index: number } | null {
  let best: { date: SourceDate; index: number } | null = null;
  for (const { re, pick } of FULL_DATE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (best && m.index >= best.index) break;
      const [y, mo, d] = pick(m);
      const year = Number(y),
        month = monthNumber(mo),
        day = Number(d);
      if (year < 1000 || !isRealDay(year, month, day)) continue;
      best = { date: { iso: toIso(year, month, day), precision: 'day' }, index: m.index };
      break;
    }
  }
  return best;
}

/**
 * The first written full date that is no calendar day ("31 February 2021", "2021-04-31"), as
 * written, so a source whose only date is impossible is reported as such rather than "undated".
 */
export function findImpossibleDate(text: string): string | null {
  let best: { raw: string; index: number } | null = null;
  for (const { re, pick } of FULL_DATE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [y, mo, d] = pick(m);
      if (Number(y) < 1000 || isRealDay(Number(y), monthNumber(mo), Number(d))) continue;
      if (!best || m.index < best.index) best = { raw: m[0], index: m.index };
      break;
    }
  }
  return best?.raw ?? null;
}

/**
 * Parses a date given explicitly (front matter, JSONL): `YYYY-MM-DD` or `YYYY`, or a written date.
 * Returns an error string for anything impossible or ambiguous, so a wrong date is never shown.
 */
export function parseGivenDate(value: unknown, precisionHint?: unknown): SourceDate | { error: string } {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return { iso: value.toISOString().slice(0, 10), precision: 'day' };
  }
  const raw = String(value ?? '').trim();
  if (!raw) return { error: 'missing date' };
  const year = /^(\d{4})$/.exec(raw);
  if (year || precisionHint === 'year') {
    const y = year ? year[1]! : /^(\d{4})/.exec(raw)?.[1];
    if (!y) return { error: `impossible date "${raw}"` };
    return { iso: y, precision: 'year' };
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(raw);
  if (iso) {
    const [, y, m, d] = iso;
    if (!isRealDay(Number(y), Number(m), Number(d))) return { error: `impossible date "${raw}"` };
    return { iso: toIso(Number(y), Number(m), Number(d)), precision: 'day' };
  }
  const written = findFirstFullDate(raw);
  if (written && raw.length < 40) return written.date;
  return { error: `unreadable date "${raw}" (use YYYY-MM-DD, or YYYY when only the year is known)` };
}

/** "24 March 2021", or "2019" for a year-only date. */
export function formatLongDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${Number(m[3])} ${names[Number(m[2]) - 1]} ${m[1]}`;
}

/** Words that open a sentence about an event ("On 3 March 2020, the council…"), never a dateline. */
const SENTENCE_OPENERS = /^(on|in|by|since|until|from|before|after|at|as|the|a|an|last|next|this|that)$/i;

/**
 * The date of a dateline at the start of `text` ("ROTTERDAM, 2 May 2023 — …", "Tuesday, March 3,
 * 2020", "Published 3 March 2020"), or null. A reader takes a date as the publication date only
 * where a dateline stands: before it only a place, an agency or a weekday (capitalised words),
 * after it no sentence going on. "WASHINGTON (AP) — The talks of 3 March 2019 …" has none, and
 * neither has a line saying "Updated …" (a modification is never the publication date).
 */
export function findDateline(text: string): SourceDate | null {
  const found = findFirstFullDate(text);
  if (!found) return null;
  const prefix = text
    .slice(0, found.index)
    .replace(/^\s*(first\s+)?(published|posted)(\s+on)?\s*:?\s*/i, '')
    .trim();
  if (prefix.length > 60 || /[.!?“”"]/.test(prefix)) return null;
  const words = prefix.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.some((w) => !/^[\p{Lu}\p{N}]/u.test(w)) || (words[0] && SENTENCE_OPENERS.test(words[0]))) return null;
  const rest = text.slice(found.index).replace(FULL_DATE_AT_START, '');
  // "3 March 2020, the council met" goes on as a sentence; "3 March 2020 at 10:15 GMT" does not.
  if (/^,?\s+(?!at\s+\d)\p{Ll}/u.test(rest)) return null;
  return found.date;
}

/** The date `findFirstFullDate` found, as matched at the start of the rest of the text. */
const FULL_DATE_AT_START = new RegExp(
  `^(?:\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})`,
  'i',
);
