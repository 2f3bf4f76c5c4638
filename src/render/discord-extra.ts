/**
 * The smaller Discord renderings: the Cite line (plain text in a code block, so what a journalist
 * copies is exactly the source's words), the Context paragraph, and one-line notices.
 */
import type { APIEmbed } from 'discord.js';
import type { Citation, PassageContext } from '../answer/types.js';
import { formatLongDate } from '../knowledge/dates.js';
import { COLOR, sourceFields, type DiscordMessage } from './discord-parts.js';
import { LIMITS, cutPlain, escapeDiscord, fitEscaped } from './discord-text.js';

/** The citation a user copies: speaker, “quote”, publisher, title, date (and link). */
export function citationLine(c: Citation, maxLength = 1900): string {
  const where = [c.publisher, `“${c.title}”`, formatLongDate(c.date)].filter(Boolean).join(', ');
  const tail = ` (${where})${c.url ? ` ${c.url}` : ''}`;
  const who = c.speaker ? (c.kind === 'reported' ? `${c.speaker} (reported speech, not a direct quote): ` : `${c.speaker}: `) : '';
  const room = Math.max(20, maxLength - who.length - tail.length - 2);
  const words = cutPlain(c.excerpt, room);
  return `${who}${c.kind === 'quote' ? `“${words}”` : words}${tail}`;
}

/** An ephemeral message holding the citation line ready to copy. */
export function renderCite(c: Citation): DiscordMessage {
  const line = citationLine(c);
  const content = line.includes('```')
    ? `Citation to copy:\n${escapeDiscord(line)}` // a code block cannot hold ``` verbatim
    : `Citation to copy:\n\`\`\`\n${line}\n\`\`\``;
  return { content: content.slice(0, LIMITS.content), embeds: [], components: [] };
}

/**
 * `text` escaped, with each run of `excerpt` (the pieces between its … cut marks) in bold when
 * found in order; null when a run is missing (then nothing is marked rather than the wrong words).
 */
function markExcerpt(text: string, excerpt: string): string | null {
  const runs = excerpt.split('…').map((r) => r.trim()).filter((r) => r.length > 3);
  if (!runs.length) return null;
  let out = '';
  let at = 0;
  for (const run of runs) {
    const found = text.indexOf(run, at);
    if (found < 0) return null;
    out += `${escapeDiscord(text.slice(at, found))}**${escapeDiscord(run)}**`;
    at = found + run.length;
  }
  return out + escapeDiscord(text.slice(at));
}

/** The paragraph around an excerpt, with the excerpt in bold when it fits whole. */
export function renderContext(ctx: PassageContext, excerpt?: string): DiscordMessage {
  const budget = LIMITS.description - 10;
  const marked = excerpt ? markExcerpt(ctx.text, excerpt) : null;
  const description = marked && marked.length <= budget ? marked : fitEscaped(ctx.text, budget);
  const fields = sourceFields(ctx.source) ?? [];
  if (ctx.section) fields.push({ name: 'Section', value: fitEscaped(ctx.section, LIMITS.fieldValue) });
  const embed: APIEmbed = { color: COLOR, title: 'Context (the whole paragraph, verbatim)', description, fields };
  return { embeds: [embed], components: [] };
}

/** A short line of our own words (errors, cooldown, refusals); still escaped and cut. */
export function renderNotice(text: string): DiscordMessage {
  return { content: fitEscaped(text, LIMITS.content), embeds: [], components: [] };
}
