/** Deliberate typos and made-up words for the query mix. */
import { pick, pickIndex } from './prng.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One edit inside a word of 5+ letters (never its first letter): swap, drop or replace. */
export function misspell(word: string, random: () => number): string {
  for (;;) {
    const i = 1 + pickIndex(random, word.length - 1);
    const op = pickIndex(random, 3);
    let out: string;
    if (op === 0 && i < word.length - 1) out = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    else if (op === 1) out = word.slice(0, i) + word.slice(i + 1);
    else out = word.slice(0, i) + pick(random, [...LETTERS]) + word.slice(i + 1);
    if (out !== word) return out;
  }
}

/** A pronounceable word that is not in the corpus vocabulary. */
export function unknownWord(random: () => number, df: ReadonlyMap<string, number>): string {
  const c = 'bdfgklmnprstvz';
  const v = 'aeiou';
  for (;;) {
    let w = '';
    const syllables = 3 + pickIndex(random, 2);
    for (let s = 0; s < syllables; s++) w += pick(random, [...c]) + pick(random, [...v]);
    if (!df.has(w) && !df.has(w.slice(0, -1))) return w;
  }
}
