import type { Article } from '../knowledge/types.js';
import { PASSAGE_TARGET, SPLIT_ABOVE } from './tuning.js';

/**
 * Passages are what the index ranks: a paragraph, or a piece of a long one (transcripts can have
 * 100k-character paragraphs), always cut between sentences so an excerpt never starts mid-word.
 */
export interface Passage {
  article: number;
  paragraph: number;
  /** Segment indices `[segFrom, segTo)` of that paragraph. */
  segFrom: number;
  segTo: number;
  /** Character range in the paragraph text. */
  start: number;
  end: number;
}

export function cutPassages(articles: Article[]): Passage[] {
  const out: Passage[] = [];
  articles.forEach((article, a) => {
    article.paragraphs.forEach((para, p) => {
      const segs = para.segments;
      if (segs.length === 0) return;
      if (para.text.length <= SPLIT_ABOVE) {
        out.push({ article: a, paragraph: p, segFrom: 0, segTo: segs.length, start: 0, end: para.text.length });
        return;
      }
      let from = 0;
      for (let i = 0; i < segs.length; i++) {
        const start = segs[from]!.start;
        const end = Math.max(...segs.slice(from, i + 1).map((s) => s.end));
        const next = segs[i + 1];
        // Embedded quotes sit inside their sentence: never cut between a sentence and them.
        if ((end - start >= PASSAGE_TARGET && !(next && next.start < end)) || !next) {
          out.push({ article: a, paragraph: p, segFrom: from, segTo: i + 1, start, end });
          from = i + 1;
        }
      }
    });
  });
  return out;
}
