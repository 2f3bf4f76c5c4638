/**
 * Direct messages and mentions: a plain question answered with `core.ask`, the same core as the
 * slash commands. Bots (this one included), webhooks and system messages are ignored; the text is
 * never logged at info.
 */
import type { Message } from 'discord.js';
import { renderAnswer } from '../../render/discord/answer.js';
import type { BotContext } from '../context.js';
import { cooldownMessage } from '../cooldown.js';
import { failureMessage } from '../router.js';
import { sendNotice, sendPages } from '../respond.js';
import { scopeOfMessage } from '../scope.js';

const EMPTY_QUESTION = 'Ask me a question, for example: what did Stoltenberg say about China? Or use /quote and /summary.';

/** The question without the bot's own mention(s). */
function questionText(content: string, botId: string): string {
  return content
    .replace(new RegExp(`<@!?${botId}>`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export async function handleMessage(message: Message, ctx: BotContext): Promise<void> {
  const me = message.client.user;
  // A webhook (or another bot) echoing our answer back must not start a loop.
  if (message.author.bot || message.webhookId || message.system || ctx.work.stopping) return;
  const dm = !message.inGuild();
  if (!dm && !message.mentions.users.has(me.id)) return;

  const started = performance.now();
  const base = { id: message.id, user: message.author.id, kind: dm ? 'dm' : 'mention' };
  try {
    const { verdict, scope } = await ctx.cooldown.check('question', message.author.id, message.channelId);
    if (verdict !== 'ok') {
      if (verdict === 'warn') await sendNotice(message, cooldownMessage(scope));
      ctx.log.info({ ...base, command: `cooldown:${scope}`, found: undefined }, 'message');
      return;
    }
    const question = questionText(message.content, me.id);
    if (!question) {
      await sendNotice(message, EMPTY_QUESTION);
      ctx.log.info({ ...base, command: 'empty', found: undefined }, 'message');
      return;
    }
    if (message.channel.isSendable())
      await message.channel.sendTyping().catch((err: unknown) => ctx.log.debug({ ...base, err }, 'typing indicator not sent'));
    await ctx.turns.turn();
    const answer = ctx.core.ask(question, scopeOfMessage(message));
    await sendPages(message, renderAnswer(answer, { askerId: message.author.id }));
    const latencyMs = Math.round(performance.now() - started);
    ctx.log.info({ ...base, command: answer.command, found: answer.found, chars: question.length, latencyMs }, 'message');
    ctx.log.debug({ id: message.id, question }, 'message text');
  } catch (err) {
    ctx.log.error({ ...base, err, ref: message.id }, 'message failed');
    await sendNotice(message, failureMessage(message.id)).catch((e: unknown) => ctx.log.warn({ ...base, err: e }, 'could not send the error reply'));
  }
}
