import type { Segment } from '../knowledge/types.js';
import type { KnowledgeBase } from '../search/kb.js';
import { pairText, passageParts, passageText } from '../search/kb.js';
import type { Hit, QueryPlan } from '../search/index.js';
import type { Speaker } from '../search/speakers.js';
import { findPhrase, type Phrase } from '../search/phrase.js';
import { excerptTerms, phraseNote, phraseOf, placePhrase } from './phrasing.js';
import { citationOf } from './cite.js';
import { citationPage } from './dedupe.js';
import { comparePicks, type Pick } from './pick.js';
import { deepen } from './deepen.js';
import { scoreText } from './score.js';
import { answerOf, shownRange } from './format.js';
import { closeSpeakers, closeTopics, quotedYears } from './suggest.js';
import { planTopic, readTopic, type Topic, topicNote } from './topic.js';
import { words } from '../knowledge/text.js';
import { isStopWord, stem } from '../search/terms.js';
import { keepWellCovered, typedOf } from './coverage.js';
import { answerSearch } from './search.js';
import { titledFirst, titledNote, titledSources } from './titled.js';
import {
  PAGE,
  QUOTE_SENTENCES as MAX_SENTENCES,
  MIN_QUOTE_CHARS,
  SHORT_LAST,
  QUOTE_DEPTH_PER_RESULT as DEPTH_PER_RESULT,
  PHRASE_LIMIT,
  PHRASE_RATED,
} from './tuning.js';
import type { Answer, AnswerRequest } from './types.js';

type QuoteRequest = Extract<AnswerRequest, { command: 'quote' }>;

/** `/quote <speaker> [topic]`: the speaker's own words on the topic, best first; reported speech only as a labelled fallback. */
export function answerQuote(kb: KnowledgeBase, request: QuoteRequest): Answer {
  const match = kb.speakers.resolve(request.speaker);
  const speaker = match.speaker;
  // The topic is read once for the whole answer (its words, date filter, plan and phrase).
  const topicText = readTopic(kb, request.topic, request);
  let read: TopicRead | undefined;
  const topicRead = () => {
    read ??= readFor(kb, topicText);
    return read;
  };
  if (!speaker && match.ambiguous.length > 1 && topicText.text) {
    const chosen = chooseNamesake(kb, request, match.ambiguous, topicRead());
    if (chosen) return chosen;
  }
  if (!speaker && !match.ambiguous.length && request.speaker.trim()) {
    // "Did NATO say anything …": an organisation speaks through its named officials, labelled so.
    const officials = kb.speakers.officialsOf(request.speaker);
    if (officials.length === 1) {
      const { speaker: official, role, org } = officials[0]!;
      return quoteOf(kb, request, official, topicRead(), undefined, undefined, `${org}, through its ${role}`);
    }
    if (officials.length > 1)
      return answerOf(request, {
        found: false,
        heading: `${officials[0]!.org} is not quoted as such; its officials are. Choose one to see their words:`,
        suggestions: officials.slice(0, 5).map((o) => o.speaker.name),
      });
    const mentioned = mentionsOf(kb, request, topicText);
    if (mentioned) return mentioned;
  }
  if (!speaker) {
    const options = match.ambiguous.length ? match.ambiguous : kb.speakers.nearest(request.speaker, 5);
    const heading = request.speaker.trim()
      ? match.ambiguous.length
        ? topicText.text
          ? `“${request.speaker}” could be several speakers in the sources, and none of them is quoted${topicText.about}. Choose one to see their words:`
          : `“${request.speaker}” could be several speakers in the sources; which one?`
        : `No speaker called “${request.speaker}” in the sources.`
      : 'Which speaker? Try /quote <speaker> [topic].';
    const close = match.ambiguous.length ? options.slice(0, 5).map((s) => s.name) : closeSpeakers(request.speaker, options);
    // Nobody close: no "did you mean", but still a next step, labelled for what it is.
    const most =
      close.length || !request.speaker.trim() || !kb.speakers.all.length
        ? undefined
        : `The most quoted speakers in the sources: ${kb.speakers.all
            .slice(0, 5)
            .map((s) => s.name)
            .join(', ')}. /sources lists every source.`;
    return answerOf(request, {
      found: false,
      heading,
      body: most,
      suggestions: close.length ? close : request.speaker.trim() ? [] : options.slice(0, 5).map((s) => s.name),
      examples: !request.speaker.trim(),
    });
  }
  return quoteOf(kb, request, speaker, topicRead());
}

/**
 * Someone the sources mention but never quote: say so first, then show the mentions, labelled as
 * mentions (each citation still names whose words they are, or says they are narration).
 */
function mentionsOf(kb: KnowledgeBase, request: QuoteRequest, topicText: Topic): Answer | null {
  const nameTerms = words(request.speaker)
    .filter((w) => !isStopWord(w))
    .map(stem);
  if (!nameTerms.length || kb.index.passagesWithAll(nameTerms).length === 0) return null;
  const { text: topic, period } = topicText;
  const found = answerSearch(kb, {
    command: 'search',
    query: [request.speaker, topic, period ? request.topic.replace(topic, '') : ''].filter(Boolean).join(' '),
    offset: request.offset,
  });
  const typed = request.speaker.trim();
  const name = typed === typed.toLowerCase() ? typed.replace(/(^|\s)(\p{L})/gu, (_m, sp: string, c: string) => sp + c.toUpperCase()) : typed;
  return answerOf(request, {
    found: false,
    heading: `${name} is not quoted in these sources (no direct quote and no reported speech).`,
    body: found.citations.length
      ? `Where ${name} is mentioned (these are mentions, not ${name}'s words; each says whose words they are):`
      : undefined,
    citations: found.citations,
    hasMore: found.hasMore,
  });
}

/** How to read a topic for one request: plan, phrase and filter, computed once. */
interface TopicRead {
  topic: string;
  period: ReturnType<typeof readTopic>['period'];
  accept: ((passage: number) => boolean) | undefined;
  searched: string;
  periodNote: string | undefined;
  plan: QueryPlan | null;
  phrase: Phrase | null;
}

function readFor(kb: KnowledgeBase, read: Topic): TopicRead {
  const { text: topic, period, accept, searched, periodNote } = read;
  const plan = topic ? planTopic(kb, topic) : null;
  return { topic, period, accept, searched, periodNote, plan, phrase: plan ? phraseOf(kb, topic, plan) : null };
}

/** `speaksFor`: the organisation and role the speaker answers for ("NATO, through its Secretary General"), shown before the name. */
function quoteOf(
  kb: KnowledgeBase,
  request: QuoteRequest,
  speaker: Speaker,
  read: TopicRead,
  note?: string,
  known?: { picks: Pick[]; covered: number },
  speaksFor?: string,
): Answer {
  const { topic, period, accept, searched, periodNote, plan, phrase } = read;
  // Sources of this speaker whose title holds the topic's words: theirs come first (titled.ts says why).
  const titledCandidates = topic ? titledSources(kb, speaker, topic, accept) : [];
  if (plan && plan.terms.length === 0 && !titledCandidates.length) {
    return answerOf(request, {
      found: false,
      heading: `No source mentions “${topic}”.`,
      suggestions: closeTopics(kb, topic, speaker, accept),
    });
  }
  // Buttons and paging replay the request: carry the canonical name, not what was typed.
  const canonical: QuoteRequest = { ...request, speaker: speaker.name };
  const depth = (request.offset + PAGE) * DEPTH_PER_RESULT;
  const topical = plan ? (known ?? topicalPicks(kb, speaker, plan, phrase, 'quote', depth, accept)) : null;
  const reportedTopical = plan ? topicalPicks(kb, speaker, plan, phrase, 'reported', depth, accept) : null;
  // Quotes that share one word with the topic ("new" of "new start") lose to reported speech
  // that has all of it: the user gets the reported sentence, labelled as such.
  const openings = (article: number) => latestQuotes(kb, speaker, (id) => kb.passages[id]!.article === article && (!accept || accept(id)));
  const byTitle = topical ? titledFirst(kb, speaker, titledCandidates, topical.picks, openings) : { picks: [], titled: [] };
  const { titled } = byTitle;
  const quotesLose = topical && reportedTopical && reportedTopical.covered > topical.covered && !titled.length;
  const quotes = quotesLose ? [] : topical ? byTitle.picks : latestQuotes(kb, speaker, accept);
  const toCitation = (p: Pick) => citationOf(kb, p);
  const body = (extra?: string) => [note, periodNote, plan ? topicNote(plan) : undefined, extra].filter(Boolean).join(' ') || undefined;
  if (quotes.length) {
    const page = citationPage(quotes, toCitation, request.offset, PAGE);
    const count = `${page.exact ? '' : 'about '}${page.total} direct quote${page.total === 1 ? '' : 's'}`;
    const heading = `${speaksFor ? `${speaksFor} ` : ''}${speaker.name}${searched}${titledNote(kb, titled)}: ${count}${shownRange(request.offset, page.citations.length)}`;
    return answerOf(canonical, {
      found: page.citations.length > 0,
      heading,
      body: body(phraseNote(phrase, quotes, period)),
      citations: page.citations,
      hasMore: page.hasMore,
      total: page.total,
    });
  }
  const reported = reportedTopical ? reportedTopical.picks : latestReported(kb, speaker, accept);
  if (reported.length) {
    const page = citationPage(reported, toCitation, request.offset, PAGE);
    return answerOf(canonical, {
      found: page.citations.length > 0,
      heading: `No direct quote of ${speaker.name}${searched}. Reported speech only (the reporter's words, not ${speaker.name}'s):`,
      body: body(),
      citations: page.citations,
      hasMore: page.hasMore,
      total: page.total,
    });
  }
  const elsewhere = plan && kb.index.search(plan.terms, 1, undefined, accept).length > 0;
  return answerOf(canonical, {
    found: false,
    heading:
      topic || period ? `${speaker.name} is not quoted in these sources${searched}.` : `${speaker.name} has no direct quotes in these sources.`,
    body: body(elsewhere ? `Other sources mention it: try /summary ${topic}.` : undefined),
    // A period that finds nothing: the years that do have quotes (on the topic); else topics close to the one typed.
    suggestions: period ? quotedYears(kb, speaker, plan ?? undefined).map((y) => `in ${y}`) : closeTopics(kb, topic, speaker, accept),
  });
}

/**
 * A name several speakers share ("adams", "johnson") with a topic: the topic decides. The
 * namesakes whose words hold the topic best (exact phrase, then words in order, then most of the
 * words) answer; one → their answer, naming the others the name could mean; several → their
 * quotations grouped by person, best person first. None → null (the caller asks which one).
 */
function chooseNamesake(kb: KnowledgeBase, request: QuoteRequest, namesakes: Speaker[], read: TopicRead): Answer | null {
  if (!read.plan?.terms.length) return null;
  const depth = (request.offset + PAGE) * DEPTH_PER_RESULT;
  const scored = namesakes
    .map((s) => {
      const { picks, covered } = topicalPicks(kb, s, read.plan!, read.phrase, 'quote', depth, read.accept);
      const best = picks[0];
      return { s, picks, covered, tier: best?.tier ?? 0, run: best?.run ?? 0 };
    })
    .filter((x) => x.picks.length);
  if (!scored.length) return null;
  const better = (a: (typeof scored)[number], b: (typeof scored)[number]) =>
    b.tier - a.tier || b.covered - a.covered || b.run - a.run || comparePicks(kb, a.picks[0]!, b.picks[0]!);
  scored.sort(better);
  const top = scored[0]!;
  const winners = scored.filter((x) => x.tier === top.tier && x.covered === top.covered && (top.tier !== 1 || x.run === top.run));
  const others = namesakes.filter((s) => !winners.some((w) => w.s === s)).map((s) => s.name);
  const also = others.length
    ? `“${request.speaker}” could also mean ${others.join(', ')}, not quoted${read.searched ? ' with these words' : ''}.`
    : undefined;
  if (winners.length === 1) return quoteOf(kb, request, top.s, read, also, { picks: top.picks, covered: top.covered });
  const picks = winners.flatMap((w) => w.picks);
  const page = citationPage(picks, (p) => citationOf(kb, p), request.offset, PAGE);
  return answerOf(request, {
    found: page.citations.length > 0,
    heading: `“${request.speaker}” is ${winners.length} speakers in these sources, each quoted${read.searched}: ${winners.map((w) => w.s.name).join(', ')} (grouped by person, best match first)`,
    body: [also, read.plan ? topicNote(read.plan) : undefined].filter(Boolean).join(' ') || undefined,
    citations: page.citations,
    hasMore: page.hasMore,
  });
}

/** The speaker's quotations (or reported sentences) that mention the topic, best first. */
function topicalPicks(
  kb: KnowledgeBase,
  speaker: Speaker,
  plan: QueryPlan,
  phrase: Phrase | null,
  kind: 'quote' | 'reported',
  depth: number,
  accept?: (passage: number) => boolean,
): { picks: Pick[]; covered: number } {
  const within = kind === 'quote' ? speaker.quotePassages : speaker.reportedPassages;
  const idf = (t: string) => kb.index.idf(t);
  // One quotation may be cut into several passages: gather its sentences before choosing.
  type Group = { pick: Pick; scored: Array<{ seg: Segment; score: number; matched: string[]; terms: string[] }>; all: Segment[]; best: number };
  const groupsOf = (hits: Hit[]): Group[] => {
    const groups = new Map<string, Group>();
    for (const hit of hits) {
      const { paragraph, passage, segments } = passageParts(kb, hit.passage);
      for (const seg of segments) {
        if (seg.kind !== kind || seg.speaker !== speaker.name) continue;
        const key = `${passage.article}:${passage.paragraph}:${kind === 'quote' ? `q${seg.quoteId}${seg.embedded ? 'e' : ''}` : `r${seg.start}`}`;
        let group = groups.get(key);
        if (!group) {
          group = {
            pick: { articleIndex: passage.article, paragraphIndex: passage.paragraph, passage: hit.passage, segments: [], score: 0 },
            scored: [],
            all: [],
            best: 0,
          };
          groups.set(key, group);
        }
        if (!group.all.includes(seg)) group.all.push(seg);
        const s = scoreText(paragraph.text.slice(seg.start, seg.end), plan.terms, idf);
        if (!s.matched.length) continue;
        group.scored.push({ seg, score: s.score, matched: s.matched, terms: s.terms });
        group.best = Math.max(group.best, hit.score);
      }
    }
    return [...groups.values()].filter((g) => g.scored.length);
  };
  // The passages holding the exact words come first whatever BM25 thinks of them.
  const exact = phrase
    ? findPhrase(kb.index, phrase, (p) => passageText(kb.articles, kb.passages[p]!), {
        within,
        accept,
        limit: PHRASE_LIMIT,
        across: (p) => pairText(kb, p),
      })
    : [];
  // A line across the cut between two passages: both are read, so its quotation holds the whole line.
  const exactPassages = exact.flatMap((h) => (h.through === undefined ? [h.passage] : [h.passage, h.through]));
  const search = (d: number): Hit[] => {
    const hits = kb.index.search(plan.terms, d, within, accept);
    const seen = new Set(hits.map((h) => h.passage));
    return [...exactPassages.filter((p) => !seen.has(p)).map((passage) => ({ passage, score: 0 })), ...hits];
  };
  const groups = deepen(search, depth, groupsOf);
  const picks: Pick[] = [];
  const coverage = new Map<Pick, number>();
  // The phrase is rated on the passages holding its exact words and on the best BM25 ones: enough
  // to order what a page shows, without reading every loosely matching passage again.
  const exactIds = new Set(exactPassages);
  const rated = new Set([...groups].sort((a, b) => b.best - a.best).slice(0, PHRASE_RATED));
  for (const group of groups) {
    const { pick, scored, all, best } = group;
    const top = [...scored].sort((a, b) => b.score - a.score).slice(0, MAX_SENTENCES);
    const distinct = new Set(top.flatMap((t) => t.matched.map((m) => typedOf(plan, m)))).size;
    pick.segments = top.map((t) => t.seg);
    pick.terms = top.flatMap((t) => t.terms);
    pick.score = top.reduce((n, t) => n + t.score, 0) / Math.sqrt(top.length) + distinct + best * 0.1;
    if (phrase && (rated.has(group) || exactIds.has(pick.passage))) {
      placePhrase(kb, pick, all, phrase);
      const { text } = kb.articles[pick.articleIndex]!.paragraphs[pick.paragraphIndex]!;
      pick.terms ??= excerptTerms(text, pick.segments, scored);
    }
    picks.push(pick);
    coverage.set(pick, new Set(scored.flatMap((t) => t.matched.map((m) => typedOf(plan, m)))).size);
  }
  // Passages holding the words in order stay whatever their share of scattered query words.
  const kept = keepWellCovered(picks, (p) => coverage.get(p) ?? 0);
  for (const p of picks) if ((p.tier ?? 0) >= 2 && !kept.includes(p)) kept.push(p);
  return {
    picks: kept.sort((a, b) => comparePicks(kb, a, b)),
    covered: Math.max(0, ...coverage.values()),
  };
}

/** Without a topic, for someone only reported: their reported sentences, newest source first. */
function latestReported(kb: KnowledgeBase, speaker: Speaker, accept?: (passage: number) => boolean): Pick[] {
  const picks: Pick[] = [];
  for (const id of speaker.reportedPassages) {
    if (accept && !accept(id)) continue;
    const { passage, segments } = passageParts(kb, id);
    for (const seg of segments) {
      if (seg.kind === 'reported' && seg.speaker === speaker.name)
        picks.push({ articleIndex: passage.article, paragraphIndex: passage.paragraph, passage: id, segments: [seg], score: 0 });
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
