import { asciiWordBounds, fold } from '../knowledge/text.js';
import type { SearchIndex } from './index.js';
import { isStopWord, stem } from './terms.js';
import { MAX_CANDIDATES } from './tuning.js';

/**
 * Phrases: "find the passages holding these words in this order". BM25 alone drops stop words and
 * ignores order, so "the better angels of our nature" would lose to any passage that repeats
 * "nature"; here the exact words (stop words included; case, punctuation and a plural ending
 * ignored) are found first, then all the words in order close together, then the longest run of
 * the words in order (what a misquote shares with the true line). No positional index is
 * needed: candidates are the passages holding every content word (an intersection of postings,
 * rarest word first), and the phrase is checked on those passages' text.
 */

export interface Phrase {
  /** The words as read (folded, typos already corrected by the caller). */
  words: string[];
  /** Index terms of the content words (no stop words), in order. */
  terms: string[];
  /** Matches the exact phrase in folded text. */
  exact: RegExp;
}

/** How well a text holds a phrase: 3 exact, 2 all words in order close together, 1 a long run of its words, 0 none. */
export interface PhraseMatch {
  tier: 0 | 1 | 2 | 3;
  /** Words of the phrase found in order (run length for tier 1, all words for tiers 2-3). */
  run: number;
  /** Character range of the match in the text (meaningful for tiers 2 and 3). */
  start: number;
  end: number;
}

const WORD_CHAR = '[a-z0-9\\u00aa-\\uffff]';
const SEPARATOR = '[^a-z0-9\\u00aa-\\uffff]+';
const NO_MATCH: PhraseMatch = { tier: 0, run: 0, start: 0, end: 0 };
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Reads a phrase. `replace` maps a typed word to the word it was read as (typo corrections).
 * Returns null for fewer than two words: one word is not a phrase.
 */
export function readPhrase(text: string, replace?: Map<string, string>): Phrase | null {
  const surface = wordPositions(fold(text), true).map((s) => s.word);
  const list = surface.map((t) => {
    const w = t.replace(/'/g, '');
    return replace?.get(w) ?? w;
  });
  if (list.length < 2) return null;
  const terms = list.filter((w) => !isStopWord(w)).map(stem);
  // Each word may carry a plural or possessive ending the phrase does not (and "-" or any
  // punctuation may stand between words): "peoples" meets "people", "one-third" meets "one third".
  const parts = list.map((w, i) => {
    const typed = surface[i]!;
    if (typed.includes("'") && typed.replace(/'/g, '') === w) return escapeRegExp(typed).replace(/'/g, "'?");
    const s = stem(w);
    return s.endsWith('y') && w !== s ? `${escapeRegExp(s.slice(0, -1))}(?:y|ies|y's)` : `${escapeRegExp(s)}(?:'?s|es)?`;
  });
  // Letters as plain ranges, not \p{L}: a Unicode property class per word makes every query's
  // pattern costly to compile (milliseconds), and folded text is lower case, any non-ASCII letter
  // standing for itself.
  const exact = new RegExp(`(?<!${WORD_CHAR})${parts.join(`${SEPARATOR}(?:'s${SEPARATOR})?`)}(?!${WORD_CHAR})`);
  return { words: list, terms, exact };
}

/** How well `text` holds the phrase (see PhraseMatch). */
export function matchPhrase(text: string, phrase: Phrase): PhraseMatch {
  const folded = fold(text);
  const m = phrase.exact.exec(folded);
  // Folding keeps offsets for the letters seen here (NFKD only splits marks off letters, which the
  // pattern does not meet in ASCII text); for other text the match is located again by length.
  if (m) return { tier: 3, run: phrase.words.length, start: m.index, end: m.index + m[0].length };
  const spans = wordPositions(folded);
  const { want, shapes } = shapesOf(phrase);
  // A word that cannot stem to any of the phrase's stems stands as '' (no stem is empty): most
  // words of a passage are ruled out by their first letter and length, without a stem look-up.
  const stems = spans.map(({ word }) => (word.length < LONG_WORD && !shapes.has(shapeOf(word, word.length)) ? '' : stemOf(word)));
  // All content words in order within a window a little longer than the phrase (checked before
  // the run below, which only tiers 1 and 0 report).
  const content = phrase.terms;
  const window = phrase.words.length * 2 + 2;
  if (content.length >= 2) {
    for (let i = 0; i < stems.length; i++) {
      if (stems[i] !== content[0]) continue;
      let k = 1;
      let j = i + 1;
      for (; j < stems.length && j - i < window && k < content.length; j++) if (stems[j] === content[k]) k++;
      if (k === content.length) return { tier: 2, run: phrase.words.length, start: spans[i]!.start, end: spans[j - 1]!.end };
    }
  }
  // Longest run of consecutive phrase words that also stand consecutively in the text.
  let best = 0;
  const n = want.length;
  let prev = new Uint16Array(n + 1);
  let cur = new Uint16Array(n + 1);
  for (let i = 0; i < stems.length; i++) {
    const w = stems[i];
    if (w === '') {
      // Matches none of the phrase's words: every run ends here.
      prev.fill(0);
      continue;
    }
    for (let j = 1; j <= n; j++) {
      const v = w === want[j - 1] ? prev[j - 1]! + 1 : 0;
      cur[j] = v;
      if (v > best) best = v;
    }
    [prev, cur] = [cur, prev];
  }
  const enough = Math.max(3, Math.ceil(phrase.words.length / 2));
  return best >= enough ? { tier: 1, run: best, start: 0, end: 0 } : { ...NO_MATCH, run: best };
}

/**
 * Words at least this long are always stemmed; a shorter word's first letter and length are its
 * "shape" (a small integer). The stemmer keeps a word's first letter and removes at most two
 * letters net ("allies" → "ally", "processes" → "process"), so a word stems to `s` only if its
 * first letter is s's and its length is s's, or one or two more.
 */
const LONG_WORD = 64;
const shapeOf = (word: string, length: number) => word.charCodeAt(0) * LONG_WORD + length;
const SHAPES = new WeakMap<Phrase, { want: string[]; shapes: Set<number> }>();
function shapesOf(phrase: Phrase): { want: string[]; shapes: Set<number> } {
  let facts = SHAPES.get(phrase);
  if (!facts) {
    const want = phrase.words.map(stemOf);
    const shapes = new Set<number>();
    for (const s of want) for (let extra = 0; extra <= 2; extra++) if (s.length + extra < LONG_WORD) shapes.add(shapeOf(s, s.length + extra));
    facts = { want, shapes };
    SHAPES.set(phrase, facts);
  }
  return facts;
}

// Word → stem, cached: texts are re-read for every query, their words are few.
const STEMS = new Map<string, string>();
function stemOf(word: string): string {
  let s = STEMS.get(word);
  if (s === undefined) {
    if (STEMS.size > 200_000) STEMS.clear();
    s = stem(word);
    STEMS.set(word, s);
  }
  return s;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range, starting at U+0000 on purpose
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const UNICODE_WORDS = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;

function wordPositions(folded: string, keep = false): Array<{ word: string; start: number; end: number }> {
  const out: Array<{ word: string; start: number; end: number }> = [];
  // Every rated passage's words pass through here: the apostrophe handling runs only on the few
  // words that hold one (the same words as before, without two regex replaces on every word).
  const add = (raw: string, start: number) => {
    let w = raw;
    if (raw.includes("'")) {
      const bare = raw.replace(/'s$/, '');
      w = keep ? bare : bare.replace(/'/g, '');
    }
    out.push({ word: w, start, end: start + raw.length });
  };
  if (ASCII_ONLY.test(folded)) {
    // Most text is ASCII: a character scan, several times faster than the Unicode pattern.
    const bounds = asciiWordBounds(folded);
    for (let k = 0; k < bounds.length; k += 2) add(folded.slice(bounds[k], bounds[k + 1]), bounds[k]!);
    return out;
  }
  UNICODE_WORDS.lastIndex = 0;
  for (let m = UNICODE_WORDS.exec(folded); m; m = UNICODE_WORDS.exec(folded)) add(m[0], m.index);
  return out;
}

export interface PhraseHit {
  passage: number;
  match: PhraseMatch;
}

/**
 * The passages holding the phrase's exact words, in passage order. `text(passage)` gives a
 * passage's text; `within` (sorted passage ids) and `accept` restrict the search as in
 * SearchIndex.search. For the verify answer and for ranking: "which passages say these words?".
 */
export function findPhrase(
  index: SearchIndex,
  phrase: Phrase,
  text: (passage: number) => string,
  options: { within?: Uint32Array; accept?: (passage: number) => boolean; limit?: number } = {},
): PhraseHit[] {
  const candidates = index.passagesWithAll(phrase.terms, options.within, MAX_CANDIDATES);
  const out: PhraseHit[] = [];
  for (const passage of candidates) {
    if (options.accept && !options.accept(passage)) continue;
    const t = text(passage);
    if (!phrase.exact.test(fold(t))) continue;
    out.push({ passage, match: matchPhrase(t, phrase) });
    if (options.limit && out.length >= options.limit) break;
  }
  return out;
}
