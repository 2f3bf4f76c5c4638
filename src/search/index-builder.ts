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

/**
 * Accumulates postings passage by passage. Terms get integer ids while building so each word costs
 * one Map lookup, and term frequencies are counted in a typed array instead of a Map per passage.
 */
export class IndexBuilder {
  private readonly ids = new Map<string, number>();
  /** Word as written (folded) → term id, or -1 for a stop word. */
  private readonly wordIds = new Map<string, number>();
  private readonly docs: number[][] = [];
  private readonly tfs: number[][] = [];
  private readonly lengths: number[] = [];
  private tf = new Uint32Array(1 << 16);
  private readonly touched: number[] = [];

  add(text: string): void {
    const doc = this.lengths.length;
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
    for (const id of this.touched) {
      this.docs[id]!.push(doc);
      this.tfs[id]!.push(Math.min(this.tf[id]!, 65535));
      this.tf[id] = 0;
    }
    this.touched.length = 0;
    this.lengths.push(length);
  }

  /** Terms come out in code-unit order, so prefix look-ups need no sorting when the index loads. */
  finish(): IndexData {
    const order = [...this.ids].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const n = order.length;
    const offsets = new Uint32Array(n + 1);
    order.forEach(([, id], i) => {
      offsets[i + 1] = offsets[i]! + this.docs[id]!.length;
    });
    const docs = new Uint32Array(offsets[n]!);
    const tfs = new Uint16Array(offsets[n]!);
    order.forEach(([, id], i) => {
      docs.set(this.docs[id]!, offsets[i]!);
      tfs.set(this.tfs[id]!, offsets[i]!);
    });
    return { terms: order.map(([t]) => t), offsets, docs, tfs, docLength: Float32Array.from(this.lengths) };
  }

  private termId(word: string): number {
    const t = terms(word)[0];
    if (t === undefined) return -1;
    let id = this.ids.get(t);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(t, id);
      this.docs.push([]);
      this.tfs.push([]);
      if (id >= this.tf.length) {
        const grown = new Uint32Array(this.tf.length * 2);
        grown.set(this.tf);
        this.tf = grown;
      }
    }
    return id;
  }
}
