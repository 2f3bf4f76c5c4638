/**
 * More / Context / Cite. Everything comes from the stateless custom id; a forged or stale id is
 * refused with a private message. Only the asker's "More" changes the asker's message (its More
 * button goes away and the next page follows); anyone else gets the next page privately.
 */
import { MessageFlags, type APIButtonComponent, type ButtonInteraction } from 'discord.js';
import { renderAnswer } from '../render/discord/answer.js';
import type { ButtonRow } from '../render/discord/message.js';
import { renderCite, type VerifyCite } from '../render/discord/cite.js';
import { claimReviewOf } from '../render/claimreview.js';
import { claimLine, readClaimLine } from '../render/discord/claim-line.js';
import { renderClaimReview } from '../render/discord/claimreview.js';
import { renderContextPages } from '../render/discord/context.js';
import { citationCheck, decodeButton } from '../render/discord/custom-ids.js';
import { UserFacingError, type BotContext, type Outcome } from './context.js';
import { replyNotice, replyPages } from './respond.js';

const FORGED = 'That button is not one I made (or it is damaged), so I did not act on it. Ask again with /quote or /summary.';
const STALE = 'The sources changed since this answer was given, so I will not cite it from here. Please ask again.';
const UNREADABLE_CLAIM =
  'I cannot read the claim back from this message (it was too long to show whole), so I cannot check it again from here. Ask /verify again, or run: npm run ask -- --json --claimreview \'did … say "…"\'';

/** The excerpt as shown in the message's embed, unescaped, to mark it inside its paragraph. */
function shownExcerpt(i: ButtonInteraction, index: number): string | undefined {
  const d = i.message.embeds[index]?.description;
  return d
    ?.replace(/\\([^\w\s])/g, '$1')
    .replace(/^“|”$/g, '')
    .replace(/ …$/, '');
}

/** The clicked message's rows without the clicked button. */
function withoutButton(i: ButtonInteraction): ButtonRow[] {
  return i.message.components.flatMap((r) => {
    const json = r.toJSON() as ButtonRow;
    if (!('components' in json)) return [];
    const kept = json.components.filter((c: APIButtonComponent) => !('custom_id' in c) || c.custom_id !== i.customId);
    return kept.length ? [{ ...json, components: kept }] : [];
  });
}

export async function handleButton(i: ButtonInteraction, { core, turns }: BotContext): Promise<Outcome & { command: string }> {
  const action = decodeButton(i.customId);
  if (!action) throw new UserFacingError(FORGED);
  // Acknowledge before answering (it can take longer than Discord's 3 seconds under load). The
  // asker's More edits the clicked message; every other click is answered privately.
  const isAsker = (action.kind === 'more' || action.kind === 'vmore') && i.user.id === action.askerId;
  if (isAsker) await i.deferUpdate();
  else await i.deferReply({ flags: MessageFlags.Ephemeral });
  await turns.turn(i.id);

  if (action.kind === 'context') {
    const context = core.context(action.passageKey);
    if (!context) {
      await replyNotice(i, 'That passage is no longer in my sources. Please ask again.');
      return { command: 'button:context', found: false };
    }
    await replyPages(i, renderContextPages(context, shownExcerpt(i, action.index)), true);
    return { command: 'button:context', found: true };
  }

  if (action.kind === 'vcite') {
    const citation = core.cite?.(action.passageKey, action.start, action.end);
    if (!citation || citationCheck(citation) !== action.check) throw new UserFacingError(STALE);
    // The claim is too long for the button: read back from the clicked answer's Claim line.
    const checked = readClaimLine(i.message.content);
    const verify = checked ? { claimLine: claimLine(checked), index: action.index, check: action.check } : undefined;
    await replyPages(i, [renderCite(citation, verify)], true);
    return { command: 'button:cite', found: true };
  }

  if (action.kind === 'cite') {
    const answer = core.answer(action.request);
    const citation = answer.citations[action.index];
    if (!citation || citationCheck(citation) !== action.check) throw new UserFacingError(STALE);
    const verify: VerifyCite | undefined =
      answer.verify && answer.request.command === 'verify'
        ? { claimLine: claimLine(answer.request), index: action.index, check: action.check }
        : undefined;
    await replyPages(i, [renderCite(citation, verify)], true);
    return { command: 'button:cite', found: true };
  }

  if (action.kind === 'claimreview') {
    const request = readClaimLine(i.message.content);
    if (!request) throw new UserFacingError(UNREADABLE_CLAIM);
    const answer = core.answer(request);
    const citation = answer.citations[action.index];
    const review = claimReviewOf(answer);
    if (!review || !citation || citationCheck(citation) !== action.check) throw new UserFacingError(STALE);
    await replyPages(i, [renderClaimReview(review)], true);
    return { command: 'button:claimreview', found: true };
  }

  // vmore: the later sources of a /verify claim, read back from the clicked message's Claim line.
  const request = action.kind === 'vmore' ? readClaimLine(i.message.content) : action.request;
  if (!request) throw new UserFacingError(UNREADABLE_CLAIM);
  const answer = core.answer(action.kind === 'vmore' ? { ...request, offset: action.offset } : request);
  if (!answer.found || (!answer.citations.length && !answer.sources?.length && !answer.verify?.appearances.length)) {
    await replyNotice(i, 'There are no more results for this question.');
    return { command: 'button:more', found: false };
  }
  const pages = renderAnswer(answer, { askerId: i.user.id });
  if (isAsker) {
    await i.editReply({ components: withoutButton(i) });
    await replyPages(i, pages, i.message.flags.has(MessageFlags.Ephemeral));
  } else {
    await replyPages(i, pages, true);
  }
  return { command: 'button:more', found: true };
}
