import { describe, expect, it } from 'vitest';
import { damerauLevenshtein } from '../../src/search/spell.js';
import { stem } from '../../src/search/terms.js';
import { loadSeeds } from '../helpers.js';

describe('fuzzy search over the seeds', async () => {
  const { core } = await loadSeeds();

  it('finds the speaker through typos and partial names', () => {
    for (const typed of ['stoltenburg', 'stoltenbreg', 'Stoltenberg', 'jens', 'nato secretary general', 'the NATO chief', 'Secretary-General']) {
      const a = core.answer({ command: 'quote', speaker: typed, topic: '', offset: 0 });
      expect(a.found, typed).toBe(true);
      expect(a.citations[0]?.speaker, typed).toBe('Jens Stoltenberg');
    }
  });

  it('corrects topic typos and says how it read them', () => {
    const a = core.ask('/quote stoltenberg chna');
    expect(a.found).toBe(true);
    expect(a.citations[0]?.excerpt).toContain('China');
    expect(a.text).toContain('Read “chna” as “china”');
  });

  it('matches spelling variants: uyghurs finds Uighurs', () => {
    const a = core.ask('/quote stoltenberg uyghurs');
    expect(a.citations.some((c) => c.excerpt.includes('the Uighurs'))).toBe(true);
  });

  it('matches plural and singular: election finds "elections"', () => {
    const a = core.ask('/quote stoltenberg election');
    expect(a.citations.some((c) => c.excerpt.includes('influence elections'))).toBe(true);
    expect(a.citations.some((c) => c.excerpt.includes('election processes'))).toBe(true);
  });

  it('reads espionnage as espionage', () => {
    const a = core.ask('/summary espionnage');
    expect(a.found).toBe(true);
    expect(a.citations.some((c) => /espionage/.test(c.excerpt))).toBe(true);
  });

  it('does not turn gibberish into a match', () => {
    expect(core.ask('/summary qwxzv').found).toBe(false);
    expect(core.ask('/quote angela merkel').found).toBe(false);
  });
});

describe('the building blocks', () => {
  it('stems plurals only', () => {
    expect(['elections', 'allies', 'processes', 'uighurs', 'sanctions', 'russia', 'process', 'us'].map(stem)).toEqual([
      'election',
      'ally',
      'process',
      'uighur',
      'sanction',
      'russia',
      'process',
      'us',
    ]);
  });
  it('counts a transposition as one edit', () => {
    expect(damerauLevenshtein('stoltenbreg', 'stoltenberg')).toBe(1);
    expect(damerauLevenshtein('chna', 'china')).toBe(1);
    expect(damerauLevenshtein('kitten', 'sitting', 1)).toBe(2);
  });
});
