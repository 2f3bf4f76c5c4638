import { quotationsOf } from '../knowledge/quotes.js';
import type { KnowledgeBase } from '../search/kb.js';
import { sourceRef } from './source-ref.js';
import { answerOf, plural, shownRange, sourceLine } from './format.js';
import type { Answer, AnswerRequest, SourceSummary } from './types.js';
import { SOURCES_PAGE } from './tuning.js';
import { additionHere } from './scope.js';

/**
 * `/sources`: what the bot knows, with counts: the newest additions first (by when they were added),
 * then the sources placed in the folder by hand, newest publication first.
 */
export function answerSources(kb: KnowledgeBase, request: Extract<AnswerRequest, { command: 'sources' }>): Answer {
  const all: SourceSummary[] = kb.articles
    .flatMap((a, i) => {
      if (kb.scope && !kb.scope.sees(i)) return [];
      const { quotes, speakers } = quotationsOf(a);
      // Marked as the asker's server's own: a source answered here and in no server but those it was added in.
      const own = kb.scope?.server && a.scopes?.includes(kb.scope.server) ? { own: { added: additionHere(kb, i) ?? null } } : {};
      const summary: SourceSummary = {
        ...sourceRef(a),
        author: a.author,
        paragraphs: a.paragraphs.length,
        quotes,
        speakers,
        retrieved: a.retrieved ?? null,
        updated: a.updated ?? null,
        ...own,
      };
      return [summary];
    })
    .sort((x, y) => {
      const added = (y.retrieved ?? '').localeCompare(x.retrieved ?? '');
      return added || (x.date < y.date ? 1 : x.date > y.date ? -1 : x.title.localeCompare(y.title));
    });
  const page = all.slice(request.offset, request.offset + SOURCES_PAGE);
  const body = page
    .map(
      (s, i) =>
        `${request.offset + i + 1}. ${sourceLine(s)}${s.updated ? ` (updated ${s.updated})` : ''}${s.author ? `, by ${s.author}` : ''}${ownNote(s)}\n   ${plural(s.paragraphs, 'paragraph')}, ${plural(s.quotes, 'quotation')}${s.speakers.length ? `; speakers: ${s.speakers.slice(0, 5).join(', ')}${s.speakers.length > 5 ? ', …' : ''}` : ''}`,
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

/** `[this server's own: added 2026-12-07 by user 42; id added/42/statement]`: the id is what the operator promotes. */
function ownNote(s: SourceSummary): string {
  if (!s.own) return '';
  const added = s.own.added ? `, added ${s.own.added.at.slice(0, 10)} by user ${s.own.added.user}` : '';
  return `\n   [this server's own${added}; id ${s.sourceId}]`;
}
