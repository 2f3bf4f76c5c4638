import type { Segment } from '../knowledge/types.js';
import type { Hit } from '../search/index.js';
import type { KnowledgeBase } from '../search/kb.js';
import { passageParts } from '../search/kb.js';
import { citationOf } from './cite.js';
import { citationPage, similarity } from './dedupe.js';
import { deepen } from './deepen.js';
import { refOf } from './source-ref.js';
import { scoreText } from './score.js';
import type { Pick } from './pick.js';
import { answerOf, plural, sourceLine } from './format.js';
import { keepWellCovered, typedOf } from './coverage.js';
import { closeTopics } from './suggest.js';
import { planTopic, readTopic, suggestTopicsFor, topicNote } from './topic.js';
import type { Answer, AnswerRequest, Citation, SourceRef } from './types.js';
import {
  SUMMARY_MIN_SENTENCES as MIN_SENTENCES,
  SUMMARY_MAX_SENTENCES as MAX_SENTENCES,
  SUMMARY_DEPTH as SEARCH_DEPTH,
  SUMMARY_POOL as POOL,
  SUMMARY_SENTENCES,
  REDUNDANT,
} from './tuning.js';

type SummaryRequest = Extract<AnswerRequest, { command: 'summary' }>;

/**
 * `/summary <topic>`: an extractive summary. Every sentence is cut verbatim from a source and
 * keeps its citation; copies of one sentence in several articles are shown once with all sources.
 */
export function answerSummary(kb: KnowledgeBase, request: SummaryRequest): Answer {
  const { text: topic, period, accept, periodNote } = readTopic(kb, request.topic, request);
  const about = `“${topic}”${period ? ` (${period.label})` : ''}`;
  if (!topic)
    return answerOf(request, {
      found: false,
      heading: 'Summary of what? Try /summary <topic>.',
      suggestions: suggestTopicsFor(kb, ''),
      examples: true,
    });
  const plan = planTopic(kb, topic);
  if (!plan.terms.length) {
    return answerOf(request, { found: false, heading: `No source mentions “${topic}”.`, suggestions: closeTopics(kb, topic, undefined, accept) });
  }
  const idf = (t: string) => kb.index.idf(t);
  type Candidate = { pick: Pick; score: number; order: [string, number, number]; covered: number };
  const candidatesOf = (hits: Hit[]): Candidate[] => {
    const candidates: Candidate[] = [];
    for (const hit of hits) {
      const { article, paragraph, passage, segments } = passageParts(kb, hit.passage);
      // Captions and photo credits describe a picture; they are not sentences of the story.
      if (paragraph.caption) continue;
      const scored: Array<{ seg: Segment; score: number; words: Set<string>; terms: string[] }> = [];
      for (const seg of segments) {
        if (seg.kind === 'attribution' || seg.embedded) continue;
        const text = paragraph.text.slice(seg.start, seg.end);
        const s = scoreText(text, plan.terms, idf);
        if (!s.matched.length || text.length < 25) continue;
        scored.push({ seg, score: s.score, words: new Set(s.matched.map((m) => typedOf(plan, m))), terms: s.terms });
      }
      const add = (segs: Segment[], score: number, covered: number, terms: string[]) => {
        const pick = { articleIndex: passage.article, paragraphIndex: passage.paragraph, passage: hit.passage, segments: segs, score: 0, terms };
        candidates.push({
          pick,
          score: score * (1 + 0.5 * covered) + 0.05 * hit.score,
          order: [article.date, passage.paragraph, segs[0]!.start],
          covered,
        });
      };
      for (const s of scored) add([s.seg], s.score, s.words.size, s.terms);
      // When the query's words are spread over two sentences of one passage, the two together
      // answer better than either: offer them as one citation (same kind and speaker only).
      const best = [...scored].sort((a, b) => b.words.size - a.words.size || b.score - a.score)[0];
      if (!best) continue;
      const partner = scored
        .filter((o) => o !== best && o.seg.kind === best.seg.kind && o.seg.speaker === best.seg.speaker && o.seg.quoteId === best.seg.quoteId)
        .map((o) => ({ o, gain: [...o.words].filter((w) => !best.words.has(w)).length }))
        .filter((x) => x.gain > 0)
        .sort((a, b) => b.gain - a.gain || b.o.score - a.o.score)[0];
      if (partner)
        add([best.seg, partner.o.seg], (best.score + partner.o.score) / Math.SQRT2, best.words.size + partner.gain, [
          ...best.terms,
          ...partner.o.terms,
        ]);
    }
    return candidates;
  };
  const candidates = deepen((d) => kb.index.search(plan.terms, d, undefined, accept), SEARCH_DEPTH, candidatesOf);
  const ranked = keepWellCovered(candidates, (c) => c.covered).sort((a, b) => b.score - a.score);
  // Citations are built only for the candidates the pool needs, remembering where each came from.
  const orderOf = new Map<Citation, [string, number, number]>();
  const merged = citationPage(
    ranked,
    (c) => {
      const citation = citationOf(kb, c.pick);
      orderOf.set(citation, c.order);
      return citation;
    },
    0,
    POOL,
  ).citations;
  const chosen = choose(merged);
  if (!chosen.length) {
    return answerOf(request, {
      found: false,
      heading: `No source says anything about ${about}.`,
      suggestions: closeTopics(kb, topic, undefined, accept),
    });
  }
  chosen.sort((a, b) => compareOrder(orderOf.get(a), orderOf.get(b)));
  const sources = uniqueSources(chosen);
  const marker = (c: Citation) =>
    [c, ...c.alsoIn]
      .map((s) => sources.findIndex((x) => x.sourceId === s.sourceId) + 1)
      .sort((a, b) => a - b)
      .map((n) => `[${n}]`)
      .join('');
  // Who speaks is said outside the verbatim words: "He said all Allies …" alone does not say who.
  const line = (c: Citation) =>
    c.kind === 'quote'
      ? `${c.speaker ?? 'Unattributed'}: “${c.excerpt}”`
      : c.kind === 'reported' && c.speaker
        ? `${c.speaker} (reported speech): ${c.excerpt}`
        : c.excerpt;
  const body = chosen.map((c) => `${line(c)} ${marker(c)}`).join('\n');
  // The same source line as every other answer: quoted title, publisher, the date in words.
  const list = sources.map((s, i) => `[${i + 1}] ${sourceLine(s)}`).join('\n');
  const note = topicNote(plan);
  return answerOf(request, {
    found: true,
    // Read aloud: “Summary of “health care” (2009): 5 sentences from 3 sources”, one pair of brackets at most.
    heading: `Summary of ${about}: ${plural(chosen.length, 'sentence')} from ${plural(sources.length, 'source')}`,
    body: [periodNote, note, body, `Sources:\n${list}`].filter(Boolean).join('\n\n'),
    citations: chosen,
  });
}

/**
 * Coverage before relevance: first the best sentence of each voice (each speaker, and the
 * reporter's own narration as one more), then the best of each source not yet cited, and only
 * then second sentences by rank. A topic reported through several people is summarised through
 * all of them, not through four sentences of its most quoted one. Near-repeats (the same fact
 * worded alike, in one source or two) are skipped at every step.
 */
function choose(ranked: Citation[]): Citation[] {
  const chosen: Citation[] = [];
  const fits = (c: Citation) => chosen.length < MAX_SENTENCES && !chosen.includes(c) && chosen.every((x) => similarity(x, c) < REDUNDANT);
  const voices = new Set<string>();
  for (const c of ranked) {
    if (voices.has(voiceOf(c)) || !fits(c)) continue;
    chosen.push(c);
    voices.add(voiceOf(c));
  }
  const covered = new Set(chosen.flatMap((c) => [c, ...c.alsoIn].map((s) => s.sourceId)));
  for (const c of ranked) {
    if (covered.has(c.sourceId) || !fits(c)) continue;
    chosen.push(c);
    for (const s of [c, ...c.alsoIn]) covered.add(s.sourceId);
  }
  for (const c of ranked) if (fits(c) && chosen.length < Math.max(MIN_SENTENCES, SUMMARY_SENTENCES)) chosen.push(c);
  return chosen;
}

/** Whose words a sentence gives: its speaker, or the reporter's when nobody is named. */
function voiceOf(c: Citation): string {
  return c.speaker ?? (c.kind === 'quote' ? 'an unattributed quotation' : 'the reporter');
}

function compareOrder(a?: [string, number, number], b?: [string, number, number]): number {
  if (!a || !b) return 0;
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2];
}

function uniqueSources(citations: Citation[]): SourceRef[] {
  const out: SourceRef[] = [];
  for (const c of citations) for (const s of [c, ...c.alsoIn]) if (!out.some((x) => x.sourceId === s.sourceId)) out.push(refOf(s));
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
