import { formatLongDate } from '../knowledge/dates.js';
import type { Answer, AnswerRequest, Citation, SourceRef } from './types.js';

/** The plain-text form of answers: what the console prints and what `text` carries in JSON. */

export function sourceLine(ref: SourceRef): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(ref.date) ? `${formatLongDate(ref.date)} (${ref.date})` : ref.date;
  const section = 'section' in ref && typeof ref.section === 'string' ? `“${ref.section}”` : null;
  // A source without a headline of its own is cited by publisher and date, never a made-up title.
  return [ref.title ? `“${ref.title}”` : null, section ? `story ${section}` : null, ref.publisher, date].filter(Boolean).join(', ');
}

export function citationBlock(c: Citation, n: number): string {
  const words = c.kind === 'quote' ? `“${c.excerpt}”` : c.excerpt;
  const lines = [`[${n}] ${words}`, `    ${speakerLabel(c)}, ${sourceLine(c)}`];
  if (c.alsoIn.length) lines.push(`    also in: ${c.alsoIn.map(sourceLine).join('; ')}`);
  return lines.join('\n');
}

/** Who said the words, always: a speaker, or plainly that nobody is named. */
function speakerLabel(c: Citation): string {
  const given = c.speakerAsGiven ? ` (“${c.speakerAsGiven}” in this source)` : '';
  if (c.kind === 'quote') return c.speaker ? `— ${c.speaker}${given}` : '— unattributed quote (no speaker named)';
  if (c.kind === 'reported')
    return c.speaker ? `— reported speech of ${c.speaker}${given} (not a direct quote)` : '— reported speech (no speaker named)';
  return c.speaker ? `— words around a quotation of ${c.speaker} (not a direct quote)` : '— narration (no speaker named)';
}

export function answerOf(
  request: AnswerRequest,
  parts: {
    found: boolean;
    heading: string;
    body?: string;
    citations?: Citation[];
    suggestions?: string[];
    hasMore?: boolean;
    total?: number;
    footer?: string;
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
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    command: request.command,
    found: parts.found,
    text,
    citations,
    heading: parts.heading,
    suggestions,
    request,
    hasMore: parts.hasMore ?? false,
    total: parts.total ?? (parts.found ? citations.length : 0),
  };
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
