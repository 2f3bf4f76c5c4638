import { stringify } from 'yaml';
import type { Extracted } from './extracted.js';
import { findDateline, parseGivenDate, type SourceDate } from './dates.js';
import { splitFrontMatter } from './frontmatter.js';
import { ParseError } from './parse.js';
import type { DateFrom } from './types.js';

/**
 * Pages (HTML, PDF) and provenance sidecars → the article text the parser reads: a front-matter
 * block with what the page's metadata says, then one paragraph per block. The body is the
 * extracted text itself, so every excerpt stays a slice of what the page says.
 */

/** How many leading blocks (headline, byline, dateline) may carry a visible dateline. */
const DATELINE_BLOCKS = 4;

/** The dates a page gives: the one to cite, and a later modification ("updated …"). */
interface PageDates {
  published: SourceDate;
  from: DateFrom;
  updated: string | null;
}

/** Chooses the publication date: given (front matter/`--date`) > metadata > a visible dateline at the top > the fallback (a PDF's creation date). Throws ParseError when none. */
function choosePageDates(page: Extracted, given: unknown): PageDates {
  let published: SourceDate | null = null;
  let from: DateFrom = 'given';
  if (given !== undefined && given !== null && given !== '') {
    const d = parseGivenDate(given);
    if ('error' in d) throw new ParseError(`given date: ${d.error}`);
    published = d;
  }
  if (!published && page.published) {
    const d = parseGivenDate(page.published);
    if (!('error' in d)) [published, from] = [d, page.publishedFrom ?? 'meta'];
  }
  if (!published) {
    // A dateline at the start of one of the first blocks, never any date the opening sentences mention.
    for (const block of page.blocks.slice(0, DATELINE_BLOCKS)) {
      published = findDateline(block.replace(/^#+\s*/, ''));
      if (published) {
        from = 'dateline';
        break;
      }
    }
  }
  if (!published && page.fallbackDate) {
    const d = parseGivenDate(page.fallbackDate);
    if (!('error' in d)) [published, from] = [d, 'meta'];
  }
  if (!published) {
    throw new ParseError(
      'no publication date found in the page (metadata or dateline): add it with --date YYYY-MM-DD, or "date:" in its .source.yaml',
    );
  }
  const modified = page.modified ? parseGivenDate(page.modified) : null;
  const updated = modified && !('error' in modified) && modified.precision === 'day' && modified.iso > published.iso ? modified.iso : null;
  return { published, from, updated };
}

/** An extracted page as article text: metadata front matter (provenance `fields` win) and the blocks, one per paragraph. */
export function pageArticleText(page: Extracted, fields: Record<string, unknown>): { text: string; updated: string | null; dateFrom: DateFrom } {
  if (!page.blocks.some((b) => !b.startsWith('#'))) throw new ParseError('no article text found in the page');
  const dates = choosePageDates(page, fields.date);
  const head: Record<string, unknown> = {
    title: fields.title ?? page.title ?? undefined,
    date: dates.published.iso,
    publisher: fields.publisher ?? page.publisher ?? undefined,
    author: fields.author ?? page.author ?? undefined,
    url: fields.url ?? page.url ?? undefined,
  };
  // Plain-text lines starting with "---" would be read as a second front matter: never at the top of the body.
  const body = page.blocks.map((b) => b.replace(/^-{3,}\s*$/, '—')).join('\n\n');
  return { text: `${frontMatter(head)}${body}\n`, updated: dates.updated, dateFrom: dates.from };
}

/** A text article with the sidecar's fields added under its own front matter (the file's own fields win). */
export function withFields(raw: string, fields: Record<string, unknown>): string {
  const wanted = Object.fromEntries(
    Object.entries(fields).filter(([k, v]) => ['title', 'date', 'publisher', 'author', 'url'].includes(k) && v !== undefined && v !== null),
  );
  if (Object.keys(wanted).length === 0) return raw;
  const own = splitFrontMatter(raw);
  return `${frontMatter({ ...wanted, ...own.fields, ...(fields.date ? { date: fields.date } : {}) })}${own.body}`;
}

function frontMatter(fields: Record<string, unknown>): string {
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return `---\n${stringify(defined, { lineWidth: 0 }).trimEnd()}\n---\n`;
}
