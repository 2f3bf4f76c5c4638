import type { Segment } from '../knowledge/types.js';
import type { KnowledgeBase } from '../search/kb.js';
import { passageParts } from '../search/kb.js';
import type { Hit, QueryPlan } from '../search/index.js';
import type { Speaker } from '../search/speakers.js';
import { citationOf, citationPage, deepen, scoreText, type Pick } from './cite.js';
import { answerOf } from './format.js';
import { planTopic, readTopic, suggestTopicsFor, topicNote } from './topic.js';
import type { Answer, AnswerRequest } from './types.js';

export const PAGE = 5;
/** At most this many sentences of one quotation in an excerpt; the rest is marked "…". */
const MAX_SENTENCES = 3;
const MIN_QUOTE_CHARS = 60;
const SHORT_LAST = 1_000_000;
/** Passages read per result wanted: enough to rank well, few enough to answer in milliseconds. */
const DEPTH_PER_RESULT = 8;

type QuoteRequest = Extract<AnswerRequest, { command: 'quote' }>;

/** `/quote <speaker> [topic]`: the speaker's own words on the topic, best first; reported speech only as a labelled fallback. */
export function answerQuote(kb: KnowledgeBase, request: QuoteRequest): Answer {
  const match = kb.speakers.resolve(request.speaker);
  const speaker = match.speaker;
  if (!speaker) {
    const options = match.ambiguous.length ? match.ambiguous : kb.speakers.nearest(request.speaker, 5);
    const heading = request.speaker.trim()
      ? match.ambiguous.length
        ? `“${request.speaker}” could be several speakers in the sources; please choose one.`
        : `No speaker called “${request.speaker}” in the sources.`
      : 'Which speaker? Try /quote <speaker> [topic].';
    return answerOf(request, { found: false, heading, suggestions: options.slice(0, 5).map((s) => s.name) });
  }
  const { text: topic, period, accept, about } = readTopic(kb, request.topic, request);
  const plan = topic ? planTopic(kb, topic) : null;
  if (plan && plan.terms.length === 0) {
    return answerOf(request, {
      found: false,
      heading: `No source mentions “${topic}”.`,
      suggestions: suggestTopicsFor(kb, topic, speaker),
    });
  }
  // Buttons and paging replay the request: carry the canonical name, not what was typed.
  const canonical: QuoteRequest = { ...request, speaker: speaker.name };
  const depth = (request.offset + PAGE) * DEPTH_PER_RESULT;
  const topical = plan ? topicalPicks(kb, speaker, plan, 'quote', depth, accept) : null;
  const reportedTopical = plan ? topicalPicks(kb, speaker, plan, 'reported', depth, accept) : null;
  // Quotes that share one word with the topic ("new" of "new start") lose to reported speech
  // that has all of it: the user gets the reported sentence, labelled as such.
  const quotesLose = topical && reportedTopical && reportedTopical.covered > topical.covered;
  const quotes = quotesLose ? [] : topical ? topical.picks : latestQuotes(kb, speaker, accept);
  const toCitation = (p: Pick) => citationOf(kb, p);
  if (quotes.length) {
    const page = citationPage(quotes, toCitation, request.offset, PAGE);
    const count = `${page.exact ? '' : 'about '}${page.total} direct quote${page.total === 1 ? '' : 's'}`;
    const heading = `${speaker.name}${about}: ${count}${request.offset ? ` (from ${request.offset + 1})` : ''}`;
    return answerOf(canonical, { found: page.citations.length > 0, heading, body: plan ? topicNote(plan) : undefined, citations: page.citations, hasMore: page.hasMore });
  }
  const reported = reportedTopical ? reportedTopical.picks : latestReported(kb, speaker, accept);
  if (reported.length) {
    const page = citationPage(reported, toCitation, request.offset, PAGE);
    return answerOf(canonical, {
      found: page.citations.length > 0,
      heading: `No direct quote of ${speaker.name}${about}. Reported speech only (the reporter's words, not ${speaker.name}'s):`,
      body: plan ? topicNote(plan) : undefined,
      citations: page.citations,
      hasMore: page.hasMore,
    });
  }
  const elsewhere = plan && kb.index.search(plan.terms, 1, undefined, accept).length > 0;
  return answerOf(canonical, {
    found: false,
    heading: topic || period ? `${speaker.name} is not quoted${about} in the sources.` : `${speaker.name} has no direct quotes in the sources.`,
    body: [plan ? topicNote(plan) : undefined, elsewhere ? `Other sources mention it: try /summary ${topic}.` : undefined].filter(Boolean).join(' ') || undefined,
    suggestions: suggestTopicsFor(kb, '', speaker),
  });
}

/** The speaker's quotations (or reported sentences) that mention the topic, best first. */
function topicalPicks(kb: KnowledgeBase, speaker: Speaker, plan: QueryPlan, kind: 'quote' | 'reported', depth: number, accept?: (passage: number) => boolean): { picks: Pick[]; covered: number } {
  const within = kind === 'quote' ? speaker.quotePassages : speaker.reportedPassages;
  const idf = (t: string) => kb.index.idf(t);
  // One quotation may be cut into several passages: gather its sentences before choosing.
  type Group = { pick: Pick; scored: Array<{ seg: Segment; score: number; matched: string[]; terms: string[] }>; best: number };
  const groupsOf = (hits: Hit[]): Group[] => {
    const groups = new Map<string, Group>();
    for (const hit of hits) {
      const { paragraph, passage, segments } = passageParts(kb, hit.passage);
      for (const seg of segments) {
        if (seg.kind !== kind || seg.speaker !== speaker.name) continue;
        const s = scoreText(paragraph.text.slice(seg.start, seg.end), plan.terms, idf);
        if (!s.matched.length) continue;
        const key = `${passage.article}:${passage.paragraph}:${kind === 'quote' ? `q${seg.quoteId}${seg.embedded ? 'e' : ''}` : `r${seg.start}`}`;
        let group = groups.get(key);
        if (!group) groups.set(key, (group = { pick: { articleIndex: passage.article, paragraphIndex: passage.paragraph, passage: hit.passage, segments: [], score: 0 }, scored: [], best: 0 }));
        group.scored.push({ seg, ...s });
        group.best = Math.max(group.best, hit.score);
      }
    }
    return [...groups.values()];
  };
  const groups = deepen((d) => kb.index.search(plan.terms, d, within, accept), depth, groupsOf);
  const picks: Pick[] = [];
  const coverage = new Map<Pick, number>();
  for (const { pick, scored, best } of groups) {
    const top = [...scored].sort((a, b) => b.score - a.score).slice(0, MAX_SENTENCES);
    const distinct = new Set(top.flatMap((t) => t.matched.map((m) => typedOf(plan, m)))).size;
    pick.segments = top.map((t) => t.seg);
    pick.terms = top.flatMap((t) => t.terms);
    pick.score = top.reduce((n, t) => n + t.score, 0) / Math.sqrt(top.length) + distinct + best * 0.1;
    picks.push(pick);
    coverage.set(pick, new Set(scored.flatMap((t) => t.matched.map((m) => typedOf(plan, m)))).size);
  }
  return {
    picks: keepWellCovered(picks, (p) => coverage.get(p) ?? 0).sort((a, b) => b.score - a.score),
    covered: Math.max(0, ...coverage.values()),
  };
}

/** The word the user typed that a term came from, so variants of one word count once. */
export function typedOf(plan: QueryPlan, term: string): string {
  return plan.terms.find((t) => t.term === term)?.typed ?? term;
}

/**
 * Drops results that match clearly fewer of the query's words than the best ones (two thirds,
 * rounded up): "south china sea" should not list "From the Baltic to the Black Sea", nor
 * "new start" a sentence that only says "new".
 */
export function keepWellCovered<T>(items: T[], covered: (item: T) => number): T[] {
  const most = Math.max(0, ...items.map(covered));
  const needed = Math.ceil((most * 2) / 3);
  return items.filter((item) => covered(item) >= needed);
}

/** Without a topic, for someone only reported: their reported sentences, newest source first. */
function latestReported(kb: KnowledgeBase, speaker: Speaker, accept?: (passage: number) => boolean): Pick[] {
  const picks: Pick[] = [];
  for (const id of speaker.reportedPassages) {
    if (accept && !accept(id)) continue;
    const { passage, segments } = passageParts(kb, id);
    for (const seg of segments) {
      if (seg.kind === 'reported' && seg.speaker === speaker.name) picks.push({ articleIndex: passage.article, paragraphIndex: passage.paragraph, passage: id, segments: [seg], score: 0 });
    }
  }
  return byNewest(kb, picks);
}

function byNewest(kb: KnowledgeBase, picks: Pick[]): Pick[] {
  const date = (p: Pick) => kb.articles[p.articleIndex]!.date;
  return picks.sort((a, b) => (date(a) < date(b) ? 1 : date(a) > date(b) ? -1 : a.passage - b.passage));
}

/**
 * Without a topic: the opening sentences of each quotation, newest source first and taking turns
 * between sources, so the first page shows several sources rather than one speech.
 */
function latestQuotes(kb: KnowledgeBase, speaker: Speaker, accept?: (passage: number) => boolean): Pick[] {
  const picks: Array<Pick & { rank: number }> = [];
  const seen = new Set<string>();
  const perArticle = new Map<number, number>();
  for (const id of speaker.quotePassages) {
    if (accept && !accept(id)) continue;
    const { passage, paragraph, segments } = passageParts(kb, id);
    for (const seg of segments) {
      if (seg.kind !== 'quote' || seg.speaker !== speaker.name) continue;
      const key = `${passage.article}:${seg.quoteId}${seg.embedded ? `e${seg.start}` : ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const run = seg.embedded ? [seg] : segments.filter((s) => s.kind === 'quote' && s.quoteId === seg.quoteId && !s.embedded).slice(0, 2);
      // Greetings and "(Applause.)" are words too, but not what anyone asking for quotes wants
      // first: short quotations, and partial ones quoted inside a reported sentence, come after
      // every substantial one (never dropped).
      const short = seg.embedded || paragraph.text.slice(run[0]!.start, run[run.length - 1]!.end).length < MIN_QUOTE_CHARS;
      const counter = short ? -1 - passage.article : passage.article;
      const rank = (perArticle.get(counter) ?? 0) + (short ? SHORT_LAST : 0);
      perArticle.set(counter, (perArticle.get(counter) ?? 0) + 1);
      picks.push({ articleIndex: passage.article, paragraphIndex: passage.paragraph, passage: id, segments: run, score: 0, rank });
    }
  }
  const date = (p: Pick) => kb.articles[p.articleIndex]!.date;
  return picks.sort((a, b) => a.rank - b.rank || (date(a) < date(b) ? 1 : date(a) > date(b) ? -1 : a.passage - b.passage));
}
