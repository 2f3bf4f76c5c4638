import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collapse, excerptPieces, KNOWLEDGE, loadSeeds, SEED_2021_03_22, SEED_2021_03_24, seedCorpus } from '../helpers.js';

describe('answers over the seeds', async () => {
  const { core } = await loadSeeds();
  const corpus = seedCorpus();

  it('/quote gives the speaker’s direct quotes with source, publisher and date', () => {
    const a = core.ask('/quote stoltenberg finland');
    expect(a).toMatchObject({ command: 'quote', found: true });
    const dates = a.citations.map((c) => c.date).sort();
    expect(dates).toEqual(['2021-03-22', '2021-03-24']);
    for (const c of a.citations) {
      expect(c).toMatchObject({ kind: 'quote', speaker: 'Jens Stoltenberg', publisher: 'DIPLOMATIC TIMES' });
      expect(c.excerpt).toMatch(/Finland/);
    }
    expect(a.text).toContain('24 March 2021');
  });

  it('/quote shows at most five, best first, and pages with offset', () => {
    const first = core.answer({ command: 'quote', speaker: 'stoltenberg', topic: 'russia', offset: 0 });
    expect(first.citations.length).toBe(5);
    expect(first.hasMore).toBe(true);
    const next = core.answer({ ...first.request, offset: 5 } as typeof first.request);
    expect(next.citations.length).toBeGreaterThan(0);
    expect(next.citations.map((c) => c.excerpt)).not.toContain(first.citations[0]!.excerpt);
  });

  it('/quote marks cuts with … and every piece is verbatim', () => {
    for (const q of [
      '/quote stoltenberg china',
      '/quote stoltenberg moldova',
      '/quote stoltenberg russia',
      '/quote stoltenberg nuclear',
      '/quote stoltenberg',
    ]) {
      for (const c of core.ask(q).citations) {
        for (const piece of excerptPieces(c.excerpt)) expect(corpus, `${q}: ${piece}`).toContain(piece);
      }
    }
    const moldova = core.ask('/quote stoltenberg moldova').citations[0]!;
    expect(moldova.excerpt).toMatch(/^… .*Republic of Moldova\. …$/);
  });

  it('/quote keeps every word of the topic after the name: a day of the month is not read as part of the name', () => {
    for (const typed of ['/quote stoltenberg "4 July 1861"', '/quote stoltenberg 4 July 1861']) {
      const a = core.ask(typed);
      expect(a.request, typed).toMatchObject({ command: 'quote', speaker: expect.stringMatching(/^(jens )?stoltenberg$/i) });
      expect(a.heading, typed).toMatch(/4 July 1861/);
    }
    expect(core.ask('/quote "stoltenberg" china').request).toMatchObject({ speaker: 'Jens Stoltenberg', topic: 'china' });
  });

  it('says plainly when only reported speech matches', () => {
    const a = core.ask('/quote stoltenberg arms control');
    expect(a.found).toBe(true);
    expect(a.text).toMatch(/No direct quote of Jens Stoltenberg/);
    expect(a.citations.length).toBeGreaterThan(0);
    for (const c of a.citations) expect(c.kind).toBe('reported');
    const borissov = core.ask('/quote borissov');
    expect(borissov.citations[0]).toMatchObject({ kind: 'reported', speaker: 'Boyko Borissov' });
    // The same sentence in both articles: shown once, in the words of the earliest, the other listed.
    expect(borissov.citations).toHaveLength(1);
    expect(borissov.citations[0]).toMatchObject({ date: '2021-03-22', alsoIn: [{ date: '2021-03-24' }] });
  });

  it('prefers reported speech that has the whole topic over quotes sharing one word of it', () => {
    const a = core.ask('/quote stoltenberg new start');
    expect(a.citations[0]).toMatchObject({ kind: 'reported', speaker: 'Jens Stoltenberg' });
    expect(a.citations[0]!.excerpt).toContain('New START Treaty');
    expect(a.citations.every((c) => c.kind === 'reported')).toBe(true);
  });

  it('a place finds its adjective too: russia finds "Russian diplomats", ranked below "Russia" itself', () => {
    expect(core.ask('/quote borissov russia').citations[0]).toMatchObject({ kind: 'reported', speaker: 'Boyko Borissov' });
    const a = core.ask('/quote stoltenberg russia');
    expect(a.citations[0]!.excerpt).toMatch(/\bRussia\b/);
  });

  it('never gives one person’s words to another', () => {
    expect(core.ask('/quote stoltenberg diplomats').citations.some((c) => c.excerpt.includes('personae non-gratae'))).toBe(false);
    const borissov = core.ask('/quote borissov diplomats').citations[0]!;
    expect(borissov).toMatchObject({ kind: 'reported', speaker: 'Boyko Borissov' });
  });

  it('an unknown speaker is not found: no "did you mean" when no name is close, the most quoted speakers offered as such', () => {
    const a = core.ask('/quote angela merkel');
    expect(a.found).toBe(false);
    expect(a.suggestions).toEqual([]);
    expect(a.text).toMatch(/The most quoted speakers in the sources: Jens Stoltenberg/);
    expect(a.citations).toEqual([]);
  });

  it('/summary is 3–6 verbatim sentences, syndicated copies merged, each cited, with a dated source list', () => {
    const a = core.ask('/summary spy ring');
    expect(a.found).toBe(true);
    expect(a.citations.length).toBeGreaterThanOrEqual(3);
    expect(a.citations.length).toBeLessThanOrEqual(6);
    const sentence = 'uncovered an espionage group allegedly passing military secrets to Russia';
    expect(a.text.split(sentence).length).toBeLessThanOrEqual(2);
    expect(a.text).toMatch(/Sources:\n\[1\] .*DIPLOMATIC TIMES, 22 March 2021 \(2021-03-22\)\n\[2\] .*24 March 2021 \(2021-03-24\)/);
    for (const c of a.citations) for (const piece of excerptPieces(c.excerpt)) expect(corpus).toContain(piece);
    // "Also in" only for the same words: the 24 March copy lacks "on Monday", so it is not "also in" it.
    const b = core.ask('/summary bulgaria');
    expect(b.citations.some((c) => c.alsoIn.length > 0)).toBe(true);
    const seedOf: Record<string, string> = {
      '2021-03-22': collapse(readFileSync(join(KNOWLEDGE, SEED_2021_03_22), 'utf8')),
      '2021-03-24': collapse(readFileSync(join(KNOWLEDGE, SEED_2021_03_24), 'utf8')),
    };
    for (const c of [...a.citations, ...b.citations, ...core.ask('/summary russia').citations])
      for (const source of [c, ...c.alsoIn]) for (const piece of excerptPieces(c.excerpt)) expect(seedOf[source.date]).toContain(piece);
    // Reported speech in a summary names its speaker outside the verbatim words.
    expect(b.text).toMatch(/Jens Stoltenberg \(reported speech\): /);
    expect(b.text).toMatch(/^Boyko Borissov \(reported speech\): /m);
    // Each sentence (the lines between the heading and the source list) ends with its source's number.
    const sentences = a.text.split('\n\nSources:')[0]!.split('\n\n')[1]!.split('\n');
    expect(sentences).toHaveLength(a.citations.length);
    for (const line of sentences) expect(line).toMatch(/ \[[12]\]$/);
  });

  it('/summary gives every voice on the topic a sentence before it gives anyone a second one', () => {
    for (const topic of ['bulgaria', 'russia', 'spy ring', 'china']) {
      const a = core.ask(`/summary ${topic}`);
      const voices = a.citations.map((c) => c.speaker ?? `(${c.kind})`);
      // Whoever speaks twice, every voice the sources give on the topic is already there: a
      // search of each other speaker's words on it finds nothing left out.
      const repeated = voices.filter((v, i) => voices.indexOf(v) !== i);
      if (!repeated.length) continue;
      for (const other of ['Boyko Borissov', 'Bulgarian Prosecutor’s Office']) {
        const theirs = core.ask(`/quote ${other} | ${topic}`);
        if (theirs.found) expect(voices, `${topic}: ${other}`).toContain(other);
      }
    }
    const bulgaria = core.ask('/summary bulgaria').citations.map((c) => c.speaker);
    expect(bulgaria.filter((s) => s === 'Jens Stoltenberg').length).toBeLessThanOrEqual(2);
  });

  it('free text: a question about a speaker is a quote, "summarize" a summary, anything else a search', () => {
    const quote = core.ask('what did Stoltenberg say about the South China Sea?');
    expect(quote.command).toBe('quote');
    expect(quote.citations[0]?.excerpt).toContain('South China Sea');
    expect(core.ask('summarize bulgaria').command).toBe('summary');
    expect(core.ask('summarise what was said about china').request).toMatchObject({ command: 'summary', topic: 'china' });
    expect(core.ask("give me stoltenberg's words on ukraine").request).toMatchObject({
      command: 'quote',
      speaker: 'Jens Stoltenberg',
      topic: 'ukraine',
    });
    expect(core.ask('tell me about sanctions').command).toBe('summary');
    const search = core.ask('has NATO commented on battlegroups');
    expect(search.command).toBe('search');
    expect(search.citations[0]).toMatchObject({ date: '2021-03-22' });
    expect(search.citations[0]!.excerpt).toContain('battlegroups');
  });

  it('/sources lists each source with title, publisher, date and counts; /help explains the commands', () => {
    const s = core.ask('/sources');
    expect(s.found).toBe(true);
    expect(s.sources?.map((x) => x.date)).toEqual(['2021-03-24', '2021-03-22']);
    expect(s.text).toMatch(/DIPLOMATIC TIMES, 24 March 2021 \(2021-03-24\)/);
    expect(s.sources?.[0]?.quotes).toBeGreaterThan(0);
    const h = core.ask('/help');
    expect(h.text).toContain('/quote <speaker> [topic]');
  });

  it('bad input gets a helpful miss, never an exception', () => {
    const inputs = [
      '',
      '   ',
      '?!?!',
      'x'.repeat(5000),
      '\u0000\u0007\u001b[31m',
      '\u202e\u200bstoltenberg',
      '/quote',
      '/summary',
      '/nonsense now',
      '@everyone <@123>',
      `/quote ${'a '.repeat(300)}`,
    ];
    for (const input of inputs) {
      const a = core.ask(input);
      expect(typeof a.text).toBe('string');
      expect(a.text.length).toBeGreaterThan(0);
      if (input.length >= 5000) expect(a).toMatchObject({ found: false });
    }
    expect(core.ask('x'.repeat(5000)).text).toMatch(/under 500 characters/);
    expect(core.answer({ command: 'quote', speaker: 'stoltenberg', topic: 'china', offset: -3 }).found).toBe(true);
  });

  it('bare "help" and "sources" (as typed in a DM) get those answers', () => {
    expect(core.ask('help').command).toBe('help');
    expect(core.ask('sources').command).toBe('sources');
  });

  it('replays requests with the canonical speaker, so buttons survive typos', () => {
    const a = core.ask('/quote stoltenburg china');
    expect(a.request).toEqual({ command: 'quote', speaker: 'Jens Stoltenberg', topic: 'china', offset: 0 });
    expect(core.answer(a.request).citations).toEqual(a.citations);
  });

  it('context returns the whole paragraph of a citation, and null for a forged key', () => {
    const c = core.ask('/quote stoltenberg moldova').citations[0]!;
    const ctx = core.context(c.passageKey)!;
    expect(collapse(ctx.text)).toContain('In Russia, we still see violent oppression');
    expect(ctx.source.date).toBe('2021-03-24');
    expect(core.context('nope#99')).toBeNull();
    expect(core.context('')).toBeNull();
  });

  it('suggests speakers and topics for autocomplete', () => {
    expect(core.suggestSpeakers('stol')[0]).toMatchObject({ name: 'Jens Stoltenberg' });
    expect(core.suggestSpeakers('').length).toBeLessThanOrEqual(25);
    expect(core.suggestTopics('chi', 'Jens Stoltenberg')).toContain('China');
    expect(core.suggestTopics('', undefined, 25).length).toBeLessThanOrEqual(25);
  });
});

describe('passage keys', async () => {
  const { createCore } = await import('../../src/answer/core.js');
  const { parseJsonlRecord } = await import('../../src/knowledge/jsonl.js');
  it('stay short for long source ids and still find their paragraph', () => {
    const id = `a-very-long-source-identifier-${'x'.repeat(120)}`;
    const core = createCore([
      parseJsonlRecord(
        JSON.stringify({ id, title: 'T', speaker: 'Ada Lovelace', date: '1843', text: 'The engine weaves algebraic patterns.' }),
        'f.jsonl',
        1,
      ),
    ]);
    const c = core.ask('/quote lovelace engine').citations[0]!;
    expect(c.passageKey.length).toBeLessThanOrEqual(60);
    expect(core.context(c.passageKey)?.text).toBe('The engine weaves algebraic patterns.');
  });
});

describe('requests from buttons and slash options', async () => {
  const { core } = await loadSeeds();
  it('are cleaned like typed text: one line, no control characters, a sane offset', () => {
    const a = core.answer({ command: 'search', query: '\nchina | russia \u0000\u202e\nchina', offset: Number.NaN });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test checks that they were removed
    expect(a.heading).not.toMatch(/[\n\u0000\u202e]/);
    expect(a.request).toMatchObject({ offset: 0 });
    const odd = core.answer({ command: 'nonsense', offset: 0 } as never);
    expect(odd.command).toBe('help');
  });
});
