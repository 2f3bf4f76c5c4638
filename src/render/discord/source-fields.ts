/** Links, dates and the source fields every excerpt carries, shared by the Discord renderers. */
import type { APIEmbed } from 'discord.js';
import type { SourceRef } from '../../answer/types.js';
import { formatLongDate } from '../../knowledge/dates.js';
import { LIMITS, fitEscaped, fitLabel } from './escape.js';

/** Only http(s) URLs: Discord rejects the whole message for an invalid embed URL. */
export function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    // Parentheses would end a Markdown link early (encodeURIComponent leaves them alone).
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\s/g, '%20') : null;
  } catch {
    return null;
  }
}

export function linked(label: string, url: string | null, max: number): string {
  const href = safeUrl(url);
  if (!href) return fitEscaped(label, max);
  const room = max - href.length - 4;
  return room > 10 ? `[${fitLabel(label, room)}](${href})` : fitEscaped(label, max);
}

/** Discord refuses a whole message over one empty field value: blank text gets a stated fallback. */
function orElse(value: string, fallback: string): string {
  return value.trim() ? value : fallback;
}

export function sourceFields(s: SourceRef): APIEmbed['fields'] {
  return [
    { name: 'Source', value: orElse(linked(s.title, s.url, LIMITS.fieldValue), 'untitled'), inline: true },
    { name: 'Publisher', value: orElse(fitEscaped(s.publisher ?? '', LIMITS.fieldValue), 'not stated'), inline: true },
    { name: 'Date', value: orElse(shownDate(s.date), 'not stated'), inline: true },
  ];
}

/** `24 March 2021 (2021-03-24)`: readable and unambiguous; a bare year stays a bare year. */
export function shownDate(date: string): string {
  const long = formatLongDate(date);
  return long === date ? date : `${long} (${date})`;
}

/** Whole lines joined by newlines within `max`; the rest summarised as "… and N more". */
export function fitLines(lines: string[], max: number): string {
  const out: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const more = `… and ${lines.length - i} more`;
    if (used + line.length + 1 + (i < lines.length - 1 ? more.length + 1 : 0) > max) {
      out.push(more);
      break;
    }
    out.push(line);
    used += line.length + 1;
  }
  return out.join('\n');
}
