import { sortedHas } from './sorted.js';

/**
 * Query-word correction against the index vocabulary ("chna" → "china", "nucler" → "nuclear",
 * "uyghurs" ↔ "uighurs"). Candidates come from shared letter pairs (a bigram index), then a true
 * Damerau–Levenshtein distance decides. This costs well under a millisecond per word on a
 * 100k-word vocabulary, where scanning every word with fuse.js's Bitap costs tens of milliseconds.
 */

export interface Correction {
  term: string;
  distance: number;
}

/** Most edits allowed for a word of this length: none for short words, where a typo is indistinguishable from another word. */
export function maxEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 6) return 1;
  return 2;
}

export class Speller {
  /** Bigram-and-length key (see gramKey) → its list's slot; list `s` is `ids[offsets[s] .. offsets[s + 1])`, ids ascending. */
  private readonly slots = new Map<number, number>();
  private readonly offsets: Uint32Array;
  private readonly ids: Uint32Array;
  /** Shared-bigram counts per vocabulary word, reset after each lookup via the touched list. */
  private readonly counts: Uint16Array;
  /** The words one look-up meets (see candidates). */
  private readonly touched: Uint32Array;

  /** collect()'s lists of one length, reused. */
  private readonly lists: Uint32Array[] = [];

  /**
   * `has` (optional) says whether the vocabulary holds a word: with it, a one-edit look-up spells
   * out the shorter words and the transpositions instead of reading lists for them.
   */
  constructor(
    private readonly vocabulary: string[],
    private readonly frequency: (term: string) => number,
    private readonly has?: (term: string) => boolean,
  ) {
    // Keyed by bigram and word length: a lookup reads only words of a length within its edit
    // budget, a fraction of what the common bigrams ("er", "in") would otherwise drag in. Built
    // as flat arrays (a count, then a fill) under numeric keys: a list per string key made this a
    // fifth of a restart.
    let slotOfGram = new Uint32Array(1 << 16);
    let grams = 0;
    const sizes: number[] = [];
    const last: number[] = [];
    vocabulary.forEach((term, id) => {
      const length = term.length;
      let prev = START;
      for (let i = 0; i <= length; i++) {
        const unit = i < length ? term.charCodeAt(i) : END;
        const key = gramKey(prev, unit, length);
        prev = unit;
        let slot = this.slots.get(key);
        if (slot === undefined) {
          slot = sizes.length;
          this.slots.set(key, slot);
          sizes.push(0);
          last.push(-1);
        }
        if (grams === slotOfGram.length) {
          const bigger = new Uint32Array(grams * 2);
          bigger.set(slotOfGram);
          slotOfGram = bigger;
        }
        // A bigram a word holds twice lists it once.
        if (last[slot] === id) {
          slotOfGram[grams++] = NO_SLOT;
          continue;
        }
        last[slot] = id;
        sizes[slot]!++;
        slotOfGram[grams++] = slot;
      }
    });
    this.offsets = new Uint32Array(sizes.length + 1);
    for (let s = 0; s < sizes.length; s++) this.offsets[s + 1] = this.offsets[s]! + sizes[s]!;
    this.ids = new Uint32Array(this.offsets[sizes.length]!);
    const fill = this.offsets.slice(0, sizes.length);
    let g = 0;
    vocabulary.forEach((term, id) => {
      for (let i = 0; i <= term.length; i++) {
        const slot = slotOfGram[g++]!;
        if (slot !== NO_SLOT) this.ids[fill[slot]!++] = id;
      }
    });
    this.counts = new Uint16Array(vocabulary.length);
    this.touched = new Uint32Array(vocabulary.length);
  }

  /** The ids of the words of length `length` holding bigram `gram` (two code units, "^"/"$" at the edges). */
  private listOf(gram: string, length: number): Uint32Array | undefined {
    const slot = this.slots.get(gramKey(gram.charCodeAt(0), gram.charCodeAt(1), length));
    return slot === undefined ? undefined : this.ids.subarray(this.offsets[slot]!, this.offsets[slot + 1]!);
  }

  /**
   * The closest vocabulary terms, trying one edit before two: most typos are one edit away, and
   * the one-edit lookup reads far fewer candidates.
   */
  nearest(word: string, limit = 3, budget = maxEdits(word.length)): Correction[] {
    for (let b = 1; b <= budget; b++) {
      const found = this.candidates(word, limit, b);
      if (found.length) return found;
    }
    return [];
  }

  /** Vocabulary terms within the edit budget of `word`, closest and most frequent first. */
  candidates(word: string, limit = 3, budget = maxEdits(word.length)): Correction[] {
    if (budget === 0) return [];
    const grams = new Set(bigramsOf(word));
    const found: Correction[] = [];
    const n = word.length;
    if (budget === 1) {
      // One edit, by the length it leaves: a word one longer is one insertion, which splits one
      // bigram, so it holds all but one of the word's; one of the same length is a substitution
      // (all but two) or a transposition (all but three, spelled out here instead: the lists
      // would have to admit a third missing bigram for them); one shorter is one of the word's
      // `n` deletions, spelled out and looked up when the vocabulary can be asked. The same words
      // as reading every length's lists for all but three bigrams, from fewer and shorter lists.
      // (A word of three bigrams or fewer, "02", is read as before: all its words sharing one
      // bigram with it, which misses the transpositions sharing none, "20".)
      this.collect(word, grams, n + 1, grams.size - 1, 1, found);
      const has = this.has;
      if (has && grams.size > 3) {
        this.collect(word, grams, n, grams.size - 2, 1, found);
        for (let i = 0; i + 1 < n; i++) {
          if (word[i] === word[i + 1]) continue;
          spelled(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2), has, found);
        }
        if (n > 1) for (let i = 0; i < n; i++) spelled(word.slice(0, i) + word.slice(i + 1), has, found);
      } else {
        this.collect(word, grams, n, grams.size - 3, 1, found);
        this.collect(word, grams, n - 1, grams.size - 2, 1, found);
      }
    } else {
      // Each edit destroys at most three bigrams (a transposition), so fewer shared ones rule a word out.
      const needed = grams.size - 3 * budget;
      for (let len = n - budget; len <= n + budget; len++) this.collect(word, grams, len, needed, budget, found);
    }
    found.sort((a, b) => a.distance - b.distance || this.frequency(b.term) - this.frequency(a.term) || (a.term < b.term ? -1 : 1));
    return found.slice(0, limit);
  }

  /**
   * Adds to `found` the vocabulary words of length `len` holding at least `needed` of `grams`
   * (at least one) and within `budget` edits of `word` (itself aside).
   */
  private collect(word: string, grams: Set<string>, len: number, neededAtLeast: number, budget: number, found: Correction[]): void {
    if (len < 1) return;
    const needed = Math.max(1, neededAtLeast);
    // A word holding `needed` of the bigrams is missing from at most `grams.size - needed` of their
    // lists, so it is in one of any `grams.size - needed + 1` of them (a bigram no word of the
    // length holds counts as an empty list): words are taken from the shortest that many, and the
    // longer lists ("er", "in" hold thousands of words) only add to the counts of words taken.
    const seeds = grams.size - needed + 1;
    // The words met, in the order first met: one buffer reused by every look-up (a list pushed to
    // per word met, thousands per look-up, cost as much as the counting).
    const touched = this.touched;
    let met = 0;
    const counts = this.counts;
    const lists = this.lists;
    lists.length = 0;
    for (const g of grams) {
      const list = this.listOf(g, len);
      if (list) lists.push(list);
    }
    const taken = seeds - (grams.size - lists.length);
    if (taken <= 0) return;
    lists.sort((a, b) => a.length - b.length);
    for (let l = 0; l < lists.length; l++) {
      const list = lists[l]!;
      if (l < taken) {
        for (let k = 0; k < list.length; k++) {
          const id = list[k]!;
          if (counts[id] === 0) touched[met++] = id;
          counts[id]!++;
        }
      } else {
        // A word that would lack `needed` shared bigrams even if every list left held it is out
        // (its count back to 0, so it is no longer counted): after the seed lists most words met
        // are out, and the long lists are then read only for the few left.
        const left = lists.length - l;
        let kept = 0;
        for (let t = 0; t < met; t++) {
          const id = touched[t]!;
          if (counts[id]! + left >= needed) touched[kept++] = id;
          else counts[id] = 0;
        }
        met = kept;
        if (met * LOOKUP_COST < list.length) {
          // Far fewer words left than the list holds ("er" holds thousands): each is looked up
          // in it (its ids ascending), the same counts as reading the whole list for them.
          for (let t = 0; t < met; t++) {
            const id = touched[t]!;
            if (sortedHas(list, id)) counts[id]!++;
          }
        } else {
          for (let k = 0; k < list.length; k++) {
            const id = list[k]!;
            if (counts[id] !== 0) counts[id]!++;
          }
        }
      }
    }
    for (let t = 0; t < met; t++) {
      const id = touched[t]!;
      const shared = counts[id]!;
      counts[id] = 0;
      if (shared < needed) continue;
      const term = this.vocabulary[id] ?? '';
      if (term === word) continue;
      const d = damerauLevenshtein(word, term, budget);
      if (d <= budget) found.push({ term, distance: d });
    }
  }
}

/** A word one edit away spelled out: added to `found` when the vocabulary holds it and it is not there yet. */
function spelled(term: string, has: (term: string) => boolean, found: Correction[]): void {
  if (has(term) && !found.some((f) => f.term === term)) found.push({ term, distance: 1 });
}

/** A binary search in a list costs about this many of a scan's steps (log2 of a long list, and its branches). */
const LOOKUP_COST = 16;

/** The padding bigramsOf puts around a word. */
const START = '^'.charCodeAt(0);
const END = '$'.charCodeAt(0);
const NO_SLOT = 0xffffffff;

/**
 * A bigram (two UTF-16 code units) of a word of `length` as one number, exact below 2^53: the
 * lengths of words of a million letters and more (none in any text) would share a key.
 */
const gramKey = (a: number, b: number, length: number) => (a * 65536 + b) * 1048576 + Math.min(length, 1048575);

function bigramsOf(word: string): string[] {
  const padded = `^${word}$`;
  const out: string[] = [];
  for (let i = 0; i + 1 < padded.length; i++) out.push(padded.slice(i, i + 2));
  return out;
}

// Three rows of the distance table, reused by every call: a spelling look-up measures thousands of
// candidate words, and allocating rows for each was a fifth of its cost.
let rows = new Int32Array(3 * 64);

/**
 * Optimal-string-alignment distance: exact when it is at most `limit`, otherwise some value above
 * `limit` (callers only ask "within the budget?"). Only the band of cells |i − j| ≤ limit is
 * computed, since any cell outside it already costs more than `limit`, and it stops early once a
 * whole row exceeds `limit`.
 */
export function damerauLevenshtein(a: string, b: string, limit = Infinity): number {
  const n = a.length,
    m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  const width = m + 1;
  if (rows.length < 3 * width) rows = new Int32Array(3 * width * 2);
  // Values above `over` are all "too far"; capping them keeps the arithmetic in small integers.
  const over = Math.min(limit + 1, n + m + 1);
  const band = Math.min(limit, n + m);
  let prev2 = 0,
    prev = width,
    cur = 2 * width;
  const r = rows;
  for (let j = 0; j <= m; j++) r[prev + j] = Math.min(j, over);
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - band),
      to = Math.min(m, i + band);
    r[cur] = Math.min(i, over);
    // The cells just outside the band count as too far for the next row's reads.
    if (from > 1) r[cur + from - 1] = over;
    if (to < m) r[cur + to + 1] = over;
    let rowMin = from === 1 ? r[cur]! : over;
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = r[prev + j - 1]! + (ai === bj ? 0 : 1);
      const up = r[prev + j]! + 1;
      if (up < v) v = up;
      const left = r[cur + j - 1]! + 1;
      if (left < v) v = left;
      if (j > 1 && i > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj) {
        const swap = r[prev2 + j - 2]! + 1;
        if (swap < v) v = swap;
      }
      if (v > over) v = over;
      r[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return r[prev + m]!;
}
