/** A source as shown to a user (title, publisher, date, link), from an article or a citation. */
import type { Article } from '../knowledge/types.js';
import type { SourceRef } from './types.js';

export function sourceRef(article: Article): SourceRef {
  return { sourceId: article.id, title: article.title, publisher: article.publisher, date: article.date, url: article.url };
}

/** Just the source fields of a citation (or of anything carrying them). */
export function refOf(c: SourceRef): SourceRef {
  return { sourceId: c.sourceId, title: c.title, publisher: c.publisher, date: c.date, url: c.url };
}
