/** Fixture pages built from the seed articles: the same words as the seed, wrapped the way news sites and press offices publish them. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../src/knowledge/types.js';

export const SEED_003 = fileURLToPath(new URL('../../knowledge/003_6af9d5b632cee811.txt', import.meta.url));
export const SEED_000 = fileURLToPath(new URL('../../knowledge/000_3b84f6373ba0600d.txt', import.meta.url));

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A news page: JSON-LD, OpenGraph, navigation, a related-articles box and a footer (both with other dates) around the seed's lines. */
export function newsPage(seedFile = SEED_003): string {
  const lines = readFileSync(seedFile, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const caption = lines.find((l) => /^\(credit:/i.test(l));
  const byline = lines.find((l) => /^By /.test(l));
  const rest = lines.filter((l) => l !== caption && l !== byline);
  const ld = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', name: 'Diplomatic Times' },
      {
        '@type': 'NewsArticle',
        headline: 'NATO “closely following” Bulgarian investigation into alleged Russian spy ring',
        datePublished: '2021-03-22T10:15:00+01:00',
        dateModified: '2021-03-23T08:00:00+01:00',
        author: [{ '@type': 'Person', name: 'Gary Raynaldo' }],
        publisher: { '@type': 'Organization', name: 'Diplomatic Times' },
      },
    ],
  };
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>NATO closely following Bulgarian spy ring investigation | Diplomatic Times</title>
<meta property="og:title" content="NATO closely following Bulgarian spy ring investigation">
<meta property="og:site_name" content="Diplomatic Times">
<link rel="canonical" href="https://diplomatic-times.example/2021/03/nato-spy-ring">
<meta property="article:published_time" content="2021-03-22T10:15:00+01:00">
<script type="application/ld+json">${JSON.stringify(ld)}</script>
<script>window.analytics = { published: "2018-01-01" };</script>
</head><body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/browse">Browse By</a></nav></header>
<main>
<article class="story">
<h1>NATO “closely following” Bulgarian investigation into alleged Russian spy ring</h1>
<p class="byline">${esc(byline!)}</p>
<figure><img src="/nato.jpg" alt=""><figcaption>${esc(caption!)}</figcaption></figure>
${rest.map((l) => `<p>${esc(l)}</p>`).join('\n')}
<p><a href="/print">print</a></p>
</article>
<aside class="related-articles"><h3>Related articles</h3><ul>
<li><a href="/a">Alliance meets in Brussels</a> <time datetime="2019-11-05">5 November 2019</time></li>
<li><a href="/b">“We will never accept it,” said Someone Else.</a></li></ul></aside>
</main>
<footer><p>© Diplomatic Times. Site updated 7 July 2020.</p><p>“Subscribe today,” said our editor.</p></footer>
</body></html>`;
}

/** A press release with no metadata at all: only the visible dateline says when. */
export function pressReleasePage(): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Harbour Authority - Press releases</title></head><body>
<div class="menu"><a href="/">Home</a> | <a href="/press">Press</a></div>
<div class="content">
<h1>Harbour reopens to shipping after storm repairs</h1>
<p class="dateline">ROTTERDAM, 2 May 2023 - The Harbour Authority today reopened the northern basin to commercial shipping after three weeks of repairs.</p>
<p>“The basin is safe again, and every berth has been inspected twice,” said Maria Lindqvist, the harbour director.</p>
<p>The authority said the repairs cost less than expected and that pilots would guide the first ships in.</p>
<p>“We thank the crews who worked through the night,” Lindqvist said.</p>
</div>
<div class="footer">Harbour Authority, 14 January 2011. All rights reserved.</div>
</body></html>`;
}

/** Every direct quotation of an article as (speaker, words): what /quote can show. */
export function quotesOf(a: Article): string[] {
  return a.paragraphs.flatMap((p) => p.segments.filter((s) => s.kind === 'quote').map((s) => `${s.speaker ?? '?'}: ${p.text.slice(s.start, s.end)}`));
}

/** A small hostile page: the press release's words inside `depth` nested <div>s (800 deep is about 9 KB). */
export function nestedPage(depth: number): string {
  const body = /<div class="content">([\s\S]*?)<\/div>/.exec(pressReleasePage())![1]!;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Deep</title></head><body>${'<div>'.repeat(depth)}${body}${'</div>'.repeat(depth)}</body></html>`;
}
