/** The buttons under an answer: Context and Cite per excerpt, More for the next page, one per speaker for "which one?". */
import { type APIButtonComponent, ButtonStyle, ComponentType } from 'discord.js';
import type { Answer } from '../../answer/types.js';
import { citationCheck, encodeButton } from './custom-ids.js';
import { LIMITS } from './escape.js';
import type { ButtonRow } from './message.js';

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
export function speakerChoices(answer: Answer, askerId: string): ButtonRow[] {
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
