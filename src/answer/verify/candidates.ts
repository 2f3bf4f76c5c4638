import type { Article, Paragraph, Segment } from '../../knowledge/types.js';
import type { KnowledgeBase } from '../../search/kb.js';
import { isStopWord, stem, terms } from '../../search/terms.js';
import { lowerBound, sortedHas } from '../../search/sorted.js';
import { fold } from '../../knowledge/text.js';
import { align, Words, type Alignment, type Claim, type Token } from './align.js';

/**
 * Candidate passages for a claim, then a word alignment with each. Candidates come from the
 * postings of the claim's own words: every passage holding all of them (where exact words must
 * be), plus the best-ranked passages on its rarest words (where altered words are), plus the same
 * within the claimed speaker's passages, so their closest line is always compared.
 */

/** Who owns the matched words: a direct quote of someone, reported speech of someone, or narration. */
type Owner = { kind: 'quote' | 'reported' | 'narration'; speaker: string | null };

export interface Match extends Alignment {
  articleIndex: number;
  paragraphIndex: number;
  passage: number;
  owner: Owner;
  /** Every matched word belongs to `owner` (a verbatim quote must not run into narration). */
  pure: boolean;
  /** The source words aligned with each fragment of the claim. */
  source: Token[][];
  /** The paragraph's segments the match overlaps (whole sentences), in reading order. */
  segments: Segment[];
  /** Narration in a speech or transcript record where only turns are marked (not a news report). */
  inTranscript: boolean;
}

/** Passages compared per claim: enough for syndicated copies and near lines, bounded for speed. */
const MAX_EXACT = 3000;
const MAX_EXACT_ALIGNED = 40;
const RANKED = 30;
const RANKED_WITHIN = 12;
/** The rarest words carry the search for near lines (common words' postings are long and tell little). */
const RARE_TERMS = 8;

export function findMatches(kb: KnowledgeBase, claim: Claim, within: Uint32Array[], maxEdits: number): Match[] {
  const known = knownTerms(kb, claim);
  if (!known) return [];
  const ids = exactCandidates(kb, claim, known, within);
  const plan = known.list.slice(0, RARE_TERMS).map(({ t }) => ({ term: t, weight: 1, typed: t }));
  for (const h of kb.index.search(plan, RANKED)) ids.add(h.passage);
  for (const list of within) if (list.length) for (const h of kb.index.search(plan, RANKED_WITHIN, list)) ids.add(h.passage);
  // A passage (with its neighbours) that lacks more of the claim's words than any near line may
  // differ by is not aligned at all: the postings tell, by binary search, without reading its text.
  const docsOf = new Map(known.list.map(({ t, docs }) => [t, docs] as const));
  const wordTerms = claim.words.map((w) => (isStopWord(w.norm) ? null : stem(w.norm)));
  const out = new Map<string, Match>();
  for (const id of ids) {
    if (missingWords(kb, id, wordTerms, docsOf) > maxEdits) continue;
    const m = matchIn(kb, claim, id);
    if (!m) continue;
    const key = `${m.articleIndex}:${m.paragraphIndex}:${m.source[0]?.[0]?.start ?? -1}`;
    const twin = out.get(key);
    if (!twin || m.edits < twin.edits) out.set(key, m);
  }
  return [...out.values()];
}

/**
 * Only the places holding the claim's words as written, in order (up to case and punctuation),
 * the earliest first: the cheap test /verify's splice search repeats for each piece it tries.
 */
export function findExact(kb: KnowledgeBase, claim: Claim, within: Uint32Array[]): Match[] {
  const known = knownTerms(kb, claim);
  if (!known) return [];
  const out: Match[] = [];
  for (const id of exactCandidates(kb, claim, known, within)) {
    const m = matchIn(kb, claim, id);
    if (m && m.edits === 0) out.push(m);
  }
  return out;
}

interface Known {
  /** The claim's index terms found in the index, rarest first. */
  list: Array<{ t: string; docs: Uint32Array }>;
  /** Every term of the claim is in the index (else no passage holds all its words as written). */
  all: boolean;
}

function knownTerms(kb: KnowledgeBase, claim: Claim): Known | null {
  const claimTerms = [...new Set(terms(claim.words.map((w) => w.raw).join(' ')))];
  const list = claimTerms
    .map((t) => ({ t, docs: kb.index.docsOf(t) }))
    .filter((x) => x.docs.length > 0)
    .sort((a, b) => a.docs.length - b.docs.length);
  return list.length ? { list, all: list.length === claimTerms.length } : null;
}

/** Passages holding every word of the claim, and its words in order, the claimed speaker's first. */
function exactCandidates(kb: KnowledgeBase, claim: Claim, known: Known, within: Uint32Array[]): Set<number> {
  const ids = new Set<number>();
  // Every word, then the words in order (a string test, far cheaper than aligning): a phrase of
  // common words can be in thousands of passages that merely share them.
  if (!known.all) return ids;
  const phrases = claim.fragments.map(
    (f) =>
      ` ${f
        .filter((w) => !w.part)
        .map((w) => w.norm)
        .join(' ')} `,
  );
  const quick = pairPattern(kb, claim);
  const whole = phrasePatterns(claim);
  const lists = known.list.map((k) => k.docs);
  // The claimed speaker's own passages first: a common phrase must not push theirs past the cap.
  // A phrase in hundreds of passages ("the Government of the People's Republic of") is tested in
  // date order and aligned in its earliest sources only: the first source is what "who said" asks for.
  const ranks = dateRanks(kb.articles);
  const date = (d: number) => ranks[kb.passages[d]!.article]!;
  const exact = (candidates: number[]) => {
    let found = 0;
    for (const d of candidates.sort((a, b) => date(a) - date(b) || a - b)) {
      if (whole ? !holdsPatterns(kb, d, whole, phrases) : !mayHold(kb, d, quick) || !holdsPhrases(kb, d, phrases)) continue;
      ids.add(d);
      if (++found >= MAX_EXACT_ALIGNED) break;
    }
  };
  for (const list of within) exact(intersect([list, ...lists], MAX_EXACT));
  exact(intersect(lists, MAX_EXACT));
  return ids;
}

/**
 * Each article's date as a number in localeCompare's order of the dates (equal dates, equal
 * numbers), worked out once per knowledge base: a common phrase's thousands of candidates are
 * sorted by date for every piece a splice search tries, and a localeCompare per comparison was a
 * fifth of a spliced claim's time.
 */
const DATE_RANKS = new WeakMap<Article[], Int32Array>();
function dateRanks(articles: Article[]): Int32Array {
  let ranks = DATE_RANKS.get(articles);
  if (!ranks || ranks.length !== articles.length) {
    const dates = [...new Set(articles.map((a) => a.date))].sort((a, b) => a.localeCompare(b));
    const rankOf = new Map<string, number>();
    let rank = 0;
    dates.forEach((d, k) => {
      if (k > 0 && dates[k - 1]!.localeCompare(d) !== 0) rank++;
      rankOf.set(d, rank);
    });
    ranks = Int32Array.from(articles, (a) => rankOf.get(a.date)!);
    DATE_RANKS.set(articles, ranks);
  }
  return ranks;
}

/** Claim words (not stop words) whose term is in neither the passage nor its neighbours in the paragraph. */
function missingWords(kb: KnowledgeBase, id: number, wordTerms: Array<string | null>, docsOf: Map<string, Uint32Array>): number {
  const p = kb.passages[id]!;
  const near = [id];
  for (const q of [id - 1, id + 1]) {
    const x = kb.passages[q];
    if (x && x.article === p.article && x.paragraph === p.paragraph) near.push(q);
  }
  let missing = 0;
  for (const t of wordTerms) {
    if (t === null) continue;
    const docs = docsOf.get(t);
    if (!docs || !near.some((d) => sortedHas(docs, d))) missing++;
  }
  return missing;
}

/** Ids in every list (each sorted ascending), at most `limit`, walking the shortest. */
function intersect(lists: Uint32Array[], limit: number): number[] {
  const [first, ...rest] = [...lists].sort((a, b) => a.length - b.length);
  const out: number[] = [];
  const pos = rest.map(() => 0);
  for (const d of first ?? []) {
    let all = true;
    for (let k = 0; k < rest.length && all; k++) {
      const list = rest[k]!;
      // Binary search from the last position: O(short list × log long list).
      const p = lowerBound(list, d, pos[k]!);
      pos[k] = p;
      all = p < list.length && list[p] === d;
    }
    if (all) {
      out.push(d);
      if (out.length >= limit) break;
    }
  }
  return out;
}

/** The window's text reduced to its folded words, one space apart, as the claim's words are. */
function squashed(kb: KnowledgeBase, id: number): string {
  const { text, start, end } = windowOf(kb, id);
  return ` ${fold(text.slice(start, end))
    .replace(/['\u2019]s(?![\p{L}\p{N}])/gu, '')
    .replace(/['\u2019]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
}

/**
 * A first, cheap test for the claim's words in order: its rarest two adjacent plain words as a
 * regular expression on the raw passage text (V8 scans for the literal). Null when no such pair.
 */
function pairPattern(kb: KnowledgeBase, claim: Claim): RegExp | null {
  let best: [string, string] | null = null;
  let bestWeight = -1;
  // The rarest pair rules out the most passages (a stop word weighs little: it is everywhere).
  const weight = (w: string) => (isStopWord(w) ? 0.1 : kb.index.idf(stem(w))) + w.length / 100;
  for (const f of claim.fragments) {
    for (let i = 0; i + 1 < f.length; i++) {
      const [a, b] = [f[i]!, f[i + 1]!];
      if (!asWritten(a) || !asWritten(b)) continue;
      const w = weight(a.norm) + weight(b.norm);
      if (w > bestWeight) [best, bestWeight] = [[a.norm, b.norm], w];
    }
  }
  return best ? new RegExp(`\\b${best[0]}(?:['\u2019]s)?[^a-z0-9]+${best[1]}\\b`, 'i') : null;
}

const ACCENTED = /[\u00c0-\u024f\u1e00-\u1eff]/;

/**
 * A claim word the source text holds as the claim has it (up to case): letters and digits as typed.
 * Not a contraction ("I'll" is "ill" then "will") nor a word of one: "will" of "I'll" is a token of
 * four letters, as its raw "I'll" is, yet no source writes "will tell" for "I'll tell" (a test on
 * the lengths alone let "will tell" become the pattern, and "I'll tell you …" was found nowhere).
 */
function asWritten(w: Token): boolean {
  return !w.part && /^[a-z0-9]+$/.test(w.norm) && w.raw.toLowerCase() === w.norm;
}

/**
 * When every word of the claim is plain (letters and digits as typed, no apostrophe), each
 * fragment as one regular expression over the raw window text: the exact test itself, at the cost
 * of a pattern match (the source may add a possessive 's or any punctuation between words).
 */
function phrasePatterns(claim: Claim): RegExp[] | null {
  const plain = claim.words.every(asWritten);
  if (!plain) return null;
  return claim.fragments.map(
    (f) =>
      new RegExp(
        `(?<![a-z0-9])${f
          .filter((w) => !w.part)
          .map((w) => w.norm)
          .join("(?:['\u2019]s)?[^a-z0-9]+")}(?:['\u2019]s)?(?![a-z0-9])`,
        'i',
      ),
  );
}

function holdsPatterns(kb: KnowledgeBase, id: number, patterns: RegExp[], phrases: string[]): boolean {
  const { text, start, end } = windowOf(kb, id);
  const slice = text.slice(start, end);
  // Accented letters fold to plain ones ("Niinistö" is "niinisto"): then the folded test decides.
  if (accented(paragraphOf(kb, id)) && ACCENTED.test(slice)) return holdsPhrases(kb, id, phrases);
  return patterns.every((p) => p.test(slice));
}

/**
 * Whether a paragraph's text has an accented letter anywhere, known once per paragraph: a common
 * phrase's thousands of candidate windows are tested for one at every piece a splice search tries,
 * and a paragraph without any (most) needs no window of it tested.
 */
const ACCENTED_PARAGRAPH = new WeakMap<Paragraph, boolean>();
function accented(paragraph: Paragraph): boolean {
  let known = ACCENTED_PARAGRAPH.get(paragraph);
  if (known === undefined) {
    known = ACCENTED.test(paragraph.text);
    ACCENTED_PARAGRAPH.set(paragraph, known);
  }
  return known;
}

const paragraphOf = (kb: KnowledgeBase, id: number): Paragraph => {
  const p = kb.passages[id]!;
  return kb.articles[p.article]!.paragraphs[p.paragraph]!;
};

function mayHold(kb: KnowledgeBase, id: number, pattern: RegExp | null): boolean {
  if (!pattern) return true;
  const p = kb.passages[id]!;
  const text = kb.articles[p.article]!.paragraphs[p.paragraph]!.text.slice(p.start, p.end);
  // Accented letters fold to plain ones ("Niinistö" is "niinisto"): the raw text cannot tell.
  return pattern.test(text) || ACCENTED.test(text);
}

function holdsPhrases(kb: KnowledgeBase, id: number, phrases: string[]): boolean {
  const text = squashed(kb, id);
  return phrases.every((p) => text.includes(p));
}

/** The words of the passage (or window) matchIn is aligning. */
const SOURCE = new Words();

/** A passage with its neighbours in the same paragraph (a claim may cross a cut). */
function windowOf(kb: KnowledgeBase, id: number): { text: string; start: number; end: number; segFrom: number; segTo: number } {
  const p = kb.passages[id]!;
  const before = kb.passages[id - 1];
  const after = kb.passages[id + 1];
  const samePara = (q: typeof p | undefined): q is typeof p => q !== undefined && q.article === p.article && q.paragraph === p.paragraph;
  const text = kb.articles[p.article]!.paragraphs[p.paragraph]!.text;
  const b = samePara(before) ? before : p;
  const a = samePara(after) ? after : p;
  return { text, start: b.start, end: a.end, segFrom: b.segFrom, segTo: a.segTo };
}

/** Aligns the claim with a passage and its neighbours in the same paragraph (a claim may cross a cut). */
function matchIn(kb: KnowledgeBase, claim: Claim, id: number): Match | null {
  const p = kb.passages[id]!;
  const article = kb.articles[p.article]!;
  const paragraph = article.paragraphs[p.paragraph]!;
  // The passage alone first; its neighbours too when the claim may run over its edges.
  let { start, end, segFrom, segTo } = p;
  const words = SOURCE.read(paragraph.text.slice(start, end), start, claim);
  let a = align(claim, words);
  if (!a || a.same === 0) return null;
  const w = windowOf(kb, id);
  if (a.edits > 0 && (w.start < p.start || w.end > p.end) && touchesEdge(a.pairs, words.count)) {
    ({ start, end, segFrom, segTo } = w);
    words.read(paragraph.text.slice(start, end), start, claim);
    a = align(claim, words)!;
  }
  // Only the window's segments: a transcript paragraph can hold thousands.
  const segs = paragraph.segments.slice(segFrom, segTo);
  // Only the matched words become Tokens.
  const source = spansOf(claim, a.pairs, words, segs).map(([x, y]) => words.tokens(x, y));
  const matched = source.flat();
  if (!matched.length) return null;
  // Each matched word belongs to the innermost segment around it (an embedded quote inside a reported sentence).
  const ownerOf = (t: Token): Owner => {
    let best: Segment | undefined;
    for (const s of segs) if (s.start <= t.start && t.end <= s.end && (!best || s.end - s.start < best.end - best.start)) best = s;
    if (!best || best.kind === 'narration' || best.kind === 'attribution') return { kind: 'narration', speaker: null };
    return { kind: best.kind, speaker: best.speaker };
  };
  // Owners in the order first met, as few as the segments: found by comparing, not by a key string per word.
  const counts: Array<{ owner: Owner; n: number }> = [];
  for (const t of matched) {
    const o = ownerOf(t);
    const c = counts.find((x) => x.owner.kind === o.kind && (x.owner.speaker ?? '') === (o.speaker ?? ''));
    if (c) c.n++;
    else counts.push({ owner: o, n: 1 });
  }
  const top = [...counts].sort((x, y) => y.n - x.n || rank(x.owner) - rank(y.owner))[0]!;
  const from = matched[0]!.start;
  const to = matched[matched.length - 1]!.end;
  const overlapping = segs.filter((s) => s.start < to && s.end > from && s.kind !== 'attribution');
  const own = overlapping.filter((s) => sameOwner(s, top.owner));
  // Words only in an attribution line ("-NATO Secretary General Stoltenberg") are nobody's text to cite.
  if (!overlapping.length) return null;
  // The alignment's fields written out, not spread: spreading then adding properties is a slow path in V8.
  return {
    edits: a.edits,
    same: a.same,
    pairs: a.pairs,
    articleIndex: p.article,
    paragraphIndex: p.paragraph,
    passage: id,
    owner: top.owner,
    pure: counts.length === 1,
    source,
    segments: (own.length ? own : overlapping).sort((x, y) => x.start - y.start),
    inTranscript: top.owner.kind === 'narration' && isSpeechRecord(article),
  };
}

/** The claim's equal words reach the first or last few words of the text. */
function touchesEdge(pairs: Int32Array, length: number): boolean {
  let lo = Infinity;
  let hi = -1;
  for (const x of pairs) if (x >= 0) [lo, hi] = [Math.min(lo, x), Math.max(hi, x)];
  return lo <= 2 || hi >= length - 3;
}

/**
 * Each fragment's source words: from its first to its last equal word, widened by as many words
 * as the claim has unmatched before and after them (a changed first or last word is a changed
 * word, not an added one), but never past the sentence those words are in.
 */
function spansOf(claim: Claim, pairs: Int32Array, words: Words, segs: Segment[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let at = 0;
  for (const fragment of claim.fragments) {
    const idx = Array.from(pairs.subarray(at, at + fragment.length));
    at += fragment.length;
    const firstK = idx.findIndex((x) => x >= 0);
    if (firstK < 0) {
      out.push([0, 0]);
      continue;
    }
    const lastK = idx.length - 1 - [...idx].reverse().findIndex((x) => x >= 0);
    const first = idx[firstK]!;
    const last = idx[lastK]!;
    const sentence = (k: number) =>
      segs.filter((s) => s.start <= words.start[k]! && words.end[k]! <= s.end && !s.embedded).sort((x, y) => y.end - y.start - (x.end - x.start))[0];
    const a = sentence(first);
    const b = sentence(last);
    let from = first;
    for (let k = 0; k < firstK && from > 0 && (!a || words.start[from - 1]! >= a.start); k++) from--;
    let to = last + 1;
    for (let k = lastK + 1; k < idx.length && to < words.count && (!b || words.end[to]! <= b.end); k++) to++;
    out.push([from, to]);
  }
  return out;
}

const speechRecords = new WeakMap<Article, boolean>();

/**
 * A speech or transcript record: its words are quotes of the record's speaker and the rest is
 * other turns (no reporter's sentences, no "said X" lines), as the JSON Lines loader builds them.
 */
function isSpeechRecord(article: Article): boolean {
  let known = speechRecords.get(article);
  if (known === undefined) {
    const kinds = new Set(article.paragraphs.flatMap((x) => x.segments.map((s) => s.kind)));
    known = kinds.has('quote') && !kinds.has('reported') && !kinds.has('attribution');
    speechRecords.set(article, known);
  }
  return known;
}

function rank(o: Owner): number {
  return o.kind === 'quote' ? 0 : o.kind === 'reported' ? 1 : 2;
}

function sameOwner(s: Segment, o: Owner): boolean {
  if (o.kind === 'narration') return s.kind === 'narration';
  return s.kind === o.kind && s.speaker === o.speaker;
}
