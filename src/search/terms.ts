import { APOSTROPHE, bareWord, fold, foldedWords, isAscii, isAsciiAlnum, isAsciiLower } from '../knowledge/text.js';

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
  return foldedTerms(fold(text));
}

/**
 * terms() of a text already folded by fold(). Every answer tokenises the hundreds of sentences it
 * scores: ASCII text (nearly all of it) is read without making a string per word, each word found
 * by the character scan of foldedWords (knowledge/text.ts, the same rules: letters and digits,
 * joined by an apostrophe before letters) and looked up by its characters in WORDS.
 */
export function foldedTerms(folded: string): string[] {
  const out: string[] = [];
  if (!isAscii(folded)) {
    for (const w of foldedWords(folded)) {
      const t = termOf(w);
      if (t) out.push(t);
    }
    return out;
  }
  const n = folded.length;
  let i = 0;
  while (i < n) {
    let c = folded.charCodeAt(i);
    if (!isAsciiAlnum(c)) {
      i++;
      continue;
    }
    const start = i;
    let h = FNV_OFFSET;
    do {
      h = Math.imul(h ^ c, FNV_PRIME);
      c = ++i < n ? folded.charCodeAt(i) : 0;
    } while (isAsciiAlnum(c));
    while (c === APOSTROPHE && i + 1 < n && isAsciiLower(folded.charCodeAt(i + 1))) {
      h = Math.imul(h ^ c, FNV_PRIME);
      c = folded.charCodeAt(++i);
      do {
        h = Math.imul(h ^ c, FNV_PRIME);
        c = ++i < n ? folded.charCodeAt(i) : 0;
      } while (isAsciiLower(c));
    }
    const t = WORDS.termOf(folded, start, i, h);
    if (t) out.push(t);
  }
  return out;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * Folded ASCII word as written ("nation's") → its term ('' for a stop word), in one open-addressing
 * table keyed by the word's characters (FNV-1a, computed by the scan): a look-up compares the
 * characters in place, where a Map needs the word sliced out as a new string first (a few hundred
 * strings per answer, all garbage). Cleared when full, as TERM_OF.
 */
class WordTable {
  private size = 0;
  private mask = (1 << 12) - 1;
  private keys: string[] = new Array<string>(this.mask + 1).fill('');
  private values: string[] = new Array<string>(this.mask + 1).fill('');
  private hashes = new Int32Array(this.mask + 1);

  termOf(text: string, start: number, end: number, h: number): string {
    const length = end - start;
    const { keys, hashes, mask } = this;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const key = keys[slot]!;
      if (key === '') break;
      if (hashes[slot] === h && key.length === length) {
        let i = 0;
        while (i < length && key.charCodeAt(i) === text.charCodeAt(start + i)) i++;
        if (i === length) return this.values[slot]!;
      }
    }
    const word = text.slice(start, end);
    // Not through TERM_OF: the table is the cache of ASCII words, each held once.
    const term = termFor(bareWord(word));
    if (this.size >= TERM_CACHE_LIMIT) this.resize(this.mask, false);
    else if ((this.size + 1) * 2 > mask + 1) this.resize(mask * 2 + 1, true);
    this.insert(word, term, h);
    return term;
  }

  private insert(word: string, term: string, h: number): void {
    let slot = h & this.mask;
    while (this.keys[slot] !== '') slot = (slot + 1) & this.mask;
    this.keys[slot] = word;
    this.values[slot] = term;
    this.hashes[slot] = h;
    this.size++;
  }

  /** A table of `mask + 1` slots, holding the present words when `keep` (growing), else empty. */
  private resize(mask: number, keep: boolean): void {
    const { keys, values, hashes } = this;
    this.mask = mask;
    this.keys = new Array<string>(mask + 1).fill('');
    this.values = new Array<string>(mask + 1).fill('');
    this.hashes = new Int32Array(mask + 1);
    this.size = 0;
    if (keep) for (let s = 0; s < keys.length; s++) if (keys[s] !== '') this.insert(keys[s]!, values[s]!, hashes[s]!);
  }
}
const WORDS = new WordTable();
