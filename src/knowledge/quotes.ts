import { attributionAround, findQuoteSpans, introducesQuote, reportedSpeaker, type QuoteSpan } from './attribution.js';
import { ArticleSpeakers } from './speakers.js';
import { sentenceRanges, wordCount } from './text.js';
import type { Segment } from './types.js';

/**
 * Direct quotes, reported speech and narration, sentence by sentence, with speakers.
 * Works paragraph by paragraph in reading order, because "he" and "Stoltenberg" mean whoever the
 * article named last, and a quoted paragraph may be attributed by a "-Name" line that follows it.
 */

interface ParagraphInput { text: string; kind: 'body' | 'attribution' | 'break' }

interface Working {
  spans: Array<QuoteSpan & { full: boolean; speaker: string | null; quoteId: number }>;
  segments: Segment[];
  quoteOnly: boolean;
}

/** Segments every paragraph of one article; attribution lines get no segments. */
export function segmentArticle(paragraphs: ParagraphInput[], speakers = new ArticleSpeakers()): Segment[][] {
  const out: Working[] = [];
  let nextQuoteId = 1;
  let pendingQuoteOnly: number[] = [];
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    if (para.kind === 'break') {
      pendingQuoteOnly = [];
      out.push({ spans: [], segments: [], quoteOnly: false });
      continue;
    }
    if (para.kind === 'attribution') {
      const who = speakers.resolve(para.text);
      for (const q of pendingQuoteOnly) assignSpeaker(out[q]!, who, true);
      pendingQuoteOnly = [];
      out.push({ spans: [], segments: [], quoteOnly: false });
      continue;
    }
    const prev = out[out.length - 1];
    const continuing = prev?.spans.at(-1);
    const w = segmentParagraph(para.text, speakers, () => nextQuoteId++);
    const first = w.spans[0];
    if (first && first.startsParagraph && continuing && !continuing.closed && continuing.full) {
      // One quotation continued across paragraphs: same id, and the speaker carries over both ways.
      for (const seg of w.segments) if (seg.quoteId === first.quoteId) seg.quoteId = continuing.quoteId;
      first.quoteId = continuing.quoteId;
      first.speaker ??= continuing.speaker;
      if (first.speaker && !continuing.speaker) {
        continuing.speaker = first.speaker;
        syncSegments(prev!);
      }
    }
    syncSegments(w);
    if (w.quoteOnly) pendingQuoteOnly.push(out.length);
    else pendingQuoteOnly = [];
    out.push(w);
  }
  return out.map((w) => w.segments);
}

function assignSpeaker(w: Working, who: string | null, onlyMissing: boolean): void {
  if (!who) return;
  for (const span of w.spans) if (span.full && (!onlyMissing || !span.speaker)) span.speaker = who;
  syncSegments(w);
}

function syncSegments(w: Working): void {
  for (const seg of w.segments) {
    if (seg.kind !== 'quote' || seg.embedded) continue;
    const span = w.spans.find((s) => s.quoteId === seg.quoteId);
    if (span) seg.speaker = span.speaker;
  }
}

function letters(text: string): number {
  return (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
}

function segmentParagraph(text: string, speakers: ArticleSpeakers, newId: () => number): Working {
  const sentences = sentenceRanges(text);
  const spans = findQuoteSpans(text).map((span) => {
    const sentenceStart = sentences.find(([a, b]) => span.start - 1 >= a && span.start - 1 < b)?.[0] ?? 0;
    const lead = text.slice(sentenceStart, span.start - 1);
    const startsSentence = lead.trim() === '' || /^[\s\p{P}]*$/u.test(lead);
    const full = wordCount(text.slice(span.start, span.end)) >= 6 || startsSentence || introducesQuote(lead);
    return { ...span, full, speaker: null as string | null, quoteId: newId() };
  });
  // Attributions written around each full quote, in reading order so "he" means the last person named.
  const segments: Segment[] = [];
  for (const [a, b] of sentences) {
    const sentence = text.slice(a, b);
    const inSpans = spans.filter((s) => s.full && s.start < b && s.end > a);
    const inside = inSpans.reduce((n, s) => n + letters(text.slice(Math.max(a, s.start), Math.min(b, s.end))), 0);
    const total = letters(sentence);
    if (inSpans.length && inside * 2 >= total) {
      for (const span of inSpans) {
        if (!span.speaker) span.speaker = attributionAround(text, span, a, b, speakers);
        const start = trimStart(text, Math.max(a, span.start));
        const end = trimEnd(text, Math.min(b, span.end), start);
        if (end > start) segments.push({ kind: 'quote', speaker: span.speaker, start, end, quoteId: span.quoteId });
      }
    } else {
      const who = reportedSpeaker(sentence, speakers);
      segments.push({ kind: who ? 'reported' : 'narration', speaker: who, start: a, end: b });
      for (const span of inSpans) {
        // Quoted words inside someone's reported sentence are that person's words.
        span.speaker = who ?? attributionAround(text, span, a, b, speakers);
        const start = trimStart(text, span.start);
        const end = trimEnd(text, span.end, start);
        if (end > start) segments.push({ kind: 'quote', speaker: span.speaker, start, end, quoteId: span.quoteId, embedded: true });
      }
    }
  }
  // Two speakers' quotes never share a paragraph unattributed: a lone unattributed quote beside
  // quotes of exactly one named speaker is that speaker's ("“Nobody wants that,” X said. “But …”").
  const named = new Set(spans.filter((s) => s.full && s.speaker).map((s) => s.speaker));
  if (named.size === 1) {
    const who = [...named][0]!;
    for (const span of spans) if (span.full && !span.speaker) span.speaker = who;
    for (const seg of segments) if (seg.kind === 'quote' && !seg.speaker) seg.speaker = who;
  }
  const quoteOnly = spans.some((s) => s.full) && segments.every((s) => s.kind === 'quote' && !s.embedded)
    && spans.every((s) => s.full && !s.speaker);
  return { spans, segments, quoteOnly };
}

function trimStart(text: string, i: number): number {
  let s = i;
  while (s < text.length && /[\s\u201c\u201d"\u00ab\u00bb]/.test(text[s] ?? '')) s++;
  return s;
}

function trimEnd(text: string, i: number, floor: number): number {
  let e = i;
  while (e > floor && /[\s,;:\u201c\u201d"\u00ab\u00bb\u2013\u2014-]/.test(text[e - 1] ?? '')) e--;
  return e;
}

/** Sentence segments of text that is wholly one speaker's words (a transcript, a statement). */
export function speechSegments(text: string, speaker: string, quoteId: number): Segment[] {
  return sentenceRanges(text).map(([start, end]) => ({ kind: 'quote', speaker, start, end, quoteId }));
}
