import { createRequire } from 'node:module';
import { sortedHas } from './sorted.js';

/**
 * Is this a word of the English language? From `an-array-of-english-words` (MIT, ~275,000 words,
 * a maintained list), loaded on first use (~3 MB of JSON, well under 100 ms) because most
 * answers never need it: it is asked only about query words the knowledge base does not hold,
 * and about words that might be taken for a speaker's name.
 */
let english: string[] | null = null;

// A sorted array searched by halves: a Set of 275k strings would cost another ~100 ms and 20 MB.
function lexicon(): string[] {
  if (!english) {
    const list = createRequire(import.meta.url)('an-array-of-english-words') as string[];
    let sorted = true;
    for (let i = 1; i < list.length && sorted; i++) if (list[i - 1]! > list[i]!) sorted = false;
    english = sorted ? list : [...list].sort();
  }
  return english;
}

/** Whether a folded, lower-case word is an English word ("weak", "better", "made"). */
export function isEnglishWord(word: string): boolean {
  return sortedHas(lexicon(), word);
}
