import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/answer/core.js';
import { parseJsonlRecord } from '../../src/knowledge/jsonl.js';
import { buildKnowledgeBase } from '../../src/search/kb.js';
import { fold } from '../../src/knowledge/text.js';
import { matchPhrase, readPhrase, type Phrase, type PhraseMatch } from '../../src/search/phrase.js';
import { isStopWord, stem } from '../../src/search/terms.js';

/**
 * matchPhrase by its definition, written plainly: the exact words, else every content word in
 * order within a window a little longer than the phrase, else the longest run of the phrase's
 * words standing together (every word found by the Unicode pattern, every word stemmed).
 */
function reference(text: string, phrase: Phrase): PhraseMatch {
  const folded = fold(text);
  const m = phrase.exact.exec(folded);
  if (m) return { tier: 3, run: phrase.words.length, start: m.index, end: m.index + m[0].length };
  const spans = [...folded.matchAll(/[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu)].map((w) => ({
    stem: stem(w[0].replace(/'s$/, '').replace(/'/g, '')),
    start: w.index,
    end: w.index + w[0].length,
  }));
  const content = phrase.words.filter((w) => !isStopWord(w)).map(stem);
  const window = phrase.words.length * 2 + 2;
  if (content.length >= 2) {
    for (let i = 0; i < spans.length; i++) {
      if (spans[i]!.stem !== content[0]) continue;
      let k = 1;
      let j = i + 1;
      for (; j < spans.length && j - i < window && k < content.length; j++) if (spans[j]!.stem === content[k]) k++;
      if (k === content.length) return { tier: 2, run: phrase.words.length, start: spans[i]!.start, end: spans[j - 1]!.end };
    }
  }
  const want = phrase.words.map(stem);
  let best = 0;
  for (let i = 0; i < spans.length; i++)
    for (let j = 0; j < want.length; j++) {
      let n = 0;
      while (i + n < spans.length && j + n < want.length && spans[i + n]!.stem === want[j + n]) n++;
      best = Math.max(best, n);
    }
  const enough = Math.max(3, Math.ceil(phrase.words.length / 2));
  return best >= enough ? { tier: 1, run: best, start: 0, end: 0 } : { tier: 0, run: best, start: 0, end: 0 };
}

/** A speech record as a JSON Lines source gives it: the whole text is the speaker's words. */
function record(id: string, date: string, speaker: string, text: string): ReturnType<typeof parseJsonlRecord> {
  const precision = date.length === 4 ? { date_precision: 'year' } : {};
  return parseJsonlRecord(JSON.stringify({ id, title: `Address ${date}`, speaker, date, text, ...precision }), 'speeches.jsonl', 1);
}

describe('phrases', () => {
  const line = readPhrase('the better angels of our nature')!;

  it('finds the exact words inside quotation marks of every style, and after any punctuation', () => {
    for (const [open, close] of [
      ['“', '”'],
      ['„', '“'],
      ['«', '»'],
      ['« ', ' »'],
      ['‹', '›'],
      ['「', '」'],
      ['‘', '’'],
      ['"', '"'],
      ['（', '）'],
      ['—', '…'],
      ['• ', '·'],
      ['¿', '?'],
    ]) {
      const text = `He said ${open}the better angels of our nature${close} and sat down.`;
      expect(matchPhrase(text, line), text).toMatchObject({ tier: 3 });
    }
    // The words run across typographic punctuation too: a dash, a curly apostrophe, guillemets.
    expect(matchPhrase('the better angels—of our nature’s call', line).tier).toBe(3);
    expect(matchPhrase('the better «angels» of our nature', line).tier).toBe(3);
  });

  it('finds any text in itself: every line of a source holds its own exact words', () => {
    // Words in the forms sources print them: plurals of every kind, possessives on words ending in
    // "s", contractions, curly apostrophes, accents, other scripts, numbers next to currency signs.
    const pieces = [
      'always',
      'days',
      'ways',
      'says',
      'boys',
      'allies',
      'series',
      'news',
      'crisis',
      'processes',
      'churches',
      'heroes',
      "Jenkins's",
      'Barbados’s',
      'Hamas’',
      "countries'",
      "don't",
      'won’t',
      "we're",
      "it's",
      "nation's",
      'd’Ivoire’s',
      "o'clock",
      'Côte',
      'naïve',
      'Niinistö',
      'İstanbul',
      'Straße',
      'Ærø',
      'Δημοκρατία',
      'Москва',
      '東京',
      'ﬁnancial',
      '1990s',
      '2,000',
      '€235',
      '£5',
      '$10',
      '¥100',
      '7%',
      '30°',
      'U.S.',
      'e-mail',
      'co-operation',
      'the',
      'of',
      'a',
      'I',
    ];
    const separators = [
      ' ',
      ', ',
      ' — ',
      '—',
      ' – ',
      '… ',
      '; ',
      ': ',
      ' “',
      '” ',
      ' „',
      '“ ',
      ' «',
      '» ',
      ' ‹',
      '› ',
      ' (',
      ') ',
      ' • ',
      '\u00a0',
      '. ',
      '! ',
      '? ',
      ' / ',
    ];
    const text = fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...separators)), { minLength: 2, maxLength: 25 }).map((parts) =>
      parts
        .map(([w, s]) => w + s)
        .join('')
        .trim(),
    );
    fc.assert(
      fc.property(text, (t) => {
        const phrase = readPhrase(t);
        if (phrase) expect(matchPhrase(t, phrase).tier, t).toBe(3);
      }),
      { numRuns: 3000 },
    );
  });

  it('does not take part of a longer word for a word of the phrase, in any script', () => {
    for (const glued of [
      'another better angels of our nature',
      'éthe better angels of our nature',
      'the better angels of our natureβ',
      'the better angels of our natureж',
    ]) {
      expect(matchPhrase(glued, line).tier, glued).toBeLessThan(3);
    }
  });

  it('rates text the way its definition says, on random texts of phrase words, fillers and punctuation', () => {
    const phraseWords = ['the', 'nation', 'peoples', "nation's", 'allies', 'ally', 'freedom', 'of', 'new', 'world'];
    const fillers = ['and', 'a', 'nations', 'free', 'nationwide', "don't", "people's", 'über', 'naïve', 'αβγ', '2024', 'x'];
    const separators = [' ', ', ', ' — ', '; ', ' “', '” ', ' «', '» ', '\u00a0', '. '];
    const text = fc
      .array(fc.tuple(fc.constantFrom(...phraseWords, ...fillers), fc.constantFrom(...separators)), { maxLength: 40 })
      .map((parts) => parts.map(([w, s]) => w + s).join(''));
    const typed = fc.array(fc.constantFrom(...phraseWords), { minLength: 2, maxLength: 7 });
    // Texts that hold a stretch of the typed words (a misquote's run), amid random words.
    const cases = fc.oneof(
      fc.tuple(typed, text).map(([ws, t]) => ({ ws, t })),
      fc.tuple(typed, text, text, fc.nat(), fc.nat()).map(([ws, before, after, a, b]) => {
        const from = a % ws.length;
        const to = from + 1 + (b % (ws.length - from));
        return { ws, t: `${before}${ws.slice(from, to).join(' ')} ${after}` };
      }),
    );
    const tiers = new Set<number>();
    fc.assert(
      fc.property(cases, ({ ws, t }) => {
        const p = readPhrase(ws.join(' '))!;
        const m = matchPhrase(t, p);
        expect(m).toEqual(reference(t, p));
        tiers.add(m.tier);
      }),
      { numRuns: 3000 },
    );
    expect([...tiers].sort()).toEqual([0, 1, 2, 3]);
  });

  it('tests plain text (ASCII, curly quotes and dashes) without folding it, exactly as folded', () => {
    const pieces = [
      'The',
      'THE',
      'nation',
      "Nation's",
      'Nation’s',
      'nation‘s',
      'Nations',
      'people',
      'Peoples',
      'of',
      'OF',
      'new',
      'world',
      'ally',
      'Allies',
      'don’t',
      'dont',
      'x',
    ];
    const separators = [' ', '  ', ', ', ' — ', '–', '-', '‐', ' “', '” ', '"', "'", '’', '′', '. ', '\n'];
    const text = fc
      .array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...separators)), { maxLength: 30 })
      .map((parts) => parts.map(([w, s]) => w + s).join(''));
    const typed = fc.array(fc.constantFrom('the', 'nation', "nation's", 'peoples', 'of', 'new', 'world', 'allies', "don't"), {
      minLength: 2,
      maxLength: 5,
    });
    // Half the texts hold the typed words themselves, in any case, joined by any separator.
    const holding = fc
      .tuple(typed, text, text, fc.array(fc.constantFrom(...separators), { minLength: 4, maxLength: 4 }), fc.boolean())
      .map(([ws, before, after, seps, upper]) => ({
        ws,
        t: `${before}${ws.map((w, i) => (upper && i % 2 ? w.toUpperCase() : w).replace("'", i % 2 ? '’' : "'") + (seps[i] ?? ' ')).join('')}${after}`,
      }));
    let found = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          holding,
          fc.tuple(typed, text).map(([ws, t]) => ({ ws, t })),
        ),
        ({ ws, t }) => {
          const p = readPhrase(ws.join(' '))!;
          const folded = p.exact.exec(fold(t));
          const plain = p.plain.exec(t);
          expect(plain?.index).toBe(folded?.index);
          expect(plain?.[0].length).toBe(folded?.[0].length);
          if (folded) found++;
        },
      ),
      { numRuns: 3000 },
    );
    // Both ways of testing agree on texts that do hold the words, not only on misses.
    expect(found).toBeGreaterThan(1000);
  });

  it('answers a line quoted inside curly quotation marks as the exact words, not as a near miss', () => {
    const core = createCore([
      record(
        'a-2011',
        '2011-01-25',
        'Grace Hopper',
        'One veteran summed up the scene around him: “This was a battlefield for most of my life,” he said.',
      ),
      record('b-2012', '2012-05-01', 'Alan Turing', 'For most of my life this battlefield was a farm, and my life was the farm.'),
    ]);
    const bare = core.ask('This was a battlefield for most of my life');
    expect(bare.text).not.toMatch(/not in these sources/);
    expect(bare.citations[0]?.excerpt).toContain('This was a battlefield for most of my life');
    const quoted = core.answer({ command: 'quote', speaker: 'grace hopper', topic: '"this was a battlefield for most of my life"', offset: 0 });
    expect(quoted.text).not.toMatch(/not in these sources/);
    expect(quoted.citations[0]?.excerpt).toContain('This was a battlefield for most of my life');
  });

  it('finds a line as typed: contractions, a speech word inside it, small words inside a question', () => {
    const core = createCore([
      record(
        'a',
        '1998-01-26',
        'Grace Hopper',
        'We don’t agree that the policy should be changed, and I think it was enormously beneficial when we did it.',
      ),
      record(
        'b',
        '1999-03-01',
        'Alan Turing',
        'The policy should not be changed: we agree it was beneficial, I think, and enormously so. Here is an exact statement of all the causes decided since.',
      ),
    ]);
    const found = (q: string) => {
      const a = core.ask(q);
      expect(a.text, q).not.toMatch(/not in these sources/);
      return a.citations[0]?.speaker;
    };
    // The apostrophe typed is kept ("don't", not "dont"), and meets the source's curly one.
    expect(found("don't agree that the policy should be changed")).toBe('Grace Hopper');
    expect(core.ask("don't agree that the policy should be changed").heading).toMatch(/searched for “don't agree that the policy should be changed”/);
    // A pasted line holding a speech word ("think") is still a line, searched word for word.
    expect(found('I think it was enormously beneficial when we did it')).toBe('Grace Hopper');
    // A question word inside a line the sources hold ("statement") is part of the line.
    expect(found('anything on an exact statement of all the causes decided since?')).toBe('Alan Turing');
    expect(core.ask('what is the policy statement on it?').heading).toMatch(/searched for “policy it”/);
    // A question keeps the small words inside what it asks about.
    expect(found('anything on the policy should be changed?')).toBe('Grace Hopper');
    expect(core.ask('anything on the policy should be changed?').heading).toMatch(/searched for “policy should be changed”/);
  });

  it('reads a date inside quotation marks as part of the words, and one outside as a filter the answer names', () => {
    const core = createCore([
      record('g-2019', '2019', 'Karen Cummings', 'General and regional elections will be held on 2 March 2020, as the President has announced.'),
      record('s-2021', '2021', 'Macky Sall', 'Senegal acted as soon as the pandemic emerged, on 2 March 2020, with daily reports.'),
    ]);
    const quoted = core.ask('"will be held on 2 March 2020"');
    expect(quoted.heading).toMatch(/searched for “will be held on 2 March 2020”/);
    expect(quoted.citations[0]).toMatchObject({ speaker: 'Karen Cummings', date: '2019' });
    // A period outside the quotation marks filters, and the heading says so.
    const in2021 = core.ask('"will be held on 2 March 2020" in 2021');
    expect(in2021.heading).toMatch(/searched for “will be held on 2 March 2020” \(2021\)/);
    expect(in2021.citations.map((c) => c.date)).toEqual(['2021']);
    // The words are in the sources, only not in that year's: the note says which sources it means.
    expect(in2021.text).toMatch(/not in these sources \(2021\)/);
    expect(core.ask('"will be held on 2 March 2020" in 2019').text).not.toMatch(/not in these sources/);
    // Nothing of that date: the sources of every date, said as such (a date in a pasted line reads
    // as a filter, but the words may be in a source of another date).
    const in2020 = core.ask('"will be held on 2 March 2020" in 2020');
    expect(in2020.heading).toBe('No passage matches “will be held on 2 March 2020” (2020); the best passages of every date follow.');
    expect(in2020.citations[0]).toMatchObject({ speaker: 'Karen Cummings', date: '2019' });
    expect(core.ask('elections will be held on 2 March 2020').citations[0]).toMatchObject({ speaker: 'Karen Cummings' });
    // Unquoted, a date is a filter, as it is in a question.
    expect(core.ask('anything on daily reports in 2021').heading).toMatch(/searched for “daily reports” \(2021\)/);
  });

  it('finds a line that runs across the cut between two passages of a long paragraph', () => {
    const trades = ['wheat', 'coal', 'cotton', 'timber', 'iron', 'salt', 'wool'];
    const text = Array.from(
      { length: 14 },
      (_, i) => `Sentence ${i + 1} of this long address speaks of harbours, railways and the ${trades[i % 7]} trade.`,
    ).join(' ');
    const article = record('a', '1901-03-04', 'Grace Hopper', text);
    const [first, second] = buildKnowledgeBase([structuredClone(article)]).passages;
    // The fixture's point: one paragraph, cut into passages between sentences.
    expect(second?.paragraph).toBe(first?.paragraph);
    const line = `${text.slice(0, first!.end).split(' ').slice(-5).join(' ')} ${text.slice(second!.start).split(' ').slice(0, 5).join(' ')}`;
    const core = createCore([article]);
    for (const a of [core.ask(line), core.answer({ command: 'quote', speaker: 'grace hopper', topic: `"${line}"`, offset: 0 })]) {
      expect(a.text, line).not.toMatch(/not in these sources/);
      expect(a.citations[0]?.excerpt).toContain(line);
    }
  });

  it('shows the words asked about when they stand late in a sentence longer than an excerpt', () => {
    const clauses = Array.from(
      { length: 30 },
      (_, i) => `whereas clause ${i + 1} of this proclamation concerns the lands of district ${i + 1} of the territory`,
    );
    const text = `${clauses.join(', and ')}, I do admonish and warn all such persons against any attempt to settle upon the said lands.`;
    expect(text.length).toBeGreaterThan(2000);
    const core = createCore([record('p', '1879-04-26', 'Grace Hopper', text)]);
    for (const a of [
      core.ask('do admonish and warn all such persons'),
      core.answer({ command: 'quote', speaker: 'grace hopper', topic: 'admonish and warn all such persons', offset: 0 }),
    ]) {
      const excerpt = a.citations[0]?.excerpt ?? '';
      expect(excerpt).toContain('I do admonish and warn all such persons');
      // Cut around them, and the cut is marked: the excerpt does not pretend to be the sentence's start.
      expect(excerpt.startsWith('… ')).toBe(true);
      expect(excerpt.length).toBeLessThan(1100);
      expect(text).toContain(excerpt.replace(/^… /, '').replace(/ …$/, ''));
    }
    // So does /verify, and its Cite button rebuilds a citation that holds them too.
    const verified = core.ask('who said "I do admonish and warn all such persons"?');
    expect(verified.verify?.verdict).toBe('verbatim');
    expect(verified.citations[0]?.excerpt).toContain('I do admonish and warn all such persons');
    const [start, end] = verified.verify!.ranges[0]!;
    expect(core.cite!(verified.citations[0]!.passageKey, start, end)?.excerpt).toBe(verified.citations[0]!.excerpt);
  });
});
