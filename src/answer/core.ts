import type { Article } from '../knowledge/types.js';
import type { AliasTable } from '../knowledge/aliases.js';
import { buildKnowledgeBase, type KnowledgeBase } from '../search/kb.js';
import { cleanInput, MAX_INPUT, parseInput } from './ask.js';
import { passageKey, shortId } from './cite.js';
import { sourceRef } from './source-ref.js';
import { answerOf } from './format.js';
import { markPastTheEnd } from './page-end.js';
import { answerHelp } from './help.js';
import { answerQuote } from './quote.js';
import { answerSearch } from './search.js';
import { answerSources } from './sources.js';
import { answerSummary } from './summary.js';
import { answerTimeline } from './timeline.js';
import { boundsOf, combinePeriod } from './bounds.js';
import { answerVerify, citationAt } from './verify.js';
import { scopedBase } from './scope.js';
import { suggestTopicsFor } from './topic.js';
import type { Answer, AnswerRequest, Core, PassageContext } from './types.js';

/** The core every face talks to, over a knowledge base built once (`aliases`: a folder's own alias list). */
export function createCore(articles: Article[], aliases?: AliasTable): Core {
  return coreOf(buildKnowledgeBase(articles, undefined, aliases));
}

/** How a core answers; the defaults are what users get. */
export interface CoreOptions {
  /** false: answer without phrase ranking, for the benchmark's measure of its cost (never for users). */
  phraseRanking?: boolean;
}

export function coreOf(loaded: KnowledgeBase, options: CoreOptions = {}): Core {
  const kb: KnowledgeBase = options.phraseRanking === false ? { ...loaded, phraseRanking: false } : loaded;
  const { articles } = kb;
  const byId = new Map(articles.map((a, i) => [shortId(a.id), i] as const));
  /** The article a passage key names, when the scope sees it. */
  const articleOf = (key: string, seen: KnowledgeBase) => {
    const m = /^(.*)#(\d+)$/.exec(String(key ?? ''));
    const i = m ? byId.get(m[1]!) : undefined;
    return i === undefined || (seen.scope && !seen.scope.sees(i)) ? null : { index: i, paragraph: Number(m![2]) };
  };
  return {
    answer: (request) => safely(request, (safe) => route(scopedBase(kb, request.scope), safe)),
    ask: (input, scope) => {
      const seen = scopedBase(kb, scope);
      const parsed = parseInput(seen, input);
      if ('refusal' in parsed)
        return answerOf({ command: parsed.command, offset: 0, ...(parsed.command === 'search' ? { query: '' } : {}) } as AnswerRequest, {
          found: false,
          heading: parsed.refusal,
        });
      return safely(parsed.request, (safe) => route(seen, safe));
    },
    context: (key, scope) => {
      const found = articleOf(key, scopedBase(kb, scope));
      return found ? contextOf(articles[found.index]!, found.paragraph, key) : null;
    },
    cite: (key, start, end, scope) => {
      const seen = scopedBase(kb, scope);
      const found = articleOf(key, seen);
      return found ? citationAt(seen, found.index, found.paragraph, start, end) : null;
    },
    suggestSpeakers: (typed, limit = 25, scope = undefined) =>
      scopedBase(kb, scope)
        .speakers.suggest(typed, limit)
        .map((s) => ({ name: s.name, quotes: s.quotes })),
    suggestTopics: (typed, speaker, limit = 25, scope = undefined) => {
      const seen = scopedBase(kb, scope);
      const who = speaker ? (seen.speakers.resolve(speaker).speaker ?? undefined) : undefined;
      return suggestTopicsFor(seen, typed, who, limit);
    },
    stats: () => ({
      sources: articles.length,
      passages: kb.passages.length,
      quotes: kb.speakers.all.reduce((n, s) => n + s.quotes, 0),
      speakers: kb.speakers.all.length,
    }),
  };
}

function route(kb: KnowledgeBase, request: AnswerRequest): Answer {
  // A bad since/until is a clear miss for every command that takes them, before any search.
  if ('since' in request || 'until' in request) {
    const checked = combinePeriod(null, (request as { since?: string }).since, (request as { until?: string }).until);
    if ('error' in checked) return answerOf(request, { found: false, heading: checked.error });
  }
  switch (request.command) {
    case 'quote':
      return answerQuote(kb, request);
    case 'summary':
      return answerSummary(kb, request);
    case 'search':
      return answerSearch(kb, request);
    case 'sources':
      return answerSources(kb, request);
    case 'help':
      return answerHelp();
    case 'verify':
      return answerVerify(kb, request);
    case 'timeline':
      return answerTimeline(kb, request);
  }
}

/** A bug in one answer must not take the bot down: the user gets a clear miss instead. */
function safely(request: AnswerRequest, run: (safe: AnswerRequest) => Answer): Answer {
  const safe = sanitise(request);
  try {
    const answer = run(safe);
    return answer ? markPastTheEnd(answer) : answerOf(safe, { found: false, heading: 'No answer.' });
  } catch (err) {
    return answerOf(safe, { found: false, heading: `Sorry, that question could not be answered (${(err as Error).name}). Please rephrase it.` });
  }
}

/**
 * Requests from buttons and slash options skip the text parser: give their fields the same
 * cleaning (no control or invisible characters, one line, bounded length) and a sane offset.
 */
function sanitise(request: AnswerRequest): AnswerRequest {
  const offset = Number.isInteger(request.offset) && request.offset >= 0 ? Math.min(request.offset, 10_000) : 0;
  const text = (v: unknown) => cleanInput(String(v ?? '')).slice(0, MAX_INPUT);
  const bounds = (r: { since?: string; until?: string }) => boundsOf({ since: r.since ? text(r.since) : '', until: r.until ? text(r.until) : '' });
  switch (request.command) {
    case 'quote':
      return { command: 'quote', speaker: text(request.speaker), topic: text(request.topic), ...bounds(request), offset };
    case 'summary':
      return { command: 'summary', topic: text(request.topic), ...bounds(request), offset };
    case 'search':
      return { command: 'search', query: text(request.query), offset };
    case 'verify':
      return { command: 'verify', claim: text(request.claim), speaker: text(request.speaker), ...bounds(request), offset };
    case 'timeline':
      return { command: 'timeline', topic: text(request.topic), speaker: text(request.speaker), ...bounds(request), offset };
    default:
      return { command: request.command === 'sources' ? 'sources' : 'help', offset };
  }
}

function contextOf(article: Article, index: number, key: string): PassageContext | null {
  const paragraph = article.paragraphs[index];
  if (!paragraph || passageKey(article, index) !== key) return null;
  return { source: sourceRef(article), section: paragraph.section, text: paragraph.text };
}
