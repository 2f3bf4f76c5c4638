/** Pieces shared by the command definitions and handlers. */
import {
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type ApplicationCommandOptionChoiceData,
  type ChatInputCommandInteraction,
  type AutocompleteInteraction,
  type SlashCommandBuilder,
} from 'discord.js';
import type { Core } from '../../answer/types.js';
import { LIMITS } from '../../render/discord/escape.js';
import { UserFacingError } from '../context.js';

/**
 * Installed in servers or by a user (a journalist can then use it where the bot is not a member);
 * usable in servers, in DMs with the bot and in group DMs.
 */
export function everywhere<T extends SlashCommandBuilder>(b: T): T {
  return b
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall) as T;
}

/**
 * A server managers' command: hidden from members without Manage Server by default, usable only
 * in servers of a server install. Discord lets a server widen who sees it, so handlers also call
 * requireManager.
 */
export function managersOnly<T extends SlashCommandBuilder>(b: T): T {
  return b
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall) as T;
}

/** Refuses (privately, with `refusal`) anyone but a server manager in a server. */
export function requireManager(i: ChatInputCommandInteraction, refusal: string): void {
  if (!i.inGuild() || !i.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) throw new UserFacingError(refusal);
}

const SINCE_OPTION = 'since';
const UNTIL_OPTION = 'until';
/** `since` / `until`, validated by the core (a bad date is a private error naming the format). */
export function withBounds<T extends { addStringOption: SlashCommandBuilder['addStringOption'] }>(b: T): T {
  b.addStringOption((o) => o.setName(SINCE_OPTION).setDescription('From this date: YYYY, YYYY-MM or YYYY-MM-DD').setMinLength(4).setMaxLength(10));
  b.addStringOption((o) => o.setName(UNTIL_OPTION).setDescription('Until this date: YYYY, YYYY-MM or YYYY-MM-DD').setMinLength(4).setMaxLength(10));
  return b;
}

/** The bounds as given (trimmed), absent when not given. */
export function boundsOf(i: { options: { getString(name: string): string | null } }): { since?: string; until?: string } {
  const since = i.options.getString(SINCE_OPTION)?.trim();
  const until = i.options.getString(UNTIL_OPTION)?.trim();
  return { ...(since ? { since } : {}), ...(until ? { until } : {}) };
}

/** Choices within Discord's limits: ≤ 25, names and values ≤ 100 (longer values are dropped, not cut). */
export function toChoices(items: { name: string; value: string }[]): ApplicationCommandOptionChoiceData<string>[] {
  return items
    .filter((c) => c.value.length > 0 && c.value.length <= LIMITS.choiceValue)
    .slice(0, LIMITS.choices)
    .map((c) => ({
      name: c.name.length <= LIMITS.choiceName ? c.name : `${c.name.slice(0, LIMITS.choiceName - 1)}…`,
      value: c.value,
    }));
}

/** Autocomplete always answers: an empty list on any error, and never throws. */
export async function respondSafely(i: AutocompleteInteraction, make: () => { name: string; value: string }[]): Promise<void> {
  let choices: ApplicationCommandOptionChoiceData<string>[] = [];
  try {
    choices = toChoices(make());
  } catch {
    choices = [];
  }
  await i.respond(choices);
}

/** A speaker option's choices: speakers by fuzzy match on what was typed, with how often each is quoted. */
export function speakerChoices(core: Pick<Core, 'suggestSpeakers'>, typed: string): { name: string; value: string }[] {
  return core.suggestSpeakers(typed, 25).map((s) => ({ name: `${s.name} · ${s.quotes} ${s.quotes === 1 ? 'quote' : 'quotes'}`, value: s.name }));
}

/** Autocomplete of a command with `speaker` and `topic` options: topics near the chosen speaker's words. */
export async function autocompleteSpeakerOrTopic(i: AutocompleteInteraction, core: Pick<Core, 'suggestSpeakers' | 'suggestTopics'>): Promise<void> {
  const focused = i.options.getFocused(true);
  await respondSafely(i, () => {
    if (focused.name === 'speaker') return speakerChoices(core, focused.value);
    const speaker = i.options.getString('speaker')?.trim() || undefined;
    return core.suggestTopics(focused.value, speaker, 25).map((t) => ({ name: t, value: t }));
  });
}

export const PRIVATE_OPTION = 'private';
export const PRIVATE_DESCRIPTION = 'Only you see the answer (default: everyone in the channel sees it)';
