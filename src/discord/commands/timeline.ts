/** /timeline topic:<autocomplete> [speaker] [since] [until] [private] — what was said on a topic over time, with a chart. */
import { SlashCommandBuilder } from 'discord.js';
import { chartPng } from '../../render/chart.js';
import { renderTimeline } from '../../render/discord/timeline.js';
import type { SlashCommand } from '../context.js';
import { replyPages } from '../respond.js';
import { PRIVATE_DESCRIPTION, PRIVATE_OPTION, autocompleteSpeakerOrTopic, boundsOf, everywhere, withBounds } from './options.js';

const builder = everywhere(new SlashCommandBuilder())
  .setName('timeline')
  .setDescription('What was said on a topic over time: dated excerpts, earliest first, with a chart')
  .addStringOption((o) => o.setName('topic').setDescription('A topic, name or phrase').setRequired(true).setAutocomplete(true).setMaxLength(100))
  .addStringOption((o) => o.setName('speaker').setDescription('Only this speaker’s own words (optional)').setAutocomplete(true).setMaxLength(100));
const data = withBounds(builder)
  .addBooleanOption((o) => o.setName(PRIVATE_OPTION).setDescription(PRIVATE_DESCRIPTION))
  .toJSON();

export const timeline: SlashCommand = {
  data,
  async execute(i, { core }) {
    const topic = i.options.getString('topic', true).trim();
    const speaker = i.options.getString('speaker')?.trim() ?? '';
    const answer = core.answer({ command: 'timeline', topic, speaker, ...boundsOf(i), offset: 0 });
    const ephemeral = !answer.found || (i.options.getBoolean(PRIVATE_OPTION) ?? false);
    const chart = answer.found && answer.periods?.length ? chartPng(answer.periods, answer.heading) : undefined;
    await replyPages(i, renderTimeline(answer, { askerId: i.user.id, ...(chart ? { chart } : {}) }), ephemeral);
    return { found: answer.found };
  },
  autocomplete: (i, { core }) => autocompleteSpeakerOrTopic(i, core),
};
