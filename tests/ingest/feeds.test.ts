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

describe('a long feed: 600 items, under the 1,000 a feed may list', () => {
  const big = (path: string, n = 600) =>
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Long</title><link>${srv.origin}/</link><description>d</description>
${Array.from({ length: n }, (_, i) => `<item><title>Item ${i}</title><link>${srv.origin}${path}/${i}</link></item>`).join('\n')}
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
    srv.route('/long.xml', send('application/rss+xml', big('/many')));
    const clock = { t: 1_000_000 };
    const { p, warnings, long } = poller('/long.xml', clock);
    const [first] = await p.pollOnce();
    expect(first).toMatchObject({ added: [], deferred: 550, backingOff: 0, problem: null });
    expect(first!.refused).toHaveLength(50);
    expect(fetched('/many')).toHaveLength(50);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatchObject({ refused: 50, deferred: 550, msg: expect.stringMatching(/some items refused/) });

    // The next poll leaves the 50 that failed alone and tries the next 50.
    const [second] = await p.pollOnce();
    expect(second).toMatchObject({ deferred: 500, backingOff: 50 });
    expect(new Set(fetched('/many')).size).toBe(100);
    expect(warnings()).toHaveLength(2);
    // That the feed is longer than a poll takes is said once, with the numbers, not at every poll.
    expect(long()).toEqual([
      expect.objectContaining({
        waiting: 550,
        perPoll: 50,
        polls: 11,
        msg: 'feed lists more new items than one poll takes (at most 50 per poll, FEED_MAX_ITEMS, within FEED_POLL_BUDGET_SECONDS): 550 wait for the next polls',
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
    srv.route('/slow-long.xml', send('application/rss+xml', big('/slow')));
    for (let i = 0; i < 20; i++) srv.route(`/slow/${i}`, (_req, res) => void setTimeout(() => res.writeHead(404).end(), 300));
    const clock = { t: 0 };
    const { p } = poller('/slow-long.xml', clock, { pollBudgetMs: 1000, now: () => performance.now() });
    const started = performance.now();
    const [r] = await p.pollOnce();
    expect(performance.now() - started).toBeLessThan(2500);
    expect(r!.refused.length).toBeGreaterThanOrEqual(1);
    expect(r!.refused.length).toBeLessThanOrEqual(5);
    expect(r!.deferred).toBe(600 - r!.refused.length);
  });
});

describe('a feed listing more than FEED_MAX_LISTED_ITEMS (default 1,000) items', () => {
  const rssOf = (n: number, path: string, extra = '') =>
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Archive</title><link>${srv.origin}/</link><description>d</description>
${Array.from({ length: n }, (_, i) => `<item><title>Item ${i}</title><link>${srv.origin}${path}/${i}</link>${extra}</item>`).join('\n')}
</channel></rss>`;
  const fetched = (prefix: string) => srv.requests.filter((r) => r.path.startsWith(`${prefix}/`));

  function pollerOf(feeds: string[], extra: Partial<Parameters<typeof createFeedPoller>[0]> = {}) {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', format: 'json', destination: { write: (s: string) => void lines.push(s) } });
    const p = createFeedPoller({
      feeds: feeds.map((f) => `${srv.origin}${f}`),
      intervalMs: 60_000,
      log,
      fetch: { allowPrivate: true },
      add: (input, fallbackDate) => addSource(input, { knowledgeDir: dir, fetch: { allowPrivate: true }, ...(fallbackDate ? { fallbackDate } : {}) }),
      isKnown: (url) => isAdded(dir, url),
      ...extra,
    });
    return { p, logged: () => lines.map((l) => JSON.parse(l)) };
  }

  const refusal = (limit: number) =>
    `the feed lists more than ${limit} items (reading stopped at item ${limit + 1}; the limit is FEED_MAX_LISTED_ITEMS=${limit}): refused whole, no item added. Point FEEDS at a feed of recent items, or raise FEED_MAX_LISTED_ITEMS`;

  it('a 10,000-item feed is refused whole with the count and the variable, once per poll, and the other feeds are still polled', async () => {
    srv.route('/archive.xml', send('application/rss+xml', rssOf(10_000, '/archive')));
    srv.route('/after-archive.xml', send('application/rss+xml', rssOf(1, '/after-archive')));
    srv.route('/after-archive/0', send('text/html', pressReleasePage()));
    const { p, logged } = pollerOf(['/archive.xml', '/after-archive.xml']);
    for (let poll = 1; poll <= 2; poll++) {
      const [archive, after] = await p.pollOnce();
      expect(archive).toMatchObject({ problem: refusal(1000), added: [], refused: [], deferred: 0 });
      // The feed after it is polled as usual: its one item is added on the first poll, known after.
      expect(after!.problem).toBeNull();
      expect(after!.added).toHaveLength(poll === 1 ? 1 : 0);
      expect(logged().filter((l) => l.msg === 'feed problem')).toEqual(
        Array.from({ length: poll }, () => expect.objectContaining({ level: 40, feed: `${srv.origin}/archive.xml`, reason: refusal(1000) })),
      );
    }
    expect(fetched('/archive')).toEqual([]);
    expect(fetched('/after-archive')).toHaveLength(1);
  });

  it('is refused while it is read: 10,000 items of 1.2 KB (12 MB) are refused by count at item 1,001, not by the 10 MB cap at its end', async () => {
    // Were the items counted after the read, the 10 MB cap would refuse this feed first ("too large").
    let written = 0;
    let closed = false;
    srv.route('/padded.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.on('close', () => {
        closed = true;
      });
      const body = Buffer.from(rssOf(10_000, '/padded', `<description>${'word '.repeat(240)}</description>`));
      expect(body.length).toBeGreaterThan(12_000_000);
      const more = () => {
        while (!closed && written < body.length) {
          const ok = res.write(body.subarray(written, written + 64 * 1024));
          written += 64 * 1024;
          if (!ok) return void res.once('drain', more);
        }
        if (!closed) res.end();
      };
      more();
    });
    const [r] = await pollerOf(['/padded.xml']).p.pollOnce();
    expect(r!.problem).toBe(refusal(1000));
    await expect.poll(() => closed).toBe(true);
    expect(written).toBeLessThan(12_000_000);
    expect(fetched('/padded')).toEqual([]);
  });

  it('counts only the items of the feed: not an <item> in CDATA, a comment or an item of its own; Atom entries and JSON Feed items too', async () => {
    const decoys = '<description><![CDATA[<item>not one</item>]]></description><!-- <item> --><source url="x"><item/></source>';
    const atom = (n: number) =>
      `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><updated>2024-01-01T00:00:00Z</updated>${Array.from(
        { length: n },
        (_, i) =>
          `<entry><title>E${i}</title><id>urn:e${i}</id><link href="${srv.origin}/counted/atom-${n}-${i}"/><updated>2024-01-01T00:00:00Z</updated></entry>`,
      ).join('')}</feed>`;
    const json = (n: number) =>
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J',
        note: { items: [{}, {}, {}] },
        items: Array.from({ length: n }, (_, i) => ({ id: `${i}`, url: `${srv.origin}/counted/json-${n}-${i}`, content_text: '{"items": [{}]}' })),
      });
    srv.route('/counted/rss-5.xml', send('application/rss+xml', rssOf(5, '/counted/rss-5', decoys)));
    srv.route('/counted/rss-6.xml', send('application/rss+xml', rssOf(6, '/counted/rss-6', decoys)));
    srv.route('/counted/atom-5.xml', send('application/atom+xml', atom(5)));
    srv.route('/counted/atom-6.xml', send('application/atom+xml', atom(6)));
    srv.route('/counted/json-5.json', send('application/feed+json', json(5)));
    srv.route('/counted/json-6.json', send('application/feed+json', json(6)));
    const feeds = ['rss-5.xml', 'rss-6.xml', 'atom-5.xml', 'atom-6.xml', 'json-5.json', 'json-6.json'].map((f) => `/counted/${f}`);
    const reports = await pollerOf(feeds, { maxListedItems: 5, maxItemsPerPoll: 1 }).p.pollOnce();
    expect(reports.map((r) => r.problem)).toEqual([null, refusal(5), null, refusal(5), null, refusal(5)]);
    // Five items listed, one tried this poll (maxItemsPerPoll), four left for later.
    expect(reports.filter((r) => !r.problem).map((r) => r.refused.length + r.deferred)).toEqual([5, 5, 5]);
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
      // One endless description, no items: the byte cap, not the item count, is what stops it.
      const chunk = Buffer.from('many words and no end '.repeat(5000));
      const more = () => {
        if (closed) return;
        while (written < 200 * 1024 * 1024 && res.write(chunk)) written += chunk.length;
        if (written >= 200 * 1024 * 1024) res.end();
        else res.once('drain', more);
      };
      res.on('close', () => {
        closed = true;
      });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Endless</title><description>');
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
