import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Extracted } from './extracted.js';
import { readArticleHeader, splitByline } from './html-header.js';

/**
 * A saved or fetched web page → its main text (paragraphs and headings, one block each) and the
 * metadata a citation needs. Pure: a string in, data out. Metadata comes first from JSON-LD
 * (NewsArticle/Article…), then OpenGraph/`article:*` and `<meta>` tags, then a `<time>` in the
 * article itself; never from a related-articles box, a sidebar or the page footer, which are
 * removed before anything is read from the page body.
 */

/** Page furniture that never holds the article's own date or text. */
const FURNITURE = [
  'nav',
  'aside',
  'footer',
  'script:not([type="application/ld+json"])',
  'style',
  'noscript',
  'iframe',
  'form',
  '[class*="related" i]',
  '[id*="related" i]',
  '[class*="recommend" i]',
  '[class*="more-stories" i]',
  '[class*="sidebar" i]',
  '[id*="sidebar" i]',
  '[class*="footer" i]',
  '[id*="footer" i]',
  '[class*="newsletter" i]',
  '[role="navigation"]',
  '[role="complementary"]',
  '[role="contentinfo"]',
];
/** Readers' comments: their microdata dates are the comments', never the article's. */
const COMMENTS = '[itemprop~="comment" i], [itemtype*="Comment"], [class*="comment" i], [id*="comment" i]';
const BLOCKS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'BLOCKQUOTE',
  'LI',
  'UL',
  'OL',
  'PRE',
  'FIGURE',
  'FIGCAPTION',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'DL',
  'DT',
  'DD',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HR',
  'BR',
]);
const ARTICLE_TYPE =
  /(^|:)(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|Report|PressRelease|ScholarlyArticle|OpinionNewsArticle)$/;

type Doc = ReturnType<typeof parseHTML>['document'];
type El = Doc['documentElement'];

/**
 * Extracts one HTML page. Never throws for a bad page (an empty text means "nothing found"), except
 * one nested deeper than `maxDepth`: Readability's time grows much faster than the depth (a 9 KB
 * page 800 deep takes most of a minute), so such a page is refused before it starts.
 */
export function extractHtml(html: string, maxDepth = Number.POSITIVE_INFINITY): Extracted {
  const { document } = parseHTML(html);
  const depth = depthOf(document.documentElement as El, maxDepth);
  if (depth > maxDepth) throw new Error(`the page is nested more than ${maxDepth} elements deep (the DOM depth limit)`);
  const ld = jsonLdArticle(document);
  const meta = (...names: string[]) => {
    for (const n of names) {
      // Microdata in the body (`<meta itemprop="datePublished">`) counts, except a reader's comment's own.
      const el = [...document.querySelectorAll(`meta[property="${n}" i], meta[name="${n}" i], meta[itemprop="${n}" i]`)].find(
        (m) => !m.closest(COMMENTS),
      );
      const v = el?.getAttribute('content')?.trim();
      if (v) return v;
    }
    return null;
  };
  const notUrl = (v: string | null) => (v && !/^https?:\/\//i.test(v) ? v : null);
  const canonical = document.querySelector('link[rel="canonical" i]')?.getAttribute('href')?.trim() ?? meta('og:url');
  const siteTitle = text(document.querySelector('title')?.textContent);
  for (const el of document.querySelectorAll(FURNITURE.join(','))) el.remove();
  // Read before Readability runs: it takes a byline or dateline line out as "the byline" unread,
  // and on a full-length article drops the <meta itemprop> microdata inside the body.
  const header = readArticleHeader(document);
  const metaDate = meta(
    'article:published_time',
    'datePublished',
    'date',
    'pubdate',
    'publishdate',
    'dc.date.issued',
    'dcterms.created',
    'dc.date',
    'citation_publication_date',
    'parsely-pub-date',
    'sailthru.date',
  );
  const metaModified = meta('article:modified_time', 'og:updated_time', 'dateModified', 'dcterms.modified', 'last-modified');
  const headline = header.h1 ? text(header.h1.textContent) : null;
  const parsed = new Readability(document as never, { keepClasses: false }).parse();
  const blocks = parsed?.content ? blocksOf(parseHTML(`<html><body>${parsed.content}</body></html>`).document.body as El) : [];
  const byline = splitByline(
    names(ld?.author) ??
      notUrl(meta('author', 'article:author', 'dc.creator', 'byl', 'parsely-author')) ??
      header.byline ??
      text(parsed?.byline)?.replace(/^by\s+/i, '') ??
      null,
    names(ld?.publisher) ?? meta('og:site_name', 'application-name', 'dc.publisher') ?? text(parsed?.siteName) ?? null,
    siteTitle,
  );
  const publisher = byline.publisher;
  const title =
    text(ld?.headline) ?? meta('og:title', 'twitter:title', 'dc.title') ?? headline ?? withoutSiteName(siteTitle ?? text(parsed?.title), publisher);
  // Readability repeats the headline as the first heading now and then: the title is not a section.
  if (blocks[0] && title && blocks[0].replace(/^#+\s*/, '') === title) blocks.shift();
  const ldDate = text(ld?.datePublished);
  const [published, publishedFrom] = ldDate
    ? ([ldDate, 'json-ld'] as const)
    : metaDate
      ? ([metaDate, 'meta'] as const)
      : ([header.published, header.from] as const);
  return {
    title,
    author: byline.author,
    publisher,
    published,
    publishedFrom,
    modified: text(ld?.dateModified) ?? metaModified,
    blocks,
    url: canonical && /^https?:\/\//i.test(canonical) ? canonical : null,
  };
}

/**
 * A `<title>` without the site's name appended ("Harbour deal reached | Harbour Gazette"): the part
 * after the last separator goes when it is the publisher, or a name of a few words after a longer
 * headline. A title whose only separator is inside the headline itself ("Ukraine - live") is kept.
 */
function withoutSiteName(title: string | null, publisher: string | null): string | null {
  const m = title ? /^(.+?)\s+(?:[|•·»]|::|[-–—])\s+([^|•·»]+)$/.exec(title) : null;
  if (!m) return title;
  const [, head, tail] = m as unknown as [string, string, string];
  const isPublisher = publisher !== null && tail.toLowerCase() === publisher.toLowerCase();
  const looksLikeName = tail.split(/\s+/).length <= 4 && head.split(/\s+/).length > tail.split(/\s+/).length;
  return isPublisher || looksLikeName ? head : title;
}

function text(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.replace(/\s+/g, ' ').trim();
  return s || null;
}

/** `"Jane Doe"`, `{name}`, or a list of them → "Jane Doe, John Roe". */
function names(v: unknown): string | null {
  const list = (Array.isArray(v) ? v : [v])
    .map((x) => text(typeof x === 'object' && x ? (x as { name?: unknown }).name : x))
    .filter((x): x is string => Boolean(x));
  return list.length ? list.join(', ') : null;
}

/** The first JSON-LD object typed as an article (top level, in a list, or in `@graph`). */
function jsonLdArticle(document: Doc): Record<string, unknown> | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const o = item as Record<string, unknown>;
        const types = Array.isArray(o['@type']) ? o['@type'] : [o['@type']];
        if (types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) return o;
        if (o['@graph']) queue.push(o['@graph']);
      }
    }
  }
  return null;
}

/** The readable content → one string per paragraph; headings as `## heading` (what the text parser reads as a section). */
function blocksOf(root: El): string[] {
  const out: string[] = [];
  let buffer = '';
  const flush = () => {
    const t = buffer.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    buffer = '';
  };
  const walk = (node: El) => {
    for (const child of node.childNodes as unknown as El[]) {
      if (child.nodeType === 3) {
        buffer += child.textContent ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = child.tagName.toUpperCase();
      if (!BLOCKS.has(tag)) {
        walk(child);
        continue;
      }
      flush();
      if (/^H[1-6]$/.test(tag)) {
        const t = (child.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (t) out.push(`## ${t}`);
      } else walk(child);
      flush();
    }
  };
  walk(root);
  flush();
  return out;
}

/** Page bytes → text: a BOM, else the `<meta charset>` (or http-equiv) in the first 2 KB, else the header's charset, else UTF-8. */
export function decodeHtml(bytes: Uint8Array, headerCharset?: string | null): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? headerCharset ?? 'utf-8';
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(declared);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}

/** The element depth of the tree under `root`, counting no further than one past `limit`; iterative, so a deep page cannot overflow the stack. */
function depthOf(root: El, limit: number): number {
  let max = 0;
  const stack: Array<[El, number]> = [[root, 1]];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of el.children as unknown as El[]) stack.push([child, d + 1]);
  }
  return max;
}
