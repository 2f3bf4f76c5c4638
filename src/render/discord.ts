/**
 * Answer → Discord messages (embeds + buttons), pure data. Every excerpt is shown with its
 * speaker, source title, publisher and date (and link when known); every string from a source is
 * escaped and cut within Discord's limits; a long answer becomes several messages.
 */
import { ButtonStyle, ComponentType } from 'discord.js';
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import type { Answer, Citation, SourceRef, SourceSummary } from '../answer/types.js';
import { formatLongDate } from '../knowledge/dates.js';
import { citationCheck, encodeButton } from './discord-ids.js';
import { LIMITS, cutPlain, escapeDiscord, fitEscaped, splitEscaped } from './discord-text.js';

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
}

/** Excerpts get at most this much so one embed always fits the 6000-character message total. */
const EXCERPT_BUDGET = 3000;
export const COLOR = 0x2b6cb0;

/** Only http(s) URLs: Discord rejects the whole message for an invalid embed URL. */
export function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href.replace(/[()\s]/g, encodeURIComponent) : null;
  } catch {
    return null;
  }
}

function linked(label: string, url: string | null, max: number): string {
  const href = safeUrl(url);
  if (!href) return fitEscaped(label, max);
  const room = max - href.length - 4;
  return room > 10 ? `[${fitEscaped(label, room)}](${href})` : fitEscaped(label, max);
}

function speakerLabel(c: Citation): string {
  if (!c.speaker) return 'From the article';
  return c.kind === 'reported' ? `${c.speaker} (reported speech, not a direct quote)` : c.speaker;
}

function excerptText(c: Citation, max: number): string {
  if (c.kind !== 'quote') return fitEscaped(c.excerpt, max);
  return `“${fitEscaped(c.excerpt, max - 2)}”`;
}

export function sourceFields(s: SourceRef): APIEmbed['fields'] {
  return [
    { name: 'Source', value: linked(s.title, s.url, LIMITS.fieldValue), inline: true },
    { name: 'Publisher', value: fitEscaped(s.publisher ?? 'not stated', LIMITS.fieldValue), inline: true },
    { name: 'Date', value: shownDate(s.date), inline: true },
  ];
}

/** `24 March 2021 (2021-03-24)`: readable and unambiguous; a bare year stays a bare year. */
export function shownDate(date: string): string {
  const long = formatLongDate(date);
  return long === date ? date : `${long} (${date})`;
}

/** Whole lines joined by newlines within `max`; the rest summarised as "… and N more". */
function fitLines(lines: string[], max: number): string {
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

export function citationEmbed(c: Citation, n: number): APIEmbed {
  const fields = sourceFields(c) ?? [];
  if (c.alsoIn.length) {
    const lines = c.alsoIn.map((s) => `${linked(s.title, s.url, 300)} · ${fitEscaped(s.publisher ?? '', 100)} · ${shownDate(s.date)}`);
    fields.push({ name: 'Also in', value: fitLines(lines, LIMITS.fieldValue) });
  }
  const embed: APIEmbed = {
    color: COLOR,
    title: `${n}. ${escapeDiscord(cutPlain(speakerLabel(c), LIMITS.title - 12))}`,
    description: excerptText(c, EXCERPT_BUDGET),
    fields,
  };
  const url = safeUrl(c.url);
  if (url) embed.url = url;
  return embed;
}

function sourceLine(s: SourceSummary): string {
  const who = s.speakers.length ? ` · ${fitEscaped(s.speakers.slice(0, 4).join(', '), 200)}` : '';
  return `**${linked(s.title, s.url, 400)}** · ${fitEscaped(s.publisher ?? 'publisher not stated', 100)} · ${shownDate(s.date)} · ${s.quotes} quotes${who}`;
}

function sourcesEmbeds(sources: SourceSummary[]): APIEmbed[] {
  const embeds: APIEmbed[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length) embeds.push({ color: COLOR, description: lines.join('\n') });
    lines = [];
  };
  for (const s of sources) {
    const line = sourceLine(s);
    if (lines.join('\n').length + line.length + 1 > EXCERPT_BUDGET) flush();
    lines.push(line);
  }
  flush();
  return embeds;
}

/** Characters Discord counts toward the 6000 per-message total. */
export function embedLength(e: APIEmbed): number {
  const fields = (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + fields + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
}

function packEmbeds(content: string, embeds: APIEmbed[]): DiscordMessage[] {
  const messages: DiscordMessage[] = [{ content, embeds: [], components: [] }];
  let total = 0;
  for (const e of embeds) {
    let current = messages[messages.length - 1]!;
    if (current.embeds.length >= LIMITS.embeds || total + embedLength(e) > LIMITS.embedTotal) {
      current = { embeds: [], components: [] };
      messages.push(current);
      total = 0;
    }
    current.embeds.push(e);
    total += embedLength(e);
  }
  return messages;
}

function button(label: string, customId: string | null, style: ButtonStyle.Primary | ButtonStyle.Secondary = ButtonStyle.Secondary): APIButtonComponent | null {
  return customId ? { type: ComponentType.Button, style, label, custom_id: customId } : null;
}

function rows(groups: (APIButtonComponent | null)[][]): ButtonRow[] {
  const present = groups.map((g) => g.filter((b): b is APIButtonComponent => b !== null)).filter((g) => g.length);
  // Few buttons share one row; otherwise one row per kind (Context…, Cite…, More).
  const packed = present.flat().length <= LIMITS.buttonsPerRow ? [present.flat()] : present;
  return packed.filter((g) => g.length).map((g) => ({ type: ComponentType.ActionRow, components: g.slice(0, LIMITS.buttonsPerRow) }));
}

/** Context and Cite for each excerpt shown (up to 5), and More when there is a next page. */
export function answerButtons(answer: Answer, askerId: string): ButtonRow[] {
  const shown = answer.citations.slice(0, LIMITS.buttonsPerRow);
  const num = (i: number) => (shown.length > 1 ? ` ${i + 1}` : '');
  const more = { ...answer.request, offset: answer.request.offset + (answer.sources?.length ?? answer.citations.length) };
  return rows([
    shown.map((c, i) => button(`Context${num(i)}`, encodeButton({ kind: 'context', index: i, passageKey: c.passageKey }))),
    shown.map((c, i) => button(`Cite${num(i)}`, encodeButton({ kind: 'cite', index: i, check: citationCheck(c), request: answer.request }))),
    [answer.hasMore ? button('More results', encodeButton({ kind: 'more', askerId, request: more }), ButtonStyle.Primary) : null],
  ]);
}

function headingLine(answer: Answer): string {
  const shown = answer.sources?.length ?? answer.citations.length;
  const from = answer.request.offset;
  const range = from > 0 && shown > 0 ? ` · results ${from + 1}–${from + shown}` : '';
  return `**${fitEscaped(answer.heading || answer.command, LIMITS.content - 200)}**${range}`;
}

/** One answer as one or more messages; buttons go on the last one. */
export function renderAnswer(answer: Answer, opts: { askerId: string }): DiscordMessage[] {
  if (!answer.found) return [renderMiss(answer)];
  const embeds = answer.sources?.length ? sourcesEmbeds(answer.sources) : answer.citations.map((c, i) => citationEmbed(c, i + 1));
  const messages = embeds.length
    ? packEmbeds(headingLine(answer), embeds)
    : splitEscaped(answer.text, LIMITS.content).map((content) => ({ content, embeds: [], components: [] }));
  if (!messages.length) messages.push({ content: headingLine(answer), embeds: [], components: [] });
  messages[messages.length - 1]!.components = answerButtons(answer, opts.askerId);
  return messages;
}

/** A miss: the core's explanation plus "did you mean" (always shown privately by the faces). */
export function renderMiss(answer: Answer): DiscordMessage {
  const fresh = answer.suggestions.filter((s) => !answer.text.includes(s));
  const hint = fresh.length ? `\nDid you mean: ${fresh.slice(0, 10).join(', ')}?` : '';
  return { content: fitEscaped(`${answer.text.trim()}${hint}`, LIMITS.content), embeds: [], components: [] };
}

