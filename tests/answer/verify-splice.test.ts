/**
 * /verify's splice search over hand-made knowledge and the committed corpus sample: a piece that
 * starts with "I'll", "I've" or "I'd" (a contraction whose second word is as long as the contraction
 * as written: "will"/"I'll") is found word for word, so the claim is "spliced", both places cited.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/answer/core.js';
import { readClaim } from '../../src/answer/verify/align.js';
import { findExact } from '../../src/answer/verify/candidates.js';
import { parseJsonlRecord } from '../../src/knowledge/jsonl.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildKnowledgeBase } from '../../src/search/kb.js';
import { FIXTURES } from '../helpers.js';

const SPEAKER = 'Ann Example';
const SPEECH = [
  'I’ll tell you what the farmers said. The harvest was poor this year across the valley. Prices rose in every market. We will build a new road to the coast.',
  "I've seen the river flood twice. Nobody expected the second flood. The dams held after all.",
  "I'd seen it coming for years. The council ignored the warnings of the engineers.",
].join('\n\n');

const kb = buildKnowledgeBase([
  parseJsonlRecord(
    JSON.stringify({ id: 'ann-1', title: 'Address at the Valley Fair', speaker: SPEAKER, date: '2020-05-01', text: SPEECH }),
    'speeches.jsonl',
    1,
  ),
]);
const core = createCore(kb.articles);
const verify = (claim: string, speaker = SPEAKER) => core.answer({ command: 'verify', claim, speaker, offset: 0 });

describe('splice pieces that start with a contraction', () => {
  it('findExact finds "I’ll tell you", "I’ve seen the river" and "I’d seen it" where they are written', () => {
    for (const words of ["I'll tell you", 'I’ll tell you what', "I've seen the river", "I'd seen it coming"]) {
      const found = findExact(kb, readClaim(words), []);
      expect(found.length, words).toBe(1);
      expect(found[0]!.owner).toEqual({ kind: 'quote', speaker: SPEAKER });
    }
  });

  it.each([
    [
      "I'll tell you what the farmers said. We will build a new road to the coast",
      'I’ll tell you what the farmers said',
      'We will build a new road to the coast',
    ],
    [
      "I've seen the river flood twice. The council ignored the warnings of the engineers",
      "I've seen the river flood twice",
      'The council ignored the warnings of the engineers',
    ],
    ["I'd seen it coming for years. The dams held after all", "I'd seen it coming for years", 'The dams held after all'],
    ['Prices rose in every market. I’ll tell you what the farmers said', 'Prices rose in every market', 'I’ll tell you what the farmers said'],
  ])('"%s" is spliced, each piece cited', (claim, first, second) => {
    const a = verify(claim);
    expect(a.verify?.verdict, claim).toBe('spliced');
    expect(a.verify!.pieces!.map((p) => p.claim)).toEqual([claim.slice(0, first.length), claim.slice(-second.length)]);
    expect(a.verify!.pieces![0]!.gap).toBeTruthy();
    expect(a.citations).toHaveLength(2);
    expect(a.citations[0]!.excerpt).toContain(first);
    expect(a.citations[1]!.excerpt).toContain(second);
  });

  it('Truman’s “I’ll tell you—you’re going to get taken to town …” joined with another of his sentences is spliced (corpus sample)', async () => {
    const { articles } = await loadKnowledge(join(FIXTURES, 'speeches-sample'));
    const sample = createCore(articles);
    const claim =
      "I'll tell you you're going to get taken to town if you don't use your privilege on election day. I appreciate that introduction very much and I think he is a good prophet";
    const a = sample.answer({ command: 'verify', claim, speaker: 'Harry S. Truman', offset: 0 });
    expect(a.verify?.verdict).toBe('spliced');
    expect(a.verify!.pieces!.map((p) => p.claim)).toEqual([
      "I'll tell you you're going to get taken to town if you don't use your privilege on election day",
      'I appreciate that introduction very much and I think he is a good prophet',
    ]);
    expect(a.citations[0]!.excerpt).toContain("I'll tell you—you're going to get taken to town");
    expect(a.citations[1]!.excerpt).toContain('I appreciate that introduction very much');
    for (const c of a.citations) expect(c.speaker).toBe('Harry S. Truman');
  });
});
