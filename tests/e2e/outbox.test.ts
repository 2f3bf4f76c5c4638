/**
 * /add with PostgreSQL as the store, through the real discord.js client and the stand-in: "Added"
 * only once the database committed it, also when its connection is cut mid-write (retried); during an outage (the TCP proxy in front of the real
 * server refuses connections) the admin is told it is queued, the source waits in the outbox on
 * disk, and once the database is back the next process to start on that folder writes it, after
 * which another process (straight to the database) and the bot both quote it.
 */
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { LiveCore } from '../../src/answer/types.js';
import { addAndCommit } from '../../src/ingest/commit.js';
import { loadLiveCore } from '../../src/live.js';
import { importFolder } from '../../src/store/move.js';
import { createOutbox, OUTBOX_FOLDER, type Outbox } from '../../src/store/outbox.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres.js';
import { startFaultProxy, type FaultProxy } from '../fault-proxy.js';
import { pressReleasePage } from '../ingest/pages.js';
import { send, startServer, type FixtureServer } from '../ingest/server.js';
import { DATABASE_URL, dropSchema, schemaName } from '../store/db.js';
import { startHarness, type Harness } from './harness.js';
import { IDS, slash } from './payloads.js';
import { visibleText } from './util.js';

vi.setConfig({ testTimeout: 20_000 });

const ADMIN = { permissions: '32' };
const STATEMENT =
  '---\ntitle: Statement on the ferry timetable\ndate: 2023-06-01\npublisher: Harbour Authority\n---\n“The night ferry will run every hour from Monday,” said Tomas Berg, the ferry operator.\n';
const schema = schemaName('e2e_outbox');

describe.skipIf(!inject('services').postgres)('/add and the outbox', () => {
  let dir: string;
  let proxy: FaultProxy;
  let viaProxy: PostgresStore;
  let direct: PostgresStore;
  let other: LiveCore;
  let outbox: Outbox;
  let h: Harness;
  let srv: FixtureServer;
  const stops: Array<() => void> = [];

  beforeAll(async () => {
    srv = await startServer({ '/press/harbour': send('text/html', pressReleasePage()), '/ferry.md': send('text/markdown', STATEMENT) });
    dir = await mkdtemp(join(tmpdir(), 'verbatim-e2e-outbox-'));
    await cp(fileURLToPath(new URL('../../knowledge', import.meta.url)), dir, { recursive: true });
    proxy = await startFaultProxy(DATABASE_URL, 5432);
    direct = await openPostgresStore({ url: DATABASE_URL, schema });
    await importFolder(direct, dir, 'seed');
    viaProxy = await openPostgresStore({ url: proxy.url, schema, writeRetryMs: 1000 });
    // "Another process": its own core, reading the database directly and following its changes.
    other = (await loadLiveCore(dir, { cacheDir: null, source: direct })).core;
    stops.push(other.watch(() => undefined));
    const bot = (await loadLiveCore(dir, { cacheDir: null, source: viaProxy })).core;
    stops.push(bot.watch(() => undefined));
    outbox = createOutbox({ store: viaProxy, dir: join(dir, OUTBOX_FOLDER), retryMs: 200 });
    h = await startHarness(bot, {
      add: (input) => addAndCommit(input, { knowledgeDir: dir, fetch: { allowPrivate: true } }, { outbox, addedBy: 'discord:/add' }),
    });
  }, 30_000);
  afterAll(async () => {
    for (const stop of stops) stop();
    await h?.close();
    await srv?.close();
    await viaProxy?.close();
    await direct?.close();
    await proxy?.close();
    await dropSchema(schema);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function addUrl(url: string): Promise<string> {
    const payload = slash('add', [{ name: 'url', value: url }], ADMIN);
    const from = h.standin.calls.length;
    await h.answer(payload);
    const edit = await h.next((c) => c.method === 'PATCH' && c.path === `/webhooks/${IDS.app}/${payload.token}/messages/@original`, from);
    return edit.body.content as string;
  }
  const quote = async (speaker: string, topic: string) =>
    visibleText(
      (
        await h.answer(
          slash('quote', [
            { name: 'speaker', value: speaker },
            { name: 'topic', value: topic },
          ]),
        )
      ).body.data,
    );
  const stored = async () => (await direct.list()).map((f) => f.name).filter((n) => n.startsWith('added/'));

  it('says Added only once the database has the source', async () => {
    const text = await addUrl(`${srv.origin}/press/harbour`);
    expect(text).toMatch(/^Added added\/127-0-0-1-harbour-[0-9a-f]{8}\\?\.html\n/);
    expect(await stored()).toEqual(expect.arrayContaining([expect.stringMatching(/^added\/127-0-0-1-harbour-[0-9a-f]{8}\.html$/)]));
    expect(await readdir(join(dir, OUTBOX_FOLDER))).toEqual([]);
  });

  it('retries an /add whose database connection is cut mid-write, and says Added once it is stored', async () => {
    const statement = STATEMENT.replace('Statement on the ferry timetable', 'Statement on the night buses').replace(
      '“The night ferry will run every hour from Monday,” said Tomas Berg, the ferry operator.',
      '“The night buses will run until two from Friday,” said Ines Vidal, the transport director.',
    );
    srv.route('/buses.md', send('text/markdown', statement));
    // About the size of the first statements of the write: the cut lands inside it.
    const cut = proxy.cutAfter(400);
    const text = await addUrl(`${srv.origin}/buses.md`);
    await cut;
    expect(text).toMatch(/^Added added\/127-0-0-1-buses-[0-9a-f]{8}\\?\.md\n/);
    expect(await stored()).toEqual(expect.arrayContaining([expect.stringMatching(/^added\/127-0-0-1-buses-[0-9a-f]{8}\.md$/)]));
    await expect.poll(() => quote('vidal', 'buses'), { timeout: 10_000 }).toContain('The night buses will run until two from Friday');
  });

  it('queues a source added during an outage and writes it when the database returns; every process then quotes it', async () => {
    proxy.down();
    await expect.poll(() => viaProxy.health().state, { timeout: 5000 }).not.toBe('ok');
    const text = await addUrl(`${srv.origin}/ferry.md`);
    expect(text).toMatch(/^Queued added\/127-0-0-1-ferry-[0-9a-f]{8}\\?\.md: the database is unreachable; it will be added when it returns\n/);
    expect(await stored()).not.toEqual(expect.arrayContaining([expect.stringMatching(/ferry/)]));
    // The bot is restarted meanwhile: a new process on the same folder finds the queued source on disk.
    expect((await readdir(join(dir, OUTBOX_FOLDER))).filter((n) => !n.startsWith('.'))).toHaveLength(1);
    const next = createOutbox({ store: viaProxy, dir: join(dir, OUTBOX_FOLDER), retryMs: 200 });
    stops.push(next.start());
    proxy.up();
    await expect
      .poll(stored, { timeout: 10_000 })
      .toEqual(expect.arrayContaining([expect.stringMatching(/^added\/127-0-0-1-ferry-[0-9a-f]{8}\.md$/)]));
    await expect.poll(() => other.ask('/quote berg ferry'), { timeout: 10_000 }).toMatchObject({ found: true });
    await expect.poll(() => quote('berg', 'ferry'), { timeout: 10_000 }).toContain('The night ferry will run every hour from Monday');
    expect(await readdir(join(dir, OUTBOX_FOLDER))).toEqual([]);
  });
});
