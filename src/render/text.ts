import { sourceLine } from '../answer/format.js';
import type { Answer, PassageContext } from '../answer/types.js';
import { type CiteStyle, formatCitation, STYLE_NAMES } from './cite-styles.js';

/** How a face says that a next page exists: the console and `ask`'s piped questions take "more". */
const TYPE_MORE = '(type "more")';

/**
 * The answer as plain text: the core's text, then, when a page follows, how to get it (`more`:
 * the face's own way, e.g. `(run again with --offset 5)` for a single `ask`). `ask --json` carries
 * this as its `text`.
 */
export function answerText(answer: Answer, more = TYPE_MORE): string {
  return answer.hasMore ? `${answer.text}\n\nMore results are available ${more}.` : answer.text;
}

/**
 * What the console and `ask` (without --json) print: the answer's text, then a new line. With
 * `cite` (`ask --cite apa`), the page's reference entries follow, numbered as its results are.
 */
export function renderText(answer: Answer, more?: string, cite?: CiteStyle): string {
  const text = answerText(answer, more);
  if (!cite || !answer.citations.length) return `${text}\n`;
  const first = answer.request.offset + 1;
  const entries = answer.citations.map((c, i) => `[${first + i}] ${formatCitation(c, cite)}`);
  return `${text}\n\nReferences (${STYLE_NAMES[cite]}):\n${entries.join('\n')}\n`;
}

/** Characters of a paragraph per Context page: a screenful or two. */
const CONTEXT_PAGE = 3000;

/**
 * The Context view in text: the whole paragraph around a citation, verbatim, the one place a
 * whole paragraph is shown; a long one is paged at sentence ends (`next` is where the next page
 * starts, null after the last).
 */
export function renderContextText(ctx: PassageContext, from = 0): { text: string; next: number | null } {
  const { text } = ctx;
  let end = Math.min(text.length, from + CONTEXT_PAGE);
  if (end < text.length) {
    const window = text.slice(from, end);
    const sentence = Math.max(...['. ', '! ', '? ', '” ', '\n'].map((p) => window.lastIndexOf(p) + 1));
    const word = window.lastIndexOf(' ') + 1;
    end = from + (sentence > CONTEXT_PAGE / 2 ? sentence : word > 0 ? word : window.length);
  }
  const next = end < text.length ? end : null;
  const pages = Math.ceil(text.length / CONTEXT_PAGE);
  const where = [sourceLine(ctx.source), ctx.section ? `section “${ctx.section}”` : ''].filter(Boolean).join(', ');
  const head = `Context (the whole paragraph, verbatim)${pages > 1 ? `, characters ${from + 1}–${end} of ${text.length.toLocaleString('en-US')}` : ''}: ${where}`;
  const body = `${from > 0 ? '… ' : ''}${text.slice(from, end).trim()}${next !== null ? ' …' : ''}`;
  return { text: `${head}\n\n${body}${next !== null ? '\n\nThe paragraph goes on (type "more").' : ''}\n`, next };
}
