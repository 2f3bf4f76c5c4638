/** What a Discord renderer returns: messages of embeds and button rows, and how Discord measures an embed. */
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
  /** Attachments (the timeline's chart PNG). */
  files?: Array<{ name: string; data: Buffer; description?: string }>;
}

export const COLOR = 0x2b6cb0;

/** Characters Discord counts toward the 6000 per-message total. */
export function embedLength(e: APIEmbed): number {
  const fields = (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + fields + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
}
