import { words } from '../knowledge/text.js';
import { terms } from './terms.js';

/** The index as plain typed arrays: what is persisted, and what a reload swaps in. */
export interface IndexData {
  /** In code-unit order (prefix look-ups binary-search it). */
  terms: string[];
  /** Postings of term i are `docs/tfs[offsets[i] .. offsets[i + 1])`. */
  offsets: Uint32Array;
  docs: Uint32Array;
  tfs: Uint16Array;
  docLength: Float32Array;
}

/** Room for postings and passages before the first doubling (about 100k passages hold 2.9M postings). */
const INITIAL_POSTINGS = 1 << 20;
const INITIAL_PASSAGES = 1 << 16;

/**
 * Accumulates postings passage by passage. Terms get integer ids while building so each word costs
 * one Map lookup, and term frequencies are counted in a typed array instead of a Map per passage.
 * Postings are appended to three flat growable typed arrays (term, passage, frequency) and
 * grouped by term once, in `finish`, by a counting sort: no per-term JavaScript array for the
 * garbage collector to trace. (Per-term `number[]` lists made indexing 510k passages take 39 s,
 * most of it collector work over 17 million boxed entries; it grew faster than the corpus.)
 */
export class IndexBuilder {
  private readonly ids = new Map<string, number>();
  /** Word as written (folded) → term id, or -1 for a stop word. */
  private readonly wordIds = new Map<string, number>();
  private postTerm = new Uint32Array(INITIAL_POSTINGS);
  private postDoc = new Uint32Array(INITIAL_POSTINGS);
  private postTf = new Uint16Array(INITIAL_POSTINGS);
  private count = 0;
  private lengths = new Float32Array(INITIAL_PASSAGES);
  private passages = 0;
  private tf = new Uint32Array(1 << 16);
  private readonly touched: number[] = [];

  add(text: string): void {
    const doc = this.passages;
    let length = 0;
    for (const w of words(text)) {
      let id = this.wordIds.get(w);
      if (id === undefined) {
        id = this.termId(w);
        this.wordIds.set(w, id);
      }
      if (id < 0) continue;
      length++;
      if (this.tf[id] === 0) this.touched.push(id);
      this.tf[id]!++;
    }
    if (this.count + this.touched.length > this.postDoc.length) this.growPostings(this.count + this.touched.length);
    for (const id of this.touched) {
      this.postTerm[this.count] = id;
      this.postDoc[this.count] = doc;
      this.postTf[this.count] = Math.min(this.tf[id]!, 65535);
      this.count++;
      this.tf[id] = 0;
    }
    this.touched.length = 0;
    if (doc === this.lengths.length) this.lengths = grown(this.lengths, this.lengths.length * 2);
    this.lengths[doc] = length;
    this.passages++;
  }

  /** Terms come out in code-unit order, so prefix look-ups need no sorting when the index loads. */
  finish(): IndexData {
    const order = [...this.ids].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const n = order.length;
    // Term id → its rank in code-unit order, then postings counted and placed by rank. Passages
    // were appended in order, so each term's postings come out sorted by passage.
    const rank = new Uint32Array(n);
    order.forEach(([, id], i) => {
      rank[id] = i;
    });
    const offsets = new Uint32Array(n + 1);
    for (let k = 0; k < this.count; k++) offsets[rank[this.postTerm[k]!]! + 1]!++;
    for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
    const next = offsets.slice(0, n);
    const docs = new Uint32Array(this.count);
    const tfs = new Uint16Array(this.count);
    for (let k = 0; k < this.count; k++) {
      const at = next[rank[this.postTerm[k]!]!]!++;
      docs[at] = this.postDoc[k]!;
      tfs[at] = this.postTf[k]!;
    }
    return { terms: order.map(([t]) => t), offsets, docs, tfs, docLength: this.lengths.slice(0, this.passages) };
  }

  private growPostings(needed: number): void {
    const size = Math.max(needed, this.postDoc.length * 2);
    this.postTerm = grown(this.postTerm, size);
    this.postDoc = grown(this.postDoc, size);
    this.postTf = grown(this.postTf, size);
  }

  private termId(word: string): number {
    const t = terms(word)[0];
    if (t === undefined) return -1;
    let id = this.ids.get(t);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(t, id);
      if (id >= this.tf.length) this.tf = grown(this.tf, this.tf.length * 2);
    }
    return id;
  }
}

/** A copy of `a` with room for `size` elements. */
function grown<T extends Uint32Array | Uint16Array | Float32Array>(a: T, size: number): T {
  const out = new (a.constructor as new (n: number) => T)(size);
  out.set(a);
  return out;
}
