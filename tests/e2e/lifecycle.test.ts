/**
 * Graceful shutdown: stop taking work (new interactions are told the bot is restarting),
 * finish the replies in flight, destroy the client (the gateway connection closes).
 */
import { expect, it, vi } from 'vitest';
import { RESTARTING } from '../../src/discord/router.js';
import { startHarness } from './harness.js';
import { testCore } from './core.js';
import { slash } from './payloads.js';
import { EPHEMERAL } from './util.js';

vi.setConfig({ testTimeout: 20_000 });

it('finishes a reply in flight, refuses new work while stopping, then disconnects', async () => {
  const h = await startHarness(await testCore());
  try {
    expect(h.standin.connections).toBe(1);
    const slow = slash('quote', [
      { name: 'speaker', value: 'stoltenberg' },
      { name: 'topic', value: 'china' },
    ]);
    h.standin.delayNext('POST', new RegExp(`/interactions/${slow.id}/`), 600);
    h.standin.dispatch('INTERACTION_CREATE', slow);
    await expect.poll(() => h.bot.ctx.work.size, { timeout: 3000 }).toBeGreaterThan(0);

    const stopped = h.bot.stop();
    expect(h.bot.ctx.work.stopping).toBe(true);
    const late = slash('help');
    const refusal = await h.answer(late);
    expect(refusal.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(refusal.body.data.content).toBe(RESTARTING);

    await stopped;
    expect(h.standin.calls.some((c) => c.path === `/interactions/${slow.id}/${slow.token}/callback`)).toBe(true);
    expect(h.bot.ctx.work.size).toBe(0);
    expect(h.logs.some((l) => l.includes('discord stopped'))).toBe(true);
    expect(h.bot.client.isReady()).toBe(false);
    await expect.poll(() => h.standin.connections, { timeout: 3000 }).toBe(0);
  } finally {
    await h.close();
  }
});
