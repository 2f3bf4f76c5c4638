/** The verbatim excerpt of chosen segments: slices of the source text, every cut marked " … ". */
import type { Paragraph, Segment } from '../knowledge/types.js';
import { MAX_EXCERPT } from './tuning.js';

/**
 * The excerpt of consecutive-or-not segments of one paragraph: contiguous segments are one slice
 * of the source (so the words and punctuation between them stay verbatim), gaps become " … ",
 * and a cut at either end of a quotation is marked too.
 */
export function excerptOf(paragraph: Paragraph, chosen: Segment[], all: Segment[] = paragraph.segments): string {
  const sorted = boundedSegments(
    [...chosen].sort((a, b) => a.start - b.start),
    paragraph.text,
  );
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
  const cutInside = (last as Segment & { cut?: boolean }).cut === true;
  return `${cutBefore ? '… ' : ''}${pieces.join(' … ')}${cutAfter || cutInside ? ' …' : ''}`;
}

/**
 * The chosen sentences up to MAX_EXCERPT characters: whole sentences while they fit (the first
 * always); a first sentence longer than that alone (a file with no sentence ends) is cut at the
 * last clause or word end within the limit, and the cut marked " …" like any other.
 */
function boundedSegments(sorted: Segment[], text: string): Segment[] {
  const first = sorted[0]!;
  if (first.end - first.start > MAX_EXCERPT) {
    const window = text.slice(first.start, first.start + MAX_EXCERPT);
    const clause = Math.max(...['. ', '! ', '? ', '; ', ', '].map((p) => window.lastIndexOf(p) + 1));
    const word = window.search(/\s\S*$/);
    const end = clause > MAX_EXCERPT / 2 ? clause : word > 0 ? word : MAX_EXCERPT;
    return [{ ...first, end: first.start + window.slice(0, end).trimEnd().length, cut: true } as Segment];
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
