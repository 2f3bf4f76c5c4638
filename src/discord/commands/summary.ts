/** /summary topic:<autocomplete> [private] — what the sources say about a topic, cited. */
import { SlashCommandBuilder } from 'discord.js';
import { renderAnswer } from '../../render/discord/answer.js';
import type { SlashCommand } from '../context.js';
import { replyPages } from '../respond.js';
import { PRIVATE_DESCRIPTION, PRIVATE_OPTION, boundsOf, everywhere, respondSafely, withBounds } from './options.js';

const data = withBounds(
  everywhere(new SlashCommandBuilder())
    .setName('summary')
    .setDescription('What the sources say about a topic, with cited excerpts and dates')
    .addStringOption((o) => o.setName('topic').setDescription('A topic, name or phrase').setRequired(true).setAutocomplete(true).setMaxLength(100)),
)
  .addBooleanOption((o) => o.setName(PRIVATE_OPTION).setDescription(PRIVATE_DESCRIPTION))
  .toJSON();

export const summary: SlashCommand = {
  data,
  async execute(i, { core }) {
    const topic = i.options.getString('topic', true).trim();
    const answer = core.answer({ command: 'summary', topic, ...boundsOf(i), offset: 0 });
    const ephemeral = !answer.found || (i.options.getBoolean(PRIVATE_OPTION) ?? false);
    await replyPages(i, renderAnswer(answer, { askerId: i.user.id }), ephemeral);
    return { found: answer.found };
  },
  async autocomplete(i, { core }) {
    const typed = i.options.getFocused();
    await respondSafely(i, () => core.suggestTopics(typed, undefined, 25).map((t) => ({ name: t, value: t })));
  },
};
