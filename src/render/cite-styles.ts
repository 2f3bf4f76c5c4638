import type { Citation } from '../answer/types.js';
import { formatLongDate } from '../knowledge/dates.js';
import { firstNameGender, isOrganisation } from '../knowledge/names.js';

/**
 * Reference entries in the named styles a student hands in, for the two kinds of source held here:
 * a news article (author, date, headline, publisher, url), a speech (speaker, title, occasion/publisher,
 * date, url), and an organisation's own statement (a ministry's PDF, an agency's release: the
 * organisation is the author, named as it is, never inverted like a person's name). A small formatter rather than a CSL processor: the common ones are
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

export type SourceKind = 'article' | 'speech' | 'statement';

const SPEECH_TITLE =
  /\b(?:speech|statement|remarks?|address|press conference|press briefing|briefing|testimony|keynote|lecture|transcript|doorstep)\b/i;
/** Words by which a title says an organisation issued it. */
const STATEMENT_TITLE = /\b(?:statement|press release|news release|media release|communiqu[eé]|press briefing|briefing|announcement|declaration)\b/i;
/** Words by which a title says someone spoke it (a transcript an organisation published is still that person's speech). */
const SPOKEN_TITLE = /\b(?:speech|remarks?|address|press conference|testimony|keynote|lecture|transcript|doorstep)\b/i;

/**
 * The author when it is an organisation ("Ministry of Transport", "Reuters", "World Health
 * Organization"): its name has an organisation's word (knowledge/names.ts) and does not open with
 * a person's given name ("Margaret Court" is a person).
 */
function organisationAuthor(c: Citation): string | null {
  const author = (c.author ?? '')
    .replace(/^by\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return author && isOrganisation(author) && !firstNameGender(author) ? author : null;
}

const sameName = (a: string | null | undefined, b: string) => a?.replace(/^the\s+/i, '').toLowerCase() === b.replace(/^the\s+/i, '').toLowerCase();

/**
 * A speech when its title says so, or when nobody but the speaker stands behind it. With an
 * organisation as author: a transcript of someone's speech is still that person's speech; a
 * document its title calls a statement (or release, briefing…), or one nobody else published (a
 * ministry's PDF), is the organisation's statement; anything else is an article by the
 * organisation (an agency's story in a newspaper, a news site's unsigned story).
 */
export function sourceKind(c: Citation): SourceKind {
  const title = headline(c);
  const org = organisationAuthor(c);
  if (org) {
    if (c.speaker && SPOKEN_TITLE.test(title)) return 'speech';
    return STATEMENT_TITLE.test(title) || !c.publisher ? 'statement' : 'article';
  }
  return SPEECH_TITLE.test(title) || (!c.author && !c.publisher && c.speaker) ? 'speech' : 'article';
}

/** Who the entry names first: an organisation as written, or people (to be inverted by each style). */
function creators(c: Citation): { org: string } | { people: Array<{ given: string; family: string }> } {
  const kind = sourceKind(c);
  const org = organisationAuthor(c);
  if (org && kind !== 'speech') return { org };
  return { people: people(kind === 'speech' ? (c.speaker ?? c.author) : c.author) };
}

/**
 * The publisher the entry names: a speech an organisation published has it as publisher; a
 * statement whose publisher is its author names it once, as author (APA 7 §9.24, MLA 9 2.1.3).
 */
function publisherOf(c: Citation): string | null {
  const org = organisationAuthor(c);
  if (!org) return c.publisher;
  if (sourceKind(c) === 'speech') return c.publisher ?? org;
  return c.publisher && !sameName(c.publisher, org) ? c.publisher : null;
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

function headline(c: Citation): string {
  return (c.section ?? c.title ?? '').trim();
}

/** APA 7 (§10.1 newspaper article; §10.14 speech transcript; §10.16 an organisation's statement, as a press release). */
export function formatApa(c: Citation): string {
  const by = creators(c);
  const authors =
    'org' in by
      ? [by.org]
      : by.people.map(
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
  const kind = sourceKind(c);
  const kindNote = kind === 'speech' ? ' [Speech transcript]' : kind === 'statement' ? ' [Press release]' : '';
  // No author: the title moves to the author's place (§9.12).
  const lead = names ? `${stop(names)} ${date}. ${stop(`${title}${kindNote}`)}` : `${stop(`${title}${kindNote}`)} ${date}.`;
  const publisher = publisherOf(c);
  return [lead, publisher ? stop(publisher) : null, c.url].filter(Boolean).join(' ');
}

/**
 * MLA 9 (news article in a periodical; a speech with its transcript's publisher as container; an
 * organisation's statement, which begins with its title when the organisation also published it).
 */
export function formatMla(c: Citation): string {
  const by = creators(c);
  const kind = sourceKind(c);
  const list = 'org' in by ? [] : by.people;
  const first = list[0];
  const personal = !first
    ? ''
    : list.length === 1
      ? `${first.family}${first.given ? `, ${first.given}` : ''}`
      : list.length === 2
        ? `${first.family}, ${first.given}, and ${list[1]!.given} ${list[1]!.family}`
        : `${first.family}, ${first.given}, et al`;
  const publisher = publisherOf(c);
  // An organisation that is both author and publisher is named once, as publisher (MLA 9 §5.7).
  const names = 'org' in by ? (publisher ? by.org : '') : personal;
  const d = dateParts(c.date);
  const date = !d ? null : d.m ? `${d.d} ${MLA_MONTHS[d.m - 1]} ${d.y}` : d.y;
  const url = c.url ? c.url.replace(/^https?:\/\//, '') : null;
  const container = [publisher ?? ('org' in by ? by.org : null), date, url].filter(Boolean).join(', ');
  const description = kind === 'speech' ? 'Speech.' : kind === 'statement' ? 'Press release.' : null;
  return [names ? stop(names) : null, quoted(headline(c), '.'), container ? stop(container) : null, description].filter(Boolean).join(' ');
}

function chicagoDate(date: string): string {
  const d = dateParts(date);
  return !d ? 'n.d.' : d.m ? `${MONTHS[d.m - 1]} ${d.d}, ${d.y}` : d.y;
}

/** Chicago 17 bibliography entry (§14.191 news; §14.218 speeches; an organisation as author, §14.84, of a press release). */
export function formatChicago(c: Citation): string {
  const by = creators(c);
  const names =
    'org' in by ? [by.org] : by.people.map((p, i) => (i === 0 ? `${p.family}${p.given ? `, ${p.given}` : ''}` : `${p.given} ${p.family}`.trim()));
  const author = names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')}${names.length > 2 ? ',' : ''} and ${names.at(-1)}`;
  const date = chicagoDate(c.date);
  const kind = sourceKind(c);
  const publisher = publisherOf(c);
  const where = kind === 'speech' ? ['Speech', publisher, date] : kind === 'statement' ? ['Press release', publisher, date] : [publisher, date];
  return [author ? stop(author) : null, quoted(headline(c), '.'), stop(where.filter(Boolean).join(', ')), c.url ? stop(c.url) : null]
    .filter(Boolean)
    .join(' ');
}

/** Chicago 17 note (the footnote's text; the word processor numbers it). */
export function formatChicagoNote(c: Citation): string {
  const by = creators(c);
  const names = 'org' in by ? [by.org] : by.people.map((p) => `${p.given} ${p.family}`.trim());
  const author = names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')}${names.length > 2 ? ',' : ''} and ${names.at(-1)}`;
  const date = chicagoDate(c.date);
  const kind = sourceKind(c);
  const publisher = publisherOf(c);
  const title = quoted(headline(c), ',');
  const body =
    kind === 'article'
      ? `${author ? `${author}, ` : ''}${title} ${[publisher, date, c.url].filter(Boolean).join(', ')}`
      : `${author ? `${author}, ` : ''}${title.replace(/,”$/, '”')} (${kind === 'speech' ? 'speech' : 'press release'}, ${[publisher, date].filter(Boolean).join(', ')})${c.url ? `, ${c.url}` : ''}`;
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
