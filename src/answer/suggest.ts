import { nameKey } from '../knowledge/speakers.js';
import { fold, words } from '../knowledge/text.js';
import type { QueryPlan } from '../search/index.js';
import type { KnowledgeBase } from '../search/kb.js';
import { damerauLevenshtein, maxEdits } from '../search/spell.js';
import type { Speaker } from '../search/speakers.js';
import { isStopWord } from '../search/terms.js';
import { suggestTopicsFor } from './topic.js';
import { SUGGESTIONS as LIMIT } from './tuning.js';

/**
 * "Did you mean" after a miss: only what is close to what was typed and would itself give a
 * result, best first; nothing when nothing is close (a list of unrelated words is noise).
 */

/** Topics close to the typed words (a typo, or the start of a longer word) that the speaker (or any source) has, within the period. */
export function closeTopics(kb: KnowledgeBase, typed: string, speaker?: Speaker, accept?: (passage: number) => boolean): string[] {
  const scored: Array<{ topic: string; distance: number; rank: number }> = [];
  for (const word of new Set(words(typed))) {
    // A question's own small words ("there", "what") are not misspelt topics.
    if (word.length < 3 || isStopWord(word) || /^\d+$/.test(word)) continue;
    const budget = Math.max(1, maxEdits(word.length));
    suggestTopicsFor(kb, word, speaker, 40).forEach((topic, rank) => {
      const t = fold(topic);
      if (t === word) return;
      const distance = t.startsWith(word) && word.length >= 4 ? 0.5 : damerauLevenshtein(t, word, budget);
      if (distance <= budget) scored.push({ topic, distance, rank });
    });
  }
  const out: string[] = [];
  for (const { topic } of scored.sort((a, b) => a.distance - b.distance || a.rank - b.rank)) {
    if (out.length >= LIMIT) break;
    if (!out.some((o) => fold(o) === fold(topic)) && wouldAnswer(kb, topic, speaker, accept)) out.push(topic);
  }
  return out;
}

/** True when asking about `topic` (for the speaker, in the period) finds a passage. */
function wouldAnswer(kb: KnowledgeBase, topic: string, speaker?: Speaker, accept?: (passage: number) => boolean): boolean {
  const plan = kb.index.plan(topic);
  if (!plan.terms.length) return false;
  if (!speaker) return kb.index.search(plan.terms, 1, undefined, accept).length > 0;
  return [speaker.quotePassages, speaker.reportedPassages].some(
    (within) => within.length > 0 && kb.index.search(plan.terms, 1, within, accept).length > 0,
  );
}

/** Speakers whose name has a word close to a typed word (a typo, or its start: "boris" → Borissov); none when nothing is. */
export function closeSpeakers(typed: string, candidates: Speaker[]): string[] {
  const typedWords = nameKey(typed)
    .split(' ')
    .filter((w) => w.length >= 3);
  const close = (s: Speaker) =>
    s.key.split(' ').some((part) =>
      typedWords.some((w) => {
        if (part.length >= 4 && w.length >= 4 && (part.startsWith(w) || w.startsWith(part))) return true;
        const budget = Math.max(1, maxEdits(Math.max(w.length, part.length)));
        return damerauLevenshtein(part, w, budget) <= budget;
      }),
    );
  return candidates
    .filter(close)
    .slice(0, LIMIT)
    .map((s) => s.name);
}

/**
 * The years in which the speaker is quoted (or, without quotes, reported), on the topic when one
 * is given, newest first: what to offer when a period finds nothing.
 */
export function quotedYears(kb: KnowledgeBase, speaker: Speaker, plan?: QueryPlan): string[] {
  const within = speaker.quotePassages.length ? speaker.quotePassages : speaker.reportedPassages;
  const passages = plan ? kb.index.search(plan.terms, 1000, within).map((h) => h.passage) : within;
  const years = new Set<string>();
  for (const id of passages) years.add(kb.articles[kb.passages[id]!.article]!.date.slice(0, 4));
  return [...years].sort().reverse().slice(0, LIMIT);
}
