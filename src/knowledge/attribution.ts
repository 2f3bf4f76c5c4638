/**
 * Where quotation marks are. Curly marks say which way they face; a straight mark (") is read by
 * its shape: after a space and before a word it opens, after a word and before a space or
 * punctuation it closes. An opening mark met inside an open quotation means the first one was a
 * stray (a typo in the source): the quotation starts again there, rather than swallowing
 * narration up to the next mark.
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
      open = i + 1;
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
  return spans.filter((s) => s.end > s.start);
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
