/**
 * A fixed mix of benchmark queries, built deterministically from the corpus with a seed:
 * speaker + topic (`/quote lincoln slavery`), topic only (`/summary health care`), free text,
 * rare-word queries whose source passage is the expected hit, 1–2 character typos and unknown words.
 * Every labelled query comes from a passage of the smallest sample, so it is answerable at every size.
 */
import { defaultCorpusPath, type Passage, readSpeeches, samplePassages, type Speech, splitPassages } from './corpus.js';
import { createRandom, pick, pickIndex } from './prng.js';
import { speakerHandles } from './names.js';
import { STOPWORDS, words } from './text.js';
import { misspell, unknownWord } from './typos.js';
import type { BenchQuery, Expectation, QueryKind } from './types.js';

interface Draft {
  kind: QueryKind;
  speaker: string | null;
  topic: string;
  template: string | null;
  expect: Expectation | null;
  typo: boolean;
}

const SPEAKER_TEMPLATES = ['what did {s} say about {t}?', 'what has {s} said on {t}', 'did {s} ever talk about {t}?'];
const TOPIC_TEMPLATES = ['what was said about {t}?', 'tell me about {t}', 'anything on {t}?'];

/** Word statistics: passages per word, and how often two content words stand side by side. */
export interface WordStats {
  df: Map<string, number>;
  pairs: Map<string, number>;
}

const isContent = (w: string | undefined): w is string => w !== undefined && w.length >= 4 && !STOPWORDS.has(w);

export function wordStats(passages: readonly Passage[]): WordStats {
  const df = new Map<string, number>();
  const pairs = new Map<string, number>();
  for (const passage of passages) {
    const tokens = words(passage.text);
    for (const word of new Set(tokens)) df.set(word, (df.get(word) ?? 0) + 1);
    for (let i = 0; i + 1 < tokens.length; i++) {
      const a = tokens[i];
      const b = tokens[i + 1];
      if (isContent(a) && isContent(b)) pairs.set(`${a} ${b}`, (pairs.get(`${a} ${b}`) ?? 0) + 1);
    }
  }
  return { df, pairs };
}

/** A topic from a passage: a recurring pair of content words, or one content word of middling frequency. */
function topicOf(text: string, stats: WordStats, random: () => number, speaker = ''): string | null {
  const tokens = words(text);
  const own = new Set(words(speaker));
  const ok = (w: string | undefined): w is string => {
    const n = w === undefined ? 0 : (stats.df.get(w) ?? 0);
    return isContent(w) && !own.has(w) && !w.endsWith('ly') && n >= 20 && n <= 3000;
  };
  const pairs: string[] = [];
  const singles: string[] = [];
  tokens.forEach((w, i) => {
    if (!ok(w)) return;
    if (!/(ed|ing)$/.test(w)) singles.push(w);
    const next = tokens[i + 1];
    if (ok(next) && (stats.pairs.get(`${w} ${next}`) ?? 0) >= 10) pairs.push(`${w} ${next}`);
  });
  if (pairs.length > 0 && random() < 0.5) return pick(random, pairs);
  return singles.length > 0 ? pick(random, singles) : null;
}

/** The 2–3 rarest real words of a passage (seen in 2–30 passages, so not OCR noise), or null. */
function rareWordsOf(text: string, { df }: WordStats): string | null {
  const seen = new Set<string>();
  const candidates: { w: string; df: number }[] = [];
  for (const w of words(text)) {
    const n = df.get(w) ?? 0;
    if (seen.has(w) || w.length < 5 || STOPWORDS.has(w) || n < 2 || n > 30) continue;
    seen.add(w);
    candidates.push({ w, df: n });
  }
  if (candidates.length < 2) return null;
  return candidates
    .sort((a, b) => a.df - b.df)
    .slice(0, 3)
    .map((c) => c.w)
    .join(' ');
}

/** 1–2 typos in the draft's words of 5+ letters (topic first, sometimes the speaker). */
function withTypos(draft: Draft, random: () => number): Draft | null {
  const parts = { topic: draft.topic.split(' '), speaker: draft.speaker?.split(' ') ?? [] };
  const slots: { part: 'topic' | 'speaker'; i: number }[] = [];
  for (const [i, w] of parts.topic.entries()) if (w.length >= 5) slots.push({ part: 'topic', i });
  for (const [i, w] of parts.speaker.entries()) if (w.length >= 5) slots.push({ part: 'speaker', i });
  if (slots.length === 0) return null;
  const edits = 1 + pickIndex(random, 2);
  for (let e = 0; e < edits; e++) {
    const slot = pick(random, slots);
    if (e > 0 && (parts[slot.part][slot.i]?.length ?? 0) < 8 && slots.length === 1) break;
    const list = parts[slot.part];
    list[slot.i] = misspell(list[slot.i] ?? '', random);
  }
  return { ...draft, topic: parts.topic.join(' '), speaker: draft.speaker === null ? null : parts.speaker.join(' '), typo: true };
}

function render(draft: Draft, id: number): BenchQuery {
  const { kind, speaker, topic, template, expect, typo } = draft;
  const keywords = speaker === null ? topic : `${speaker} ${topic}`;
  if (template !== null) {
    const text = template.replace('{s}', () => speaker ?? '').replace('{t}', () => topic);
    return { id, kind, typo, text, request: null, keywords, expect };
  }
  if (speaker !== null) {
    return { id, kind, typo, text: `/quote ${speaker} ${topic}`, request: { command: 'quote', speaker, topic, offset: 0 }, keywords, expect };
  }
  return { id, kind, typo, text: `/summary ${topic}`, request: { command: 'summary', topic, offset: 0 }, keywords, expect };
}

export interface QueryMix {
  quote: number;
  summary: number;
  free: number;
  rare: number;
  typos: number;
  unknown: number;
  /** Exact-phrase queries (after all the others, from their own random stream: earlier queries stay as they were). */
  phrase: number;
}

export const DEFAULT_MIX: QueryMix = { quote: 50, summary: 40, free: 40, rare: 40, typos: 60, unknown: 20, phrase: 40 };

/** Exact-phrase queries: a run of this many words cut from a passage (a line a fact-checker pastes). */
const PHRASE_WORDS = { min: 6, max: 12 };
const PHRASE_TEMPLATES = ['who said "{t}"?', '{t}'];

/**
 * A line cut from a passage at word boundaries, at a seeded position and length: words as written
 * (case and punctuation kept, quotation marks dropped: the query puts its own around it). Null when
 * the passage is too short or the cut holds too few words of letters.
 */
export function lineOf(text: string, random: () => number): string | null {
  const tokens = text.replace(/["“”]/g, ' ').split(/\s+/).filter(Boolean);
  const length = PHRASE_WORDS.min + pickIndex(random, PHRASE_WORDS.max - PHRASE_WORDS.min + 1);
  if (tokens.length < length) return null;
  const start = pickIndex(random, tokens.length - length + 1);
  const line = tokens
    .slice(start, start + length)
    .join(' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return words(line).length >= PHRASE_WORDS.min ? line : null;
}

/**
 * Builds the query list. `labelPool` (the smallest sample) supplies every labelled query;
 * `allPassages` supplies unlabelled topics and the word frequencies.
 */
export function buildQueries(
  speeches: readonly Speech[],
  allPassages: readonly Passage[],
  labelPool: readonly Passage[],
  seed: number,
  mix: QueryMix = DEFAULT_MIX,
  stats: WordStats = wordStats(allPassages),
): BenchQuery[] {
  const random = createRandom(seed ^ 0x5eed);
  const handles = speakerHandles(speeches);
  const speakerOf = (p: Passage): string => speeches[p.speech]?.speaker ?? '';
  const drafts: Draft[] = [];
  const tries = (n: number, make: () => Draft | null): void => {
    for (let made = 0, guard = 0; made < n && guard < n * 50; guard++) {
      const draft = make();
      if (draft !== null) {
        drafts.push(draft);
        made++;
      }
    }
  };
  const base = { typo: false, template: null };

  tries(mix.quote, () => {
    const p = pick(random, labelPool);
    const speaker = speakerOf(p);
    const topic = topicOf(p.text, stats, random, speaker);
    if (topic === null) return null;
    return { ...base, kind: 'quote', speaker: handles.get(speaker) ?? words(speaker).join(' '), topic, expect: { speaker } };
  });
  tries(mix.summary, () => {
    const topic = topicOf(pick(random, allPassages).text, stats, random);
    return topic === null ? null : { ...base, kind: 'summary', speaker: null, topic, expect: null };
  });
  tries(mix.free, () => {
    const withSpeaker = drafts.length % 2 === 0;
    const p = pick(random, withSpeaker ? labelPool : allPassages);
    const speaker = speakerOf(p);
    const topic = topicOf(p.text, stats, random, speaker);
    if (topic === null) return null;
    return withSpeaker
      ? {
          kind: 'free',
          typo: false,
          speaker: handles.get(speaker) ?? words(speaker).join(' '),
          topic,
          template: pick(random, SPEAKER_TEMPLATES),
          expect: { speaker },
        }
      : { kind: 'free', typo: false, speaker: null, topic, template: pick(random, TOPIC_TEMPLATES), expect: null };
  });
  tries(mix.rare, () => {
    const p = pick(random, labelPool);
    const topic = rareWordsOf(p.text, stats);
    return topic === null ? null : { ...base, kind: 'rare', speaker: null, topic, expect: { passage: p.text, speaker: speakerOf(p) } };
  });
  const originals = drafts.slice();
  tries(mix.typos, () => withTypos(pick(random, originals), random));
  tries(mix.unknown, () => {
    const word = unknownWord(random, stats.df);
    const p = pick(random, allPassages);
    const handle = handles.get(speakerOf(p)) ?? 'obama';
    const form = pickIndex(random, 4);
    if (form === 0) return { ...base, kind: 'unknown', speaker: null, topic: word, expect: null };
    if (form === 1) return { ...base, kind: 'unknown', speaker: handle, topic: word, expect: null };
    if (form === 2) return { kind: 'unknown', typo: false, speaker: handle, topic: word, template: pick(random, SPEAKER_TEMPLATES), expect: null };
    const topic = topicOf(p.text, stats, random);
    return topic === null ? null : { ...base, kind: 'unknown', speaker: word, topic, expect: null };
  });
  // Lines cut by rule from passages of the smallest sample (so present at every size), never hand-picked.
  const phraseRandom = createRandom(seed ^ 0xf4a5e);
  tries(mix.phrase, () => {
    const p = pick(phraseRandom, labelPool);
    const line = lineOf(p.text, phraseRandom);
    if (line === null) return null;
    return {
      kind: 'phrase',
      typo: false,
      speaker: null,
      topic: line,
      template: pick(phraseRandom, PHRASE_TEMPLATES),
      expect: { passage: p.text, speaker: speakerOf(p) },
    };
  });
  return drafts.map((draft, id) => render(draft, id));
}

/** A fixed, evenly spread subset of the queries (for the slow naive fuse.js runs). */
export function spreadSample<T>(items: readonly T[], n: number): T[] {
  if (n >= items.length) return items.slice();
  const step = items.length / n;
  return Array.from({ length: n }, (_, i) => items[Math.floor(i * step)] as T);
}

/**
 * The benchmark's queries over the whole speeches corpus, as bench/run.ts builds them from its
 * smallest (1,000-passage) sample: the set bench/profile.ts and bench/phrase-cost.ts ask our core.
 */
export function corpusQueries(seed: number): BenchQuery[] {
  const speeches = readSpeeches(defaultCorpusPath);
  const passages = splitPassages(speeches);
  return buildQueries(speeches, passages, samplePassages(passages, [1_000], seed).get(1_000) ?? [], seed);
}
