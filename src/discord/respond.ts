/**
 * The one way the bot sends anything: no mention is ever parsed, link previews are suppressed on
 * plain-text messages, and multi-message answers go out in order (reply, then follow-ups).
 */
import { MessageFlags, type Message, type MessageMentionOptions, type RepliableInteraction } from 'discord.js';
import type { DiscordMessage } from '../render/discord/message.js';
import { renderNotice } from '../render/discord/notice.js';

/** Nothing the bot echoes may ping anyone, the asker included. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [], repliedUser: false };

function payload(page: DiscordMessage) {
  return {
    ...(page.content ? { content: page.content } : {}),
    embeds: page.embeds,
    components: page.components,
    allowedMentions: NO_MENTIONS,
    ...(page.files?.length
      ? { files: page.files.map((f) => ({ attachment: f.data, name: f.name, ...(f.description ? { description: f.description } : {}) })) }
      : {}),
  };
}

/** Link previews only on messages without embeds of our own (suppressing would hide those too). */
function quiet(page: DiscordMessage): MessageFlags.SuppressEmbeds[] {
  return page.embeds.length ? [] : [MessageFlags.SuppressEmbeds];
}

/**
 * Acknowledges an interaction before any work that can take time, so it never misses Discord's
 * 3 seconds whatever answering costs; Discord shows "thinking…" until the answer replaces it.
 * Public or private has to be chosen now: a private deferral cannot become public later.
 */
export async function acknowledge(i: RepliableInteraction, ephemeral: boolean): Promise<void> {
  await i.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
}

/** A deferred reply ("thinking…") is waiting for its answer; `ephemeral` is null after a deferred update. */
function pendingDeferral(i: RepliableInteraction): boolean {
  return i.deferred && !i.replied && i.ephemeral !== null;
}

/**
 * Replies with one or more messages (the first as the reply, the rest as follow-ups). After a
 * deferral the first page edits the "thinking…" message; a private answer (a miss, an error) to a
 * public deferral deletes that message and follows up privately, so a miss stays the asker's.
 */
export async function replyPages(i: RepliableInteraction, pages: DiscordMessage[], ephemeral: boolean): Promise<void> {
  for (const page of pages) {
    const flags = [...quiet(page), ...(ephemeral ? [MessageFlags.Ephemeral as const] : [])];
    const body = { ...payload(page), flags };
    if (!i.replied && !i.deferred) await i.reply(body);
    else if (pendingDeferral(i) && ephemeral && !i.ephemeral) {
      await i.deleteReply();
      await i.followUp(body);
    } else if (pendingDeferral(i)) await i.editReply({ ...payload(page), flags: quiet(page) });
    else await i.followUp(body);
  }
}

/** A private one-liner (errors, refusals, cooldown), whatever state the interaction is in. */
export async function replyNotice(i: RepliableInteraction, text: string): Promise<void> {
  await replyPages(i, [renderNotice(text)], true);
}

/** Answers a message in its channel: a reply in servers (without pinging), plain sends in DMs. */
export async function sendPages(message: Message, pages: DiscordMessage[]): Promise<void> {
  for (const [n, page] of pages.entries()) {
    const body = { ...payload(page), flags: quiet(page) };
    if (n === 0 && message.inGuild()) {
      // A reply needs Read Message History; without it, answer in the channel all the same.
      await message.reply(body).catch(async (err: unknown) => {
        if (!message.channel.isSendable()) throw err;
        await message.channel.send(body);
      });
    } else if (message.channel.isSendable()) await message.channel.send(body);
  }
}

export async function sendNotice(message: Message, text: string): Promise<void> {
  await sendPages(message, [renderNotice(text)]);
}
