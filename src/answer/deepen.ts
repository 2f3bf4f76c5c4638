/** Reading deeper into the ranked passages when the best ones give nothing usable. */
import type { Hit } from '../search/index.js';
import { MAX_DEPTH } from './tuning.js';

/**
 * Runs `build` over the best `depth` passages, reading eight times deeper while it finds nothing
 * usable and more passages exist: the top passages may match the topic only in words nobody is
 * quoted saying (an attribution, another speaker's turn). "Not quoted on X" must be a real miss.
 */
export function deepen<T>(search: (depth: number) => Hit[], depth: number, build: (hits: Hit[]) => T[]): T[] {
  for (let d = depth; ; d *= 8) {
    const hits = search(d);
    const built = build(hits);
    if (built.length > 0 || hits.length < d || d >= MAX_DEPTH) return built;
  }
}
