import { LOAD_LIMITS } from './limits.js';

/**
 * A paragraph over the paragraph limit (limits.ts) is cut at sentence ends into paragraphs under it
 * (each still a slice of the source text); one with no sentence end within the limit is refused
 * with its size.
 */

/** A sentence end: terminal punctuation, closing quotes or brackets, then space. */
const SENTENCE_END = /[.!?\u2026]["'\u201d\u2019\u00bb)\]]*\s+/g;

/** `text` as it is when within the limit, else cut at the last sentence end before each limit. Throws when it cannot be cut. */
export function splitLongParagraph(text: string, limit = LOAD_LIMITS.paragraphChars): string[] {
  if (text.length <= limit) return [text];
  const parts: string[] = [];
  let start = 0;
  while (text.length - start > limit) {
    let end = -1;
    SENTENCE_END.lastIndex = start;
    for (let m = SENTENCE_END.exec(text); m && m.index + m[0].length <= start + limit; m = SENTENCE_END.exec(text)) end = m.index + m[0].length;
    if (end <= start)
      throw new Error(
        `a paragraph of ${text.length} characters has no sentence end within ${limit} characters (the paragraph limit): break it into paragraphs`,
      );
    parts.push(text.slice(start, end).trimEnd());
    start = end;
  }
  parts.push(text.slice(start));
  return parts;
}
