/** "Did you mean" offers only what is close to what was typed and would give a result, best first; nothing otherwise. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/answer/types.js';
import { loadSeeds } from '../helpers.js';

let core: Core;
beforeAll(async () => {
  ({ core } = await loadSeeds());
});

describe('did you mean', () => {
  it('offers nothing when nothing is close ("hello there" is not "therefore")', () => {
    for (const q of ['hello there', '/summary cheese', '/quote stoltenberg cheese', '/quote nobody']) {
      const a = core.ask(q);
      expect(a.found, q).toBe(false);
      expect(a.suggestions, q).toEqual([]);
      expect(a.text, q).not.toMatch(/Did you mean/);
    }
  });

  it('offers close speakers, best first, and every one of them answers', () => {
    const a = core.ask('/quote boris johnson');
    expect(a.suggestions).toEqual(['Boyko Borissov']);
    expect(core.ask(`/quote ${a.suggestions[0]}`).found).toBe(true);
  });

  it('offers a close topic only when it would give a result', () => {
    const a = core.ask('/summary zzbulgarix');
    for (const s of a.suggestions) expect(core.ask(`/summary ${s}`).found, s).toBe(true);
    const typo = core.ask('/quote stoltenberg xqxq nukes');
    for (const s of typo.suggestions) expect(core.ask(`/quote stoltenberg ${s}`).found, s).toBe(true);
  });

  it('/quote stoltenberg in 2020 offers the years that have quotes', () => {
    const a = core.ask('/quote stoltenberg in 2020');
    expect(a.found).toBe(false);
    expect(a.suggestions).toEqual(['in 2021']);
    expect(core.ask(`/quote stoltenberg ${a.suggestions[0]}`).found).toBe(true);
    expect(core.ask('/quote stoltenberg china in 2019').suggestions).toEqual(['in 2021']);
  });

  it('a question that left something out gets examples, not "did you mean"', () => {
    for (const q of ['/summary', '/quote']) {
      const a = core.ask(q);
      expect(a.text, q).toMatch(/\n\nFor example: [^\n]+\.$/);
      expect(a.text, q).not.toMatch(/Did you mean/);
    }
  });

  it('a first page with nothing says so, not "nothing more"', () => {
    // …and then shows the sources of every date, saying so (the filter is never dropped silently).
    const a = core.ask('since 2030 nato');
    expect(a.heading).toBe('No passage matches “nato” (since 2030); the best passages of every date follow.');
    expect(a.citations.length).toBeGreaterThan(0);
    expect(a.citations.every((c) => c.date < '2030')).toBe(true);
  });
});
