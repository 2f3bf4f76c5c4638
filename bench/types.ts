/** Types shared by the benchmark's parent process (run.ts) and its per-engine workers. */
import type { AnswerRequest } from '../src/answer/types.js';
import type { Timing } from './measure.js';

export type QueryKind = 'quote' | 'summary' | 'free' | 'rare' | 'unknown' | 'phrase';

/** What a labelled query must find among an engine's first five results. */
export interface Expectation {
  /** The expected passage's text (a passage of the 1k sample, so present at every size). */
  passage?: string;
  /** The expected speaker, as written in the corpus. */
  speaker?: string;
}

export interface BenchQuery {
  id: number;
  kind: QueryKind;
  typo: boolean;
  /** What a user types (the console / free-text form). */
  text: string;
  /** The normalised request our core answers (`null`: ask the core the free text). */
  request: AnswerRequest | null;
  /** What fuse.js and MiniSearch search for: the speaker and topic words, no question words. */
  keywords: string;
  expect: Expectation | null;
}

/** One result, reduced to what the relevance check needs. */
export interface Hit {
  speaker: string | null;
  text: string;
}

/** A passage as handed to fuse.js and MiniSearch. */
export interface BenchDoc {
  id: number;
  text: string;
  speaker: string;
}

/** Timing (percentiles per run, medians over runs; top-5 hits; per-query ms) plus what each worker adds. */
export interface WorkerResult extends Timing {
  engine: string;
  passages: number;
  /** Build (fuse/MiniSearch: index from passages in memory) or cold start (ours: folder → first answer). */
  buildMs: number;
  /** Ours only: a second process started on the same folder (may load a persisted index). */
  restartMs?: number;
  heapMb: number;
  /** RSS of the worker process after the engine is built (ours: after the first answer). */
  rssMb?: number;
  /** Ours only: RSS of the restart process after its first answer (persisted index loaded). */
  restartRssMb?: number;
  /** Ours only: how many "unknown words" queries got found=false (the right answer). */
  unknownMisses?: number;
  unknownTotal?: number;
  problems?: number;
  /** Ours only, when asked: heap growth over 10,000 mixed questions. */
  growth?: { questions: number; ms: number; heapBeforeMb: number; heapAfterMb: number };
  note?: string;
}
