/** /help — how to ask, in Discord's terms (private). */
import { SlashCommandBuilder } from 'discord.js';
import { renderNotice } from '../../render/discord/notice.js';
import type { SlashCommand } from '../context.js';
import { replyPages } from '../respond.js';
import { everywhere } from './options.js';

const data = everywhere(new SlashCommandBuilder()).setName('help').setDescription('How to ask me for quotes').toJSON();

function helpText(stats: { sources: number; quotes: number; speakers: number }): string {
  return [
    `I answer only with words found in ${stats.sources} news articles (${stats.quotes} quotes from ${stats.speakers} speakers), each with its speaker, source and date.`,
    '',
    '/quote speaker topic: what someone said, word for word (add private:True to see it alone)',
    '/summary topic: what the sources say about something',
    '/sources: the articles I know',
    'Buttons under an answer: More results, Context (the whole paragraph), Cite (a line to copy).',
    'You can also write to me in a direct message, or mention me in a channel, with a plain question.',
    'Reported speech is marked as such: it is the article paraphrasing, not the speaker’s own words.',
  ].join('\n');
}

export const help: SlashCommand = {
  data,
  async execute(i, { core }) {
    await replyPages(i, [renderNotice(helpText(core.stats()))], true);
    return { found: true };
  },
};
