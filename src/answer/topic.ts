import { fold, wordSpans } from '../knowledge/text.js';
import { passageFilter, splitPeriod, type Period } from './period.js';
import { combinePeriod } from './bounds.js';
import type { Bounds } from './types.js';
import type { QueryPlan } from '../search/index.js';
import type { KnowledgeBase } from '../search/kb.js';
import { passageParts } from '../search/kb.js';
import { damerauLevenshtein, maxEdits } from '../search/spell.js';
import type { Speaker } from '../search/speakers.js';
import { isStopWord, stem } from '../search/terms.js';

/** Topics: reading what was typed, saying how it was read, and proposing topics that exist. */

/** A topic as the user meant it: without wrapping quotation marks or trailing question marks. */
export function cleanTopic(topic: string): string {
  return topic
    .trim()
    .replace(/^["'\u201c\u201d\u2018\u2019]+|["'\u201c\u201d\u2018\u2019?!.]+$/g, '')
    .trim();
}

/** A topic as typed, read once: its words, its date filter (if any) and how to show both. */
export interface Topic {
  text: string;
  period: Period | null;
  /** The date filter as a per-passage test, or undefined when there is none. */
  accept: ((passage: number) => boolean) | undefined;
  /** ` on “health care” (2009)`, or '' for no topic and no period. */
  about: string;
  /** `, searched for “health care” (2009)`: what was searched, never presented as anyone's words. */
  searched: string;
  /** Said when a date phrase could not be read: the filter is not silently dropped. */
  periodNote?: string;
}

/** With `bounds` (since/until options, already validated by the core), the typed period and the bounds both apply. */
export function readTopic(kb: KnowledgeBase, raw: string, bounds: Bounds = {}): Topic {
  const { rest, period: typed, unreadable } = splitPeriod(raw.trim());
  const combined = combinePeriod(typed, bounds.since, bounds.until);
  const period = 'error' in combined ? typed : combined.period;
  const text = cleanTopic(rest);
  const when = period ? ` (${period.label})` : '';
  return {
    text,
    period,
    accept: passageFilter(kb, period),
    about: `${text ? ` on “${text}”` : ''}${when}`,
    searched: text ? `, searched for “${text}”${when}` : when,
    ...(unreadable
      ? {
          periodNote: `Could not read “${unreadable}” as a date or period, so no date filter was applied (try “in March 2021”, “on 22 March 2021”, “2021-03-22”, “since 2010”).`,
        }
      : {}),
  };
}

export function planTopic(kb: KnowledgeBase, topic: string): QueryPlan {
  return kb.index.plan(topic);
}

/** "Read “chna” as “china”." so a corrected query is never silent. */
export function topicNote(plan: QueryPlan): string | undefined {
  const parts: string[] = [];
  if (plan.corrected.length) parts.push(`Read ${plan.corrected.map((c) => `“${c.typed}” as “${c.as}”`).join(', ')}.`);
  if (plan.unknown.length) parts.push(`Not found anywhere: ${plan.unknown.map((w) => `“${w}”`).join(', ')}.`);
  return parts.length ? parts.join(' ') : undefined;
}

const SAMPLE_PASSAGES = 150;
const cache = new WeakMap<KnowledgeBase, Map<string, string[]>>();

/**
 * Words and names that occur in a speaker's quotes (or anywhere), most characteristic first:
 * frequency there × rarity overall, so "China" beats "said". Cached per speaker.
 */
function topicsNear(kb: KnowledgeBase, speaker?: Speaker): string[] {
  let perKb = cache.get(kb);
  if (!perKb) {
    perKb = new Map();
    cache.set(kb, perKb);
  }
  const key = speaker?.name ?? '';
  const cached = perKb.get(key);
  if (cached) return cached;
  // A scope's view sees only its articles' passages (answer/scope.ts); the speaker's lists are already its own.
  const ids = speaker
    ? [...speaker.quotePassages, ...speaker.reportedPassages]
    : kb.passages.flatMap((p, i) => (!kb.scope || kb.scope.sees(p.article) ? [i] : []));
  const step = Math.max(1, Math.floor(ids.length / SAMPLE_PASSAGES));
  const counts = new Map<string, { surface: string; n: number }>();
  for (let i = 0; i < ids.length; i += step) {
    const { paragraph, segments } = passageParts(kb, ids[i]!);
    for (const seg of segments) {
      if (speaker && seg.speaker !== speaker.name) continue;
      const text = paragraph.text.slice(seg.start, seg.end);
      for (const w of wordSpans(text)) {
        if (w.word.length < 4 || isStopWord(w.word) || /^\d+$/.test(w.word)) continue;
        const surface = text.slice(w.start, w.end).replace(/['’]s$/, '');
        const k = stem(w.word);
        const entry = counts.get(k);
        if (!entry) counts.set(k, { surface, n: 1 });
        else {
          entry.n++;
          if (/^\p{Lu}/u.test(surface) && !/^\p{Lu}/u.test(entry.surface)) entry.surface = surface;
        }
      }
    }
  }
  const ranked = [...counts]
    .filter(([k]) => kb.index.has(k))
    .map(([k, v]) => ({ surface: v.surface, score: v.n * kb.index.idf(k) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 2000)
    .map((x) => x.surface);
  perKb.set(key, ranked);
  return ranked;
}

/** Topic suggestions matching what was typed: by prefix first, then by edit distance. */
export function suggestTopicsFor(kb: KnowledgeBase, typed: string, speaker?: Speaker, limit = 5): string[] {
  const all = topicsNear(kb, speaker);
  const q = fold(typed.trim());
  if (!q) return all.slice(0, limit);
  const last = q.split(/\s+/).at(-1) ?? q;
  const budget = Math.max(1, maxEdits(last.length));
  const folded = foldedTopics(all);
  const byPrefix: string[] = [];
  const byDistance: string[] = [];
  // Prefix matches come first, so the scan stops once `limit` of them are found, and measures
  // distances only while they could still reach the list.
  for (let i = 0; i < all.length && byPrefix.length < limit; i++) {
    const t = folded[i]!;
    if (t.startsWith(last)) byPrefix.push(all[i]!);
    else if (byPrefix.length + byDistance.length < limit && damerauLevenshtein(t, last, budget) <= budget) byDistance.push(all[i]!);
  }
  return [...byPrefix, ...byDistance].slice(0, limit);
}

// Each topic list folded once: a "did you mean" measures every word typed against up to 2,000 topics.
const FOLDED_TOPICS = new WeakMap<string[], string[]>();
function foldedTopics(all: string[]): string[] {
  let folded = FOLDED_TOPICS.get(all);
  if (!folded) {
    folded = all.map(fold);
    FOLDED_TOPICS.set(all, folded);
  }
  return folded;
}
