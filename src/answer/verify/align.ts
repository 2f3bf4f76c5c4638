import { wordSpans } from '../../knowledge/text.js';
import { expansionOf, keyOf } from './forms.js';

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
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  let contracted = false;
  while (i < n) {
    const first = text.charCodeAt(i);
    if (first < 128 ? !isAsciiWordChar(first) : !isWordChar(text, i)) {
      i++;
      continue;
    }
    const start = i;
    let ascii = true;
    for (;;) {
      // Each character read once: ASCII tested in place, the rest by isWordChar.
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c < 128) {
          if (!isAsciiWordChar(c)) break;
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
        i++;
        continue;
      }
      break;
    }
    const raw = text.slice(start, i);
    let norm = ascii ? raw.toLowerCase() : (wordSpans(raw)[0]?.word ?? raw.toLowerCase());
    if (ascii && norm.includes("'")) norm = norm.replace(/'s$/, '').replace(/'/g, '');
    if (norm === 'cannot' || raw.length !== norm.length) contracted = true;
    out.push({ norm, key: keyOf(norm), raw, start: start + offset, end: i + offset });
  }
  return contracted ? expanded(out) : out;
}

/** The tokens with each contraction read as its words, all of them spanning the contraction. */
function expanded(list: Token[]): Token[] {
  const out: Token[] = [];
  list.forEach((t, k) => {
    // Only a word written other than its folded form (an apostrophe) or "cannot" can be a contraction.
    const words = t.raw.length !== t.norm.length || t.norm === 'cannot' ? expansionOf(t.raw.toLowerCase(), list[k + 1]?.norm) : null;
    if (!words) {
      out.push(t);
      return;
    }
    words.forEach((w, j) => {
      out.push({ ...t, key: w, ...(j > 0 ? { norm: w, part: true } : {}) });
    });
  });
  return out;
}

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
}
const CLAIM_KEYS = new WeakMap<Claim, ClaimKeys>();
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
    known = { ids, claimKey, boundary };
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
export function align(claim: Claim, source: Token[]): Alignment | null {
  const c = claim.words;
  const n = c.length;
  const m = source.length;
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
  for (let j = 0; j < m; j++) {
    part[j] = source[j]!.part ? 1 : 0;
    sourceKey[j] = ids.get(source[j]!.key) ?? -1;
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
