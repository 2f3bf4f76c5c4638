/** /verify quote:<words> [speaker:<autocomplete>] [private] — is this quotation real? */
import { SlashCommandBuilder } from 'discord.js';
import { renderAnswer } from '../../render/discord/answer.js';
import type { SlashCommand } from '../context.js';
import { replyPages } from '../respond.js';
import { PRIVATE_DESCRIPTION, PRIVATE_OPTION, boundsOf, everywhere, respondSafely, speakerChoices, withBounds } from './options.js';

const data = withBounds(
  everywhere(new SlashCommandBuilder())
    .setName('verify')
    .setDescription('Is this quote real? Verdict, the closest source and the words that differ')
    .addStringOption((o) => o.setName('quote').setDescription('The words as they were quoted to you').setRequired(true).setMaxLength(500))
    .addStringOption((o) => o.setName('speaker').setDescription('Who is said to have said them (optional)').setAutocomplete(true).setMaxLength(100)),
)
  .addBooleanOption((o) => o.setName(PRIVATE_OPTION).setDescription(PRIVATE_DESCRIPTION))
  .toJSON();

export const verify: SlashCommand = {
  data,
  async execute(i, { core }) {
    const claim = i.options.getString('quote', true).trim();
    const speaker = i.options.getString('speaker')?.trim() ?? '';
    const answer = core.answer({ command: 'verify', claim, speaker, ...boundsOf(i), offset: 0 });
    const ephemeral = !answer.found || (i.options.getBoolean(PRIVATE_OPTION) ?? false);
    await replyPages(i, renderAnswer(answer, { askerId: i.user.id }), ephemeral);
    return { found: answer.found };
  },
  async autocomplete(i, { core }) {
    const focused = i.options.getFocused(true);
    await respondSafely(i, () => (focused.name === 'speaker' ? speakerChoices(core, focused.value) : []));
  },
};
