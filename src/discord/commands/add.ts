/**
 * /add url:<url> | file:<attachment> (admins only): adds an article or statement to this server's
 * own sources (answered here only; global from an operator's server, docs/scopes.md) and says
 * privately what was found (title, date, publisher, author, quotations, speakers) or why it was
 * refused, like `npm run add`. Hidden from members without Manage Server
 * by default, usable only in servers, and checked again here.
 */
import { SlashCommandBuilder } from 'discord.js';
import { describeAdd, type AddInput } from '../../ingest/add.js';
import { serverOfPath } from '../../knowledge/scope.js';
import { fitLines } from '../../render/discord/source-fields.js';
import { escapeDiscord, LIMITS } from '../../render/discord/escape.js';
import { UserFacingError, type SlashCommand } from '../context.js';
import { NO_MENTIONS } from '../respond.js';
import { managersOnly, requireManager } from './options.js';

export const NOT_ADMIN_ADD = 'Only server managers (Manage Server permission) can add sources.';
const NOT_AVAILABLE = 'Sources cannot be added in this deployment.';
export const ONE_OF = 'Give either url: (a web page or PDF) or file: (an .html, .txt, .md or .pdf upload), not both.';

const data = managersOnly(new SlashCommandBuilder())
  .setName('add')
  .setDescription('Admins: add an article or statement (a URL or an uploaded file) to what I quote in this server')
  .addStringOption((o) => o.setName('url').setDescription('A web page or PDF (http or https)').setMaxLength(2000))
  .addAttachmentOption((o) => o.setName('file').setDescription('An .html, .txt, .md or .pdf file (up to 10 MB)'))
  .toJSON();

export const add: SlashCommand = {
  data,
  async execute(i, ctx) {
    requireManager(i, NOT_ADMIN_ADD);
    if (!ctx.add) throw new UserFacingError(NOT_AVAILABLE);
    const url = i.options.getString('url')?.trim();
    const file = i.options.getAttachment('file');
    if (Boolean(url) === Boolean(file)) throw new UserFacingError(ONE_OF);
    const input: AddInput = file ? { kind: 'upload', name: file.name, url: file.url, size: file.size } : { kind: 'url', url: url! };
    // requireManager above: only in a server. The source becomes that server's own (docs/scopes.md).
    const result = await ctx.add(input, { user: i.user.id, server: i.guildId! });
    // The watcher would pick it up within a second; reloading now lets the next /quote find it.
    // A queued source is not in the store yet: the reload follows when the database takes it.
    if (result.ok && !result.queued && ctx.reload) await ctx.reload();
    ctx.log.info(
      {
        user: i.user.id,
        guild: i.guildId,
        ok: result.ok,
        action: result.ok ? result.action : undefined,
        queued: result.ok ? result.queued : undefined,
        file: result.ok ? result.file : undefined,
        reason: result.ok ? undefined : result.reason,
      },
      'source added by admin',
    );
    const lines = [...describeAdd(result).split('\n'), ...(result.ok ? [whereAnswered(result.file, i.guildId!)] : [])].map((l) =>
      escapeDiscord(l.length > 900 ? `${l.slice(0, 899)}…` : l),
    );
    await i.editReply({ content: fitLines(lines, LIMITS.content), allowedMentions: NO_MENTIONS });
    return { found: result.ok };
  },
};

/** Where the added source answers (docs/scopes.md), so a moderator knows who else sees it. */
function whereAnswered(file: string, server: string): string {
  const owner = serverOfPath(file);
  if (!owner) return 'Answered in every server (this is one of the operator’s servers).';
  const id = file.replace(/\.[^./]+$/, '');
  if (owner === server) return `Answered in this server only; the bot’s operator can make it answer everywhere (id ${id}).`;
  return `Another server added this page before: it is stored once and now answered here too (id ${id}).`;
}
