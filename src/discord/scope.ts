/**
 * Which sources answer a question asked on Discord (answer/scope.ts): in a server that installed
 * the bot, the global sources plus that server's own; in a direct message, a group DM or a
 * user-installed command (the bot is not that server's, so its moderators did not add to it),
 * the global sources only.
 */
import { ApplicationIntegrationType, type Interaction, type Message } from 'discord.js';
import type { Scope } from '../answer/types.js';

export function scopeOfInteraction(i: Interaction): Scope {
  // Discord names the server that installed the bot here; a user install names only the user.
  const installedBy = i.authorizingIntegrationOwners?.[ApplicationIntegrationType.GuildInstall];
  return i.guildId && installedBy === i.guildId ? { server: i.guildId } : 'global';
}

/** Mentions reach the bot only in servers it is a member of (installed there); DMs are global. */
export function scopeOfMessage(m: Message): Scope {
  return m.guildId ? { server: m.guildId } : 'global';
}
