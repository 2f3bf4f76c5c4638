import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDemonym, isPlaceName } from '../../src/knowledge/lexicon/places.js';
import { FIXTURES } from '../helpers.js';

const words = [
  ...new Set(
    readFileSync(join(FIXTURES, 'names', 'speakers.txt'), 'utf8')
      .split(/\s+/)
      .filter((w) => /^\p{Lu}\p{Ll}+$/u.test(w)),
  ),
];

describe('countries, capitals and nationalities (lexicon/places.ts)', () => {
  it('no word of the corpora’s 3,366 speaker names is read as a nationality (Cameron, Ghani, Fini are surnames)', () => {
    expect(words.length).toBeGreaterThan(3000);
    expect(words.filter((w) => isDemonym(w))).toEqual([]);
  });

  it('nationalities derived from the country names, and irregular ones, are recognised; a country is not its own nationality', () => {
    for (const w of ['British', 'Zimbabwean', 'Chinese', 'Pakistani', 'German', 'Palestinian', 'Belgian', 'Lebanese', 'Polish', 'Kenyan'])
      expect(isDemonym(w), w).toBe(true);
    for (const w of ['Mali', 'Chad', 'Jordan', 'Smith']) expect(isDemonym(w), w).toBe(false);
    expect(isPlaceName('Bolivia')).toBe(true);
    expect(isPlaceName('Sri Lanka')).toBe(true);
    expect(isPlaceName('Nairobi')).toBe(true);
    expect(isPlaceName('Victoria')).toBe(false);
  });
});
