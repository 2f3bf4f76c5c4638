/**
 * Feeds in the real bot process with PostgreSQL as the store (issue 25, item 4: one write path):
 * a feed's item is written to the database with its provenance (url, added by "feed"), so another
 * process reading the database quotes it; a feed listing 10,000 items beside it is refused with one
 * "feed problem" line saying why, and does not stop the other feed.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadCore } from '../../src/load-core.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres.js';
import { pressReleasePage } from '../ingest/pages.js';
import { send, startServer, type FixtureServer } from '../ingest/server.js';
import { DATABASE_URL, dropSchema, schemaName } from '../store/db.js';
import { TOKEN } from './harness.js';
import { ROOT, startMain } from './spawn.js';
import { DiscordStandIn } from './standin.js';

const schema = schemaName('e2e_feeds');

const rss = (origin: string, paths: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Fixture</title><link>${origin}/</link><description>d</description>
${paths.map((p, i) => `<item><title>Item ${i}</title><link>${origin}${p}</link><pubDate>Tue, 02 May 2023 09:00:00 GMT</pubDate></item>`).join('\n')}
</channel></rss>`;

describe.skipIf(!inject('services').postgres)('feeds in the bot process, with the database as the store', () => {
  let standin: DiscordStandIn;
  let srv: FixtureServer;
  let dir: string;
  let store: PostgresStore;

  beforeAll(async () => {
    standin = await DiscordStandIn.start();
    srv = await startServer({ '/press/harbour': send('text/html', pressReleasePage()) });
    srv.route(
      '/archive.xml',
      send(
        'application/rss+xml',
        rss(
          srv.origin,
          Array.from({ length: 10_000 }, (_, i) => `/archive/${i}`),
        ),
      ),
    );
    srv.route('/news.xml', send('application/rss+xml', rss(srv.origin, ['/press/harbour'])));
    dir = await mkdtemp(join(tmpdir(), 'verbatim-e2e-feeds-'));
    await cp(join(ROOT, 'knowledge'), join(dir, 'knowledge'), { recursive: true });
  });
  afterAll(async () => {
    await store?.close();
    await standin?.close();
    await srv?.close();
    await dropSchema(schema);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes the feed item to the database with its provenance (another process quotes it), and refuses the 10,000-item feed beside it', async () => {
    const run = startMain(['--discord'], {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_BASE: standin.apiBase,
      DATABASE_URL,
      DATABASE_SCHEMA: schema,
      KNOWLEDGE_DIR: join(dir, 'knowledge'),
      VERBATIM_CACHE_DIR: join(dir, 'cache'),
      VERBATIM_ALLOW_PRIVATE_URLS: '1',
      FEEDS: `${srv.origin}/archive.xml,${srv.origin}/news.xml`,
    });
    try {
      await expect.poll(() => run.lines().some((l) => l.msg === 'feed item added'), { timeout: 60_000, interval: 200 }).toBe(true);
      const problems = run.lines().filter((l) => l.msg === 'feed problem');
      expect(problems).toEqual([
        expect.objectContaining({
          level: 40,
          feed: `${srv.origin}/archive.xml`,
          reason: expect.stringMatching(
            /^the feed lists more than 1000 items \(reading stopped at item 1001; the limit is FEED_MAX_LISTED_ITEMS=1000\)/,
          ),
        }),
      ]);
      expect(srv.requests.filter((r) => r.path.startsWith('/archive/'))).toEqual([]);

      // "Added" means the database has it, with where it came from and who added it.
      store = await openPostgresStore({ url: DATABASE_URL, schema });
      const added = (await store.list()).filter((f) => f.name.startsWith('added/') && !f.name.endsWith('.source.yaml'));
      expect(added).toEqual([
        expect.objectContaining({ provenance: expect.objectContaining({ url: `${srv.origin}/press/harbour`, addedBy: 'feed' }) }),
      ]);
      // Another process, reading only the database, quotes it.
      const { core } = await loadCore('unused', { source: store, cacheDir: null, progress: null });
      const a = core.ask('/quote maria lindqvist');
      expect(a.found).toBe(true);
      expect(a.citations[0]).toMatchObject({ speaker: 'Maria Lindqvist', date: '2023-05-02' });
    } finally {
      run.child.kill('SIGTERM');
      await Promise.race([run.exited, new Promise((r) => setTimeout(r, 10_000))]);
      run.child.kill('SIGKILL');
    }
  }, 120_000);
});
