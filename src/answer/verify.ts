import { boundsOf, boundsPeriod } from './bounds.js';
import { passageFilter } from './period.js';
import type { Segment } from '../knowledge/types.js';
import type { KnowledgeBase } from '../search/kb.js';
import { citationOf } from './cite.js';
import { excerptSpan } from './excerpt.js';
import { refOf } from './source-ref.js';
import { similarity } from './dedupe.js';
import type { Pick } from './pick.js';
import { MAX_EXCERPT } from './tuning.js';
import { answerOf, sourceLine } from './format.js';
import { readClaim } from './verify/align.js';
import { findMatches, type Match } from './verify/candidates.js';
import { differencesOf, inlineDiff, negationsOf } from './verify/diff.js';
import { allowedEdits, isClaimedName, judge, type Claimed } from './verify/verdict.js';
import type { Answer, AnswerRequest, Citation, Difference, Verdict, VerifyResult } from './types.js';

type VerifyRequest = Extract<AnswerRequest, { command: 'verify' }>;

/** Closest sources shown under a verdict. */
const SHOWN = 3;
/** Quotation marks around a pasted claim are not part of the words. */
const WRAPPING = /^[\s"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e]+|[\s"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e]+$/g;

/**
 * `/verify "<claim>" [speaker]`: is this quotation real? One verdict (verbatim, altered, reported,
 * misattributed, not found in these sources), the closest sources first, and the words that differ.
 */
export function answerVerify(kb: KnowledgeBase, request: VerifyRequest): Answer {
  const claimText = request.claim.replace(WRAPPING, '');
  const claim = readClaim(claimText);
  const typed = request.speaker.trim();
  const match = typed ? kb.speakers.resolve(typed) : null;
  const claimed: Claimed | null = match ? { typed, speakers: match.speaker ? [match.speaker] : match.ambiguous } : null;
  const claimedSpeaker = match ? (match.speaker?.name ?? typed) : null;
  const canonical: VerifyRequest = { command: 'verify', claim: claimText, speaker: claimedSpeaker ?? '', ...boundsOf(request), offset: 0 };
  const accept = passageFilter(kb, boundsPeriod(request));
  if (!claim.words.length) {
    return withVerify(answerOf(canonical, { found: false, heading: 'Which words should I check? Try /verify "the words" [speaker].' }), {
      verdict: 'not-found',
      claim: claimText,
      claimedSpeaker,
      differences: [],
      negations: [],
      ranges: [],
    });
  }
  const within = (claimed?.speakers ?? []).slice(0, 4).flatMap((s) => [s.quotePassages, s.reportedPassages]);
  const judgement = judge(
    kb,
    claim,
    findMatches(kb, claim, within, allowedEdits(claim.words.length)).filter((m) => !accept || accept(m.passage)),
    claimed,
  );
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
  const citations = verdict === 'not-found' ? [] : distinct(picks.map(cite), SHOWN);
  const differences = basis ? differencesOf(claim, basis.source) : [];
  const negations = negationsOf(differences);
  const result: VerifyResult = { verdict, claim: claimText, claimedSpeaker, differences, negations, ranges: citations.map((c) => spans.get(c)!) };
  const lead = citations[0];
  const heading = headingOf(verdict, claimedSpeaker, basis, lead);
  const body = [
    `Claim: “${claimText}”${claimedSpeaker ? ` (attributed to ${claimedSpeaker})` : ''}`,
    negations.length ? negationLine(negations) : '',
    basis && differences.some((d) => d.op !== 'same')
      ? `Differences (source words [-removed-], claim words {+added+}): ${inlineDiff(differences)}`
      : '',
    verdict === 'verbatim' && !claimed ? speakersLine(kb, judgement.shown) : '',
    // A name the sources do not know may still be another name of the speaker found: say so.
    claimed && !claimed.speakers.length && basis?.owner.speaker
      ? isClaimedName(claimed, basis.owner.speaker)
        ? `“${typed}” is not a name in these sources; read as ${basis.owner.speaker} (the same words or initials).`
        : `“${typed}” names no speaker in these sources; if it is another name for ${basis.owner.speaker}, the words are theirs.`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
  return withVerify(answerOf(canonical, { found: verdict !== 'not-found', heading, body, citations }), result);
}

function withVerify(answer: Answer, verify: VerifyResult): Answer {
  return { ...answer, verify };
}

function headingOf(verdict: Verdict, claimed: string | null, basis: Match | null, lead: Citation | undefined): string {
  const where = lead ? ` (${sourceLine(lead)})` : '';
  const speaker = basis?.owner.speaker ?? lead?.speaker ?? null;
  switch (verdict) {
    case 'verbatim':
      return `Verbatim: ${speaker ?? claimed} said these words, in this order${claimed ? '' : ', first'}${where}.`;
    case 'altered':
      return `Altered: the closest quotation of ${speaker ?? claimed ?? 'anyone'} shares most of these words, but not all of them or not in this order${where}.`;
    case 'reported':
      return `Reported, not quoted: these words are the source's own account${speaker ? ` of ${speaker}` : claimed ? ` about ${claimed}` : ''}, not a direct quotation${where}.`;
    case 'misattributed':
      if (basis?.owner.kind !== 'quote' && claimed)
        return `Misattributed: in the transcript these words are not ${claimed}'s (another speaker's turn, such as a question put to ${claimed})${where}.`;
      return `Misattributed: these words are ${speaker}'s, not ${claimed}'s${where}.`;
    case 'not-found':
      return `Not found in these sources: no quotation${claimed ? ` of ${claimed}` : ''} or passage comes close to these words.`;
  }
}

function negationLine(negations: Difference[]): string {
  const said = negations.map(
    (n) => `“${n.text}” ${n.op === 'removed' ? 'is in the source but not in the claim' : 'is in the claim but not in the source'}`,
  );
  return `Negation differs (it reverses the meaning): ${said.join('; ')}.`;
}

/** For "who said …": every speaker quoted with the exact words, first source first. */
function speakersLine(kb: KnowledgeBase, shown: Match[]): string {
  const first = new Map<string, string>();
  for (const m of shown) {
    if (m.edits !== 0 || m.owner.kind !== 'quote' || !m.owner.speaker) continue;
    const date = kb.articles[m.articleIndex]!.date;
    const had = first.get(m.owner.speaker);
    if (!had || date < had) first.set(m.owner.speaker, date);
  }
  const list = [...first].sort((a, b) => a[1].localeCompare(b[1])).map(([s, d]) => `${s} (${d})`);
  return list.length > 1 ? `Quoted with these exact words: ${list.join(', ')}.` : '';
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
