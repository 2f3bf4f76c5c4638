import { findFirstFullDate, findImpossibleDate, parseGivenDate, type SourceDate } from './dates.js';
import { splitFrontMatter } from './frontmatter.js';
import { splitLongParagraph } from './long-paragraphs.js';
import { attributionLine } from './attribution.js';
import { segmentArticle, speechSegments } from './quotes.js';
import { ArticleSpeakers } from './speakers.js';
import { collapseSpaces } from './text.js';
import type { Article, Paragraph } from './types.js';

/**
 * Raw article text (as received from a news site, or Markdown) → Article. Everything is found in
 * the text itself; optional front matter overrides what was detected.
 */

const BOILERPLATE = new Set([
  'browse by',
  'print',
  'print friendly, pdf & email',
  'share',
  'share this',
  'share this article',
  'tweet',
  'advertisement',
  'related',
  'related articles',
  'read more',
  'click here',
  'email',
  'facebook',
  'twitter',
  'linkedin',
  'whatsapp',
  'subscribe',
  'comments',
  'leave a comment',
  'menu',
  'search',
  'home',
  'skip to content',
]);

type UnitKind = 'title' | 'heading' | 'caption' | 'byline' | 'attribution' | 'body';
interface Unit {
  text: string;
  kind: UnitKind;
  /** A Markdown heading (`## …`): a heading wherever it stands. */
  marked?: boolean;
}

export class ParseError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** Parses one text/Markdown article. Throws ParseError (with a line when known) for unusable input. */
export function parseArticle(raw: string, id: string, file: string): Article {
  if (raw.includes('\u0000')) throw new ParseError('binary file (contains NUL bytes), not text');
  const { fields, body } = (() => {
    try {
      return splitFrontMatter(raw);
    } catch (err) {
      throw new ParseError((err as Error).message, (err as { line?: number }).line);
    }
  })();
  const units = toUnits(body);
  if (!units.some((u) => u.kind === 'body')) throw new ParseError('no article text found');

  const given = stringField(fields.title);
  const title = given ?? detectTitle(units);
  const titled = given !== null || units.some((u) => u.kind === 'title');
  let photoCredit: string | null = null;
  let author: string | null = null;
  let publisher: string | null = null;
  for (const u of units) {
    if (u.kind === 'caption' && !photoCredit) {
      const credit = /^\(?\s*(?:photo\s*)?credit\s*:\s*([^)]+?)\s*\)\s*/i.exec(u.text);
      if (credit) {
        photoCredit = credit[1] ?? null;
        u.text = u.text.slice(credit[0].length);
      }
    }
    if (u.kind === 'byline' && !author) ({ author, publisher } = parseByline(u.text));
  }
  const date = chooseDate(fields, units);
  const paragraphs = buildParagraphs(units, stringField(fields.speaker));
  return {
    id: stringField(fields.id) ?? id,
    file,
    title,
    titled,
    date: date.iso,
    datePrecision: date.precision,
    publisher: stringField(fields.publisher) ?? publisher,
    author: stringField(fields.author) ?? author,
    url: stringField(fields.url),
    photoCredit,
    paragraphs: paragraphs.paragraphs,
    roles: paragraphs.roles,
  };
}

function stringField(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  const s = collapseSpaces(String(v));
  return s ? s : null;
}

function chooseDate(fields: Record<string, unknown>, units: Unit[]): SourceDate {
  if (fields.date !== undefined) {
    const given = parseGivenDate(fields.date, fields.date_precision);
    if ('error' in given) throw new ParseError(`front matter: ${given.error}`);
    return given;
  }
  // The publication date is the first full date in the caption/byline/dateline zone, else anywhere.
  const header = units.slice(0, Math.max(1, units.findIndex((u) => u.kind === 'body') + 1));
  for (const zone of [header, units.filter((u) => u.kind === 'caption'), units]) {
    const found = findFirstFullDate(zone.map((u) => u.text).join('\n'));
    if (found) return found.date;
  }
  const impossible = findImpossibleDate(units.map((u) => u.text).join('\n'));
  if (impossible) throw new ParseError(`impossible date "${impossible}" (no such day): correct it, or add front matter "date: YYYY-MM-DD"`);
  throw new ParseError('no date found: add front matter "date: YYYY-MM-DD" (or "YYYY" when only the year is known)');
}

const isBoilerplate = (line: string) =>
  BOILERPLATE.has(
    line
      .toLowerCase()
      .replace(/[:|]+$/, '')
      .trim(),
  );

function headingLike(text: string): boolean {
  if (text.length > 200) return false;
  const words = text.split(/\s+/).length;
  // ("“It took me a while to realize what I was holding.” – Missy Franklin": a quotation signed
  // with a dash is a pull-quote of the story, not a heading.)
  if (/^["\u201c].*["\u201d]\s*[-\u2013\u2014]\s*\p{Lu}/u.test(text)) return false;
  // ("“Lest we forget, …,” said Chamisa": a quotation closed by a comma or a stop inside its mark,
  // then words, is a sentence whose full stop was left out, not a heading.)
  if (/[,.!?]["\u201d\u2019]\s+\p{L}/u.test(text)) return false;
  return words >= 2 && words <= 30 && !/[.!?:;,\u2026]["\u201d\u2019\u00bb')\]]*$/.test(text);
}

/** Lines → units. Hard-wrapped files (Markdown) are joined per blank-line block; others keep one unit per line. */
function toUnits(body: string): Unit[] {
  const normalised = body.replace(/\r\n?/g, '\n');
  const lines = normalised.split('\n');
  const blocks = normalised
    .split(/\n\s*\n/)
    .map((b) =>
      b
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .filter((b) => b.length);
  const wrapped = blocks.filter((b) => b.length > 1 && b.slice(0, -1).every((l) => l.length >= 30 && l.length <= 100 && !/^[-*#>]/.test(l))).length;
  const texts = wrapped > blocks.length / 3 ? blocks.flatMap((b) => joinWrapped(b)) : lines.map((l) => l.trim()).filter(Boolean);
  const units: Unit[] = [];
  let seenBody = false;
  for (const raw of texts) {
    const markdownHeading = /^#{1,6}\s/.test(raw.trim());
    const text = collapseSpaces(raw.trim().replace(/^#{1,6}\s+/, ''));
    if (!text || isBoilerplate(text)) continue;
    const prevKind = units[units.length - 1]?.kind;
    let kind: UnitKind;
    if (/^\(?\s*(?:photo\s*)?credit\s*:/i.test(text) || /^(?:photo|image|caption)\s*:/i.test(text)) kind = 'caption';
    else if (/^by\s+\S/i.test(text) && text.length <= 120 && !seenBody) kind = 'byline';
    else if (attributionLine(text) !== null) kind = 'attribution';
    // A second headline-like line in a row is a photo caption or deck, not a new section.
    else if (markdownHeading || headingLike(text)) kind = prevKind === 'heading' && !markdownHeading ? 'caption' : 'heading';
    else kind = 'body';
    if (kind === 'body') seenBody = true;
    try {
      for (const part of splitLongParagraph(text)) units.push({ text: part, kind, ...(markdownHeading ? { marked: true } : {}) });
    } catch (err) {
      throw new ParseError((err as Error).message);
    }
  }
  // A heading heads what follows it: a last line after the body that only looks like one (no full
  // stop: “…,” he wrote) is the body's last paragraph, and its words are quoted like any other.
  const last = units[units.length - 1];
  if (last?.kind === 'heading' && !last.marked && seenBody) last.kind = 'body';
  return units;
}

/** Joins a wrapped block, keeping Markdown headings and list items as their own units. */
function joinWrapped(block: string[]): string[] {
  const out: string[] = [];
  for (const line of block) {
    if (/^(#{1,6}\s|[-*]\s|\d+\.\s|>)/.test(line) || out.length === 0) out.push(line);
    else out[out.length - 1] += ` ${line}`;
  }
  return out;
}

function detectTitle(units: Unit[]): string {
  const first = units[0];
  if (first?.kind === 'heading') {
    first.kind = 'title';
    // A headline directly under the title is a deck or caption, not a section heading.
    if (units[1]?.kind === 'caption' && headingLike(units[1].text)) units[1].kind = 'heading';
    return first.text;
  }
  // No headline at the top: no title. A later section's heading names its own story, not the file.
  return '';
}

/** "By Gary Raynaldo DIPLOMATIC TIMES", "By Jane Doe, Reuters" → author and publisher. */
function parseByline(text: string): { author: string | null; publisher: string | null } {
  const rest = text.replace(/^by\s+/i, '').trim();
  const split = /^(.+?)\s*(?:,|\||\u2013|\u2014|\s-\s)\s*(.+)$/.exec(rest);
  if (split) return { author: split[1] ?? null, publisher: split[2] ?? null };
  const tokens = rest.split(/\s+/);
  const k = tokens.findIndex((t, i) => i > 0 && /^\p{Lu}{2,}$/u.test(t.replace(/[^\p{L}]/gu, '')));
  if (k > 0) return { author: tokens.slice(0, k).join(' '), publisher: tokens.slice(k).join(' ') };
  return { author: rest || null, publisher: null };
}

function buildParagraphs(units: Unit[], wholeTextSpeaker: string | null): { paragraphs: Paragraph[]; roles: Article['roles'] } {
  const content = units.filter((u) => u.kind !== 'byline');
  const speakers = new ArticleSpeakers();
  const segmented = wholeTextSpeaker
    ? content.map((u, i) => speechSegments(u.text, wholeTextSpeaker, i + 1))
    : segmentArticle(
        content.map((u) => ({
          text: u.text,
          kind: u.kind === 'attribution' ? 'attribution' : u.kind === 'title' || u.kind === 'heading' ? 'break' : 'body',
        })),
        speakers,
      );
  const paragraphs: Paragraph[] = [];
  let section: string | null = null;
  content.forEach((u, i) => {
    if (u.kind === 'heading') section = u.text;
    if (u.kind === 'body' || u.kind === 'caption')
      paragraphs.push({ text: u.text, section, segments: segmented[i] ?? [], ...(u.kind === 'caption' ? { caption: true } : {}) });
  });
  return { paragraphs, roles: speakers.learnedRoles() };
}
