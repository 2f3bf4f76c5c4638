/**
 * The real process under load and edits: the bot watches its knowledge folder (an added file is
 * reloaded and logged), and SIGTERM while 50 interactions are in flight answers all 50, then exits 0.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TOKEN } from './harness.js';
import { IDS, slash } from './payloads.js';
import { ROOT, startMain } from './spawn.js';
import { DiscordStandIn } from './standin.js';

let standin: DiscordStandIn;
let dir: string;
beforeAll(async () => {
  standin = await DiscordStandIn.start();
  dir = await mkdtemp(join(tmpdir(), 'verbatim-shutdown-'));
  await cp(join(ROOT, 'knowledge'), dir, { recursive: true });
});
afterAll(async () => {
  await standin?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('reloads an edited folder, then answers all 50 interactions in flight at SIGTERM and exits 0', async () => {
  const run = startMain(['--discord'], {
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_BASE: standin.apiBase,
    KNOWLEDGE_DIR: dir,
    VERBATIM_CACHE_DIR: 'off',
    COOLDOWN_USER: 'off',
    COOLDOWN_CHANNEL: 'off',
  });
  try {
    await expect.poll(() => run.output(), { timeout: 45_000, interval: 100 }).toMatch(/discord ready/);

    // Knowledge under edit: the watcher reloads and logs what changed.
    await writeFile(
      join(dir, 'harbour.md'),
      '---\ntitle: Harbour reopens\ndate: 2023-05-02\n---\n“The harbour is open again,” said Maria Lindqvist.\n',
    );
    await expect
      .poll(() => run.lines().find((l) => l.msg === 'knowledge reloaded'), { timeout: 10_000, interval: 100 })
      .toMatchObject({ added: ['harbour.md'] });

    // 50 interactions whose replies Discord (the stand-in) is slow to accept: all in flight.
    standin.delayNext('POST', /\/callback$/, 1500, 50);
    const received = standin.received;
    const sent = Array.from({ length: 50 }, (_, n) => {
      const p = slash('quote', [
        { name: 'speaker', value: n % 2 ? 'stoltenberg' : 'lindqvist' },
        { name: 'topic', value: n % 2 ? 'china' : 'harbour' },
      ]);
      standin.dispatch('INTERACTION_CREATE', p);
      return p;
    });
    await expect.poll(() => standin.received - received, { timeout: 10_000, interval: 20 }).toBeGreaterThanOrEqual(50);
    const answeredBefore = sent.filter((p) => standin.calls.some((c) => c.path === `/interactions/${p.id}/${p.token}/callback`)).length;
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);

    expect(answeredBefore).toBeLessThan(50); // the signal really came while replies were in flight
    for (const p of sent) {
      const replies = standin.calls.filter((c) => c.path === `/interactions/${p.id}/${p.token}/callback`);
      expect(
        replies.map((c) => c.status),
        p.id,
      ).toEqual([204]);
      // The answer edits the acknowledgement, once.
      const edits = standin.calls.filter((c) => c.method === 'PATCH' && c.path === `/webhooks/${IDS.app}/${p.token}/messages/@original`);
      expect(
        edits.map((c) => c.status),
        p.id,
      ).toEqual([200]);
      expect(JSON.stringify(edits[0]!.body)).toMatch(/China|harbour/);
    }
    expect(run.output()).toMatch(/discord stopped/);
    expect(run.output()).not.toContain(TOKEN);
  } finally {
    run.child.kill('SIGKILL');
  }
}, 90_000);
