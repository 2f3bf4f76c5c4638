import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { namesAgree, personWords, samePerson, withoutTitles } from '../../src/knowledge/person.js';
import { isClaimedName } from '../../src/answer/verify/verdict.js';
import { FIXTURES } from '../helpers.js';

/** Real speaker names of the two corpora (tests/fixtures/names/speakers.txt). */
const names = readFileSync(join(FIXTURES, 'names', 'speakers.txt'), 'utf8')
  .split('\n')
  .filter(Boolean);

describe('one person model (knowledge/person.ts)', () => {
  it('every corpus name of two words or more is itself with a title before it, its initials dropped, and in capitals', () => {
    const multi = names.filter((n) => personWords(n).length >= 2);
    expect(multi.length).toBeGreaterThan(2000);
    for (const n of multi) {
      expect(samePerson(n, `Sir ${n}`), n).toBe(true);
      expect(samePerson(n, n.toUpperCase()), n).toBe(true);
      expect(samePerson(n, n.replace(/\b\p{Lu}\.\s*/gu, '')), n).toBe(personWords(n.replace(/\b\p{Lu}\.\s*/gu, '')).length >= 2);
    }
  });

  it('two different people are not one: another given name, another surname, a lone surname', () => {
    expect(samePerson('George W. Bush', 'George Bush')).toBe(true);
    expect(samePerson('John Adams', 'John Quincy Adams')).toBe(true);
    expect(samePerson('Hillary Clinton', 'Bill Clinton')).toBe(false);
    expect(samePerson('Kim Jong-un', 'Kim Jong-il')).toBe(false);
    expect(samePerson('Clinton', 'Bill Clinton')).toBe(false);
    // Word for word in the parser; the directory's spelling tolerance is its own, given explicitly.
    expect(samePerson('Macky Sall', 'Macky Sail')).toBe(false);
    expect(
      namesAgree(
        personWords('Macky Sall'),
        personWords('Macky Sail'),
        (a, b) => a.length === b.length && [...a].filter((c, i) => c !== b[i]).length === 1,
      ),
    ).toBe(true);
  });

  it('a typed name drops its words of address and rank; /verify takes a titled or initialled claimed speaker as the person', () => {
    expect(withoutTitles('dame mary eugenia charles')).toBe('mary eugenia charles');
    expect(withoutTitles('archbishop paul gallagher')).toBe('paul gallagher');
    const claimed = (typed: string) => ({ typed, speakers: [] });
    expect(isClaimedName(claimed('Sir Alex Ferguson'), 'Alex Ferguson')).toBe(true);
    expect(isClaimedName(claimed('fdr'), 'Franklin D. Roosevelt')).toBe(true);
    expect(isClaimedName(claimed('Sir Alex Ferguson'), 'Alex Salmond')).toBe(false);
  });
});
