import { boundsOf, boundsPeriod } from './bounds.js';
import { passageFilter } from './period.js';
import type { Segment } from '../knowledge/types.js';
import type { Claim } from './verify/align.js';
import type { KnowledgeBase } from '../search/kb.js';
import { citationOf } from './cite.js';
import { excerptSpan } from './excerpt.js';
import { refOf } from './source-ref.js';
import { similarity } from './dedupe.js';
import type { Pick } from './pick.js';
import { MAX_EXCERPT } from './tuning.js';
import { answerOf } from './format.js';
import { readClaim } from './verify/align.js';
import { findMatches, type Match } from './verify/candidates.js';
import { cutOf } from './verify/cut.js';
import { compareWords, inlineDiff, negationsOf } from './verify/diff.js';
import { provenanceOf } from './verify/provenance.js';
import { findSplice, type Splice } from './verify/splice.js';
import { allowedEdits, isClaimedName, judge, type Claimed, type Judgement } from './verify/verdict.js';
import { alsoInLines, cutLines, formsLine, headingOf, negationLine, provenanceLines, speakersLine, spliceLines } from './verify/wording.js';
import type { Answer, AnswerRequest, Appearance, Citation, Cut, VerifyResult } from './types.js';

type VerifyRequest = Extract<AnswerRequest, { command: 'verify' }>;

/** Closest sources shown under a verdict. */
const SHOWN = 3;
/** Quotation marks around a pasted claim are not part of the words. */
const WRAPPING = /^[\s"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e]+|[\s"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e]+$/g;
/** An altered match this far from the claim may be pieces of two places joined: the splice search runs. */
const SPLICE_FROM_EDITS = 2;

/**
 * `/verify "<claim>" [speaker]`: is this quotation real? One verdict (verbatim, verbatim words cut
 * out of context, spliced, altered, reported, misattributed, not found in these sources), the
 * closest sources first, the words that differ, and where the words first appeared.
 */
export function answerVerify(kb: KnowledgeBase, request: VerifyRequest): Answer {
  const claimText = request.claim.replace(WRAPPING, '');
  const claim = readClaim(claimText);
  const typed = request.speaker.trim();
  const match = typed ? kb.speakers.resolve(typed) : null;
  const claimed: Claimed | null = match ? { typed, speakers: match.speaker ? [match.speaker] : match.ambiguous } : null;
  const claimedSpeaker = match ? (match.speaker?.name ?? typed) : null;
  // The offset pages the later sources repeating the words (provenance.ts); the verdict is the same on every page.
  const offset = request.offset;
  const canonical: VerifyRequest = { command: 'verify', claim: claimText, speaker: claimedSpeaker ?? '', ...boundsOf(request), offset };
  const accept = passageFilter(kb, boundsPeriod(request));
  const empty = {
    claim: claimText,
    claimedSpeaker,
    differences: [],
    negations: [],
    ranges: [],
    forms: [],
    firstSeen: null,
    appearances: [],
    appearancesTotal: 0,
  };
  if (!claim.words.length) {
    const heading = 'Which words should I check? Try /verify "the words" [speaker].';
    return withVerify(answerOf(canonical, { found: false, heading }), { verdict: 'not-found', ...empty });
  }
  const within = (claimed?.speakers ?? []).slice(0, 4).flatMap((s) => [s.quotePassages, s.reportedPassages]);
  const cuts = new Map<Match, Cut | null>();
  const cutFor = (m: Match): Cut | null => {
    if (!cuts.has(m)) cuts.set(m, cutOf(kb, claim, m));
    return cuts.get(m)!;
  };
  const matches = findMatches(kb, claim, within, allowedEdits(claim.words.length)).filter((m) => !accept || accept(m.passage));
  const judged = judge(kb, claim, matches, claimed, (m) => cutFor(m) !== null);
  const splice = spliceOf(kb, claim, judged, claimed, accept);
  const judgement: Judgement = splice ? { verdict: 'spliced', basis: splice.matches[0]!, shown: splice.matches } : judged;
  const { verdict, basis } = judgement;
  const picks = judgement.shown.map((m): Pick => {
    const words = m.source.flat();
    // The source's words for the claim: a sentence longer than an excerpt is cut around them.
    const focus = words.length ? { start: words[0]!.start, end: words[words.length - 1]!.end } : undefined;
    return { articleIndex: m.articleIndex, paragraphIndex: m.paragraphIndex, passage: m.passage, segments: m.segments, score: 0, focus };
  });
  // Each citation's place in its paragraph, for its stateless Cite button.
  const spans = new Map<Citation, [number, number]>();
  const cite = (p: Pick) => {
    const c = citationOf(kb, p);
    spans.set(c, excerptSpan(kb.articles[p.articleIndex]!.paragraphs[p.paragraphIndex]!, p.segments, p.focus));
    return c;
  };
  // A spliced claim cites each of its pieces, in the claim's order.
  const citations = !basis ? [] : splice ? picks.map(cite) : distinct(picks.map(cite), SHOWN);
  const source = splice ? [splice.matches.flatMap((m) => m.source.flat())] : basis?.source;
  const { differences, forms } = source ? compareWords(claim, source) : { differences: [], forms: [] };
  const negations = negationsOf(differences);
  const cut = verdict === 'out-of-context' && basis ? (cutFor(basis) ?? undefined) : undefined;
  const { firstSeen, appearances, later } = basis ? provenanceOf(kb, judgement.shown, offset) : { firstSeen: null, appearances: [], later: 0 };
  const hasMore = later > offset + appearances.length;
  const result: VerifyResult = {
    ...empty,
    verdict,
    differences,
    negations,
    forms,
    ranges: citations.map((c) => spans.get(c)!),
    ...(cut ? { cut } : {}),
    ...(splice ? { pieces: splice.pieces } : {}),
    firstSeen,
    appearances,
    appearancesTotal: later,
  };
  const lead = citations[0];
  if (offset > 0) return withVerify(laterPage(canonical, claimText, firstSeen, appearances, later, hasMore), result);
  const heading = headingOf(verdict, claimedSpeaker, basis, lead, judgement.unknownSpeaker === true);
  const body = [
    `Claim: “${claimText}”${claimedSpeaker ? ` (attributed to ${claimedSpeaker})` : ''}`,
    ...(cut ? cutLines(cut) : []),
    ...(splice ? spliceLines(splice.pieces) : []),
    negations.length ? negationLine(negations) : '',
    basis && differences.some((d) => d.op !== 'same')
      ? `Differences (source words [-removed-], claim words {+added+}): ${inlineDiff(differences)}`
      : '',
    formsLine(forms),
    verdict === 'verbatim' && !claimed ? speakersLine(kb, judgement.shown) : '',
    // A name the sources do not know may still be another name of the speaker found: say so.
    claimed && !claimed.speakers.length && basis?.owner.speaker
      ? isClaimedName(claimed, basis.owner.speaker)
        ? `“${typed}” is not a name in these sources; read as ${basis.owner.speaker} (the same words or initials).`
        : `“${typed}” names no speaker in these sources; if it is another name for ${basis.owner.speaker}, the words are theirs.`
      : '',
    ...provenanceLines(firstSeen, appearances, lead),
    hasMore ? `${later - appearances.length} more later sources on the next page.` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return withVerify(answerOf(canonical, { found: verdict !== 'not-found', heading, body, citations, hasMore }), result);
}

/** A further page of the later sources repeating the words ("more"): the sources only, the verdict having been given. */
function laterPage(
  request: VerifyRequest,
  claim: string,
  firstSeen: Appearance | null,
  appearances: Appearance[],
  later: number,
  hasMore: boolean,
): Answer {
  if (!firstSeen || !appearances.length) {
    return answerOf(request, { found: false, heading: `No more sources repeat “${claim}”.` });
  }
  const from = request.offset + 1;
  const heading = `Later sources repeating “${claim}”, ${from}–${request.offset + appearances.length} of ${later}:`;
  const rest = later - request.offset - appearances.length;
  const body = [...alsoInLines(appearances), ...(hasMore ? [`${rest} more later sources on the next page.`] : [])].join('\n');
  return answerOf(request, { found: true, heading, body, hasMore, total: later });
}

function withVerify(answer: Answer, verify: VerifyResult): Answer {
  return { ...answer, verify };
}

/**
 * A claim no single place holds (or holds only with several words changed) may be pieces of one
 * speaker's words joined: the claimed speaker's first, else anyone's, within the period asked.
 */
function spliceOf(
  kb: KnowledgeBase,
  claim: Claim,
  j: Judgement,
  claimed: Claimed | null,
  accept: ((passage: number) => boolean) | undefined,
): Splice | null {
  // (A line matched across two sentences is tried at any distance: a one-word sentence may stand between.)
  const far = (m: Match | null) => m !== null && (m.edits >= SPLICE_FROM_EDITS || (m.edits > 0 && m.segments.length > 1));
  const tried = j.verdict === 'not-found' ? !j.unknownSpeaker : j.verdict === 'altered' && far(j.basis);
  if (!tried) return null;
  const own = claimed?.speakers.length === 1 ? claimed.speakers[0]!.name : null;
  const found = (own ? findSplice(kb, claim, own) : null) ?? findSplice(kb, claim, null);
  return found && (!accept || found.matches.every((m) => accept(m.passage))) ? found : null;
}

/**
 * The citation of one speaker's (or the narration's) sentences in `[start, end)` of a paragraph:
 * what a verify citation was, rebuilt from its stateless Cite button.
 */
export function citationAt(kb: KnowledgeBase, articleIndex: number, paragraphIndex: number, start: number, end: number): Citation | null {
  const paragraph = kb.articles[articleIndex]?.paragraphs[paragraphIndex];
  if (!paragraph || !Number.isInteger(start) || !Number.isInteger(end)) return null;
  // The sentences inside the range, and a sentence longer than an excerpt that it cuts (no other
  // sentence is ever cut: a range starting inside one is not an excerpt this answer made).
  const long = (s: Segment) => s.end - s.start > MAX_EXCERPT && s.start <= start && start < s.end;
  const inside = paragraph.segments.filter((s) => s.kind !== 'attribution' && ((s.start >= start && s.end <= end) || long(s)));
  const lead = inside.find((s) => s.start === start || long(s)) ?? inside[0];
  if (!lead) return null;
  const same = (s: typeof lead) => (lead.kind === 'narration' ? s.kind === 'narration' : s.kind === lead.kind && s.speaker === lead.speaker);
  const passage = kb.passages.findIndex((p) => p.article === articleIndex && p.paragraph === paragraphIndex && p.start <= start && start < p.end);
  return citationOf(kb, {
    articleIndex,
    paragraphIndex,
    passage: Math.max(0, passage),
    segments: inside.filter(same),
    score: 0,
    focus: { start, end, exact: true },
  });
}

/**
 * The first `n` citations that are not copies of an earlier one (same speaker and kind, nearly the
 * same words); copies are listed under "also in". Unlike /quote's paging, the earliest copy never
 * takes the lead's place: the verdict and the diff are about the lead's own words.
 */
function distinct(all: Citation[], n: number): Citation[] {
  const kept: Citation[] = [];
  for (const c of all) {
    const twin = kept.find((o) => o.kind === c.kind && o.speaker === c.speaker && similarity(o, c) >= 0.8);
    if (!twin) {
      if (kept.length < n) kept.push(c);
      continue;
    }
    if (twin.sourceId !== c.sourceId && !twin.alsoIn.some((s) => s.sourceId === c.sourceId)) twin.alsoIn.push(refOf(c));
  }
  return kept;
}
