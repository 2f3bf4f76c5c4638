import { words } from '../knowledge/text.js';
import { IndexBuilder, type IndexData } from './index-builder.js';
import { isEnglishWord } from './lexicon.js';
import { maxEdits, Speller } from './spell.js';
import { lowerBound } from './sorted.js';
import { isStopWord, stem } from './terms.js';
import { B, CORRECTION_WEIGHT, EXTENSION_WEIGHT, K1, MAX_EXTENSION, VARIANT_WEIGHT } from './tuning.js';

/**
 * An inverted index with BM25 ranking over passages. Why not fuse.js over the passages: a fuzzy
 * scan of every passage costs seconds at 100k passages (Discord allows 3 s for everything), and
 * Bitap scores rank a passage that merely contains similar letters above one about the topic.
 * Here fuzziness is spent once per query word (see spell.ts), then ranking is exact BM25 over
 * postings stored in typed arrays.
 */

export interface WeightedTerm {
  term: string;
  weight: number;
  /** The word the user typed, for "did you mean" notes. */
  typed: string;
}

export interface QueryPlan {
  terms: WeightedTerm[];
  /** Words that matched nothing, even approximately. */
  unknown: string[];
  /** Typed word → vocabulary word it was read as. */
  corrected: Array<{ typed: string; as: string }>;
}

export interface Hit {
  passage: number;
  score: number;
}

/**
 * Which passages a request may see (answer/scope.ts): `group[passage]` is the passage's scope group,
 * `open[group]` is 1 when the request's scope sees that group. Two array reads per passage met.
 */
export interface PassageFilter {
  group: Uint32Array;
  open: Uint8Array;
}

interface Postings {
  docs: Uint32Array;
  tfs: Uint16Array;
}

export class SearchIndex {
  private readonly termIds = new Map<string, number>();
  private readonly docLength: Float32Array;
  private readonly avgLength: number;
  /**
   * BM25's length normalisation per passage, `K1 * (1 - B + B * length / avgLength)`, computed once
   * (the same doubles the query loop computed per posting, so scores and ties are unchanged): the
   * loop over a common word's 18k postings was dominated by this division. Derived, not persisted.
   */
  private readonly norm: Float64Array;
  private readonly speller: Speller;
  private readonly scores: Float64Array;
  private readonly seen: Uint32Array;
  private readonly allowed: Uint32Array;
  /** search()'s passages met, one slot per passage (each is met once per query); shared by every view. */
  private readonly touched: Uint32Array;
  /** Shared by every view (`within`): the stamps of the score arrays they share must never repeat. */
  private readonly stamp = { generation: 0 };
  /** Set on a view made by `within`; null on the index itself. */
  private readonly filter: PassageFilter | null = null;

  constructor(readonly data: IndexData) {
    for (const [i, t] of data.terms.entries()) this.termIds.set(t, i);
    this.docLength = data.docLength;
    let total = 0;
    for (const n of data.docLength) total += n;
    this.avgLength = total / Math.max(1, data.docLength.length);
    this.norm = new Float64Array(data.docLength.length);
    for (let d = 0; d < this.norm.length; d++) this.norm[d] = K1 * (1 - B + (B * data.docLength[d]!) / this.avgLength);
    this.speller = new Speller(
      data.terms,
      (t) => this.documentFrequency(t),
      (t) => this.termIds.has(t),
    );
    this.scores = new Float64Array(data.docLength.length);
    this.seen = new Uint32Array(data.docLength.length);
    this.allowed = new Uint32Array(data.docLength.length);
    this.touched = new Uint32Array(data.docLength.length);
  }

  /** Builds the index over passage texts, in passage order. */
  static build(texts: Iterable<string>): SearchIndex {
    const builder = new IndexBuilder();
    for (const text of texts) builder.add(text);
    return new SearchIndex(builder.finish());
  }

  /** The same, pausing every few hundred passages so a background rebuild never stalls answers. */
  static async buildAsync(texts: string[], pause: () => Promise<void>, slice = 500): Promise<SearchIndex> {
    const builder = new IndexBuilder();
    for (let i = 0; i < texts.length; i++) {
      if (i % slice === slice - 1) await pause();
      builder.add(texts[i]!);
    }
    return new SearchIndex(builder.finish());
  }

  /**
   * The same index seeing only the passages `filter` opens: one index for every scope, its
   * postings, vocabulary and statistics shared (rarity is the whole corpus's, so ranking is the
   * same in every scope); search, passagesWithAll and docsOf skip what the filter closes.
   */
  within(filter: PassageFilter): SearchIndex {
    const view = Object.create(this) as SearchIndex;
    Object.defineProperty(view, 'filter', { value: filter });
    return view;
  }

  /** Sorted ids of the passages holding `term` (an exact index term); empty when none does. */
  docsOf(term: string): Uint32Array {
    const docs = this.postings(term)?.docs ?? new Uint32Array(0);
    return this.filter ? this.visible(docs) : docs;
  }

  private visible(docs: Uint32Array): Uint32Array {
    const { group, open } = this.filter!;
    return docs.filter((d) => open[group[d]!] === 1);
  }

  private postings(term: string): Postings | undefined {
    const i = this.termIds.get(term);
    if (i === undefined) return undefined;
    const { offsets, docs, tfs } = this.data;
    return { docs: docs.subarray(offsets[i]!, offsets[i + 1]!), tfs: tfs.subarray(offsets[i]!, offsets[i + 1]!) };
  }

  get size(): number {
    return this.docLength.length;
  }

  documentFrequency(term: string): number {
    const i = this.termIds.get(term);
    return i === undefined ? 0 : this.data.offsets[i + 1]! - this.data.offsets[i]!;
  }

  /** Vocabulary terms that start with `term` and are at most three letters longer, most frequent first. */
  private extensions(term: string): string[] {
    const sorted = this.data.terms;
    const out: string[] = [];
    for (let i = lowerBound(sorted, term); i < sorted.length && sorted[i]!.startsWith(term); i++) {
      const t = sorted[i]!;
      if (t !== term && t.length - term.length <= MAX_EXTENSION) out.push(t);
    }
    return out.sort((a, b) => this.documentFrequency(b) - this.documentFrequency(a)).slice(0, 4);
  }

  /** How rare a term is (smoothed inverse document frequency): weighs matched words in sentences. */
  idf(term: string): number {
    return Math.log(1 + this.size / (1 + this.documentFrequency(term)));
  }

  has(term: string): boolean {
    return this.termIds.has(term);
  }

  /** Reads what the user typed as index terms, correcting typos and adding spelling variants. */
  plan(text: string): QueryPlan {
    const plan: QueryPlan = { terms: [], unknown: [], corrected: [] };
    const seen = new Set<string>();
    const add = (term: string, weight: number, typed: string) => {
      if (seen.has(term)) return;
      seen.add(term);
      plan.terms.push({ term, weight, typed });
    };
    for (const word of words(text)) {
      if (isStopWord(word)) continue;
      const t = stem(word);
      if (this.termIds.has(t)) {
        add(t, 1, word);
        // Derived forms that extend the word: "russia" → "russian", "bulgaria" → "bulgarian".
        if (t.length >= 5) for (const longer of this.extensions(t)) add(longer, EXTENSION_WEIGHT, word);
        if (t.length >= 6) {
          for (const v of this.speller.candidates(t, 2, 1)) {
            // Two words of the language are two words ("form"/"from"), not spellings of one.
            if (v.term[0] === t[0] && v.term.at(-1) === t.at(-1) && stem(v.term) === v.term && !(isEnglishWord(v.term) && isEnglishWord(word)))
              add(v.term, VARIANT_WEIGHT, word);
          }
        }
        continue;
      }
      // A real word is never a typo for another word ("weak" is not "week"): only non-words are corrected.
      if (isEnglishWord(word) || isEnglishWord(t)) {
        plan.unknown.push(word);
        continue;
      }
      const fixes = this.speller.nearest(t, 2, maxEdits(t.length));
      const best = fixes[0];
      if (!best) {
        plan.unknown.push(word);
        continue;
      }
      for (const fix of fixes.filter((f) => f.distance === best.distance)) add(fix.term, CORRECTION_WEIGHT[fix.distance] ?? 0.5, word);
      plan.corrected.push({ typed: word, as: best.term });
    }
    return plan;
  }

  /**
   * BM25 over the plan's terms, best first. `within` restricts the search to a sorted list of
   * passage ids (a speaker's passages), marked in O(list) rather than by scanning the corpus;
   * `accept` (a date filter) is asked once per passage met in the postings.
   */
  search(plan: WeightedTerm[], limit: number, within?: Uint32Array, accept?: (passage: number) => boolean): Hit[] {
    if (!within && !accept && this.filter === null && plan.every((t) => t.weight > 0)) return this.searchAll(plan, limit);
    const g = this.nextGeneration();
    if (within) for (const d of within) this.allowed[d] = g;
    // The passages met, in the order first met: one buffer reused by every query (a list pushed
    // to per passage met cost a third of the loop, in its growing and copying).
    const touched = this.touched;
    let count = 0;
    const n = this.size;
    const { seen, scores, norm, allowed, filter } = this;
    const saturation = K1 + 1;
    for (const { term, weight } of plan) {
      const p = this.postings(term);
      if (!p) continue;
      const { docs, tfs } = p;
      const idf = Math.log(1 + (n - docs.length + 0.5) / (docs.length + 0.5));
      const w = weight * idf;
      if (within !== undefined && within.length * SPARSE_WITHIN < docs.length) {
        // A speaker's passages far fewer than a word's (a /verify claim's common words): each is
        // looked for in the postings (galloping from the last one found) rather than every posting
        // read to be tested. The same postings met in the same order as the loop below, and the
        // same work for each (written out twice: a test per posting of which loop this is cost
        // the common case 3%): the same scores.
        for (let k = 0, i = 0; k < within.length; k++) {
          const d = within[k]!;
          if (docs[i]! < d) {
            let step = 1;
            while (i + step < docs.length && docs[i + step]! < d) step *= 2;
            i = lowerBound(docs, d, i + (step >> 1), Math.min(i + step, docs.length));
          }
          if (i >= docs.length) break;
          if (docs[i] !== d) continue;
          const tf = tfs[i++]!;
          if (seen[d] !== g) {
            if (filter !== null && filter.open[filter.group[d]!] !== 1) continue;
            if (accept && !accept(d)) continue;
            seen[d] = g;
            scores[d] = 0;
            touched[count++] = d;
          }
          scores[d]! += w * ((tf * saturation) / (tf + norm[d]!));
        }
        continue;
      }
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        if (within && allowed[d] !== g) continue;
        const tf = tfs[i]!;
        if (seen[d] !== g) {
          if (filter !== null && filter.open[filter.group[d]!] !== 1) continue;
          if (accept && !accept(d)) continue;
          seen[d] = g;
          scores[d] = 0;
          touched[count++] = d;
        }
        scores[d]! += w * ((tf * saturation) / (tf + norm[d]!));
      }
    }
    const hits = topK(touched, count, scores, limit);
    // searchAll reads an unmet passage's score as 0.
    for (let j = 0; j < count; j++) scores[touched[j]!] = 0;
    return hits;
  }

  /**
   * search() over every passage, the common case: no `seen` stamps, a passage is unmet while its
   * score is 0 (every posting adds a positive amount; the scores are zeroed again after), and one
   * loop over the postings' flat arrays. The same scores, summed in the same order, and the same
   * passages met in the same order as search()'s loop: the same hits. About an eighth less time
   * over the postings of common words, the search calls of the bench queries and /verify claims
   * replayed on both versions.
   */
  private searchAll(plan: WeightedTerm[], limit: number): Hit[] {
    return scoreAll(plan, limit, this.termIds, this.data, this.norm, this.scores, this.touched);
  }

  /**
   * The passages holding every one of `terms` (exact index terms), in passage order, optionally
   * only among `within` (sorted ids). Intersects postings rarest first, so the cost is that of the
   * rarest word's postings; gives up (returns []) when even those exceed `max`.
   */
  passagesWithAll(terms: string[], within?: Uint32Array, max = Infinity): Uint32Array {
    const lists = [...new Set(terms)].map((t) => this.postings(t)?.docs);
    if (lists.length === 0 || lists.some((l) => !l)) return new Uint32Array(0);
    const sorted = (lists as Uint32Array[]).sort((a, b) => a.length - b.length);
    if (within) sorted.unshift(within);
    sorted.sort((a, b) => a.length - b.length);
    if (sorted[0]!.length > max) return new Uint32Array(0);
    let acc = sorted[0]!;
    for (let k = 1; k < sorted.length && acc.length; k++) acc = intersect(acc, sorted[k]!);
    return this.filter ? this.visible(acc) : acc;
  }

  /** Generation stamps let each query reuse the score arrays without clearing 100k entries. */
  private nextGeneration(): number {
    if (this.stamp.generation === 0xffffffff) {
      this.seen.fill(0);
      this.allowed.fill(0);
      this.stamp.generation = 0;
    }
    return ++this.stamp.generation;
  }
}

/** search() looks a speaker's passages up in a word's postings when these are this many times more. */
const SPARSE_WITHIN = 8;

/** SearchIndex.searchAll's loop over the postings, given the index's arrays. */
function scoreAll(
  plan: WeightedTerm[],
  limit: number,
  termIds: Map<string, number>,
  data: IndexData,
  norm: Float64Array,
  scores: Float64Array,
  touched: Uint32Array,
): Hit[] {
  const { offsets, docs, tfs } = data;
  const n = norm.length;
  // Read once: an imported binding read in the loop cost a load and a check per posting.
  const saturation = K1 + 1;
  let count = 0;
  for (const { term, weight } of plan) {
    const t = termIds.get(term);
    if (t === undefined) continue;
    const from = offsets[t]!;
    const to = offsets[t + 1]!;
    const length = to - from;
    const w = weight * Math.log(1 + (n - length + 0.5) / (length + 0.5));
    for (let i = from; i < to; i++) {
      const d = docs[i]!;
      const tf = tfs[i]!;
      const s = scores[d]!;
      if (s === 0) touched[count++] = d;
      scores[d] = s + w * ((tf * saturation) / (tf + norm[d]!));
    }
  }
  const hits = topK(touched, count, scores, limit);
  for (let j = 0; j < count; j++) scores[touched[j]!] = 0;
  return hits;
}

/** Sorted-array intersection, galloping through the longer list. */
function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < a.length && j < b.length; i++) {
    const x = a[i]!;
    if (b[j]! < x) {
      let step = 1;
      while (j + step < b.length && b[j + step]! < x) step *= 2;
      j = lowerBound(b, x, j + (step >> 1), Math.min(j + step, b.length));
    }
    if (j < b.length && b[j] === x) out.push(x);
  }
  return Uint32Array.from(out);
}

function topK(docs: Uint32Array, count: number, scores: Float64Array, k: number): Hit[] {
  const best: Hit[] = [];
  for (let j = 0; j < count; j++) {
    const d = docs[j]!;
    const s = scores[d]!;
    if (best.length === k && s <= best[k - 1]!.score) continue;
    let i = best.length < k ? best.length : k - 1;
    if (best.length < k) best.push({ passage: d, score: s });
    while (i > 0 && best[i - 1]!.score < s) {
      best[i] = best[i - 1]!;
      i--;
    }
    best[i] = { passage: d, score: s };
  }
  return best;
}
