/**
 * Discord faults through the stand-in with the real discord.js client: rate limits and server
 * errors on interaction callbacks and DM replies, and every kind of gateway loss (close 4000, an
 * abrupt TCP drop, op 7 RECONNECT, op 9 INVALID_SESSION), each followed by new interactions.
 * Every interaction sent is answered exactly once: none lost, none doubled.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Harness } from './harness.js';
import { useSeedHarness } from './seed-harness.js';
import { IDS, slash, userMessage } from './payloads.js';
import { visibleText } from './util.js';

vi.setConfig({ testTimeout: 20_000 });

let h: Harness;
useSeedHarness((started) => {
  h = started;
});

type Payload = ReturnType<typeof slash>;
const quote = (topic = 'china') =>
  slash('quote', [
    { name: 'speaker', value: 'stoltenberg' },
    { name: 'topic', value: topic },
  ]);
const callbackPath = (p: Payload) => `/interactions/${p.id}/${p.token}/callback`;
/** The edit of the acknowledgement that carries the answer. */
const answerPath = (p: Payload) => `/webhooks/${IDS.app}/${p.token}/messages/@original`;
const ok = (status: number) => status >= 200 && status < 300;

/**
 * Waits until every payload has one successful acknowledgement and one answer (its edit), then
 * checks that none got a second of either.
 */
async function answeredExactlyOnce(payloads: Payload[]): Promise<void> {
  const answered = () => payloads.filter((p) => h.standin.calls.some((c) => c.method === 'PATCH' && c.path === answerPath(p) && ok(c.status))).length;
  await expect.poll(answered, { timeout: 10_000, interval: 50 }).toBe(payloads.length);
  await new Promise((r) => setTimeout(r, 300)); // room for a duplicate to show up
  for (const p of payloads) {
    expect(
      h.standin.calls.filter((c) => c.path === callbackPath(p) && ok(c.status)),
      `interaction ${p.id}`,
    ).toHaveLength(1);
    const edits = h.standin.calls.filter((c) => c.method === 'PATCH' && c.path === answerPath(p) && ok(c.status));
    expect(edits, `interaction ${p.id}`).toHaveLength(1);
    expect(visibleText(edits[0]!.body)).toMatch(/China|Russia|Stoltenberg/);
  }
}

function send(n: number, topic?: string): Payload[] {
  return Array.from({ length: n }, () => {
    const p = quote(topic);
    h.standin.dispatch('INTERACTION_CREATE', p);
    return p;
  });
}

describe('REST faults', () => {
  it('waits out a 429 (retry_after) on an interaction callback and answers once', async () => {
    h.standin.failNext(
      'POST',
      /\/callback$/,
      429,
      { message: 'You are being rate limited.', retry_after: 0.2, global: false },
      {
        'retry-after': '0.2',
        'x-ratelimit-scope': 'user',
      },
    );
    const [p] = send(1);
    await answeredExactlyOnce([p!]);
    expect(h.standin.calls.filter((c) => c.path === callbackPath(p!)).map((c) => c.status)).toEqual([429, 204]);
  });

  it('retries a 500 on an interaction callback and answers once', async () => {
    h.standin.failNext('POST', /\/callback$/, 500, { message: '500: Internal Server Error', code: 0 });
    const [p] = send(1);
    await answeredExactlyOnce([p!]);
    expect(h.standin.calls.filter((c) => c.path === callbackPath(p!)).map((c) => c.status)).toEqual([500, 204]);
  });

  for (const [status, body, headers] of [
    [429, { message: 'You are being rate limited.', retry_after: 0.2, global: false }, { 'retry-after': '0.2', 'x-ratelimit-scope': 'user' }],
    [500, { message: '500: Internal Server Error', code: 0 }, {}],
  ] as const) {
    it(`sends a DM reply once after a ${status}`, async () => {
      const path = `/channels/${IDS.dmChannel}/messages`;
      h.standin.failNext('POST', new RegExp(`^${path}$`), status, body, headers);
      const from = h.standin.calls.length;
      h.standin.dispatch('MESSAGE_CREATE', userMessage('What did Stoltenberg say about China?', { dm: true }));
      await expect.poll(() => h.standin.calls.slice(from).filter((c) => c.path === path && ok(c.status)).length, { timeout: 8000 }).toBe(1);
      await new Promise((r) => setTimeout(r, 300));
      const sends = h.standin.calls.slice(from).filter((c) => c.path === path);
      expect(sends.map((c) => c.status)).toEqual([status, 200]);
      expect(visibleText(sends[1]!.body)).toMatch(/China/);
    });
  }
});

describe('gateway faults', () => {
  /** Before: some interactions; the fault; during: more (replayed on RESUME when the fault allows it); after: more. */
  async function survives(fault: () => void, reconnected: () => boolean, replayed: boolean): Promise<void> {
    const before = send(3);
    await answeredExactlyOnce(before);
    fault();
    const during = replayed ? send(3, 'russia') : [];
    await expect.poll(reconnected, { timeout: 15_000, interval: 50 }).toBe(true);
    await expect.poll(() => h.standin.liveSessions, { timeout: 5000 }).toBe(1);
    const after = send(5, 'russia');
    await answeredExactlyOnce([...during, ...after]);
  }

  it('resumes after a close with code 4000 and loses nothing sent meanwhile', async () => {
    const resumes = h.standin.resumes;
    await survives(
      () => h.standin.closeGateway(4000),
      () => h.standin.resumes > resumes,
      true,
    );
  });

  it('resumes after an abrupt TCP drop and loses nothing sent meanwhile', async () => {
    const resumes = h.standin.resumes;
    await survives(
      () => h.standin.dropGateway(),
      () => h.standin.resumes > resumes,
      true,
    );
  });

  it('reconnects on op 7 RECONNECT and loses nothing sent meanwhile', async () => {
    const resumes = h.standin.resumes;
    await survives(
      () => h.standin.sendOp(7),
      () => h.standin.resumes > resumes,
      true,
    );
  });

  it('identifies again after op 9 INVALID_SESSION and answers new interactions', async () => {
    const identifies = h.standin.identifies.length;
    await survives(
      () => h.standin.sendOp(9, false),
      () => h.standin.identifies.length > identifies,
      false,
    );
    expect(h.bot.client.isReady()).toBe(true);
  });

  it('resumes after op 9 INVALID_SESSION when the session is resumable', async () => {
    const resumes = h.standin.resumes;
    await survives(
      () => h.standin.sendOp(9, true),
      () => h.standin.resumes > resumes,
      false,
    );
  });
});
