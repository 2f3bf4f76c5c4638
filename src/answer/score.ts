/** How well a sentence answers the query. */
import { fold } from '../knowledge/text.js';
import type { WeightedTerm } from '../search/index.js';
import { terms } from '../search/terms.js';

/**
 * BM25's parameters at the scale of one sentence: term-frequency saturation (K1) and length
 * normalisation (B) as in the index (search/index.ts), against the length of a typical sentence
 * in index terms, so a long sentence does not win by holding the words more often.
 */
const K1 = 1.2;
const B = 0.75;
const TYPICAL_SENTENCE_TERMS = 22;

// The substrings scoreText looks for, cut once per plan (a query scores hundreds of sentences).
const PROBES = new WeakMap<WeightedTerm[], string[]>();
function probesOf(plan: WeightedTerm[]): string[] {
  let probes = PROBES.get(plan);
  if (!probes) {
    probes = plan.map(({ term }) => (term.length > 3 ? term.slice(0, -1) : term));
    PROBES.set(plan, probes);
  }
  return probes;
}

/** How well a piece of text answers the query: BM25-like over the text's own terms. */
export function scoreText(text: string, plan: WeightedTerm[], idf: (term: string) => number): { score: number; matched: string[]; terms: string[] } {
  // Most sentences of a passage mention none of the query's words: a substring test on the stems
  // (minus their last letter, which plural stemming may change) rules them out without tokenising.
  const folded = fold(text).replace(/'/g, '');
  if (!probesOf(plan).some((probe) => folded.includes(probe))) return { score: 0, matched: [], terms: [] };
  const list = terms(text);
  const counts = new Map<string, number>();
  for (const t of list) counts.set(t, (counts.get(t) ?? 0) + 1);
  let score = 0;
  const matched: string[] = [];
  const len = list.length || 1;
  for (const { term, weight } of plan) {
    const tf = counts.get(term) ?? 0;
    if (!tf) continue;
    matched.push(term);
    score += weight * idf(term) * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / TYPICAL_SENTENCE_TERMS)));
  }
  return { score, matched, terms: list };
}
