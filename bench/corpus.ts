/**
 * The benchmark corpus: ../shared/corpus/speeches.jsonl cut into passages exactly the way the
 * corpus README's "Use in benchmarks" describes, then sampled with a fixed seed.
 */
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { shuffled, createRandom } from './prng.js';

/** One record of speeches.jsonl (only the fields the benchmark reads are typed). */
export interface Speech {
  id: string;
  title: string;
  speaker: string;
  date: string;
  date_precision: 'day' | 'year';
  url?: string;
  text: string;
  [field: string]: unknown;
}

/** A passage: a paragraph, or a ~500-character piece of a long one. */
export interface Passage {
  /** Position in the full, ordered passage list (stable across samples). */
  id: number;
  /** Index of its speech in the speeches array. */
  speech: number;
  text: string;
}

/** The repository root (bench/ sits directly under it). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the corpus is expected: `../shared/corpus/speeches.jsonl` beside the repository. */
export const defaultCorpusPath = resolve(repoRoot, '..', 'shared', 'corpus', 'speeches.jsonl');

/** The archive-scale addition: UN General Debate statements 1946–2018, gzipped JSONL (issue 14's XL section). */
export const defaultXlPath = resolve(repoRoot, '..', 'shared', 'corpus-xl', 'un-1946-2018.jsonl.gz');

/**
 * Reads a `.jsonl.gz` file line by line through zlib (never the whole 189 MB in one string). The
 * benchmark reads it itself: the product's own `.gz` loader is being built on another branch.
 */
export async function readSpeechesGz(path = defaultXlPath): Promise<Speech[]> {
  const out: Speech[] = [];
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) if (line.trim() !== '') out.push(JSON.parse(line) as Speech);
  return out;
}

export function corpusExists(path = defaultCorpusPath): boolean {
  return existsSync(path);
}

export function readSpeeches(path = defaultCorpusPath): Speech[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Speech);
}

const MAX_PARAGRAPH = 700;
const PIECE_TARGET = 500;
const MIN_WORDS = 3;
/** A sentence ends at . ! or ? (plus closing quotes/brackets) followed by white space. */
const SENTENCE_END = /(?<=[.!?]["'”’)\]]*)\s+/;

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Cuts a long paragraph at sentence ends into pieces of about PIECE_TARGET characters. */
export function cutParagraph(paragraph: string): string[] {
  if (paragraph.length <= MAX_PARAGRAPH) return [paragraph];
  const pieces: string[] = [];
  let current = '';
  for (const sentence of paragraph.split(SENTENCE_END)) {
    if (current !== '' && current.length + 1 + sentence.length > PIECE_TARGET) {
      pieces.push(current);
      current = sentence;
    } else {
      current = current === '' ? sentence : `${current} ${sentence}`;
    }
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** All passages of all speeches, in corpus order; pieces under MIN_WORDS words are dropped. */
export function splitPassages(speeches: readonly Speech[]): Passage[] {
  const passages: Passage[] = [];
  speeches.forEach((speech, index) => {
    for (const paragraph of speech.text.split('\n\n')) {
      for (const piece of cutParagraph(paragraph)) {
        if (countWords(piece) >= MIN_WORDS) passages.push({ id: passages.length, speech: index, text: piece });
      }
    }
  });
  return passages;
}

/**
 * Nested samples: one seeded shuffle, and each size takes a prefix of it, so every passage of
 * the 1k sample is also in the 10k, 100k and full ones (labelled queries stay answerable).
 * Each sample is returned in corpus order.
 */
export function samplePassages(passages: readonly Passage[], sizes: readonly number[], seed: number): Map<number, Passage[]> {
  const order = shuffled(createRandom(seed), passages);
  const samples = new Map<number, Passage[]>();
  for (const size of sizes) {
    const sample = order.slice(0, Math.min(size, order.length));
    sample.sort((a, b) => a.id - b.id);
    samples.set(size, sample);
  }
  return samples;
}

/**
 * Writes a knowledge folder holding exactly `sample`: one `.jsonl` record per speech that has a
 * sampled passage, with the speech's own metadata and text = its sampled passages joined by a
 * blank line. Returns the file's path.
 */
export function writeKnowledgeFolder(dir: string, speeches: readonly Speech[], sample: readonly Passage[]): string {
  mkdirSync(dir, { recursive: true });
  const bySpeech = new Map<number, string[]>();
  for (const passage of sample) {
    const texts = bySpeech.get(passage.speech) ?? [];
    texts.push(passage.text);
    bySpeech.set(passage.speech, texts);
  }
  const file = join(dir, 'speeches.jsonl');
  // Line by line: the XL folder (~580k passages) is larger than one string should be.
  const fd = openSync(file, 'w');
  try {
    for (const [index, texts] of [...bySpeech].sort((a, b) => a[0] - b[0])) {
      const speech = speeches[index];
      if (speech === undefined) continue;
      writeSync(fd, `${JSON.stringify({ ...speech, text: texts.join('\n\n') })}\n`);
    }
  } finally {
    closeSync(fd);
  }
  return file;
}
