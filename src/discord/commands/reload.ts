/**
 * /reload (admins only): re-reads the knowledge folder now and says privately what changed and
 * what could not be loaded. Hidden from members without Manage Server by default, usable only in
 * servers, and checked again here (a server can widen who sees a command; it is still admin-only).
 */
import { SlashCommandBuilder } from 'discord.js';
import { renderReloadText } from '../../render/discord/reload.js';
import { UserFacingError, type SlashCommand } from '../context.js';
import { NO_MENTIONS } from '../respond.js';
import { managersOnly, requireManager } from './options.js';

export const NOT_ADMIN = 'Only server managers (Manage Server permission) can reload my knowledge.';
const NOT_LIVE = 'My knowledge cannot be reloaded in this deployment (it was started from a fixed index).';

const data = managersOnly(new SlashCommandBuilder())
  .setName('reload')
  .setDescription('Admins: re-read the knowledge folder now and report what changed')
  .toJSON();

export const reload: SlashCommand = {
  data,
  async execute(i, ctx) {
    requireManager(i, NOT_ADMIN);
    if (!ctx.reload) throw new UserFacingError(NOT_LIVE);
    const report = await ctx.reload();
    const health = ctx.health?.();
    ctx.log.info(
      {
        user: i.user.id,
        guild: i.guildId,
        added: report.added.length,
        changed: report.changed.length,
        removed: report.removed.length,
        keptLastGood: report.keptLastGood,
        problems: report.problems.length,
        ms: report.ms,
        ...health,
      },
      'knowledge reloaded by admin',
    );
    await i.editReply({ content: renderReloadText(report, health), allowedMentions: NO_MENTIONS });
    return { found: true };
  },
};
