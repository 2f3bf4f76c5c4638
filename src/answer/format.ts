import { formatLongDate } from '../knowledge/dates.js';
import type { Answer, AnswerRequest, Citation, SourceRef } from './types.js';

/** The plain-text form of answers: what the console prints and what `text` carries in JSON. */

export function sourceLine(ref: SourceRef): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(ref.date) ? `${formatLongDate(ref.date)} (${ref.date})` : ref.date;
  return [`“${ref.title}”`, ref.publisher, date].filter(Boolean).join(', ');
}

export function citationBlock(c: Citation, n: number): string {
  const words = c.kind === 'quote' ? `“${c.excerpt}”` : c.excerpt;
  const label = c.kind === 'quote' ? (c.speaker ? `— ${c.speaker}` : '— unattributed quote') : c.kind === 'reported' ? `— reported speech of ${c.speaker} (not a direct quote)` : '— from';
  // Narration reads "— from “Title”, …"; a speaker or kind is followed by a comma.
  const lines = [`[${n}] ${words}`, `    ${label}${c.kind === 'passage' ? ' ' : ', '}${sourceLine(c)}`];
  if (c.alsoIn.length) lines.push(`    also in: ${c.alsoIn.map(sourceLine).join('; ')}`);
  return lines.join('\n');
}

export function answerOf(
  request: AnswerRequest,
  parts: {
    found: boolean; heading: string; body?: string; citations?: Citation[]; suggestions?: string[]; hasMore?: boolean; total?: number; footer?: string;
    /** The suggestions are examples to try after a question left something out, not corrections of what was typed. */
    examples?: boolean;
  },
): Answer {
  const citations = parts.citations ?? [];
  const suggestions = parts.suggestions ?? [];
  const text = [
    parts.heading,
    parts.body,
    citations.length && request.command !== 'summary' ? citations.map((c, i) => citationBlock(c, request.offset + i + 1)).join('\n\n') : '',
    suggestions.length ? (parts.examples ? `For example: ${suggestions.join(', ')}.` : `Did you mean: ${suggestions.join(', ')}?`) : '',
    parts.footer ?? '',
    parts.hasMore ? 'More results are available (type "more").' : '',
  ].filter(Boolean).join('\n\n');
  return { command: request.command, found: parts.found, text, citations, heading: parts.heading, suggestions, request, hasMore: parts.hasMore ?? false, total: parts.total ?? (parts.found ? citations.length : 0) };
}

/** "1 source", "2 sources", "1,024 quotations"; `many` for irregular plurals. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** After a count on a later page: ", showing 6–9" (the numbers the results carry); '' on the first page. */
export function shownRange(offset: number, shown: number): string {
  if (!offset || shown < 1) return '';
  return shown === 1 ? `, showing number ${offset + 1}` : `, showing ${offset + 1}–${offset + shown}`;
}
