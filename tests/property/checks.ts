/**
 * What every answer and every rendered message must satisfy, whatever was typed: excerpts verbatim
 * in their source, Discord's limits, and nothing from user input able to mention or format.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { APIEmbed } from 'discord.js';
import type { Answer, Citation } from '../../src/answer/types.js';
import type { DiscordMessage } from '../../src/render/discord/message.js';

/** Whitespace-collapsed raw text of every seed file, by source id (the file name without extension). */
export function readSources(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    if (!['.txt', '.md'].includes(extname(name)) || name === 'README.md') continue;
    out.set(name.slice(0, -extname(name).length), collapse(readFileSync(join(dir, name), 'utf8')));
  }
  return out;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Problems with one citation's words: each piece between … cuts must be in its source as is. */
export function verbatimProblems(c: Pick<Citation, 'excerpt' | 'sourceId'>, sources: Map<string, string>): string[] {
  const source = sources.get(c.sourceId);
  if (source === undefined) return [`unknown source ${c.sourceId}`];
  return c.excerpt
    .split('…')
    .map(collapse)
    .filter(Boolean)
    .filter((piece) => !source.includes(piece))
    .map((piece) => `not verbatim in ${c.sourceId}: ${JSON.stringify(piece.slice(0, 120))}`);
}

export function answerShapeProblems(a: Answer): string[] {
  const out: string[] = [];
  if (typeof a.text !== 'string' || typeof a.found !== 'boolean' || !Array.isArray(a.citations)) out.push('bad answer shape');
  for (const c of a.citations) {
    if (!/^\d{4}(-\d{2}-\d{2})?$/.test(c.date)) out.push(`bad date ${c.date}`);
    // A source is named by its headline, or, for a file without one, by its publisher (never an invented title).
    if (!c.title.trim() && !c.publisher?.trim()) out.push('citation without title or publisher');
    if (!c.excerpt.trim()) out.push('empty excerpt');
  }
  return out;
}

/** Discord's own bare-link rule: a link runs to whitespace or `<`, and never ends on punctuation. */
const URL_AT = /^https?:\/\/[^\s<]+[^<.,:;"')\]\s]/;
/** A masked link as we write it: `[label](http…)`, the label escaped. */
const MASKED_AT = /^\[((?:\\.|[^\]\\])*)\]\((https?:\/\/[^)\s]+)\)/;
const SPECIAL = new Set(['*', '_', '~', '`', '|', '[', ']']);
/** What Discord turns into a mention, channel, role, emoji, timestamp or command. */
const ANGLED = /^<(@[!&]?\d+|#\d+|t:-?\d+(:[a-zA-Z])?|a?:\w+:\d+|\/[^>]+:\d+)>/;

/**
 * Markdown or mention syntax that Discord would act on, read left to right the way Discord does
 * (escapes, then bare links, then masked links): any unescaped inline marker other than our own
 * `**bold**` pairs and `[label](url)` links, `<@…>`-style mentions, `@everyone`/`@here` (also
 * inside links), and (for text rendered as Markdown blocks) headings, quotes, lists at a line start.
 */
function markupProblems(text: string, blocks: boolean): string[] {
  const out: string[] = [];
  let bold = 0;
  const scan = (t: string) => {
    for (let i = 0; i < t.length; i++) {
      const ch = t[i]!;
      // Longer than any message we send, so a link is never cut short by the window.
      const rest = t.slice(i, i + 6000);
      if (ch === '\\' && /^[^0-9A-Za-z\s]/.test(t[i + 1] ?? '')) {
        i++; // Discord's escape: a backslash before punctuation
        continue;
      }
      const url = ch === 'h' ? URL_AT.exec(rest) : null;
      if (url) {
        if (/(^|[^\\])@(everyone|here)/i.test(url[0])) out.push(`mention inside a link: ${url[0].slice(0, 60)}`);
        // A link ending in a backslash takes it along: the next character (`]` or `<`, the only
        // escaped ones that can follow a link) shows as is, harmless on its own.
        i += url[0].length - 1 + (url[0].endsWith('\\') ? 1 : 0);
        continue;
      }
      const masked = ch === '[' ? MASKED_AT.exec(rest) : null;
      if (masked) {
        scan(masked[1]!);
        i += masked[0].length - 1;
        continue;
      }
      if (ch === '*' && t[i + 1] === '*') {
        bold++;
        i++;
        continue;
      }
      if (SPECIAL.has(ch)) out.push(`unescaped ${ch} in …${t.slice(Math.max(0, i - 20), i + 20)}…`);
      if (ch === '<' && ANGLED.test(rest)) out.push(`mention syntax …${rest.slice(0, 20)}…`);
      if (ch === '@' && /^@(everyone|here)/i.test(rest)) out.push(`unescaped mention …${rest.slice(0, 20)}…`);
    }
  };
  scan(text);
  if (bold % 2) out.push(`unbalanced ** in ${text.slice(0, 80)}`);
  if (blocks)
    for (const line of text.split('\n'))
      if (/^\s*(#{1,3}\s|-#?\s|\+\s|\d+\.\s|>)/.test(line)) out.push(`block markup at line start: ${line.slice(0, 40)}`);
  return out;
}

function embedProblems(e: APIEmbed): string[] {
  const out: string[] = [];
  const over = (what: string, s: string | undefined, max: number) => {
    if ((s ?? '').length > max) out.push(`${what} ${s!.length} > ${max}`);
  };
  over('title', e.title, 256);
  over('description', e.description, 4096);
  over('footer', e.footer?.text, 2048);
  over('author', e.author?.name, 256);
  if ((e.fields ?? []).length > 25) out.push('more than 25 fields');
  for (const f of e.fields ?? []) {
    over('field name', f.name, 256);
    over('field value', f.value, 1024);
    if (!f.name.trim() || !f.value.trim()) out.push('empty field');
    out.push(...markupProblems(f.value, true));
  }
  if (e.url && !/^https?:\/\/\S+$/.test(e.url)) out.push(`bad embed url ${e.url}`);
  out.push(...markupProblems(e.title ?? '', false), ...markupProblems(e.description ?? '', true));
  return out;
}

/**
 * The characters Discord counts toward a message's 6,000 over all embeds (title, description,
 * field names and values, footer text, author name), counted here by the rule itself rather than
 * by the production embedLength, so a renderer that undercounts fails.
 */
export function discordEmbedCharacters(embeds: APIEmbed[]): number {
  let n = 0;
  for (const e of embeds) {
    n += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length + (e.author?.name ?? '').length;
    for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  }
  return n;
}

/** Every Discord limit on one message, plus markup checks on all its text. */
export function messageProblems(m: DiscordMessage, opts: { heading?: boolean } = {}): string[] {
  const out: string[] = [];
  const content = m.content ?? '';
  if (content.length > 2000) out.push(`content ${content.length} > 2000`);
  if (!content.trim() && !m.embeds.length) out.push('empty message');
  if (m.embeds.length > 10) out.push('more than 10 embeds');
  const total = discordEmbedCharacters(m.embeds);
  if (total > 6000) out.push(`embeds total ${total} > 6000`);
  for (const e of m.embeds) out.push(...embedProblems(e));
  if (m.components.length > 5) out.push('more than 5 rows');
  const ids: string[] = [];
  for (const row of m.components) {
    if (row.components.length > 5 || row.components.length === 0) out.push('row with 0 or more than 5 buttons');
    for (const b of row.components) {
      if ('custom_id' in b) ids.push(b.custom_id);
      if ('label' in b && (b.label ?? '').length > 80) out.push('label > 80');
    }
  }
  if (new Set(ids).size !== ids.length) out.push('duplicate custom ids');
  for (const id of ids) if (id.length > 100 || id.length === 0) out.push(`custom id length ${id.length}`);
  // Our heading is the first line, in bold: `**…**` (plus " · results a–b").
  const lines = content.split('\n');
  if (opts.heading && lines[0]?.startsWith('**')) lines[0] = lines[0].replace(/^\*\*/, '').replace(/ ?\*\*( · results \d+–\d+)?$/, '$1');
  out.push(...markupProblems(lines.join('\n'), true));
  return out;
}
