import { fold, foldedWords } from '../knowledge/text.js';

/** Index terms: folded words, light plural stemming, no stop words. Used for documents and queries alike. */

const STOP_WORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on
once only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where which while
who whom why will with would you your yours yourself yourselves also may might must shall upon us let s t`.split(/\s+/),
);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/**
 * A deliberately light plural stemmer (after Harman's S-stemmer): "elections" → "election",
 * "allies" → "ally", "processes" → "process". Heavier stemmers (Porter) merge words a journalist
 * would keep apart ("general"/"generous"), and fuzzy matching already covers most other variants.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && !/[ae]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('es') && !/[aeo]es$/.test(word)) return word.slice(0, -1);
  if (word.endsWith('s') && !/(us|ss|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

// Word → term (or '' for a stop word). Indexing 6 million words meets only ~100k distinct ones.
const TERM_OF = new Map<string, string>();
const TERM_CACHE_LIMIT = 500_000;

/** Terms of a text, in order, stop words removed. */
export function terms(text: string): string[] {
  return foldedTerms(fold(text));
}

/** terms() of a text already folded by fold(). */
export function foldedTerms(folded: string): string[] {
  const out: string[] = [];
  for (const w of foldedWords(folded)) {
    let t = TERM_OF.get(w);
    if (t === undefined) {
      t = STOP_WORDS.has(w) ? '' : stem(w);
      if (TERM_OF.size >= TERM_CACHE_LIMIT) TERM_OF.clear();
      TERM_OF.set(w, t);
    }
    if (t) out.push(t);
  }
  return out;
}
