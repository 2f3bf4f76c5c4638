/** One citation as a Discord embed: the excerpt with its speaker, source, date and link, within the embed limits. */
import type { APIEmbed } from 'discord.js';
import type { Citation } from '../../answer/types.js';
import { LIMITS, fitEscaped } from './escape.js';
import { COLOR, embedLength } from './message.js';
import { fitLines, linked, safeUrl, shownDate, sourceFields } from './source-fields.js';

/** Excerpts get at most this much so one embed always fits the 6000-character message total. */
export const EXCERPT_BUDGET = 3000;

function speakerLabel(c: Citation): string {
  if (!c.speaker) return c.kind === 'passage' ? 'Narration (no speaker named)' : 'Unattributed (no speaker named)';
  return c.kind === 'reported' ? `${c.speaker} (reported speech, not a direct quote)` : c.speaker;
}

function excerptText(c: Citation, max: number): string {
  if (c.kind !== 'quote') return fitEscaped(c.excerpt, max);
  return `“${fitEscaped(c.excerpt, max - 2)}”`;
}

export function citationEmbed(c: Citation, n: number): APIEmbed {
  const fields = sourceFields(c) ?? [];
  if (c.alsoIn.length) {
    const lines = c.alsoIn.map((s) =>
      [linked(s.title, s.url, 300), s.publisher ? fitEscaped(s.publisher, 100) : null, shownDate(s.date)].filter(Boolean).join(' · '),
    );
    fields.push({ name: 'Also in', value: fitLines(lines, LIMITS.fieldValue) });
  }
  const title = `${n}. ${fitEscaped(speakerLabel(c), LIMITS.title - 12)}`;
  // Long titles and source fields can leave less than the usual excerpt budget inside one
  // message's 6000 characters: the excerpt takes what is left (cut on a sentence, marked …).
  const rest = LIMITS.embedTotal - embedLength({ title, fields });
  const embed: APIEmbed = { color: COLOR, title, description: excerptText(c, Math.min(EXCERPT_BUDGET, rest)), fields };
  const url = safeUrl(c.url);
  if (url) embed.url = url;
  return embed;
}
