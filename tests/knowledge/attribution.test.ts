import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/knowledge/parse.js';
import type { Article } from '../../src/knowledge/types.js';
import { FIXTURES } from '../helpers.js';
import { HEAD, quoteOf, who } from './story.js';

/** One test per rule of src/knowledge/README.md ("Who said it"), each with a small article. */

function parse(body: string): Article {
  return parseArticle(HEAD + body, 'test', 'test.txt');
}
function fixture(name: string): Article {
  return parseArticle(readFileSync(join(FIXTURES, 'attribution', name), 'utf8'), name, name);
}
describe('who said it: the rules of src/knowledge/README.md', () => {
  it('1. names are learnt from the whole article: a surname finds the full name introduced anywhere', () => {
    const a = parse('Environment Minister John Baird has asked officials how the papers got out.\n\n"It is not secret," Baird said.\n');
    expect(quoteOf(a, 'It is not secret')).toBe('John Baird');
    expect(a.roles).toContainEqual({ speaker: 'John Baird', role: 'Environment Minister' });
    // "X of Slate Magazine" is a person of an organisation; a passive "was admitted" is nobody speaking.
    const b = parse(
      'Troy Patterson of Slate Magazine tried the drink. After tasting it, Patterson observed, "It was sweet but balanced."\n\nHe was admitted to hospital in Nice, where he died.\n',
    );
    expect(quoteOf(b, 'It was sweet')).toBe('Troy Patterson');
    expect(who(b, 'He was admitted')?.kind).toBe('narration');
  });

  it('2. after the quotation: "…," said X / "…," X said / X, the coach, said / according to X', () => {
    const a = parse(
      [
        '"We will act," said Anna Berg.',
        '"The plan is ready," Finance Minister Carla Ruiz said.',
        '"It hurt," Hernan Gomez, the Panama coach, said after the match.',
        '"Stocks will collapse", according to Tomas Lind.',
      ].join('\n\n'),
    );
    expect(quoteOf(a, 'We will act')).toBe('Anna Berg');
    expect(quoteOf(a, 'The plan is ready')).toBe('Carla Ruiz');
    expect(quoteOf(a, 'It hurt')).toBe('Hernan Gomez');
    expect(quoteOf(a, 'Stocks will collapse')).toBe('Tomas Lind');
  });

  it('3. before the quotation: the nearest verb of saying and its subject (X said: / As X told Y, / X remarked to Y, / …, saying)', () => {
    const a = parse(
      [
        'As coauthor Colette Heald told The Huffington Post, "The projections are consistent."',
        'Jonathan Stan remarked to The Brooklyn Paper, "We will keep it around."',
        'Malaysia\'s Prime Minister, Najib Razak said, "We are in contact with all parties".',
        'Venezuelan president Hugo Chavez sent his wishes during his broadcast saying "A hug for you, friend."',
        'US Secretary of State Condoleezza Rice told NBC News "The notion is far-fetched".',
      ].join('\n\n'),
    );
    expect(quoteOf(a, 'The projections are consistent')).toBe('Colette Heald');
    expect(quoteOf(a, 'We will keep it around')).toBe('Jonathan Stan');
    expect(quoteOf(a, 'We are in contact')).toBe('Najib Razak');
    expect(quoteOf(a, 'A hug for you')).toBe('Hugo Chavez');
    expect(quoteOf(a, 'The notion is far-fetched')).toBe('Condoleezza Rice');
  });

  it("4. a partial quotation inside reported speech is the speaker's, marked partial; scare quotes stay narration", () => {
    const a = parse(
      [
        'Cuban parliamentary speaker Ricardo Alcaron told CNN that Castro "remains in stable condition" and is "resting in order to recover".',
        'Critics have called the plan a so-called "reset" of port policy, and an alleged "spy ring" was found.',
      ].join('\n\n'),
    );
    expect(who(a, 'remains in stable condition')).toEqual({ kind: 'quote', speaker: 'Ricardo Alcaron', partial: true });
    expect(who(a, 'resting in order')).toEqual({ kind: 'quote', speaker: 'Ricardo Alcaron', partial: true });
    expect(who(a, 'reset')).toBeUndefined();
    expect(who(a, 'spy ring')).toBeUndefined();
    expect(who(a, 'Critics have called')).toEqual({ kind: 'narration', speaker: null, partial: false });
  });

  it('5. a quotation without attribution takes the speaker of the sentence before it in the paragraph', () => {
    const a = parse(
      [
        '"Had it happened an hour later it would have been worse," Khaled Al-Maeena said. "The toll would have been a thousand."',
        'Colette Heald noted the findings show pollution matters. "Ozone is something we understand."',
        'Tomas Berg spoke first. Anna Lind arrived later. "We disagree."',
      ].join('\n\n'),
    );
    expect(quoteOf(a, 'The toll would have been')).toBe('Khaled Al-Maeena');
    expect(quoteOf(a, 'Ozone is something')).toBe('Colette Heald');
    expect(quoteOf(a, 'We disagree')).toBeNull();
  });

  it('6. across paragraphs: an open quotation carries on, "X said:" introduces the next paragraph, "— Name" attributes what is above', () => {
    const a = parse(
      [
        'After the match, Hernan Dario Gomez, Panama coach, said, "I think we have learned a lot.',
        'It was a very emotional day."',
        'Carla Ruiz said:',
        '"Nobody has offered a better plan."',
        '"We will not accept any quota,',
        '"and we will say so in July."',
        '— Maria Lindqvist',
        'People have been detained for their views.',
        '— Jenny Leong',
      ].join('\n\n'),
    );
    expect(quoteOf(a, 'It was a very emotional day')).toBe('Hernan Dario Gomez');
    expect(quoteOf(a, 'Nobody has offered')).toBe('Carla Ruiz');
    expect(quoteOf(a, 'We will not accept')).toBe('Maria Lindqvist');
    expect(quoteOf(a, 'and we will say so')).toBe('Maria Lindqvist');
    expect(quoteOf(a, 'People have been detained')).toBe('Jenny Leong');
  });

  it('7. he/she: the nearest sentence with one compatible person, or the one who speaks there', () => {
    const a = parse(
      [
        'Environment Canada spokeswoman Sujata Raisinghani told CBC News the department will look into it.',
        '"We take security seriously," she said.',
        'Harry Kane won the award. He said, "It felt good out there."',
        'Prime Minister Tom Hale met opposition leader Mark Rees on Tuesday. "We had a frank exchange," he said.',
      ].join('\n\n'),
    );
    expect(quoteOf(a, 'We take security seriously')).toBe('Sujata Raisinghani');
    expect(quoteOf(a, 'It felt good out there')).toBe('Harry Kane');
    // Two men in the sentence before, neither speaking there: nobody.
    expect(quoteOf(a, 'We had a frank exchange')).toBeNull();
  });

  it('8. role nouns: the article\'s one person with that role; two ministers make "the minister" nobody; "a neighbour" is nobody', () => {
    const a = fixture('politics.txt');
    expect(quoteOf(a, 'Every family will see')).toBeNull();
    const c = fixture('crime.txt');
    expect(quoteOf(c, 'He always seemed quiet')).toBeNull();
    expect(quoteOf(c, 'We are devastated')).toBeNull();
    expect(quoteOf(c, 'I heard shouting')).toBeNull();
    expect(quoteOf(c, 'This was a targeted attack')).toBe('Sarah Holt');
    expect(quoteOf(c, 'We will be asking')).toBe('James Whitby');
    const b = parse('Environment Canada spokeswoman Julie Hahn spoke on Monday.\n\n"We will look into it," the spokeswoman said.\n');
    expect(quoteOf(b, 'We will look into it')).toBe('Julie Hahn');
  });

  it('9. organisations speak: "X said", "the ministry said" (its one ministry), "…," read the statement', () => {
    const a = fixture('statement.txt');
    expect(quoteOf(a, 'We will not reopen')).toBe('Ministry of Transport');
    expect(quoteOf(a, 'Safety comes first')).toBe('Ministry of Transport');
    const b = parse(
      'In a release from Amnesty International, the organization said journalists were held. "It is shocking that journalists are detained," read the statement.\n',
    );
    expect(quoteOf(b, 'It is shocking')).toBe('Amnesty International');
    // "the group": the organisation that spoke in this paragraph; with two named and none speaking, nobody.
    const c = parse(
      'Amnesty International said on Friday that it had criticised the Iranian Government. "Journalists must be freed at once," the group said.\n\nHuman Rights Watch criticised the Iranian Government. "This is a disgrace," the group said.\n',
    );
    expect(quoteOf(c, 'Journalists must be freed')).toBe('Amnesty International');
    expect(quoteOf(c, 'This is a disgrace')).toBeNull();
  });

  it("10. interviews: a named turn is that person's words, the interviewer's questions and words quoted inside a turn are not", () => {
    const a = parse(
      [
        '((Wikinews)) How did you two meet?',
        'Isabel Ruiz: We met in high school. Our friends would say, "You would get along with him really well." So I knew of him.',
        '((Wikinews)) Who else is involved?',
        'Mario Lucero: Jeff is behind the camera.',
        'He is helping us right now.',
        '((Wikinews)) Thank you both.',
        'Isabel Ruiz: Thank you!',
        'The pair met in 2004 and now live in Arizona.',
      ].join('\n\n'),
    );
    // After the interview's last turn, a paragraph is the reporter's again.
    expect(who(a, 'The pair met in 2004')?.kind).toBe('narration');
    expect(who(a, 'How did you two meet')).toEqual({ kind: 'narration', speaker: null, partial: false });
    expect(quoteOf(a, 'We met in high school')).toBe('Isabel Ruiz');
    expect(quoteOf(a, 'You would get along')).toBeNull();
    expect(quoteOf(a, 'So I knew of him')).toBe('Isabel Ruiz');
    expect(quoteOf(a, 'He is helping us')).toBe('Mario Lucero');
  });

  it('11. when in doubt, nobody: an unnamed subject stops every other rule; a namesake surname is nobody', () => {
    const a = parse(
      [
        'Fidel Castro handed power to Raul Castro in July.',
        '"He is getting better," Castro said.',
        'Tom Berg spoke to reporters. "The dog is fine," the dog states, according to the cartoon.',
        'Sources list: "Document found on street not secret, say feds" — The Canadian Press, August 15, 2008.',
      ].join('\n\n'),
    );
    expect(quoteOf(a, 'He is getting better')).toBeNull();
    expect(quoteOf(a, 'The dog is fine')).toBeNull();
    expect(who(a, 'Document found on street')?.speaker ?? null).toBeNull();
    // Someone of a named person's ("a lawyer for Daniel Morrow", "Morrow's lawyer") is not that person.
    const b = parse(
      'Daniel Morrow was charged on Monday.\n\n"He is innocent," a lawyer for Daniel Morrow said.\n\n"We will appeal," said Morrow\'s lawyer.\n\n"I am innocent," Morrow told the court.\n',
    );
    expect(quoteOf(b, 'He is innocent')).toBeNull();
    expect(quoteOf(b, 'We will appeal')).toBeNull();
    expect(quoteOf(b, 'I am innocent')).toBe('Daniel Morrow');
    // "Mr. Bush" and "Mrs. Bush" in one article: a titled surname is nobody unless the person's gender is known.
    const c = parse('George Bush and his wife visited Dublin. Mr. Bush met the Taoiseach.\n\n"It is a joy to be here," Mrs. Bush said.\n');
    expect(quoteOf(c, 'It is a joy to be here')).toBeNull();
  });

  it('12. a dateline before the first quotation does not hide it: "BRUSSELS, 5 April 2022 — “…,” X said"', () => {
    const a = parse('BRUSSELS, 5 April 2022 — "We will reopen the harbour soon," Anna Berg said on Tuesday.\n');
    expect(who(a, 'We will reopen')).toEqual({ kind: 'quote', speaker: 'Anna Berg', partial: false });
  });

  it('13. straight quotation marks are read by their shape: a stray mark does not swallow the narration after it', () => {
    const a = parse(
      'The comet (also known as "Wild 2) landed in 2006. It was decided that the public would "discover" the samples, Tom Berg said.\n',
    );
    expect(who(a, 'Wild 2) landed')).toBeUndefined();
    expect(who(a, 'It was decided')?.kind).toBe('reported');
  });

  it('2b. wire style: lower-case role words before the name, ages, "wrote on Twitter", "the company said", someone\'s deputy', () => {
    const a = fixture('wire.txt');
    expect(quoteOf(a, 'The fire spread very quickly')).toBe('Jan Vogel');
    expect(quoteOf(a, 'We could not get to the men')).toBe('Jan Vogel');
    expect(quoteOf(a, 'Our thoughts are with')).toBe('Chemwerk AG');
    expect(quoteOf(a, 'Nobody heard a thing')).toBeNull();
    expect(quoteOf(a, 'We warned them')).toBe('Maria Kraus');
    expect(quoteOf(a, 'They did not listen')).toBe('Maria Kraus');
    expect(quoteOf(a, 'The investigation will take months')).toBe('Jan Vogel');
    expect(quoteOf(a, 'I saw the smoke')).toBe('Peter Ahl');
    expect(quoteOf(a, 'It was black and thick')).toBe('Eva Lind');
  });

  it('1b. a role word can be a surname ("Martin Luther King Jr." → "King said"); "Name: “…”" opens a sentence with its speaker', () => {
    const a = parse(
      'Martin Luther King Jr. spoke in Washington in 1963.\n\n"I have a dream," King said.\n\nBan Ki-moon: "The world must act now on climate."\n',
    );
    expect(quoteOf(a, 'I have a dream')).toBe('Martin Luther King Jr.');
    expect(quoteOf(a, 'The world must act')).toBe('Ban Ki-moon');
  });

  it('6b. a dash line attributes only when it is a name: a list item "- The Ministry … announced …" attributes nothing', () => {
    const a = parse('People have been detained for peacefully expressing their views.\n\n- The Ministry of Health announced new rules on Monday.\n');
    expect(who(a, 'People have been detained')?.kind).toBe('narration');
  });

  it('1c. names: lower-case particles ("van der Berg said"), a sentence-initial role noun ("Resident Maria Costa"), "X of Nomura", an organisation in apposition, an all-capitals surname', () => {
    const a = parse(
      [
        'Rovers manager Pieter van der Berg praised his side. "We came back twice," van der Berg said.',
        'Resident Maria Costa, 54, said the water rose fast. "I ran up the hill," Costa said.',
        'Saxophonist Marcus Bell toured with him. "He was family," Bell said.',
        'Engineer Kwame Mensah found the leak. "We would rather wait a week," Mensah said.',
        'Analyst Hiroshi Yamamoto of Nomura said the cuts were expected. "The market was waiting," he said.',
        'The electricity company, Coastal Power, said it would reconnect homes. "Engineers are working around the clock," it said.',
        'JOHN DOE, the union leader, spoke first. "We are not moving an inch," DOE said.',
      ].join('\n\n'),
    );
    expect(quoteOf(a, 'We came back twice')).toBe('Pieter van der Berg');
    expect(quoteOf(a, 'I ran up the hill')).toBe('Maria Costa');
    expect(quoteOf(a, 'He was family')).toBe('Marcus Bell');
    expect(quoteOf(a, 'We would rather wait')).toBe('Kwame Mensah');
    expect(quoteOf(a, 'The market was waiting')).toBe('Hiroshi Yamamoto');
    expect(quoteOf(a, 'Engineers are working')).toBe('Coastal Power');
    expect(quoteOf(a, 'We are not moving')).toBe('JOHN DOE');
  });

  it('2c. after the quotation, a role noun and the name in apposition: "…," the lawyer, Sophie Garnier, told reporters', () => {
    const a = parse(
      'His lawyer said he was innocent. "My client is an honest man," the lawyer, Sophie Garnier, told reporters.\n\n"He will appeal," his lawyer said.\n',
    );
    expect(quoteOf(a, 'My client is an honest man')).toBe('Sophie Garnier');
    expect(quoteOf(a, 'He will appeal')).toBeNull();
  });

  it('3c. "X was quoted by Y as saying" is X; "X told Y" is X', () => {
    const a = parse(
      [
        'Finance Minister Ingrid Solberg spoke on radio. Solberg was quoted by state radio as saying: "No government is popular on budget day."',
        'Coach Ana Torres met striker Luis Perez on Monday. "You will start on Saturday," Torres told Perez.',
      ].join('\n\n'),
    );
    expect(quoteOf(a, 'No government is popular')).toBe('Ingrid Solberg');
    expect(quoteOf(a, 'You will start')).toBe('Ana Torres');
  });

  it('4b. a short quotation in what a named speaker said ("told the jury that he had “lain in wait”", "described it as “…”") is the speaker\'s, partial; a label is not', () => {
    const a = parse(
      [
        'Prosecutor Andrew Pryce told the jury that Carver had "lain in wait" for his victim.',
        'Finance Minister Ingrid Solberg defended her budget, saying the new tax was "fair and overdue".',
        'Detective Chief Inspector Nadia Hussain described the raid as "terrifying and cowardly".',
        'Ruiz said the so-called "reset" had failed.',
        'Lind said the company\'s "Project Falcon" would launch in May.',
      ].join('\n\n'),
    );
    expect(who(a, 'Project Falcon')).toBeUndefined();
    expect(who(a, 'lain in wait')).toEqual({ kind: 'quote', speaker: 'Andrew Pryce', partial: true });
    expect(who(a, 'fair and overdue')).toEqual({ kind: 'quote', speaker: 'Ingrid Solberg', partial: true });
    expect(who(a, 'terrifying and cowardly')).toEqual({ kind: 'quote', speaker: 'Nadia Hussain', partial: true });
    expect(who(a, 'reset')).toBeUndefined();
  });

  it("6c. a paragraph opening with an unattributed quotation after X's quoted paragraph is X's, unless it names or reports someone else, or has its own attribution", () => {
    const a = parse(
      [
        '"We were behind twice," Marco Bellini said.',
        '"That tells you everything about this group."',
        '"Anyone on the road that night should call us." The appeal was Bellini\'s second.',
        '"We are devastated," Anna Berg said.',
        '"Nobody expected this." Tom Reilly, a neighbour, agreed.',
        '"We will fight on," the statement continued.',
        '"Why not," Anna Berg said.',
        '"The Hunger Games" opened in cinemas on Friday.',
      ].join('\n\n'),
    );
    expect(quoteOf(a, 'The Hunger Games')).toBeNull();
    expect(quoteOf(a, 'That tells you everything')).toBe('Marco Bellini');
    expect(quoteOf(a, 'Anyone on the road')).toBe('Marco Bellini');
    expect(quoteOf(a, 'Nobody expected this')).toBeNull();
    expect(quoteOf(a, 'We will fight on')).toBeNull();
  });

  it('7b. common given names only rule people out for he/she: "Sarah … with David …, she said" is Sarah; the one person being Emily makes "he" nobody', () => {
    const a = parse(
      [
        'Local MP Sarah Lindgren visited the harbour with council leader David Okoye. "The response has been extraordinary," she said.',
        'Reporters later met Emily Rhodes. "It is over for us," he said.',
      ].join('\n\n'),
    );
    expect(quoteOf(a, 'The response has been')).toBe('Sarah Lindgren');
    expect(quoteOf(a, 'It is over for us')).toBeNull();
  });

  it('9b. "it said" is the paragraph\'s one organisation; "the company said" opening a paragraph is the one organisation that spoke just before', () => {
    const a = parse(
      [
        'Carmaker Voss Motoren AG said on Tuesday it would cut 2,000 jobs.',
        '"These decisions are painful but necessary," the company said in a statement.',
        'The World Wildlife Fund welcomed the study. "This shows that protection works," it said.',
        'Greenpeace and the World Wildlife Fund both spoke. "We are pleased with the result," it said.',
      ].join('\n\n'),
    );
    expect(quoteOf(a, 'These decisions are painful')).toBe('Voss Motoren AG');
    expect(quoteOf(a, 'This shows that protection')).toBe('World Wildlife Fund');
    expect(quoteOf(a, 'We are pleased')).toBeNull();
  });

  it('14. "X says: The …" without quotation marks is X\'s statement; "the court heard: …" is nobody\'s', () => {
    const a = parse(
      'Finance Minister Ingrid Solberg spoke on Tuesday. Solberg says: The tax is fair and it is overdue.\n\nThe court heard: Morrow had been drinking all night.\n',
    );
    expect(quoteOf(a, 'The tax is fair')).toBe('Ingrid Solberg');
    expect(who(a, 'The court heard')?.kind).toBe('narration');
  });
});
