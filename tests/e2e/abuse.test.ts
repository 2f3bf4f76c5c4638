/**
 * Abuse and secrets end to end: per-user click limits and per-channel limits (a raid of several
 * accounts), webhook and bot messages ignored, and the token never logged even with discord.js's
 * own debug output on and errors carrying it.
 */
import { expect, it, vi } from 'vitest';
import { CHANNEL_COOLDOWN_MESSAGE, COOLDOWN_MESSAGE, createCooldowns } from '../../src/discord/cooldown.js';
import { createLogger } from '../../src/log.js';
import { startBot } from '../../src/discord/client.js';
import { startHarness, TOKEN } from './harness.js';
import { botUser, click, IDS, messageObject, slash, userMessage } from './payloads.js';
import { testCore } from './core.js';
import { DiscordStandIn } from './standin.js';
import { customIds, EPHEMERAL } from './util.js';

vi.setConfig({ testTimeout: 20_000 });

const quote = (userId?: string) =>
  slash(
    'quote',
    [
      { name: 'speaker', value: 'stoltenberg' },
      { name: 'topic', value: 'china' },
    ],
    userId ? { userId } : {},
  );

it('limits button clicks per user, separately from questions', async () => {
  const h = await startHarness(await testCore(), {
    cooldown: createCooldowns({ user: { limit: 2, windowMs: 60_000 }, clicks: { limit: 3, windowMs: 60_000 } }),
  });
  try {
    const first = await h.answer(quote());
    const cite = customIds(first.body.data).find((id) => id.startsWith('cite:'))!;
    const message = messageObject(IDS.channel, first.body.data, botUser);
    for (let n = 0; n < 3; n++) expect((await h.answer(click(cite, message))).body.data.content).toMatch(/^Citation to copy/);
    const fourth = await h.answer(click(cite, message));
    expect(fourth.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(fourth.body.data.content).toBe(COOLDOWN_MESSAGE);
    // Questions still have their own budget (1 of 2 used).
    expect((await h.answer(quote())).body.data.flags & EPHEMERAL).toBe(0);
  } finally {
    await h.close();
  }
});

it('limits a channel flooded by several accounts, and answers the same people elsewhere', async () => {
  const h = await startHarness(await testCore(), {
    cooldown: createCooldowns({ user: { limit: 5, windowMs: 60_000 }, channel: { limit: 4, windowMs: 60_000 } }),
  });
  try {
    const users = ['1100000000000000011', '1100000000000000012', '1100000000000000013', '1100000000000000014', '1100000000000000015'];
    const calls = [];
    for (const u of users) calls.push(await h.answer(quote(u)));
    expect(calls.slice(0, 4).map((c) => c.body.data.flags & EPHEMERAL)).toEqual([0, 0, 0, 0]);
    expect(calls[4]!.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(calls[4]!.body.data.content).toBe(CHANNEL_COOLDOWN_MESSAGE);
    // The same user in a DM is not limited by the server channel.
    const dm = await h.answer(slash('quote', [{ name: 'speaker', value: 'stoltenberg' }], { dm: true, userId: users[4]! }));
    expect(dm.body.data.content ?? '').not.toBe(CHANNEL_COOLDOWN_MESSAGE);
    // Mentions count toward the channel too; the channel was already told once: silence.
    const from = h.standin.calls.length;
    for (let n = 0; n < 3; n++)
      h.standin.dispatch('MESSAGE_CREATE', userMessage(`<@${IDS.bot}> stoltenberg china`, { mentionBot: true, userId: users[n]! }));
    await new Promise((r) => setTimeout(r, 500));
    const sent = h.standin.calls.slice(from).filter((c) => c.method === 'POST' && c.path === `/channels/${IDS.channel}/messages`);
    expect(sent).toEqual([]);
    expect(h.logs.filter((l) => l.includes('"command":"cooldown:channel"'))).toHaveLength(3);
  } finally {
    await h.close();
  }
});

it('ignores messages from webhooks and bots, in DMs and in servers', async () => {
  const h = await startHarness(await testCore());
  try {
    const from = h.standin.calls.length;
    const hooked = { ...userMessage('stoltenberg china', { dm: true }), webhook_id: '1100000000000000099' };
    h.standin.dispatch('MESSAGE_CREATE', hooked);
    h.standin.dispatch('MESSAGE_CREATE', {
      ...userMessage(`<@${IDS.bot}> stoltenberg china`, { mentionBot: true }),
      webhook_id: '1100000000000000099',
    });
    h.standin.dispatch('MESSAGE_CREATE', userMessage(`<@${IDS.bot}> stoltenberg china`, { mentionBot: true, bot: true }));
    h.standin.dispatch('MESSAGE_CREATE', userMessage('stoltenberg china', { dm: true, bot: true }));
    await new Promise((r) => setTimeout(r, 500));
    expect(h.standin.describe(from)).toBe('(none)');
  } finally {
    await h.close();
  }
});

it('never logs the token, even at trace level with discord.js debug output and failing requests', async () => {
  const standin = await DiscordStandIn.start();
  const logs: string[] = [];
  const log = createLogger({ level: 'trace', format: 'json', secrets: [TOKEN], destination: { write: (s: string) => void logs.push(s) } });
  const bot = await startBot({
    core: await testCore(),
    config: { discordToken: TOKEN, discordApiBase: standin.apiBase },
    log,
    cooldown: createCooldowns({}),
  });
  try {
    // A failing reply: discord.js's error carries the request (URL, body) into the log line.
    standin.failNext('POST', /\/callback$/, 400, { message: `Invalid Form Body ${TOKEN}`, code: 50035 });
    const p = quote();
    standin.dispatch('INTERACTION_CREATE', p);
    await expect.poll(() => logs.some((l) => l.includes('interaction failed')), { timeout: 8000 }).toBe(true);
    const err = new Error(`login failed for ${TOKEN}`, { cause: Object.assign(new Error('inner'), { headers: { Authorization: `Bot ${TOKEN}` } }) });
    log.error({ err, client: { token: TOKEN, options: { rest: { authPrefix: 'Bot', token: TOKEN } } } }, 'synthetic');
    log.error(new AggregateError([new Error(TOKEN)], `aggregate ${TOKEN}`));
    bot.client.emit('debug', `[WS] identify with ${TOKEN}`);
    expect(logs.some((l) => /"source":"discord.js"/.test(l))).toBe(true); // debug output was on
    const all = logs.join('');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(TOKEN.split('.')[2]!); // not even its secret part
    expect(all).not.toContain(p.token);
  } finally {
    await bot.stop();
    await standin.close();
  }
});
