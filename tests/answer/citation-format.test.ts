import { describe, expect, it } from 'vitest';
import { citationBlock } from '../../src/answer/format.js';
import type { Citation } from '../../src/answer/types.js';

// The golden format a user copies: the words, then who, where and when.
describe('citation format', () => {
  const base: Citation = {
    kind: 'quote',
    speaker: 'Jens Stoltenberg',
    excerpt: 'We don’t regard China as an adversary.',
    sourceId: 'a',
    title: 'NATO Allies support sanctions',
    publisher: 'DIPLOMATIC TIMES',
    date: '2021-03-24',
    url: null,
    alsoIn: [],
    passageKey: 'a#1',
  };
  it('quote', () => {
    expect(citationBlock(base, 1)).toBe(
      '[1] “We don’t regard China as an adversary.”\n    — Jens Stoltenberg, “NATO Allies support sanctions”, DIPLOMATIC TIMES, 24 March 2021 (2021-03-24)',
    );
  });
  it('reported speech, year-only date and other copies', () => {
    const c: Citation = {
      ...base,
      kind: 'reported',
      excerpt: 'He said all Allies remain committed.',
      date: '2019',
      publisher: null,
      alsoIn: [{ sourceId: 'b', title: 'Copy', publisher: null, date: '2019', url: null }],
    };
    expect(citationBlock(c, 2)).toBe(
      '[2] He said all Allies remain committed.\n    — reported speech of Jens Stoltenberg (not a direct quote), “NATO Allies support sanctions”, 2019\n    also in: “Copy”, 2019',
    );
  });
});
