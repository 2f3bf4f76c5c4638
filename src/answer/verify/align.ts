import { asciiLower, isAscii, wordSpans } from '../../knowledge/text.js';
import { FNV_OFFSET, FNV_PRIME, wordKey } from '../../search/terms.js';
import { expansionOf, keyOf, LISTED_WORDS } from './forms.js';

/**
 * Word-level alignment of a claim with a source text. A claim is compared word by word, ignoring
 * case, punctuation, quotation-mark style and whitespace (the folded words of `wordSpans`); `…`,
 * `...` or `[…]` in a claim stands for words left out, so the source may skip any number of words there.
 */

export interface Token {
  /** Folded form as written ("don’t" → "dont"), what the index and the phrase tests read. */
  norm: string;
  /**
   * What claim and source words are compared by: one spelling ("behaviour" → "behavior"), digits
   * for number words, and a contraction read as its words ("don’t" → "do", "not": two tokens).
   */
  key: string;
  /** The second (third …) word of a contraction read as its words: not a word of the text by itself. */
  part?: boolean;
  /** The word as written. */
  raw: string;
  start: number;
  end: number;
}

export interface Claim {
  text: string;
  /** The claim's words, one list per stretch between omission marks. */
  fragments: Token[][];
  words: Token[];
}

const OMISSION = /\[\s*(?:\u2026|\.\.\.)\s*\]|\u2026|\.{3,}/g;

/**
 * The words of a text with offsets, as `wordSpans` reads them (letters and digits, inner
 * apostrophes; folded, possessive 's and apostrophes dropped), by a character loop: it runs for
 * every candidate passage, and the Unicode regular expression was most of verify's time.
 */
export function tokens(text: string, offset = 0): Token[] {
  return OWN.read(text, offset).tokens(0, OWN.count);
}

/**
 * A text's words as the alignment compares them, in arrays reused from one text to the next: each
 * word's place, its key, and whether it is a contraction's second (third …) word. /verify aligns
 * dozens of passages per claim (a splice search hundreds), and a Token object with three strings
 * for every word of each was nearly half of its garbage; only the few words a match keeps become
 * Tokens (`tokens`). A plain ASCII word's key is looked up by its characters, with no string made.
 */
export class Words {
  count = 0;
  start = new Int32Array(256);
  end = new Int32Array(256);
  /** Each word's key ('' when read for a claim and its shape shows it is none of the claim's: worked out when made a Token). */
  key: string[] = [];
  /** Read for a claim: each word's number among the claim's keys (see claimKeysOf), or -1. */
  id = new Int32Array(256);
  /** 0 for a word as written; j > 0 for the j+1-th word of a contraction read as its words. */
  sub = new Uint8Array(256);
  /** The claim the words were read for (their ids are its), or null. */
  claim: Claim | null = null;
  private keys: ClaimKeys | null = null;
  /** Set by the scan on a word that may be a contraction (an apostrophe, or "cannot"). */
  private maybe = new Uint8Array(256);
  private text = '';
  private offset = 0;

  /**
   * Reads the words of `text` (offsets shifted by `offset`), replacing those read before. For a
   * claim, each word is numbered by the claim's keys, and a plain word whose first letter and
   * length no key of the claim (nor any listed word) allows is not looked up at all.
   */
  read(text: string, offset = 0, claim: Claim | null = null): this {
    this.text = text;
    this.offset = offset;
    this.count = 0;
    this.claim = claim;
    const keys = claim ? claimKeysOf(claim) : null;
    this.keys = keys;
    let maybe = 0;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const first = text.charCodeAt(i);
      if (first < 128 ? !isAsciiWordChar(first) : !isWordChar(text, i)) {
        i++;
        continue;
      }
      const start = i;
      let ascii = true;
      let apostrophe = false;
      let h = FNV_OFFSET;
      for (;;) {
        // Each character read once: ASCII tested in place (and hashed lower-cased), the rest by isWordChar.
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c < 128) {
            if (!isAsciiWordChar(c)) break;
            h = Math.imul(h ^ asciiLower(c), FNV_PRIME);
          } else {
            if (!isWordChar(text, i)) break;
            ascii = false;
          }
          i++;
        }
        const c = text.charCodeAt(i);
        // An inner apostrophe joins letters ("don't", "Russia's"); digits after it do not.
        if ((c === 39 || c === 0x2019) && i + 1 < n && isLetter(text, i + 1)) {
          ascii = ascii && c === 39;
          apostrophe = true;
          i++;
          continue;
        }
        break;
      }
      let key: string;
      let contraction: boolean;
      if (ascii && !apostrophe) {
        const length = i - start;
        key =
          keys !== null && length < LONG_SHAPE && keys.shapes[asciiLower(first) * LONG_SHAPE + length] === 0 ? '' : wordKey(text, start, i, h, keyOf);
        contraction = length === 6 && isCannot(text, start);
      } else {
        const raw = text.slice(start, i);
        const norm = normOf(raw);
        key = keyOf(norm);
        contraction = norm === 'cannot' || raw.length !== norm.length;
      }
      const k = this.count;
      if (k === this.start.length) this.grow(2 * k);
      this.start[k] = start + offset;
      this.end[k] = i + offset;
      this.key[k] = key;
      this.id[k] = keys === null || key === '' ? -1 : (keys.ids.get(key) ?? -1);
      this.sub[k] = 0;
      this.maybe[k] = contraction ? 1 : 0;
      this.count = k + 1;
      if (contraction) maybe++;
    }
    if (maybe > 0) this.expand();
    return this;
  }

  /** Tokens of words `from` to `to` (exclusive), as `tokens` gives them. */
  tokens(from: number, to: number): Token[] {
    const out: Token[] = [];
    for (let k = from; k < to; k++) {
      const start = this.start[k]!;
      const end = this.end[k]!;
      const raw = this.text.slice(start - this.offset, end - this.offset);
      const key = this.key[k]!;
      // The key of a contraction's words is the word itself (as `expansionOf` gives it), not keyOf's.
      if (this.sub[k]! > 0) out.push({ norm: key, key, raw, start, end, part: true });
      else {
        const norm = normOf(raw);
        out.push({ norm, key: key || keyOf(norm), raw, start, end });
      }
    }
    return out;
  }

  /** Each contraction read as its words, all of them spanning the contraction (moved in place, from the end). */
  private expand(): void {
    const n = this.count;
    const found: Array<[number, string[]]> = [];
    let extra = 0;
    for (let k = 0; k < n; k++) {
      if (this.maybe[k] !== 1) continue;
      const raw = this.rawAt(k);
      // The following word as written, folded (what `expansionOf` reads "'s been" and "'d better" by).
      const words = expansionOf(raw.toLowerCase(), k + 1 < n ? normOf(this.rawAt(k + 1)) : undefined);
      if (!words) continue;
      found.push([k, words]);
      extra += words.length - 1;
    }
    if (!found.length) return;
    if (n + extra > this.start.length) this.grow(n + extra);
    const { start, end, key, sub, id, keys } = this;
    let to = n + extra;
    let f = found.length - 1;
    for (let k = n - 1; k >= 0; k--) {
      if (f >= 0 && found[f]![0] === k) {
        const words = found[f--]![1];
        for (let j = words.length - 1; j >= 0; j--) {
          to--;
          start[to] = start[k]!;
          end[to] = end[k]!;
          key[to] = words[j]!;
          id[to] = keys === null ? -1 : (keys.ids.get(words[j]!) ?? -1);
          sub[to] = j;
        }
      } else {
        to--;
        start[to] = start[k]!;
        end[to] = end[k]!;
        key[to] = key[k]!;
        id[to] = id[k]!;
        sub[to] = 0;
      }
    }
    this.count = n + extra;
  }

  private rawAt(k: number): string {
    return this.text.slice(this.start[k]! - this.offset, this.end[k]! - this.offset);
  }

  private grow(size: number): void {
    const grown = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a.subarray(0, this.count));
      return b;
    };
    this.start = grown(this.start);
    this.end = grown(this.end);
    this.id = grown(this.id);
    const sub = new Uint8Array(size);
    sub.set(this.sub.subarray(0, this.count));
    this.sub = sub;
    const maybe = new Uint8Array(size);
    maybe.set(this.maybe.subarray(0, this.count));
    this.maybe = maybe;
  }
}

/** A word's folded form as `tokens` gives it: lower case, accents folded, possessive 's and apostrophes dropped. */
function normOf(raw: string): string {
  if (!isAscii(raw)) return wordSpans(raw)[0]?.word ?? raw.toLowerCase();
  const norm = raw.toLowerCase();
  return norm.includes("'") ? norm.replace(/'s$/, '').replace(/'/g, '') : norm;
}

/** "cannot" in any case at text[start, start + 6). */
function isCannot(text: string, start: number): boolean {
  for (let k = 0; k < 6; k++) if (asciiLower(text.charCodeAt(start + k)) !== CANNOT.charCodeAt(k)) return false;
  return true;
}
const CANNOT = 'cannot';

/** The words `tokens` reads; matchIn has its own (candidates.ts), so neither overwrites the other's. */
const OWN = new Words();

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const LETTER = /\p{L}/u;

const isAsciiWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return WORD_CHAR.test(text[i]!) || (c >= 0xd800 && c <= 0xdbff && WORD_CHAR.test(text.slice(i, i + 2)));
}

function isLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return LETTER.test(text[i]!);
}

/** The claim's words, split at omission marks. */
export function readClaim(text: string): Claim {
  const fragments: Token[][] = [];
  let from = 0;
  for (const m of text.matchAll(OMISSION)) {
    fragments.push(tokens(text.slice(from, m.index), from));
    from = (m.index ?? 0) + m[0].length;
  }
  fragments.push(tokens(text.slice(from), from));
  const kept = fragments.filter((f) => f.length > 0);
  return { text, fragments: kept, words: kept.flat() };
}

export interface Alignment {
  /** Word edits (a claim word changed, added or dropped; a source word missing inside a stretch). */
  edits: number;
  /** Claim words equal to their source word. */
  same: number;
  /** For each claim word, the index of the source word it equals, or -1 (changed or added). */
  pairs: Int32Array;
}

/**
 * The matrices, reused from one alignment to the next (grown when needed): verify aligns dozens
 * of passages per claim, and fresh arrays each time kept the garbage collector busy.
 */
let shared = { cost: new Int32Array(0), move: new Uint8Array(0), from: new Int32Array(0) };
function buffers(size: number): typeof shared {
  if (shared.cost.length < size) {
    const n = Math.max(size, shared.cost.length * 2);
    shared = { cost: new Int32Array(n), move: new Uint8Array(n), from: new Int32Array(n) };
  }
  return shared;
}

/** The per-source-word rows, reused the same way (four fresh arrays per alignment were a fifth of its time). */
let rows = { part: new Uint8Array(0), sourceKey: new Int32Array(0), prevMin: new Int32Array(0), prevArg: new Int32Array(0) };
function rowBuffers(width: number): typeof rows {
  if (rows.prevMin.length < width) {
    const n = Math.max(width, rows.prevMin.length * 2);
    rows = { part: new Uint8Array(n), sourceKey: new Int32Array(n), prevMin: new Int32Array(n), prevArg: new Int32Array(n) };
  }
  return rows;
}

/**
 * A claim's words numbered by key (a word's number is that of the first word with its key), and
 * where each fragment starts, worked out once per claim: it is aligned with dozens of passages, and
 * each cell then compares two numbers where it compared two strings twice.
 */
interface ClaimKeys {
  ids: Map<string, number>;
  claimKey: Int32Array;
  boundary: Uint8Array;
  /**
   * By a plain word's first letter (lower-cased) and length (see Words.read): 1 when its key may be
   * one of the claim's. A word's key is itself, a rule's respelling of the same first letters and
   * length or one letter less ("behaviour" → "behavior", "organise" → "organize"), or a listed
   * word's (number words, spellings: their shapes are all marked).
   */
  shapes: Uint8Array;
}
const CLAIM_KEYS = new WeakMap<Claim, ClaimKeys>();

/** Plain words this long and longer are always looked up (see ClaimKeys.shapes). */
const LONG_SHAPE = 64;
const LISTED_SHAPES = new Uint8Array(128 * LONG_SHAPE);
for (const word of LISTED_WORDS) {
  const first = word.charCodeAt(0);
  if (word.length > 0 && first < 128 && word.length < LONG_SHAPE) LISTED_SHAPES[first * LONG_SHAPE + word.length] = 1;
}
function claimKeysOf(claim: Claim): ClaimKeys {
  let known = CLAIM_KEYS.get(claim);
  if (!known) {
    const c = claim.words;
    const ids = new Map<string, number>();
    const claimKey = new Int32Array(c.length);
    for (let i = 0; i < c.length; i++) {
      const key = c[i]!.key;
      let id = ids.get(key);
      if (id === undefined) {
        id = i;
        ids.set(key, id);
      }
      claimKey[i] = id;
    }
    const boundary = new Uint8Array(c.length + 1);
    let at = 0;
    for (const f of claim.fragments) {
      if (at > 0) boundary[at] = 1;
      at += f.length;
    }
    const shapes = LISTED_SHAPES.slice();
    for (const key of ids.keys()) {
      const first = key.charCodeAt(0);
      if (first < 128) for (const length of [key.length, key.length + 1]) if (length < LONG_SHAPE) shapes[first * LONG_SHAPE + length] = 1;
    }
    known = { ids, claimKey, boundary, shapes };
    CLAIM_KEYS.set(claim, known);
  }
  return known;
}

const DIAG = 0;
const UP = 1;
const LEFT = 2;

/**
 * The cheapest way to read the claim inside the source (edit distance over words, free to start and
 * end anywhere in the source, and free to skip source words at each omission mark). O(claim × source).
 */
export function align(claim: Claim, source: Words): Alignment | null {
  const c = claim.words;
  const n = c.length;
  const m = source.count;
  if (n === 0 || m === 0) return null;
  const width = m + 1;
  const { cost, move, from } = buffers((n + 1) * width);
  const { ids, claimKey, boundary } = claimKeysOf(claim);
  for (let j = 0; j <= m; j++) {
    from[j] = j;
    cost[j] = 0;
  }
  // Which source words are a contraction's second word (dropped with the first at no cost), and
  // which claim word (by number) each source word equals (-1: none), read once.
  const { part, sourceKey, prevMin, prevArg } = rowBuffers(width);
  // (Words read for this claim are numbered already; some of their keys were never looked up.)
  const numbered = source.claim === claim;
  if (!numbered && source.claim !== null) throw new Error('align: words read for another claim');
  for (let j = 0; j < m; j++) {
    part[j] = source.sub[j]! > 0 ? 1 : 0;
    sourceKey[j] = numbered ? source.id[j]! : (ids.get(source.key[j]!) ?? -1);
  }
  for (let i = 1; i <= n; i++) {
    const row = i * width;
    const prev = (i - 1) * width;
    if (boundary[i - 1]) {
      // Row i-1 ends a fragment: its best cell so far may be carried right for free.
      let best = cost[prev]!;
      let arg = 0;
      for (let j = 0; j <= m; j++) {
        if (cost[prev + j]! < best) [best, arg] = [cost[prev + j]!, j];
        prevMin[j] = best;
        prevArg[j] = arg;
      }
    }
    const word = claimKey[i - 1]!;
    // The second word of a contraction read as its words is added or dropped with the first, at no
    // further cost: leaving out "don't" is one word changed, as leaving out "not" is.
    const addCost = c[i - 1]!.part ? 0 : 1;
    cost[row] = cost[prev]! + addCost;
    move[row] = UP;
    from[row] = 0;
    const skip = boundary[i - 1] === 1;
    for (let j = 1; j <= m; j++) {
      const match = sourceKey[j - 1] === word;
      const diagCost = (skip ? prevMin[j - 1]! : cost[prev + j - 1]!) + (match ? 0 : 1);
      const upCost = (skip ? prevMin[j]! : cost[prev + j]!) + addCost;
      const leftCost = cost[row + j - 1]! + 1 - part[j - 1]!;
      // On a tie: an equal word first; else a source word dropped, then a word changed, then a
      // claim word added (so "very zeppelin seriously" reads as "very" changed, not "zeppelin" added).
      let best = diagCost;
      let dir = DIAG;
      if (leftCost < best || (!match && leftCost === best)) {
        best = leftCost;
        dir = LEFT;
      }
      if (upCost < best) {
        best = upCost;
        dir = UP;
      }
      cost[row + j] = best;
      move[row + j] = dir;
      if (skip) from[row + j] = dir === DIAG ? prevArg[j - 1]! : dir === UP ? prevArg[j]! : -1;
    }
  }
  let end = 1;
  for (let j = 1; j <= m; j++) if (cost[n * width + j]! < cost[n * width + end]!) end = j;
  const edits = cost[n * width + end]!;
  // Trace back: which source word each claim word equals (-1 for a changed or added word).
  const pairs = new Int32Array(n).fill(-1);
  let same = 0;
  let i = n;
  let j = end;
  while (i > 0) {
    const cell = i * width + j;
    const dir = j === 0 ? UP : move[cell]!;
    if (dir === LEFT) {
      j--;
      continue;
    }
    let pj = dir === DIAG ? j - 1 : j;
    if (dir === DIAG && sourceKey[j - 1] === claimKey[i - 1]) {
      pairs[i - 1] = j - 1;
      same++;
    }
    if (boundary[i - 1] && j > 0 && from[cell]! >= 0) pj = from[cell]!;
    i--;
    j = pj;
  }
  return { edits, same, pairs };
}
