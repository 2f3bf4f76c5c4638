import type { Citation } from '../answer/types.js';
import { formatLongDate } from '../knowledge/dates.js';

/**
 * Reference entries in the named styles a student hands in, for the two kinds of source held here:
 * a news article (author, date, headline, publisher, url) and a speech or statement (speaker, title,
 * occasion/publisher, date, url). A small formatter rather than a CSL processor: the common ones are
 * AGPL (citeproc-js is CPAL/AGPL), and two source kinds × four styles fit in one file with golden
 * tests taken from each manual's published examples (tests/render/cite-styles.test.ts).
 *
 * Plain text (no italics markup): what is pasted into a word processor, where the container title
 * is then italicised by hand. A year-only source keeps its year; a missing date is "n.d." in APA and
 * Chicago and is left out in MLA (whose 9th edition has no "n.d.").
 */

export type CiteStyle = 'apa' | 'mla' | 'chicago' | 'chicago-note';
export const CITE_STYLES: CiteStyle[] = ['apa', 'mla', 'chicago', 'chicago-note'];
export const STYLE_NAMES: Record<CiteStyle, string> = {
  apa: 'APA 7',
  mla: 'MLA 9',
  chicago: 'Chicago (bibliography)',
  'chicago-note': 'Chicago (note)',
};

export type SourceKind = 'article' | 'speech';

const SPEECH_TITLE =
  /\b(?:speech|statement|remarks?|address|press conference|press briefing|briefing|testimony|keynote|lecture|transcript|doorstep)\b/i;

/** A speech or statement when its title says so, or when nobody but the speaker stands behind it. */
export function sourceKind(c: Citation): SourceKind {
  return SPEECH_TITLE.test(c.section ?? c.title) || (!c.author && !c.publisher && c.speaker) ? 'speech' : 'article';
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MLA_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

function dateParts(date: string): { y: string; m: number; d: number } | null {
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (full) return { y: full[1]!, m: Number(full[2]), d: Number(full[3]) };
  return /^\d{4}$/.test(date) ? { y: date, m: 0, d: 0 } : null;
}

/** "Jens Stoltenberg" → { given: "Jens", family: "Stoltenberg" }; a byline of several names splits on "and", "&" and commas. */
function people(raw: string | null | undefined): Array<{ given: string; family: string }> {
  const cleaned = (raw ?? '')
    .replace(/^by\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!cleaned) return [];
  return cleaned
    .split(/\s*(?:,|&|\band\b)\s*/i)
    .filter(Boolean)
    .map((name) => {
      const parts = name.split(' ');
      return parts.length === 1 ? { given: '', family: parts[0]! } : { given: parts.slice(0, -1).join(' '), family: parts.at(-1)! };
    });
}

/** Ends a part with a full stop unless it already ends with punctuation. */
function stop(s: string): string {
  return /[.?!]["”’]?$/.test(s) ? s : `${s}.`;
}

/** Inside closing quotation marks, American style: `“Title.”`, or `“Title?”` when it has its own mark. */
function quoted(title: string, mark: '.' | ','): string {
  return /[.?!]$/.test(title) ? `“${title}”` : `“${title}${mark}”`;
}

function who(c: Citation): string | null | undefined {
  return sourceKind(c) === 'speech' ? (c.speaker ?? c.author) : c.author;
}

function headline(c: Citation): string {
  return (c.section ?? c.title ?? '').trim();
}

/** APA 7 (§10.1 newspaper article; §10.14 speech transcript). */
export function formatApa(c: Citation): string {
  const authors = people(who(c)).map(
    (p) =>
      `${p.family}${
        p.given
          ? `, ${p.given
              .split(/[\s-]+/)
              .map((g) => `${g[0]}.`)
              .join(' ')}`
          : ''
      }`,
  );
  const names = authors.length <= 1 ? authors.join('') : `${authors.slice(0, -1).join(', ')}, & ${authors.at(-1)}`;
  const d = dateParts(c.date);
  const date = !d ? '(n.d.)' : d.m ? `(${d.y}, ${MONTHS[d.m - 1]} ${d.d})` : `(${d.y})`;
  const title = headline(c);
  const kindNote = sourceKind(c) === 'speech' ? ' [Speech transcript]' : '';
  // No author: the title moves to the author's place (§9.12).
  const lead = names ? `${stop(names)} ${date}. ${stop(`${title}${kindNote}`)}` : `${stop(`${title}${kindNote}`)} ${date}.`;
  return [lead, c.publisher ? stop(c.publisher) : null, c.url].filter(Boolean).join(' ');
}

/** MLA 9 (news article in a periodical; a speech with its transcript's publisher as container). */
export function formatMla(c: Citation): string {
  const list = people(who(c));
  const first = list[0];
  const names = !first
    ? ''
    : list.length === 1
      ? `${first.family}${first.given ? `, ${first.given}` : ''}`
      : list.length === 2
        ? `${first.family}, ${first.given}, and ${list[1]!.given} ${list[1]!.family}`
        : `${first.family}, ${first.given}, et al`;
  const d = dateParts(c.date);
  const date = !d ? null : d.m ? `${d.d} ${MLA_MONTHS[d.m - 1]} ${d.y}` : d.y;
  const url = c.url ? c.url.replace(/^https?:\/\//, '') : null;
  const container = [c.publisher, date, url].filter(Boolean).join(', ');
  return [names ? stop(names) : null, quoted(headline(c), '.'), container ? stop(container) : null, sourceKind(c) === 'speech' ? 'Speech.' : null]
    .filter(Boolean)
    .join(' ');
}

function chicagoDate(date: string): string {
  const d = dateParts(date);
  return !d ? 'n.d.' : d.m ? `${MONTHS[d.m - 1]} ${d.d}, ${d.y}` : d.y;
}

/** Chicago 17 bibliography entry (§14.191 news; §14.218 speeches). */
export function formatChicago(c: Citation): string {
  const list = people(who(c));
  const names = list.map((p, i) => (i === 0 ? `${p.family}${p.given ? `, ${p.given}` : ''}` : `${p.given} ${p.family}`.trim()));
  const author = names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')}${names.length > 2 ? ',' : ''} and ${names.at(-1)}`;
  const date = chicagoDate(c.date);
  const speech = sourceKind(c) === 'speech';
  const where = speech ? ['Speech', c.publisher, date] : [c.publisher, date];
  return [author ? stop(author) : null, quoted(headline(c), '.'), stop(where.filter(Boolean).join(', ')), c.url ? stop(c.url) : null]
    .filter(Boolean)
    .join(' ');
}

/** Chicago 17 note (the footnote's text; the word processor numbers it). */
export function formatChicagoNote(c: Citation): string {
  const list = people(who(c));
  const names = list.map((p) => `${p.given} ${p.family}`.trim());
  const author = names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')}${names.length > 2 ? ',' : ''} and ${names.at(-1)}`;
  const date = chicagoDate(c.date);
  const speech = sourceKind(c) === 'speech';
  const title = quoted(headline(c), ',');
  const body = speech
    ? `${author ? `${author}, ` : ''}${title.replace(/,”$/, '”')} (speech, ${[c.publisher, date].filter(Boolean).join(', ')})${c.url ? `, ${c.url}` : ''}`
    : `${author ? `${author}, ` : ''}${title} ${[c.publisher, date, c.url].filter(Boolean).join(', ')}`;
  return stop(body);
}

/** The plain line: the house format, date as precise as the source gives it. */
function formatPlain(c: Citation): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(c.date) ? formatLongDate(c.date) : c.date || 'n.d.';
  return [c.speaker ?? 'Unattributed', c.publisher, `“${headline(c)}”`, date, c.url].filter(Boolean).join(', ');
}

export function formatCitation(c: Citation, style: CiteStyle | 'plain'): string {
  switch (style) {
    case 'apa':
      return formatApa(c);
    case 'mla':
      return formatMla(c);
    case 'chicago':
      return formatChicago(c);
    case 'chicago-note':
      return formatChicagoNote(c);
    case 'plain':
      return formatPlain(c);
  }
}

export function isCiteStyle(s: string): s is CiteStyle {
  return (CITE_STYLES as string[]).includes(s);
}
