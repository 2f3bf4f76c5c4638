/**
 * The ClaimReview button's answer: the /verify check as schema.org ClaimReview JSON-LD
 * (render/claimreview.ts, what `ask --json --claimreview` prints), ready to paste into a page:
 * in a code block when it fits a message, else as an attached `claimreview.json`.
 */
import { LIMITS } from './escape.js';
import type { DiscordMessage } from './message.js';

const INTRO = 'ClaimReview (schema.org JSON-LD) for this check, ready to publish:';

export function renderClaimReview(review: Record<string, unknown>): DiscordMessage {
  // A backtick inside the JSON would close the code block: written as \u0060, the same JSON string.
  const json = JSON.stringify(review, null, 2).replace(/`/g, '\\u0060');
  const content = `${INTRO}\n\`\`\`json\n${json}\n\`\`\``;
  if (content.length <= LIMITS.content) return { content, embeds: [], components: [] };
  return {
    content: 'ClaimReview (schema.org JSON-LD) for this check, ready to publish: attached as claimreview.json.',
    embeds: [],
    components: [],
    files: [{ name: 'claimreview.json', data: Buffer.from(`${JSON.stringify(review, null, 2)}\n`), description: 'schema.org ClaimReview' }],
  };
}
