/**
 * Two real bot processes against the local Discord stand-in, one PostgreSQL schema and one Redis:
 * a source added on one side (store API or the knowledge CLI) is answered by both within 5 s
 * (LISTEN/NOTIFY); a PostgreSQL restart while both run loses nothing and both catch up (change
 * counter compared after reconnecting); a user over the limit on one process is over it on the
 * other; with Redis stopped both answer under in-memory limits, and share limits again once it
 * is back. Redis here is a private server on a free port, so the shared one is never stopped.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { COOLDOWN_MESSAGE } from '../../src/discord/cooldown.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres.js';
import { DATABASE_URL, dropSchema, schemaName } from '../store/db.js';
import { TOKEN } from './harness.js';
import { slash } from './payloads.js';
import { ROOT, startMain } from './spawn.js';
import { DiscordStandIn } from './standin.js';
import { send, startServer, type FixtureServer } from '../ingest/server.js';
import { visibleText } from './util.js';

const run = promisify(execFile);
const schema = schemaName('e2e_store');
const services = inject('services');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** A private redis-server (nothing on disk) that this test may kill. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (up) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('private redis-server did not start');
}

/** Resolves once `pred()` holds (checked every 200 ms), or rejects after `ms`. */
async function until(pred: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function postgres(action: 'start' | 'stop'): Promise<void> {
  const { stdout } = await run('ls', ['/etc/postgresql']);
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', stdout.trim().split('\n')[0]!, 'main', action]);
}

describe.skipIf(!services.postgres || !services.redis)('two bot processes, one database, one Redis', () => {
  let standin: DiscordStandIn;
  let redis: ChildProcess;
  let redisPort: number;
  let store: PostgresStore;
  let cacheRoot: string;
  let site: FixtureServer;
  const bots: Array<ReturnType<typeof startMain>> = [];

  beforeAll(async () => {
    standin = await DiscordStandIn.start({ shards: 2 });
    // A statement page for /add, on 127.0.0.1 (so the bots need VERBATIM_ALLOW_PRIVATE_URLS).
    site = await startServer({
      '/statements/lighthouse': send(
        'text/markdown',
        '---\ntitle: Lighthouse statement\ndate: 2024-05-07\npublisher: Harbour Authority\n---\n“The lighthouse will shine again from June,” said Erik Dahl, the harbour master.\n',
      ),
    });
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    cacheRoot = await mkdtemp(join(tmpdir(), 'verbatim-e2e-store-'));
    // Both processes on "one machine": one knowledge folder, a copy of the seeds.
    await cp(join(ROOT, 'knowledge'), join(cacheRoot, 'knowledge'), { recursive: true });
    for (const shard of [0, 1]) {
      const bot = startMain(['--discord'], {
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_BASE: standin.apiBase,
        SHARD_IDS: String(shard),
        SHARD_COUNT: '2',
        DATABASE_URL,
        DATABASE_SCHEMA: schema,
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
        REDIS_PREFIX: `vt-${process.pid}`,
        COOLDOWN_USER: '3/60',
        COOLDOWN_CHANNEL: 'off',
        VERBATIM_CACHE_DIR: join(cacheRoot, `shard${shard}`),
        KNOWLEDGE_DIR: join(cacheRoot, 'knowledge'),
        VERBATIM_ALLOW_PRIVATE_URLS: '1',
      });
      bots.push(bot);
      // One after the other: the first seeds the empty database from knowledge/.
      await until(() => /discord ready/.test(bot.output()), 60_000, `shard ${shard} ready:\n${bot.output()}`);
    }
    store = await openPostgresStore({ url: DATABASE_URL, schema });
  }, 150_000);

  afterAll(async () => {
    await postgres('start').catch(() => undefined); // whatever happened, leave the server running
    for (const bot of bots) bot.child.kill('SIGTERM');
    await Promise.all(bots.map((b) => Promise.race([b.exited, new Promise((r) => setTimeout(r, 10_000))])));
    for (const bot of bots) bot.child.kill('SIGKILL');
    redis?.kill('SIGKILL');
    await store?.close();
    await standin?.close();
    await site?.close();
    await dropSchema(schema).catch(() => undefined);
    if (cacheRoot) await rm(cacheRoot, { recursive: true, force: true });
  }, 60_000);

  let users = 0;
  /** Sends a /quote to one process (by its shard) and returns the text of its reply; a fresh user unless given. */
  async function quote(
    shard: number,
    speaker: string,
    topic: string,
    userId: string = String(1_200_000_000_000_000_000n + BigInt(++users)),
  ): Promise<string> {
    const p = slash(
      'quote',
      [
        { name: 'speaker', value: speaker },
        { name: 'topic', value: topic },
      ],
      { userId },
    );
    const from = standin.calls.length;
    standin.dispatch('INTERACTION_CREATE', p, shard);
    const ack = await standin.waitForCall((c) => c.path === `/interactions/${p.id}/${p.token}/callback`, from, 10_000);
    if (ack.body.type !== 5) return visibleText(ack.body.data);
    // Acknowledged first: the answer edits the acknowledgement (a miss follows up privately).
    const hook = new RegExp(`^/webhooks/\\d+/${p.token}`);
    const shown = await standin.waitForCall(
      (c) =>
        hook.test(c.path) &&
        ((c.method === 'PATCH' && c.path.endsWith('/messages/@original')) || (c.method === 'POST' && !c.path.includes('/messages/'))),
      from,
      10_000,
    );
    return visibleText(shown.body);
  }

  const article = (title: string, speaker: string, words: string) =>
    `---\ntitle: ${title}\ndate: 2024-05-06\npublisher: Harbour Gazette\n---\n“${words},” said ${speaker}.\n`;

  it('both answer from the seeded database and report both connections as healthy when ready', async () => {
    for (const shard of [0, 1]) expect(await quote(shard, 'stoltenberg', 'china')).toMatch(/China/);
    for (const bot of bots) {
      const ready = bot.lines().find((l) => l.msg === 'discord ready')!;
      expect(ready.database).toMatchObject({ store: 'postgres', state: 'ok' });
      expect(ready.limits).toMatchObject({ store: 'redis', state: 'ok' });
    }
    expect(bots[0]!.output()).toMatch(/empty database seeded from the knowledge folder/);
  });

  it('a source added through the store is answered by both processes within 5 s; one added by the knowledge CLI too', async () => {
    await store.put(Buffer.from(article('Cranes return', 'Maria Lindqvist', 'The cranes are back on the quay')), 'cranes.md', { addedBy: 'test' });
    const t0 = Date.now();
    for (const shard of [0, 1])
      await expect.poll(() => quote(shard, 'lindqvist', 'cranes'), { timeout: 5000, interval: 250 }).toMatch(/cranes are back/);
    expect(Date.now() - t0).toBeLessThan(5000);

    const dir = await mkdtemp(join(tmpdir(), 'verbatim-import-'));
    await writeFile(join(dir, 'ferry.md'), article('Ferry news', 'Jonas Berg', 'The ferry sails again at dawn'));
    await run(process.execPath, ['--import', 'tsx', 'src/cli/knowledge.ts', 'import', dir], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL, DATABASE_SCHEMA: schema },
    });
    await rm(dir, { recursive: true, force: true });
    for (const shard of [0, 1]) await expect.poll(() => quote(shard, 'berg', 'ferry'), { timeout: 5000, interval: 250 }).toMatch(/ferry sails again/);
  }, 40_000);

  it('/reload writes the folder edits of its machine to the database; the other process answers them within 5 s', async () => {
    await writeFile(join(cacheRoot, 'knowledge', 'harbour.md'), article('Harbour open', 'Anna Holm', 'The harbour opens for the summer'));
    const p = slash('reload', [], { permissions: '32' });
    const from = standin.calls.length;
    standin.dispatch('INTERACTION_CREATE', p, 0);
    const report = await standin.waitForCall((c) => c.method === 'PATCH' && c.path.endsWith(`/${p.token}/messages/@original`), from, 15_000);
    expect(report.body.content).toContain('Added (1): harbour.md');
    expect(report.body.content).toMatch(/Database \(PostgreSQL\): ok, change \d+\./);
    await expect.poll(() => quote(1, 'holm', 'harbour'), { timeout: 5000, interval: 250 }).toMatch(/harbour opens/);
    expect((await store.list()).find((f) => f.name === 'harbour.md')?.provenance.addedBy).toBe('discord:/reload');
  }, 30_000);

  it('/add on one process writes the source to the database; the other process answers it within 5 s', async () => {
    const p = slash('add', [{ name: 'url', value: `${site.origin}/statements/lighthouse` }], { permissions: '32' });
    const from = standin.calls.length;
    standin.dispatch('INTERACTION_CREATE', p, 0);
    const report = await standin.waitForCall((c) => c.method === 'PATCH' && c.path.endsWith(`/${p.token}/messages/@original`), from, 20_000);
    expect(report.body.content).toMatch(/Lighthouse statement/);
    const t0 = Date.now();
    await expect.poll(() => quote(1, 'dahl', 'lighthouse'), { timeout: 5000, interval: 250 }).toMatch(/lighthouse will shine again/);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect((await store.list()).some((f) => f.name.endsWith('.md') && f.name.includes('lighthouse'))).toBe(true);
  }, 40_000);

  it('a PostgreSQL restart loses no source; both reconnect and catch up a change made before they listened again', async () => {
    try {
      await postgres('stop');
      const stopped = Date.now();
      // Answers keep coming from what each process has loaded, and /reload says what is wrong.
      for (const shard of [0, 1]) expect(await quote(shard, 'lindqvist', 'cranes')).toMatch(/cranes are back/);
      const p = slash('reload', [], { permissions: '32' });
      const from = standin.calls.length;
      standin.dispatch('INTERACTION_CREATE', p, 0);
      const report = await standin.waitForCall((c) => c.method === 'PATCH' && c.path.endsWith(`/${p.token}/messages/@original`), from, 15_000);
      expect(report.body.content).toMatch(/cannot read the database: .*still answering from the last good knowledge/);
      expect(report.body.content).toMatch(/Database \(PostgreSQL\): reconnecting/);
      expect(report.body.content).toMatch(/Limits \(Redis\): ok\./);
      // Down long enough for the listeners' backoff to grow past the restart.
      await new Promise((r) => setTimeout(r, Math.max(0, 3000 - (Date.now() - stopped))));
    } finally {
      await postgres('start');
    }
    // Written at once: the listeners are still backing off, so no NOTIFY reaches them.
    const writer = await openPostgresStore({ url: DATABASE_URL, schema });
    try {
      await writer.put(Buffer.from(article('Lighthouse lit', 'Erik Strand', 'The lighthouse shines once more')), 'lighthouse.md');
    } finally {
      await writer.close();
    }
    for (const shard of [0, 1])
      await expect.poll(() => quote(shard, 'strand', 'lighthouse'), { timeout: 30_000, interval: 500 }).toMatch(/lighthouse shines/);
    for (const shard of [0, 1]) {
      expect(await quote(shard, 'lindqvist', 'cranes')).toMatch(/cranes are back/);
      expect(await quote(shard, 'berg', 'ferry')).toMatch(/ferry sails again/);
    }
    for (const bot of bots) {
      expect(bot.output()).toMatch(/database connection lost/);
      expect(bot.output()).toMatch(/database connection back/);
    }
    // Normally both were still backing off when the write landed, and caught up by the counter.
    const caughtUp = bots.filter((b) => /database changed meanwhile: catching up/.test(b.output())).length;
    console.log(`PostgreSQL restart: ${caughtUp} of 2 processes caught up by comparing the change counter (the others heard the NOTIFY)`);
  }, 90_000);

  it('a user over the limit on one process is over it on the other (Redis)', async () => {
    const user = '1100000000000000077';
    expect(await quote(0, 'stoltenberg', 'china', user)).toMatch(/China/);
    expect(await quote(0, 'stoltenberg', 'china', user)).toMatch(/China/);
    expect(await quote(1, 'stoltenberg', 'china', user)).toMatch(/China/);
    expect(await quote(1, 'stoltenberg', 'china', user)).toBe(COOLDOWN_MESSAGE);
    expect(await quote(0, 'stoltenberg', 'china', user)).toBe(COOLDOWN_MESSAGE);
  });

  it('with Redis down both answer under in-memory limits (with a warning), and share limits again once it is back', async () => {
    redis.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    const user = '1100000000000000078';
    for (const shard of [0, 1]) expect(await quote(shard, 'stoltenberg', 'china', user)).toMatch(/China/);
    for (const bot of bots) await expect.poll(() => bot.output(), { timeout: 5000 }).toMatch(/redis unreachable: in-memory cooldowns/);
    // Each process counts on its own now: three on process 0, then the fourth there is limited.
    expect(await quote(0, 'stoltenberg', 'china', user)).toMatch(/China/);
    expect(await quote(0, 'stoltenberg', 'china', user)).toMatch(/China/);
    expect(await quote(0, 'stoltenberg', 'china', user)).toBe(COOLDOWN_MESSAGE);

    redis = await startRedis(redisPort);
    for (const bot of bots) await expect.poll(() => bot.output(), { timeout: 20_000, interval: 250 }).toMatch(/redis back: cooldowns shared/);
    const again = '1100000000000000079';
    for (let n = 0; n < 3; n++) expect(await quote(0, 'stoltenberg', 'china', again)).toMatch(/China/);
    // Process 1 never saw this user: only the shared count can refuse it.
    expect(await quote(1, 'stoltenberg', 'china', again)).toBe(COOLDOWN_MESSAGE);
  }, 60_000);

  it('logged no failure and never the token', () => {
    for (const bot of bots) {
      expect(bot.lines().filter((l) => /(interaction|message) failed/.test(String(l.msg)))).toEqual([]);
      expect(bot.output()).not.toContain(TOKEN);
    }
  });
});
