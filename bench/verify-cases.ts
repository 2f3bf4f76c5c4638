/**
 * The /verify claims of bench/verify.ts (and bench/compare.ts --verify), built deterministically
 * from the corpus with a seed. Claims are cut from random direct quotes (a run of 6–16 words): as
 * said (with their speaker, and with no speaker), with one word changed, and given to another speaker.
 */
import type { AnswerRequest, Verdict } from '../src/answer/types.js';
import type { KnowledgeBase } from '../src/search/kb.js';
import { createRandom, pick, pickIndex } from './prng.js';

/** The verdicts a case may rightly get: words cut from a quote are verbatim, or out-of-context when what is left out changes them. */
export type VerifyCase = { request: Extract<AnswerRequest, { command: 'verify' }>; expect: Verdict[]; kind: string };
const VERBATIM: Verdict[] = ['verbatim', 'out-of-context'];

export function verifyCases(kb: KnowledgeBase, seed: number, wanted: number): VerifyCase[] {
  const random = createRandom(seed);
  const speakers = kb.speakers.all.filter((s) => s.quotes > 0);
  const vocabulary = kb.index.data.terms.filter((t) => /^[a-z]{6,}$/.test(t));
  const cases: VerifyCase[] = [];
  while (cases.length < wanted) {
    const speaker = pick(random, speakers);
    const id = speaker.quotePassages[pickIndex(random, speaker.quotePassages.length)]!;
    const p = kb.passages[id]!;
    const para = kb.articles[p.article]!.paragraphs[p.paragraph]!;
    const seg = para.segments.find((s) => s.kind === 'quote' && s.speaker === speaker.name && !s.embedded && s.start >= p.start && s.end <= p.end);
    if (!seg) continue;
    const words = para.text
      .slice(seg.start, seg.end)
      .split(/\s+/)
      .filter((w) => /[\p{L}\p{N}]/u.test(w));
    if (words.length < 8) continue;
    const len = 6 + pickIndex(random, Math.min(10, words.length - 5));
    const from = pickIndex(random, words.length - len + 1);
    const claim = words.slice(from, from + len).join(' ');
    const changed = [...words.slice(from, from + len)];
    changed[1 + pickIndex(random, len - 2)] = pick(random, vocabulary);
    const other = pick(random, speakers);
    const kind = cases.length % 4;
    if (kind === 0) cases.push({ request: { command: 'verify', claim, speaker: speaker.name, offset: 0 }, expect: VERBATIM, kind: 'as said' });
    if (kind === 1) cases.push({ request: { command: 'verify', claim, speaker: '', offset: 0 }, expect: VERBATIM, kind: 'no speaker' });
    if (kind === 2)
      cases.push({
        request: { command: 'verify', claim: changed.join(' '), speaker: speaker.name, offset: 0 },
        expect: ['altered'],
        kind: 'one word changed',
      });
    if (kind === 3 && other !== speaker)
      cases.push({ request: { command: 'verify', claim, speaker: other.name, offset: 0 }, expect: ['misattributed'], kind: 'other speaker' });
  }
  return cases;
}
