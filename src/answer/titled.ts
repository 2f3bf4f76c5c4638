import type { KnowledgeBase } from '../search/kb.js';
import { passageParts } from '../search/kb.js';
import type { Speaker } from '../search/speakers.js';
import { sourcesTitled } from '../search/titles.js';
import type { Pick } from './pick.js';
import { MIN_QUOTE_CHARS, SEARCH_SENTENCES, TITLED_CHECKED, TITLED_FIRST } from './tuning.js';

/**
 * /quote and a source's title: a speech titled with the topic ("/quote lincoln gettysburg" and the
 * Gettysburg Address, whose text never says "Gettysburg") ranks first, and the heading says so.
 */

/** A record is the speaker's own speech when their quotations make up this share of its text (a news story quoting them is not). */
const OWN_SPEECH = 0.8;

/** The speaker's sources (in the period) whose title holds every word of the topic. */
export function titledSources(kb: KnowledgeBase, speaker: Speaker, topic: string, accept?: (passage: number) => boolean): number[] {
  const titled = new Set(sourcesTitled(kb.articles, topic));
  if (!titled.size) return [];
  const out = new Set<number>();
  for (const id of speaker.quotePassages) {
    const { article } = kb.passages[id]!;
    if (titled.has(article) && (!accept || accept(id))) out.add(article);
  }
  return [...out];
}

/**
 * The picks with the titled sources first, at most TITLED_FIRST of them: each one's best passage
 * holding the topic's words, in rank order (its other passages keep their rank, so one long speech
 * does not fill the page); then, when room is left, a titled source whose words never say the
 * topic with its opening quotations, when it is the speaker's own speech. `titled`: the sources
 * put first, for the heading.
 */
export function titledFirst(
  kb: KnowledgeBase,
  speaker: Speaker,
  candidates: number[],
  picks: Pick[],
  openings: (article: number) => Pick[],
): { picks: Pick[]; titled: number[] } {
  if (!candidates.length) return { picks, titled: [] };
  const wanted = new Set(candidates);
  const first: Pick[] = [];
  const titled: number[] = [];
  for (const p of picks) {
    if (titled.length >= TITLED_FIRST) break;
    if (wanted.has(p.articleIndex) && !titled.includes(p.articleIndex)) {
      first.push(p);
      titled.push(p.articleIndex);
    }
  }
  const withPicks = new Set(picks.map((p) => p.articleIndex));
  let checked = 0;
  for (const article of candidates) {
    if (titled.length >= TITLED_FIRST || checked >= TITLED_CHECKED) break;
    if (withPicks.has(article)) continue;
    checked++;
    const put = isOwnSpeech(kb, speaker, article) ? openings(article) : [];
    if (!put.length) continue;
    first.push(...put);
    titled.push(article);
  }
  return { picks: titled.length ? [...first, ...picks.filter((p) => !first.includes(p))] : picks, titled };
}

function isOwnSpeech(kb: KnowledgeBase, speaker: Speaker, article: number): boolean {
  let own = 0;
  let all = 0;
  for (const paragraph of kb.articles[article]!.paragraphs) {
    all += paragraph.text.length;
    for (const seg of paragraph.segments) if (seg.kind === 'quote' && seg.speaker === speaker.name) own += seg.end - seg.start;
  }
  return all > 0 && own >= OWN_SPEECH * all;
}

/**
 * Free-text search: when the words name a source by its title ("gettysburg address"), and few
 * sources are so titled (a common title word names none in particular), each one's best passage
 * goes first, or its opening passage when none of its passages holds the words.
 */
export function titledSearchFirst(
  kb: KnowledgeBase,
  query: string,
  picks: Pick[],
  accept?: (passage: number) => boolean,
): { picks: Pick[]; titled: number[] } {
  const candidates = sourcesTitled(kb.articles, query);
  if (!candidates.length || candidates.length > TITLED_FIRST) return { picks, titled: [] };
  const first: Pick[] = [];
  const titled: number[] = [];
  for (const article of candidates) {
    const own = picks.find((p) => p.articleIndex === article) ?? openingPick(kb, article, accept);
    if (!own) continue;
    first.push(own);
    titled.push(article);
  }
  return { picks: titled.length ? [...first, ...picks.filter((p) => !first.includes(p))] : picks, titled };
}

/** The first sentences (of one kind and speaker) of a source's first passage in the period, or null. */
function openingPick(kb: KnowledgeBase, article: number, accept?: (passage: number) => boolean): Pick | null {
  let lo = 0;
  let hi = kb.passages.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (kb.passages[mid]!.article < article) lo = mid + 1;
    else hi = mid;
  }
  for (let id = lo; id < kb.passages.length && kb.passages[id]!.article === article; id++) {
    if (accept && !accept(id)) continue;
    const { passage, segments } = passageParts(kb, id);
    const usable = segments.filter((seg) => seg.kind !== 'attribution' && !seg.embedded);
    const lead = usable[0];
    if (!lead) continue;
    const same = usable.filter((seg) => seg.kind === lead.kind && seg.speaker === lead.speaker).slice(0, SEARCH_SENTENCES);
    // A salutation ("Friends and Fellow Citizens:") opens a speech but tells a reader nothing.
    const { text } = kb.articles[article]!.paragraphs[passage.paragraph]!;
    if (text.slice(same[0]!.start, same.at(-1)!.end).length < MIN_QUOTE_CHARS) continue;
    return { articleIndex: article, paragraphIndex: passage.paragraph, passage: id, segments: same, score: 0 };
  }
  return null;
}

/** `, first in “Gettysburg Address”` (and how many more sources so titled came first). */
export function titledNote(kb: KnowledgeBase, titled: number[]): string {
  if (!titled.length) return '';
  const more = titled.length > 1 ? ` and ${titled.length - 1} more source${titled.length > 2 ? 's' : ''} so titled` : '';
  return `, first in “${kb.articles[titled[0]!]!.title}”${more}`;
}
