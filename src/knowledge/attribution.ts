import type { ArticleSpeakers } from './speakers.js';

/**
 * Where quotation marks are, and who a sentence or a quotation is attributed to: the patterns of
 * news writing ("…,” said X.", "X said that …", "…, X said on Monday.", "X said: “…").
 */

const VERBS = [
  'said', 'says', 'stressed', 'underlined', 'noted', 'added', 'warned', 'told', 'stated', 'explained',
  'argued', 'insisted', 'emphasised', 'emphasized', 'urged', 'announced', 'declared', 'confirmed',
  'acknowledged', 'admitted', 'claimed', 'suggested', 'pointed out', 'reiterated', 'highlighted',
  'remarked', 'commented', 'asserted', 'maintained', 'recalled', 'observed', 'replied', 'responded',
  'wrote', 'tweeted', 'continued', 'concluded', 'underscored', 'cautioned', 'affirmed', 'asked',
].join('|');
const NP = `[^,;:\u201c\u201d"()]{1,80}?`;
/** `X said that …` at the start of a sentence, after an optional introductory clause. */
const LEAD = new RegExp(`^(?:[^,\u201c\u201d"]{0,40},\\s+)?(${NP})\\s+(?:also\\s+|further\\s+|again\\s+|later\\s+)?(?:${VERBS})\\b`, 'i');
/** `…, X said on Monday.` at the end of a sentence. */
const TAIL = new RegExp(`,\\s*(${NP})\\s+(?:${VERBS})\\b[^\u201c\u201d"]{0,40}$`, 'i');
/** After a closing quote: `,” said X.` or `,” X said …`. */
const AFTER_SAID_X = new RegExp(`^[\\s,]*(?:${VERBS})\\s+(${NP})\\s*(?:[.,;]|$)`, 'i');
const AFTER_X_SAID = new RegExp(`^[\\s,]*(${NP})\\s+(?:${VERBS})\\b`, 'i');
/** Before an opening quote: `X said: “…` */
const BEFORE = new RegExp(`(?:^|[.!?]\\s+)(${NP})\\s+(?:${VERBS})(?:\\s+that)?\\s*[,:]?\\s*$`, 'i');

const OPENERS = new Set(['\u201c', '\u00ab', '\u201e']);
const CLOSERS = new Set(['\u201d', '\u00bb']);

export interface QuoteSpan {
  /** Offsets of the words inside the marks. */
  start: number;
  end: number;
  /** True when the closing mark was found in this paragraph. */
  closed: boolean;
  startsParagraph: boolean;
}

/** Quotation-mark spans in one paragraph; an unclosed span runs to the end of the paragraph. */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (open < 0 && (OPENERS.has(ch) || ch === '"')) open = i + 1;
    else if (open >= 0 && (CLOSERS.has(ch) || ch === '"')) {
      spans.push({ start: open, end: i, closed: true, startsParagraph: text.slice(0, open - 1).trim() === '' });
      open = -1;
    }
  }
  if (open >= 0) spans.push({ start: open, end: text.trimEnd().length, closed: false, startsParagraph: text.slice(0, open - 1).trim() === '' });
  return spans;
}

/** A line that attributes the quotes above it: "-NATO Secretary General Jens Stoltenberg". */
export function attributionLine(line: string): string | null {
  const m = /^\s*[-\u2013\u2014\u2012]+\s*([^-\u2013\u2014].{1,120})$/.exec(line);
  return m && !/[.!?]\s+\S/.test(m[1] ?? '') ? (m[1] ?? '').replace(/[\s.]+$/, '') : null;
}

/** `break` (a heading) ends any run of quoted paragraphs waiting for a "-Name" line. */
export function attributionAround(text: string, span: QuoteSpan, a: number, b: number, speakers: ArticleSpeakers): string | null {
  const after = text.slice(Math.min(b, span.end + 1), b);
  const m = AFTER_SAID_X.exec(after) ?? AFTER_X_SAID.exec(after);
  if (m) {
    const who = speakers.resolve(m[1] ?? '');
    if (who) return who;
  }
  const before = BEFORE.exec(text.slice(a, Math.max(a, span.start - 1)));
  return before ? speakers.resolve(before[1] ?? '') : null;
}

export function reportedSpeaker(sentence: string, speakers: ArticleSpeakers): string | null {
  const lead = LEAD.exec(sentence);
  if (lead) {
    const who = speakers.resolve(lead[1] ?? '');
    if (who) return who;
  }
  const tail = TAIL.exec(sentence.replace(/[.!?\s]+$/, ''));
  return tail ? speakers.resolve(tail[1] ?? '') : null;
}

/** True when the words before a quotation introduce it ("X said:", "Stoltenberg stressed that"). */
export function introducesQuote(lead: string): boolean {
  return BEFORE.test(lead);
}
