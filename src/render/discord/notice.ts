/** One-message texts: a miss with its "did you mean", and short notices of our own words. */
import type { Answer } from '../../answer/types.js';
import { LIMITS, fitEscaped } from './escape.js';
import type { DiscordMessage } from './message.js';

/** A miss: the core's explanation plus "did you mean" (always shown privately by the faces). */
export function renderMiss(answer: Answer): DiscordMessage {
  const fresh = answer.suggestions.filter((s) => !answer.text.includes(s));
  const hint = fresh.length ? `\nDid you mean: ${fresh.slice(0, 10).join(', ')}?` : '';
  const text = `${answer.text.trim()}${hint}`.trim() || 'I found nothing in my sources for that.';
  // Discord refuses an empty message; whatever the text, something is sent.
  return { content: fitEscaped(text, LIMITS.content) || 'I found nothing in my sources for that.', embeds: [], components: [] };
}

/** A short line of our own words (errors, cooldown, refusals); still escaped and cut. */
export function renderNotice(text: string): DiscordMessage {
  return { content: fitEscaped(text, LIMITS.content), embeds: [], components: [] };
}
