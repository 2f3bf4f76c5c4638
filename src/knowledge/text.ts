/** Text helpers shared by parsing and search: folding, tokenising, sentence boundaries. */
import { KEEP_DOT } from './lexicon/particles.js';
import { MONTH_ABBREVIATIONS } from './lexicon/time-words.js';
import { SAYING_AFTER } from './lexicon/speech-verbs.js';

const COMBINING_MARKS = /[\u0300-\u036f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range, starting at U+0000 on purpose
const NON_ASCII = /[^\x00-\x7f]/;

/** Whether a text is all ASCII (the character scans read only such text). */
export const isAscii = (text: string) => !NON_ASCII.test(text);

/** Lower-cases and folds diacritics and typographic variants so "Niinistö" meets "niinisto". */
export function fold(text: string): string {
  // Most text is ASCII: skip the costly Unicode normalisation when there is nothing to fold.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  // Typographic quotes and dashes are most English text's only non-ASCII characters, and they need
  // no Unicode normalisation (NFKD leaves them be, but for U+2011, which becomes the same '-').
  if (!NEEDS_NORMALISING.test(text)) return text.replace(QUOTE_MARKS, "'").replace(DASHES, '-').toLowerCase();
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').replace(QUOTE_MARKS, "'").replace(DASHES, '-').toLowerCase();
}
const QUOTE_MARKS = /[\u2018\u2019\u02bc\u2032]/g;
const DASHES = /[\u2010-\u2015]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range, starting at U+0000 on purpose
const NEEDS_NORMALISING = /[^\x00-\x7f\u2018\u2019\u02bc\u2032\u2010-\u2015\u201c\u201d]/;

/**
 * Emoji, pictographs and flags ("🔴Liverpool manager Jurgen Klopp …") as spaces of the same length:
 * decoration, not words, so reading them as spaces keeps every offset pointing into the text as
 * written while a capitalised word glued to one still opens a name.
 */
function blankPictographs(text: string): string {
  return PICTOGRAPH.test(text) ? text.replace(PICTOGRAPHS, (m) => ' '.repeat(m.length)) : text;
}
const PICTOGRAPH = /[\p{Extended_Pictographic}\p{Regional_Indicator}]/u;
const PICTOGRAPHS = /(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u200D|\uFE0F)+/gu;

/**
 * The text the attribution reads, as long as the text as written (every offset the same): emoji
 * blanked (see blankPictographs), and the wire services' old double marks made straight ones:
 * two apostrophes closing a quotation ("…,'' said Duncan Stewart"), and two backquotes or two
 * apostrophes before a word opening one ("''On or around Aug. 4, we determined …").
 */
export function analysisText(text: string): string {
  let t = blankPictographs(text);
  if (t.includes("''") || t.includes('``') || t.includes('\u2019\u2019') || t.includes('\u2018\u2018'))
    t = t.replace(AP_CLOSE, '" ').replace(AP_OPEN, ' "');
  // A curly mark typed the wrong way round ("… due to pollution,“ he said", "said ”We …"): its
  // place tells which it is, a mark after a word and before a space closing, the other opening.
  if (!t.includes('\u201c') && !t.includes('\u201d')) return t;
  t = t.replace(WRONG_OPEN, '\u201d').replace(WRONG_CLOSE, '\u201c');
  // ("According to him,” On Monday … arrested.”": a paragraph's first mark closing nothing, before a
  // space and a word, whose next mark closes too, opens. Not "… good,” Smith said. “And …”", a
  // quotation carried on from the paragraph before: an opening mark comes next there.)
  const first = /[\u201c\u201d]/.exec(t);
  const second = first ? /[\u201c\u201d]/.exec(t.slice(first.index + 1)) : null;
  // (Also glued to the word after a stop: "… a change of power.”I’ll believe my own eyes …,” she told".)
  if (
    first?.[0] === '\u201d' &&
    second?.[0] === '\u201d' &&
    (/^\s+\p{L}/u.test(t.slice(first.index + 1)) || (/[.!?]$/.test(t.slice(0, first.index)) && /^\p{Lu}/u.test(t.slice(first.index + 1))))
  )
    t = `${t.slice(0, first.index)}\u201c${t.slice(first.index + 1)}`;
  return t;
}
const AP_CLOSE = /(?<=\S)(?:''|\u2019\u2019)(?=[\s.,;:!?)]|$)/g;
const AP_OPEN = /(?:``|\u2018\u2018|(?<=^|[\s(])'')(?=\S)/g;
// (Also one a space after the words and right before a comma or a stop, or ending the paragraph:
// "… they are vaccinated “, emphasized", "… across Canada and the United States. “".)
const WRONG_OPEN = /(?<=[\p{L}\p{N}.,!?…])\u201c(?=\s|$)|(?<=[\p{L}\p{N}.!?…] )\u201c(?=[,.;:]|\s*$)/gu;
const WRONG_CLOSE = /(?<=^|\s)\u201d(?=\p{L})/gu;

/** Collapses every run of whitespace (including NBSP) to one space. */
export function collapseSpaces(text: string): string {
  return MESSY_SPACE.test(text) ? text.replace(/[\s\u00a0]+/g, ' ').trim() : text;
}
const MESSY_SPACE = /\s\s|[^\S ]|^\s|\s$/;

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

const WORD_GLOBAL = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;

/** Words of a text in reading order, folded; possessive 's is dropped ("Russia's" → "russia"). */
export function words(text: string): string[] {
  return foldedWords(fold(text));
}

/** words() of a text already folded by fold(): a caller that needs the folded text too folds it once. */
export function foldedWords(folded: string): string[] {
  const out: string[] = [];
  if (!NON_ASCII.test(folded)) {
    // Most text is ASCII: a character scan (asciiWordBounds' rules), several times faster than
    // either pattern, each word sliced as it ends (no list of offsets made first: every answer
    // reads hundreds of sentences this way).
    const n = folded.length;
    let i = 0;
    while (i < n) {
      if (!isAsciiAlnum(folded.charCodeAt(i))) {
        i++;
        continue;
      }
      const start = i;
      do i++;
      while (i < n && isAsciiAlnum(folded.charCodeAt(i)));
      let joined = false;
      while (i + 1 < n && folded.charCodeAt(i) === APOSTROPHE && isAsciiLower(folded.charCodeAt(i + 1))) {
        joined = true;
        i += 2;
        while (i < n && isAsciiLower(folded.charCodeAt(i))) i++;
      }
      const word = folded.slice(start, i);
      out.push(joined ? bareWord(word) : word);
    }
    return out;
  }
  WORD_GLOBAL.lastIndex = 0;
  for (let m = WORD_GLOBAL.exec(folded); m; m = WORD_GLOBAL.exec(folded)) out.push(bareWord(m[0]));
  return out;
}

/** A folded word as compared: without a possessive 's or any other apostrophe ("nation's" → "nation", "don't" → "dont"). */
export function bareWord(word: string): string {
  return word.includes("'") ? word.replace(/'s$/, '').replace(/'/g, '') : word;
}

/**
 * The words of folded ASCII text as flat [start, end, start, end, …] offsets: exactly what
 * /[a-z0-9]+(?:'[a-z]+)*\/g matches ("don't" and "nation's" are one word each), found by a scan
 * of character codes. Every answer re-reads the passages it rates; the scan costs a fraction of
 * the regular expression's exec per word.
 */
export function asciiWordBounds(folded: string): number[] {
  const out: number[] = [];
  asciiWordBoundsInto(folded, out);
  return out;
}

/**
 * asciiWordBounds() written into `out` from its start (a buffer a caller reuses: at most
 * `folded.length + 1` entries are written); returns the number of words.
 */
export function asciiWordBoundsInto(folded: string, out: number[] | Int32Array): number {
  const n = folded.length;
  let count = 0;
  let i = 0;
  while (i < n) {
    if (!isAsciiAlnum(folded.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    do i++;
    while (i < n && isAsciiAlnum(folded.charCodeAt(i)));
    // An apostrophe joins the letters after it: "n't", "'s", "o'clock".
    while (i + 1 < n && folded.charCodeAt(i) === APOSTROPHE && isAsciiLower(folded.charCodeAt(i + 1))) {
      i += 2;
      while (i < n && isAsciiLower(folded.charCodeAt(i))) i++;
    }
    out[2 * count] = start;
    out[2 * count + 1] = i;
    count++;
  }
  return count;
}
/** The character scans' alphabet (of folded ASCII text): letters, digits, and the apostrophe that joins letters. */
export const APOSTROPHE = 39;
export const isAsciiLower = (c: number) => c >= 97 && c <= 122;
export const isAsciiAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
/** An ASCII character code lower-cased (A–Z → a–z), as toLowerCase() does: folding, for ASCII. */
export const asciiLower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/** Words with their character offsets in the original text (offsets survive folding because
 * folding is applied per match, and NFKD never spans a word boundary). */
export function wordSpans(text: string): Array<{ word: string; start: number; end: number }> {
  const out: Array<{ word: string; start: number; end: number }> = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    out.push({ word: bareWord(fold(m[0])), start, end: start + m[0].length });
  }
  return out;
}

// Titles and ranks (KEEP_DOT, the names' list), then other abbreviations a full stop does not end.
const ABBREVIATIONS = new Set([
  ...KEEP_DOT,
  'no',
  'nos',
  'vs',
  'etc',
  ...MONTH_ABBREVIATIONS,
  'dept',
  'est',
  'approx',
  'art',
  'para',
  'vol',
  'ch',
  'fig',
  'e.g',
  'i.e',
  'u.s',
  'u.k',
  'u.n',
  'a.m',
  'p.m',
]);

// Abbreviations that stand before a number ("No. 2", "Vol. 3", "the Prop. 8 case", "Sec. 4").
const NUMBER_ABBREVIATION = /(?:^|[^\p{L}])(?:No|Nos|no|Vol|vol|Art|Fig|fig|Ch|pp|p|Prop|Sec|sec|Para|para|Pt|Res)$/u;
const ATTRIBUTION_NEXT = new RegExp(`^\\s+(?:\\p{Lu}[\\p{L}'’.-]*\\s+){1,4}(?:${SAYING_AFTER.join('|')})\\b`, 'u');
// A candidate end: terminal punctuation, optional closing quotes/brackets, then space(s).
const SENTENCE_END = /[.!?]+[\u201d"\u2019\u00bb')\]]*(?=\s+)/g;
const NEXT_STARTS_SENTENCE = /^\s+[\u201c"\u2018\u00ab'([]*[\p{Lu}\p{N}\u2014-]/u;

/**
 * Sentence ranges `[start, end)` over `text`. Hand-written rather than Intl.Segmenter because
 * quotes matter here: `abroad,” said X.` must stay one sentence and `threat.” He said` must split,
 * and abbreviations such as "U.S." or "Mr." must not end a sentence.
 */
export function sentenceRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = skipSpace(text, 0);
  for (const m of text.matchAll(SENTENCE_END)) {
    const endPunct = (m.index ?? 0) + m[0].length;
    if (endPunct <= start) continue;
    if (!NEXT_STARTS_SENTENCE.test(text.slice(endPunct, endPunct + 6))) continue;
    if (m[0].startsWith('.') && endsWithAbbreviation(text, m.index ?? 0)) continue;
    // "the chamber's No. 2 Republican", "Vol. 3": an abbreviation that stands before a number.
    if (
      m[0] === '.' &&
      /^\s+\d/.test(text.slice(endPunct, endPunct + 3)) &&
      NUMBER_ABBREVIATION.test(text.slice(Math.max(0, (m.index ?? 0) - 5), m.index))
    )
      continue;
    // "“Do you want him destroyed?” Pelosi said when …": a question or an exclamation closing a
    // quotation, then its attribution, is one sentence.
    if (/[?!][\u201d"\u2019\u00bb']+$/.test(m[0]) && ATTRIBUTION_NEXT.test(text.slice(endPunct, endPunct + 80))) continue;
    ranges.push([start, endPunct]);
    start = skipSpace(text, endPunct);
  }
  const end = text.trimEnd().length;
  if (start < end) ranges.push([start, end]);
  return ranges;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  return i;
}

function endsWithAbbreviation(text: string, dotIndex: number): boolean {
  const before = text.slice(Math.max(0, dotIndex - 12), dotIndex);
  const m = /([\p{L}.]+)$/u.exec(before);
  if (!m) return false;
  const token = (m[1] ?? '').toLowerCase();
  if (ABBREVIATIONS.has(token)) return true;
  // A single capital initial ("J. Smith") or dotted acronym ("U.S.").
  return /^\p{Lu}$/u.test(m[1] ?? '') || /^(\p{L}\.)+\p{L}$/u.test(m[1] ?? '');
}

/** The number of words in a text (for "is this quote a fragment?"). */
export function wordCount(text: string): number {
  return (text.match(WORD) ?? []).length;
}
