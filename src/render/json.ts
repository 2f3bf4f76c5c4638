import type { Answer, VerifyResult } from '../answer/types.js';
import { formatCitation, type CiteStyle } from './cite-styles.js';
import { answerText } from './text.js';

/** The `ask --json` contract: one answer → one line of JSON, with every citation's source and date. */
/** With `cite`, every citation also carries its reference entry in that style (`ask --json --cite apa`). */
export function renderJson(answer: Answer, options: { cite?: CiteStyle; more?: string } = {}): string {
  return JSON.stringify({
    command: answer.command,
    found: answer.found,
    text: answerText(answer, options.more),
    citations: answer.citations.map((c) => ({
      kind: c.kind,
      speaker: c.speaker,
      ...(c.speakerAsGiven ? { speakerAsGiven: c.speakerAsGiven } : {}),
      excerpt: c.excerpt,
      sourceId: c.sourceId,
      title: c.title,
      section: c.section ?? null,
      publisher: c.publisher,
      date: c.date,
      ...(c.dateFrom ? { dateFrom: c.dateFrom } : {}),
      url: c.url,
      alsoIn: c.alsoIn.map((s) => ({ sourceId: s.sourceId, title: s.title, date: s.date })),
      ...(c.partial ? { partial: true } : {}),
      ...(options.cite ? { cite: formatCitation(c, options.cite) } : {}),
    })),
    suggestions: answer.suggestions,
    hasMore: answer.hasMore,
    total: answer.total ?? answer.citations.length,
    ...(answer.sources
      ? {
          sources: answer.sources.map((s) => ({
            sourceId: s.sourceId,
            title: s.title,
            publisher: s.publisher,
            author: s.author,
            date: s.date,
            url: s.url,
            retrieved: s.retrieved ?? null,
            paragraphs: s.paragraphs,
            quotes: s.quotes,
            speakers: s.speakers,
          })),
        }
      : {}),
    ...(answer.verify ? verifyFields(answer.verify) : {}),
    ...(answer.periods ? { periods: answer.periods.map((p) => ({ period: p.period, count: p.count })) } : {}),
  });
}

/**
 * `/verify`'s own fields: verdict, the claim as checked, who it was attributed to, the word diff,
 * words in another form, the cut sentence or the spliced pieces, and where the words first appeared.
 */
function verifyFields(v: VerifyResult) {
  return {
    verdict: v.verdict,
    claim: v.claim,
    claimedSpeaker: v.claimedSpeaker,
    differences: v.differences,
    negations: v.negations,
    forms: v.forms,
    ...(v.cut ? { cut: v.cut } : {}),
    ...(v.pieces ? { pieces: v.pieces } : {}),
    firstSeen: v.firstSeen,
    appearances: v.appearances,
    appearancesTotal: v.appearancesTotal,
  };
}
