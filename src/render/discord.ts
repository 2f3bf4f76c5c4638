/**
 * Answer → Discord messages (embeds + buttons), pure data. Every excerpt is shown with its
 * speaker, source title, publisher and date (and link when known); every string from a source is
 * escaped and cut within Discord's limits; a long answer becomes several messages.
 */
import { ButtonStyle, ComponentType } from 'discord.js';
import type { APIButtonComponent, APIEmbed } from 'discord.js';
import type { Answer, Citation, SourceSummary } from '../answer/types.js';
import { citationCheck, encodeButton } from './discord-ids.js';
import { COLOR, embedLength, fitLines, linked, safeUrl, shownDate, sourceFields, type ButtonRow, type DiscordMessage } from './discord-parts.js';
import { LIMITS, bold, fitEscaped, splitEscaped } from './discord-text.js';
import { renderVerify } from './discord-verify.js';

export { embedLength, type ButtonRow, type DiscordMessage };

/** Excerpts get at most this much so one embed always fits the 6000-character message total. */
const EXCERPT_BUDGET = 3000;

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

function sourceLine(s: SourceSummary): string {
  const who = s.speakers.length ? ` · ${fitEscaped(s.speakers.slice(0, 4).join(', '), 200)}` : '';
  return `${bold(linked(s.title, s.url, 400))} · ${fitEscaped(s.publisher ?? 'publisher not stated', 100)} · ${shownDate(s.date)} · ${s.quotes} quotes${who}`;
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

function button(
  label: string,
  customId: string | null,
  style: ButtonStyle.Primary | ButtonStyle.Secondary = ButtonStyle.Secondary,
): APIButtonComponent | null {
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

/**
 * "Which one?" as choices, never a dead end: a /quote miss that names possible speakers gets one
 * button per speaker, each asking the same question of that speaker.
 */
function speakerChoices(answer: Answer, askerId: string): ButtonRow[] {
  const r = answer.request;
  if (r.command !== 'quote' || !answer.suggestions.length) return [];
  const names = [...new Set(answer.suggestions.map((n) => n.trim()).filter(Boolean))];
  const choices = names
    .slice(0, LIMITS.buttonsPerRow)
    .map((name) =>
      button(
        name.length > 80 ? `${name.slice(0, 79)}…` : name,
        encodeButton({ kind: 'more', askerId, request: { command: 'quote', speaker: name, topic: r.topic, offset: 0 } }),
      ),
    );
  return rows([choices]);
}

function headingLine(answer: Answer): string {
  const shown = answer.sources?.length ?? answer.citations.length;
  const from = answer.request.offset;
  const range = from > 0 && shown > 0 ? ` · results ${from + 1}–${from + shown}` : '';
  // One line: a heading that echoes a pasted multi-line question must not run into the answer.
  const heading = (answer.heading || answer.command).replace(/\s+/g, ' ');
  return `${bold(fitEscaped(heading, LIMITS.content - 200))}${range}`;
}

/** One answer as one or more messages; buttons go on the last one. */
export function renderAnswer(answer: Answer, opts: { askerId: string }): DiscordMessage[] {
  if (answer.verify) return renderVerify(answer, opts);
  if (!answer.found) {
    const miss = renderMiss(answer);
    miss.components = speakerChoices(answer, opts.askerId);
    return [miss];
  }
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
  const text = `${answer.text.trim()}${hint}`.trim() || 'I found nothing in my sources for that.';
  // Discord refuses an empty message; whatever the text, something is sent.
  return { content: fitEscaped(text, LIMITS.content) || 'I found nothing in my sources for that.', embeds: [], components: [] };
}
