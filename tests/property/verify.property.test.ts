/**
 * /verify's two promises, over every direct quote of the seeds (fast-check): a run of words cut from
 * any direct quote is verbatim with that quote's speaker, and changing one of its words makes it
 * altered, with the new word among the added differences (and, inside the run, the old one among the removed).
 */
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_INPUT } from '../../src/answer/ask.js';
import { coreOf } from '../../src/answer/core.js';
import type { Core } from '../../src/answer/types.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { wordSpans, words as wordsOf } from '../../src/knowledge/text.js';
import { buildKnowledgeBase, type KnowledgeBase } from '../../src/search/kb.js';
import { isStopWord } from '../../src/search/terms.js';
import { renderAnswer } from '../../src/render/discord/answer.js';
import { decodeButton } from '../../src/render/discord/custom-ids.js';
import { messageProblems } from './checks.js';
import { hostile } from './inputs.js';

const DIR = fileURLToPath(new URL('../../knowledge', import.meta.url));
/** Words that are in no seed: a changed word can never be mistaken for the original. */
const STRANGERS = ['zeppelin', 'marmalade', 'quasar', 'tundra', 'accordion', 'gazebo', 'walrus', 'origami'];

interface Quote {
  speaker: string;
  words: string[];
}
let kb: KnowledgeBase;
let core: Core;
const quotes: Quote[] = [];

beforeAll(async () => {
  const { articles } = await loadKnowledge(DIR);
  kb = buildKnowledgeBase(articles);
  core = coreOf(kb);
  for (const a of kb.articles) {
    for (const p of a.paragraphs) {
      for (const s of p.segments) {
        if (s.kind !== 'quote' || !s.speaker) continue;
        const text = p.text.slice(s.start, s.end);
        // Words as typed (punctuation dropped), so the claim reads like a pasted quotation.
        const words = wordSpans(text).map((w) => text.slice(w.start, w.end));
        if (words.length >= 6) quotes.push({ speaker: s.speaker, words });
      }
    }
  }
}, 30_000);

/**
 * A quote, and a run of 5–14 of its words with at least three that are not stop words: "from the
 * … to the" with its one noun changed shares nothing telling with any line, and "not found in these
 * sources" is then the right answer, not "altered".
 */
const run = () =>
  fc
    .nat()
    .chain((q) => {
      const quote = quotes[q % quotes.length]!;
      const most = Math.min(14, quote.words.length);
      return fc
        .integer({ min: 5, max: most })
        .chain((len) => fc.record({ quote: fc.constant(quote), from: fc.integer({ min: 0, max: quote.words.length - len }), len: fc.constant(len) }));
    })
    .filter(({ quote, from, len }) => quote.words.slice(from, from + len).filter((w) => !isStopWord(w.toLowerCase())).length >= 3);

describe('verify properties', () => {
  it('has quotes to cut from', () => expect(quotes.length).toBeGreaterThan(10));

  it('a run of words cut from a direct quote is verbatim with that quote’s speaker (or its words, cut, when what is left out changes them)', () => {
    fc.assert(
      fc.property(run(), ({ quote, from, len }) => {
        const claim = quote.words.slice(from, from + len).join(' ');
        const a = core.answer({ command: 'verify', claim, speaker: quote.speaker, offset: 0 });
        expect(['verbatim', 'out-of-context'], claim).toContain(a.verify?.verdict);
        // A cut names what it leaves out, and only a run shorter than its quote can leave anything out.
        if (a.verify?.verdict === 'out-of-context') {
          expect(a.verify.cut?.reasons.length, claim).toBeGreaterThan(0);
          expect(a.verify.cut?.parts.some((p) => p.left)).toBe(true);
        }
        expect(a.citations[0]?.speaker).toBe(quote.speaker);
        expect(a.verify!.differences.every((d) => d.op === 'same')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a whole sentence of a direct quote, nothing left out, is verbatim', () => {
    // Each quote segment is one sentence of the quotation.
    // (A claim is read up to the core's input limit: sentences longer than that are left out.)
    const sentences = quotes.map((q) => q.words.join(' ')).filter((c) => c.length < MAX_INPUT);
    fc.assert(
      fc.property(fc.constantFrom(...sentences), (claim) => {
        expect(core.answer({ command: 'verify', claim, speaker: '', offset: 0 }).verify?.verdict, claim).toBe('verbatim');
      }),
      { numRuns: 100 },
    );
  });

  it('changing one word makes it altered, with that word in the differences', () => {
    fc.assert(
      fc.property(run(), fc.nat(), fc.constantFrom(...STRANGERS), ({ quote, from, len }, at, stranger) => {
        const words = quote.words.slice(from, from + len);
        const i = at % words.length;
        const original = words[i]!;
        words[i] = stranger;
        const claim = words.join(' ');
        const a = core.answer({ command: 'verify', claim, speaker: quote.speaker, offset: 0 });
        expect(a.verify?.verdict, claim).toBe('altered');
        expect(a.citations[0]?.speaker).toBe(quote.speaker);
        const added = a.verify!.differences.filter((d) => d.op === 'added').flatMap((d) => d.text.split(' '));
        expect(added, claim).toContain(stranger);
        // The source word it replaced is shown as removed when the closest line is the one cut from
        // (another line of the speaker's may be as close: "into the alleged" for "into an alleged"),
        // unless the change is at an edge (then the changed word is only added).
        const removed = a.verify!.differences.filter((d) => d.op === 'removed').flatMap((d) => d.text.split(' '));
        const cutFrom = ` ${wordsOf(a.citations[0]?.excerpt ?? '').join(' ')} `.includes(
          ` ${wordsOf(quote.words.slice(from, from + len).join(' ')).join(' ')} `,
        );
        // A word beside its own repeat ("very very" → "zeppelin very") reads as well as an insertion.
        const src = quote.words.slice(from, from + len);
        const repeated = src[i - 1] === original || src[i + 1] === original;
        if (cutFrom && i > 0 && i < words.length - 1 && !repeated) expect(removed, claim).toContain(original);
      }),
      { numRuns: 300 },
    );
  });

  it("any claim and speaker, however hostile, gets a verdict rendered within Discord's limits, escaped", () => {
    const claim = fc.oneof(
      hostile,
      run().map(({ quote, from, len }) => quote.words.slice(from, from + len).join(' ')),
    );
    fc.assert(
      fc.property(claim, fc.oneof(fc.constant(''), hostile), (c, speaker) => {
        const a = core.answer({ command: 'verify', claim: c, speaker, offset: 0 });
        expect(['verbatim', 'out-of-context', 'spliced', 'altered', 'reported', 'misattributed', 'not-found']).toContain(a.verify?.verdict);
        const messages = renderAnswer(a, { askerId: '1100000000000000005' });
        expect(messages.flatMap((m) => messageProblems(m, { heading: true }))).toEqual([]);
        for (const id of messages.flatMap((m) => m.components.flatMap((r) => r.components.map((b) => ('custom_id' in b ? b.custom_id : '')))))
          expect(decodeButton(id), id).not.toBeNull();
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
