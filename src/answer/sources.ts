import { quotationsOf } from '../knowledge/quotes.js';
import type { KnowledgeBase } from '../search/kb.js';
import { sourceRef } from './source-ref.js';
import { answerOf, plural, shownRange, sourceLine } from './format.js';
import type { Answer, AnswerRequest, SourceSummary } from './types.js';
import { SOURCES_PAGE } from './tuning.js';

/**
 * `/sources`: what the bot knows, with counts: the newest additions first (by when they were added),
 * then the sources placed in the folder by hand, newest publication first.
 */
export function answerSources(kb: KnowledgeBase, request: Extract<AnswerRequest, { command: 'sources' }>): Answer {
  const all: SourceSummary[] = kb.articles
    .map((a) => {
      const { quotes, speakers } = quotationsOf(a);
      return {
        ...sourceRef(a),
        author: a.author,
        paragraphs: a.paragraphs.length,
        quotes,
        speakers,
        retrieved: a.retrieved ?? null,
        updated: a.updated ?? null,
      };
    })
    .sort((x, y) => {
      const added = (y.retrieved ?? '').localeCompare(x.retrieved ?? '');
      return added || (x.date < y.date ? 1 : x.date > y.date ? -1 : x.title.localeCompare(y.title));
    });
  const page = all.slice(request.offset, request.offset + SOURCES_PAGE);
  const body = page
    .map(
      (s, i) =>
        `${request.offset + i + 1}. ${sourceLine(s)}${s.updated ? ` (updated ${s.updated})` : ''}${s.author ? `, by ${s.author}` : ''}\n   ${plural(s.paragraphs, 'paragraph')}, ${plural(s.quotes, 'quotation')}${s.speakers.length ? `; speakers: ${s.speakers.slice(0, 5).join(', ')}${s.speakers.length > 5 ? ', …' : ''}` : ''}`,
    )
    .join('\n');
  const answer = answerOf(request, {
    found: all.length > 0,
    heading: all.length ? `${plural(all.length, 'source')}${shownRange(request.offset, page.length)}` : 'No sources are loaded.',
    body,
    hasMore: all.length > request.offset + SOURCES_PAGE,
    total: all.length,
  });
  return { ...answer, sources: page };
}
