import { asciiWordBoundsInto, bareWord, fold, isAscii } from '../knowledge/text.js';
import type { SearchIndex } from './index.js';
import { isStopWord, stem } from './terms.js';
import { sortedHas } from './sorted.js';
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
  /**
   * `exact` for plain text, folded or not: text whose only non-ASCII characters are typographic
   * quotation marks, apostrophes and dashes (most English text; see NOT_PLAIN). Case is ignored
   * and any apostrophe stands for "'"; offsets are those in the folded text, character for character.
   */
  plain: RegExp;
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

/**
 * Letters and digits of folded text, as plain ranges (a Unicode property class per word makes
 * every query's pattern costly to compile: milliseconds). Every Latin, Greek, Cyrillic, Arabic,
 * Indic and CJK letter is in; the punctuation and symbols that stand next to words are out:
 * quotation marks of every style (“ ” „ « » ‹ › 「 」), dashes, ellipses, bullets, primes,
 * currency signs (€235), fullwidth punctuation. A line quoted inside “…” is the line itself.
 */
const LETTERS =
  'a-z0-9\\u00aa\\u00b2\\u00b3\\u00b5\\u00b9\\u00ba\\u00bc-\\u00be\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u1fff\\u2070-\\u209f\\u2100-\\u218f' +
  '\\u2460-\\u24ff\\u2c00-\\u2dff\\u2e80-\\u2fef\\u3005-\\u3007\\u3021-\\ud7ff\\uf900-\\ufdff\\ufe70-\\ufefe\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a\\uff66-\\uffdc';
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Reads a phrase. `replace` maps a typed word to the word it was read as (typo corrections).
 * Returns null for fewer than two words: one word is not a phrase.
 */
export function readPhrase(text: string, replace?: Map<string, string>): Phrase | null {
  const folded = fold(text);
  const bounds = wordBounds(folded);
  // As typed, but for a possessive 's: an apostrophe inside a word ("don't") is matched as optional.
  const surface: string[] = [];
  for (let k = 0; k < bounds.length; k += 2) surface.push(folded.slice(bounds[k], bounds[k + 1]).replace(/'s$/, ''));
  const list = surface.map((t) => {
    const w = t.replace(/'/g, '');
    return replace?.get(w) ?? w;
  });
  if (list.length < 2) return null;
  const terms = list.filter((w) => !isStopWord(w)).map(stem);
  // Each word may carry a plural or possessive ending the phrase does not (and "-" or any
  // punctuation may stand between words): "peoples" meets "people", "one-third" meets "one third",
  // "Jenkins" meets "Jenkins's" and "Côte d'Ivoire" meets "Côte d’Ivoire’s".
  const parts = list.map((w, i) => {
    const typed = surface[i]!;
    const s = stem(w);
    const word =
      typed.includes("'") && typed.replace(/'/g, '') === w
        ? escapeRegExp(typed).replace(/'/g, "'?")
        : // A stem ending in "y" stands for "day", "days", "day's" and "ally", "allies".
          s.endsWith('y')
          ? `${escapeRegExp(s.slice(0, -1))}(?:y|ies|y'?s)`
          : `${escapeRegExp(s)}(?:'?s|es)?`;
    return `${word}(?:'s)?`;
  });
  const pattern = (letters: string, apostrophe: string, flags: string) => {
    const [word, separator] = [`[${letters}]`, `[^${letters}]+`];
    const body = parts.join(`${separator}(?:'s${separator})?`).replaceAll("'", apostrophe);
    return new RegExp(`(?<!${word})${body}(?!${word})`, flags);
  };
  return {
    words: list,
    terms,
    // Folded text is lower case, any non-ASCII letter standing for itself (see LETTERS).
    exact: pattern(LETTERS, "'", ''),
    // Plain text has no letters but ASCII ones: folding would only lower-case it and turn its
    // curly apostrophes into "'" and its dashes into "-", none of which is a letter.
    plain: pattern('a-z0-9', "['\u2018\u2019\u2032]", 'i'),
  };
}

/** How well `text` holds the phrase (see PhraseMatch). */
export function matchPhrase(text: string, phrase: Phrase): PhraseMatch {
  const folded = fold(text);
  const m = exactIn(folded, phrase, true);
  // Folding keeps offsets for the letters seen here (NFKD only splits marks off letters, which the
  // pattern does not meet in ASCII text); for other text the match is located again by length.
  if (m) return exactMatch(m, phrase);
  const { want, shapes } = shapesOf(phrase);
  const count = readWords(folded);
  const bounds = BOUNDS;
  // A word that cannot stem to any of the phrase's stems stands as '' (no stem is empty): most
  // words of a passage are ruled out by their first letter and length, without a slice or a stem
  // look-up (a word holding an apostrophe is measured without it, as it is compared).
  const stems = STEM_BUFFER;
  let apostrophe = folded.indexOf("'");
  for (let k = 0; k < count; k++) {
    const start = bounds[2 * k]!;
    const end = bounds[2 * k + 1]!;
    while (apostrophe !== -1 && apostrophe < start) apostrophe = folded.indexOf("'", apostrophe + 1);
    const bare = apostrophe === -1 || apostrophe >= end;
    if (bare && end - start < LONG_WORD && !shapes.has(shapeOf(folded.charCodeAt(start), end - start))) {
      stems[k] = '';
      continue;
    }
    const word = bare ? folded.slice(start, end) : bareWord(folded.slice(start, end));
    stems[k] = word.length < LONG_WORD && !shapes.has(shapeOf(word.charCodeAt(0), word.length)) ? '' : stemOf(word);
  }
  // All content words in order within a window a little longer than the phrase (checked before
  // the run below, which only tiers 1 and 0 report).
  const content = phrase.terms;
  const window = phrase.words.length * 2 + 2;
  if (content.length >= 2) {
    for (let i = 0; i < count; i++) {
      if (stems[i] !== content[0]) continue;
      let k = 1;
      let j = i + 1;
      for (; j < count && j - i < window && k < content.length; j++) if (stems[j] === content[k]) k++;
      if (k === content.length) return { tier: 2, run: phrase.words.length, start: bounds[2 * i]!, end: bounds[2 * (j - 1) + 1]! };
    }
  }
  // Longest run of consecutive phrase words that also stand consecutively in the text.
  let best = 0;
  const n = want.length;
  if (RUNS[0].length < n + 1) RUNS = [new Uint16Array(2 * (n + 1)), new Uint16Array(2 * (n + 1))];
  let [prev, cur] = RUNS;
  prev.fill(0, 0, n + 1);
  cur.fill(0, 0, n + 1);
  for (let i = 0; i < count; i++) {
    const w = stems[i];
    if (w === '') {
      // Matches none of the phrase's words: every run ends here.
      prev.fill(0, 0, n + 1);
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
  // A fresh object written out: spreading a constant then adding a property is a slow path in V8.
  return best >= enough ? { tier: 1, run: best, start: 0, end: 0 } : { tier: 0, run: best, start: 0, end: 0 };
}

/**
 * matchPhrase's working memory, reused from one text to the next (grown when needed): an answer
 * rates dozens of passages by the phrase, and fresh arrays of word offsets and stems for each
 * were a tenth of its garbage. Only the first `count` entries of a call are meaningful.
 */
let BOUNDS = new Int32Array(1024);
const STEM_BUFFER: string[] = [];
let RUNS: [Uint16Array, Uint16Array] = [new Uint16Array(16), new Uint16Array(16)];

/** Puts the words of folded text in BOUNDS as [start, end, …] (what wordBounds gives); returns their number. */
function readWords(folded: string): number {
  if (!isAscii(folded)) {
    const list = wordBounds(folded);
    if (BOUNDS.length < list.length) BOUNDS = new Int32Array(list.length * 2);
    BOUNDS.set(list);
    return list.length / 2;
  }
  if (BOUNDS.length < folded.length + 1) BOUNDS = new Int32Array(2 * folded.length + 2);
  return asciiWordBoundsInto(folded, BOUNDS);
}

/**
 * Words at least this long are always stemmed; a shorter word's first letter and length are its
 * "shape" (a small integer). The stemmer keeps a word's first letter and removes at most two
 * letters net ("allies" → "ally", "processes" → "process"), so a word stems to `s` only if its
 * first letter is s's and its length is s's, or one or two more.
 */
const LONG_WORD = 64;
const shapeOf = (firstChar: number, length: number) => firstChar * LONG_WORD + length;
const SHAPES = new WeakMap<Phrase, { want: string[]; shapes: Set<number> }>();
function shapesOf(phrase: Phrase): { want: string[]; shapes: Set<number> } {
  let facts = SHAPES.get(phrase);
  if (!facts) {
    const want = phrase.words.map(stemOf);
    const shapes = new Set<number>();
    for (const s of want)
      for (let extra = 0; extra <= 2; extra++) if (s.length + extra < LONG_WORD) shapes.add(shapeOf(s.charCodeAt(0), s.length + extra));
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

const UNICODE_WORDS = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;

/**
 * Where the words of folded text are, as flat [start, end, start, end, …] offsets: most text is
 * ASCII, read by a character scan several times faster than the Unicode pattern.
 */
function wordBounds(folded: string): number[] {
  if (isAscii(folded)) {
    // Through the typed buffer readWords fills, never a list: asciiWordBoundsInto written to
    // with both kinds of array has its stores compiled for both, a third of matchPhrase's time.
    const out = new Int32Array(folded.length + 1);
    return Array.from(out.subarray(0, 2 * asciiWordBoundsInto(folded, out)));
  }
  const out: number[] = [];
  UNICODE_WORDS.lastIndex = 0;
  for (let m = UNICODE_WORDS.exec(folded); m; m = UNICODE_WORDS.exec(folded)) out.push(m.index, m.index + m[0].length);
  return out;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range, starting at U+0000 on purpose
const NOT_PLAIN = /[^\x00-\x7f\u2018\u2019\u2032\u2010-\u2015\u201c\u201d]/;

/**
 * The exact words in `text` (folded or not): every candidate passage of a phrase is tested, and
 * most are plain text (see Phrase.plain), tested as they are; the rest are folded first.
 */
function exactIn(text: string, phrase: Phrase, folded = false): RegExpExecArray | null {
  if (!NOT_PLAIN.test(text)) return phrase.plain.exec(text);
  return phrase.exact.exec(folded ? text : fold(text));
}

const exactMatch = (m: RegExpExecArray, phrase: Phrase): PhraseMatch => ({
  tier: 3,
  run: phrase.words.length,
  start: m.index,
  end: m.index + m[0].length,
});

export interface PhraseHit {
  passage: number;
  /** The next passage of the paragraph, when the words run on into it (see acrossCuts). */
  through?: number;
  match: PhraseMatch;
}

interface FindOptions {
  within?: Uint32Array;
  accept?: (passage: number) => boolean;
  limit?: number;
  /** The text of a passage and the next one, when both are of one paragraph (null otherwise). */
  across?: (first: number) => string | null;
}

/**
 * The passages holding the phrase's exact words, in passage order. `text(passage)` gives a
 * passage's text; `within` (sorted passage ids) and `accept` restrict the search as in
 * SearchIndex.search. For the verify answer and for ranking: "which passages say these words?".
 */
export function findPhrase(index: SearchIndex, phrase: Phrase, text: (passage: number) => string, options: FindOptions = {}): PhraseHit[] {
  const candidates = index.passagesWithAll(phrase.terms, options.within, MAX_CANDIDATES);
  const out: PhraseHit[] = [];
  for (const passage of candidates) {
    if (options.accept && !options.accept(passage)) continue;
    const m = exactIn(text(passage), phrase);
    if (!m) continue;
    out.push({ passage, match: exactMatch(m, phrase) });
    if (options.limit && out.length >= options.limit) break;
  }
  return out.length || !options.across ? out : acrossCuts(index, phrase, options.across, options);
}

/**
 * A long paragraph is cut into passages between sentences, so a line of two sentences may run
 * across a cut, and no one passage holds it. When none does, pairs of neighbouring passages that
 * hold every content word between them (rarest word's postings first, the others looked up) are
 * tested as one text.
 */
function acrossCuts(index: SearchIndex, phrase: Phrase, across: (first: number) => string | null, options: FindOptions): PhraseHit[] {
  const lists = [...new Set(phrase.terms)].map((t) => index.docsOf(t)).sort((a, b) => a.length - b.length);
  const rarest = lists[0];
  if (!rarest?.length || rarest.length > MAX_CANDIDATES) return [];
  const { within, accept, limit } = options;
  // The pairs' first passages, in order: next to the rarest word's passages, or (for one
  // speaker's words, often far fewer) their passages followed by another of theirs.
  const firsts: number[] = [];
  if (within && within.length < rarest.length) {
    for (let i = 0; i + 1 < within.length; i++) if (within[i + 1] === within[i]! + 1) firsts.push(within[i]!);
  } else {
    for (const d of rarest) for (const first of [d - 1, d]) if (first >= 0 && first !== firsts[firsts.length - 1]) firsts.push(first);
  }
  const out: PhraseHit[] = [];
  for (const first of firsts) {
    if (!lists.every((l) => sortedHas(l, first) || sortedHas(l, first + 1))) continue;
    if (within && !(sortedHas(within, first) && sortedHas(within, first + 1))) continue;
    if (accept && !accept(first)) continue;
    const t = across(first);
    const m = t === null ? null : exactIn(t, phrase);
    if (!m) continue;
    out.push({ passage: first, through: first + 1, match: exactMatch(m, phrase) });
    if (limit && out.length >= limit) break;
  }
  return out;
}
