import type { KnowledgeBase } from '../../search/kb.js';
import { nameKey, personWords } from '../../knowledge/person.js';
import type { Speaker } from '../../search/speakers.js';
import { isStopWord, stem } from '../../search/terms.js';
import type { Verdict } from '../types.js';
import type { Claim } from './align.js';
import type { Match } from './candidates.js';

/**
 * The verdict rules, in order. With a claimed speaker: their own quote word for word → verbatim
 * (out-of-context when every such quote was cut from a sentence that says otherwise, see cut.ts);
 * the words word for word in someone else's quote (or in another turn of a transcript of that
 * speaker, such as a question put to them) → misattributed; the words in the reporter's sentences
 * about the speaker, closer than any quote of theirs → reported; a quote of theirs that shares
 * most of the words → altered; someone else's quote sharing most of them → altered too, against
 * that line (nobody said these words: "misattributed" means someone else said them). A claimed
 * speaker no source knows is not found for that name, with whose words they are. Without one,
 * the closest quote of anyone decides. Nothing close enough → not-found.
 * "Word for word" is up to case, punctuation and the forms of forms.ts (don't/do not, -ise/-ize).
 */

export interface Judgement {
  verdict: Verdict;
  /** The match the verdict rests on (cited first); null when not found. */
  basis: Match | null;
  /** Every match close enough to show, the basis first. */
  shown: Match[];
  /** The claimed speaker is no speaker of these sources (and not a short form of the basis's speaker). */
  unknownSpeaker?: boolean;
}

export interface Claimed {
  typed: string;
  /** The speakers the typed name resolves to (several for a shared surname such as "Roosevelt"). */
  speakers: Speaker[];
}

/** Words of a claim that may differ from a source and it still counts as "most of the words". */
export function allowedEdits(n: number): number {
  return n < 3 ? 0 : Math.max(1, Math.floor(n * 0.4));
}

/**
 * How telling the shared words must be (summed inverse document frequency of the equal words that
 * are not stop words) for a line that differs to count as the one misquoted: one uncommon word
 * ("republicans", 4.7 in the speeches corpus) is enough; "time" (2.4) alone, in countless lines, is not.
 */
const MIN_SHARED_IDF = 4.5;

/**
 * Close enough to be the line the claim misquotes: most words the same, and telling ones, unless
 * it is a line of the claimed speaker's own (among one person's quotes, most of the words is enough).
 */
function isNear(kb: KnowledgeBase, m: Match, claim: Claim, own = false): boolean {
  const n = claim.words.length;
  if (m.edits === 0) return true;
  if (m.edits > allowedEdits(n) || m.same < Math.ceil(n / 2)) return false;
  if (own) return true;
  let shared = 0;
  claim.words.forEach((w, i) => {
    if (m.pairs[i]! >= 0 && !isStopWord(w.norm)) shared += kb.index.idf(stem(w.norm));
  });
  // A small knowledge base has no word rarer than ln(1 + passages): scale the bar down with it.
  return shared >= Math.min(MIN_SHARED_IDF, 0.5 * Math.log(1 + kb.passages.length));
}

/**
 * `isCut(m)`: an exact match cut from a sentence that says otherwise (a left-out negation …). A
 * verbatim quote that is not cut wins; when every one is, the verdict is out-of-context.
 */
export function judge(kb: KnowledgeBase, claim: Claim, matches: Match[], claimed: Claimed | null, isCut: (m: Match) => boolean): Judgement {
  const byClaimed = (m: Match) => claimed !== null && m.owner.speaker !== null && isClaimedName(claimed, m.owner.speaker);
  const near = matches
    .filter((m) => isNear(kb, m, claim, byClaimed(m)))
    .sort((a, b) => a.edits - b.edits || b.same - a.same || dateOf(kb, a).localeCompare(dateOf(kb, b)) || a.passage - b.passage);
  const exact = (m: Match) => m.edits === 0 && m.pure;
  const isQuote = (m: Match) => m.owner.kind === 'quote' && m.owner.speaker !== null;
  const result = (verdict: Verdict, basis: Match | undefined, keep: (m: Match) => boolean = () => true): Judgement =>
    basis ? { verdict, basis, shown: [basis, ...near.filter((m) => m !== basis && keep(m))] } : { verdict: 'not-found', basis: null, shown: [] };

  const verbatimOf = (keep: (m: Match) => boolean): Judgement | null => {
    const all = near.filter((m) => exact(m) && keep(m));
    const whole = all.find((m) => !isCut(m));
    return whole ? result('verbatim', whole) : all[0] ? result('out-of-context', all[0]) : null;
  };

  if (!claimed) {
    const quote = verbatimOf(isQuote);
    if (quote) return quote;
    const other = near.find((m) => m.edits === 0 && !isQuote(m));
    if (other) return result('reported', other);
    const close = near.find(isQuote);
    if (close) return result('altered', close);
    return result('reported', near[0]);
  }

  const mine = (name: string | null) => name !== null && isClaimedName(claimed, name);
  const ofClaimed = (m: Match) => isQuote(m) && mine(m.owner.speaker);
  const ofOther = (m: Match) => (isQuote(m) && !mine(m.owner.speaker)) || (m.inTranscript && articleQuotes(kb, m, mine));
  const about = (m: Match) =>
    (m.owner.kind === 'reported' && mine(m.owner.speaker)) || (!isQuote(m) && !m.inTranscript && articleQuotes(kb, m, mine));
  const notGiven = (m: Match) => !ofClaimed(m);

  const verbatim = verbatimOf(ofClaimed);
  if (verbatim) return verbatim;
  const others = near.find((m) => m.edits === 0 && ofOther(m));
  // A name no source knows cannot be shown to be wrong: the words are not found for it.
  const unknown = (j: Judgement): Judgement => (claimed.speakers.length ? j : { ...j, verdict: 'not-found', unknownSpeaker: true });
  if (others) return unknown(result('misattributed', others, notGiven));
  const own = near.find(ofClaimed);
  const reported = near.find(about);
  if (reported && (!own || reported.edits < own.edits)) return result('reported', reported);
  if (own) return result('altered', own);
  const elsewhere = near.find(ofOther);
  if (elsewhere) return unknown(result('altered', elsewhere, notGiven));
  return { verdict: 'not-found', basis: null, shown: near.slice(0, 3) };
}

/**
 * Whether a speaker name is the claimed speaker: one of the resolved speakers, or, when the typed
 * name resolved to nobody, every typed word in it, or the name's initials ("fdr" for Franklin D.
 * Roosevelt, "jfk"): a real quote must not be called misattributed for a well-known short form.
 */
export function isClaimedName(claimed: Claimed, name: string): boolean {
  if (claimed.speakers.length) return claimed.speakers.some((s) => s.name === name);
  // The person model's words (knowledge/person.ts): "Sir Alex Ferguson" typed is Alex Ferguson.
  const typed = personWords(claimed.typed);
  const have = new Set(personWords(name));
  if (typed.length > 0 && typed.every((t) => have.has(t))) return true;
  const initials = nameKey(name)
    .split(' ')
    .filter(Boolean)
    .map((p) => p[0])
    .join('');
  const short = nameKey(claimed.typed);
  return /^\S{2,}$/.test(short) && short === initials;
}

/** The match's source quotes (or reports) the claimed speaker somewhere: it is "about" them. */
function articleQuotes(kb: KnowledgeBase, m: Match, mine: (name: string | null) => boolean): boolean {
  return kb.articles[m.articleIndex]!.paragraphs.some((p) => p.segments.some((s) => s.kind !== 'narration' && mine(s.speaker)));
}

function dateOf(kb: KnowledgeBase, m: Match): string {
  return kb.articles[m.articleIndex]!.date;
}
