/**
 * Sharding against the stand-in: a process given SHARD_IDS/SHARD_COUNT identifies exactly those
 * shards and answers the guild its shard owns; SHARDS=auto spawns one process per recommended
 * shard (discord.js ShardingManager), the second loading the index the first persisted, and SIGTERM
 * stops them all.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startBot } from '../../src/discord/client.js';
import { createCooldowns } from '../../src/discord/cooldown.js';
import { createLogger } from '../../src/log.js';
import { testCore } from './core.js';
import { TOKEN } from './harness.js';
import { IDS, slash } from './payloads.js';
import { startMain } from './spawn.js';
import { DiscordStandIn, shardOf } from './standin.js';

let cache: string;
beforeAll(async () => {
  cache = await mkdtemp(join(tmpdir(), 'verbatim-shards-'));
});
afterAll(async () => {
  if (cache) await rm(cache, { recursive: true, force: true });
});

const quote = () =>
  slash('quote', [
    { name: 'speaker', value: 'stoltenberg' },
    { name: 'topic', value: 'china' },
  ]);

it('runs the shards given by SHARD_IDS of SHARD_COUNT, and answers through the one owning the guild', async () => {
  const standin = await DiscordStandIn.start();
  const config = loadConfig({ env: { DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: standin.apiBase, SHARD_IDS: '3,1', SHARD_COUNT: '4' }, dotenv: false });
  const logs: string[] = [];
  const log = createLogger({ level: 'info', format: 'json', secrets: [TOKEN], destination: { write: (s: string) => void logs.push(s) } });
  const bot = await startBot({ core: await testCore(), config, log, cooldown: createCooldowns({}) });
  try {
    expect(standin.identifies.map((s) => s.join('/')).sort()).toEqual(['1/4', '3/4']);
    expect(shardOf(IDS.guild, 4)).toBe(3);
    const p = quote();
    const from = standin.calls.length;
    standin.dispatch('INTERACTION_CREATE', p);
    await standin.waitForCall((c) => c.path === `/interactions/${p.id}/${p.token}/callback`, from, 8000);
    // Acknowledged first; the answer edits the acknowledgement.
    const reply = await standin.waitForCall(
      (c) => c.method === 'PATCH' && c.path === `/webhooks/${IDS.app}/${p.token}/messages/@original`,
      from,
      8000,
    );
    expect(JSON.stringify(reply.body)).toMatch(/China/);
    expect(JSON.parse(logs.find((l) => l.includes('discord ready'))!)).toMatchObject({ shards: [1, 3], shardCount: 4 });
  } finally {
    await bot.stop();
    await standin.close();
  }
}, 30_000);

it('SHARDS=auto spawns one process per recommended shard, each on the persisted index; SIGTERM stops all, exit 0', async () => {
  const standin = await DiscordStandIn.start({ shards: 2 });
  const run = startMain(['--discord'], {
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_BASE: standin.apiBase,
    SHARDS: 'auto',
    SHARD_SPAWN_DELAY_MS: '0',
    VERBATIM_CACHE_DIR: cache,
  });
  try {
    await expect.poll(() => run.output(), { timeout: 80_000, interval: 200 }).toMatch(/all shards ready/);
    expect(standin.identifies.map((s) => s.join('/')).sort()).toEqual(['0/2', '1/2']);
    const lines = run.lines();
    // Shards start one after the other: the first built and saved the index, the second loaded it.
    expect(lines.filter((l) => l.msg === 'knowledge loaded').map((l) => l.cache)).toEqual(['built', 'hit']);
    expect((await readdir(cache)).filter((f) => f.endsWith('.kb'))).toHaveLength(1);
    // Each shard's own "discord ready" line comes through its pipe and may land after the manager's.
    await expect
      .poll(
        () =>
          new Set(
            run
              .lines()
              .filter((l) => l.msg === 'discord ready')
              .map((l) => JSON.stringify(l.shards)),
          ),
        { timeout: 10_000, interval: 100 },
      )
      .toEqual(new Set(['[0]', '[1]']));

    const p = quote();
    const from = standin.calls.length;
    standin.dispatch('INTERACTION_CREATE', p); // guild → shard 1 of 2
    await standin.waitForCall((c) => c.path === `/interactions/${p.id}/${p.token}/callback`, from, 8000);
    // Acknowledged first; the answer edits the acknowledgement.
    const reply = await standin.waitForCall(
      (c) => c.method === 'PATCH' && c.path === `/webhooks/${IDS.app}/${p.token}/messages/@original`,
      from,
      8000,
    );
    expect(JSON.stringify(reply.body)).toMatch(/China/);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(/all shards stopped/);
    expect(run.lines().filter((l) => l.msg === 'discord stopped')).toHaveLength(2);
    expect(run.output()).not.toContain(TOKEN);
  } finally {
    run.child.kill('SIGKILL');
    await standin.close();
  }
}, 120_000);
