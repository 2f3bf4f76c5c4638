/**
 * Gateway and REST payloads shaped like Discord's (API v10), for the stand-in and the tests.
 * Ids are 18-19 digit snowflakes so discord.js's route and bucket parsing treats them as real.
 */
let counter = 0n;
/** A fresh snowflake-like id. */
export function snowflake(): string {
  counter += 1n;
  return (1_300_000_000_000_000_000n + counter).toString();
}

export const IDS = {
  app: '1100000000000000001',
  bot: '1100000000000000001',
  guild: '1100000000000000002',
  channel: '1100000000000000003',
  dmChannel: '1100000000000000004',
  asker: '1100000000000000005',
  other: '1100000000000000006',
  command: '110000000000000090',
} as const;

export const botUser = { id: IDS.bot, username: 'verbatim', discriminator: '0000', global_name: null, avatar: null, bot: true, flags: 0 };

export function user(id: string = IDS.asker, name = 'reporter') {
  return { id, username: name, discriminator: '0', global_name: name, avatar: null, flags: 0 };
}

export function channelObject(id: string, recipientId?: string) {
  if (id === IDS.channel)
    return { id, type: 0, guild_id: IDS.guild, name: 'newsroom', position: 0, permission_overwrites: [], nsfw: false, parent_id: null };
  return { id, type: 1, last_message_id: null, recipients: [user(recipientId ?? IDS.asker)] };
}

export function guildCreate() {
  return {
    id: IDS.guild,
    name: 'Newsroom',
    icon: null,
    owner_id: IDS.other,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    features: [],
    roles: [
      {
        id: IDS.guild,
        name: '@everyone',
        permissions: '2248473465835073',
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    mfa_level: 0,
    system_channel_flags: 0,
    premium_tier: 0,
    preferred_locale: 'en-US',
    nsfw_level: 0,
    joined_at: '2024-01-01T00:00:00.000Z',
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [],
    channels: [channelObject(IDS.channel)],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
  };
}

/** A message as Discord returns it, built from what the bot sent (webhook or channel body). */
export function messageObject(channelId: string, body: any, author: object, extra: object = {}) {
  return {
    id: snowflake(),
    channel_id: channelId,
    author,
    content: body?.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: body?.embeds ?? [],
    components: body?.components ?? [],
    pinned: false,
    type: 0,
    flags: body?.flags ?? 0,
    ...extra,
  };
}

/**
 * Where an interaction happens; `permissions` is the member's (default: a member with Manage
 * Server); `guild`: another server than IDS.guild (its own channel); `userInstall`: a command of
 * the user's own install, in a server that did not install the bot.
 */
export type Where = { dm?: boolean; userId?: string; permissions?: string; guild?: string; userInstall?: boolean };

/** A text channel of another server than IDS.guild. */
export function otherChannel(guild: string) {
  return {
    id: `${BigInt(guild) + 1n}`,
    type: 0,
    guild_id: guild,
    name: 'desk',
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    parent_id: null,
  };
}

function base(type: number, where: Where) {
  const u = user(where.userId ?? IDS.asker, where.userId === IDS.other ? 'colleague' : 'reporter');
  const guild = where.guild ?? IDS.guild;
  const channel = guild === IDS.guild ? channelObject(IDS.channel) : otherChannel(guild);
  const place = where.dm
    ? { channel_id: IDS.dmChannel, channel: channelObject(IDS.dmChannel, u.id), user: u, context: 1 }
    : {
        guild_id: guild,
        channel_id: channel.id,
        channel,
        member: {
          user: u,
          roles: [],
          joined_at: '2024-01-01T00:00:00.000Z',
          deaf: false,
          mute: false,
          flags: 0,
          permissions: where.permissions ?? '2248473465835073',
        },
        guild_locale: 'en-US',
        context: 0,
      };
  return {
    id: snowflake(),
    application_id: IDS.app,
    type,
    token: `standin-token-${snowflake()}`,
    version: 1,
    locale: 'en-GB',
    app_permissions: '2248473465835073',
    entitlements: [],
    authorizing_integration_owners: where.userInstall ? { '1': u.id } : { '0': where.dm ? IDS.guild : guild },
    attachment_size_limit: 10_485_760,
    ...place,
  };
}

export type Opt = { name: string; value: string | boolean; focused?: boolean };

function optionsOf(opts: Opt[]) {
  return opts.map((o) => ({ name: o.name, type: typeof o.value === 'boolean' ? 5 : 3, value: o.value, ...(o.focused ? { focused: true } : {}) }));
}

/** INTERACTION_CREATE for a slash command (type 2). */
export function slash(name: string, opts: Opt[] = [], where: Where = {}) {
  return { ...base(2, where), data: { id: `${IDS.command}1`, name, type: 1, options: optionsOf(opts) } };
}

/** INTERACTION_CREATE for autocomplete (type 4); one option should be `focused`. */
export function autocomplete(name: string, opts: Opt[], where: Where = {}) {
  return { ...base(4, where), data: { id: `${IDS.command}1`, name, type: 1, options: optionsOf(opts) } };
}

/** INTERACTION_CREATE for a button click (type 3) on a message the bot sent. */
export function click(customId: string, message: object, where: Where = {}) {
  return { ...base(3, where), data: { custom_id: customId, component_type: 2 }, message };
}

/** MESSAGE_CREATE for a DM (no guild_id) or a server message. */
export function userMessage(content: string, where: { dm?: boolean; userId?: string; mentionBot?: boolean; bot?: boolean; guild?: string } = {}) {
  const author = where.bot ? { ...user(where.userId ?? IDS.other, 'otherbot'), bot: true } : user(where.userId ?? IDS.asker);
  const mentions = where.mentionBot ? [botUser] : [];
  const channel = where.dm ? IDS.dmChannel : where.guild ? otherChannel(where.guild).id : IDS.channel;
  // Discord's MESSAGE_CREATE carries channel_type; discord.js needs it to build an uncached DM channel.
  const msg = messageObject(channel, { content }, author, { mentions, channel_type: where.dm ? 1 : 0 });
  return where.dm
    ? msg
    : {
        ...msg,
        guild_id: where.guild ?? IDS.guild,
        member: { roles: [], joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
      };
}
