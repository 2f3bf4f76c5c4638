/** Small helpers for the e2e tests. */
import type { Core } from '../../src/answer/types.js';
import type { Call } from './standin.js';
import { botUser, IDS, messageObject } from './payloads.js';

export const EPHEMERAL = 64;

/** A Core with some methods replaced (works for class instances too: methods are bound). */
export function withOverrides(core: Core, overrides: Partial<Core>): Core {
  return {
    answer: overrides.answer ?? core.answer.bind(core),
    ask: overrides.ask ?? core.ask.bind(core),
    context: overrides.context ?? core.context.bind(core),
    suggestSpeakers: overrides.suggestSpeakers ?? core.suggestSpeakers.bind(core),
    suggestTopics: overrides.suggestTopics ?? core.suggestTopics.bind(core),
    stats: overrides.stats ?? core.stats.bind(core),
  };
}

/** The message Discord would have created from a reply callback, as a button click carries it. */
export function messageFromCallback(call: Call, askerId: string = IDS.asker, channelId: string = IDS.channel) {
  return messageObject(channelId, call.body.data, botUser, {
    interaction_metadata: {
      id: '1300000000000000000',
      type: 2,
      user: { id: askerId, username: 'reporter', discriminator: '0', avatar: null },
      authorizing_integration_owners: { '0': IDS.guild },
    },
  });
}

/** Every custom id on a message body, in order. */
export function customIds(data: { components?: { components: { custom_id?: string }[] }[] }): string[] {
  return (data.components ?? []).flatMap((r) => r.components.map((c) => c.custom_id ?? ''));
}

/** All the text a user would see in a message body (content + embeds), for assertions. */
export function visibleText(data: { content?: string; embeds?: any[] }): string {
  const embeds = (data.embeds ?? []).map((e) =>
    [e.title, e.description, ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value]), e.footer?.text].filter(Boolean).join('\n'),
  );
  return [data.content ?? '', ...embeds].join('\n');
}
