import type { QueryPlan } from '../search/index.js';

/** How many of the query's words a result holds: shared by /quote, /summary and free-text search. */

/** The word the user typed that a term came from, so variants of one word count once. */
export function typedOf(plan: QueryPlan, term: string): string {
  return plan.terms.find((t) => t.term === term)?.typed ?? term;
}

/**
 * Drops results that match clearly fewer of the query's words than the best ones (two thirds,
 * rounded up): "south china sea" should not list "From the Baltic to the Black Sea", nor
 * "new start" a sentence that only says "new".
 */
export function keepWellCovered<T>(items: T[], covered: (item: T) => number): T[] {
  const most = Math.max(0, ...items.map(covered));
  const needed = Math.ceil((most * 2) / 3);
  return items.filter((item) => covered(item) >= needed);
}
