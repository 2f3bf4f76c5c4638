/** The Context view: the whole paragraph around an excerpt, verbatim, paged within Discord's limits. */
import type { APIEmbed } from 'discord.js';
import type { PassageContext } from '../../answer/types.js';
import { LIMITS, bold, cutText, escapeDiscord, escapedLength, fitEscaped } from './escape.js';
import { COLOR, type DiscordMessage } from './message.js';
import { sourceFields } from './source-fields.js';

/**
 * `text` escaped, with each run of `excerpt` (the pieces between its … cut marks) in bold when
 * found in order; null when a run is missing (then nothing is marked rather than the wrong words).
 */
function markExcerpt(text: string, excerpt: string): string | null {
  const runs = excerpt
    .split('…')
    .map((r) => r.trim())
    .filter((r) => r.length > 3);
  if (!runs.length) return null;
  let out = '';
  let at = 0;
  for (const run of runs) {
    const found = text.indexOf(run, at);
    if (found < 0) return null;
    out += `${escapeDiscord(text.slice(at, found))}${bold(escapeDiscord(run))}`;
    at = found + run.length;
  }
  return out + escapeDiscord(text.slice(at));
}

/** The paragraph around an excerpt, with the excerpt in bold when it fits whole. */
export function renderContext(ctx: PassageContext, excerpt?: string): DiscordMessage {
  const fields = sourceFields(ctx.source) ?? [];
  const section = ctx.section ? fitEscaped(ctx.section, 300) : '';
  if (section.trim()) fields.push({ name: 'Section', value: section });
  const title = 'Context (the whole paragraph, verbatim)';
  // The paragraph gets what the 6000-character message total leaves after the source fields.
  const used = title.length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  const budget = Math.min(LIMITS.description - 10, LIMITS.embedTotal - used - 10);
  const marked = excerpt ? markExcerpt(ctx.text, excerpt) : null;
  const description = marked && marked.length <= budget ? marked : fitEscaped(ctx.text, budget);
  const embed: APIEmbed = { color: COLOR, title, description, fields };
  return { embeds: [embed], components: [] };
}

/** At most this many messages for one Context click; past them the rest of the paragraph is named, not sent. */
export const CONTEXT_PAGES = 3;

/**
 * The Context view, paged when the paragraph is longer than one message: the first page is
 * renderContext's (with the source fields), the next ones follow with the paragraph's next
 * parts, cut at line, sentence or word ends; a paragraph longer than CONTEXT_PAGES messages says
 * how much is left instead of flooding the channel.
 */
export function renderContextPages(ctx: PassageContext, excerpt?: string): DiscordMessage[] {
  const first = renderContext(ctx, excerpt);
  const embed = first.embeds[0]!;
  if (escapedLength(ctx.text.trim()) <= (embed.description?.length ?? 0) + 1) return [first];
  const fields = embed.fields ?? [];
  // Room left by the title, the source fields (first page only), a footer and the ' …' marks.
  const used = 120 + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  const room = (n: number) => Math.min(LIMITS.description - 10, LIMITS.embedTotal - (n === 0 ? used : 120) - 100);
  const parts: string[] = [];
  let rest = ctx.text.trim();
  for (let n = 0; n < CONTEXT_PAGES && rest; n++) {
    // Only what one page can hold is looked at: a 5 MB paragraph is never escaped whole.
    const window = rest.slice(0, room(n) * 2);
    const cut = cutText(window, room(n));
    const raw = cut === window.trim() ? cut : cut.replace(/ …$/, '');
    if (!raw) break;
    parts.push(`${n > 0 ? '… ' : ''}${escapeDiscord(raw)}${raw.length < rest.length ? ' …' : ''}`);
    rest = rest.slice(raw.length).trim();
  }
  return parts.map(
    (description, n): DiscordMessage => ({
      embeds: [
        {
          color: COLOR,
          title: `Context (the whole paragraph, verbatim), part ${n + 1}${rest ? '' : ` of ${parts.length}`}`,
          description,
          ...(n === 0 ? { fields } : {}),
          ...(n === parts.length - 1 && rest
            ? { footer: { text: `The paragraph goes on for ${rest.length.toLocaleString('en-US')} more characters: the source has the rest.` } }
            : {}),
        },
      ],
      components: [],
    }),
  );
}
