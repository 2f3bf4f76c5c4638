import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/answer/core.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { FIXTURES } from '../helpers.js';

describe('a speech collection (JSONL)', async () => {
  const { articles, problems } = await loadKnowledge(join(FIXTURES, 'mini'));
  const core = createCore(articles);

  it('loads without problems', () => expect(problems).toEqual([]));

  it('in a multi-speaker transcript, attributes only the speaker’s own turns, without the turn labels', () => {
    const a = core.ask('/quote ann rivers deficit');
    const excerpts = a.citations.map((c) => c.excerpt).join(' | ');
    expect(excerpts).toContain('We will cut the deficit in half');
    expect(excerpts).toContain('My plan protects Medicare');
    expect(excerpts).not.toContain('never fall with her plan');
    expect(excerpts).not.toMatch(/RIVERS:|LEHRER|\*\*/);
    const moderator = core.ask('/quote ann rivers taxes');
    expect(moderator.citations.map((c) => c.excerpt).join()).not.toContain('Our first question');
    // "THE PRESIDENT:" is the record's own speaker; the reporter's "Q." is not.
    const farm = core.ask('/quote ann rivers farm subsidies');
    expect(farm.citations[0]?.excerpt).toBe('Farm subsidies must support family farms.');
  });

  it('the other turns stay searchable, unattributed', () => {
    const a = core.ask('never fall with her plan');
    expect(a.citations[0]).toMatchObject({ kind: 'passage', speaker: null });
  });

  it('shows year-only dates as the year, never with an invented day', () => {
    const a = core.ask('/quote ann rivers climate');
    expect(a.citations[0]).toMatchObject({ date: '2019', title: 'Statement in the General Debate (2019)' });
    expect(a.text).toMatch(/, 2019(\n|$)/);
    expect(a.text).not.toMatch(/2019-\d\d/);
  });

  it('filters by speaker: the same words by another speaker are not this speaker’s', () => {
    for (const speaker of ['Tom Rivers', 'Ann Rivers']) {
      const { citations } = core.ask(`/quote ${speaker.toLowerCase()} ocean plastics`);
      expect(citations.length, speaker).toBeGreaterThan(0);
      expect(new Set(citations.map((c) => c.speaker))).toEqual(new Set([speaker]));
    }
    // A surname two speakers share, with a topic both speak to: grouped by person, each labelled.
    const both = core.ask('/quote rivers plastics');
    expect(both).toMatchObject({ found: true });
    expect(both.heading).toMatch(/2 speakers.*Ann Rivers, Tom Rivers/);
    expect(new Set(both.citations.map((c) => c.speaker))).toEqual(new Set(['Ann Rivers', 'Tom Rivers']));
    const question = core.ask('what did rivers say about plastics?');
    expect(question).toMatchObject({ command: 'quote', found: true });
    // Without a topic there is nothing to decide by: the answer asks which one.
    expect(core.ask('/quote rivers')).toMatchObject({ found: false });
    expect(core.ask('/quote rivers').suggestions.sort()).toEqual(['Ann Rivers', 'Tom Rivers']);
  });

  it('filters by date: a year, since, before, a range; year-only sources count for their year', () => {
    const dates = (q: string) =>
      core
        .ask(q)
        .citations.map((c) => c.date)
        .sort();
    expect(dates('/summary ocean plastics in 2019')).toEqual(['2019']);
    expect(dates('/summary ocean plastics since 2020')).toEqual(['2021']);
    const before = dates('/quote ann rivers before 2000');
    expect(before.length).toBeGreaterThan(0);
    expect(new Set(before)).toEqual(new Set(['1996-10-06']));
    expect(dates('/quote ann rivers harvest 2003-2005')).toEqual(['2004-09-01']);
    expect(core.ask('/quote ann rivers harvest in 1990').found).toBe(false);
    expect(core.ask('what did ann rivers say about the harvest in 2004?').citations[0]?.date).toBe('2004-09-01');
  });

  it('corrects typos against the collection’s vocabulary', () => {
    expect(core.ask('/quote ann rivres harvst').citations[0]?.excerpt).toContain('The harvest was the best in a decade');
  });
});

describe('speaker names across a collection', async () => {
  const { parseJsonlRecord } = await import('../../src/knowledge/jsonl.js');
  const record = (id: string, speaker: string, text: string) =>
    parseJsonlRecord(JSON.stringify({ id, title: id, speaker, date: '2020', text }), 'x.jsonl', 1);
  const core = createCore([
    record('a', 'James Marape', 'Our forests store carbon for the whole world, and we ask to be paid for keeping them.'),
    record('b', 'James Marape, MP', 'Our fisheries feed the Pacific, and foreign fleets must respect our waters and our laws.'),
    record('c', 'Teodoro L. Locsin, Jr.', 'The arbitral award is final, and we firmly reject attempts to undermine it or to set it aside.'),
    record('d', 'Teodoro L. Locsin, Sr.', 'The press must stay free, for without it no republic can know what its government is doing.'),
    record('e', 'Sergey Lavrov', 'Multilateral diplomacy must respect the sovereign equality of every member state.'),
    record('f', 'Sergei Lavrov', 'The unilateral sanctions violate the Charter and must be lifted without delay.'),
    record('g', 'Sergey Lavrov', 'We stand for a multipolar world order based on international law and the Charter.'),
  ]);
  it('merges post-nominal variants (", MP") into one speaker, shown without them', () => {
    const a = core.ask('/quote marape');
    expect(a.found).toBe(true);
    expect(new Set(a.citations.map((c) => c.speaker))).toEqual(new Set(['James Marape']));
    expect(a.citations).toHaveLength(2);
  });
  it('merges one-letter transliterations of a given name, under the most used spelling', () => {
    const a = core.ask('/quote lavrov charter');
    expect(a.citations.map((c) => c.speaker)).toEqual(['Sergey Lavrov', 'Sergey Lavrov']);
    expect(core.ask('did sergi lavroi ever talk about sanctions?')).toMatchObject({ command: 'quote', found: true });
    expect(core.ask('did sergi lavroi ever talk about sanctions?').request).toMatchObject({ speaker: 'Sergey Lavrov', topic: 'sanctions' });
  });

  it('ignores post-nominals typed after a name', () => {
    expect(core.ask('/quote james marape mp fisheries').citations[0]?.speaker).toBe('James Marape');
  });

  it('keeps Jr. and Sr. apart: they are two people', () => {
    expect(core.ask('/quote locsin').found).toBe(false);
    expect(core.ask('/quote locsin').suggestions.sort()).toEqual(['Teodoro L. Locsin, Jr.', 'Teodoro L. Locsin, Sr.']);
  });
});

describe('a speaker whose every quotation is short', async () => {
  const { parseJsonlRecord } = await import('../../src/knowledge/jsonl.js');
  const core = createCore([
    parseJsonlRecord(
      JSON.stringify({ id: 'a', title: 'a', speaker: 'Ada Lovelace', date: '1843', text: 'Thank you.\n\nThe engine weaves.' }),
      'x.jsonl',
      1,
    ),
  ]);
  it('still has those quotes listed, never "no direct quotes"', () => {
    const a = core.ask('/quote lovelace');
    expect(a.found).toBe(true);
    expect(a.citations.map((c) => c.excerpt)).toEqual(['Thank you.', 'The engine weaves.']);
  });
});

describe('a topic the top passages mention only outside the speaker’s words', async () => {
  const { parseJsonlRecord } = await import('../../src/knowledge/jsonl.js');
  const noise = Array.from({ length: 60 }, (_, i) =>
    parseJsonlRecord(
      JSON.stringify({
        id: `n${i}`,
        title: `Harbour notes ${i}`,
        date: '2022-01-01',
        text: `“We will keep every promise to the families of the valley,” Fisheries Minister Ann Rivers said at the harbour harbour harbour.`,
      }),
      'x.jsonl',
      i + 1,
    ),
  );
  const real = parseJsonlRecord(
    JSON.stringify({
      id: 'real',
      title: 'Reopening',
      date: '2022-02-02',
      text: '“After two long winters of repairs, the harbour will reopen in May for every boat,” Fisheries Minister Ann Rivers said.',
    }),
    'x.jsonl',
    99,
  );
  const core = createCore([...noise, real]);
  it('reads deeper before saying the speaker is not quoted on it', () => {
    const a = core.ask('/quote ann rivers harbour');
    expect(a.found).toBe(true);
    expect(a.citations[0]?.excerpt).toContain('the harbour will reopen in May');
  });
});
