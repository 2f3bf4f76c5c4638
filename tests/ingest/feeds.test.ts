/**
 * Feeds served on 127.0.0.1: new items are added through the same path as `add`, a second poll adds
 * only the new item, an unchanged feed answers 304 to the conditional request, and a broken feed
 * or item is logged without stopping the others.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSource, isAdded } from '../../src/ingest/add.js';
import { createFeedPoller } from '../../src/ingest/feeds.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { createLogger } from '../../src/log.js';
import { newsPage, pressReleasePage } from './pages.js';
import { send, startServer, type FixtureServer } from './server.js';

let srv: FixtureServer;
let dir: string;
let version = 1;
const logs: string[] = [];

const UNDATED =
  '<html><body><article><h1>Ministers meet again</h1><p>“We will meet again in June,” said Ana Pereira, the minister, after a long day of talks.</p></article></body></html>';

function rss(origin: string, n: number): string {
  const items = [
    ['/items/news', 'NATO closely following investigation', 'Mon, 22 Mar 2021 09:00:00 GMT'],
    ['/items/undated', 'Ministers meet again', 'Wed, 10 Apr 2024 08:00:00 GMT'],
    ['/items/gone', 'A page that was removed', 'Thu, 11 Apr 2024 08:00:00 GMT'],
    ['/items/press', 'Harbour reopens', 'Tue, 02 May 2023 09:00:00 GMT'],
  ].slice(0, n);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Fixture news</title><link>${origin}/</link><description>d</description>
${items.map(([path, title, date]) => `<item><title>${title}</title><link>${origin}${path}</link><pubDate>${date}</pubDate></item>`).join('\n')}
</channel></rss>`;
}

beforeAll(async () => {
  srv = await startServer({
    '/items/news': send('text/html', newsPage()),
    '/items/undated': send('text/html', UNDATED),
    '/items/press': send('text/html', pressReleasePage()),
    '/broken.xml': send('application/xml', '<html><body>this is not a feed'),
  });
  srv.route('/feed.xml', (req, res) => {
    const etag = `"v${version}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag, 'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT' })
      .end(rss(srv.origin, version === 1 ? 3 : 4));
  });
  dir = await mkdtemp(join(tmpdir(), 'verbatim-feeds-'));
});
afterAll(async () => {
  await srv?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('adds new items, then only the new one, then sends a conditional request that gets 304', async () => {
  const log = createLogger({ level: 'debug', format: 'json', destination: { write: (s: string) => void logs.push(s) } });
  let reloads = 0;
  const poller = createFeedPoller({
    feeds: [`${srv.origin}/broken.xml`, `${srv.origin}/feed.xml`],
    intervalMs: 60_000,
    log,
    fetch: { allowPrivate: true },
    add: (input, fallbackDate) => addSource(input, { knowledgeDir: dir, fetch: { allowPrivate: true }, ...(fallbackDate ? { fallbackDate } : {}) }),
    isKnown: (url) => isAdded(dir, url),
    onAdded: () => {
      reloads++;
    },
  });

  const [broken, first] = await poller.pollOnce();
  expect(broken!.problem).toMatch(/Unrecognized feed format/);
  expect(first!.added.map((r) => r.ok && r.source.title)).toEqual([
    'NATO “closely following” Bulgarian investigation into alleged Russian spy ring',
    'Ministers meet again',
  ]);
  // The page has no date of its own: the item's feed date is used; a page with its own date keeps it.
  expect(first!.added.map((r) => r.ok && r.source.date)).toEqual(['2021-03-22', '2024-04-10']);
  expect(first!.refused.map((r) => !r.ok && r.reason)).toEqual([expect.stringMatching(/answered 404/)]);
  expect(reloads).toBe(1);

  version = 2;
  const [, second] = await poller.pollOnce();
  expect(second!.added.map((r) => r.ok && r.source.title)).toEqual(['Harbour reopens to shipping after storm repairs']);
  expect(srv.requests.filter((r) => r.path === '/items/news')).toHaveLength(1);

  const [, third] = await poller.pollOnce();
  expect(third!.notModified).toBe(true);
  expect(srv.requests.filter((r) => r.path === '/feed.xml').at(-1)?.ifNoneMatch).toBe('"v2"');
  expect(srv.requests.filter((r) => r.path === '/feed.xml').at(-1)?.ifModifiedSince).toBe('Tue, 01 Dec 2026 10:00:00 GMT');

  const { articles, problems } = await loadKnowledge(dir);
  expect(problems).toEqual([]);
  expect(articles).toHaveLength(3);
  expect((await readdir(join(dir, 'added'))).length).toBe(6);
  const lines = logs.map((l) => JSON.parse(l));
  expect(lines.filter((l) => l.msg === 'feed item added')).toHaveLength(3);
  expect(lines.find((l) => l.msg === 'feed problem')).toMatchObject({ feed: `${srv.origin}/broken.xml` });
  expect(lines.filter((l) => l.msg === 'feed item refused').length).toBeGreaterThanOrEqual(1);
});

describe('a feed of 10,000 items', () => {
  const big = (path: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Huge</title><link>${srv.origin}/</link><description>d</description>
${Array.from({ length: 10_000 }, (_, i) => `<item><title>Item ${i}</title><link>${srv.origin}${path}/${i}</link></item>`).join('\n')}
</channel></rss>`;
  const fetched = (prefix: string) => srv.requests.filter((r) => r.path.startsWith(`${prefix}/`)).map((r) => r.path);

  function poller(feed: string, clock: { t: number }, extra: Partial<Parameters<typeof createFeedPoller>[0]> = {}) {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', format: 'json', destination: { write: (s: string) => void lines.push(s) } });
    const p = createFeedPoller({
      feeds: [`${srv.origin}${feed}`],
      intervalMs: 60_000,
      log,
      fetch: { allowPrivate: true },
      add: (input) => addSource(input, { knowledgeDir: dir, fetch: { allowPrivate: true } }),
      isKnown: (url) => isAdded(dir, url),
      now: () => clock.t,
      ...extra,
    });
    const logged = () => lines.map((l) => JSON.parse(l)).filter((l) => l.level === 40);
    const warnings = () => logged().filter((l) => /some items refused/.test(l.msg));
    const long = () => logged().filter((l) => /more new items than one poll takes/.test(l.msg));
    return { p, warnings, long };
  }

  it('tries at most 50 new items per poll, warns once per poll, and backs off from items that failed', async () => {
    srv.route('/huge.xml', send('application/rss+xml', big('/many')));
    const clock = { t: 1_000_000 };
    const { p, warnings, long } = poller('/huge.xml', clock);
    const [first] = await p.pollOnce();
    expect(first).toMatchObject({ added: [], deferred: 9950, backingOff: 0 });
    expect(first!.refused).toHaveLength(50);
    expect(fetched('/many')).toHaveLength(50);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatchObject({ refused: 50, deferred: 9950, msg: expect.stringMatching(/some items refused/) });

    // The next poll leaves the 50 that failed alone and tries the next 50.
    const [second] = await p.pollOnce();
    expect(second).toMatchObject({ deferred: 9900, backingOff: 50 });
    expect(new Set(fetched('/many')).size).toBe(100);
    expect(warnings()).toHaveLength(2);
    // That the feed is longer than a poll takes is said once, with the numbers, not at every poll.
    expect(long()).toEqual([
      expect.objectContaining({
        waiting: 9950,
        perPoll: 50,
        polls: 199,
        msg: 'feed lists more new items than one poll takes (at most 50 per poll, FEED_MAX_ITEMS, within FEED_POLL_BUDGET_SECONDS): 9950 wait for the next polls',
      }),
    ]);

    // One interval later the first 50 are tried again; after their second failure they wait two intervals.
    clock.t += 60_000;
    await p.pollOnce();
    expect(fetched('/many').filter((path) => path === '/many/0')).toHaveLength(2);
    clock.t += 60_000;
    await p.pollOnce();
    expect(fetched('/many').filter((path) => path === '/many/0')).toHaveLength(2);
    clock.t += 60_000;
    await p.pollOnce();
    expect(fetched('/many').filter((path) => path === '/many/0')).toHaveLength(3);
  });

  it('stops trying items when the poll outlasts its time budget, leaving the rest for the next poll', async () => {
    srv.route('/slow-huge.xml', send('application/rss+xml', big('/slow')));
    for (let i = 0; i < 20; i++) srv.route(`/slow/${i}`, (_req, res) => void setTimeout(() => res.writeHead(404).end(), 300));
    const clock = { t: 0 };
    const { p } = poller('/slow-huge.xml', clock, { pollBudgetMs: 1000, now: () => performance.now() });
    const started = performance.now();
    const [r] = await p.pollOnce();
    expect(performance.now() - started).toBeLessThan(2500);
    expect(r!.refused.length).toBeGreaterThanOrEqual(1);
    expect(r!.refused.length).toBeLessThanOrEqual(5);
    expect(r!.deferred).toBe(10_000 - r!.refused.length);
  });
});

describe('conditional polling and oversized feeds', () => {
  const quietLog = () => createLogger({ level: 'silent', format: 'json', destination: { write: () => undefined } });
  const pollerOf = (feed: string) =>
    createFeedPoller({
      feeds: [`${srv.origin}${feed}`],
      intervalMs: 60_000,
      log: quietLog(),
      fetch: { allowPrivate: true },
      add: (input, fallbackDate) => addSource(input, { knowledgeDir: dir, fetch: { allowPrivate: true }, ...(fallbackDate ? { fallbackDate } : {}) }),
      isKnown: (url) => isAdded(dir, url),
    });

  it('a feed that sends only Last-Modified is polled with If-Modified-Since: one full fetch, then 304s, each item fetched once', async () => {
    const stamp = 'Wed, 02 Dec 2026 08:00:00 GMT';
    const answered: number[] = [];
    srv.route('/dated-feed.xml', (req, res) => {
      const status = req.headers['if-modified-since'] === stamp ? 304 : 200;
      answered.push(status);
      if (status === 304) res.writeHead(304, { 'last-modified': stamp }).end();
      else
        res
          .writeHead(200, { 'content-type': 'application/rss+xml', 'last-modified': stamp })
          .end(rss(srv.origin, 4).replaceAll('/items/', '/lm-items/'));
    });
    let pages = 0;
    for (const [path, body] of [
      ['/lm-items/news', newsPage()],
      ['/lm-items/undated', UNDATED],
      ['/lm-items/gone', null],
      ['/lm-items/press', pressReleasePage()],
    ] as const)
      srv.route(path, (_req, res) => {
        pages++;
        if (body === null) res.writeHead(404).end();
        else res.writeHead(200, { 'content-type': 'text/html' }).end(body);
      });
    const p = pollerOf('/dated-feed.xml');
    const reports = [];
    for (let i = 0; i < 3; i++) reports.push((await p.pollOnce())[0]!);
    expect(answered).toEqual([200, 304, 304]);
    expect(reports.map((r) => r.notModified)).toEqual([false, true, true]);
    expect(reports[0]!.added).toHaveLength(3);
    expect(pages).toBe(4); // each item once; the unchanged feed is not read again
  });

  it('a feed of 200 MB is refused while it is read, with a clear message, and the rest is never downloaded', async () => {
    let written = 0;
    let closed = false;
    srv.route('/endless.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.from(`<item><title>x</title><link>${srv.origin}/x</link></item>`.repeat(2000));
      const more = () => {
        if (closed) return;
        while (written < 200 * 1024 * 1024 && res.write(chunk)) written += chunk.length;
        if (written >= 200 * 1024 * 1024) res.end();
        else res.once('drain', more);
      };
      res.on('close', () => {
        closed = true;
      });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Endless</title>');
      more();
    });
    const [r] = await pollerOf('/endless.xml').pollOnce();
    expect(r!.problem).toBe('too large: more than 10485760 bytes');
    expect(r!.added).toEqual([]);
    await expect.poll(() => closed).toBe(true);
    // Socket buffers hold a few MB more than the cap; far from the 200 MB the server would send.
    expect(written).toBeLessThan(20 * 1024 * 1024);
  });
});
