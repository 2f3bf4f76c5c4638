import type { Article } from '../knowledge/types.js';
import { terms } from './terms.js';

/**
 * Which sources' titles hold the words asked about. A speech's title often names what its text
 * never says: the Gettysburg Address does not contain "Gettysburg". Titles are few (one per
 * source) and short, so a plain map from title term to source numbers, built the first time a
 * knowledge base is asked, costs a few milliseconds and nothing in the passage index or its file.
 */

const BY_ARTICLES = new WeakMap<Article[], Map<string, number[]>>();

function titleTerms(articles: Article[]): Map<string, number[]> {
  let map = BY_ARTICLES.get(articles);
  if (map) return map;
  map = new Map();
  for (const [i, article] of articles.entries()) {
    for (const term of new Set(terms(article.title ?? ''))) {
      const list = map.get(term);
      if (list) list.push(i);
      else map.set(term, [i]);
    }
  }
  BY_ARTICLES.set(articles, map);
  return map;
}

/**
 * The sources (article numbers, ascending) whose title holds every word of `topic` (stop words
 * aside, plurals folded as in the index); [] for a topic without such words.
 */
export function sourcesTitled(articles: Article[], topic: string): number[] {
  const wanted = [...new Set(terms(topic))];
  if (!wanted.length) return [];
  const map = titleTerms(articles);
  const lists = wanted.map((t) => map.get(t) ?? []).sort((a, b) => a.length - b.length);
  const rarest = lists[0]!;
  const rest = lists.slice(1).map((l) => new Set(l));
  return rarest.filter((i) => rest.every((s) => s.has(i)));
}
