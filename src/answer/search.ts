import type { Paragraph, Segment } from '../knowledge/types.js';
import type { Hit } from '../search/index.js';
import type { Passage } from '../search/passages.js';
import type { KnowledgeBase } from '../search/kb.js';
import { pairText, passageParts, passageText } from '../search/kb.js';
import { findPhrase } from '../search/phrase.js';
import { citationOf } from './cite.js';
import { citationPage } from './dedupe.js';
import { comparePicks, type Pick } from './pick.js';
import { deepen } from './deepen.js';
import { scoreText } from './score.js';
import { answerOf } from './format.js';
import { excerptTerms, phraseNote, phraseOf, placePhrase } from './phrasing.js';
import { keepWellCovered, typedOf } from './coverage.js';
import { PAGE, SEARCH_DEPTH_PER_RESULT as DEPTH_PER_RESULT, SEARCH_SENTENCES as MAX_SENTENCES, PHRASE_LIMIT, PHRASE_RATED } from './tuning.js';
import { closeTopics } from './suggest.js';
import { titledNote, titledSearchFirst } from './titled.js';
import { cleanTopic, planTopic, readTopic, topicNote } from './topic.js';
import type { Answer, AnswerRequest } from './types.js';

type SearchRequest = Extract<AnswerRequest, { command: 'search' }>;

/** Free text with no speaker or summary intent: the best passages, each cut to its best sentences. */
export function answerSearch(kb: KnowledgeBase, request: SearchRequest): Answer {
  return answerOf(request, searchParts(kb, request));
}

function searchParts(kb: KnowledgeBase, request: SearchRequest): Parameters<typeof answerOf>[1] {
  const query = cleanTopic(request.query);
  // Read as sent: a date inside quotation marks is part of the quoted words (see splitPeriod).
  const { text, period, accept, about, searched, periodNote } = readTopic(kb, request.query);
  const plan = planTopic(kb, text);
  if (!plan.terms.length) {
    return {
      found: false,
      heading: query
        ? `Nothing in the sources matches “${query}”.`
        : 'Ask about a topic or a speaker, e.g. /quote stoltenberg china or /summary bulgaria.',
      suggestions: closeTopics(kb, query, undefined, accept),
      footer: 'Type /help for what I can do.',
    };
  }
  const idf = (t: string) => kb.index.idf(t);
  const coverage = new Map<Pick, number>();
  const phrase = phraseOf(kb, text, plan);
  // Passages holding the exact words come first, the earliest source first, whatever BM25 says.
  const exact = phrase
    ? findPhrase(kb.index, phrase, (p) => passageText(kb.articles, kb.passages[p]!), { accept, limit: PHRASE_LIMIT, across: (p) => pairText(kb, p) })
    : [];
  // A line across the cut between two passages is read from both.
  const through = new Map(exact.flatMap((h) => (h.through === undefined ? [] : [[h.passage, h.through] as const])));
  let rated = 0;
  type Scored = ReturnType<typeof scoreText> & { seg: Segment };
  // The sentences holding a query word, best first. Written out, not spread into a new object per
  // sentence: most sentences are misses, and `{ seg, ...result }` is a slow path in V8 (see cite.ts).
  const scoreAll = (text: string, segs: Segment[]): Scored[] => {
    const out: Scored[] = [];
    for (const seg of segs) {
      const { score, matched, terms } = scoreText(text.slice(seg.start, seg.end), plan.terms, idf);
      if (matched.length) out.push({ seg, score, matched, terms });
    }
    return out.sort((a, b) => b.score - a.score);
  };
  // How many of the words typed the sentences hold between them.
  const covers = (scored: Scored[]) => {
    const typed = new Set<string>();
    for (const s of scored) for (const m of s.matched) typed.add(typedOf(plan, m));
    return typed.size;
  };
  // One citation is one kind of words by one speaker: the phrase's first sentence decides.
  const oneVoice = (pick: Pick) => {
    const first = pick.segments[0]!;
    pick.segments = pick.segments.filter((s) => s.kind === first.kind && s.speaker === first.speaker);
  };
  /**
   * A passage holding the exact words: the sentences holding them are its excerpt, so only they
   * are scored (a two-word topic can have dozens of such passages to rate). Null when the words
   * run through a sentence no excerpt shows (an attribution): then it is rated as any passage.
   */
  const exactPick = (hit: Hit, paragraph: Paragraph, passage: Passage, usable: Segment[]) => {
    const pick: Pick = { articleIndex: passage.article, paragraphIndex: passage.paragraph, passage: hit.passage, segments: [], score: 0 };
    placePhrase(kb, pick, usable, phrase!);
    if (pick.tier !== 3) return null;
    oneVoice(pick);
    const scored = scoreAll(paragraph.text, pick.segments);
    if (!scored.length) return null;
    pick.score = hit.score + scored[0]!.score;
    pick.terms = excerptTerms(paragraph.text, pick.segments, scored);
    return { pick, covered: covers(scored) };
  };
  const picksOf = (hits: Hit[]): Pick[] => {
    const picks: Pick[] = [];
    rated = 0;
    for (const hit of hits) {
      const { paragraph, passage, segments } = passageParts(kb, hit.passage, through.get(hit.passage));
      const usable = segments.filter((s) => s.kind !== 'attribution' && !s.embedded);
      const placed = phrase && exactIds.has(hit.passage) ? exactPick(hit, paragraph, passage, usable) : null;
      if (placed) {
        rated++;
        picks.push(placed.pick);
        coverage.set(placed.pick, placed.covered);
        continue;
      }
      const scored = scoreAll(paragraph.text, usable);
      const lead = scored[0];
      if (!lead) continue;
      // Sentences of one kind and speaker only, so a citation never mixes a quote with narration.
      const same = scored
        .filter(
          (s) => s.seg.kind === lead.seg.kind && s.seg.speaker === lead.seg.speaker && (s.seg.kind !== 'quote' || s.seg.quoteId === lead.seg.quoteId),
        )
        .slice(0, MAX_SENTENCES);
      // A pick rated by the phrase gets its excerpt's terms after (placePhrase may change its sentences).
      const rate = phrase !== null && (rated < PHRASE_RATED || exactIds.has(hit.passage));
      const pick: Pick = {
        articleIndex: passage.article,
        paragraphIndex: passage.paragraph,
        passage: hit.passage,
        segments: same.map((s) => s.seg),
        score: hit.score + lead.score,
        terms: rate ? [] : same.flatMap((s) => s.terms),
      };
      if (rate) {
        rated++;
        placePhrase(kb, pick, usable, phrase);
        oneVoice(pick);
        pick.terms = excerptTerms(paragraph.text, pick.segments, scored);
      }
      picks.push(pick);
      coverage.set(pick, covers(scored));
    }
    return picks;
  };
  const exactIds = new Set(exact.map((h) => h.passage));
  const search = (d: number): Hit[] => {
    const hits = kb.index.search(plan.terms, d, undefined, accept);
    const seen = new Set(hits.map((h) => h.passage));
    return [...exact.filter((h) => !seen.has(h.passage)).map((h) => ({ passage: h.passage, score: 0 })), ...hits];
  };
  const picks = deepen(search, (request.offset + PAGE) * DEPTH_PER_RESULT, picksOf);
  const kept = keepWellCovered(picks, (p) => coverage.get(p) ?? 0);
  for (const p of picks) if ((p.tier ?? 0) >= 2 && !kept.includes(p)) kept.push(p);
  const ranked = kept.sort((a, b) => comparePicks(kb, a, b));
  if (period && !ranked.length) {
    // Nothing of that date: the same words from sources of every date, said as such (a date in a
    // pasted line reads as a filter; the words may well be in the sources, of another date).
    const wider = searchParts(kb, { command: 'search', query: `\u201c${text}\u201d`, offset: request.offset });
    if (wider.citations?.length)
      return { ...wider, heading: `No passage matches “${text}” (${period.label}); the best passages of every date follow.` };
  }
  // A source named by its title ("gettysburg address") goes first (titled.ts).
  const byTitle = titledSearchFirst(kb, text, ranked, accept);
  const page = citationPage(byTitle.picks, (p) => citationOf(kb, p), request.offset, PAGE);
  return {
    found: page.citations.length > 0,
    heading: page.citations.length
      ? `Best passages${searched}${titledNote(kb, byTitle.titled)}`
      : request.offset
        ? `Nothing more for “${text}”.`
        : `No passage${about || ` matches “${text}”`}.`,
    body: [periodNote, topicNote(plan), phraseNote(phrase, ranked, period)].filter(Boolean).join(' ') || undefined,
    citations: page.citations,
    hasMore: page.hasMore,
    total: page.total,
  };
}
