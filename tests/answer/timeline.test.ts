import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/answer/core.js';
import { parseBound, combinePeriod } from '../../src/answer/bounds.js';
import type { Answer, Core } from '../../src/answer/types.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { renderJson } from '../../src/render/json.js';
import { FIXTURES, loadSeeds, seedCorpus, excerptPieces, collapse } from '../helpers.js';

async function fixtureCore(): Promise<Core> {
  const { articles, problems } = await loadKnowledge(join(FIXTURES, 'timeline'));
  expect(problems).toEqual([]);
  return createCore(articles);
}

/** The invariant of every timeline: chronological, and the periods count exactly its citations. */
function expectConsistent(a: Answer): void {
  const dates = a.citations.map((c) => c.date);
  expect(dates).toEqual([...dates].sort());
  expect(a.periods!.reduce((n, p) => n + p.count, 0)).toBe(a.citations.length);
  const grain = Math.max(...a.periods!.map((p) => p.period.length));
  for (const c of a.citations) {
    const key = c.date.length === 4 ? c.date : c.date.slice(0, grain);
    expect(a.periods!.map((p) => p.period)).toContain(key);
  }
  expect(new Set(a.citations.map((c) => c.sourceId)).size).toBe(a.citations.length);
}

describe('timeline on the seeds', () => {
  it('groups by day when every source is in one month, earliest first', async () => {
    const { core } = await loadSeeds();
    const a = core.ask('/timeline russia');
    expect(a.command).toBe('timeline');
    expect(a.found).toBe(true);
    expect(a.periods).toEqual([
      { period: '2021-03-22', count: 1 },
      { period: '2021-03-24', count: 1 },
    ]);
    expectConsistent(a);
    const corpus = collapse(seedCorpus());
    for (const c of a.citations) for (const piece of excerptPieces(c.excerpt)) expect(corpus).toContain(piece);
  });

  it('with a speaker: only their direct quotes', async () => {
    const { core } = await loadSeeds();
    const a = core.ask('how has Stoltenberg talked about Russia over time?');
    expect(a.request).toMatchObject({ command: 'timeline', speaker: 'Jens Stoltenberg', topic: 'russia' });
    expect(a.citations.length).toBeGreaterThan(0);
    expect(a.citations.every((c) => c.kind === 'quote' && c.speaker === 'Jens Stoltenberg')).toBe(true);
    expectConsistent(a);
  });

  it('"timeline of X on Y" reads the speaker and the topic', async () => {
    const { core } = await loadSeeds();
    expect(core.ask('timeline of stoltenberg on russia').request).toMatchObject({
      command: 'timeline',
      speaker: 'Jens Stoltenberg',
      topic: 'russia',
    });
  });

  it('ask --json carries the periods', async () => {
    const { core } = await loadSeeds();
    const json = JSON.parse(renderJson(core.ask('/timeline russia')));
    expect(json.command).toBe('timeline');
    expect(json.periods).toEqual([
      { period: '2021-03-22', count: 1 },
      { period: '2021-03-24', count: 1 },
    ]);
    expect(json.citations.map((c: { date: string }) => c.date)).toEqual(['2021-03-22', '2021-03-24']);
  });
});

describe('timeline with year-only sources', () => {
  it('groups by year; a year-only source sits under its year, before the dated ones', async () => {
    const core = await fixtureCore();
    const a = core.answer({ command: 'timeline', topic: 'harbour', speaker: 'Maria Lindqvist', offset: 0 });
    expect(a.periods).toEqual([
      { period: '2019', count: 1 },
      { period: '2021', count: 3 },
    ]);
    expect(a.citations.map((c) => c.date)).toEqual(['2019', '2021', '2021-03-02', '2021-11-20']);
    expect(a.citations.every((c) => c.kind === 'quote')).toBe(true);
    expectConsistent(a);
    expect(a.text).toMatch(/^2019 \(1\)$/m);
    expect(a.text).not.toMatch(/2019-01/);
  });

  it('groups by month within one year, the year-only source under the year', async () => {
    const core = await fixtureCore();
    const a = core.answer({ command: 'timeline', topic: 'harbour', speaker: '', since: '2021', until: '2021', offset: 0 });
    expect(a.periods).toEqual([
      { period: '2021', count: 1 },
      { period: '2021-03', count: 1 },
      { period: '2021-11', count: 1 },
    ]);
    expectConsistent(a);
  });

  it('without a speaker: every source, reported speech included', async () => {
    const core = await fixtureCore();
    const a = core.answer({ command: 'timeline', topic: 'harbour', speaker: '', offset: 0 });
    expect(a.periods).toEqual([
      { period: '2019', count: 1 },
      { period: '2021', count: 3 },
      { period: '2023', count: 1 },
    ]);
    expectConsistent(a);
  });

  it("total counts every period's sources, not the page shown (text and --json agree)", async () => {
    const core = await fixtureCore();
    const later = core.answer({ command: 'timeline', topic: 'harbour', speaker: '', offset: 2 });
    expect(later.citations.length).toBe(3);
    expect(later.total).toBe(5);
    expect(later.heading).toMatch(/, 5 sources,/);
    expect(JSON.parse(renderJson(later)).total).toBe(later.periods!.reduce((n, p) => n + p.count, 0));
  });

  it('falls back to labelled reported speech when the speaker has no direct quote on it', async () => {
    const core = await fixtureCore();
    const a = core.answer({ command: 'timeline', topic: 'reopened', speaker: 'Maria Lindqvist', offset: 0 });
    expect(a.found).toBe(true);
    expect(a.heading).toMatch(/^Reported speech only/);
    expect(a.citations.every((c) => c.kind === 'reported')).toBe(true);
  });

  it('since and until combine with a period typed in the topic', async () => {
    const core = await fixtureCore();
    const a = core.answer({ command: 'timeline', topic: 'harbour since 2020', speaker: '', until: '2021-06', offset: 0 });
    // A year-only source (2021) is inside a period only when its whole year is: not "until 2021-06".
    expect(a.citations.map((c) => c.date)).toEqual(['2021-03-02']);
    const wholeYear = core.answer({ command: 'timeline', topic: 'harbour since 2020', speaker: '', until: '2021-12', offset: 0 });
    expect(wholeYear.citations.map((c) => c.date)).toEqual(['2021', '2021-03-02', '2021-11-20']);
    const bad = core.answer({ command: 'timeline', topic: 'harbour', speaker: '', since: '2021-13', offset: 0 });
    expect(bad.found).toBe(false);
    expect(bad.heading).toMatch(/since: “2021-13” is not a date/);
  });
});

describe('since / until bounds', () => {
  it('reads YYYY, YYYY-MM and YYYY-MM-DD and refuses anything else', () => {
    expect(parseBound('2019', 'since')).toEqual({ from: 20190101, to: 20191231 });
    expect(parseBound('2024-02', 'until')).toEqual({ from: 20240201, to: 20240229 });
    expect(parseBound('2021-03-22', 'since')).toEqual({ from: 20210322, to: 20210322 });
    for (const bad of ['19', '2021-3', '2021-02-30', '2021-00', 'last year', '2021/03']) expect(parseBound(bad, 'since')).toHaveProperty('error');
  });

  it('an empty intersection is an error, not a silent empty answer', () => {
    expect(combinePeriod(null, '2022', '2021')).toHaveProperty('error');
    expect(combinePeriod(null, '', '')).toEqual({ period: null });
  });
});

describe('since / until on /quote, /summary and /verify', () => {
  it('filter by date, combined with a typed period, and refuse a bad date', async () => {
    const { core } = await loadSeeds();
    const all = core.answer({ command: 'quote', speaker: 'stoltenberg', topic: 'russia', offset: 0 });
    const late = core.answer({ command: 'quote', speaker: 'stoltenberg', topic: 'russia', since: '2021-03-23', offset: 0 });
    expect(new Set(all.citations.map((c) => c.date))).toEqual(new Set(['2021-03-22', '2021-03-24']));
    expect(late.citations.length).toBeGreaterThan(0);
    expect(late.citations.every((c) => c.date === '2021-03-24')).toBe(true);
    expect(late.request).toMatchObject({ since: '2021-03-23' });
    const none = core.answer({ command: 'quote', speaker: 'stoltenberg', topic: 'russia in 2020', until: '2021', offset: 0 });
    expect(none.found).toBe(false);
    const summary = core.answer({ command: 'summary', topic: 'bulgaria', until: '2021-03-22', offset: 0 });
    expect(summary.citations.every((c) => c.date === '2021-03-22')).toBe(true);
    for (const bad of [{ since: 'March' }, { until: '2021-3' }]) {
      const a = core.answer({ command: 'summary', topic: 'bulgaria', ...bad, offset: 0 });
      expect(a.found).toBe(false);
      expect(a.heading).toMatch(/is not a date; use YYYY, YYYY-MM or YYYY-MM-DD/);
    }
  });

  it('verify looks only at sources in the period', async () => {
    const { core } = await loadSeeds();
    const claim = 'Russia has increased its pattern of repressive behaviour at home and aggressive behaviour abroad';
    expect(core.answer({ command: 'verify', claim, speaker: '', offset: 0 }).verify?.verdict).toBe('verbatim');
    expect(core.answer({ command: 'verify', claim, speaker: '', until: '2021-03-22', offset: 0 }).verify?.verdict).toBe('not-found');
  });
});
