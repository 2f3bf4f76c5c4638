import type { Segment } from '../knowledge/types.js';
import type { KnowledgeBase } from '../search/kb.js';
import { passageParts } from '../search/kb.js';
import { combinePeriod } from './bounds.js';
import { citationOf } from './cite.js';
import { citationPage } from './dedupe.js';
import { scoreText } from './score.js';
import type { Pick } from './pick.js';
import { answerOf, citationBlock, plural } from './format.js';
import { passageFilter } from './period.js';
import { keepWellCovered, typedOf } from './coverage.js';
import { planTopic, readTopic, suggestTopicsFor, topicNote } from './topic.js';
import type { Answer, AnswerRequest, Citation, PeriodCount } from './types.js';
import { TIMELINE_PAGE } from './tuning.js';

/** Passages read: a timeline needs every source that speaks to the topic, not the top few. */
const DEPTH = 4096;

type TimelineRequest = Extract<AnswerRequest, { command: 'timeline' }>;

/**
 * `/timeline <topic> [speaker] [since] [until]`: one best sentence per source on the topic, earliest
 * first, grouped by year (by month when all fall in one year, by day when all fall in one month),
 * with the count per period. With a speaker: direct quotes only, reported speech as a labelled fallback.
 */
export function answerTimeline(kb: KnowledgeBase, request: TimelineRequest): Answer {
  const typed = readTopic(kb, request.topic);
  const combined = combinePeriod(typed.period, request.since, request.until);
  if ('error' in combined) return answerOf(request, { found: false, heading: combined.error });
  const { period } = combined;
  const accept = passageFilter(kb, period);
  const topic = typed.text;
  const when = period ? ` (${period.label})` : '';
  if (!topic)
    return answerOf(request, { found: false, heading: 'Timeline of what? Try /timeline <topic> [speaker].', suggestions: suggestTopicsFor(kb, '') });
  let speaker = null;
  if (request.speaker.trim()) {
    const match = kb.speakers.resolve(request.speaker);
    speaker = match.speaker;
    if (!speaker) {
      const options = match.ambiguous.length ? match.ambiguous : kb.speakers.nearest(request.speaker, 5);
      return answerOf(request, {
        found: false,
        heading: match.ambiguous.length
          ? `“${request.speaker}” could be several speakers in the sources; please choose one.`
          : `No speaker called “${request.speaker}” in the sources.`,
        suggestions: options.slice(0, 5).map((s) => s.name),
      });
    }
  }
  const canonical: TimelineRequest = { ...request, speaker: speaker?.name ?? '' };
  const plan = planTopic(kb, topic);
  if (!plan.terms.length)
    return answerOf(canonical, {
      found: false,
      heading: `No source mentions “${topic}”.`,
      suggestions: suggestTopicsFor(kb, topic, speaker ?? undefined),
    });
  const idf = (t: string) => kb.index.idf(t);
  /** The best matching segment of each source (by article), of one kind. */
  const bestPerSource = (kinds: Segment['kind'][], within?: Uint32Array): Pick[] => {
    const best = new Map<number, { pick: Pick; covered: number }>();
    for (const hit of kb.index.search(plan.terms, DEPTH, within, accept)) {
      const { paragraph, passage, segments } = passageParts(kb, hit.passage);
      if (paragraph.caption) continue;
      for (const seg of segments) {
        if (!kinds.includes(seg.kind) || seg.embedded || (speaker && seg.speaker !== speaker.name)) continue;
        const text = paragraph.text.slice(seg.start, seg.end);
        const s = scoreText(text, plan.terms, idf);
        if (!s.matched.length) continue;
        const covered = new Set(s.matched.map((m) => typedOf(plan, m))).size;
        // The one sentence shown for a source should say something: "No health care?" scores high
        // on a short text but tells a reader little, so sentences under 80 characters count for less.
        const score = s.score * (1 + 0.5 * covered) * Math.min(1, 0.4 + text.length / 133);
        const old = best.get(passage.article);
        if (!old || score > old.pick.score) {
          best.set(passage.article, {
            pick: { articleIndex: passage.article, paragraphIndex: passage.paragraph, passage: hit.passage, segments: [seg], score, terms: s.terms },
            covered,
          });
        }
      }
    }
    const entries = keepWellCovered([...best.values()], (e) => e.covered);
    return entries.map((e) => e.pick);
  };
  const quotes = speaker ? bestPerSource(['quote'], speaker.quotePassages) : bestPerSource(['quote', 'reported', 'narration']);
  const reported = speaker && !quotes.length ? bestPerSource(['reported'], speaker.reportedPassages) : [];
  const picks = quotes.length ? quotes : reported;
  const who = speaker ? `${speaker.name} on “${topic}”` : `“${topic}”`;
  if (!picks.length) {
    return answerOf(canonical, {
      found: false,
      heading: speaker ? `${speaker.name} is not quoted on “${topic}”${when} in the sources.` : `No source says anything about “${topic}”${when}.`,
      body: topicNote(plan),
      suggestions: suggestTopicsFor(kb, topic, speaker ?? undefined),
    });
  }
  const date = (p: Pick) => kb.articles[p.articleIndex]!.date;
  // Chronological; syndicated copies of one sentence fold into the earliest source.
  picks.sort((a, b) => (date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : a.passage - b.passage));
  const all = citationPage(picks, (p) => citationOf(kb, p), 0, picks.length).citations;
  all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const periods = countPeriods(all);
  const page = all.slice(request.offset, request.offset + TIMELINE_PAGE);
  const hasMore = all.length > request.offset + TIMELINE_PAGE;
  const label = reported.length ? `Reported speech only (the reporter's words, not ${speaker!.name}'s): ` : '';
  const heading = `${label}Timeline: ${who}${when}, ${plural(all.length, 'source')}, ${periods[0]!.period} to ${periods.at(-1)!.period}${request.offset ? ` (from ${request.offset + 1})` : ''}`;
  // `total` is every period's citations, as the heading and the counts say, not the page's.
  const answer = answerOf(canonical, { found: page.length > 0, heading, citations: page, hasMore, total: all.length });
  const counts = `Per ${unitOf(periods)}: ${periods.map((p) => `${p.period}: ${p.count}`).join(' · ')}`;
  const groups: string[] = [];
  page.forEach((c, i) => {
    const key = periodOf(c.date, grainOf(all));
    const block = citationBlock(c, request.offset + i + 1);
    const prev = i > 0 ? periodOf(page[i - 1]!.date, grainOf(all)) : null;
    groups.push(prev === key ? block : `${key} (${periods.find((p) => p.period === key)?.count ?? 0})\n${block}`);
  });
  const text = [heading, topicNote(plan), counts, groups.join('\n\n')].filter(Boolean).join('\n\n');
  return { ...answer, text, periods };
}

type Grain = 'year' | 'month' | 'day';

/** Years; months when every source is in one year; days when every source is in one month. */
function grainOf(citations: Citation[]): Grain {
  const years = new Set(citations.map((c) => c.date.slice(0, 4)));
  if (years.size > 1) return 'year';
  const months = new Set(citations.map((c) => (c.date.length >= 7 ? c.date.slice(0, 7) : c.date)));
  return months.size > 1 || citations.some((c) => c.date.length < 7) ? 'month' : 'day';
}

/** A source's period: a year-only source stays under its year, never an invented month or day. */
function periodOf(date: string, grain: Grain): string {
  if (grain === 'year' || date.length < 7) return date.slice(0, 4);
  return grain === 'month' ? date.slice(0, 7) : date.slice(0, 10);
}

/** The count per period, in order; the counts add up to the citations. */
function countPeriods(citations: Citation[]): PeriodCount[] {
  const grain = grainOf(citations);
  const out: PeriodCount[] = [];
  for (const c of citations) {
    const period = periodOf(c.date, grain);
    const last = out.at(-1);
    if (last?.period === period) last.count++;
    else out.push({ period, count: 1 });
  }
  return out;
}

function unitOf(periods: PeriodCount[]): string {
  const longest = Math.max(...periods.map((p) => p.period.length));
  return longest === 10 ? 'day' : longest === 7 ? 'month' : 'year';
}
