/** One page of distinct citations: copies of the same words (syndicated, re-posted) are cited once, with the other sources in "Also in". */
import { fold } from '../knowledge/text.js';
import { terms } from '../search/terms.js';
import { refOf } from './source-ref.js';
import type { Citation } from './types.js';
import { NEAR_DUPLICATE, SAME_RECORD, LOOKAHEAD } from './tuning.js';

/** A citation's excerpt's term set, or the terms it is made of until first compared. */
const termSets = new WeakMap<Citation, Set<string> | string[]>();

/**
 * Keeps the index terms already computed for a citation's excerpt (while scoring), so they are not
 * computed again; made a set only when the citation is first compared (many never are).
 */
export function rememberTerms(c: Citation, list: string[]): void {
  termSets.set(c, list);
}

function termSet(c: Citation): Set<string> {
  const known = termSets.get(c);
  if (known instanceof Set) return known;
  const set = new Set(known ?? terms(c.excerpt));
  termSets.set(c, set);
  return set;
}

/** Word-set (Jaccard) similarity of two citations' excerpts; term sets are computed once per citation. */
export function similarity(a: Citation, b: Citation): number {
  const x = termSet(a);
  const y = termSet(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const t of x) if (y.has(t)) common++;
  return common / (x.size + y.size - common);
}

/**
 * "Also in" only for the same words: whitespace, case, quotation-mark style and the cut marks at
 * either end aside. A copy that adds or drops words ("… said on Monday.") is cited in its own words.
 */
function sameWords(a: string, b: string): boolean {
  const norm = (s: string) =>
    fold(s)
      .replace(/[\u201c\u201d\u201e\u00ab\u00bb"]/g, '"')
      .replace(/[\u2018\u2019`]/g, "'")
      .replace(/^[\s\u2026.]+|[\s\u2026]+$/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  return norm(a) === norm(b);
}

// A citation's title as compared, folded once: a page compares each result with every one kept.
const TITLE_KEYS = new WeakMap<Citation, { title: string; key: string }>();
function titleKey(c: Citation): string {
  const cached = TITLE_KEYS.get(c);
  if (cached && cached.title === c.title) return cached.key;
  const key = fold(c.title)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  TITLE_KEYS.set(c, { title: c.title, key });
  return key;
}

function sameRecord(a: Citation, b: Citation): boolean {
  if (a.date !== b.date || a.sourceId === b.sourceId) return false;
  const ta = titleKey(a);
  const tb = titleKey(b);
  return (ta === tb || ta.startsWith(tb) || tb.startsWith(ta)) && similarity(a, b) >= SAME_RECORD;
}

export interface CitationPage {
  citations: Citation[];
  /** Distinct results when every result was checked; otherwise the number of (undeduplicated) results. */
  total: number;
  exact: boolean;
  hasMore: boolean;
}

/**
 * One page of distinct citations from ranked results. Near-identical words (syndicated copies)
 * are shown once, at the best-ranked place, in the words of the earliest source; the other
 * sources are listed in `alsoIn`. Citations are built
 * lazily: a speaker with thousands of quotes costs a page, not thousands of comparisons.
 */
export function citationPage<T>(ranked: T[], toCitation: (item: T) => Citation, offset: number, size: number): CitationPage {
  const kept: Citation[] = [];
  let stopAt = Infinity;
  let i = 0;
  for (; i < ranked.length && i < stopAt; i++) {
    const c = toCitation(ranked[i]!);
    const twin = kept.find(
      (o) =>
        o.kind === c.kind && o.speaker === c.speaker && ((similarity(o, c) >= NEAR_DUPLICATE && sameWords(o.excerpt, c.excerpt)) || sameRecord(o, c)),
    );
    if (!twin) {
      kept.push(c);
      if (kept.length === offset + size + 1) stopAt = i + LOOKAHEAD;
      continue;
    }
    if (twin.sourceId === c.sourceId || twin.alsoIn.some((s) => s.sourceId === c.sourceId)) continue;
    if (c.date < twin.date) {
      // The earliest publication is the original: it leads, with its own words; later copies follow.
      twin.alsoIn.push(refOf(twin));
      Object.assign(twin, { ...c, alsoIn: twin.alsoIn });
      termSets.set(twin, termSet(c));
    } else {
      twin.alsoIn.push(refOf(c));
    }
  }
  const exact = i >= ranked.length;
  return { citations: kept.slice(offset, offset + size), total: exact ? kept.length : ranked.length, exact, hasMore: kept.length > offset + size };
}
