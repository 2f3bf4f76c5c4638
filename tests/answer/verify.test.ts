import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/render/json.js';
import { excerptPieces, loadSeeds, seedCorpus } from '../helpers.js';

describe('/verify over the seeds', async () => {
  const { core } = await loadSeeds();
  const corpus = seedCorpus();
  const verify = (claim: string, speaker = '') => core.answer({ command: 'verify', claim, speaker, offset: 0 });

  it('verbatim: the words in order in the claimed speaker’s quote, whatever the case, punctuation and quotation marks', () => {
    const a = verify('“russia has increased its pattern of repressive behaviour at home”', 'stoltenberg');
    expect(a).toMatchObject({ command: 'verify', found: true, verify: { verdict: 'verbatim', claimedSpeaker: 'Jens Stoltenberg' } });
    expect(a.verify!.differences).toEqual([{ op: 'same', text: 'russia has increased its pattern of repressive behaviour at home' }]);
    expect(a.citations[0]).toMatchObject({ kind: 'quote', speaker: 'Jens Stoltenberg', date: '2021-03-24' });
    // The whole sentence around the words is shown.
    expect(a.citations[0]!.excerpt).toContain('aggressive behaviour abroad');
  });

  it('verbatim with … for left-out words, and with no speaker named (anyone’s quote)', () => {
    const a = verify('We don’t regard China as an adversary ... the rise of China has direct consequences to our security');
    expect(a.verify).toMatchObject({ verdict: 'verbatim', claimedSpeaker: null });
    expect(a.verify!.differences.every((d) => d.op === 'same')).toBe(true);
    expect(a.citations[0]!.speaker).toBe('Jens Stoltenberg');
  });

  it('altered: "We regard China as an adversary" drops the negation, named first', () => {
    const a = core.ask('did Stoltenberg say "We regard China as an adversary"?');
    expect(a.command).toBe('verify');
    expect(a.verify).toMatchObject({ verdict: 'altered', claimedSpeaker: 'Jens Stoltenberg' });
    expect(a.verify!.differences).toEqual([
      { op: 'same', text: 'We' },
      { op: 'removed', text: 'don’t' },
      { op: 'same', text: 'regard China as an adversary' },
    ]);
    expect(a.verify!.negations).toEqual([{ op: 'removed', text: 'don’t' }]);
    expect(a.text.indexOf('Negation')).toBeLessThan(a.text.indexOf('Differences'));
    expect(a.citations[0]!.excerpt).toContain('We don’t regard China as an adversary.');
    expect(a.text).not.toMatch(/\bfalse\b/i);
  });

  it('altered: "NATO’s response is weak and inconsistent" shows the real words', () => {
    const a = core.ask('did stoltenberg say "NATO\'s response is weak and inconsistent"?');
    expect(a.verify?.verdict).toBe('altered');
    const ops = a.verify!.differences.filter((d) => d.op !== 'same');
    expect(ops).toEqual([
      { op: 'removed', text: 'firm' },
      { op: 'added', text: 'weak' },
      { op: 'removed', text: 'consistent' },
      { op: 'added', text: 'inconsistent' },
    ]);
    expect(a.citations[0]).toMatchObject({ speaker: 'Jens Stoltenberg', date: '2021-03-24' });
    expect(a.citations[0]!.excerpt).toContain('NATO’s response is firm and consistent.');
  });

  it('reported: Borissov’s words are the reporter’s, not a quotation', () => {
    const a = verify('ready to declare Russian diplomats personae non-gratae', 'borissov');
    expect(a.verify).toMatchObject({ verdict: 'reported', claimedSpeaker: 'Boyko Borissov' });
    expect(a.found).toBe(true);
    expect(a.citations[0]).toMatchObject({ kind: 'reported', speaker: 'Boyko Borissov' });
  });

  it('misattributed: a line of Stoltenberg’s claimed for Borissov, another speaker of the sources', () => {
    const a = core.ask('/verify "NATO takes protection of classified information, very, very seriously" borissov');
    expect(a.verify).toMatchObject({ verdict: 'misattributed', claimedSpeaker: 'Boyko Borissov' });
    expect(a.citations[0]).toMatchObject({ kind: 'quote', speaker: 'Jens Stoltenberg' });
    expect(a.heading).toContain('Jens Stoltenberg');
  });

  it('a speaker no source knows is "not found for" that name, never misattributed, and says whose words they are', () => {
    const a = core.ask('/verify "NATO takes protection of classified information, very, very seriously" putin');
    expect(a.verify).toMatchObject({ verdict: 'not-found', claimedSpeaker: 'putin' });
    expect(a.heading).toMatch(/^Not found for putin: .*these words are Jens Stoltenberg's/);
    expect(a.citations[0]).toMatchObject({ kind: 'quote', speaker: 'Jens Stoltenberg' });
  });

  it('not found in these sources (never "false")', () => {
    const a = verify('we will rebuild the middle class one paycheck at a time', 'stoltenberg');
    expect(a).toMatchObject({ found: false, verify: { verdict: 'not-found', differences: [] } });
    expect(a.text).toMatch(/not found in these sources/i);
    expect(a.text).not.toMatch(/\bfalse\b/i);
  });

  it('a word added makes it altered, with the added word in the differences', () => {
    const a = verify('NATO takes protection of classified information very very seriously indeed', 'stoltenberg');
    expect(a.verify?.verdict).toBe('altered');
    expect(a.verify!.differences).toContainEqual({ op: 'added', text: 'indeed' });
  });

  it('an added negation is called out', () => {
    const a = core.ask('is it true that Stoltenberg said NATO does not support the efforts by Bulgaria?');
    expect(a.verify?.verdict).toBe('altered');
    expect(a.verify!.negations).toContainEqual({ op: 'added', text: 'not' });
  });

  it('who said "…" names the speaker and the first source', () => {
    const a = core.ask('who said "we still see violent oppression of political dissent"?');
    expect(a.verify).toMatchObject({ verdict: 'verbatim', claimedSpeaker: null });
    expect(a.citations[0]).toMatchObject({ speaker: 'Jens Stoltenberg', date: '2021-03-24' });
    expect(a.heading).toContain('Jens Stoltenberg');
  });

  it('free-text forms all reach verify; questions without quoted words stay /quote', () => {
    for (const q of [
      'verify: we still see violent oppression of political dissent',
      '/verify stoltenberg: "we still see violent oppression"',
      'did Jens Stoltenberg really say “we still see violent oppression of political dissent”?',
    ]) {
      expect(core.ask(q).command, q).toBe('verify');
    }
    expect(core.ask('/verify stoltenberg: "we still see violent oppression"').verify?.claimedSpeaker).toBe('Jens Stoltenberg');
    expect(core.ask('did stoltenberg say anything about china?').command).toBe('quote');
  });

  it('every excerpt is verbatim, and the JSON contract carries the verdict', () => {
    const a = core.ask('did Stoltenberg say "We regard China as an adversary"?');
    for (const c of a.citations) for (const piece of excerptPieces(c.excerpt)) expect(corpus).toContain(piece);
    const json = JSON.parse(renderJson(a));
    expect(json).toMatchObject({
      command: 'verify',
      found: true,
      verdict: 'altered',
      claim: 'We regard China as an adversary',
      claimedSpeaker: 'Jens Stoltenberg',
    });
    expect(json.differences).toContainEqual({ op: 'removed', text: 'don’t' });
    expect(json.citations[0]).toMatchObject({ speaker: 'Jens Stoltenberg', date: '2021-03-24' });
  });

  it('out-of-context: words cut from "We don’t regard China as an adversary" are never verbatim; the sentence is shown, the negation named', () => {
    const a = core.ask('did Stoltenberg say "regard China as an adversary"?');
    expect(a.verify).toMatchObject({ verdict: 'out-of-context', claimedSpeaker: 'Jens Stoltenberg' });
    expect(a.verify!.cut).toEqual({
      parts: [
        { text: 'We don’t ', left: true },
        { text: 'regard China as an adversary', left: false },
        { text: '.', left: true },
      ],
      reasons: [{ kind: 'negation', words: 'don’t' }],
    });
    expect(a.text).toContain('Cut from: “[-We don’t-] regard China as an adversary.”');
    expect(a.heading).toMatch(/^Verbatim words, cut: Jens Stoltenberg/);
    expect(a.citations[0]!.excerpt).toContain('We don’t regard China as an adversary.');
  });

  it('a harmless lead-in left out ("First of all, I think that …") stays verbatim', () => {
    const a = verify('the message from NATO allies and also from me as Secretary General is a message of solidarity', 'stoltenberg');
    expect(a.verify?.verdict).toBe('verbatim');
    expect(a.verify?.cut).toBeUndefined();
  });

  it('spliced: two sentences of one statement, nine apart, joined as one; each piece cited with what stands between', () => {
    const a = core.ask('did Stoltenberg say "Russia undermines and destabilizes its neighbours. NATO’s response is firm and consistent."');
    expect(a.verify).toMatchObject({ verdict: 'spliced', claimedSpeaker: 'Jens Stoltenberg' });
    expect(a.verify!.pieces).toEqual([
      {
        claim: 'Russia undermines and destabilizes its neighbours',
        gap: expect.stringMatching(/^\d+ words stand between them, 9 whole sentences among them$/),
      },
      { claim: 'NATO’s response is firm and consistent', gap: null },
    ]);
    expect(a.citations).toHaveLength(2);
    expect(a.citations[0]!.excerpt).toContain('Abroad, Russia undermines and destabilizes its neighbours');
    expect(a.citations[1]!.excerpt).toContain('NATO’s response is firm and consistent.');
    for (const c of a.citations) expect(c).toMatchObject({ speaker: 'Jens Stoltenberg', date: '2021-03-24' });
  });

  it('words dropped inside one sentence are altered, not spliced', () => {
    const a = verify('we are closely following the investigation into an alleged Russian spy ring', 'stoltenberg');
    expect(a.verify?.verdict).toBe('altered');
  });

  it('"do not" for "don’t" and -ise for -ize are the same words: verbatim, the other form named', () => {
    const a = core.ask('did Stoltenberg say "We do not regard China as an adversary"');
    expect(a.verify).toMatchObject({ verdict: 'verbatim', negations: [], forms: [{ source: 'don’t', claim: 'do not', kind: 'contraction' }] });
    expect(a.text).toContain('Same words, written another way: “don’t” in the source, “do not” in the claim.');
    const b = verify('Russia undermines and destabilises its neighbours', 'stoltenberg');
    expect(b.verify).toMatchObject({ verdict: 'verbatim', forms: [{ source: 'destabilizes', claim: 'destabilises', kind: 'spelling' }] });
  });

  it('misattributed needs the same words: Stoltenberg’s line with its negation dropped, given to Borissov, is altered against his line', () => {
    const a = core.ask('did Borissov say "We regard China as an adversary"?');
    expect(a.verify).toMatchObject({ verdict: 'altered', claimedSpeaker: 'Boyko Borissov' });
    expect(a.heading).toMatch(/^Altered: nobody in these sources said these words; the closest line is Jens Stoltenberg's/);
    expect(a.citations[0]).toMatchObject({ speaker: 'Jens Stoltenberg' });
    expect(a.verify!.negations).toEqual([{ op: 'removed', text: 'don’t' }]);
  });

  it('every verdict knows where the words first appear; --json carries firstSeen and appearances', () => {
    const a = core.ask('did Stoltenberg say "regard China as an adversary"?');
    expect(a.verify!.firstSeen).toMatchObject({ speaker: 'Jens Stoltenberg', date: '2021-03-24', words: 'regard China as an adversary' });
    // Only in the source cited first: the citation says where and when; no line repeats it.
    expect(a.text).not.toMatch(/First seen/);
    const json = JSON.parse(renderJson(a));
    expect(json.firstSeen).toMatchObject({ date: '2021-03-24', speaker: 'Jens Stoltenberg' });
    expect(json.appearances).toEqual([]);
    expect(json.cut.reasons).toEqual([{ kind: 'negation', words: 'don’t' }]);
  });

  it('an empty claim is a miss that says what to type', () => {
    const a = verify('“ … ”');
    expect(a).toMatchObject({ found: false, verify: { verdict: 'not-found' } });
    expect(a.text).toMatch(/verify/);
  });
});

describe('/verify on a transcript', async () => {
  const { parseJsonlRecord } = await import('../../src/knowledge/jsonl.js');
  const { createCore } = await import('../../src/answer/core.js');
  const record = {
    id: 'press-1',
    title: 'Press Conference',
    speaker: 'Harriet Example',
    date: '1999-05-04',
    multi_speaker: true,
    text: 'THE PRESIDENT: We will cut taxes for every working family this year.\n\nQ: Will you raise taxes on the middle class after the election?\n\nTHE PRESIDENT: We have no plan of that kind at all.',
  };
  const core = createCore([parseJsonlRecord(JSON.stringify(record), 'press.jsonl', 1)]);

  it('a question put to the speaker is misattributed to them, never their quote', () => {
    const a = core.answer({
      command: 'verify',
      claim: 'will you raise taxes on the middle class after the election',
      speaker: 'harriet example',
      offset: 0,
    });
    expect(a.verify?.verdict).toBe('misattributed');
    expect(a.citations.every((c) => c.speaker !== 'Harriet Example')).toBe(true);
  });

  it('the speaker’s own turn is verbatim', () => {
    const a = core.answer({ command: 'verify', claim: 'we will cut taxes for every working family', speaker: 'example', offset: 0 });
    expect(a.verify?.verdict).toBe('verbatim');
  });
});

describe('/verify with a name the sources do not know', async () => {
  const { createCore } = await import('../../src/answer/core.js');
  const { parseJsonlRecord } = await import('../../src/knowledge/jsonl.js');
  const core = createCore([
    parseJsonlRecord(
      JSON.stringify({
        id: 'sp-1',
        title: 'Inaugural Address',
        speaker: 'Franklin D. Roosevelt',
        date: '1933-03-04',
        text: 'So, first of all, let me assert my firm belief that the only thing we have to fear is fear itself.',
      }),
      'x.jsonl',
      1,
    ),
  ]);

  it('reads initials as the speaker they abbreviate (never "misattributed" for a real quote)', () => {
    const a = core.answer({ command: 'verify', claim: 'the only thing we have to fear is fear itself', speaker: 'fdr', offset: 0 });
    expect(a.verify?.verdict).toBe('verbatim');
    // "fdr" is in the built-in alias list, or else read as the initials of the speaker found.
    expect(a.verify?.claimedSpeaker).toBe('Franklin D. Roosevelt');
    expect(a.citations[0]?.speaker).toBe('Franklin D. Roosevelt');
  });

  it("an unknown name that is not the speaker's is not found for that name, with a note", () => {
    const a = core.answer({ command: 'verify', claim: 'the only thing we have to fear is fear itself', speaker: 'churchill', offset: 0 });
    expect(a.verify?.verdict).toBe('not-found');
    expect(a.heading).toContain('Not found for churchill');
    expect(a.text).toContain('“churchill” names no speaker in these sources');
  });
});

describe('/verify: numbers and where the words first appear', async () => {
  const { createCore } = await import('../../src/answer/core.js');
  const { parseJsonlRecord } = await import('../../src/knowledge/jsonl.js');
  const record = (id: string, date: string, text: string) =>
    parseJsonlRecord(JSON.stringify({ id, title: `Address ${id}`, speaker: 'Harriet Example', date, text }), 'x.jsonl', 1);
  const core = createCore([
    record('later', '2004-06-01', 'We will send 6 hospital ships to the flooded coast before winter comes.'),
    record('first', '1999-05-04', 'We will send six hospital ships to the flooded coast before winter comes.'),
    record('other', '2001-02-02', 'Harbour talks went well. We will send six hospital ships to the flooded coast before spring comes.'),
  ]);
  const verify = (claim: string) => core.answer({ command: 'verify', claim, speaker: 'harriet example', offset: 0 });

  it('six and 6 are the same number, written differently: verbatim, and said', () => {
    const a = verify('we will send 6 hospital ships to the flooded coast');
    expect(a.verify?.verdict).toBe('verbatim');
    expect(a.text).toMatch(/Same number, written differently: “(six|6)” in the source, “6” in the claim/);
  });

  it('the first appearance is the earliest source, later ones follow in date order, a different wording marked "also as"', () => {
    const a = verify('we will send six hospital ships to the flooded coast before winter comes');
    expect(a.verify?.verdict).toBe('verbatim');
    expect(a.verify!.firstSeen).toMatchObject({ sourceId: 'first', date: '1999-05-04', speaker: 'Harriet Example' });
    expect(a.verify!.appearances.map((x) => [x.sourceId, x.alsoAs ?? null])).toEqual([
      ['other', 'We will send six hospital ships to the flooded coast before spring comes'],
      ['later', 'We will send 6 hospital ships to the flooded coast before winter comes'],
    ]);
    expect(a.text).toContain('First seen: Harriet Example, “Address first”, 4 May 1999 (1999-05-04).');
    expect(a.text).toContain('also as: “We will send six hospital ships to the flooded coast before spring comes”');
  });
});

describe('/verify: the later sources a page at a time ("more")', async () => {
  const { createCore } = await import('../../src/answer/core.js');
  const { parseJsonlRecord } = await import('../../src/knowledge/jsonl.js');
  const { nextPage } = await import('../../src/cli/paging.js');
  const words = 'We will keep the harbour open to every ship that needs shelter.';
  // 14 addresses repeating the line, one a year from 2001: the first, then 13 later ones.
  const core = createCore(
    Array.from({ length: 14 }, (_, k) =>
      parseJsonlRecord(
        JSON.stringify({ id: `y${2001 + k}`, title: `Address ${2001 + k}`, speaker: 'Harriet Example', date: `${2001 + k}-05-04`, text: words }),
        'x.jsonl',
        k + 1,
      ),
    ),
  );
  const request = { command: 'verify' as const, claim: words, speaker: 'harriet example', offset: 0 };

  it('lists ten later sources under the verdict, then the rest on the next page, then says there are no more', () => {
    const first = core.answer(request);
    expect(first.verify).toMatchObject({ verdict: 'verbatim', firstSeen: { sourceId: 'y2001' } });
    expect(first.verify!.appearances.map((a) => a.sourceId)).toEqual(Array.from({ length: 10 }, (_, k) => `y${2002 + k}`));
    expect(first.hasMore).toBe(true);
    expect(first.text.match(/^Also in: /gm)).toHaveLength(10);
    const next = nextPage(first);
    expect(next).toMatchObject({ command: 'verify', offset: 10 });
    const second = core.answer(next);
    expect(second).toMatchObject({ found: true, hasMore: false, total: 13, citations: [] });
    expect(second.verify).toMatchObject({ verdict: 'verbatim', firstSeen: { sourceId: 'y2001' } });
    expect(second.verify!.appearances.map((a) => a.sourceId)).toEqual(['y2012', 'y2013', 'y2014']);
    expect(second.text).toMatch(/^Later sources repeating “We will keep the harbour open to every ship that needs shelter\.”, 11–13 of 13:/);
    expect(second.text).toContain('Also in: Harriet Example, “Address 2014”');
    expect(core.answer({ ...request, offset: 13 })).toMatchObject({ found: false, heading: expect.stringMatching(/^No more sources repeat /) });
  });
});

describe('/verify: what a cut leaves out', async () => {
  const { createCore } = await import('../../src/answer/core.js');
  const { parseJsonlRecord } = await import('../../src/knowledge/jsonl.js');
  const text = [
    'We will never abandon our allies in the east.',
    'Critics say that the alliance is finished.',
    'It would be wrong to say that sanctions have failed.',
    'We will respond with force only if we are attacked first.',
    'Is the alliance ready for a long war?',
    'The sanctions are painful, but they are necessary for peace.',
    'As I said, the alliance is united and strong.',
  ].join(' ');
  const core = createCore([
    parseJsonlRecord(JSON.stringify({ id: 'cut-1', title: 'Statement', speaker: 'Harriet Example', date: '2020-01-02', text }), 'x.jsonl', 1),
  ]);
  const verify = (claim: string) => core.answer({ command: 'verify', claim, speaker: 'harriet example', offset: 0 });

  it.each([
    ['abandon our allies in the east', 'negation', 'never'],
    ['the alliance is finished', 'attribution', 'Critics say'],
    ['sanctions have failed', 'attribution', 'to say'],
    ['We will respond with force', 'condition', 'only if'],
    ['the alliance ready for a long war', 'question', '?'],
    ['The sanctions are painful', 'contrast', 'but'],
  ])('“%s” is out-of-context: the left-out %s (“%s”) changes it', (claim, kind, words) => {
    const a = verify(claim);
    expect(a.verify?.verdict, claim).toBe('out-of-context');
    expect(a.verify!.cut!.reasons).toEqual([{ kind, words }]);
    expect(a.verify!.cut!.parts.filter((p) => !p.left).map((p) => p.text)).toEqual([claim]);
  });

  it('a harmless lead-in left out, or nothing left out, stays verbatim', () => {
    expect(verify('the alliance is united and strong').verify?.verdict).toBe('verbatim');
    expect(verify('We will never abandon our allies in the east').verify?.verdict).toBe('verbatim');
    expect(verify('they are necessary for peace').verify?.verdict).toBe('verbatim');
  });

  it('a … that hides a negation is a cut too', () => {
    const a = verify('We will … abandon our allies in the east');
    expect(a.verify?.verdict).toBe('out-of-context');
    expect(a.verify!.cut!.reasons).toEqual([{ kind: 'negation', words: 'never' }]);
  });
});
