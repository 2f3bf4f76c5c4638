/**
 * Acknowledge first (issue 23, item 9): with answering made slow (the core blocks the event loop
 * for 4 s, as a busy machine or a huge index would), every slash command and button is
 * acknowledged at the stand-in before the slow work starts, well within Discord's 3 seconds, and
 * the answer then arrives as an edit of that acknowledgement. In a burst, no answer starts while an
 * interaction that has arrived still waits for its acknowledgement.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { AnswerRequest } from '../../src/answer/types.js';
import { testCore } from './core.js';
import { startHarness, type Harness } from './harness.js';
import { click, IDS, slash } from './payloads.js';
import type { Call } from './standin.js';
import { customIds, EPHEMERAL, messageFromCallback, visibleText, withOverrides } from './util.js';

vi.setConfig({ testTimeout: 20_000 });

const BLOCK_MS = 4000;
/** Longer than Discord waits for an acknowledgement. */
const DISCORD_WINDOW_MS = 3000;

let h: Harness;
let slow = false;
/** In the burst test: every answer blocks the event loop this long, and when each started is kept. */
let eachMs = 0;
const answerStarts: number[] = [];
/** When the last slow answer started and ended (performance.now(), the stand-in's clock). */
let blocked = { from: 0, to: 0 };

beforeAll(async () => {
  const core = await testCore();
  h = await startHarness(
    withOverrides(core, {
      answer: (r: AnswerRequest) => {
        if (slow) {
          // Synchronous on purpose: nothing else in the process runs meanwhile, as under CPU load.
          blocked = { from: performance.now(), to: 0 };
          while (performance.now() - blocked.from < BLOCK_MS) {
            /* busy */
          }
          blocked.to = performance.now();
        }
        if (eachMs) {
          const from = performance.now();
          answerStarts.push(from);
          while (performance.now() - from < eachMs) {
            /* busy */
          }
        }
        return core.answer(r);
      },
    }),
  );
}, 30_000);
afterAll(async () => {
  await h?.close();
});

/** Dispatches with answering slow; resolves with the acknowledgement and the edit that answers it. */
async function slowly(p: { id: string; token: string }): Promise<{ dispatched: number; ack: Call; edit: Call }> {
  slow = true;
  try {
    const from = h.standin.calls.length;
    const dispatched = performance.now();
    h.standin.dispatch('INTERACTION_CREATE', p);
    const ack = await h.next((c) => c.path === `/interactions/${p.id}/${p.token}/callback`, from);
    const edit = await h.standin.waitForCall(
      (c) => c.method === 'PATCH' && c.path === `/webhooks/${IDS.app}/${p.token}/messages/@original`,
      from,
      BLOCK_MS + 8000,
    );
    return { dispatched, ack, edit };
  } finally {
    slow = false;
  }
}

function expectAcknowledgedBeforeTheWork({ dispatched, ack, edit }: { dispatched: number; ack: Call; edit: Call }): void {
  expect(ack.at, 'the acknowledgement reached Discord before the slow answer started').toBeLessThan(blocked.from);
  expect(ack.at - dispatched).toBeLessThan(DISCORD_WINDOW_MS / 3);
  expect(edit.at).toBeGreaterThanOrEqual(blocked.to);
}

it('defers a public /quote before answering, then edits the deferral into the answer', async () => {
  const p = slash('quote', [
    { name: 'speaker', value: 'stoltenberg' },
    { name: 'topic', value: 'china' },
  ]);
  const timing = await slowly(p);
  expectAcknowledgedBeforeTheWork(timing);
  expect(timing.ack.body.type).toBe(5);
  expect(timing.ack.body.data?.flags ?? 0).toBe(0); // public, as the answer will be
  expect(visibleText(timing.edit.body)).toMatch(/China/);
  expect(timing.edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  // One acknowledgement only: the answer did not try to reply a second time.
  expect(h.standin.calls.filter((c) => c.path === `/interactions/${p.id}/${p.token}/callback`)).toHaveLength(1);
});

it('defers a Cite click privately before answering', async () => {
  const answer = await h.answer(
    slash('quote', [
      { name: 'speaker', value: 'stoltenberg' },
      { name: 'topic', value: 'china' },
    ]),
  );
  const cite = customIds(answer.body.data).find((id) => id.startsWith('cite:0:'))!;
  const timing = await slowly(click(cite, messageFromCallback(answer)));
  expectAcknowledgedBeforeTheWork(timing);
  expect(timing.ack.body.type).toBe(5);
  expect(timing.ack.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
  expect(visibleText(timing.edit.body)).toMatch(/Stoltenberg/);
});

it('defers the asker’s More as an update of the clicked message before answering', async () => {
  const answer = await h.answer(slash('quote', [{ name: 'speaker', value: 'stoltenberg' }]));
  const more = customIds(answer.body.data).find((id) => id.startsWith('more:'))!;
  const p = click(more, messageFromCallback(answer));
  const timing = await slowly(p);
  expectAcknowledgedBeforeTheWork(timing);
  expect(timing.ack.body.type).toBe(6);
  expect(customIds(timing.edit.body)).not.toContain(more);
  const page = await h.next((c) => c.method === 'POST' && c.path === `/webhooks/${IDS.app}/${p.token}`, 0);
  expect(visibleText(page.body)).toMatch(/results \d+–\d+/);
});

it('in a burst, acknowledges every interaction that has arrived before it starts the next answer', async () => {
  const BURST = 8;
  const received = new Map<string, number>();
  const onInteraction = (i: { id: string }) => void received.set(i.id, performance.now());
  h.bot.client.on('interactionCreate', onInteraction);
  eachMs = 300;
  answerStarts.length = 0;
  try {
    const from = h.standin.calls.length;
    const burst = Array.from({ length: BURST }, () =>
      slash('quote', [
        { name: 'speaker', value: 'stoltenberg' },
        { name: 'topic', value: 'china' },
      ]),
    );
    for (const p of burst) h.standin.dispatch('INTERACTION_CREATE', p);
    const edits = await Promise.all(
      burst.map((p) =>
        h.standin.waitForCall(
          (c) => c.method === 'PATCH' && c.path === `/webhooks/${IDS.app}/${p.token}/messages/@original`,
          from,
          BURST * eachMs + 8000,
        ),
      ),
    );
    for (const edit of edits) expect(visibleText(edit.body)).toMatch(/China/);
    const acks = new Map(burst.map((p) => [p.id, h.standin.calls.find((c) => c.path === `/interactions/${p.id}/${p.token}/callback`)!]));
    expect(answerStarts).toHaveLength(BURST);
    // Each answer holds the event loop for 300 ms: had one started while another interaction
    // waited for its acknowledgement, that acknowledgement would have waited behind it.
    for (const started of answerStarts)
      for (const p of burst) {
        const arrived = received.get(p.id)!;
        if (arrived < started)
          expect(acks.get(p.id)!.at, `interaction ${p.id} acknowledged before an answer started after it arrived`).toBeLessThan(started);
      }
    // The first answer waited for the interactions read with its own.
    expect(burst.filter((p) => received.get(p.id)! < answerStarts[0]!).length).toBeGreaterThan(1);
  } finally {
    eachMs = 0;
    h.bot.client.off('interactionCreate', onInteraction);
  }
});
