import { APOSTROPHE, asciiLower as lower, bareWord, fold, foldedWords, isAscii, isAsciiAlnum, isAsciiLower } from '../knowledge/text.js';
import { FNV_OFFSET, FNV_PRIME, terms } from './terms.js';

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

/** Postings are kept in blocks of this many (never copied to grow); about 100k passages hold 2.9M postings. */
const BLOCK = 1 << 20;
const INITIAL_PASSAGES = 1 << 16;

/**
 * Accumulates postings passage by passage. Terms get integer ids while building so each word costs
 * one look-up, and term frequencies are counted in a typed array instead of a Map per passage.
 * Postings are appended to flat typed arrays (term, passage, frequency) in fixed blocks and
 * grouped by term once, in `finish`, by a counting sort: no per-term JavaScript array for the
 * garbage collector to trace. (Per-term `number[]` lists made indexing 510k passages take 39 s,
 * most of it collector work over 17 million boxed entries; it grew faster than the corpus.)
 * ASCII text (nearly all of it) is read by a character scan that looks each word up by its
 * characters (foldedWords' rules, knowledge/text.ts) without slicing it out as
 * a string: at 580k passages the 50 million word strings and their Map look-ups were most of
 * the first start's indexing and collector time.
 */
export class IndexBuilder {
  private readonly ids = new Map<string, number>();
  /** Word as written (folded) → term id, or -1 for a stop word. */
  private readonly wordIds = new Map<string, number>();
  /** The same for ASCII words, keyed by their characters (lower-cased as they are read). */
  private readonly asciiIds = new AsciiWordIds();
  private termBlocks: Uint32Array[] = [];
  private docBlocks: Uint32Array[] = [];
  private tfBlocks: Uint16Array[] = [];
  /** Postings in the last block. */
  private filled = BLOCK;
  private count = 0;
  private lengths = new Float32Array(INITIAL_PASSAGES);
  private passages = 0;
  private tf = new Uint32Array(1 << 16);
  /** Postings per term id (its document frequency). */
  private df = new Uint32Array(1 << 16);
  private readonly touched: number[] = [];
  private scratch = Buffer.allocUnsafe(1 << 16);

  add(text: string): void {
    // Raw ASCII text is read as it is, lower-cased character by character (fold() of ASCII text is
    // its toLowerCase()); other text is folded first, and read the same way when folding made it
    // ASCII (typographic quotes and dashes).
    const raw = isAscii(text);
    const folded = raw ? text : fold(text);
    if (raw || isAscii(folded)) {
      // The characters as bytes, copied natively into one reused buffer: a typed array reads
      // faster than charCodeAt on the sliced strings paragraphs are.
      const n = folded.length;
      if (n > this.scratch.length) this.scratch = Buffer.allocUnsafe(Math.max(n, this.scratch.length * 2));
      this.scratch.write(folded, 0, n, 'latin1');
      this.post(this.scanAscii(this.scratch, 0, n));
      return;
    }
    let length = 0;
    for (const w of foldedWords(folded)) {
      const id = this.wordId(w);
      if (id < 0) continue;
      length++;
      if (this.tf[id] === 0) this.touched.push(id);
      this.tf[id]!++;
    }
    this.post(length);
  }

  /**
   * The next passage, given as ASCII bytes `bytes[from, to)` (the index worker reads the knowledge
   * file's text section so): the same as add() of the string they spell.
   */
  addAscii(bytes: Uint8Array, from: number, to: number): void {
    this.post(this.scanAscii(bytes, from, to));
  }

  /** Appends the postings of the passage whose words were just counted into `tf`/`touched`. */
  private post(length: number): void {
    const doc = this.passages;
    const { touched, tf, df } = this;
    let filled = this.filled;
    let terms = this.termBlocks.at(-1)!;
    let docs = this.docBlocks.at(-1)!;
    let tfs = this.tfBlocks.at(-1)!;
    for (let k = 0; k < touched.length; k++) {
      const id = touched[k]!;
      if (filled === BLOCK) {
        terms = new Uint32Array(BLOCK);
        docs = new Uint32Array(BLOCK);
        tfs = new Uint16Array(BLOCK);
        this.termBlocks.push(terms);
        this.docBlocks.push(docs);
        this.tfBlocks.push(tfs);
        filled = 0;
      }
      terms[filled] = id;
      docs[filled] = doc;
      tfs[filled] = Math.min(tf[id]!, 65535);
      filled++;
      df[id]!++;
      tf[id] = 0;
    }
    this.filled = filled;
    this.count += touched.length;
    touched.length = 0;
    if (doc === this.lengths.length) this.lengths = grown(this.lengths, this.lengths.length * 2);
    this.lengths[doc] = length;
    this.passages++;
  }

  /** The words of ASCII bytes `b[from, to)` (upper case read as lower), counted into `tf`; returns how many are not stop words. */
  private scanAscii(b: Uint8Array, from: number, to: number): number {
    const n = to;
    const table = this.asciiIds;
    let length = 0;
    let i = from;
    while (i < n) {
      let c = lower(b[i]!);
      if (!isAsciiAlnum(c)) {
        i++;
        continue;
      }
      const start = i;
      let h = FNV_OFFSET;
      do {
        h = Math.imul(h ^ c, FNV_PRIME);
        c = ++i < n ? lower(b[i]!) : 0;
      } while (isAsciiAlnum(c));
      // An apostrophe joins the letters after it ("nation's", "don't"): one word, as foldedWords reads it.
      while (c === APOSTROPHE && i + 1 < n && isAsciiLower(lower(b[i + 1]!))) {
        h = Math.imul(h ^ c, FNV_PRIME);
        c = lower(b[++i]!);
        do {
          h = Math.imul(h ^ c, FNV_PRIME);
          c = ++i < n ? lower(b[i]!) : 0;
        } while (isAsciiLower(c));
      }
      let id = table.get(b, start, i, h);
      if (id === MISSING) {
        const word = Buffer.from(b.buffer, b.byteOffset + start, i - start)
          .toString('latin1')
          .toLowerCase();
        id = this.wordId(bareWord(word));
        table.set(word, h, id);
      }
      if (id < 0) continue;
      length++;
      if (this.tf[id] === 0) this.touched.push(id);
      this.tf[id]!++;
    }
    return length;
  }

  /** Terms come out in code-unit order, so prefix look-ups need no sorting when the index loads. */
  finish(): IndexData {
    // Unique strings: the default sort's code-unit order is that of `<`.
    const order = [...this.ids.keys()].sort();
    const n = order.length;
    // Term id → its rank in code-unit order, then postings placed by rank. Passages were appended
    // in order, so each term's postings come out sorted by passage.
    const rank = new Uint32Array(n);
    const offsets = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) {
      const id = this.ids.get(order[i]!)!;
      rank[id] = i;
      offsets[i + 1] = offsets[i]! + this.df[id]!;
    }
    const next = offsets.slice(0, n);
    const docs = new Uint32Array(this.count);
    const tfs = new Uint16Array(this.count);
    const blocks = this.termBlocks.length;
    for (let b = 0; b < blocks; b++) {
      const terms = this.termBlocks[b]!;
      const bDocs = this.docBlocks[b]!;
      const bTfs = this.tfBlocks[b]!;
      const size = b === blocks - 1 ? this.filled : BLOCK;
      for (let k = 0; k < size; k++) {
        const at = next[rank[terms[k]!]!]!++;
        docs[at] = bDocs[k]!;
        tfs[at] = bTfs[k]!;
      }
    }
    return { terms: order, offsets, docs, tfs, docLength: this.lengths.slice(0, this.passages) };
  }

  /** A folded word's term id (-1: a stop word), through the word cache. */
  private wordId(w: string): number {
    let id = this.wordIds.get(w);
    if (id === undefined) {
      id = this.termId(w);
      this.wordIds.set(w, id);
    }
    return id;
  }

  private termId(word: string): number {
    const t = terms(word)[0];
    if (t === undefined) return -1;
    let id = this.ids.get(t);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(t, id);
      if (id >= this.tf.length) {
        this.tf = grown(this.tf, this.tf.length * 2);
        this.df = grown(this.df, this.df.length * 2);
      }
    }
    return id;
  }
}

const MISSING = -2;

/**
 * Lower-cased ASCII word → term id (-1 for a stop word), in an open-addressing table keyed by the
 * word's characters and their FNV-1a hash (computed by the scan): a look-up compares characters
 * in place, lower-casing the text's as it goes.
 */
class AsciiWordIds {
  private size = 0;
  private mask = (1 << 14) - 1;
  private keys: string[] = new Array<string>(this.mask + 1).fill('');
  /** MISSING marks an empty slot. */
  private values = new Int32Array(this.mask + 1).fill(MISSING);
  private hashes = new Int32Array(this.mask + 1);

  /** The id of the word `bytes[start, end)` (read lower-cased), or MISSING. */
  get(bytes: Uint8Array, start: number, end: number, h: number): number {
    const length = end - start;
    const { values, hashes, mask } = this;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = values[slot]!;
      if (id === MISSING) return MISSING;
      if (hashes[slot] === h) {
        // The key is read only when the hash matches: most probes touch the two typed arrays alone.
        const key = this.keys[slot]!;
        if (key.length === length) {
          let i = 0;
          while (i < length && key.charCodeAt(i) === lower(bytes[start + i]!)) i++;
          if (i === length) return id;
        }
      }
    }
  }

  set(word: string, h: number, id: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    this.insert(word, h, id);
  }

  private insert(word: string, h: number, id: number): void {
    let slot = h & this.mask;
    while (this.values[slot] !== MISSING) slot = (slot + 1) & this.mask;
    this.keys[slot] = word;
    this.values[slot] = id;
    this.hashes[slot] = h;
    this.size++;
  }

  private grow(): void {
    const { keys, values, hashes } = this;
    this.mask = this.mask * 2 + 1;
    this.keys = new Array<string>(this.mask + 1).fill('');
    this.values = new Int32Array(this.mask + 1).fill(MISSING);
    this.hashes = new Int32Array(this.mask + 1);
    this.size = 0;
    for (let s = 0; s < keys.length; s++) if (values[s] !== MISSING) this.insert(keys[s]!, hashes[s]!, values[s]!);
  }
}

/**
 * The index of passages `a` covers followed by those `b` covers (b's passage 0 is a's last + 1):
 * the index one builder makes of them all, as each term's postings are in passage order. The
 * first start builds the two parts on two threads (index-thread.ts).
 */
export function concatIndexes(a: IndexData, b: IndexData): IndexData {
  const base = a.docLength.length;
  const terms: string[] = [];
  // Per merged term: its index in a and in b (-1: not there).
  const inA: number[] = [];
  const inB: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.terms.length || j < b.terms.length) {
    const x = a.terms[i];
    const y = b.terms[j];
    if (y === undefined || (x !== undefined && x < y)) {
      terms.push(x!);
      inA.push(i++);
      inB.push(-1);
    } else if (x === undefined || y < x) {
      terms.push(y);
      inA.push(-1);
      inB.push(j++);
    } else {
      terms.push(x);
      inA.push(i++);
      inB.push(j++);
    }
  }
  const offsets = new Uint32Array(terms.length + 1);
  const docs = new Uint32Array(a.docs.length + b.docs.length);
  const tfs = new Uint16Array(docs.length);
  let at = 0;
  for (let t = 0; t < terms.length; t++) {
    const ia = inA[t]!;
    if (ia >= 0) {
      const from = a.offsets[ia]!;
      const to = a.offsets[ia + 1]!;
      docs.set(a.docs.subarray(from, to), at);
      tfs.set(a.tfs.subarray(from, to), at);
      at += to - from;
    }
    const ib = inB[t]!;
    if (ib >= 0) {
      const from = b.offsets[ib]!;
      const to = b.offsets[ib + 1]!;
      for (let k = from; k < to; k++) docs[at + k - from] = b.docs[k]! + base;
      tfs.set(b.tfs.subarray(from, to), at);
      at += to - from;
    }
    offsets[t + 1] = at;
  }
  const docLength = new Float32Array(base + b.docLength.length);
  docLength.set(a.docLength);
  docLength.set(b.docLength, base);
  return { terms, offsets, docs, tfs, docLength };
}

/** A copy of `a` with room for `size` elements. */
function grown<T extends Uint32Array | Float32Array>(a: T, size: number): T {
  const out = new (a.constructor as new (n: number) => T)(size);
  out.set(a);
  return out;
}
