/** News pages as they often are: the date only in the article header or the first paragraph's dateline, the title among bylines and kickers. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSource } from '../../src/ingest/add.js';
import { loadCore } from '../../src/load-core.js';
import type { Core } from '../../src/answer/types.js';
import { renderJson } from '../../src/render/json.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { Article, Problem } from '../../src/knowledge/types.js';
import { send, startServer, type FixtureServer } from '../ingest/server.js';

/** Long enough that the article extractor treats the page as a full article (the case that lost its dateline). */
const BODY = Array.from(
  { length: 12 },
  (_, i) =>
    `<p>Paragraph ${i + 1}: the talks went on for many hours in the council chamber and ended with an agreement that every side said it could live with.</p>`,
).join('\n');

/** Navigation, a related box and a footer, each with a date of its own that must never be the page's. */
const page = (head: string, article: string) => `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>
<header class="masthead"><nav><a href="/">Home</a> <span>Monday 7 December 2026</span></nav></header>
<main><article>${article}</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/x">Old budget row</a> <time datetime="2019-11-05">5 November 2019</time></li></ul></aside></main>
<footer><p>© Town News, 14 January 2011.</p></footer></body></html>`;

const COMMENTS = `<section class="comments" id="comments"><h3>Comments</h3>
<div class="comment"><p class="meta">Posted <time datetime="2018-02-01T10:00:00Z">1 February 2018</time> by Pat Reader</p><p>“Rubbish from start to finish,” said Pat Reader.</p></div></section>`;

const PAGES: Record<string, string> = {
  'dateline.html': page(
    '<title>Council agrees budget | Town News</title>',
    `<h1>Council agrees budget</h1><p class="dateline">3 March 2020</p>
<p>“We have a budget at last,” said Mayor Jo Brand.</p>${BODY}`,
  ),
  'harbour.html': page(
    '<title>Harbour deal reached after night of talks | Harbour Gazette</title>',
    `<p class="kicker">Exclusive</p><h1>Harbour deal reached after night of talks</h1>
<p class="byline">By Ana Pereira, Harbour Gazette</p><p class="dateline"><time datetime="2024-05-14T23:30:00-04:00">May 14, 2024</time></p>
<p>“We worked all night and we have a deal,” said Tomas Voss, the union leader.</p>${BODY}`,
  ),
  'updated-first.html': page(
    '<title>Ferry timetable changes</title>',
    `<h1>Ferry timetable changes</h1><p>Updated <time datetime="2024-06-01T09:00:00Z">1 June 2024</time></p>
<p>Published <time datetime="2024-05-20T09:00:00Z">20 May 2024</time></p>
<p>“The late ferry stays,” said Captain Ines Duarte.</p>${BODY}`,
  ),
  'weekday.html': page(
    '<title>Bridge reopens</title>',
    `<h1>Bridge reopens</h1>
<p>Tuesday, March 3, 2020 — The old bridge reopened to traffic this morning after two years of work on its foundations and its deck.</p>
<p>“It is stronger than ever,” said engineer Lena Okafor.</p>${BODY}`,
  ),
  'agency.html': page(
    '<title>Talks stall</title>',
    `<h1>Talks stall</h1>
<p>WASHINGTON (AP) — The talks that began on 3 March 2019 stalled again today, officials said, with no new date set for them to resume.</p>
<p>“We are not giving up,” said negotiator Sam Ortiz.</p>${BODY}`,
  ),
  'masthead.html': `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Pier closes | Bay Courier</title></head><body>
<div class="masthead"><h1>Bay Courier</h1><p>Monday 7 December 2026</p></div>
<article><h2>Pier closes for the winter</h2><p><time datetime="2021-11-02">2 November 2021</time></p>
<p>“We will reopen in spring,” said harbour master Rui Costa.</p>${BODY}</article></body></html>`,
  'masthead-undated.html': `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Pier closes | Bay Courier</title></head><body>
<header class="masthead"><h1>Bay Courier</h1><p>Monday 7 December 2026</p></header>
<div class="story"><h2>Pier closes for the winter</h2><p>“We will reopen in spring,” said harbour master Rui Costa.</p>${BODY}</div></body></html>`,
  // Readers' comments carry dates and quotations of their own: never the article's.
  'comments.html': page(
    '<title>Council agrees budget</title>',
    `<h1>Council agrees budget</h1><p>“We have a budget at last,” said Mayor Jo Brand.</p>${BODY}${COMMENTS}`,
  ),
  'comments-dated.html': page(
    '<title>Library opens late</title>',
    `<h1>Library opens late</h1><p class="dateline">9 September 2022</p><p>“Come in the evenings too,” said librarian Ada Moss.</p>${BODY}${COMMENTS}`,
  ),
  // Schema.org microdata in the article body: Readability drops these <meta>s from a full-length article.
  'microdata.html': page(
    '<title>Tram line opens</title>',
    `<h1>Tram line opens</h1><meta itemprop="datePublished" content="2022-10-04T08:00:00Z"><meta itemprop="dateModified" content="2022-10-06"><p>“The first tram left on time,” said driver Ola Berg.</p>${BODY}`,
  ),
  // A reader's comment marked up as schema.org Comment: its date is the comment's.
  'microdata-comment.html': page(
    '<title>Tram line opens</title>',
    `<h1>Tram line opens</h1><p>“The first tram left on time,” said driver Ola Berg.</p>${BODY}
<div class="discussion"><div itemprop="comment" itemscope itemtype="https://schema.org/Comment"><meta itemprop="datePublished" content="2018-02-01"><p>Finally!</p></div></div>`,
  ),
  // The date given with --date (kept in the .source.yaml written beside it).
  'given.html': page('<title>Ferry resumes</title>', `<h1>Ferry resumes</h1><p>“The ferry runs again,” said Captain Ines Duarte.</p>${BODY}`),
  'given.html.source.yaml': 'url: https://example.org/ferry\ndate: 2024-04-05\n',
  'site-title.html': `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Harbour deal reached | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette"><meta property="article:published_time" content="2024-05-15"></head>
<body><div class="story"><p>“It is done,” said Tomas Voss, the union leader, after the vote on the harbour deal that had been months in the making.</p>${BODY}</div></body></html>`,
};

let dir: string;
let articles: Article[];
let problems: Problem[];
let core: Core;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verbatim-header-'));
  for (const [file, html] of Object.entries(PAGES)) await writeFile(join(dir, file), html);
  ({ articles, problems } = await loadKnowledge(dir));
  ({ core } = await loadCore(dir, { cacheDir: null, progress: null }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const byFile = (f: string) => articles.find((a) => a.file === f);

describe('the date a reader sees', () => {
  it('reads a dateline under the headline of a full-length article, not the masthead, related box or footer', () => {
    expect(problems.find((p) => p.file === 'dateline.html')).toBeUndefined();
    expect(byFile('dateline.html')).toMatchObject({ date: '2020-03-03', dateFrom: 'dateline', title: 'Council agrees budget' });
  });

  it('reads the <time> in the header (the paper in the byline is the publisher), and the published one when an "Updated" time comes first', () => {
    expect(byFile('harbour.html')).toMatchObject({
      date: '2024-05-14',
      dateFrom: 'time-element',
      author: 'Ana Pereira',
      publisher: 'Harbour Gazette',
    });
    expect(byFile('updated-first.html')).toMatchObject({ date: '2024-05-20', dateFrom: 'time-element' });
  });

  it('reads a dateline at the start of the first paragraph, and none from an agency line followed by a date in the story', () => {
    expect(byFile('weekday.html')).toMatchObject({ date: '2020-03-03', dateFrom: 'dateline' });
    // The story mentions 3 March 2019: the day the talks began, not the day it was published.
    expect(byFile('agency.html')).toBeUndefined();
    expect(problems.find((p) => p.file === 'agency.html')?.reason).toMatch(/no publication date found.*--date/);
  });

  it('never takes the date a masthead shows beside the site name (today’s, not the article’s)', () => {
    expect(byFile('masthead.html')).toMatchObject({ date: '2021-11-02', dateFrom: 'time-element' });
    expect(byFile('masthead-undated.html')).toBeUndefined();
    expect(problems.find((p) => p.file === 'masthead-undated.html')?.reason).toMatch(/no publication date found/);
  });

  it('reads schema.org microdata (<meta itemprop="datePublished">) in the body of a full-length article, but never a comment’s', () => {
    expect(byFile('microdata.html')).toMatchObject({ date: '2022-10-04', dateFrom: 'meta', updated: '2022-10-06' });
    expect(byFile('microdata-comment.html')).toBeUndefined();
    expect(problems.find((p) => p.file === 'microdata-comment.html')?.reason).toMatch(/no publication date found/);
  });

  it('never takes a date, or a quotation, from readers’ comments', () => {
    expect(byFile('comments.html')).toBeUndefined();
    expect(problems.find((p) => p.file === 'comments.html')?.reason).toMatch(/no publication date found/);
    expect(byFile('comments-dated.html')).toMatchObject({ date: '2022-09-09', dateFrom: 'dateline' });
    expect(
      byFile('comments-dated.html')!
        .paragraphs.map((p) => p.text)
        .join('\n'),
    ).not.toMatch(/Rubbish|Pat Reader|2018/);
  });

  it('says where the date came from in ask --json citations', () => {
    const json = JSON.parse(renderJson(core.answer({ command: 'quote', speaker: 'jo brand', topic: '', offset: 0 })));
    expect(json.citations[0]).toMatchObject({ date: '2020-03-03', dateFrom: 'dateline' });
    const meta = JSON.parse(renderJson(core.answer({ command: 'quote', speaker: 'tomas voss', topic: 'done', offset: 0 })));
    expect(meta.citations[0]).toMatchObject({ date: '2024-05-15', dateFrom: 'meta' });
    const given = JSON.parse(renderJson(core.answer({ command: 'quote', speaker: 'ines duarte', topic: 'ferry runs', offset: 0 })));
    expect(given.citations[0]).toMatchObject({ date: '2024-04-05', dateFrom: 'given', excerpt: 'The ferry runs again' });
  });
});

describe('the title', () => {
  it('is the headline, never the dateline or kicker under or above it, and the dateline heads no story', () => {
    const a = byFile('harbour.html')!;
    expect(a.title).toBe('Harbour deal reached after night of talks');
    expect(a.paragraphs.map((p) => p.section).filter(Boolean)).toEqual([]);
    expect(a.paragraphs.map((p) => p.text).join('\n')).not.toMatch(/May 14, 2024|Exclusive/);
    const apa = JSON.parse(renderJson(core.answer({ command: 'quote', speaker: 'tomas voss', topic: 'deal', offset: 0 }), { cite: 'apa' }));
    expect(apa.citations[0].section).toBeNull();
    expect(apa.citations[0].cite).toMatch(/^Pereira, A\. \(2024, May 14\)\. Harbour deal reached after night of talks\. Harbour Gazette\./);
  });

  it('drops the site name appended to a <title> when the page has no better headline', () => {
    expect(byFile('site-title.html')?.title).toBe('Harbour deal reached');
  });
});

describe('adding by URL', () => {
  let srv: FixtureServer;
  let added: string;
  beforeAll(async () => {
    srv = await startServer({ '/budget': send('text/html', PAGES['dateline.html']!) });
    added = await mkdtemp(join(tmpdir(), 'verbatim-header-add-'));
  });
  afterAll(async () => {
    await srv.close();
    await rm(added, { recursive: true, force: true });
  });

  it('adds the full-length page whose only date is the dateline under its headline', async () => {
    const r = await addSource({ kind: 'url', url: `${srv.origin}/budget` }, { knowledgeDir: added, fetch: { allowPrivate: true } });
    expect(r.ok ? r.source : r.reason).toMatchObject({ title: 'Council agrees budget', date: '2020-03-03', speakers: ['Jo Brand'] });
  });
});
