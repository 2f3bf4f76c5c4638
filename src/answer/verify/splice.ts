import type { KnowledgeBase } from '../../search/kb.js';
import { isStopWord } from '../../search/terms.js';
import type { SplicePiece } from '../types.js';
import { tokens, type Claim, type Token } from './align.js';
import { findExact, type Match } from './candidates.js';

/**
 * A spliced quote: two or more verbatim pieces of one speaker's words, from different places,
 * joined as if continuous ("Russia undermines and destabilizes its neighbours. NATO’s response is
 * firm and consistent." joins two sentences nine apart). Found piece by piece: the longest start of
 * the claim that a quote holds word for word (a binary search: a shorter start of a held phrase is
 * held too), then the same for the rest, within that speaker's quotes. Words dropped inside one
 * sentence are not a splice (that is an altered quote, its diff shows them).
 */

/** A piece must tell: at least this many words, this many of them not stop words. */
const MIN_PIECE = 3;
const MIN_TELLING = 2;
/** More pieces than this is a patchwork of common phrases, not a splice anyone would make. */
const MAX_PIECES = 4;
/** Ends tried for a piece (at the claim's punctuation, and the longest held): then the claim is no splice. */
const RETRIES = 4;

export interface Splice {
  matches: Match[];
  pieces: SplicePiece[];
}

/** The claim as pieces of one speaker's quotes from different places, or null. `speaker`: the claimed one, if the sources know them. */
export function findSplice(kb: KnowledgeBase, claim: Claim, speaker: string | null): Splice | null {
  if (claim.fragments.length !== 1 || claim.words.length < 2 * MIN_PIECE) return null;
  const found = piecesFrom(kb, claim, 0, speaker, null, 0);
  if (!found || found.length < 2) return null;
  const gaps: Array<string | null> = [];
  for (let k = 0; k < found.length; k++) {
    const next = found[k + 1];
    if (!next) {
      gaps.push(null);
      continue;
    }
    const gap = gapBetween(kb, found[k]!.match, next.match);
    if (gap === null) return null;
    gaps.push(gap);
  }
  return {
    matches: found.map((p) => p.match),
    pieces: found.map((p, k) => ({ claim: claim.text.slice(p.words[0]!.start, p.words[p.words.length - 1]!.end), gap: gaps[k]! })),
  };
}

interface Piece {
  words: Token[];
  match: Match;
}

function piecesFrom(kb: KnowledgeBase, claim: Claim, a: number, speaker: string | null, prev: Match | null, depth: number): Piece[] | null {
  const words = claim.words;
  const n = words.length;
  if (a === n) return [];
  if (depth >= MAX_PIECES || n - a < MIN_PIECE) return null;
  const places = (b: number) => placesOf(kb, claim, a, b, speaker);
  // The shortest start that could be a piece (enough words, enough of them telling, not inside a
  // contraction): a run of stop words is in no index, so the search starts past it.
  let lo = a + MIN_PIECE;
  const telling = (b: number) => words.slice(a, b).filter((w) => !isStopWord(w.norm)).length >= MIN_TELLING;
  while (lo <= n && (words[lo]?.part || !telling(lo))) lo++;
  if (lo > n || !places(lo).length) return null;
  // The longest start held word for word: held(lo) is true, find the last true.
  let hi = n;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (places(mid).length) lo = mid;
    else hi = mid - 1;
  }
  // A piece ends where a sentence of the claim ends, when one does within the longest start: the
  // source's next sentence may begin with the claim's next word ("… White House. We"). Then the
  // longest start, then shorter ones at other punctuation.
  const min = a + MIN_PIECE;
  const ends = [...new Set([...punctuationEnds(claim, min, lo, /[.!?;]/), lo, ...punctuationEnds(claim, min, lo, /[,:\u2013\u2014]/)])].slice(
    0,
    RETRIES,
  );
  for (const b of ends) {
    const piece = words.slice(a, b);
    if (!telling(b)) continue;
    const at = places(b);
    const match = nearest(at, prev);
    if (!match) continue;
    const rest = piecesFrom(kb, claim, b, match.owner.speaker, match, depth + 1);
    if (rest) return [{ words: piece, match }, ...rest];
  }
  return null;
}

/**
 * The places found for a claim's pieces, by piece and speaker: the search asks again for a piece
 * it has tried (the longest start found is the first end tried; the claimed speaker's search and
 * anyone's meet the same speakers), a fifth of its look-ups, each a test of thousands of passages.
 */
const PLACES = new WeakMap<Claim, { kb: KnowledgeBase; found: Map<string, Match[]> }>();

/** Word-for-word places of claim words [a, b) in one speaker's quotes (anyone's when `speaker` is null). */
function placesOf(kb: KnowledgeBase, claim: Claim, a: number, b: number, speaker: string | null): Match[] {
  let memo = PLACES.get(claim);
  if (memo?.kb !== kb) {
    memo = { kb, found: new Map() };
    PLACES.set(claim, memo);
  }
  const key = `${a} ${b} ${speaker === null ? '\u0000' : speaker}`;
  let places = memo.found.get(key);
  if (!places) {
    places = placesIn(kb, claim, a, b, speaker);
    memo.found.set(key, places);
  }
  return places;
}

function placesIn(kb: KnowledgeBase, claim: Claim, a: number, b: number, speaker: string | null): Match[] {
  const words = claim.words.slice(a, b);
  const sub: Claim = { text: claim.text, fragments: [words], words };
  const own = speaker ? kb.speakers.get(speaker)?.quotePassages : undefined;
  return findExact(kb, sub, own ? [own] : []).filter(
    (m) => m.pure && m.owner.kind === 'quote' && m.owner.speaker !== null && (!speaker || m.owner.speaker === speaker),
  );
}

/** Ends of claim words before such punctuation ("…neighbours. NATO’s"), longest first, within [min, max]. */
function punctuationEnds(claim: Claim, min: number, max: number, punctuation: RegExp): number[] {
  const out: number[] = [];
  for (let b = max; b >= min; b--) {
    const [w, next] = [claim.words[b - 1]!, claim.words[b]];
    if (next && punctuation.test(claim.text.slice(w.end, next.start))) out.push(b);
  }
  return out;
}

/** The place closest after the previous piece: same paragraph, then same source, then the earliest. */
function nearest(places: Match[], prev: Match | null): Match | undefined {
  if (!prev) return places[0];
  const score = (m: Match) =>
    m.articleIndex !== prev.articleIndex ? 3 : m.paragraphIndex !== prev.paragraphIndex ? 2 : start(m) >= end(prev) ? 0 : 1;
  return [...places].sort((x, y) => score(x) - score(y))[0];
}

function start(m: Match): number {
  return m.source[0]![0]!.start;
}

function end(m: Match): number {
  const s = m.source[m.source.length - 1]!;
  return s[s.length - 1]!.end;
}

/**
 * What stands between two pieces in the sources, or null when nothing does or only words of one
 * sentence do (then the claim is the quote with words dropped, an altered quote).
 */
function gapBetween(kb: KnowledgeBase, p: Match, q: Match): string | null {
  if (p.articleIndex !== q.articleIndex) {
    const a = kb.articles[q.articleIndex]!;
    const b = kb.articles[p.articleIndex]!;
    return `from another source (“${a.title}”, ${a.date}${a.date === b.date ? ', the same date' : ''})`;
  }
  if (p.paragraphIndex !== q.paragraphIndex) {
    const d = q.paragraphIndex - p.paragraphIndex;
    return `${Math.abs(d)} paragraph${Math.abs(d) === 1 ? '' : 's'} ${d > 0 ? 'later' : 'earlier'} in the same source`;
  }
  const paragraph = kb.articles[p.articleIndex]!.paragraphs[p.paragraphIndex]!;
  const [from, to, order] = start(q) >= end(p) ? [end(p), start(q), ''] : [end(q), start(p), ', and the second comes first'];
  const between = tokens(paragraph.text.slice(from, to)).length;
  const sentence = paragraph.segments.find((s) => s.start <= from && to <= s.end && s.kind !== 'attribution');
  if (!order && (between === 0 || sentence)) return null;
  const whole = paragraph.segments.filter((s) => s.start >= from && s.end <= to && s.kind !== 'attribution').length;
  const sentences = whole ? `, ${whole} whole sentence${whole === 1 ? '' : 's'} among them` : '';
  return `${between} word${between === 1 ? '' : 's'} stand${between === 1 ? 's' : ''} between them${sentences}${order}`;
}
