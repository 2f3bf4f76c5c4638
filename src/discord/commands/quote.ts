/** /quote speaker:<autocomplete> topic:<autocomplete> [private] — what a person said, verbatim. */
import { SlashCommandBuilder } from 'discord.js';
import { renderAnswer } from '../../render/discord/answer.js';
import type { SlashCommand } from '../context.js';
import { replyPages } from '../respond.js';
import { PRIVATE_DESCRIPTION, PRIVATE_OPTION, autocompleteSpeakerOrTopic, boundsOf, everywhere, withBounds } from './options.js';

const data = withBounds(
  everywhere(new SlashCommandBuilder())
    .setName('quote')
    .setDescription('What someone said, word for word, with source and date')
    .addStringOption((o) => o.setName('speaker').setDescription('Who said it').setRequired(true).setAutocomplete(true).setMaxLength(100))
    .addStringOption((o) => o.setName('topic').setDescription('About what (optional)').setAutocomplete(true).setMaxLength(100)),
)
  .addBooleanOption((o) => o.setName(PRIVATE_OPTION).setDescription(PRIVATE_DESCRIPTION))
  .toJSON();

export const quote: SlashCommand = {
  data,
  async execute(i, { core }) {
    const speaker = i.options.getString('speaker', true).trim();
    const topic = i.options.getString('topic')?.trim() ?? '';
    const answer = core.answer({ command: 'quote', speaker, topic, ...boundsOf(i), offset: 0 });
    const ephemeral = !answer.found || (i.options.getBoolean(PRIVATE_OPTION) ?? false);
    await replyPages(i, renderAnswer(answer, { askerId: i.user.id }), ephemeral);
    return { found: answer.found };
  },
  autocomplete: (i, { core }) => autocompleteSpeakerOrTopic(i, core),
};
