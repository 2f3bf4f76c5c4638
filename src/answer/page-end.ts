import { plural } from './format.js';
import type { Answer } from './types.js';

/**
 * A page asked for past the last result (`ask --offset 50`, a stale More button) would otherwise
 * print a bare heading ("Jens Stoltenberg: 10 direct quotes") and nothing under it. Say plainly
 * that the page is past the end and which results exist, so the reader knows where to look.
 */
export function markPastTheEnd(answer: Answer): Answer {
  const { offset } = answer.request;
  const total = answer.total ?? 0;
  if (offset <= 0 || total <= 0 || answer.citations.length > 0 || answer.sources?.length || answer.verify?.appearances.length) return answer;
  const note = `There is no result ${offset + 1}: this answer has ${plural(total, 'result')} (${total === 1 ? 'number 1' : `1–${total}`}); the page asked for starts past the end.`;
  return { ...answer, found: false, text: `${answer.text}\n\n${note}` };
}
