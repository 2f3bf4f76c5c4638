/** The verbatim excerpt of chosen segments: slices of the source text, every cut marked " … ". */
import type { Paragraph, Segment } from '../knowledge/types.js';
import { MAX_EXCERPT } from './tuning.js';

/**
 * The excerpt of consecutive-or-not segments of one paragraph: contiguous segments are one slice
 * of the source (so the words and punctuation between them stay verbatim), gaps become " … ",
 * and a cut at either end of a quotation is marked too.
 */
export function excerptOf(paragraph: Paragraph, chosen: Segment[], all: Segment[] = paragraph.segments, focus?: Focus): string {
  const sorted = boundedOf(paragraph, chosen, focus);
  const pieces: string[] = [];
  let runStart = sorted[0]!.start;
  let runEnd = sorted[0]!.end;
  for (let i = 1; i < sorted.length; i++) {
    const s = sorted[i]!;
    const between = all.filter((x) => x.start >= runEnd && x.end <= s.start && x.kind !== 'attribution' && !x.embedded);
    if (between.length === 0 && s.start - runEnd <= 3) runEnd = Math.max(runEnd, s.end);
    else {
      pieces.push(paragraph.text.slice(runStart, runEnd));
      runStart = s.start;
      runEnd = s.end;
    }
  }
  pieces.push(paragraph.text.slice(runStart, runEnd));
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const sameQuote = (x: Segment) => first.kind === 'quote' && x.kind === 'quote' && x.quoteId === first.quoteId && !x.embedded;
  const cutBefore = first.kind === 'quote' && !first.embedded && all.some((x) => sameQuote(x) && x.start < first.start);
  const cutAfter = last.kind === 'quote' && !last.embedded && all.some((x) => sameQuote(x) && x.start > last.start);
  const cutInside = (last as Bounded).cut === true;
  const cutAhead = (first as Bounded).cutAhead === true;
  return `${cutBefore || cutAhead ? '… ' : ''}${pieces.join(' … ')}${cutAfter || cutInside ? ' …' : ''}`;
}

/** Where excerptOf's excerpt of the same segments lies in its paragraph: its first character to its last. */
export function excerptSpan(paragraph: Paragraph, chosen: Segment[], focus?: Focus): [number, number] {
  const sorted = boundedOf(paragraph, chosen, focus);
  return [sorted[0]!.start, Math.max(...sorted.map((s) => s.end))];
}

/** The chosen segments in reading order, bounded to an excerpt's length (see boundedSegments). */
function boundedOf(paragraph: Paragraph, chosen: Segment[], focus?: Focus): Segment[] {
  return boundedSegments(
    [...chosen].sort((a, b) => a.start - b.start),
    paragraph.text,
    focus,
  );
}

/** Where in the paragraph the words asked about are (character offsets): a long sentence is cut around them. */
export interface Focus {
  start: number;
  end: number;
  /** The excerpt is this very range of the sentence (a citation rebuilt from its Cite button). */
  exact?: boolean;
}

/** A sentence cut to fit: `cut` after the excerpt's end, `cutAhead` before its start. */
type Bounded = Segment & { cut?: boolean; cutAhead?: boolean };

/** Words of context kept before the words asked about when a long sentence is cut around them. */
const CONTEXT_BEFORE = 200;

/**
 * The chosen sentences up to MAX_EXCERPT characters: whole sentences while they fit (the first
 * always); a first sentence longer than that alone (a file with no sentence ends, a proclamation
 * of one sentence) is cut at the last clause or word end within the limit, and the cut marked
 * " …" like any other. When the words asked about (`focus`) lie beyond that, the cut starts a
 * little before them, at a word, so the excerpt shows them.
 */
function boundedSegments(sorted: Segment[], text: string, focus?: Focus): Segment[] {
  const first = sorted[0]!;
  if (first.end - first.start > MAX_EXCERPT && focus?.exact) {
    const bounded: Bounded = { ...first, start: Math.max(first.start, focus.start), end: Math.min(first.end, focus.end) };
    if (bounded.end < first.end) bounded.cut = true;
    if (bounded.start > first.start) bounded.cutAhead = true;
    return [bounded];
  }
  if (first.end - first.start > MAX_EXCERPT) {
    const late = focus && focus.start >= first.start && focus.end <= first.end && focus.end > first.start + MAX_EXCERPT;
    // At the first word start after the context's start; text without spaces is cut where it is.
    const near = late ? Math.max(first.start, focus.start - CONTEXT_BEFORE) : first.start;
    const space = text.indexOf(' ', near);
    const from = late && space !== -1 && space < focus.start ? space + 1 : near;
    const window = text.slice(from, Math.min(first.end, from + MAX_EXCERPT));
    const clause = Math.max(...['. ', '! ', '? ', '; ', ', '].map((p) => window.lastIndexOf(p) + 1));
    const word = window.search(/\s\S*$/);
    const fit = from + MAX_EXCERPT >= first.end ? window.length : clause > MAX_EXCERPT / 2 ? clause : word > 0 ? word : MAX_EXCERPT;
    // Never cut inside the words asked about.
    const end = late ? Math.max(fit, Math.min(window.length, focus.end - from)) : fit;
    const bounded: Bounded = { ...first, start: from, end: from + window.slice(0, end).trimEnd().length };
    if (bounded.end < first.end) bounded.cut = true;
    if (late) bounded.cutAhead = true;
    return [bounded];
  }
  const kept = [first];
  let length = first.end - first.start;
  for (const seg of sorted.slice(1)) {
    length += seg.end - seg.start + 3;
    if (length > MAX_EXCERPT) break;
    kept.push(seg);
  }
  return kept;
}
