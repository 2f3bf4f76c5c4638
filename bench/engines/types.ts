import type { BenchQuery, Hit } from '../types.js';

/** An engine under test: built once, then asked every benchmark query. */
export interface BenchEngine {
  name: string;
  /** The first five results, best first. */
  search(query: BenchQuery): Hit[];
  /** Whether the engine said "nothing found" (only ours can say so; the others always rank). */
  found?(query: BenchQuery): boolean;
}
