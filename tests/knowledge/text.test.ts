import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiWordBounds, fold, words } from '../../src/knowledge/text.js';

/** The full folding, as the fast paths must give it: compatibility decomposition, marks off, typographic quotes and dashes made plain. */
function foldByDefinition(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc\u2032]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase();
}

describe('fold', () => {
  it('meets a name with and without its accents, and typographic with plain marks', () => {
    expect(fold('Niinistö')).toBe('niinisto');
    expect(fold('Russia’s — “NATO”')).toBe("russia's - “nato”");
    expect(words('Russia’s non‑aligned ﬁnance')).toEqual(['russia', 'non', 'aligned', 'finance']);
  });

  it('folds every mix of ASCII, typographic marks and accented letters as the full definition does', () => {
    // Characters from each path: plain ASCII, the marks the fast path handles, and ones that need
    // normalising (accents, a ligature, an ellipsis, NBSP, U+2011, capitals with accents).
    const pool = [
      'a',
      'Z',
      ' ',
      "'",
      '-',
      '.',
      '\u2018',
      '\u2019',
      '\u02bc',
      '\u2032',
      '\u2010',
      '\u2011',
      '\u2013',
      '\u2014',
      '\u2015',
      '\u201c',
      '\u201d',
      'é',
      'Ö',
      'ﬁ',
      '\u2026',
      '\u00a0',
      'ç',
      'İ',
    ];
    // Half the strings from the first 17 characters only (the fast paths), half from all.
    const text = (chars: string[]) => fc.string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.oneof(text(pool.slice(0, 17)), text(pool)), (t) => {
        expect(fold(t), JSON.stringify(t)).toBe(foldByDefinition(t));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('asciiWordBounds', () => {
  it('finds exactly the words the ASCII word pattern matches, apostrophes and digits included', () => {
    expect(asciiWordBounds("don't 9'a nation's '' x")).toEqual([0, 5, 6, 9, 10, 18, 22, 23]);
    const pattern = /[a-z0-9]+(?:'[a-z]+)*/g;
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'z', '0', '9', "'", "'", ' ', '-', '.', 'A'), maxLength: 16 });
    fc.assert(
      fc.property(text, (t) => {
        const expected = [...t.matchAll(pattern)].flatMap((m) => [m.index, m.index + m[0].length]);
        expect(asciiWordBounds(t), JSON.stringify(t)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
