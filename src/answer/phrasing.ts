import type { Segment } from '../knowledge/types.js';
import type { QueryPlan } from '../search/index.js';
import type { KnowledgeBase } from '../search/kb.js';
import { matchPhrase, readPhrase, type Phrase } from '../search/phrase.js';
import { terms } from '../search/terms.js';
import type { Period } from './period.js';
import type { Pick } from './pick.js';
import { PHRASE_SENTENCES as MAX_SENTENCES, PHRASE_CHUNK as CHUNK } from './tuning.js';

/** Topics as phrases in answers: reading them, rating excerpts by them, and saying when the exact words are absent. */

/** The topic as a phrase, with the words the plan corrected read as corrected. */
export function phraseOf(kb: KnowledgeBase, topic: string, plan: QueryPlan): Phrase | null {
  if (kb.phraseRanking === false) return null;
  return readPhrase(topic, new Map(plan.corrected.map((c) => [c.typed, c.as])));
}

/**
 * Says when the exact words typed are not what the best excerpts hold (a misquote, or loose
 * words); with a date filter, only of the sources in its period (they may be in others).
 */
export function phraseNote(phrase: Phrase | null, picks: Pick[], period?: Period | null): string | undefined {
  if (!phrase || phrase.words.length < 3 || !picks.length || picks[0]!.tier === 3) return undefined;
  return `These exact words are not in these sources${period ? ` (${period.label})` : ''}; the closest passages follow.`;
}

/**
 * Rates a pick by the phrase over all its quotation's sentences in the passage; when the phrase is
 * there, the excerpt becomes the sentences that hold it (so the words asked about are shown).
 */
export function placePhrase(kb: KnowledgeBase, pick: Pick, all: Segment[], phrase: Phrase): void {
  const paragraph = kb.articles[pick.articleIndex]!.paragraphs[pick.paragraphIndex]!;
  const sorted = [...all].sort((a, b) => a.start - b.start);
  // Runs of adjacent sentences, each read once: a quotation's sentences found in passages far apart
  // in a long paragraph (transcripts have 100k-character paragraphs) are not read with the text between.
  let best: { m: ReturnType<typeof matchPhrase>; from: number; segs: Segment[] } | null = null;
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.start - sorted[j - 1]!.end <= 3 && sorted[j]!.end - sorted[i]!.start <= CHUNK) j++;
    const segs = sorted.slice(i, j);
    const from = segs[0]!.start;
    const m = matchPhrase(paragraph.text.slice(from, Math.max(...segs.map((x) => x.end))), phrase);
    if (!best || m.tier > best.m.tier || (m.tier === best.m.tier && m.run > best.m.run)) best = { m, from, segs };
    // The exact words are the best any later run could hold, and a tie keeps the first.
    if (m.tier === 3) break;
    i = j;
  }
  if (!best) return;
  const { m, from, segs } = best;
  pick.tier = m.tier;
  pick.run = m.run;
  if (m.tier >= 2) {
    pick.focus = { start: from + m.start, end: from + m.end };
    const holding = segs.filter((s) => s.end > from + m.start && s.start < from + m.end);
    if (holding.length) setSegments(pick, holding.slice(0, MAX_SENTENCES + 1));
  } else if (m.tier === 1 && segs.length > 1) {
    const run = bestRunSentences(paragraph.text, segs, phrase);
    if (run) setSegments(pick, [run]);
  } else if (m.tier === 1) setSegments(pick, segs);
}

/**
 * The index terms of an excerpt's sentences, for spotting copies of it on a page: those computed
 * while scoring the sentences (`scored`, a passage's few), the rest read now.
 */
export function excerptTerms(text: string, segments: Segment[], scored: ReadonlyArray<{ seg: Segment; terms: string[] }>): string[] {
  return segments.flatMap((s) => scored.find((x) => x.seg === s)?.terms ?? terms(text.slice(s.start, s.end)));
}

/** New excerpt sentences: the terms computed for the old ones no longer describe it. */
function setSegments(pick: Pick, segments: Segment[]): void {
  if (segments.length === pick.segments.length && segments.every((s, i) => s === pick.segments[i])) return;
  pick.segments = segments;
  delete pick.terms;
}

/** For a partial match (a misquote), the sentence sharing the longest run of the phrase's words. */
function bestRunSentences(text: string, segs: Segment[], phrase: Phrase): Segment | null {
  let best: Segment | null = null;
  let run = 2;
  for (const s of segs) {
    const m = matchPhrase(text.slice(s.start, s.end), phrase);
    if (m.run > run) [best, run] = [s, m.run];
  }
  return best;
}
