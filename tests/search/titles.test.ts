/** A source's title is searched too: a speech is often titled with what its own words never say. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/answer/core.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { parseJsonlRecord } from '../../src/knowledge/jsonl.js';
import { sourcesTitled } from '../../src/search/titles.js';
import { FIXTURES } from '../helpers.js';

describe('source titles', async () => {
  const { articles, problems } = await loadKnowledge(join(FIXTURES, 'titles'));
  const core = createCore(articles);

  it('loads the fixture', () => expect(problems).toEqual([]));

  it('finds the sources whose title holds every word asked about, plurals folded, stop words aside', () => {
    const titles = (topic: string) => sourcesTitled(articles, topic).map((i) => articles[i]!.title);
    expect(titles('pier').sort()).toEqual(['Address at the Northern Pier', 'Pier maintenance report']);
    expect(titles('the northern piers')).toEqual(['Address at the Northern Pier']);
    expect(titles('pier council')).toEqual([]);
    expect(titles('the')).toEqual([]);
  });

  it("/quote ranks the speaker's source titled with the topic first, says so in the heading, and keeps the other matches", () => {
    const a = core.ask('/quote lindqvist pier');
    expect(a.found).toBe(true);
    expect(a.heading).toMatch(/^Maria Lindqvist, searched for “pier”, first in “Address at the Northern Pier”: /);
    // The address never says "pier": its opening words stand for it.
    expect(a.citations[0]).toMatchObject({ title: 'Address at the Northern Pier', speaker: 'Maria Lindqvist' });
    expect(a.citations[0]!.excerpt).toMatch(/^We gather to honour the workers/);
    expect(a.citations.map((c) => c.title)).toContain('Letter to the harbour council');
    // Another speaker's source so titled is not this speaker's.
    expect(a.citations.map((c) => c.title)).not.toContain('Pier maintenance report');
  });

  it('says nothing of titles when no title holds the topic', () => {
    const a = core.ask('/quote lindqvist winter storms');
    expect(a.heading).toMatch(/^Maria Lindqvist, searched for “winter storms”: /);
    expect(a.citations[0]!.title).toBe('Letter to the harbour council');
  });

  it('puts at most a few titled sources first, so a common title word does not fill the page', () => {
    const speeches = Array.from({ length: 8 }, (_, i) =>
      parseJsonlRecord(
        JSON.stringify({
          id: `r${i}`,
          title: `Remarks at the harbour number ${i}`,
          speaker: 'Maria Lindqvist',
          date: `2001-01-${String(i + 1).padStart(2, '0')}`,
          text: `We opened the new quay number ${i} today, and the fishermen of the north will use it first.`,
        }),
        'r.jsonl',
        i + 1,
      ),
    );
    const titled = createCore(speeches);
    const a = titled.ask('/quote lindqvist remarks');
    expect(a.heading).toMatch(/, first in “Remarks at the harbour number \d” and 2 more sources so titled: /);
    expect(new Set(a.citations.slice(0, 3).map((c) => c.title)).size).toBe(3);
    // In free text, a title word many sources share names none of them in particular.
    expect(titled.ask('remarks at the harbour').heading).not.toMatch(/first in/);
  });

  it('free text naming a source by its title finds that source first, with its opening words', () => {
    const a = core.ask('address at the northern pier');
    expect(a.command).toBe('search');
    expect(a.heading).toMatch(/, first in “Address at the Northern Pier”$/);
    expect(a.citations[0]).toMatchObject({ title: 'Address at the Northern Pier' });
    expect(a.citations[0]!.excerpt).toMatch(/^We gather to honour the workers/);
  });
});
