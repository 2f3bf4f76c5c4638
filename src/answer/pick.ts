/** A candidate excerpt (some segments of one paragraph) and the order in which candidates are shown. */
import type { Article, Segment } from '../knowledge/types.js';
import type { Focus } from './excerpt.js';

/** A candidate excerpt: some segments of one paragraph, with a score. */
export interface Pick {
  articleIndex: number;
  paragraphIndex: number;
  passage: number;
  segments: Segment[];
  score: number;
  /** The segments' index terms, when already computed while scoring. */
  terms?: string[];
  /** How well the excerpt holds the topic as a phrase (see search/phrase.ts): 3 exact … 0 none. */
  tier?: number;
  /** Words of the topic found in order (ranks misquotes by what they share with the true line). */
  run?: number;
  /** Where the words of the topic stand in the paragraph (a long sentence's excerpt is cut around them). */
  focus?: Focus;
}

/**
 * Orders picks: the exact phrase first (earliest source first, so the original outranks later
 * repeats), then all words in order close together, then the longest run of the words, then score.
 */
export function comparePicks(kb: { articles: Article[] }, a: Pick, b: Pick): number {
  const ta = a.tier ?? 0;
  const tb = b.tier ?? 0;
  if (ta !== tb) return tb - ta;
  if (ta === 3) {
    const da = kb.articles[a.articleIndex]!.date;
    const db = kb.articles[b.articleIndex]!.date;
    if (da !== db) return da < db ? -1 : 1;
  }
  if (ta === 1 && (a.run ?? 0) !== (b.run ?? 0)) return (b.run ?? 0) - (a.run ?? 0);
  return b.score - a.score;
}
