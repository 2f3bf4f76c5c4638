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
  private readonly bigrams = new Map<string, Uint32Array>();
  /** Shared-bigram counts per vocabulary word, reset after each lookup via the touched list. */
  private readonly counts: Uint16Array;

  constructor(
    private readonly vocabulary: string[],
    private readonly frequency: (term: string) => number,
  ) {
    // Keyed by bigram and word length: a lookup reads only words of a length within its edit
    // budget, a fraction of what the common bigrams ("er", "in") would otherwise drag in.
    const building = new Map<string, number[]>();
    vocabulary.forEach((term, id) => {
      for (const g of bigramsOf(term)) {
        const key = `${g}${term.length}`;
        let list = building.get(key);
        if (!list) {
          list = [];
          building.set(key, list);
        }
        if (list[list.length - 1] !== id) list.push(id);
      }
    });
    for (const [g, list] of building) this.bigrams.set(g, Uint32Array.from(list));
    this.counts = new Uint16Array(vocabulary.length);
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
    const touched: number[] = [];
    const counts = this.counts;
    for (let len = Math.max(1, word.length - budget); len <= word.length + budget; len++) {
      for (const g of grams) {
        const list = this.bigrams.get(`${g}${len}`);
        if (!list) continue;
        for (let k = 0; k < list.length; k++) {
          const id = list[k]!;
          if (counts[id] === 0) touched.push(id);
          counts[id]!++;
        }
      }
    }
    // Each edit destroys at most three bigrams (a transposition), so fewer shared ones rule a word out.
    const needed = Math.max(1, grams.size - 3 * budget);
    const found: Correction[] = [];
    for (const id of touched) {
      const shared = counts[id]!;
      counts[id] = 0;
      if (shared < needed) continue;
      const term = this.vocabulary[id] ?? '';
      if (term === word || Math.abs(term.length - word.length) > budget) continue;
      const d = damerauLevenshtein(word, term, budget);
      if (d <= budget) found.push({ term, distance: d });
    }
    found.sort((a, b) => a.distance - b.distance || this.frequency(b.term) - this.frequency(a.term) || (a.term < b.term ? -1 : 1));
    return found.slice(0, limit);
  }
}

function bigramsOf(word: string): string[] {
  const padded = `^${word}$`;
  const out: string[] = [];
  for (let i = 0; i + 1 < padded.length; i++) out.push(padded.slice(i, i + 2));
  return out;
}

/** Optimal-string-alignment distance, stopping early once every path exceeds `limit`. */
export function damerauLevenshtein(a: string, b: string, limit = Infinity): number {
  const n = a.length,
    m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}
