import type { Answer } from '../answer/types.js';

/** What the console and `ask` (without --json) print: the answer's own text, then a blank line. */
export function renderText(answer: Answer): string {
  return `${answer.text}\n`;
}
