import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citationBlock } from '../../src/answer/format.js';
import { createCore } from '../../src/answer/core.js';
import { splitPeriod } from '../../src/answer/period.js';
import type { Citation } from '../../src/answer/types.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { parseAliasFile } from '../../src/knowledge/aliases.js';
import { groupIdentities, identityWords, namesAgree } from '../../src/search/identity.js';
import { buildKnowledgeBase } from '../../src/search/kb.js';
import { findPhrase, matchPhrase, readPhrase } from '../../src/search/phrase.js';
import { passageText } from '../../src/search/kb.js';
import { FIXTURES, loadSeeds } from '../helpers.js';

// Issue 8, item by item, over a small collection built for it (tests/fixtures/truth).
describe('truth at archive scale', async () => {
  const { articles, problems, aliases } = await loadKnowledge(join(FIXTURES, 'truth'));
  const core = createCore(articles, aliases);
  const kb = buildKnowledgeBase(
    articles.map((a) => structuredClone(a)),
    undefined,
    aliases,
  );
  const speakersOf = (q: string) => core.ask(q).citations.map((c) => c.speaker);

  it('loads the alias list as data, not as a source', () => {
    expect(problems).toEqual([]);
    expect(articles.some((a) => a.file.endsWith('aliases.yaml'))).toBe(false);
    expect(aliases['Abraham Lincoln']).toContain('The Rail-Splitter');
    expect(parseAliasFile('- not a mapping').problems.length).toBe(1);
  });

  it('1. one identity per person across spellings, and aliases (built-in and the folder’s own)', () => {
    expect(identityWords('His Majesty King Salman Bin Abdulaziz Al-Saud')).toEqual(['salman', 'abdulaziz', 'saud']);
    expect(namesAgree(identityWords('Ebrahim Raisi'), identityWords('Seyyed Ebrahim Raisi'))).toBe(true);
    expect(namesAgree(identityWords('Macky Sall'), identityWords('Macky Sail'))).toBe(true);
    expect(namesAgree(identityWords('Penny Wong'), identityWords('Penelope Wong'))).toBe(true);
    expect(namesAgree(identityWords('Hun Sen'), identityWords('Samdech Moha Borvor Thipadei Manet Hun'))).toBe(false);
    expect(namesAgree(identityWords('Teodoro Obiang Nguema Mbasogo'), identityWords('Teodoro Nguema Obiang Mangue'))).toBe(false);
    // Without a shared context (country), a shorter name is not taken for a longer one.
    const groups = groupIdentities([
      { name: 'John Adams', uses: 3, contexts: [] },
      { name: 'John Quincy Adams', uses: 2, contexts: [] },
      { name: 'Jair Bolsonaro', uses: 1, contexts: ['BRA'] },
      { name: 'Jair Messias Bolsonaro', uses: 1, contexts: ['BRA'] },
    ]);
    expect(groups.get('Jair Bolsonaro')).toBe(groups.get('Jair Messias Bolsonaro'));
    expect(groups.has('John Adams')).toBe(false);
    // One person under two spellings answers under either, with the source's date.
    const sall = core.ask('/quote macky sall rays of hope');
    expect(sall.citations[0]).toMatchObject({ date: '2022', speaker: 'Macky Sall', speakerAsGiven: 'Macky Sail' });
    expect(sall.text).toContain('— Macky Sall (“Macky Sail” in this source)');
    expect(sall.citations[0]?.excerpt).toContain('Rays of Hope');
    expect(core.ask('/quote bolsonaro amazon').citations[0]?.excerpt).toContain('The Amazon is not being destroyed');
    expect(core.suggestSpeakers('bolsonaro').map((s) => s.name)).toHaveLength(1);
    // Built-in aliases apply even though this folder's alias list does not name these people.
    expect(speakersOf('/quote fdr nation')).toEqual(['Franklin D. Roosevelt']);
    expect(speakersOf('/quote teddy roosevelt stockyards')).toEqual(['Theodore Roosevelt']);
    expect(speakersOf('/quote lbj deficit')[0]).toBe('Lyndon B. Johnson');
    // The folder's own list adds names.
    expect(speakersOf('/quote the rail-splitter angels')[0]).toBe('Abraham Lincoln');
  });

  it('2. the topic decides between namesakes; without a topic the answer asks which one', () => {
    const a = core.ask('/quote adams lighthouses of the skies');
    expect(a.found).toBe(true);
    expect(a.citations[0]).toMatchObject({ speaker: 'John Quincy Adams', date: '1825-12-06' });
    expect(a.text).toContain('could also mean John Adams');
    const r = core.ask('/quote roosevelt ill-housed, ill-clad');
    expect(r.citations[0]?.speaker).toBe('Franklin D. Roosevelt');
    const which = core.ask('/quote roosevelt');
    expect(which.found).toBe(false);
    expect(which.suggestions.sort()).toEqual(['Franklin D. Roosevelt', 'Theodore Roosevelt']);
  });

  it('3. ordinary words and stop words never select a speaker; no speaker named searches everyone', () => {
    const a = core.ask('who said "the better angels of our nature"?');
    // "better" is not Xavier Bettel: nobody is selected, everyone is searched, the line leads.
    expect(a.command).toBe('verify'); // "who said" asks whose the exact words are, of everyone
    expect(a.heading).not.toMatch(/Bettel/);
    expect(a.citations[0]?.speaker).toBe('Abraham Lincoln');
    expect(kb.speakers.detect('peace made in dialogue')).toBeNull();
    expect(kb.speakers.detect('is it better to talk')).toBeNull();
    expect(kb.speakers.detect('what did bettel say about communications')?.speaker?.name).toBe('Xavier Bettel');
    expect(kb.speakers.detect('what did made say about the dam')?.speaker?.name).toBe('Taye Atske-Selassie Made');
  });

  it('4. phrases: exact words first (earliest source first), then words in order, then BM25', () => {
    const phrase = readPhrase('the better angels of our nature')!;
    expect(matchPhrase('touched by the Better Angels of our nature.', phrase).tier).toBe(3);
    expect(matchPhrase('our nature is better than our fears, and the angels', phrase).tier).toBeLessThan(3);
    expect(matchPhrase('better angels, perhaps, of our own nature', phrase).tier).toBe(2);
    const hits = findPhrase(kb.index, phrase, (p) => passageText(kb.articles, kb.passages[p]!));
    const ids = hits.map((h) => kb.articles[kb.passages[h.passage]!.article]!.id).sort();
    expect(ids).toEqual(['miller-1861-03-04', 'miller-1861-03-04-0', 'miller-1969-01-20']);
    const a = core.ask('who said "the better angels of our nature"?');
    expect(a.citations[0]).toMatchObject({ speaker: 'Abraham Lincoln', date: '1861-03-04' });
    expect(a.citations[0]?.excerpt).toContain('better angels of our nature');
    expect(a.citations[1]).toMatchObject({ speaker: 'Richard Nixon' });
    // Without quotation marks the words after "who said" / "did X say" are the claim, stop words and all.
    expect(core.ask('who said the better angels of our nature').citations[0]).toMatchObject({ speaker: 'Abraham Lincoln' });
    // A line pasted bare keeps its inner stop words, so its exact words are found as such.
    const pasted = core.ask('better angels of our nature');
    expect(pasted.heading).toMatch(/searched for “better angels of our nature”/);
    expect(pasted.text).not.toMatch(/not in these sources/);
    expect(pasted.citations[0]).toMatchObject({ speaker: 'Abraham Lincoln', date: '1861-03-04' });
    // A question loses its question words ("anything on the", "say about"), not the small words
    // inside what it asks about: those are the line's exact words, found as such.
    const asked = core.ask('anything on the better angels of our nature?');
    expect(asked.heading).toMatch(/searched for “better angels of our nature”/);
    expect(asked.text).not.toMatch(/not in these sources/);
    expect(asked.citations[0]).toMatchObject({ speaker: 'Abraham Lincoln', date: '1861-03-04' });
    expect(core.ask('is there anything on the better angels of our nature?').heading).toMatch(/searched for “better angels of our nature”/);
    expect(core.ask('what was said about better angels of our nature, please?').heading).toMatch(/searched for “better angels of our nature”/);
    // A question word inside what is asked about, where the sources do not hold the words as typed:
    // only the content words are searched.
    expect(core.ask('anything on union and views about slavery?').heading).toMatch(/searched for “union and slavery”/);
    const did = core.ask('did lincoln say we are not enemies, but friends?');
    expect(did.heading).toMatch(/searched for “we are not enemies, but friends”/);
    expect(did.citations[0]?.excerpt).toContain('We are not enemies, but friends.');
  });

  it('5. a real word is never corrected; a non-word is, and the answer says so', async () => {
    const seeds = (await loadSeeds()).core;
    expect(seeds.ask('/quote stoltenberg weak').text).not.toMatch(/Read “weak”/);
    expect(seeds.ask('/summary inconsistent').text).not.toMatch(/Read “inconsistent”/);
    expect(seeds.ask('/summary militery').text).toContain('Read “militery” as “military”');
  });

  it('6. transcripts: Q, Q., QUESTION:, Reporter: and other participants are never the record speaker', () => {
    const excerpts = core
      .ask('/quote lyndon johnson deficit')
      .citations.map((c) => c.excerpt)
      .join(' | ');
    expect(excerpts).toContain('The deficit will shrink');
    const all = [...core.ask('/quote lbj').citations, ...core.ask('/quote lbj war').citations, ...core.ask('/quote lbj taxes').citations]
      .map((c) => c.excerpt)
      .join(' | ');
    expect(all).not.toMatch(/Mr\. President|border towns|Will taxes rise|concludes the conference|Q\b/);
    expect(all).toContain('Farmers will pay no new taxes');
  });

  it('7. headings say what was searched; citations always say who; one record twice is one source', () => {
    // A /quote heading says what was searched, never presents the typed words as the speaker's.
    const a = core.ask('/quote lincoln "we are not enemies but rivals"');
    expect(a.heading).toMatch(/^Abraham Lincoln, searched for “we are not enemies but rivals”/);
    // Asked as a claim, the answer is a verdict on the words, not a heading over them.
    expect(core.ask('did lincoln say "we are not enemies but rivals"?').heading).toMatch(/^Altered:/);
    const lincoln = core.ask('/quote lincoln mystic chords of memory');
    expect(lincoln.citations).toHaveLength(1);
    expect(lincoln.citations[0]?.alsoIn.map((s) => s.sourceId)).toEqual(['miller-1861-03-04-0']);
    const narration: Citation = { ...lincoln.citations[0]!, kind: 'passage', speaker: null, alsoIn: [] };
    expect(citationBlock(narration, 1)).toMatch(/— narration \(no speaker named\), /);
    expect(citationBlock(narration, 1)).not.toMatch(/— from,/);
  });

  it('8. someone mentioned but never quoted: said first, then the mentions, labelled', () => {
    const a = core.ask('what did putin say?');
    expect(a.found).toBe(false);
    expect(a.heading).toMatch(/^Putin is not quoted in these sources/);
    expect(a.text).toMatch(/mentions, not Putin's words/);
    expect(a.citations[0]).toMatchObject({ kind: 'passage', speaker: null });
    expect(a.citations[0]?.excerpt).toContain('Vladimir Putin was not present');
  });

  it('9. day and month periods; unreadable periods are said; year-only sources only when their year is inside', () => {
    expect(splitPeriod('nato on 22 March 2021').period).toMatchObject({ from: 20210322, to: 20210322 });
    expect(splitPeriod('nato in March 2021').period).toMatchObject({ from: 20210301, to: 20210331 });
    expect(splitPeriod('nato 2021-03-22').period).toMatchObject({ from: 20210322, to: 20210322 });
    expect(splitPeriod('war since May 1940').period).toMatchObject({ from: 19400501 });
    expect(splitPeriod('war between March and June 1941').period).toMatchObject({ from: 19410301, to: 19410630 });
    expect(splitPeriod('x on 31 February 2021')).toMatchObject({ period: null, unreadable: 'on 31 February 2021' });
    const dates = (q: string) =>
      core
        .ask(q)
        .citations.map((c) => c.date)
        .sort();
    expect(dates('/quote ann example harbour plan on 22 March 2021')).toEqual(['2021-03-22']);
    expect(dates('/quote ann example harbour plan 2021-03-24')).toEqual(['2021-03-24']);
    expect(dates('what did ann example say about the harbour plan in March 2021?')).toEqual(['2021-03-22', '2021-03-24']);
    expect(dates('/quote ann example harbour plan in 2021')).toEqual(['2021', '2021-03-22', '2021-03-24']);
    expect(core.ask('/quote ann example harbour plan on 31 February 2021').text).toMatch(/Could not read “on 31 February 2021”/);
  });
});
