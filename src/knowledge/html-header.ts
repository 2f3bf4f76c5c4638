import type { parseHTML } from 'linkedom';
import { findDateline } from './dates.js';

/**
 * The article header as a reader sees it: the headline, then the short lines under it (byline,
 * dateline, a `<time>`) before the story begins. Its date is read here, before the article
 * extractor runs, because Readability takes an element whose class says `byline` or `dateline`
 * out of the content as the byline and its date would never be looked at. Page furniture (nav,
 * asides, related lists, footers) is removed before this runs, so no date comes from there.
 */

type Doc = ReturnType<typeof parseHTML>['document'];
type El = Doc['documentElement'];

export interface ArticleHeader {
  /** The article's headline element (`<h1>`), when the page has one that is the article's. */
  h1: El | null;
  /** The publication date as written (a `datetime` value or the dateline's text), and where it stands. */
  published: string | null;
  from: 'time-element' | 'dateline' | null;
  /** The byline under the headline ("By Ana Pereira, Harbour Gazette" → "Ana Pereira, Harbour Gazette"). */
  byline: string | null;
}

/** A header line is short: a body paragraph this long has begun the story. */
const HEADER_LINE_MAX = 120;
/** How many elements after the headline may still be its header. */
const HEADER_ELEMENTS_MAX = 40;
const META_CLASS = /byline|dateline|author|date|time|publish|meta|credit/i;
const KICKER_CLASS = /kicker|eyebrow|overline|rubric|label|categor/i;
const MODIFIED = /updat|modif|edited|revised/i;

/** The article's `<h1>`: the only one in `<article>`, else in `<main>`, else on the page. */
function articleH1(document: Doc): El | null {
  for (const scope of ['article h1', 'main h1', 'h1']) {
    const found = [...document.querySelectorAll(scope)] as El[];
    if (found.length > 1) return null;
    const h1 = found[0];
    if (!h1) continue;
    // The site's name in a masthead <h1> (beside "Monday 7 December 2026", today's date) heads no article.
    const outsideArticle = document.querySelector('article') !== null && !h1.closest('article');
    return outsideArticle || h1.closest('[class*="masthead" i], [class*="site-header" i], [role="banner"]') ? null : h1;
  }
  return null;
}

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** A `<time>` saying when the page was modified rather than published (its class, itemprop, or "Updated" just before it). */
function isModifiedTime(el: El): boolean {
  if (MODIFIED.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('itemprop') ?? ''}`)) return true;
  const around = squash(el.parentElement?.textContent);
  const own = squash(el.textContent);
  const before = own ? around.slice(0, around.indexOf(own)) : around;
  return MODIFIED.test(before.slice(-30));
}

/**
 * Reads the header under the article's headline and takes its byline and dateline lines out of the
 * document, so they become neither a paragraph nor a story heading ("May 14, 2024" under the
 * headline used to head every citation). A line holding a quotation is never taken out.
 */
export function readArticleHeader(document: Doc): ArticleHeader {
  const h1 = articleH1(document);
  const header: ArticleHeader = { h1, published: null, from: null, byline: null };
  if (!h1) {
    // No headline to stand under: the article's own first <time>, as a reader would look for it.
    const time = ([...document.querySelectorAll('article time[datetime]')] as El[]).find((el) => !isModifiedTime(el));
    if (time) [header.published, header.from] = [time.getAttribute('datetime')!.trim(), 'time-element'];
    return header;
  }
  // A kicker above the headline ("Exclusive", the section's name) is a label, not a line of the story.
  for (let prev = h1.previousElementSibling; prev; prev = prev.previousElementSibling) {
    if (KICKER_CLASS.test(prev.getAttribute('class') ?? '') && squash(prev.textContent).length <= 40) prev.remove();
  }
  const all = [...document.querySelectorAll('*')] as El[];
  const start = all.indexOf(h1);
  // The headline's own <header> may hold the date above it, as well as the lines below it.
  const own = h1.parentElement?.closest('header');
  const zone: El[] = own ? ([...own.querySelectorAll('*')] as El[]).filter((el) => !h1.contains(el)) : [];
  let firstParagraph: El | null = null;
  for (const el of all.slice(start + 1, start + 1 + HEADER_ELEMENTS_MAX)) {
    if (h1.contains(el) || zone.includes(el)) continue;
    const text = squash(el.textContent);
    if (/^(P|BLOCKQUOTE|H[2-6]|UL|OL|TABLE)$/i.test(el.tagName) && text.length > HEADER_LINE_MAX) {
      if (el.tagName.toUpperCase() === 'P') firstParagraph = el;
      break;
    }
    zone.push(el);
  }
  const times = zone.filter((el) => el.tagName.toUpperCase() === 'TIME' && el.getAttribute('datetime')?.trim());
  const time = times.find((el) => !isModifiedTime(el));
  if (time) {
    header.published = time.getAttribute('datetime')!.trim();
    header.from = 'time-element';
  }
  // Every short line of the header, wrappers and what they wrap alike: the date is read from the
  // innermost line that is a dateline, the byline from the shortest line that is one.
  const lines = zone.filter((el) => {
    const text = squash(el.textContent);
    return text.length > 0 && text.length <= HEADER_LINE_MAX && !/[“”"«»]/.test(text);
  });
  const bylines: string[] = [];
  for (const el of lines) {
    const text = squash(el.textContent);
    const dated = findDateline(text);
    const isByline = /^by\s+\S/i.test(text) || /byline|author/i.test(el.getAttribute('class') ?? '');
    if (!header.published && dated) {
      header.published = dated.iso;
      header.from = 'dateline';
    }
    const name = squash(text.replace(/^by\s+/i, '').split(/\s[|•·]\s|\s[—–]\s/)[0]);
    // A line classed "byline" that holds only a date names no one.
    if (isByline && !/\b\d{4}\b/.test(name)) bylines.push(name);
    // A dated line goes only when it is little more than the date: a first sentence stays in the story.
    if (
      (dated && text.length <= 60) ||
      isByline ||
      el.tagName.toUpperCase() === 'TIME' ||
      el.querySelector('time') ||
      META_CLASS.test(el.getAttribute('class') ?? '')
    )
      el.remove();
  }
  header.byline = bylines.filter(Boolean).sort((a, b) => a.length - b.length)[0] ?? null;
  if (!header.published && firstParagraph) {
    const dated = findDateline(squash(firstParagraph.textContent));
    if (dated) {
      header.published = dated.iso;
      header.from = 'dateline';
    }
  }
  return header;
}

/**
 * "Ana Pereira, Harbour Gazette" → the person, and the paper as publisher, when the name after the
 * last comma is the page's publisher or the site name its `<title>` ends with; otherwise the byline
 * as written ("Ana Pereira, John Roe" names two people).
 */
export function splitByline(
  byline: string | null,
  publisher: string | null,
  title: string | null,
): { author: string | null; publisher: string | null } {
  const m = byline ? /^(.+?),\s*([^,]+)$/.exec(byline) : null;
  const site = publisher ?? (title ? (/\s(?:[|•·»]|::|[-–—])\s+([^|•·»]+)$/.exec(title)?.[1]?.trim() ?? null) : null);
  if (m && site && m[2]!.toLowerCase() === site.toLowerCase()) return { author: m[1]!, publisher: publisher ?? site };
  return { author: byline, publisher };
}
