/**
 * Answer → Discord messages (embeds + buttons), pure data. Every excerpt is shown with its
 * speaker, source title, publisher and date (and link when known); every string from a source is
 * escaped and cut within Discord's limits; a long answer becomes several messages.
 */
import type { APIEmbed } from 'discord.js';
import type { Answer, SourceSummary } from '../../answer/types.js';
import { answerButtons, speakerChoices } from './buttons.js';
import { citationEmbed, EXCERPT_BUDGET } from './citation-embed.js';
import { LIMITS, bold, fitEscaped, splitEscaped } from './escape.js';
import { COLOR, type DiscordMessage, embedLength } from './message.js';
import { renderMiss } from './notice.js';
import { formatLongDate } from '../../knowledge/dates.js';
import { linked, shownDate } from './source-fields.js';
import { renderVerify } from './verify.js';

function sourceLine(s: SourceSummary): string {
  const who = s.speakers.length ? ` · ${fitEscaped(s.speakers.slice(0, 4).join(', '), 200)}` : '';
  return `${bold(linked(s.title, s.url, 400))} · ${fitEscaped(s.publisher ?? 'publisher not stated', 100)} · ${shownDate(s.date)} · ${s.quotes} quotes${who}${ownMark(s)}`;
}

/** A source of this server only (docs/scopes.md), with who added it and its id for the operator's `promote`. */
function ownMark(s: SourceSummary): string {
  if (!s.own) return '';
  const a = s.own.added;
  const day = a && /^\d{4}-\d{2}-\d{2}/.exec(a.at)?.[0];
  const by = a ? ` · added by <@${a.user}>${day ? ` on ${formatLongDate(day)}` : ''}` : '';
  return `\n↳ this server's own${by} · id \`${s.sourceId.replace(/[`\n]/g, '').slice(0, 200)}\``;
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
