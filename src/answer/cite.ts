import { createHash } from 'node:crypto';
import type { Article, Paragraph, Segment } from '../knowledge/types.js';
import { fold } from '../knowledge/text.js';
import { terms } from '../search/terms.js';
import type { Hit, WeightedTerm } from '../search/index.js';
import type { KnowledgeBase } from '../search/kb.js';
import type { Citation, CitationKind, SourceRef } from './types.js';

/** Building citations: verbatim excerpts cut from segments, scored against the query, merged across copies. */

export function sourceRef(article: Article): SourceRef {
  return { sourceId: article.id, title: article.title, publisher: article.publisher, date: article.date, url: article.url };
}

const KIND: Record<Segment['kind'], CitationKind> = { quote: 'quote', reported: 'reported', narration: 'passage', attribution: 'passage' };

/** A candidate excerpt: some segments of one paragraph, with a score. */
export interface Pick {
  articleIndex: number;
  paragraphIndex: number;
  passage: number;
  segments: Segment[];
  score: number;
  /** The segments' index terms, when already computed while scoring. */
  terms?: string[];
  /** How well the excerpt holds the topic as a phrase (see search/phrase.ts): 3 exact … 0 none. */
  tier?: number;
  /** Words of the topic found in order (ranks misquotes by what they share with the true line). */
  run?: number;
}

/**
 * Orders picks: the exact phrase first (earliest source first, so the original outranks later
 * repeats), then all words in order close together, then the longest run of the words, then score.
 */
export function comparePicks(kb: { articles: Article[] }, a: Pick, b: Pick): number {
  const ta = a.tier ?? 0;
  const tb = b.tier ?? 0;
  if (ta !== tb) return tb - ta;
  if (ta === 3) {
    const da = kb.articles[a.articleIndex]!.date;
    const db = kb.articles[b.articleIndex]!.date;
    if (da !== db) return da < db ? -1 : 1;
  }
  if (ta === 1 && (a.run ?? 0) !== (b.run ?? 0)) return (b.run ?? 0) - (a.run ?? 0);
  return b.score - a.score;
}

/**
 * The excerpt of consecutive-or-not segments of one paragraph: contiguous segments are one slice
 * of the source (so the words and punctuation between them stay verbatim), gaps become " … ",
 * and a cut at either end of a quotation is marked too.
 */
function excerptOf(paragraph: Paragraph, chosen: Segment[], all: Segment[] = paragraph.segments): string {
  const sorted = boundedSegments(
    [...chosen].sort((a, b) => a.start - b.start),
    paragraph.text,
  );
  const pieces: string[] = [];
  let runStart = sorted[0]!.start;
  let runEnd = sorted[0]!.end;
  for (let i = 1; i < sorted.length; i++) {
    const s = sorted[i]!;
    const between = all.filter((x) => x.start >= runEnd && x.end <= s.start && x.kind !== 'attribution' && !x.embedded);
    if (between.length === 0 && s.start - runEnd <= 3) runEnd = Math.max(runEnd, s.end);
    else {
      pieces.push(paragraph.text.slice(runStart, runEnd));
      runStart = s.start;
      runEnd = s.end;
    }
  }
  pieces.push(paragraph.text.slice(runStart, runEnd));
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const sameQuote = (x: Segment) => first.kind === 'quote' && x.kind === 'quote' && x.quoteId === first.quoteId && !x.embedded;
  const cutBefore = first.kind === 'quote' && !first.embedded && all.some((x) => sameQuote(x) && x.start < first.start);
  const cutAfter = last.kind === 'quote' && !last.embedded && all.some((x) => sameQuote(x) && x.start > last.start);
  const cutInside = (last as Segment & { cut?: boolean }).cut === true;
  return `${cutBefore ? '… ' : ''}${pieces.join(' … ')}${cutAfter || cutInside ? ' …' : ''}`;
}

/** An excerpt reads as a citation, not a document: at most this many characters (the Context view shows the whole paragraph). */
export const MAX_EXCERPT = 1000;

/**
 * The chosen sentences up to MAX_EXCERPT characters: whole sentences while they fit (the first
 * always); a first sentence longer than that alone (a file with no sentence ends) is cut at the
 * last clause or word end within the limit, and the cut marked " …" like any other.
 */
function boundedSegments(sorted: Segment[], text: string): Segment[] {
  const first = sorted[0]!;
  if (first.end - first.start > MAX_EXCERPT) {
    const window = text.slice(first.start, first.start + MAX_EXCERPT);
    const clause = Math.max(...['. ', '! ', '? ', '; ', ', '].map((p) => window.lastIndexOf(p) + 1));
    const word = window.search(/\s\S*$/);
    const end = clause > MAX_EXCERPT / 2 ? clause : word > 0 ? word : MAX_EXCERPT;
    return [{ ...first, end: first.start + window.slice(0, end).trimEnd().length, cut: true } as Segment];
  }
  const kept = [first];
  let length = first.end - first.start;
  for (const seg of sorted.slice(1)) {
    length += seg.end - seg.start + 3;
    if (length > MAX_EXCERPT) break;
    kept.push(seg);
  }
  return kept;
}

export function citationOf(kb: KnowledgeBase, pick: Pick): Citation {
  const article = kb.articles[pick.articleIndex]!;
  const paragraph = article.paragraphs[pick.paragraphIndex]!;
  const lead = pick.segments[0]!;
  const citation: Citation = {
    ...sourceRef(article),
    kind: KIND[lead.kind],
    speaker: lead.kind === 'narration' ? null : lead.speaker,
    excerpt: excerptOf(paragraph, pick.segments),
    alsoIn: [],
    passageKey: passageKey(article, pick.paragraphIndex),
    section: paragraph.section && paragraph.section !== article.title ? paragraph.section : null,
    author: article.author,
  };
  const asGiven = citation.speaker ? kb.speakers.asGiven.get(pick.articleIndex)?.get(citation.speaker) : undefined;
  if (asGiven) citation.speakerAsGiven = asGiven;
  if (lead.kind === 'quote' && pick.segments.every((s) => s.embedded)) citation.partial = true;
  if (pick.terms) termSets.set(citation, new Set(pick.terms));
  return citation;
}

/**
 * Stable across restarts and re-indexing: the source id and paragraph number. Long ids are
 * replaced by a hash so the key fits in a Discord button id (100 characters with its prefix).
 */
export function passageKey(article: Article, paragraphIndex: number): string {
  return `${shortId(article.id)}#${paragraphIndex}`;
}

const MAX_ID_IN_KEY = 48;

export function shortId(id: string): string {
  return id.length <= MAX_ID_IN_KEY ? id : `h:${createHash('sha256').update(id).digest('base64url').slice(0, 22)}`;
}

// The substrings scoreText looks for, cut once per plan (a query scores hundreds of sentences).
const PROBES = new WeakMap<WeightedTerm[], string[]>();
function probesOf(plan: WeightedTerm[]): string[] {
  let probes = PROBES.get(plan);
  if (!probes) PROBES.set(plan, (probes = plan.map(({ term }) => (term.length > 3 ? term.slice(0, -1) : term))));
  return probes;
}

/** How well a piece of text answers the query: BM25-like over the text's own terms. */
export function scoreText(text: string, plan: WeightedTerm[], idf: (term: string) => number): { score: number; matched: string[]; terms: string[] } {
  // Most sentences of a passage mention none of the query's words: a substring test on the stems
  // (minus their last letter, which plural stemming may change) rules them out without tokenising.
  const folded = fold(text).replace(/'/g, '');
  if (!probesOf(plan).some((probe) => folded.includes(probe))) return { score: 0, matched: [], terms: [] };
  const list = terms(text);
  const counts = new Map<string, number>();
  for (const t of list) counts.set(t, (counts.get(t) ?? 0) + 1);
  let score = 0;
  const matched: string[] = [];
  const len = list.length || 1;
  for (const { term, weight } of plan) {
    const tf = counts.get(term) ?? 0;
    if (!tf) continue;
    matched.push(term);
    score += weight * idf(term) * ((tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * len) / 22)));
  }
  return { score, matched, terms: list };
}

const termSets = new WeakMap<Citation, Set<string>>();

/** Just the source fields of a citation (or of anything carrying them). */
export function refOf(c: SourceRef): SourceRef {
  return { sourceId: c.sourceId, title: c.title, publisher: c.publisher, date: c.date, url: c.url };
}

function termSet(c: Citation): Set<string> {
  let set = termSets.get(c);
  if (!set) termSets.set(c, (set = new Set(terms(c.excerpt))));
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

const NEAR_DUPLICATE = 0.8;

/**
 * "Also in" only for the same words: whitespace, case, quotation-mark style and the cut marks at
 * either end aside. A copy that adds or drops words ("… said on Monday.") is cited in its own words.
 */
export function sameWords(a: string, b: string): boolean {
  const norm = (s: string) =>
    fold(s)
      .replace(/[\u201c\u201d\u201e\u00ab\u00bb"]/g, '"')
      .replace(/[\u2018\u2019`]/g, "'")
      .replace(/^[\s\u2026.]+|[\s\u2026]+$/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  return norm(a) === norm(b);
}

/** Two copies of one record (same date and title) whose excerpts were cut a little differently. */
const SAME_RECORD = 0.5;

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

/** After a page is full, how many more results are still checked for copies of what it shows. */
const LOOKAHEAD = 40;

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

const MAX_DEPTH = 4096;

/**
 * Runs `build` over the best `depth` passages, reading eight times deeper while it finds nothing
 * usable and more passages exist: the top passages may match the topic only in words nobody is
 * quoted saying (an attribution, another speaker's turn). "Not quoted on X" must be a real miss.
 */
export function deepen<T>(search: (depth: number) => Hit[], depth: number, build: (hits: Hit[]) => T[]): T[] {
  for (let d = depth; ; d *= 8) {
    const hits = search(d);
    const built = build(hits);
    if (built.length > 0 || hits.length < d || d >= MAX_DEPTH) return built;
  }
}
