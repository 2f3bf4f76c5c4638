/** /sources — the articles the bot knows, with publisher, date and quote counts (private). */
import { SlashCommandBuilder } from 'discord.js';
import { renderAnswer } from '../../render/discord/answer.js';
import type { SlashCommand } from '../context.js';
import { replyPages } from '../respond.js';
import { everywhere } from './options.js';

const data = everywhere(new SlashCommandBuilder()).setName('sources').setDescription('List the articles I can quote from').toJSON();

export const sources: SlashCommand = {
  data,
  async execute(i, { core }) {
    const answer = core.answer({ command: 'sources', offset: 0 });
    await replyPages(i, renderAnswer(answer, { askerId: i.user.id }), true);
    return { found: answer.found };
  },
};
