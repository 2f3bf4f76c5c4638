/**
 * The Cite answer: the plain citation line in a code block (so what a journalist copies is exactly
 * the source's words) and the source's reference entry in each citation style.
 */
import { ButtonStyle, ComponentType } from 'discord.js';
import type { Citation } from '../../answer/types.js';
import { formatLongDate } from '../../knowledge/dates.js';
import { CITE_STYLES, STYLE_NAMES, formatCitation } from '../cite-styles.js';
import { LIMITS, cutPlain, fitEscaped } from './escape.js';
import { encodeButton } from './custom-ids.js';
import type { DiscordMessage } from './message.js';

/** A /verify citation's Cite reply: the check it belongs to (its Claim line) and the citation's place among the answer's. */
export interface VerifyCite {
  /** claim-line.ts's line, which the ClaimReview button reads back. */
  claimLine: string;
  index: number;
  check: string;
}

/** The citation a user copies: speaker, “quote”, publisher, title, date (and link). */
export function citationLine(c: Citation, maxLength = 1900): string {
  // Outsized metadata is cut (marked with …) so the words always keep most of the room; a link too
  // long to be useful in a citation is left out.
  const title = cutPlain(c.title, 300);
  const publisher = c.publisher ? cutPlain(c.publisher, 100) : null;
  const speaker = c.speaker ? cutPlain(c.speaker, 200) : null;
  const url = c.url && c.url.length <= 1000 ? c.url : null;
  const section = c.section ? `story “${cutPlain(c.section, 200)}”` : null;
  const where = [publisher, title ? `“${title}”` : null, section, formatLongDate(c.date)].filter(Boolean).join(', ');
  const tail = ` (${where})${url ? ` ${url}` : ''}`;
  const who = speaker ? (c.kind === 'reported' ? `${speaker} (reported speech, not a direct quote): ` : `${speaker}: `) : '';
  const room = Math.max(20, maxLength - who.length - tail.length - 2);
  const words = cutPlain(c.excerpt, room);
  return `${who}${c.kind === 'quote' ? `“${words}”` : words}${tail}`;
}

/** Each style's reference entry gets at most this much, so the quoted words keep most of the message. */
const STYLE_ROOM = 320;

/**
 * An ephemeral message holding the citation ready to copy: the plain line (the words, who, where,
 * when), then the source's reference entry in APA 7, MLA 9 and Chicago (bibliography and note).
 * For a /verify citation, the claim checked heads it and a ClaimReview button gives the check as
 * schema.org JSON, ready to publish.
 */
export function renderCite(c: Citation, verify?: VerifyCite): DiscordMessage {
  if (!verify) return citeMessage(c, LIMITS.content);
  const head = `${verify.claimLine}\n`;
  const id = encodeButton({ kind: 'claimreview', index: verify.index, check: verify.check });
  const message = citeMessage(c, LIMITS.content - head.length);
  return {
    ...message,
    content: `${head}${message.content}`,
    components: id
      ? [
          {
            type: ComponentType.ActionRow,
            components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'ClaimReview', custom_id: id }],
          },
        ]
      : [],
  };
}

function citeMessage(c: Citation, max: number): DiscordMessage {
  const entries = CITE_STYLES.map((style) => ({ name: STYLE_NAMES[style], text: cutPlain(formatCitation(c, style), STYLE_ROOM) }));
  const tail = entries.map((e) => `${e.name}:\n\`\`\`\n${e.text}\n\`\`\``).join('\n') + addedNote(c);
  const line = citationLine(c, Math.min(1900, max - tail.length - 40));
  // A code block cannot hold ``` verbatim: then the plain line alone, escaped.
  if ([line, ...entries.map((e) => e.text)].some((t) => t.includes('```'))) {
    return { content: `Citation to copy:\n${fitEscaped(line, max - 20)}`, embeds: [], components: [] };
  }
  const content = `Citation to copy:\n\`\`\`\n${line}\n\`\`\`\n${tail}`;
  if (content.length <= max) return { content, embeds: [], components: [] };
  // Outsized metadata: the plain line alone (it always fits), rather than a refused message; the
  // whole line, uncut, may hold the ``` that the cut one did not: then escaped, as above.
  const whole = citationLine(c, Math.min(1900, max - 30));
  if (whole.includes('```')) return { content: `Citation to copy:\n${fitEscaped(whole, max - 20)}`, embeds: [], components: [] };
  return { content: `Citation to copy:\n\`\`\`\n${whole}\n\`\`\``, embeds: [], components: [] };
}

/**
 * Where a source of the asker's own server came from: it is not one of the bot's global sources,
 * and a reader should know who put it there. The user is shown as a mention, which never pings
 * (every reply is sent with no allowed mentions).
 */
function addedNote(c: Pick<Citation, 'addedHere'>): string {
  const a = c.addedHere;
  if (!a) return '';
  const day = /^\d{4}-\d{2}-\d{2}/.exec(a.at)?.[0];
  return `\nAdded by a moderator of this server (<@${a.user}>)${day ? ` on ${formatLongDate(day)}` : ''}: not one of my global sources.`;
}
