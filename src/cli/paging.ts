import type { Answer, AnswerRequest, Core } from '../answer/types.js';

/** Paging for the text faces: "more" asks for the page after the one shown, like Discord's More button. */

export const MORE = /^(?:more|next|\/more)$/i;

/** The request for the page after `answer` (it starts after the last result shown: for /verify, the last later source). */
export function nextPage(answer: Answer): AnswerRequest {
  const shown = answer.verify ? answer.verify.appearances.length : (answer.sources?.length ?? answer.citations.length);
  return { ...answer.request, offset: answer.request.offset + Math.max(1, shown) };
}

/** "more" typed after `last` (or with nothing to page). */
export function answerMore(core: Core, last: Answer | null): Answer {
  if (last?.hasMore) return core.answer(nextPage(last));
  const text = last ? 'No more results for the last question.' : 'Nothing to show more of yet: ask a question first.';
  return {
    ...(last ?? core.answer({ command: 'help', offset: 0 })),
    found: false,
    text,
    heading: text,
    citations: [],
    suggestions: [],
    hasMore: false,
    total: last?.total ?? 0,
    sources: undefined,
  };
}
