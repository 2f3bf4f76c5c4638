/**
 * The interaction router and its one error boundary. Commands come from the one command list.
 * A failing handler never leaves "The application did not respond": the user gets a private
 * "something went wrong (ref <id>)" and the log gets the error with the same id.
 */
import type { ChatInputCommandInteraction, Interaction, RepliableInteraction } from 'discord.js';
import { handleButton } from './buttons.js';
import { commands, messageCommands } from './commands/index.js';
import { UserFacingError, type BotContext, type SlashCommand } from './context.js';
import { cooldownMessage } from './cooldown.js';
import { acknowledge, replyNotice } from './respond.js';
import { PRIVATE_OPTION } from './commands/options.js';
import { withScope } from '../answer/scope.js';
import { scopeOfInteraction } from './scope.js';

export const RESTARTING = 'I am restarting: please ask again in a minute.';

export function failureMessage(ref: string): string {
  return `Something went wrong on my side (ref ${ref}). Please try again; if it keeps happening, tell the bot's maintainers this ref.`;
}

const byName = new Map<string, SlashCommand>(commands.map((c) => [c.data.name, c]));
const messageByName = new Map(messageCommands.map((c) => [c.data.name, c]));

function commandName(i: Interaction): string {
  if (i.isChatInputCommand()) return i.commandName;
  if (i.isMessageContextMenuCommand()) return `message:${i.commandName}`;
  if (i.isAutocomplete()) return `${i.commandName}:autocomplete`;
  if (i.isButton()) return `button:${i.customId.split(':', 1)[0] ?? ''}`;
  return `type:${i.type}`;
}

/**
 * Whether a command's answer is private, decided from the request alone (before answering): a
 * command without a `private` option always answers privately (/sources, /help, /add, /reload);
 * one with it is public unless asked. A miss to a public deferral still ends up private (replyPages).
 */
function isPrivate(handler: SlashCommand, i: ChatInputCommandInteraction): boolean {
  const optional = handler.data.options?.some((o) => o.name === PRIVATE_OPTION) ?? false;
  return !optional || (i.options.getBoolean(PRIVATE_OPTION) ?? false);
}

async function dispatch(i: Interaction, unscoped: BotContext): Promise<{ command: string; found: boolean | undefined }> {
  const command = commandName(i);
  // Every handler answers from the sources of the server asked in (and the global ones), never another's.
  const ctx: BotContext = { ...unscoped, core: withScope(unscoped.core, scopeOfInteraction(i)) };
  if (i.isAutocomplete()) {
    const handler = byName.get(i.commandName)?.autocomplete;
    if (handler) await handler(i, ctx);
    else await i.respond([]);
    return { command, found: undefined };
  }
  if (!i.isRepliable()) return { command, found: undefined };
  if (ctx.work.stopping) {
    await replyNotice(i, RESTARTING);
    return { command, found: undefined };
  }
  // Questions and clicks have separate per-user budgets (clicking Cite on five excerpts is not
  // spam); both count toward the channel's. An interaction always gets an answer, even when limited.
  if (i.isChatInputCommand() || i.isButton() || i.isMessageContextMenuCommand()) {
    const { verdict, scope } = await ctx.cooldown.check(i.isButton() ? 'click' : 'question', i.user.id, i.channelId);
    if (verdict !== 'ok') {
      await replyNotice(i, cooldownMessage(scope));
      return { command: `${command}:cooldown:${scope}`, found: undefined };
    }
  }
  // Acknowledge before the handler runs: answering, fetching a page for /add or reloading can take
  // longer than Discord's 3 seconds under load. Only the quick checks above (stopping, cooldown)
  // answer without it, so an over-limit click never leaves a public "thinking…" behind.
  if (i.isChatInputCommand()) {
    const handler = byName.get(i.commandName);
    if (!handler) throw new UserFacingError('I do not know that command any more. Type / to see my commands.');
    await acknowledge(i, isPrivate(handler, i));
    await ctx.turns.turn(i.id);
    return { command, ...(await handler.execute(i, ctx)) };
  }
  if (i.isMessageContextMenuCommand()) {
    const handler = messageByName.get(i.commandName);
    if (!handler) throw new UserFacingError('I do not know that command any more.');
    // Its answer is about someone else's message: always private.
    await acknowledge(i, true);
    await ctx.turns.turn(i.id);
    return { command, ...(await handler.execute(i, ctx)) };
  }
  if (i.isButton()) return handleButton(i, ctx);
  throw new UserFacingError('I cannot handle that kind of interaction.');
}

async function tellUser(i: RepliableInteraction, text: string, ctx: BotContext): Promise<void> {
  try {
    await replyNotice(i, text);
  } catch (err) {
    ctx.log.warn({ err, id: i.id }, 'could not send the error reply');
  }
}

/** Handles one interaction end to end: never throws, always logs one line. */
export async function routeInteraction(i: Interaction, ctx: BotContext): Promise<void> {
  const started = performance.now();
  const base = { id: i.id, user: i.user.id, guild: i.guildId ?? undefined, command: commandName(i) };
  // Until it is acknowledged (or answered at once), no answer starts: see turns.ts.
  ctx.turns.arrived(i.id);
  try {
    const { command, found } = await dispatch(i, ctx);
    // Autocomplete fires on every keystroke: its lines go to debug so info stays one line per question.
    const level = i.isAutocomplete() ? 'debug' : 'info';
    ctx.log[level]({ ...base, command, found, latencyMs: Math.round(performance.now() - started) }, 'interaction');
  } catch (err) {
    const latencyMs = Math.round(performance.now() - started);
    if (i.isAutocomplete()) {
      ctx.log.error({ ...base, err, latencyMs }, 'autocomplete failed');
      if (!i.responded) await i.respond([]).catch((e: unknown) => ctx.log.debug({ ...base, err: e }, 'empty autocomplete not sent'));
      return;
    }
    if (err instanceof UserFacingError) {
      ctx.log.info({ ...base, found: false, refused: err.message, latencyMs }, 'interaction refused');
      if (i.isRepliable()) await tellUser(i, err.message, ctx);
      return;
    }
    ctx.log.error({ ...base, err, ref: i.id, latencyMs }, 'interaction failed');
    if (i.isRepliable()) await tellUser(i, failureMessage(i.id), ctx);
  } finally {
    ctx.turns.settled(i.id);
  }
}
