/**
 * Small stories for the attribution tests: an article from paragraphs, and who a segment is given to.
 * Shared by attribution.test.ts, attribution-rules-styles.test.ts and attribution-structure.test.ts.
 */
import { parseArticle } from '../../src/knowledge/parse.js';
import type { Article } from '../../src/knowledge/types.js';

export const HEAD = '---\ntitle: Test story\ndate: 2020-01-02\npublisher: Example News\n---\n';

/** One article whose paragraphs are these. */
export const story = (...paragraphs: string[]): Article => parseArticle(`${HEAD}${paragraphs.join('\n\n')}\n`, 'test', 'test.txt');

/** Kind, speaker and partial flag of the segment whose text starts with `start`. */
export function who(article: Article, start: string): { kind: string; speaker: string | null; partial: boolean } | undefined {
  for (const p of article.paragraphs)
    for (const s of p.segments)
      if (p.text.slice(s.start, s.end).startsWith(start)) return { kind: s.kind, speaker: s.speaker, partial: !!s.embedded };
  return undefined;
}

/** The speaker of the quotation starting with `start`, or a message saying it is not a quotation. */
export const quoteOf = (article: Article, start: string) => {
  const w = who(article, start);
  return w && w.kind === 'quote' ? w.speaker : `not a quote: ${JSON.stringify(w)}`;
};
