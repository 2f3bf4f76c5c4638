/**
 * The message context-menu command "Verify quote" (right-click a message → Apps): checks the
 * quoted words of the message (or its whole text) against the sources, with the speaker the
 * message names (`Stoltenberg said "…"`), and answers privately: the message is someone else's.
 */
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type MessageContextMenuCommandInteraction,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import { MAX_INPUT } from '../../answer/ask.js';
import { renderAnswer } from '../../render/discord/answer.js';
import type { BotContext, Outcome } from '../context.js';
import { UserFacingError } from '../context.js';
import { replyPages } from '../respond.js';

export interface MessageCommand {
  data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  execute(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<Outcome>;
}

const VERIFY_MESSAGE = 'Verify quote';

const data: RESTPostAPIContextMenuApplicationCommandsJSONBody = {
  name: VERIFY_MESSAGE,
  type: ApplicationCommandType.Message,
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
};

/** Room for the message text inside a question (the core reads at most MAX_INPUT characters). */
const ROOM = MAX_INPUT - '/verify '.length;
const QUOTED = /["\u201c\u201e\u00ab][^"\u201c\u201d\u00bb]{3,}["\u201d\u00bb]/u;

/** A long message keeps its quoted words and what precedes them (where "X said" usually is). */
function questionOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= ROOM) return `/verify ${flat}`;
  const q = QUOTED.exec(flat);
  if (!q) return `/verify ${flat.slice(0, ROOM)}`;
  const before = flat.slice(Math.max(0, q.index - Math.max(0, ROOM - q[0].length - 1)), q.index);
  return `/verify ${before}${q[0]}`.slice(0, MAX_INPUT);
}

export const verifyMessage: MessageCommand = {
  data,
  async execute(i, { core }) {
    const text = i.targetMessage.content ?? '';
    if (!text.trim()) throw new UserFacingError('That message has no text I can check (only attachments or embeds).');
    const answer = core.ask(questionOf(text));
    await replyPages(i, renderAnswer(answer, { askerId: i.user.id }), true);
    return { found: answer.found };
  },
};
