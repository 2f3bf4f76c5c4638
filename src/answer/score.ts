/** How well a sentence answers the query. */
import { fold } from '../knowledge/text.js';
import type { WeightedTerm } from '../search/index.js';
import { asciiTerms, foldedTerms, readAsWritten } from '../search/terms.js';

/**
 * BM25's parameters at the scale of one sentence: term-frequency saturation (K1) and length
 * normalisation (B) as in the index (search/index.ts), against the length of a typical sentence
 * in index terms, so a long sentence does not win by holding the words more often.
 */
const K1 = 1.2;
const B = 0.75;
const TYPICAL_SENTENCE_TERMS = 22;

/**
 * What scoreText needs of a plan, worked out once per plan (a query scores hundreds of sentences):
 * the substrings it looks for, each term's slot (a plan may name a term once per entry), and each
 * term's idf, asked of `idf` the first time a sentence holds the term (the same double every time).
 * A plan is scored against the index that made it, so its idfs do not change.
 */
interface PlanFacts {
  probes: string[];
  /** The probes as one case-blind pattern, for ASCII text without an apostrophe (see scoreText). */
  anyProbe: RegExp;
  slotOf: Map<string, number>;
  slots: Uint32Array;
  counts: Uint32Array;
  idfs: Float64Array;
}
const FACTS = new WeakMap<WeightedTerm[], PlanFacts>();
function factsOf(plan: WeightedTerm[]): PlanFacts {
  let facts = FACTS.get(plan);
  if (!facts) {
    const slotOf = new Map<string, number>();
    for (const { term } of plan) if (!slotOf.has(term)) slotOf.set(term, slotOf.size);
    const probes = plan.map(({ term }) => (term.length > 3 ? term.slice(0, -1) : term));
    facts = {
      probes,
      anyProbe: probes.length ? new RegExp(probes.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i') : /(?!)/,
      slotOf,
      slots: Uint32Array.from(plan, ({ term }) => slotOf.get(term)!),
      counts: new Uint32Array(slotOf.size),
      idfs: new Float64Array(plan.length).fill(Number.NaN),
    };
    FACTS.set(plan, facts);
  }
  return facts;
}

/**
 * What scoreText says of a text holding none of the query's words. One frozen object for all: most
 * sentences an answer scores are such misses (every caller skips them), and a fresh object and two
 * arrays for each were a tenth of an answer's garbage.
 */
const MISS: { score: number; matched: string[]; terms: string[] } = Object.freeze({
  score: 0,
  matched: Object.freeze([]) as unknown as string[],
  terms: Object.freeze([]) as unknown as string[],
});

/** How well a piece of text answers the query: BM25-like over the text's own terms. */
export function scoreText(text: string, plan: WeightedTerm[], idf: (term: string) => number): { score: number; matched: string[]; terms: string[] } {
  // Most sentences of a passage mention none of the query's words: a substring test on the stems
  // (minus their last letter, which plural stemming may change) rules them out without tokenising.
  // ASCII text without an apostrophe folds to its lower case, so the test needs no folded copy:
  // the probes as one case-blind pattern on the text as it is (no string made for the many misses,
  // a tenth of an answer's garbage, whose collections landed on the slowest answers).
  const facts = factsOf(plan);
  // (Typographic quotation marks and dashes besides, see readAsWritten: as not letters either way.)
  const plain = readAsWritten(text);
  if (plain && !facts.anyProbe.test(text)) return MISS;
  let list: string[];
  if (plain) list = asciiTerms(text);
  else {
    const folded = fold(text);
    const bare = folded.includes("'") ? folded.replace(/'/g, '') : folded;
    if (!facts.probes.some((probe) => bare.includes(probe))) return MISS;
    list = foldedTerms(folded);
  }
  // Only the plan's terms are counted: the sentence's other words only count towards its length.
  const { slotOf, slots, counts, idfs } = facts;
  counts.fill(0);
  for (const t of list) {
    const slot = slotOf.get(t);
    if (slot !== undefined) counts[slot]!++;
  }
  let score = 0;
  const matched: string[] = [];
  const len = list.length || 1;
  for (let i = 0; i < plan.length; i++) {
    const tf = counts[slots[i]!]!;
    if (!tf) continue;
    const { term, weight } = plan[i]!;
    matched.push(term);
    let w = idfs[i]!;
    if (Number.isNaN(w)) {
      w = idf(term);
      idfs[i] = w;
    }
    score += weight * w * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / TYPICAL_SENTENCE_TERMS)));
  }
  return { score, matched, terms: list };
}
