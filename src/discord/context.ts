/** What every handler gets: the core, the logger, the cooldowns, the in-flight work tracker, the answer turns and reload. */
import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Core, ReloadReport } from '../answer/types.js';
import type { AddInput, AddResult } from '../ingest/add.js';
import type { Logger } from '../log.js';
import type { Cooldowns } from './cooldown.js';
import type { InFlight } from './in-flight.js';
import type { Turns } from './turns.js';

export interface BotContext {
  core: Core;
  log: Logger;
  cooldown: Cooldowns;
  work: InFlight;
  /** Answers take turns, after every pending acknowledgement (turns.ts). */
  turns: Turns;
  /** Re-reads the knowledge folder (a live core); undefined when the core cannot reload. */
  reload: (() => Promise<ReloadReport>) | undefined;
  /**
   * Adds a source (`/add`) for a moderator of a server: that server's own, or global from an
   * operator's server; undefined when this deployment cannot.
   */
  add?: ((input: AddInput, by: { user: string; server: string }) => Promise<AddResult>) | undefined;
  /** The knowledge store's and the limit store's connections (PostgreSQL, Redis); undefined: nothing to report. */
  health?: (() => Health) | undefined;
}

/** One line of state per connection, e.g. `{ database: { store: 'postgres', state: 'ok', counter: '42' } }`. */
export type Health = Record<string, { store: string; state: string; detail?: string; counter?: string }>;

/** What a handler reports for the one log line per interaction. */
export interface Outcome {
  found: boolean;
}

export interface SlashCommand {
  /** Exactly what `npm run register` sends to Discord. */
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<Outcome>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}

/** An error whose message is safe to show to the user as is. */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}
