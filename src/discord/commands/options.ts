/** Pieces shared by the command definitions and handlers. */
import {
  ApplicationIntegrationType,
  InteractionContextType,
  type ApplicationCommandOptionChoiceData,
  type AutocompleteInteraction,
  type SlashCommandBuilder,
} from 'discord.js';
import { LIMITS } from '../../render/discord-text.js';

/** Installed in servers; usable there, in DMs with the bot and in group DMs. */
export function everywhere<T extends SlashCommandBuilder>(b: T): T {
  return b
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall) as T;
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
export async function respondSafely(
  i: AutocompleteInteraction,
  make: () => { name: string; value: string }[],
): Promise<void> {
  let choices: ApplicationCommandOptionChoiceData<string>[] = [];
  try {
    choices = toChoices(make());
  } catch {
    choices = [];
  }
  await i.respond(choices);
}

export const PRIVATE_OPTION = 'private';
export const PRIVATE_DESCRIPTION = 'Only you see the answer (default: everyone in the channel sees it)';
