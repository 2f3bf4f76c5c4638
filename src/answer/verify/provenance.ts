import type { KnowledgeBase } from '../../search/kb.js';
import { sourceRef } from '../source-ref.js';
import type { Appearance } from '../types.js';
import type { Match } from './candidates.js';

/**
 * Where the words first appear and who repeats them (as Quote Investigator traces a quote): one
 * entry per source, earliest date first, each with its own wording; a wording that differs from
 * the first appearance's is marked "also as". From the matches close enough to show under a verdict.
 * The later sources come a page at a time: `offset` of them skipped (the request's, for "more").
 */

/** Later sources listed under a verdict, or on each further page: enough to see the spread, short enough to read. */
const APPEARANCES_PAGE = 10;

export function provenanceOf(
  kb: KnowledgeBase,
  matches: Match[],
  offset = 0,
): { firstSeen: Appearance | null; appearances: Appearance[]; later: number } {
  const bySource = new Map<string, Appearance>();
  for (const m of matches) {
    const article = kb.articles[m.articleIndex]!;
    if (bySource.has(article.id)) continue;
    // Written out, not `{ ...ref, speaker, words }`: spreading then adding properties is a slow path in V8.
    const ref = sourceRef(article);
    bySource.set(article.id, {
      sourceId: ref.sourceId,
      title: ref.title,
      publisher: ref.publisher,
      date: ref.date,
      url: ref.url,
      speaker: m.owner.speaker,
      words: wordsOf(kb, m),
    });
  }
  const all = [...bySource.values()].sort((a, b) => a.date.localeCompare(b.date) || a.sourceId.localeCompare(b.sourceId));
  const [first, ...later] = all;
  if (!first) return { firstSeen: null, appearances: [], later: 0 };
  const key = folded(first.words);
  const appearances = later.slice(offset, offset + APPEARANCES_PAGE).map((a) => (folded(a.words) === key ? a : { ...a, alsoAs: a.words }));
  return { firstSeen: first, appearances, later: later.length };
}

/** The source's words for the claim, as published (its fragments joined by …). */
function wordsOf(kb: KnowledgeBase, m: Match): string {
  const text = kb.articles[m.articleIndex]!.paragraphs[m.paragraphIndex]!.text;
  return m.source
    .filter((f) => f.length)
    .map((f) => text.slice(f[0]!.start, f[f.length - 1]!.end))
    .join(' … ');
}

function folded(words: string): string {
  return words
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
