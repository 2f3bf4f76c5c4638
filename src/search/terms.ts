import { APOSTROPHE, asciiLower as lower, bareWord, fold, foldedWords, isAscii, isAsciiAlnum, isAsciiLower } from '../knowledge/text.js';

/** Index terms: folded words, light plural stemming, no stop words. Used for documents and queries alike. */

const STOP_WORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on
once only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where which while
who whom why will with would you your yours yourself yourselves also may might must shall upon us let s t`.split(/\s+/),
);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/**
 * A deliberately light plural stemmer (after Harman's S-stemmer): "elections" → "election",
 * "allies" → "ally", "processes" → "process". Heavier stemmers (Porter) merge words a journalist
 * would keep apart ("general"/"generous"), and fuzzy matching already covers most other variants.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && !/[ae]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('es') && !/[aeo]es$/.test(word)) return word.slice(0, -1);
  if (word.endsWith('s') && !/(us|ss|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

// Word → term (or '' for a stop word). Indexing 6 million words meets only ~100k distinct ones.
const TERM_OF = new Map<string, string>();
const TERM_CACHE_LIMIT = 500_000;

/** A folded word's index term, '' for a stop word. */
const termFor = (word: string) => (STOP_WORDS.has(word) ? '' : stem(word));

function termOf(word: string): string {
  let t = TERM_OF.get(word);
  if (t === undefined) {
    t = termFor(word);
    if (TERM_OF.size >= TERM_CACHE_LIMIT) TERM_OF.clear();
    TERM_OF.set(word, t);
  }
  return t;
}

/** Terms of a text, in order, stop words removed. */
export function terms(text: string): string[] {
  // ASCII text folds to its lower case, which the scan applies as it reads (no folded copy made).
  return isAscii(text) || readAsWritten(text) ? asciiTerms(text) : foldedTerms(fold(text));
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range, starting at U+0000 on purpose
const NOT_QUOTED_ASCII = /[^\x00-\x7f\u201c\u201d]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range, starting at U+0000 on purpose
const NOT_AS_WRITTEN = /['\u2018\u2019\u02bc\u2032]|[^\x00-\x7f\u2010-\u2015\u201c\u201d]/;

/**
 * Text asciiTerms reads as written, with the terms of its folded form: no apostrophe of any kind
 * (a folded one joins words, see foldedWords), and no non-ASCII character but typographic
 * quotation marks and dashes, which folding leaves as they are or makes "-", none of them a
 * letter, so the words are the same (most quoted speech: “…” and — are its only such characters,
 * and folding a copy and reading it by the Unicode word pattern cost several times the scan).
 */
export function readAsWritten(text: string): boolean {
  return !NOT_AS_WRITTEN.test(text);
}

/**
 * terms() of a text already folded by fold(). Every answer tokenises the hundreds of sentences it
 * scores: ASCII text (nearly all of it) is read without making a string per word, each word found
 * by the character scan of foldedWords (knowledge/text.ts, the same rules: letters and digits,
 * joined by an apostrophe before letters) and looked up by its characters in WORDS.
 */
export function foldedTerms(folded: string): string[] {
  // Curly double quotation marks (which folding keeps) are no letters for either reading.
  if (isAscii(folded) || !NOT_QUOTED_ASCII.test(folded)) return asciiTerms(folded);
  const out: string[] = [];
  for (const w of foldedWords(folded)) {
    const t = termOf(w);
    if (t) out.push(t);
  }
  return out;
}

/**
 * terms() of ASCII text, folded or not: folding ASCII is lower-casing, done here per character
 * (A-Z → a-z) as the scan reads it, so the text needs no lower-case copy.
 */
export function asciiTerms(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = lower(text.charCodeAt(i));
    if (!isAsciiAlnum(c)) {
      i++;
      continue;
    }
    const start = i;
    let h = FNV_OFFSET;
    do {
      h = Math.imul(h ^ c, FNV_PRIME);
      c = ++i < n ? lower(text.charCodeAt(i)) : 0;
    } while (isAsciiAlnum(c));
    while (c === APOSTROPHE && i + 1 < n && isAsciiLower(lower(text.charCodeAt(i + 1)))) {
      h = Math.imul(h ^ c, FNV_PRIME);
      c = lower(text.charCodeAt(++i));
      do {
        h = Math.imul(h ^ c, FNV_PRIME);
        c = ++i < n ? lower(text.charCodeAt(i)) : 0;
      } while (isAsciiLower(c));
    }
    const t = WORDS.termOf(text, start, i, h);
    if (t) out.push(t);
  }
  return out;
}

/** FNV-1a over a word's character codes: the hash the ASCII scans (here, index-builder.ts and verify/align.ts) compute as they read. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/**
 * Folded ASCII word as written ("nation's") → its term ('' for a stop word), in one open-addressing
 * table keyed by the word's characters (FNV-1a, computed by the scan): a look-up compares the
 * characters in place, where a Map needs the word sliced out as a new string first (a few hundred
 * strings per answer, all garbage). The words' characters are kept in one byte array and each
 * slot's hash, length and offset side by side in one typed array (one cache line per probe), so a
 * look-up reads no string but the term it returns: reading each key string's characters through
 * its pointer was a tenth of an answer's time. Cleared when full, as TERM_OF.
 *
 * /verify keeps a second string per word beside its term (its comparison key, see `second`), in
 * this one table: a second instance of the class made the term look-ups 3% of an answer slower.
 */
class WordTable {
  private size = 0;
  private mask = (1 << 12) - 1;
  private values: string[] = new Array<string>(this.mask + 1).fill('');
  private seconds: Array<string | undefined> = new Array<string | undefined>(this.mask + 1).fill(undefined);
  /** Per slot, SLOT entries: the hash, the word's length (0: an empty slot), where it starts in `chars`. */
  private slots = new Int32Array(SLOT * (this.mask + 1));
  private chars = new Uint8Array(1 << 15);
  private used = 0;

  /** The term of the word text[start, end) as the scan read it (lower-cased, hash `h`). */
  termOf(text: string, start: number, end: number, h: number): string {
    const length = end - start;
    const { slots, chars, mask } = this;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const at = SLOT * slot;
      const l = slots[at + 1]!;
      if (l === 0) break;
      if (slots[at] === h && l === length) {
        const from = slots[at + 2]!;
        let i = 0;
        while (i < length && chars[from + i] === lower(text.charCodeAt(start + i))) i++;
        if (i === length) return this.values[slot]!;
      }
    }
    // (The slot first: adding may grow the table, replacing `values`.)
    const added = this.add(text.slice(start, end).toLowerCase(), h);
    return this.values[added]!;
  }

  /**
   * A second string worked out from the same word by `compute` (given it lower-cased), kept beside
   * its term: /verify's comparison key of every word of the passages it aligns.
   */
  second(text: string, start: number, end: number, h: number, compute: (word: string) => string): string {
    let slot = this.slotOf(text, start, end, h);
    if (slot === -1) slot = this.add(text.slice(start, end).toLowerCase(), h);
    let value = this.seconds[slot];
    if (value === undefined) {
      value = compute(text.slice(start, end).toLowerCase());
      this.seconds[slot] = value;
    }
    return value;
  }

  /** Where the word text[start, end) (lower-cased, hash `h`) is held, or -1. */
  private slotOf(text: string, start: number, end: number, h: number): number {
    const length = end - start;
    const { slots, chars, mask } = this;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const at = SLOT * slot;
      const l = slots[at + 1]!;
      if (l === 0) return -1;
      if (slots[at] === h && l === length) {
        const from = slots[at + 2]!;
        let i = 0;
        while (i < length && chars[from + i] === lower(text.charCodeAt(start + i))) i++;
        if (i === length) return slot;
      }
    }
  }

  /** Holds a word not held yet, with its term; returns its slot. */
  private add(word: string, h: number): number {
    // Not through TERM_OF: the table is the cache of ASCII words, each held once.
    const term = termFor(bareWord(word));
    if (this.size >= TERM_CACHE_LIMIT) this.resize(this.mask, false);
    else if ((this.size + 1) * 2 > this.mask + 1) this.resize(this.mask * 2 + 1, true);
    return this.insert(this.store(word), word.length, term, undefined, h);
  }

  /** Copies a word's characters into `chars`, returning where they start. */
  private store(word: string): number {
    if (this.used + word.length > this.chars.length) {
      const bigger = new Uint8Array(Math.max(this.chars.length * 2, this.used + word.length));
      bigger.set(this.chars.subarray(0, this.used));
      this.chars = bigger;
    }
    const at = this.used;
    for (let i = 0; i < word.length; i++) this.chars[at + i] = word.charCodeAt(i);
    this.used += word.length;
    return at;
  }

  private insert(from: number, length: number, term: string, second: string | undefined, h: number): number {
    let slot = h & this.mask;
    while (this.slots[SLOT * slot + 1] !== 0) slot = (slot + 1) & this.mask;
    const at = SLOT * slot;
    this.slots[at] = h;
    this.slots[at + 1] = length;
    this.slots[at + 2] = from;
    this.values[slot] = term;
    this.seconds[slot] = second;
    this.size++;
    return slot;
  }

  /** A table of `mask + 1` slots, holding the present words when `keep` (growing), else empty. */
  private resize(mask: number, keep: boolean): void {
    const { values, seconds, slots } = this;
    this.mask = mask;
    this.values = new Array<string>(mask + 1).fill('');
    this.seconds = new Array<string | undefined>(mask + 1).fill(undefined);
    this.slots = new Int32Array(SLOT * (mask + 1));
    this.size = 0;
    if (keep) {
      for (let s = 0; s < values.length; s++) {
        const at = SLOT * s;
        if (slots[at + 1] !== 0) this.insert(slots[at + 2]!, slots[at + 1]!, values[s]!, seconds[s], slots[at]!);
      }
    } else this.used = 0;
  }
}

/** Int32 entries per WordTable slot (three used: a power of two keeps a slot within one cache line). */
const SLOT = 4;
const WORDS = new WordTable();

/** The comparison key of /verify (`compute`, given the word lower-cased) of the ASCII word text[start, end), read with hash `h` as asciiTerms reads words. */
export function wordKey(text: string, start: number, end: number, h: number, compute: (word: string) => string): string {
  return WORDS.second(text, start, end, h, compute);
}
