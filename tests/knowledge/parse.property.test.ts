import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonlRecord } from '../../src/knowledge/jsonl.js';
import { ParseError, parseArticle } from '../../src/knowledge/parse.js';

// Pieces of real article text and of malformed text, glued in random order: the parser must
// either refuse with a ParseError or produce segments that are true slices of their paragraph.
const pieces = fc.constantFrom(
  '“',
  '”',
  '"',
  '‘',
  '’',
  '«',
  '»',
  '\n',
  '\n\n',
  '\r\n',
  '---\n',
  '# ',
  '-NATO Secretary General Jens Stoltenberg\n',
  'said NATO Secretary General Jens Stoltenberg. ',
  '“We will,” he said. ',
  'She said that ',
  ',” Stoltenberg said. ',
  '24 March 2021',
  'March 24, 2021',
  '2021-02-30',
  'By Gary Raynaldo DIPLOMATIC TIMES\n',
  '(credit: nato.int) ',
  'Browse By\n',
  'print\n',
  'Mr. ',
  'U.S. ',
  'The alliance met. ',
  'Q. ',
  'THE PRESIDENT: ',
  '**BUSH:** ',
  '\u0000',
  '\u202e',
  '😀',
);
const article = fc.array(fc.oneof(pieces, fc.string({ maxLength: 30 })), { maxLength: 60 }).map((xs) => xs.join(''));

function checkSegments(paragraphs: Array<{ text: string; segments: Array<{ start: number; end: number }> }>): void {
  for (const p of paragraphs) {
    for (const s of p.segments) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(p.text.length);
      expect(s.end).toBeGreaterThan(s.start);
    }
  }
}

describe('parsing arbitrary article text', () => {
  it('refuses with a ParseError or yields segments that are slices of their paragraphs', () => {
    fc.assert(
      fc.property(article, (text) => {
        try {
          const a = parseArticle(text, 'x', 'x.md');
          expect(a.date).toMatch(/^\d{4}(-\d{2}-\d{2})?$/);
          checkSegments(a.paragraphs);
        } catch (err) {
          expect(err).toBeInstanceOf(ParseError);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('turns any speech text into speaker segments within bounds, turns marked or not', () => {
    fc.assert(
      fc.property(article, fc.boolean(), (text, multi) => {
        const a = parseJsonlRecord(
          JSON.stringify({ id: 'r', title: 't', speaker: 'George Bush', date: '1988', multi_speaker: multi, text: `x ${text}` }),
          'f.jsonl',
          1,
        );
        checkSegments(a.paragraphs);
      }),
      { numRuns: 500 },
    );
  });
});
