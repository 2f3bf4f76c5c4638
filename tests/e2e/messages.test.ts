/**
 * Direct messages and mentions end to end: answered with `core.ask` in the same channel, typing
 * first, never pinging anyone, bots ignored, spam answered once, text never logged at info.
 */
import { describe, expect, it, vi } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { useSeedHarness } from './seed-harness.js';
import { botUser, click, IDS, messageObject, slash, userMessage } from './payloads.js';
import { testCore } from './core.js';
import { customIds, EPHEMERAL, visibleText } from './util.js';
import { createCooldowns } from '../../src/discord/cooldown.js';

vi.setConfig({ testTimeout: 15_000 });

let h: Harness;
useSeedHarness((started) => {
  h = started;
});

const sentTo = (channel: string) => (c: { method: string; path: string }) => c.method === 'POST' && c.path === `/channels/${channel}/messages`;

describe('direct messages', () => {
  it('answers a DM question in the DM channel, after a typing indicator', async () => {
    const from = h.standin.calls.length;
    const question = 'What did Stoltenberg say about China?';
    const msg = userMessage(question, { dm: true });
    h.standin.dispatch('MESSAGE_CREATE', msg);
    const reply = await h.next(sentTo(IDS.dmChannel), from);
    const calls = h.standin.calls.slice(from).map((c) => `${c.method} ${c.path}`);
    expect(calls.indexOf(`POST /channels/${IDS.dmChannel}/typing`)).toBeLessThan(calls.indexOf(`POST /channels/${IDS.dmChannel}/messages`));
    expect(calls.indexOf(`POST /channels/${IDS.dmChannel}/typing`)).toBeGreaterThanOrEqual(0);
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(visibleText(reply.body)).toMatch(/China/);
    expect(visibleText(reply.body)).toMatch(/2021-03-24|24 March 2021/);
    await expect.poll(() => h.logs.some((l) => l.includes(msg.id) && l.includes('"msg":"message"')), { timeout: 3000 }).toBe(true);
    const atInfo = h.logs.filter((l) => JSON.parse(l).level >= 30).join('');
    expect(atInfo).not.toContain(question);
    expect(atInfo).not.toContain('Stoltenberg say');
  });

  it('keeps Cite and More working on a DM answer (the request travels in the button ids)', async () => {
    const from = h.standin.calls.length;
    h.standin.dispatch('MESSAGE_CREATE', userMessage('stoltenberg', { dm: true }));
    const reply = await h.next(sentTo(IDS.dmChannel), from);
    const ids = customIds(reply.body);
    const message = messageObject(IDS.dmChannel, reply.body, botUser);

    const cite = await h.answer(click(ids.find((id) => id.startsWith('cite:0:'))!, message, { dm: true }));
    expect(cite.body.data.content).toMatch(/^Citation to copy:\n```\nJens Stoltenberg: “/);

    const more = click(ids.find((id) => id.startsWith('more:'))!, message, { dm: true });
    const mark = h.standin.calls.length;
    const update = await h.answer(more);
    expect(update.body.type).toBe(7);
    const follow = await h.next((c) => c.method === 'POST' && c.path === `/webhooks/${IDS.app}/${more.token}`, mark);
    expect(follow.body.flags & EPHEMERAL).toBe(0);
    expect(visibleText(follow.body)).toMatch(/results 6–/);
  });

  it('ignores messages from bots', async () => {
    const from = h.standin.calls.length;
    h.standin.dispatch('MESSAGE_CREATE', userMessage('Stoltenberg on China?', { dm: true, bot: true }));
    await new Promise((r) => setTimeout(r, 300));
    expect(h.standin.calls.slice(from)).toHaveLength(0);
  });
});

describe('mentions in a server', () => {
  it('answers a message that mentions the bot in that channel, as a reply that pings nobody', async () => {
    const from = h.standin.calls.length;
    const msg = userMessage(`<@${IDS.bot}> what did Stoltenberg say about China?`, { mentionBot: true });
    h.standin.dispatch('MESSAGE_CREATE', msg);
    const reply = await h.next(sentTo(IDS.channel), from);
    expect(reply.body.message_reference?.message_id).toBe(msg.id);
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(visibleText(reply.body)).toMatch(/China/);
  });

  it('still answers in the channel when a reply is refused (no Read Message History)', async () => {
    h.standin.failNext('POST', new RegExp(`^/channels/${IDS.channel}/messages$`), 403, { message: 'Missing Permissions', code: 50013 });
    const from = h.standin.calls.length;
    h.standin.dispatch('MESSAGE_CREATE', userMessage(`<@${IDS.bot}> stoltenberg china`, { mentionBot: true }));
    await expect.poll(() => h.standin.calls.slice(from).filter(sentTo(IDS.channel)).length, { timeout: 5000 }).toBe(2);
    const second = h.standin.calls.slice(from).filter(sentTo(IDS.channel))[1]!;
    expect(visibleText(second.body)).toMatch(/China/);
  });

  it('ignores server messages that do not mention it', async () => {
    const from = h.standin.calls.length;
    h.standin.dispatch('MESSAGE_CREATE', userMessage('what did Stoltenberg say about China?'));
    await new Promise((r) => setTimeout(r, 300));
    expect(h.standin.calls.slice(from)).toHaveLength(0);
  });

  it('answers a bare mention with a hint instead of a search', async () => {
    const from = h.standin.calls.length;
    h.standin.dispatch('MESSAGE_CREATE', userMessage(`<@${IDS.bot}>`, { mentionBot: true }));
    const reply = await h.next(sentTo(IDS.channel), from);
    expect(reply.body.content).toMatch(/Ask me a question/);
  });
});

describe('cooldown', () => {
  it('answers the first 5 questions in 10 s, then one polite line, then silence', async () => {
    const spam = await startHarness(await testCore(), { cooldown: createCooldowns({ user: { limit: 5, windowMs: 10_000 } }) });
    try {
      const from = spam.standin.calls.length;
      for (let n = 0; n < 7; n++) spam.standin.dispatch('MESSAGE_CREATE', userMessage('Stoltenberg on China?', { dm: true }));
      await expect.poll(() => spam.standin.calls.slice(from).filter(sentTo(IDS.dmChannel)).length, { timeout: 5000 }).toBeGreaterThanOrEqual(6);
      await new Promise((r) => setTimeout(r, 300));
      const sends = spam.standin.calls.slice(from).filter(sentTo(IDS.dmChannel));
      const polite = sends.filter((c) => /faster than I can keep up/.test(c.body.content ?? ''));
      expect(polite).toHaveLength(1);
      expect(sends.length - polite.length).toBeGreaterThanOrEqual(5);
    } finally {
      await spam.close();
    }
  });
});

describe('cooldown for slash commands', () => {
  it('answers the sixth /quote in 10 s with a private polite line, and never counts button clicks', async () => {
    const spam = await startHarness(await testCore(), { cooldown: createCooldowns({ user: { limit: 5, windowMs: 10_000 } }) });
    try {
      const quote = () =>
        slash('quote', [
          { name: 'speaker', value: 'stoltenberg' },
          { name: 'topic', value: 'china' },
        ]);
      const first = await spam.answer(quote());
      const cite = customIds(first.body.data).find((id) => id.startsWith('cite:'))!;
      for (let n = 0; n < 6; n++) {
        const c = await spam.answer(click(cite, messageObject(IDS.channel, first.body.data, botUser)));
        expect(c.body.data.content).toMatch(/^Citation to copy/);
      }
      for (let n = 0; n < 4; n++) expect((await spam.answer(quote())).body.data.flags & EPHEMERAL).toBe(0);
      const sixth = await spam.answer(quote());
      expect(sixth.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(sixth.body.data.content).toMatch(/faster than I can keep up/);
    } finally {
      await spam.close();
    }
  });
});
