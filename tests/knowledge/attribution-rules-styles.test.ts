import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/knowledge/types.js';
import { quoteOf, story as parse, who } from './story.js';

/** One test per rule added for tests/fixtures/attribution-styles (numbers as in src/knowledge/README.md). */

const segmentText = (article: Article, start: string) => {
  for (const p of article.paragraphs)
    for (const s of p.segments) if (p.text.slice(s.start, s.end).startsWith(start)) return p.text.slice(s.start, s.end);
  return undefined;
};

describe('attribution rules for wire and Wikinews styles', () => {
  it('1d. "Police Chief Ann Ruiz" is a person with the role Police Chief, so "the chief said" is her', () => {
    const a = parse(
      'Police Chief Ann Ruiz said a man was arrested. "We do not believe there is any further threat," the chief said.',
      'Ruiz was joined by Detective Sarah Kline. "This was a senseless act," she said.',
    );
    expect(quoteOf(a, 'We do not believe')).toBe('Ann Ruiz');
    // Two women named in the sentence before, neither speaking there: nobody.
    expect(quoteOf(a, 'This was a senseless act')).toBeNull();
  });

  it('1e. organisations from an appositive noun after the name, and from it/its referring back', () => {
    const a = parse(
      'The march was organised by Habitação Já, a coalition of tenant groups. "Rents have doubled in ten years," the group said in a statement.',
    );
    expect(quoteOf(a, 'Rents have doubled')).toBe('Habitação Já');
    const c = parse(
      'Halvorsen Steel said on Monday it will close its plant in Dunmore.',
      '"The decision follows two years of falling orders," the company said in a statement.',
    );
    expect(quoteOf(c, 'The decision follows')).toBe('Halvorsen Steel');
    // A person's "it" is no organisation: a given name, or he/she before its.
    const b = parse('Maria Lopez said on Monday it was a shame its plan failed.', '"We will try again next year," the company said.');
    expect(quoteOf(b, 'We will try again')).toBeNull();
  });

  it('2c. the role in apposition may open with a lower-case possessive: the council’s chief executive, Robert Allen, said', () => {
    const a = parse('“We will look at why the warnings took so long,” the council’s chief executive, Robert Allen, said.');
    expect(quoteOf(a, 'We will look at why')).toBe('Robert Allen');
  });

  it('2d. the sentence after a quotation names its source (came from, were those of); other verbs do not', () => {
    const a = parse(
      'Councillor Marco Ortega voted against the budget.',
      '“This is not a tax on the rich.” The objection came from Councillor Hannah Pike, the other member to vote no.',
      '"It\'s the cruellest way to lose a final." The words were those of Castleford\'s manager, Steve Barker, who was close to tears.',
      '"This is a disgrace to the whole town." The remark drew criticism from Mayor Linda Ortega.',
      '"We saw nothing at all that night." The remark came from a bystander.',
    );
    expect(quoteOf(a, 'This is not a tax')).toBe('Hannah Pike');
    expect(quoteOf(a, "It's the cruellest")).toBe('Steve Barker');
    expect(quoteOf(a, 'This is a disgrace')).toBeNull();
    expect(quoteOf(a, 'We saw nothing')).toBeNull();
  });

  it('3d. a person before "of the consultancy Arup" is the subject; "a spokesman for the party Fidesz" is nobody', () => {
    const a = parse(
      'Engineer Thomas Brandt of the consultancy Arup said the study was flawed. "Roots lift pavements and break pipes," he said.',
      'A spokesman for the opposition party Fidesz said, "We will vote against the bill."',
    );
    expect(quoteOf(a, 'Roots lift pavements')).toBe('Thomas Brandt');
    expect(quoteOf(a, 'We will vote against')).toBeNull();
  });

  it('3e. a sentence opening "According to X," gives its quoted words to X, partial', () => {
    const a = parse('Joan Fletcher, 71, lost her savings. According to Fletcher, the brothers “smiled and shook my hand” as they took her money.');
    expect(who(a, 'smiled and shook my hand')).toEqual({ kind: 'quote', speaker: 'Joan Fletcher', partial: true });
  });

  it('4c. words relayed after another voice’s verb of saying are nobody’s and not part of the reported sentence', () => {
    const a = parse('Resident Maya Singh said her neighbour had shouted “Get out, the wall has gone!” before the water arrived.');
    expect(who(a, 'Get out, the wall')).toEqual({ kind: 'quote', speaker: null, partial: true });
    expect(segmentText(a, 'Resident Maya Singh')).toBe('Resident Maya Singh said her neighbour had shouted');
    expect(who(a, 'before the water arrived')?.speaker).toBe('Maya Singh');
    // The speaker's own pronoun after the second verb keeps the words the speaker's.
    const b = parse('Minister Ruth Cole said she had warned colleagues that the plan was “far too risky for anyone”.');
    expect(quoteOf(b, 'far too risky')).toBe('Ruth Cole');
  });

  it('6d. the attribution where a multi-paragraph quotation ends decides for all its paragraphs, over the news-style carry-over', () => {
    const a = parse(
      'Commander Olivia Grant said crews rescued eleven people. “Please believe us when a road is closed,” Grant said.',
      '“We have never seen the river this high in October.',
      '“The water came over the wall in less than an hour,” said harbourmaster Owen Price.',
    );
    expect(quoteOf(a, 'We have never seen')).toBe('Owen Price');
    expect(quoteOf(a, 'The water came over')).toBe('Owen Price');
  });

  it('11b. a shared surname is the one bearer the paragraph named in full; otherwise nobody', () => {
    const a = parse(
      'Housing Minister Rui Santos rejected a rent cap. "Caps reduce the number of homes for rent," Santos said.',
      'Opposition leader Ana Santos, who is not related to the minister, was scathing. "The minister has built nothing," Santos said.',
      '"The debate was long, but it was a fair one," Santos said.',
      'Santos\'s deputy, Rita Santos, spoke next. "Please do not drive back for your belongings," Santos said.',
    );
    expect(quoteOf(a, 'Caps reduce')).toBe('Rui Santos');
    expect(quoteOf(a, 'The minister has built')).toBe('Ana Santos');
    expect(quoteOf(a, 'The debate was long')).toBeNull();
    expect(quoteOf(a, 'Please do not drive')).toBeNull();
  });

  it('11. a capitalised word opening a sentence ("Asked about it, she said") is nobody for he/she', () => {
    const a = parse('Green Union leader Élodie Marchand spoke to the crowd. Asked about it, she said: "We will talk to every party."');
    expect(quoteOf(a, 'We will talk')).toBe('Élodie Marchand');
  });

  it('13b. guillemets and single marks (British style) are quotation marks; apostrophes and nested marks are not', () => {
    const a = parse(
      'Prime Minister Henri Lacroix spoke to supporters. «The voters have spoken and we accept their verdict», Lacroix said.',
      "‘We lost because we stopped listening,’ said former minister Paul Girard. 'That has to change before the next election.'",
      "Coach Karen Holt's players' union met Costa's deputy. \"He told me, 'Enjoy it, you earned it tonight,'\" Holt said.",
      'Chief executive Per Lund wrote in a letter to staff: “I know this news is painful, and I am truly sorry.”',
    );
    expect(quoteOf(a, 'The voters have spoken')).toBe('Henri Lacroix');
    expect(quoteOf(a, 'We lost because')).toBe('Paul Girard');
    expect(quoteOf(a, 'That has to change')).toBe('Paul Girard');
    expect(quoteOf(a, 'He told me')).toBe('Karen Holt');
    expect(who(a, 'Enjoy it')).toBeUndefined();
    expect(who(a, "Coach Karen Holt's")?.kind).not.toBe('quote');
    expect(quoteOf(a, 'I know this news')).toBe('Per Lund');
  });
});
