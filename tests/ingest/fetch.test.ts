/**
 * Adding sources from URLs served on 127.0.0.1: the expected source or a clear refusal, and on a
 * refusal nothing in the knowledge folder changes. Safety: private addresses (also after a
 * redirect and in IPv4-mapped form), oversize bodies, wrong content types and silent servers.
 */
import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { lookup } from 'node:dns/promises';
import { hostname, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSource, describeAdd } from '../../src/ingest/add.js';
import { checkedLookup, forbiddenAddress, safeFetch } from '../../src/ingest/fetch.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { parseArticle } from '../../src/knowledge/parse.js';
import { newsPage, pressReleasePage, quotesOf, SEED_003 } from './pages.js';
import { send, startServer, type FixtureServer } from './server.js';

let srv: FixtureServer;
let other: FixtureServer;
let dir: string;

beforeAll(async () => {
  srv = await startServer({
    '/news/nato-spy-ring': send('text/html; charset=utf-8', newsPage()),
    '/press/harbour': send('text/html', pressReleasePage()),
    '/undated': send(
      'text/html',
      '<html><body><article><h1>A page without any date</h1><p>“Words without a date,” said Nobody Known, at length and again.</p></article></body></html>',
    ),
    '/image.png': send('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47])),
    '/big': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      let sent = 0;
      const more = () => {
        while (sent < 12 && res.write(chunk)) sent++;
        if (sent >= 12) res.end();
        else
          res.once('drain', () => {
            sent++;
            more();
          });
      };
      more();
    },
    '/big-declared': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) }).write('<html>');
    },
    '/gzip': send('text/html', gzipSync(pressReleasePage()), { 'content-encoding': 'gzip' }),
    '/deflate': send('text/html', deflateSync(pressReleasePage()), { 'content-encoding': 'deflate' }),
    // About 20 KB on the wire, 20 MB once decoded.
    '/gzip-bomb': send('text/html', gzipSync(Buffer.alloc(20 * 1024 * 1024, ' ')), { 'content-encoding': 'gzip' }),
    '/silent': () => {
      /* never answers */
    },
  });
  other = await startServer({ '/': send('text/html', newsPage()) });
  const redirect = (to: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
    res.writeHead(302, { location: to }).end();
  };
  srv.route('/to-other-loopback', redirect(`${other.origin}/`));
  srv.route('/to-mapped', redirect(`http://[::ffff:127.0.0.1]:${new URL(other.origin).port}/`));
  srv.route('/to-metadata', redirect('http://169.254.169.254/latest/meta-data/'));
  srv.route('/to-file', redirect('file:///etc/passwd'));
  srv.route('/to-news', redirect('/news/nato-spy-ring'));
  for (let i = 0; i < 7; i++) srv.route(`/loop${i}`, redirect(`/loop${i + 1}`));
  dir = await mkdtemp(join(tmpdir(), 'verbatim-add-'));
  await cp(fileURLToPath(new URL('../../knowledge', import.meta.url)), dir, { recursive: true });
});
afterAll(async () => {
  await srv?.close();
  await other?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Every file of the folder with size and time: what must not change on a refusal. */
async function listing(): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(join(d, e.name));
      else out.push(`${relative(dir, join(d, e.name))} ${(await stat(join(d, e.name))).mtimeMs}`);
    }
  };
  await walk(dir);
  return out.sort();
}

const local = { allowPrivate: true };

describe('adding pages', () => {
  it('adds a news page: the seed’s quotations and date, with provenance next to the page as received', async () => {
    const before = await listing();
    const r = await addSource(
      { kind: 'url', url: `${srv.origin}/news/nato-spy-ring#comments` },
      { knowledgeDir: dir, fetch: local, now: () => new Date('2026-12-02T01:00:00Z') },
    );
    expect(r.ok, describeAdd(r)).toBe(true);
    if (!r.ok) return;
    expect(r.action).toBe('added');
    // Exactly the page and its sidecar are new; nothing else in the folder changed.
    expect((await listing()).filter((l) => !before.includes(l)).map((l) => l.split(' ')[0])).toEqual([r.file, `${r.file}.source.yaml`]);
    expect(r.source).toMatchObject({
      date: '2021-03-22',
      updated: '2021-03-23',
      publisher: 'Diplomatic Times',
      author: 'Gary Raynaldo',
      url: `${srv.origin}/news/nato-spy-ring`,
    });
    expect(r.source.speakers).toContain('Jens Stoltenberg');
    expect(describeAdd(r)).toMatch(/^Added added\/127-0-0-1-nato-spy-ring-[0-9a-f]{8}\.html\n {2}title: NATO “closely following”/);
    expect(await readFile(join(dir, r.file), 'utf8')).toBe(newsPage());
    const sidecar = await readFile(join(dir, `${r.file}.source.yaml`), 'utf8');
    expect(sidecar).toContain(`url: ${srv.origin}/news/nato-spy-ring\n`);
    expect(sidecar).toContain('retrieved: 2026-12-02T01:00:00.000Z');
    expect(sidecar).toContain('content_type: text/html');

    const { articles, problems } = await loadKnowledge(dir);
    expect(problems).toEqual([]);
    const added = articles.find((a) => a.file === r.file)!;
    const seed = parseArticle(await readFile(SEED_003, 'utf8'), 's', 's.txt');
    expect(quotesOf(added)).toEqual(quotesOf(seed));
    expect(added.retrieved).toBe('2026-12-02T01:00:00.000Z');
    expect(srv.requests.at(-1)?.userAgent).toMatch(/^verbatim\//);
  });

  it('updates, never duplicates, when the same URL is added again (also through a redirect)', async () => {
    const before = (await listing()).length;
    const r = await addSource({ kind: 'url', url: `${srv.origin}/news/nato-spy-ring` }, { knowledgeDir: dir, fetch: local });
    expect(r.ok && r.action).toBe('updated');
    expect((await listing()).length).toBe(before);
    const via = await addSource({ kind: 'url', url: `${srv.origin}/to-news` }, { knowledgeDir: dir, fetch: local });
    expect(via.ok, describeAdd(via)).toBe(true);
  });

  it('adds a press release dated only by its visible dateline', async () => {
    const r = await addSource({ kind: 'url', url: `${srv.origin}/press/harbour` }, { knowledgeDir: dir, fetch: local });
    // “The authority said the repairs cost less …” is reported speech of the Harbour Authority (the
    // institution named in the dateline), which the attribution of issue 10 now reads: a speaker too.
    expect(r.ok && r.source).toMatchObject({
      title: 'Harbour reopens to shipping after storm repairs',
      date: '2023-05-02',
      quotes: 2,
      speakers: ['Maria Lindqvist', 'Harbour Authority'],
    });
  });

  it('decodes gzip and deflate pages (the same words, not Readability failing on compressed bytes)', async () => {
    for (const path of ['/gzip', '/deflate']) {
      const r = await addSource({ kind: 'url', url: `${srv.origin}${path}` }, { knowledgeDir: dir, fetch: local });
      expect(r.ok ? r.source : r.reason).toMatchObject({ title: 'Harbour reopens to shipping after storm repairs', date: '2023-05-02', quotes: 2 });
    }
  });

  it('refuses a page without a date unless one is given', async () => {
    const before = await listing();
    const r = await addSource({ kind: 'url', url: `${srv.origin}/undated` }, { knowledgeDir: dir, fetch: local });
    expect(r.ok ? 'added' : r.reason).toMatch(/no publication date found.*--date/);
    expect(await listing()).toEqual(before);
    const dated = await addSource({ kind: 'url', url: `${srv.origin}/undated` }, { knowledgeDir: dir, fetch: local, date: '2024-06-01' });
    expect(dated.ok && dated.source.date).toBe('2024-06-01');
  });
});

describe('refusals leave the folder as it was', () => {
  const cases: Array<[string, string, RegExp, object?]> = [
    ['a redirect to another loopback server', '/to-other-loopback', /refused 127\.0\.0\.1:\d+: 127\.0\.0\.1 is a loopback address/],
    ['a redirect to an IPv4-mapped IPv6 loopback', '/to-mapped', /is a loopback address/],
    ['a redirect to the cloud metadata address', '/to-metadata', /169\.254\.169\.254 is a linkLocal address/],
    ['a redirect to file://', '/to-file', /only http and https/],
    ['a redirect loop', '/loop0', /too many redirects/],
    ['a wrong content type', '/image.png', /unsupported content type "image\/png"/],
    ['a body over 10 MB', '/big', /too large: more than 10485760 bytes/],
    ['a gzip body over 10 MB once decoded', '/gzip-bomb', /too large: more than 10485760 bytes/],
    ['a declared body over 10 MB', '/big-declared', /too large: 52428800 bytes/],
    ['a server that never answers', '/silent', /did not answer within 1 s/, { totalTimeoutMs: 1000 }],
    ['a missing page', '/nope', /answered 404/],
  ];
  for (const [what, path, reason, extra] of cases) {
    it(`refuses ${what}`, async () => {
      const before = await listing();
      // Only the fixture server itself is exempt from the address check: where it redirects is checked.
      const r = await addSource({ kind: 'url', url: `${srv.origin}${path}` }, { knowledgeDir: dir, fetch: { allowHosts: [srv.host], ...extra } });
      expect(r.ok ? describeAdd(r) : r.reason).toMatch(reason);
      expect(await listing()).toEqual(before);
    });
  }

  it('refuses a page of 200 MB while it is read: the folder unchanged, and the rest never downloaded', async () => {
    let written = 0;
    let closed = false;
    srv.route('/endless-page', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.on('close', () => {
        closed = true;
      });
      const chunk = Buffer.from('<p>“Words and more words,” said Someone Endless, again and again.</p>\n'.repeat(1000));
      const more = () => {
        while (!closed && written < 200 * 1024 * 1024 && res.write(chunk)) written += chunk.length;
        if (closed) return;
        if (written >= 200 * 1024 * 1024) res.end();
        else res.once('drain', more);
      };
      res.write('<!DOCTYPE html><html><body><article><h1>Endless</h1>');
      more();
    });
    const before = await listing();
    const r = await addSource({ kind: 'url', url: `${srv.origin}/endless-page` }, { knowledgeDir: dir, fetch: local });
    expect(r.ok ? describeAdd(r) : r.reason).toMatch(/too large: more than 10485760 bytes/);
    expect(await listing()).toEqual(before);
    await expect.poll(() => closed).toBe(true);
    // Socket buffers take a few MB past the 10 MB cap; reading it all first would have taken 200 MB.
    expect(written).toBeLessThan(20 * 1024 * 1024);
  });

  it('refuses loopback without the setting, and follows the same redirect with it', async () => {
    await expect(safeFetch(`${srv.origin}/news/nato-spy-ring`, { accept: 'page' })).rejects.toThrow(/127\.0\.0\.1 is a loopback address/);
    const ok = await safeFetch(`${srv.origin}/to-other-loopback`, { accept: 'page', allowPrivate: true });
    expect(ok.url).toBe(`${other.origin}/`);
  });
});

describe('address checks', () => {
  it('refuses every non-public range, IPv4 and IPv6, mapped forms included', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fc00::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
    ]) {
      expect(forbiddenAddress(a), a).not.toBeNull();
    }
    for (const a of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:93.184.216.34']) expect(forbiddenAddress(a), a).toBeNull();
  });

  it('checks what a host name resolves to when connecting (localhost → loopback)', async () => {
    const err = await new Promise<NodeJS.ErrnoException | null>((resolve) => checkedLookup('localhost', {}, (e) => resolve(e)));
    expect(err?.message).toMatch(/localhost resolves to a non-public address \((127\.0\.0\.1|::1) is a loopback address\)/);
  });

  it('refuses, when connecting, a host name that resolves to loopback (a redirect to it too)', async () => {
    // This machine's own name resolves to 127.0.0.1 through /etc/hosts: no network is involved.
    const name = hostname();
    const resolved = await lookup(name).catch(() => null);
    if (!resolved || forbiddenAddress(resolved.address) === null || /^localhost$|\.(localhost|local|internal)$/i.test(name)) return;
    const port = new URL(srv.origin).port;
    await expect(safeFetch(`http://${name}:${port}/news/nato-spy-ring`, { accept: 'page' })).rejects.toThrow(
      new RegExp(`refused ${name}:${port}: ${name} resolves to a non-public address`),
    );
    srv.route('/to-own-name', (_req, res) => {
      res.writeHead(302, { location: `http://${name}:${port}/news/nato-spy-ring` }).end();
    });
    await expect(safeFetch(`${srv.origin}/to-own-name`, { accept: 'page', allowHosts: [srv.host] })).rejects.toThrow(
      /resolves to a non-public address/,
    );
    expect((await safeFetch(`http://${name}:${port}/news/nato-spy-ring`, { accept: 'page', allowPrivate: true })).status).toBe(200);
  });

  it('names the switch a developer needs in every refusal of a local address: an IP, a local host name, a redirect, a resolved name', async () => {
    const hint = /\(only public addresses are fetched; VERBATIM_ALLOW_PRIVATE_URLS=1 allows them in development\)$/;
    await expect(safeFetch(`${srv.origin}/news/nato-spy-ring`, { accept: 'page' })).rejects.toThrow(hint);
    await expect(safeFetch('http://localhost:1/', { accept: 'page' })).rejects.toThrow(hint);
    await expect(safeFetch(`${srv.origin}/to-other-loopback`, { accept: 'page', allowHosts: [srv.host] })).rejects.toThrow(hint);
    // A name that resolves to loopback is refused when connecting (the lookup's refusal): this
    // machine's own name, where /etc/hosts maps it to 127.0.0.1 (as in the test above).
    const name = hostname();
    const resolved = await lookup(name).catch(() => null);
    if (resolved && forbiddenAddress(resolved.address) !== null && !/^localhost$|\.(localhost|local|internal)$/i.test(name))
      await expect(safeFetch(`http://${name}:${new URL(srv.origin).port}/`, { accept: 'page' })).rejects.toThrow(hint);
  });

  it('refuses local host names and non-http schemes before any connection', async () => {
    await expect(safeFetch('http://localhost:1/', { accept: 'page' })).rejects.toThrow(/local host name/);
    await expect(safeFetch('ftp://example.org/x', { accept: 'page' })).rejects.toThrow(/only http and https/);
    await expect(safeFetch('http://[::ffff:7f00:1]:1/', { accept: 'page' })).rejects.toThrow(/loopback/);
    await expect(safeFetch('http://2130706433:1/', { accept: 'page' })).rejects.toThrow(/loopback/);
  });
});
