/**
 * Slash commands, autocomplete and buttons, end to end: the real discord.js client logged into
 * the local stand-in, answering from the real knowledge base; assertions on what the bot sent.
 */
import { describe, expect, it, vi } from 'vitest';
import { TOKEN, type Harness } from './harness.js';
import { useSeedHarness } from './seed-harness.js';
import { autocomplete, click, IDS, slash } from './payloads.js';
import { customIds, EPHEMERAL, messageFromCallback, visibleText } from './util.js';

vi.setConfig({ testTimeout: 15_000 });

let h: Harness;
useSeedHarness((started) => {
  h = started;
});

const quoteChina = () =>
  slash('quote', [
    { name: 'speaker', value: 'stoltenberg' },
    { name: 'topic', value: 'china' },
  ]);

describe('login', () => {
  it('identifies with the token and the three non-privileged intents', () => {
    expect(h.standin.identifiedToken).toBe(TOKEN);
    expect(h.standin.identifiedIntents).toBe(1 | 512 | 4096); // Guilds | GuildMessages | DirectMessages
    expect(h.standin.calls[0]?.path).toBe('/gateway/bot');
  });
});

describe('/quote', () => {
  it('answers stoltenberg china publicly with the China quote, its source and date', async () => {
    const call = await h.answer(quoteChina());
    expect(call.body.type).toBe(4);
    const data = call.body.data;
    expect(data.flags & EPHEMERAL).toBe(0);
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const text = visibleText(data);
    expect(text).toMatch(/China/);
    expect(text).toMatch(/2021-03-24|24 March 2021/);
    expect(text).toContain('Jens Stoltenberg');
    expect(text).toMatch(/Diplomatic Times/i);
    expect(customIds(data).some((id) => id.startsWith('cite:'))).toBe(true);
    expect(customIds(data).some((id) => id.startsWith('ctx:'))).toBe(true);
  });

  it('is private with private:true', async () => {
    const p = slash('quote', [
      { name: 'speaker', value: 'stoltenberg' },
      { name: 'topic', value: 'china' },
      { name: 'private', value: true },
    ]);
    const call = await h.answer(p);
    expect(call.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('answers a miss privately, with suggestions, leaving no public "thinking…" behind', async () => {
    const p = slash('quote', [{ name: 'speaker', value: 'Boris Johnson' }]);
    const from = h.standin.calls.length;
    const call = await h.answer(p);
    const data = call.body.data;
    expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
    // Acknowledged publicly (the request did not ask for privacy); the miss deletes that message
    // before following up privately, so the channel sees nothing of it.
    expect(call.ack.body.data?.flags ?? 0).toBe(0);
    const original = `/webhooks/${IDS.app}/${p.token}/messages/@original`;
    const mine = h.standin.calls.slice(from).filter((c) => c.path.startsWith(`/webhooks/${IDS.app}/${p.token}`));
    expect(mine.map((c) => `${c.method} ${c.path === original ? '@original' : 'follow-up'}`)).toEqual(['DELETE @original', 'POST follow-up']);
    // Which speakers are suggested is the core's call; the face shows them privately.
    expect(data.content).toMatch(/Boris Johnson[\s\S]*Did you mean: (Jens Stoltenberg|Boyko Borissov)/);
    expect(data.embeds ?? []).toHaveLength(0);
  });
});

describe('autocomplete', () => {
  it('offers at most 25 speakers including Jens Stoltenberg', async () => {
    const call = await h.answer(autocomplete('quote', [{ name: 'speaker', value: 'stol', focused: true }]));
    expect(call.body.type).toBe(8);
    const choices = call.body.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.value)).toContain('Jens Stoltenberg');
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it('offers all speakers (≤ 25) when nothing is typed yet', async () => {
    const call = await h.answer(autocomplete('quote', [{ name: 'speaker', value: '', focused: true }]));
    const choices = call.body.data.choices as unknown[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('offers topics near the chosen speaker', async () => {
    const call = await h.answer(
      autocomplete('quote', [
        { name: 'speaker', value: 'Jens Stoltenberg' },
        { name: 'topic', value: 'chi', focused: true },
      ]),
    );
    const values = (call.body.data.choices as { value: string }[]).map((c) => c.value.toLowerCase());
    expect(values.length).toBeLessThanOrEqual(25);
    expect(values.some((v) => v.includes('china'))).toBe(true);
  });
});

describe('buttons', () => {
  it('Cite gives a private plain-text citation line with speaker, quote, publisher, title and date', async () => {
    const answer = await h.answer(quoteChina());
    const citeId = customIds(answer.body.data).find((id) => id.startsWith('cite:0:'))!;
    const call = await h.answer(click(citeId, messageFromCallback(answer)));
    const data = call.body.data;
    expect(call.body.type).toBe(4);
    expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(data.content).toContain('```');
    expect(data.content).toMatch(/Jens Stoltenberg(: “| \(reported)/);
    expect(data.content).toMatch(/24 March 2021/);
  });

  it('Context shows the whole paragraph privately, with source and date', async () => {
    const answer = await h.answer(quoteChina());
    const ctxId = customIds(answer.body.data).find((id) => id.startsWith('ctx:0:'))!;
    const call = await h.answer(click(ctxId, messageFromCallback(answer)));
    expect(call.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const text = visibleText(call.body.data);
    expect(text).toMatch(/China/);
    expect(text).toMatch(/2021-03-24|24 March 2021/);
  });

  it('More by the asker drops the More button from the message and follows up with the next page', async () => {
    const answer = await h.answer(slash('quote', [{ name: 'speaker', value: 'stoltenberg' }]));
    const moreId = customIds(answer.body.data).find((id) => id.startsWith('more:'));
    expect(moreId, 'Stoltenberg has more than one page of quotes').toBeDefined();
    const p = click(moreId!, messageFromCallback(answer));
    const from = h.standin.calls.length;
    const update = await h.answer(p);
    expect(update.body.type).toBe(7);
    expect(customIds(update.body.data)).not.toContain(moreId);
    const follow = await h.next((c) => c.method === 'POST' && c.path === `/webhooks/${IDS.app}/${p.token}`, from);
    expect(follow.body.flags & EPHEMERAL).toBe(0);
    expect(visibleText(follow.body)).toMatch(/results \d+–\d+/);
    expect(visibleText(follow.body)).not.toEqual(visibleText(answer.body.data));
  });

  it('More by someone else gets its own private page and leaves the message alone', async () => {
    const answer = await h.answer(slash('quote', [{ name: 'speaker', value: 'stoltenberg' }]));
    const moreId = customIds(answer.body.data).find((id) => id.startsWith('more:'))!;
    const call = await h.answer(click(moreId, messageFromCallback(answer), { userId: IDS.other }));
    expect(call.body.type).toBe(4);
    expect(call.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(call.body.data.embeds.length).toBeGreaterThan(0);
  });

  it.each(['more:1:!!!', 'cite:0:abc:eyJ4IjoxfQ', 'ctx:x:p1', 'nonsense', `more:${IDS.asker}:WyJ4Il0`])(
    'refuses a forged id %s privately',
    async (id) => {
      const answer = await h.answer(quoteChina());
      const call = await h.answer(click(id, messageFromCallback(answer)));
      expect(call.body.type).toBe(4);
      expect(call.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(call.body.data.content).toMatch(/not one I made|changed since/);
    },
  );
});

describe('/sources and /help', () => {
  it('/sources lists articles with dates, privately', async () => {
    const call = await h.answer(slash('sources'));
    expect(call.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(visibleText(call.body.data)).toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('/help explains the commands, privately', async () => {
    const call = await h.answer(slash('help', [], { dm: true }));
    expect(call.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(call.body.data.content).toMatch(/\/quote/);
  });
});

describe('logs', () => {
  it('has one line per interaction with id, command, latency and found, and never the token', async () => {
    const p = quoteChina();
    await h.answer(p);
    await expect.poll(() => h.logs.some((l) => l.includes(p.id)), { timeout: 3000 }).toBe(true);
    const line = JSON.parse(h.logs.find((l) => l.includes(p.id))!);
    expect(line).toMatchObject({ id: p.id, command: 'quote', found: true, msg: 'interaction' });
    expect(typeof line.latencyMs).toBe('number');
    expect(h.logs.join('')).not.toContain(TOKEN);
    expect(h.logs.join('')).not.toContain(p.token);
  });
});
