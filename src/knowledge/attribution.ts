/**
 * Where quotation marks are. Curly marks say which way they face; a straight mark (") is read by
 * its shape: after a space and before a word it opens, after a word and before a space or
 * punctuation it closes. An opening mark met inside an open quotation means the first one was a
 * stray (a typo in the source): the quotation starts again there, rather than swallowing
 * narration up to the next mark.
 *
 * Single marks (British style: ‘…’ or '…') are quotation marks only outside double-mark
 * quotations (inside one they are a quotation quoted, part of its speaker's words) and only as a
 * pair closed in the same paragraph: ‘ or ' after a space (or the paragraph's start) and before a
 * letter opens; ’ or ' after a non-space and before a space, punctuation or the end closes. A mark
 * between two letters is an apostrophe (Costa's, don’t), ' before a digit an elision ('90s), and
 * s’ before a lower-case word a plural possessive (the players’ union).
 */

const OPENERS = new Set(['\u201c', '\u00ab', '\u201e']);
const CLOSERS = new Set(['\u201d', '\u00bb']);

export interface QuoteSpan {
  /** Offsets of the words inside the marks. */
  start: number;
  end: number;
  /** True when the closing mark was found in this paragraph. */
  closed: boolean;
  startsParagraph: boolean;
  /** The paragraph opens inside a quotation begun in the paragraph before (no mark of its own). */
  continued?: boolean;
}

type Shape = 'open' | 'close' | 'either';

function straightShape(text: string, i: number): Shape {
  const prev = text[i - 1] ?? ' ';
  const next = text[i + 1] ?? ' ';
  const prevSpace = /[\s([{\u2014\u2013\-/]/.test(prev) || i === 0;
  const nextSpace = /[\s.,;:!?)\]}\u2014\u2013]/.test(next) || i === text.length - 1;
  if (prevSpace && !nextSpace) return 'open';
  if (!prevSpace && nextSpace) return 'close';
  return 'either';
}

/**
 * Quotation-mark spans in one paragraph; an unclosed span runs to the end of the paragraph.
 * `inside`: the paragraph continues a quotation left open by the paragraph before it.
 */
export function findQuoteSpans(text: string, inside = false): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = inside ? 0 : -1;
  let continued = inside;
  const begin = (at: number) => text.slice(0, at).trim() === '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    const straight = ch === '"';
    if (!straight && !OPENERS.has(ch) && !CLOSERS.has(ch)) continue;
    const shape: Shape = straight ? straightShape(text, i) : OPENERS.has(ch) ? 'open' : 'close';
    if (open < 0) {
      if (shape !== 'close') open = i + 1;
    } else if (shape === 'open' && !continued) {
      const inner = nestedClose(text, open, i);
      if (inner > 0) i = inner;
      else open = i + 1;
    } else {
      spans.push({ start: open, end: i, closed: true, startsParagraph: continued || begin(open - 1), ...(continued ? { continued } : {}) });
      open = -1;
      continued = false;
    }
  }
  if (open >= 0)
    spans.push({
      start: open,
      end: text.trimEnd().length,
      closed: false,
      startsParagraph: continued || begin(open - 1),
      ...(continued ? { continued } : {}),
    });
  const doubles = spans.filter((s) => s.end > s.start);
  const singles = singleSpans(text, doubles);
  return singles.length ? [...doubles, ...singles].sort((x, y) => x.start - y.start) : doubles;
}

/**
 * "… to take up the “uncommon” responsibilities of your office.": a few words quoted inside an open
 * quotation with the same marks, mid-sentence (after a lower-case word, the sentence going on in
 * lower case after them), are a quotation quoted, not a stray mark that restarts the quotation.
 * The index of their closing mark, or -1.
 */
function nestedClose(text: string, outer: number, at: number): number {
  // Only inside a quotation that opened as one (at a sentence's or paragraph's start, or after a
  // comma or colon: `read, “Please accept …`), not after a stray mark (`also known as "Wild 2)`).
  if (!/(?:^|[,:.!?]["\u201d]?)\s*$/.test(text.slice(Math.max(0, outer - 4), outer - 1))) return -1;
  if (!/\p{Ll}\s+$/u.test(text.slice(Math.max(0, at - 20), at))) return -1;
  const m = /^([^"\u201c\u201d]{1,40}?)["\u201d](?=[\s,;]*\p{Ll})/u.exec(text.slice(at + 1, at + 60));
  if (!m || m[1]!.trim().split(/\s+/).length > 4) return -1;
  return at + 1 + m[1]!.length;
}

const SINGLE_OPEN = new Set(['\u2018', "'"]);
const SINGLE_CLOSE = new Set(['\u2019', "'"]);

/** Single-mark quotations closed in this paragraph, outside the double-mark ones. */
function singleSpans(text: string, doubles: QuoteSpan[]): QuoteSpan[] {
  if (!/[\u2018']/.test(text)) return [];
  const out: QuoteSpan[] = [];
  const inDouble = (i: number) => doubles.some((d) => i >= d.start - 1 && i <= d.end);
  const before = (i: number) => i === 0 || /[\s([{\u2014\u2013\-/:]/.test(text[i - 1] ?? ' ');
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (!SINGLE_OPEN.has(ch) || inDouble(i) || !before(i)) continue;
    const next = text[i + 1] ?? ' ';
    if (!/\p{L}/u.test(next) && !(ch === '\u2018' && /[\p{N}]/u.test(next))) continue;
    let close = -1;
    for (let j = i + 2; j < text.length; j++) {
      const c = text[j] ?? '';
      if (inDouble(j)) break;
      if (c === '\u2018' || (c === "'" && before(j))) {
        // "‘When I say ‘Who are we?’ you will all say champions,’ Shikhar …": a few words quoted
        // inside, mid-sentence, are a quotation quoted, not the start of another.
        const inner = nestedSingleClose(text, j);
        if (inner < 0) break;
        j = inner;
        continue;
      }
      if (!SINGLE_CLOSE.has(c) || /\s/.test(text[j - 1] ?? ' ')) continue;
      const after = text.slice(j + 1);
      if (/^\p{L}/u.test(after)) continue; // an apostrophe: Costa's, don’t
      if (/[sS]$/.test(text[j - 1] ?? '') && /^\s+\p{Ll}/u.test(after) && !/^\s+(?:said|says|told|added|asked|wrote)\b/.test(after)) continue; // the players’ union
      if (!/^(?:$|[\s.,;:!?)\]}\u2014\u2013-])/u.test(after)) continue;
      close = j;
      break;
    }
    if (close < 0) {
      // British style over several paragraphs: ‘ opens a sentence and the paragraph ends inside the
      // quotation; the next paragraph opens with ‘ again, or closes it. Only in a paragraph with no
      // double marks, for a capitalised sentence of four words or more.
      // (Or follows a comma after a verb: "Tim Littlewood says, ‘Species discovery is …".)
      const opensSentence = text.slice(0, i).trim() === '' || /(?:[.!?:]|\p{Ll},)\s+$/u.test(text.slice(0, i));
      const rest = text.slice(i + 1).trimEnd();
      if (opensSentence && !doubles.length && /^\p{Lu}/u.test(rest) && rest.split(/\s+/).length >= 4) {
        out.push({ start: i + 1, end: i + 1 + rest.length, closed: false, startsParagraph: text.slice(0, i).trim() === '' });
        break;
      }
      continue;
    }
    out.push({ start: i + 1, end: close, closed: true, startsParagraph: text.slice(0, i).trim() === '' });
    i = close;
  }
  return out;
}

/** The closing mark of a few words in single marks opened at `at` after a lower-case word, the sentence going on in lower case after them; or -1 (see nestedClose). */
function nestedSingleClose(text: string, at: number): number {
  if (!/\p{Ll}[,:]?\s+$/u.test(text.slice(Math.max(0, at - 20), at))) return -1;
  const m = /^([^\u2018\u2019'"\u201c\u201d]{1,40}?)[\u2019'](?=[\s,;]*\p{Ll})/u.exec(text.slice(at + 1, at + 60));
  if (!m || m[1]!.trim().split(/\s+/).length > 4) return -1;
  return at + 1 + m[1]!.length;
}

/**
 * Does this paragraph carry on a quotation left open by the one before, without a mark of its
 * own (one mark style: the quotation closes somewhere here and no mark opens it)?
 */
export function continuesQuote(text: string): boolean {
  const t = text.trimStart();
  if (/^["\u201c\u00ab\u201e]/.test(t)) return false;
  const at = t.search(/["\u201c\u201d\u00ab\u00bb]/);
  if (at < 0) return false;
  const ch = t[at]!;
  if (ch !== '"') return CLOSERS.has(ch);
  const shape = straightShape(t, at);
  return shape === 'close' || (shape === 'either' && (t.match(/"/g) ?? []).length % 2 === 1);
}

/** A line that attributes the quotes above it: "-NATO Secretary General Jens Stoltenberg". */
export function attributionLine(line: string): string | null {
  const m = /^\s*[-\u2013\u2014\u2012]+\s*([^-\u2013\u2014].{1,120})$/.exec(line);
  return m && !/[.!?]\s+\S/.test(m[1] ?? '') ? (m[1] ?? '').replace(/[\s.]+$/, '') : null;
}
