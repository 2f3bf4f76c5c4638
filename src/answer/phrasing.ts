import type { Segment } from '../knowledge/types.js';
import type { QueryPlan } from '../search/index.js';
import type { KnowledgeBase } from '../search/kb.js';
import { matchPhrase, readPhrase, type Phrase } from '../search/phrase.js';
import type { Pick } from './cite.js';

/** Topics as phrases in answers: reading them, rating excerpts by them, and saying when the exact words are absent. */

/** Passages holding the exact words read per answer: more than any page shows, few enough to stay fast. */
export const PHRASE_LIMIT = 200;
const MAX_SENTENCES = 3;

/** The topic as a phrase, with the words the plan corrected read as corrected. */
export function phraseOf(topic: string, plan: QueryPlan): Phrase | null {
  return readPhrase(topic, new Map(plan.corrected.map((c) => [c.typed, c.as])));
}

/** Says when the exact words typed are not what the best excerpts hold (a misquote, or loose words). */
export function phraseNote(phrase: Phrase | null, picks: Pick[]): string | undefined {
  if (!phrase || phrase.words.length < 3 || (picks[0]?.tier ?? 0) === 3) return undefined;
  return 'These exact words are not in these sources; the closest passages follow.';
}

/**
 * Rates a pick by the phrase over all its quotation's sentences in the passage; when the phrase is
 * there, the excerpt becomes the sentences that hold it (so the words asked about are shown).
 */
export function placePhrase(kb: KnowledgeBase, pick: Pick, all: Segment[], phrase: Phrase): void {
  const paragraph = kb.articles[pick.articleIndex]!.paragraphs[pick.paragraphIndex]!;
  const sorted = [...all].sort((a, b) => a.start - b.start);
  const from = sorted[0]!.start;
  const to = Math.max(...sorted.map((s) => s.end));
  const m = matchPhrase(paragraph.text.slice(from, to), phrase);
  pick.tier = m.tier;
  pick.run = m.run;
  if (m.tier >= 2) {
    const holding = sorted.filter((s) => s.end > from + m.start && s.start < from + m.end);
    if (holding.length) setSegments(pick, holding.slice(0, MAX_SENTENCES + 1));
  } else {
    const run = bestRunSentences(paragraph.text, sorted, phrase);
    if (run) setSegments(pick, [run]);
  }
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

