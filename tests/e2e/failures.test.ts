/**
 * Failure paths end to end: a throwing handler gets a private "something went wrong (ref …)"
 * and the bot keeps answering; a 429 on the first callback is waited out and still replied;
 * an everyday quote containing @everyone is sent escaped and with no mention parsed.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AnswerRequest } from '../../src/answer/types.js';
import { startHarness, type Harness } from './harness.js';
import { autocomplete, IDS, slash } from './payloads.js';
import { testCore, everyoneCore } from './core.js';
import { EPHEMERAL, visibleText, withOverrides } from './util.js';

vi.setConfig({ testTimeout: 15_000 });

let h: Harness;
beforeAll(async () => {
  const core = await testCore();
  h = await startHarness(
    withOverrides(core, {
      answer: (r: AnswerRequest) => {
        if (r.command === 'quote' && r.speaker === 'boom') throw new Error('core exploded');
        return core.answer(r);
      },
      suggestTopics: () => {
        throw new Error('topics exploded');
      },
    }),
  );
}, 30_000);
afterAll(async () => {
  await h?.close();
});

describe('error boundary', () => {
  it('turns a thrown handler error into a private "something went wrong (ref …)" and keeps running', async () => {
    const p = slash('quote', [{ name: 'speaker', value: 'boom' }]);
    const call = await h.answer(p);
    expect(call.body.type).toBe(4);
    expect(call.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(call.body.data.content).toContain(`ref ${p.id}`);
    await expect.poll(() => h.logs.find((l) => l.includes('interaction failed') && l.includes(p.id)), { timeout: 3000 }).toBeDefined();
    // The log line carries the stack and the same ref the user was given.
    const line = JSON.parse(h.logs.find((l) => l.includes('interaction failed') && l.includes(p.id))!);
    expect(line).toMatchObject({
      level: 50,
      ref: p.id,
      err: { message: 'core exploded', stack: expect.stringMatching(/^Error: core exploded\n\s+at /) },
    });
    const after = await h.answer(
      slash('quote', [
        { name: 'speaker', value: 'stoltenberg' },
        { name: 'topic', value: 'china' },
      ]),
    );
    expect(visibleText(after.body.data)).toMatch(/China/);
  });

  it('answers autocomplete with an empty list when the core throws', async () => {
    const call = await h.answer(autocomplete('summary', [{ name: 'topic', value: 'chi', focused: true }]));
    expect(call.body).toEqual({ type: 8, data: { choices: [] } });
  });
});

describe('rate limits', () => {
  it('waits out a 429 with retry_after on the first callback and still replies', async () => {
    h.standin.failNext(
      'POST',
      /\/callback$/,
      429,
      { message: 'You are being rate limited.', retry_after: 0.3, global: false },
      {
        'retry-after': '0.3',
        'x-ratelimit-limit': '1',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': '0.3',
        'x-ratelimit-bucket': 'standin-bucket',
      },
    );
    const p = slash('quote', [
      { name: 'speaker', value: 'stoltenberg' },
      { name: 'topic', value: 'china' },
    ]);
    const from = h.standin.calls.length;
    const started = Date.now();
    h.standin.dispatch('INTERACTION_CREATE', p);
    const path = `/interactions/${p.id}/${p.token}/callback`;
    await expect.poll(() => h.standin.calls.slice(from).filter((c) => c.path === path).length, { timeout: 5000 }).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    const [first, second] = h.standin.calls.slice(from).filter((c) => c.path === path);
    expect(first!.body).toEqual(second!.body);
    // The retried callback is the acknowledgement; the answer then edits it.
    const edit = await h.next((c) => c.method === 'PATCH' && c.path === `/webhooks/${IDS.app}/${p.token}/messages/@original`, from);
    expect(visibleText(edit.body)).toMatch(/China/);
  });
});

describe('mentions in source text', () => {
  it('sends a quote containing @everyone escaped, with no mention parsed', async () => {
    const e = await startHarness(await everyoneCore());
    try {
      const call = await e.answer(slash('quote', [{ name: 'speaker', value: 'Jane Doe' }]));
      const data = call.body.data;
      expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
      const text = visibleText(data);
      expect(text).toContain('\\@everyone');
      expect(text).not.toMatch(/(^|[^\\])@everyone/);
      expect(text).not.toMatch(/(^|[^\\])<@/);
    } finally {
      await e.close();
    }
  });
});
