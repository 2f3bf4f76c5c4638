import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/knowledge/types.js';
import { quoteOf, story as parse, who } from './story.js';

/**
 * Who said it, by the structure of the sentence (src/knowledge/README.md, "Structure first"):
 * fixtures written in the styles of wire stories, one class of sentence each.
 */
/** Everyone any segment holding these words is given to (quote or reported speech). */
function givenTo(article: Article, words: string): Array<string | null> {
  const out: Array<string | null> = [];
  for (const p of article.paragraphs)
    for (const s of p.segments) if (p.text.slice(s.start, s.end).includes(words)) out.push(s.kind === 'narration' ? null : s.speaker);
  return out;
}

describe('names in a speaker position are names, whatever lists their words are on', () => {
  it('Brian May, Adam West, Anthony Hall, Will Ferrell and Angela March are people; a surname alone later is the same person', () => {
    const a = parse(
      '"We will rebuild the north pier before the summer season," Mayor Brian May said on Tuesday.',
      '"The budget is balanced for the first time in years," said Adam West, the council\'s treasurer.',
      'Councillor Anthony Hall told reporters: "Nobody asked the harbour users what they wanted."',
      'Will Ferrell opened the new cinema on Friday. "I have wanted to do this since I was nine," he said.',
      'Senator Angela March said the vote would be close. "We have the numbers, just," March added.',
    );
    expect(quoteOf(a, 'We will rebuild')).toBe('Brian May');
    expect(quoteOf(a, 'The budget is balanced')).toBe('Adam West');
    expect(quoteOf(a, 'Nobody asked')).toBe('Anthony Hall');
    expect(quoteOf(a, 'I have wanted')).toBe('Will Ferrell');
    expect(quoteOf(a, 'We have the numbers')).toBe('Angela March');
  });

  it('a place stays a place after a locative preposition, and a month before a date stays a date', () => {
    const a = parse('The rally in Victoria Park ended on 3 May. "It was peaceful," a steward said.');
    expect(quoteOf(a, 'It was peaceful')).toBeNull();
  });

  it('a surname ending in "is" before a verb of saying is not the auxiliary "is" (Harris, Davis)', () => {
    const a = parse('Glenn Harris told reporters: "The plant will stay open."', '"We did not expect this," Mary Davis said.');
    expect(quoteOf(a, 'The plant will stay open')).toBe('Glenn Harris');
    expect(quoteOf(a, 'We did not expect this')).toBe('Mary Davis');
  });
});

describe('quotations and the verb of saying that governs them', () => {
  it('a quotation after a colon belongs to the subject of the sentence that introduces it', () => {
    const a = parse(
      'Transport Minister Olu Adeyemi defended the offer: "This is the best deal any crew has had in a decade."',
      'Chief inspector Maria Lopes was in no doubt about the cause: "The valve had been left open for hours."',
      'Protesters carried a banner that read: "No more cuts to our schools."',
    );
    expect(quoteOf(a, 'This is the best deal')).toBe('Olu Adeyemi');
    expect(quoteOf(a, 'The valve had been')).toBe('Maria Lopes');
    expect(givenTo(a, 'No more cuts')).toEqual([null]);
  });

  it('quoted words before the verb of saying, or after a verb inside a relative clause, are not what it reports', () => {
    const a = parse(
      'Marchers chanted "Hands off our hospital now!" and carried signs repeating things that Mayor Tom Reed had said in the campaign, such as "We cannot afford two hospitals."',
    );
    expect(givenTo(a, 'Hands off our hospital')).toEqual([null]);
    expect(givenTo(a, 'We cannot afford')).toEqual([null]);
  });

  it('"quotes X as saying", "wrote in <paper>,", "called X a “…”" and "expressed concern that" are frames of saying', () => {
    const a = parse(
      'The Daily Courier quotes Ana Ruiz as saying the ban was, "a decision taken without any evidence at all."',
      'Economist Paul Brandt wrote in the Financial Review, "The rate rise came a year too late for most borrowers."',
      'Campaigner Lisa Berg called the plan a betrayal of the "people who were promised new homes in this town."',
      'Rainforest campaigner Marina Silva expressed concern that "we have repeatedly seen this kind of attack on activists."',
    );
    expect(quoteOf(a, 'a decision taken')).toBe('Ana Ruiz');
    expect(quoteOf(a, 'The rate rise')).toBe('Paul Brandt');
    expect(quoteOf(a, 'people who were promised')).toBe('Lisa Berg');
    expect(quoteOf(a, 'we have repeatedly')).toBe('Marina Silva');
  });

  it('a qualifier and a role noun before the name ("said Palestinian negotiator Saeb Erakat") and "said X\'s widow, Karen"', () => {
    const a = parse(
      'Talks will resume next week to ensure "there is no return to square one once a new government is formed," said Palestinian negotiator Saeb Erakat.',
      '"He would say he did not deserve it, but he did," said Borelli\'s widow, Karen.',
      '"We will appeal," said Davies after meeting Jones on Monday.',
    );
    expect(quoteOf(a, 'there is no return')).toBe('Saeb Erakat');
    expect(quoteOf(a, 'He would say')).toBe('Karen');
    expect(quoteOf(a, 'We will appeal')).toBe('Davies');
  });

  it('a plural noun after a preposition is no verb of saying: "responded, via separate tweets, “…” and “…”" are both his', () => {
    const a = parse(
      'Mayor Dan Ortiz was asked about the protest. The following day, Ortiz responded, via separate tweets, "Why did these people not vote?" and "Peaceful protest is a hallmark of our democracy."',
    );
    expect(quoteOf(a, 'Why did these people')).toBe('Dan Ortiz');
    expect(quoteOf(a, 'Peaceful protest')).toBe('Dan Ortiz');
  });
});

describe('quotations over several paragraphs', () => {
  it('British single marks: a paragraph that opens with ‘ and ends inside the quotation carries on its speaker', () => {
    const a = parse(
      '‘I saw the Island Games so I know how the team plays,’ Mark Little said.',
      '‘I want to use my experience to create a team that is resilient. I’ve always had disciplined teams.',
      '‘There are parts of sessions that players will do with their eyes shut.’',
    );
    expect(quoteOf(a, 'I want to use my experience')).toBe('Mark Little');
    expect(quoteOf(a, 'There are parts of sessions')).toBe('Mark Little');
  });

  it("a paragraph ending with a colon and no verb of saying introduces its subject's words, an opening adverbial aside", () => {
    const a = parse(
      'Lincoln United are sad to announce the departure of Chris Hall.',
      'On his departure Chris gave the following statement:',
      '“It is with a heavy heart I have had to part ways with the club.',
      '“I will be supporting them from afar.”',
      'The placards carried a simple message:',
      '“No more cuts to our hospital.”',
    );
    expect(quoteOf(a, 'It is with a heavy heart')).toBe('Chris Hall');
    expect(quoteOf(a, 'I will be supporting them')).toBe('Chris Hall');
    expect(quoteOf(a, 'No more cuts')).toBeNull();
  });
});

describe('he and she by salience', () => {
  it('an unnamed person who is the subject is as salient as a name elsewhere in the sentence: he is nobody', () => {
    const a = parse(
      'During the rally a supporter dressed as Ian Foley and waved a flag. "I miss my family," he said.',
      'A neighbour spoke to Officer Ruth Kane after the fire. "It spread so fast," she said.',
    );
    expect(quoteOf(a, 'I miss my family')).toBeNull();
    expect(quoteOf(a, 'It spread so fast')).toBeNull();
  });

  it('a role noun with the name in apposition is that person, not a second candidate', () => {
    const a = parse('The coach, Pieter Smit, arrived late on Saturday. "We were lucky," he said.');
    expect(quoteOf(a, 'We were lucky')).toBe('Pieter Smit');
  });
});

describe('what stands beside the subject', () => {
  it('an age and an address after the name are not the speaker ("Ben Jones, 32, of Joeys Lane, Bilbrook, said")', () => {
    const a = parse('Another employee Ben Jones, 32, of Joeys Lane, Bilbrook, said: "This is devastating news for everybody."');
    expect(quoteOf(a, 'This is devastating news')).toBe('Ben Jones');
  });

  it("an unnamed spokesperson of a named organisation is nobody named, never the sentence before's subject", () => {
    const a = parse(
      'Police said they arrested one person. "There was an altercation with at least one female passenger," a United Airlines spokesperson said.',
    );
    expect(givenTo(a, 'There was an altercation')).toEqual([null]);
  });

  it('"a Google spokesperson", "said a spokeswoman for the Ministry of Health", a spokesman for a person: nobody named (as "a BBC correspondent said")', () => {
    const a = parse(
      '"We disagree with the decision and will appeal," a Google spokesperson said.',
      '"We are reviewing the report carefully," said a spokeswoman for the Ministry of Health.',
      'A Tesco spokesman said: "We are sorry for any inconvenience caused to our customers."',
      'Prime Minister Keir Starmer left for Paris. "He has made his position very clear," a spokesman for the prime minister said.',
      'Senator Ann Ross is under pressure. "The senator will not resign over this," a Ross spokesman said. "She has done nothing wrong," he added.',
      'Steffen Hebestreit, the government spokesman, spoke on Monday. "We had calls from Moscow," the government spokesman said.',
    );
    expect(givenTo(a, 'We disagree with the decision')).toEqual([null]);
    expect(givenTo(a, 'We are reviewing the report')).toEqual([null]);
    expect(givenTo(a, 'We are sorry for any')).toEqual([null]);
    expect(quoteOf(a, 'He has made his position')).toBeNull();
    expect(quoteOf(a, 'The senator will not resign')).toBeNull();
    expect(quoteOf(a, 'She has done nothing wrong')).toBeNull();
    expect(quoteOf(a, 'We had calls from Moscow')).toBe('Steffen Hebestreit');
  });
});

describe('a description of the person just named', () => {
  it('"the PGA champion", "the 36-year-old", "the Zimbabwean" and an office no one holds are the subject named before', () => {
    const a = parse(
      'Nick Price used an old-fashioned recipe on Friday at the Players Championship at Ponte Vedra, Fla.',
      '"I found the recipe in my mistakes from the past," the PGA champion from Zimbabwe said.',
      'Theresa May has made a statement in Downing Street.',
      'Speaking in Downing Street, the Prime Minister said: "This evening the Government has won the confidence of Parliament."',
      'Ruth Okoye won the final in straight sets.',
      '"I played the best tennis of my life," the 36-year-old said.',
    );
    expect(quoteOf(a, 'I found the recipe')).toBe('Nick Price');
    expect(quoteOf(a, 'This evening the Government')).toBe('Theresa May');
    expect(quoteOf(a, 'I played the best tennis')).toBe('Ruth Okoye');
  });

  it('not someone given another role, not a second person, not a relation ("the study\'s lead author"), not an office noun like "the coach"', () => {
    const a = parse(
      'Foreign Minister Ann Lee met reporters on Monday.',
      '"We will not comment," the Prime Minister said.',
      'Tomas Berg beat Anna Lind in the final.',
      '"It was a hard match," the champion said.',
      'Marco Rossi scored twice on Saturday.',
      '"He was outstanding," the coach said.',
      'A study was published in the journal Nature Ecology.',
      '"We saw reefs come back," the study\'s lead author said.',
      '"I never saw the kite," the Zimbabwean said.',
    );
    expect(quoteOf(a, 'We will not comment')).toBeNull();
    expect(quoteOf(a, 'It was a hard match')).toBeNull();
    expect(quoteOf(a, 'He was outstanding')).toBeNull();
    expect(quoteOf(a, 'We saw reefs come back')).toBeNull();
    expect(quoteOf(a, 'I never saw the kite')).toBeNull();
  });
});

describe('what the position says, whatever the words', () => {
  it('a run of name words followed by an age or a person in apposition is a person, a month or weekday word in it or not', () => {
    const a = parse(
      'Nenette Day, a spokesperson with the Federal Bureau of Investigation in Boston, said the woman became disruptive. "It was a disruption that caused them to divert the plane," Day said.',
    );
    expect(quoteOf(a, 'It was a disruption')).toBe('Nenette Day');
  });

  it('after a quotation, a name and any one past-tense verb ending the sentence are its attribution', () => {
    const a = parse(
      'Alex Ferguson was angry on Saturday. "They said we were hopeless," complained Ferguson.',
      '"We will win the league," Ferguson grumbled.',
      '"It rained all day," Ferguson smiled at the crowd.',
    );
    expect(quoteOf(a, 'They said we were hopeless')).toBe('Alex Ferguson');
    expect(quoteOf(a, 'We will win the league')).toBe('Alex Ferguson');
  });
});

describe('a quotation paragraph after the words that introduce it', () => {
  it('"X\'s full statement is below:" gives the paragraphs after it to X; a paragraph after X\'s reported speech carries X on', () => {
    const a = parse(
      'Olympia Snowe will retire.',
      "Snowe's full statement is below:",
      '"After an extraordinary amount of reflection, I am announcing today that I will not be a candidate.',
      '"I do so with great pride."',
      'Tom Reed spoke on Monday. In his remarks, Reed said there are other members who believe in the reforms.',
      '"There are other members that are as committed as I am to this."',
      'Anna Lind and Tomas Berg met. Lind said the talks went well.',
      '"We will meet again," Berg said.',
    );
    expect(quoteOf(a, 'After an extraordinary amount')).toBe('Olympia Snowe');
    expect(quoteOf(a, 'I do so with great pride')).toBe('Olympia Snowe');
    expect(quoteOf(a, 'There are other members')).toBe('Tom Reed');
    expect(quoteOf(a, 'We will meet again')).toBe('Tomas Berg');
  });
});

describe('a quotation paragraph after narration about one person', () => {
  it("is that person's when the narration's last sentence opens with them and names no one else", () => {
    const a = parse(
      'Lisa Hartmann announced her retirement on Thursday.',
      'Hartmann thanked her family and her sponsors.',
      '"Without them, none of this would have been possible."',
      'Tomas Berg met Anna Lind on Friday.',
      '"We agreed on everything that matters."',
    );
    expect(quoteOf(a, 'Without them')).toBe('Lisa Hartmann');
    expect(quoteOf(a, 'We agreed on everything')).toBeNull();
  });
});

describe('sentence ends that are not', () => {
  it('a question closing a quotation, then its attribution, is one sentence; "No. 2" ends nothing', () => {
    const a = parse(
      'Nancy Pelosi spoke on Monday.',
      '"Do you want him to be destroyed in his caucus?" Pelosi said when asked by the Texas Tribune\'s Abby Livingston about it.',
      '"If he moves ahead arbitrarily, all it is going to do is drag it out," Senator John Thune, the chamber\'s No. 2 Republican, told reporters.',
      'Doug LaMalfa faced a hostile crowd. "I have the mic, folks. Yep, boo away," he taunted at one point.',
    );
    expect(quoteOf(a, 'Do you want him')).toBe('Nancy Pelosi');
    expect(quoteOf(a, 'If he moves ahead')).toBe('John Thune');
    expect(quoteOf(a, 'I have the mic')).toBe('Doug LaMalfa');
  });
});

describe('party members', () => {
  it('"the Texas Republican" is a description of the senator just named, never a person called Texas Republican; "Republican support" is nobody', () => {
    const a = parse(
      'Senator Ted Cruz spoke to reporters on Tuesday.',
      '"This bill is dead on arrival," the Texas Republican said.',
      'Nancy Pelosi spoke on Wednesday.',
      'When asked about courting Republican support, Pelosi said she would refuse Republican offers of help.',
      '"I intend to win the Speakership with Democratic votes," she said.',
      'Republican Senator John Cornyn said: "We will block it in committee."',
    );
    expect(quoteOf(a, 'This bill is dead')).toBe('Ted Cruz');
    expect(quoteOf(a, 'I intend to win')).toBe('Nancy Pelosi');
    expect(quoteOf(a, 'We will block it')).toBe('John Cornyn');
  });
});

describe('roles given in apposition', () => {
  it('"the minister said" later is the person a role was given to in apposition, before or after the name', () => {
    const a = parse(
      "Bolivia's environment minister, Carlos Ortiz, welcomed the research.",
      'Asked about the criticism, the minister said: "We welcome every contribution to the debate."',
      'The Brigade Commander of 23 Brigade, Yola, Adamawa State, Brig Gen Gambo Mohammed, has reacted to the claims.',
      'However, the Brigade Commander told reporters: "The police shot at our soldiers at a checkpoint."',
      'Rachel Carr, the lead researcher, presented the data.',
      '"The glaciers will not wait for us," the researcher said.',
    );
    expect(quoteOf(a, 'We welcome every contribution')).toBe('Carlos Ortiz');
    expect(quoteOf(a, 'The police shot at our soldiers')).toBe('Gambo Mohammed');
    expect(quoteOf(a, 'The glaciers will not wait')).toBe('Rachel Carr');
  });
});

describe('accounts and names that take "The"', () => {
  it('an account speaks for its owner; "The" capitalised mid-sentence makes a name an organisation, the same one at a sentence start', () => {
    const a = parse(
      'The official twitter handle of The Cranberries posted a tweet saying, "We are devastated on the passing of our friend Dolores."',
      'The Cranberries said in a statement: "She was an extraordinary talent."',
    );
    expect(quoteOf(a, 'We are devastated')).toBe('The Cranberries');
    expect(quoteOf(a, 'She was an extraordinary talent')).toBe('The Cranberries');
  });
});

describe('documents', () => {
  it('"A statement from Amnesty International said" is the organisation\'s; "a lawyer for John Smith said" is still nobody', () => {
    const a = parse(
      'A statement from Amnesty International said: "The detentions are unlawful."',
      'A lawyer for John Smith said: "He is innocent of every charge."',
    );
    expect(quoteOf(a, 'The detentions are unlawful')).toBe('Amnesty International');
    expect(quoteOf(a, 'He is innocent')).toBeNull();
  });
});

describe('organisations', () => {
  it('a noun for a kind of organisation before a name makes it one, "of the" included; "the group" is then that organisation', () => {
    const a = parse(
      'Environmental group Friends of the Andes disagreed. In a statement, the group said: "The reservoirs are too few and too late."',
      'Carlos Ortiz welcomed the research. He told the newspaper La Razón that the government had "a plan for every valley that depends on a glacier".',
      'In a statement, the band The Cranberries said: "We are devastated by the loss of our friend."',
    );
    expect(quoteOf(a, 'The reservoirs are too few')).toBe('Friends of the Andes');
    expect(quoteOf(a, 'a plan for every valley')).toBe('Carlos Ortiz');
    expect(quoteOf(a, 'We are devastated')).toBe('The Cranberries');
  });

  it('a nationality opening a name makes it a thing, not a he: "the British Open" is no candidate for "he said"', () => {
    const a = parse(
      'Nick Price shot a record score on Friday.',
      '"I would get ahead of myself," he said, recalling the 1982 British Open that he let slip away.',
      '"I have gotten away from that," he said.',
    );
    expect(quoteOf(a, 'I have gotten away')).toBe('Nick Price');
  });

  it('a country or a capital is a place, a title before it makes a person, and a country then a non-place word names a thing', () => {
    const a = parse(
      'Bolivia\'s environment minister, Carlos Ortiz, welcomed the plan. He told reporters: "We have been building reservoirs for ten years."',
      'Russia Today goes on to say these laws are, "intended to keep minors from being influenced by propaganda."',
      'Sen. John Cornyn (R-Texas) told Fox News: "This deal is dead on arrival in the Senate."',
    );
    expect(quoteOf(a, 'We have been building')).toBe('Carlos Ortiz');
    expect(quoteOf(a, 'intended to keep minors')).toBe('Russia Today');
    expect(quoteOf(a, 'This deal is dead')).toBe('John Cornyn');
  });

  it('a legal form is organisation evidence only after a name: "Spa" alone is no company', () => {
    const a = parse('Carmaker Voss Motoren AG said it will close its plant. "The decision was not easy," the company said in a statement.');
    expect(quoteOf(a, 'The decision was not easy')).toBe('Voss Motoren AG');
  });
});

describe('a quotation with no attribution of its own', () => {
  it('takes the one person the sentence before opens with, when that sentence names no one else', () => {
    const a = parse(
      'Mayor Ann Kerr toured the flooded streets on Sunday. "Nobody here has seen water this high."',
      'Smith met Jones on Friday. "We agreed on everything."',
    );
    expect(quoteOf(a, 'Nobody here has seen')).toBe('Ann Kerr');
    expect(quoteOf(a, 'We agreed on everything')).toBeNull();
  });

  it('an opening participle is no one ("Speaking …, Gates welcomed …, saying …"), and "with X noting that “…”" is X', () => {
    const a = parse(
      'US Defense Secretary Robert Gates said on Wednesday that allies would stay.',
      'Speaking during a visit to South Korea, Gates welcomed the decision, saying all nations have an interest in a smooth process.',
      '"I think virtually all of the nations have kept those forces there," he said.',
      'Cheney met Shimon Peres, the Israeli president. Both men spoke of Iran, with Peres noting that Iran wants to "build two satellites in Lebanon and in Gaza."',
    );
    expect(quoteOf(a, 'I think virtually all')).toBe('Robert Gates');
    expect(quoteOf(a, 'build two satellites')).toBe('Shimon Peres');
  });

  it('an institution in the object or a possessive before the subject is no second candidate', () => {
    const a = parse(
      'The analyst Katherine Moss has followed the airline for a decade.',
      'Moss disagreed with the government. "A bailout is the only thing that keeps the routes open."',
      'Osei\'s deputy, Lena Park, was blunter. "They have treated us like numbers on a page."',
      'Tomas Berg spoke first. Anna Lind arrived later. "We disagree with every word."',
    );
    expect(quoteOf(a, 'A bailout is the only')).toBe('Katherine Moss');
    expect(quoteOf(a, 'They have treated us')).toBe('Lena Park');
    expect(quoteOf(a, 'We disagree with every')).toBeNull();
  });

  it('a given name and surname before "of" are a person of whatever follows, a firm no list knows included', () => {
    const a = parse(
      'Katherine Moss of Northbridge Securities said the airline had been losing money. "The only surprise is that it took this long," she said.',
      'Hiroshi Yamamoto of Nomura said: "Demand will recover next year."',
    );
    expect(quoteOf(a, 'The only surprise')).toBe('Katherine Moss');
    expect(quoteOf(a, 'Demand will recover')).toBe('Hiroshi Yamamoto');
  });

  it('a name before "of" and an organisation is a person of it ("Dodds of Time Magazine points out, “…”")', () => {
    const a = parse('These boycotts are not without criticism. Dodds of Time Magazine points out, "At first glance, Stoli seems a logical target."');
    expect(quoteOf(a, 'At first glance')).toBe('Dodds');
  });
});

describe('he and she: what the article and the names say', () => {
  it('an adverb between the subject and the verb ("He supposedly told her, “…”") keeps the subject', () => {
    const a = parse('Police say Bruno Fernandes threatened her in October. He supposedly told her, "You do not know what I am capable of."');
    expect(quoteOf(a, 'You do not know')).toBe('Bruno Fernandes');
  });

  it("a he or she subject carries its person on past a possessive or a participle clause's name", () => {
    const a = parse(
      'Captain Virat Kohli described the win as a milestone.',
      'He compared it to a win under Mahendra Singh Dhoni’s captaincy against England in 2014.',
      '"Lord’s was very special because we were playing on a similar sort of pitch," he said.',
      'Waratahs captain Jake Gordon was similarly downbeat after the loss.',
      'Speaking with Stan Sport’s Morgan Turinui, he promised fans his team would come good soon.',
      '"Once again guys, we really appreciate the support," he said.',
    );
    expect(quoteOf(a, 'Lord’s was very special')).toBe('Virat Kohli');
    expect(quoteOf(a, 'Once again guys')).toBe('Jake Gordon');
  });

  it('the subject who has spoken before keeps he/she over people the sentence names for the first time; two new people leave it to nobody', () => {
    const a = parse(
      '"I think I\'m going to faint in 20 minutes," Serena Williams said.',
      'Williams is now third in all-time Grand Slam titles, behind Margaret Court, who won 24, and Steffi Graf, who notched 22.',
      '"Twenty is pretty amazing to me, unfortunately, I\'m thinking about Wimbledon," she said.',
      'Prime Minister Tom Hale met opposition leader Mark Rees on Tuesday. "We had a frank exchange," he said.',
    );
    expect(quoteOf(a, 'Twenty is pretty amazing')).toBe('Serena Williams');
    expect(quoteOf(a, 'We had a frank exchange')).toBeNull();
  });

  it('a "the …" description as the subject stands for the person it describes, past a participle clause holding a capitalised word', () => {
    const a = parse(
      'Serena Williams won the French Open on Saturday.',
      'Delivering her post-match remarks in French, the tennis player then thanked her family and father.',
      '"None of this was possible without any of you," she said.',
    );
    expect(quoteOf(a, 'None of this was possible')).toBe('Serena Williams');
  });

  it('a shared surname is the one bearer named so far; with two named, nobody', () => {
    const a = parse(
      'Fred Fisher was lying in his bunk on his fishing boat when it began to roll.',
      '“I yelled at the guy on watch to wake up the other guy,” Fisher, 43, of Charleston, told The Associated Press.',
      'When he failed to make an appointment, his wife, Kim Fisher, notified the Coast Guard.',
      'Laura Kowal was found dead in the river in August.',
      'Her daughter, Kelly Kowal, said there is no reason her mom would be in that area.',
      '“Someone took my mom’s life the weekend of August 7,” Kowal said.',
    );
    expect(quoteOf(a, 'I yelled at the guy')).toBe('Fred Fisher');
    expect(quoteOf(a, 'Someone took my mom')).toBeNull();
  });

  it('"Cuomo said he …" tells his gender, so "she" after it is someone else; an opening phrase is no one between he and his name', () => {
    const a = parse(
      'Speaking to Chris Cuomo from the convention centre, Dawn Coles recounted how she ended up on top of a pickup truck.',
      'A duly impressed Cuomo said he had heard of “mommy strength” before, but could not believe that she swam for a mile.',
      '“There was a lot of wind and rain,” she explained.',
      'U.S. Coast Guard Petty Officer Scott Ruskan played a crucial role. Initially the only first responder on the ground, Ruskan helped save 165 children.',
      '“Any of the rescue swimmers in the Coast Guard would have done the exact same thing,” he said.',
    );
    expect(quoteOf(a, 'There was a lot of wind')).toBe('Dawn Coles');
    expect(quoteOf(a, 'Any of the rescue swimmers')).toBe('Scott Ruskan');
  });

  it('"Gina said he …" does not make Gina a man: a given name of one gender outweighs the he after her verb', () => {
    const a = parse(
      'Jazz pianist Oscar DeLuca died on Sunday at his home in New Orleans.',
      'His granddaughter Gina Moretti said he played until the very last week.',
      '"Music was how he talked to us," she said.',
    );
    expect(quoteOf(a, 'Music was how he talked')).toBe('Gina Moretti');
  });

  it('he or she is not someone the quotation itself speaks of by name', () => {
    const a = parse(
      'Elizabeth Dole questions whether Kay Hagan is qualified, saying she does not understand federal issues.',
      'Her campaign’s latest ads criticize Hagan for dodging issues in interviews.',
      '"I think Kay has dodged a lot of answers that would help people," she said.',
    );
    expect(quoteOf(a, 'I think Kay has dodged')).toBe('Elizabeth Dole');
  });

  it('a name right before the lower-case role of the next ("Age UK chief executive Helen Hunter") is no second candidate for he/she', () => {
    const a = parse(
      'However, Age UK chief executive Helen Hunter has claimed the bail-out is too slow in arriving.',
      "She said: 'We have been able to draw on some financial support from the National Emergencies Trust.'",
      'Though not confirming which stores, an Age UK spokesperson said some stores will close.',
      '“We are taking this action with a heavy heart and are consulting with staff,” the charity said.',
    );
    expect(quoteOf(a, 'We have been able to draw')).toBe('Helen Hunter');
    expect(quoteOf(a, 'We are taking this action')).toBe('Age UK');
  });

  it('he or she rules out the one person of the other gender beside someone whose gender nobody knows', () => {
    const a = parse(
      'Council leader Oumar Daou met Mary Baker on Monday.',
      '"We will go on until the harbour is open again," he said.',
      'Council leader Abdelaziz Belkhadem met Thomas Baker on Tuesday.',
      '"Nobody will be left behind," he said.',
    );
    expect(quoteOf(a, 'We will go on until')).toBe('Oumar Daou');
    // Two men, neither the speaker of the sentence: nobody.
    expect(quoteOf(a, 'Nobody will be left behind')).toBeNull();
  });

  it("a given name on one gender's list rules that person out for the other pronoun", () => {
    const a = parse('Bruno Fernandes met the reporters on Monday. "We have nothing to hide," she said.');
    expect(quoteOf(a, 'We have nothing to hide')).toBeNull();
  });
});

describe('descriptions before and after a name', () => {
  it("an agent noun between a capitalised work or band and a full name is the person's role, not a speaker of its own", () => {
    const a = parse(
      'Twin Peaks co-creator Mark Frost also spoke of the loss as a ‘death in the family’ and branded it ‘too soon’.',
      'Foo Fighters drummer Taylor Hawkins told the crowd: "We will play this one for Miguel tonight."',
    );
    expect(quoteOf(a, 'death in the family')).toBe('Mark Frost');
    expect(quoteOf(a, 'We will play this one')).toBe('Taylor Hawkins');
  });

  it('a relative clause holding commas of its own ("… in Bogota, Columbia, said") still describes the name before it', () => {
    const a = parse(
      'Miley Cyrus, who was part of the lineup at the Estereo Picnic festival in Bogota, Columbia, said she would dedicate her show to him.',
      '"My favorite memory of Taylor is dancing round the drum kit," she posted.',
    );
    expect(quoteOf(a, 'My favorite memory')).toBe('Miley Cyrus');
  });

  it('"the winner" after a sentence about "his fiancée, X" is not her', () => {
    const a = parse(
      'Ernest Kebenei and Margaret Karie were crowned the winners of the Nairobi Marathon on Sunday.',
      'His fiancée, Pamela Cheruiyot, a student at Baraton University, can now look forward to December since the freshly minted champion intends to spend some of his prize on their wedding.',
      '"I have not done the planning yet but I want to establish a family," the winner added.',
    );
    expect(quoteOf(a, 'I have not done the planning')).not.toBe('Pamela Cheruiyot');
  });
});

describe('what wire copy and regional papers write around a quotation', () => {
  it('a dateline in capitals opening the story is where it was filed, never the speaker', () => {
    const a = parse(
      'MELAKA, May 21 — The dead fish are not caused by pollution, said Tey Kok Kiew.',
      'IPOH: The mass death of black tilapia was likely due to dumping, said Datuk Teh Kok Lim.',
    );
    expect(givenTo(a, 'The dead fish are not caused')).toEqual(['Tey Kok Kiew']);
    expect(givenTo(a, 'The mass death of black tilapia')).toEqual(['Teh Kok Lim']);
  });

  it('a curly mark typed the wrong way round, or two apostrophes, still close the quotation', () => {
    const a = parse(
      'Committee chairman Teh Kok Lim visited the river on Monday.',
      '“We suspect they were dumped into Sungai Kinta and did not die naturally due to pollution,“ he said.',
      'Energy Minister Wes Sheridan spoke to The Guardian.',
      '“We left the decision up to the community and their capable council,’’ Sheridan said.',
    );
    expect(quoteOf(a, 'We suspect they were dumped')).toBe('Teh Kok Lim');
    expect(quoteOf(a, 'We left the decision')).toBe('Wes Sheridan');
  });

  it('an appositive closed by a comma before brackets, a lower-case role "for" an organisation, and "issued a statement," introduce the speaker', () => {
    const a = parse(
      'Yesterday, Trevor Hall, regional industrial organiser for the Transport and General Workers Union, (TGWU) said: "It is devastating news. It has come as a complete shock."',
      'In a statement Stephen Johnston, site manager for Invista at Brockworth said: "In recent years Invista has been seeking to improve its profitability."',
      'In a prepared statement, SkyWest, which operated as American Eagle, issued a statement, “After a routine flight, passengers deplaned through the main cabin door.”',
    );
    expect(quoteOf(a, 'It is devastating news')).toBe('Trevor Hall');
    expect(quoteOf(a, 'In recent years Invista')).toBe('Stephen Johnston');
    expect(quoteOf(a, 'After a routine flight')).toBe('SkyWest');
  });
});

describe('what stands around an organisation or a speaker without being one', () => {
  it('a participle clause opening with an irregular participle ("Built for …,") is no one between he and his name', () => {
    const a = parse(
      'In the next eight months, ISRO has nine missions, Sivan told reporters after the launch of the IRNSS-1I satellite.',
      'Built for a ten-year job in space, IRNSS-1I is expected to be ready for work in about a month.',
      '"We have a lot more missions on the anvil. In the next months, we are going to have nine missions," he said.',
    );
    expect(quoteOf(a, 'We have a lot more missions')).toBe('Sivan');
  });

  it('a headline in title case teaches no names: "Delta Plane Makes Emergency Landing" leaves "Delta said" the airline', () => {
    const a = parse(
      'Delta Plane Makes Emergency Landing At BWI',
      'A Delta Air Lines flight made an emergency landing Wednesday in Maryland because of an engine problem.',
      'Delta said in a statement that the plane was diverted after "an observed issue with one of the aircraft\'s engines."',
    );
    expect(quoteOf(a, 'an observed issue')).toBe('Delta Air Lines');
  });

  it('the first words of the one organisation named so are that organisation, not a second person beside the subject', () => {
    const a = parse(
      'The pupils put on a carnival before Edgware Primary School broke up for the summer.',
      'Headteacher Alison Jacob was full of pride in the progress Edgware Primary has made during its first 10 years.',
      '"This school is built on the strength, love and resilience of our children," she said.',
    );
    expect(quoteOf(a, 'This school is built')).toBe('Alison Jacob');
  });

  it('an organisation named with a lower-case word ("Feed the Minds"), or by its first words ("the Rolls spokesman"), is read whole', () => {
    const a = parse(
      'Global aid charity Feed the Minds has become the latest charity to announce it will close.',
      '“It is with a heavy heart that we announce the closure of the charity,” said Feed the Minds chair Sandy Sneddon.',
      'British aero engine maker Rolls-Royce Holdings Plc said it was confident the lawsuit would fail.',
      '"This lawsuit is entirely without merit," a Rolls-Royce spokesman said.',
      '"Judge Lawrence did not find that the company engaged in any wrongdoing," Rolls said.',
      '"We are grateful for your patience and support," said Google spokesman John Smith.',
    );
    expect(quoteOf(a, 'It is with a heavy heart')).toBe('Sandy Sneddon');
    expect(quoteOf(a, 'Judge Lawrence did not find')).toMatch(/^Rolls-Royce/);
    expect(quoteOf(a, 'We are grateful for your patience')).toBe('John Smith');
  });

  it('a description or a relative clause holding commas ("in Savannah, Ga.,", "who, like Mr Hulme,") still describes the name before it', () => {
    const a = parse(
      'New chief executive Nick Hulme said the trust had not been good enough.',
      'Trust Chair David White, who, like Mr Hulme, joined the Trust in May, said: "This report for me is a watershed."',
      'On Monday, Greg Hodges, a partner at the Oliver Maner law firm in Savannah, Ga., told the Daily Report the claims were false. "We don\'t comment on pending litigation," he said.',
    );
    expect(quoteOf(a, 'This report for me')).toBe('David White');
    expect(quoteOf(a, "We don't comment")).toBe('Greg Hodges');
  });

  it('"the electronics maker Samsung", its words in two apostrophes, "the company\'s statement said", and "The company said" and "It said" after its words', () => {
    const a = parse(
      'The electronics and smartphone maker Samsung announced Friday that data from some customers was hijacked.',
      "''On or around Aug. 4, 2022, we determined that personal information of certain customers was affected,'' the company's statement said.",
      "''We want to assure our customers that the issue did not impact Social Security numbers.''",
      'The company said it contacted those it believes were affected by the breach.',
      "It said that no immediate action is required by customers, but they should ''remain cautious of any unsolicited communications that ask for your personal information.''",
    );
    expect(quoteOf(a, 'On or around Aug. 4')).toBe('Samsung');
    expect(quoteOf(a, 'We want to assure')).toBe('Samsung');
    expect(givenTo(a, 'The company said it contacted')).toEqual(['Samsung']);
    expect(quoteOf(a, 'remain cautious of any')).toBe('Samsung');
  });

  it("how the words were given, between the subject and its verb, and an organisation's document, speak for the organisation", () => {
    const a = parse(
      'More than 30 cases have been reported from St. Michael Medical Center in Bremerton.',
      'St. Michael in a statement on its website said the hospital was “working closely with the state health department and performing contact tracing.”',
      'The BP news release said the Coast Guard ended patrols in Louisiana, “bringing to a close the extensive four-year active cleanup of the Gulf Coast.”',
    );
    expect(quoteOf(a, 'working closely with the state')).toMatch(/St\. Michael/);
    expect(quoteOf(a, 'bringing to a close')).toBe('BP');
  });
});

describe('a quotation paragraph after narration', () => {
  it('carries on the speaker before it across narration that names only them; not across narration naming someone else', () => {
    const a = parse(
      '“We played with great commitment today,” manager Kevin O’Brien said.',
      'The older players impressed O’Brien most of all.',
      '“Our team has matured, a lot of our younger players have got more experience.”',
      'The older players impressed Gary Sice most of all.',
      '“Our team has matured again, and the younger players have more experience.”',
    );
    expect(quoteOf(a, 'Our team has matured, a lot')).toBe('Kevin O’Brien');
    expect(quoteOf(a, 'Our team has matured again')).toBeNull();
  });
});

describe('a clause with no subject of its own', () => {
  it('"When asked about positives, the coach pointed out that …": the verb of the opening clause names no one, the main clause\'s does', () => {
    const a = parse(
      'Head coach Pote Human did not hold back in his assessment.',
      'When asked if there were any positives, the coach pointed out that the scrums were the only good thing about Saturday.',
      '“If there is one positive, it has to be the scrums. We scored a maul try but what else did we do?”',
    );
    expect(givenTo(a, 'When asked if there were')).toEqual(['Pote Human']);
    expect(quoteOf(a, 'If there is one positive')).toBe('Pote Human');
  });
});

describe('a middle initial without its stop', () => {
  it('"journalist Peter A Smith" is one person, so "the journalist said" and "He wrote" are his', () => {
    const a = parse(
      'Earlier this evening, journalist Peter A Smith posted a video at the airport on Twitter.',
      'He wrote on Twitter: “Has FlyBe just ceased operating in front of my eyes?”',
      'In a video, the journalist said: “So the strangest thing, I’m standing at Glasgow Airport.”',
    );
    expect(quoteOf(a, 'Has FlyBe just ceased')).toBe('Peter A Smith');
    expect(quoteOf(a, 'So the strangest thing')).toBe('Peter A Smith');
  });
});

describe('descriptions after someone has spoken', () => {
  it('"the Argentine tactician further added" after Zapata spoke, and "the 66-year-old mum of four told" are the person just heard or named', () => {
    const a = parse(
      'AFC Leopards head coach Rodolfo Zapata was gracious in defeat on Saturday.',
      '“No excuses. We lost to Gor, they were better than us,” Zapata told Capital Sport after the match.',
      '“We played well and the first 30 minutes we were excellent,” the Argentine tactician further added.',
      'Deirdre Fenech, from Crawley, has been searching for answers about her daughter for 25 years.',
      '“She was groomed. There is no denying that,” the 66-year-old mum of four told The Argus.',
    );
    expect(quoteOf(a, 'We played well')).toBe('Rodolfo Zapata');
    expect(quoteOf(a, 'She was groomed')).toBe('Deirdre Fenech');
  });
});

describe('offices of other parliaments', () => {
  it('"Solidarity TD Mick Barry" and "Taoiseach Leo Varadkar" are people with roles, so "Barry said" is Mick Barry', () => {
    const a = parse(
      'The harshest exchanges were between Taoiseach Leo Varadkar and Solidarity TD Mick Barry.',
      '"Fine Gael deserve a hammering at the ballot box," Barry said.',
      '"The Deputy talks a lot about the one per cent," Varadkar said.',
    );
    expect(quoteOf(a, 'Fine Gael deserve')).toBe('Mick Barry');
    expect(quoteOf(a, 'The Deputy talks')).toBe('Leo Varadkar');
  });
});

describe('verbs of thinking quote only with the quotation close after them', () => {
  it('"believes the vote was “…”" is the believer\'s words; "believes the vote matters" reports nobody\'s', () => {
    const a = parse(
      'The council met on Tuesday.',
      'Harbour master Oumar Daou believes the vote was "the worst decision this council has made in twenty years".',
      'Mary Baker thinks the plan is sound. The mayor called the vote "a fair result for every district".',
    );
    expect(quoteOf(a, 'the worst decision')).toBe('Oumar Daou');
    expect(givenTo(a, 'thinks the plan is sound')).toEqual([null]);
  });
});

describe('what stands between a subject and its verb, and what opens a sentence', () => {
  it('an age in apposition before a colon, and a time adverbial before the verb, keep the subject', () => {
    const a = parse(
      'Finance Minister Grace Mwangi presented the budget on Thursday.',
      'Mwangi, 52, was defiant: "We will not borrow another shilling for consumption."',
      'Opposition leader Kofi Boateng on Monday said the plan was "a danger to our democracy and our savings".',
      'Mwangi last week described the criticism as "the noise of people who never balanced a budget".',
      'Boateng earlier this month called the minister "the least honest person in the cabinet".',
    );
    expect(quoteOf(a, 'We will not borrow')).toBe('Grace Mwangi');
    expect(quoteOf(a, 'a danger to our democracy')).toBe('Kofi Boateng');
    expect(quoteOf(a, 'the noise of people')).toBe('Grace Mwangi');
    expect(quoteOf(a, 'the least honest person')).toBe('Kofi Boateng');
  });

  it('a word opening a sentence before he or she ("Last year she", "Speaking later on radio, she") is no one standing between her and her name', () => {
    const a = parse(
      'Opposition leader Maria Santos criticised the budget.',
      'Santos was unmoved. Speaking later on radio, she said the ministry was "living in a fantasy world of its own".',
      'Last year she described the president as "a danger to our young democracy".',
    );
    expect(quoteOf(a, 'living in a fantasy')).toBe('Maria Santos');
    expect(quoteOf(a, 'a danger to our young')).toBe('Maria Santos');
  });

  it('a relative clause or a bracketed title after the subject, and the listener after "told", are not the speaker', () => {
    const a = parse(
      'The Attorney-General Mr Bala Idris, (SAN) told the Federal High Court Abuja on Monday that the suspension was "unconstitutional, illegal and unlawful".',
      'Idris made his position known through his counsel, Mr Tunde Ajayi.',
      'Ajayi, who doubles as the Solicitor-General of the Federation, in his submission, said the senate had acted "outside every rule it has written".',
    );
    expect(quoteOf(a, 'unconstitutional, illegal')).toBe('Bala Idris');
    expect(quoteOf(a, 'outside every rule')).toBe('Tunde Ajayi');
  });

  it('a person in apposition with the body they are of ("Dr. Aiko Tanaka of the University of Tokyo") is the subject', () => {
    const a = parse(
      'The study\'s lead author, Dr. Aiko Tanaka of the University of Tokyo, said the findings were encouraging. "We saw reefs that we had written off come back," she said.',
    );
    expect(quoteOf(a, 'We saw reefs')).toBe('Aiko Tanaka');
  });
});

describe('titles, epithets and unnamed speakers', () => {
  it('a single name after a royal or religious title is a person, and "the king", "the Pope" are that person', () => {
    const a = parse(
      'King Abdullah met the envoy in Amman. "We welcome the talks," the king said.',
      'Pope Francis addressed the crowd in St Peter\'s Square. "Let us pray for peace," the Pope said.',
    );
    expect(quoteOf(a, 'We welcome the talks')).toBe('Abdullah');
    expect(quoteOf(a, 'Let us pray')).toBe('Francis');
  });

  it('a nationality before a role the person holds is that person ("the Portuguese coach"), and the quotations after what they said carry on', () => {
    const a = parse(
      'Super Eagles Head Coach, José Peseiro on Thursday expressed joy at his first victory.',
      'Midfielder Alex Iwobi scored the first goal.',
      'The Portuguese coach stressed that the team needed more time to improve.',
      '"We had barely six or seven practice sessions before the game.',
      '"The players need more time, I do not think the team was fresh enough."',
    );
    expect(givenTo(a, 'the team needed more time')).toEqual(['José Peseiro']);
    expect(quoteOf(a, 'We had barely six')).toBe('José Peseiro');
    expect(quoteOf(a, 'The players need more time')).toBe('José Peseiro');
  });

  it('"Moscow-born" qualifies a name, it is not part of it', () => {
    const a = parse(
      'Newly crowned champion Elena Rybakina beat Ons Jabeur in the final.',
      'Moscow-born Rybakina, who has represented Kazakhstan for four years, fought back to win.',
      '"I did not expect to be in the second week of a Grand Slam," said the 23-year-old.',
    );
    expect(quoteOf(a, 'I did not expect')).toBe('Elena Rybakina');
  });

  it('someone unnamed who spoke stands between "she" and the person named before them', () => {
    const a = parse(
      'Elena Rybakina won the final against Ons Jabeur.',
      'After dominating the first set against a nervous Rybakina, her game fell apart.',
      '"I want to congratulate Elena and her team, she deserved this," said the world number two.',
      'She then joked: "Elena stole my title but it is OK."',
    );
    expect(quoteOf(a, 'Elena stole my title')).toBeNull();
  });
});

describe('quotation marks as they are written', () => {
  it('a quotation that opens a sentence and is never closed runs to the end of its paragraph', () => {
    const a = parse(
      '"I was actually kind of emotional after the putt lipped in," Xander Schauffele said. "It has been a while since I have won and I kept saying it all week.',
      'He continued: "I really did not want to go into a play-off."',
    );
    expect(quoteOf(a, 'It has been a while')).toBe('Xander Schauffele');
  });

  it('a paragraph opening with a quotation carries on the words of the person whose sentence, quoted words and all, ends the paragraph before', () => {
    const a = parse(
      'Xander Schauffele won by a shot from Bryson DeChambeau.',
      'DeChambeau was gracious in defeat, acknowledging the lucky break he had on the 16th - "I said thank you to the tree" he joked - and praising Schauffele\'s nerveless finish.',
      '"I mean, he is an amazing golfer and a well-deserved major champion now."',
    );
    expect(quoteOf(a, 'I mean, he is an amazing')).toBe('Bryson DeChambeau');
  });
});

describe('more of what real news writes', () => {
  it('an agency after four words of its description is the one quoted ("…," the state news agency KCNA said)', () => {
    const a = parse('North Korea fired a missile on Monday.', '"The test was a complete success," the state news agency KCNA said.');
    expect(quoteOf(a, 'The test was a complete')).toBe('KCNA');
  });

  it('a role of an organisation, then the name in apposition, open the sentence: the name is its subject', () => {
    const a = parse(
      'WHO spokesman Gregory Hartl said the cases were sporadic.',
      'Meanwhile, the general director of MSF Switzerland, Bruno Jochum disagreed with the statements and reiterated his concern, citing what MSF had observed in Guinea.',
      '"The situation deserves our full attention and should be taken very seriously."',
    );
    expect(quoteOf(a, 'The situation deserves')).toBe('Bruno Jochum');
  });

  it('a learned profession after role words is a role, and the name in apposition after it speaks', () => {
    const a = parse('Deputy Chief Meteorologist at the Met Office, Laura Ellam, said: "Saturday will be a very wet and cold day for many."');
    expect(quoteOf(a, 'Saturday will be')).toBe('Laura Ellam');
  });

  it('a name between "the" and a noun ("the Gandhi family") names no one that "he" could be', () => {
    const a = parse(
      'BJP spokesperson Sambit Patra lashed out at Congress leader Rahul Gandhi on Thursday.',
      'BJP spokesperson said that the Gandhi family could not tolerate the growth of the economy.',
      '"Since 2002, you, your mother and your party have been trying to destroy his credibility," he said.',
    );
    // The unnamed spokesperson spoke last: nobody, and never the family's son.
    expect(quoteOf(a, 'Since 2002')).toBeNull();
  });

  it('British single marks opened after "says," run over paragraphs', () => {
    const a = parse(
      "The Museum's Executive Director of Science, Tim Littlewood, says, 'Species discovery is always exciting and shows how much there is to understand.",
      "'Sadly, much of that diversity is now severely threatened and we are losing species faster than we can discover them.'",
    );
    expect(quoteOf(a, 'Species discovery')).toBe('Tim Littlewood');
    expect(quoteOf(a, 'Sadly, much of that')).toBe('Tim Littlewood');
  });

  it("a last paragraph without a full stop is the story's, not a heading: its quotation is found", () => {
    const a = parse('BJP IT cell head Amit Malviya also took to X.', '"It is time to remind the Opposition to look in the mirror," he wrote');
    expect(quoteOf(a, 'It is time to remind')).toBe('Amit Malviya');
  });
});

describe('places, offices and heads of organisations', () => {
  it('capitalised words after "in" with no sign of a person are a place, even when a known surname ends them', () => {
    const a = parse(
      'Ontario Premier Doug Ford and Conservative Party Leader Pierre Poilievre had a phone call this week.',
      'The "Ring of Fire" is a region in Northern Ontario Ford wants to develop for mining.',
      '"We need a clear answer on where the Liberals stand," Ford said.',
    );
    expect(quoteOf(a, 'We need a clear answer')).toBe('Doug Ford');
  });

  it('a named person, then the body they are with in capitals ("Salama with WHO said"), is the subject', () => {
    const a = parse(
      "Dr. Peter Salama, the agency's emergencies chief, told reporters in Geneva.",
      '"The problem here is that we already have three separate locations," Salama with WHO said.',
    );
    expect(quoteOf(a, 'The problem here')).toBe('Peter Salama');
  });

  it('a deputy\'s office is not the office ("the Prime Minister says" is not Deputy Prime Minister Winston Peters)', () => {
    const a = parse(
      'The Prime Minister says he will not intervene over comments by Deputy Prime Minister Winston Peters about the funding of "the state broadcaster and its news".',
    );
    expect(givenTo(a, 'The Prime Minister says')).toEqual([null]);
  });

  it('"the <organisation> chief" is the one person heading it', () => {
    const a = parse(
      'The party hit back at Congress President Mallikarjun Kharge on Wednesday.',
      '"So I appeal to everyone to not get angry, but instead fight," the Congress chief added.',
    );
    expect(quoteOf(a, 'So I appeal')).toBe('Mallikarjun Kharge');
  });

  it('an opening adverbial of several words before he or she names no one ("Towards the end of the interview, he …:")', () => {
    const a = parse(
      'Winston Peters objected to the questioning.',
      'Towards the end of the interview, he accused the broadcaster of running the line of his opponents: "You are paid for by the taxpayer and sooner or later we will cut that off."',
    );
    expect(quoteOf(a, 'You are paid for')).toBe('Winston Peters');
  });
});

describe('what comes between a one-word subject and its verb, and long openings', () => {
  it('"Sani on his Tweeter page, said:" — where the subject said it, set off by a comma', () => {
    const a = parse(
      'Senator representing Kaduna Central, Uba Sani, yesterday reacted to a statement credited to his colleague.',
      'Sani on his Tweeter page, said: "The Senate at no time condemned the governor\'s comments on restructuring."',
    );
    expect(quoteOf(a, 'The Senate at no time')).toBe('Uba Sani');
  });

  it('a long opening participle phrase with a name in it, before "he", names no one', () => {
    const a = parse(
      'The debate ran long.',
      'Mr Alex Cunningham had asked: "Why are 34% of children in my constituency living in poverty?"',
      'Making a point of order in the Commons later that day, he said: "Before the prime minister answered, the home secretary chose to add in his pennyworth."',
    );
    expect(quoteOf(a, 'Before the prime minister')).toBe('Alex Cunningham');
  });
});

describe('interviews written up, and ranks as written', () => {
  it('after "X spoke to the media", short topic lines ("On the performance…") leave the answers that follow X\'s', () => {
    const a = parse(
      "Head Coach Tony Popovic spoke to the media after Victory's 2-1 win against Western United.",
      'On the performance…',
      '"I am really just happy for the group because they just keep believing in what we are doing."',
      'On the belief of the players…',
      '"Chances are clearly being created, but you need that ball to go in."',
    );
    expect(quoteOf(a, 'I am really just happy')).toBe('Tony Popovic');
    expect(quoteOf(a, 'Chances are clearly')).toBe('Tony Popovic');
  });

  it('abbreviated police and military ranks are roles ("A/Det/Supt Smyth" is Jeff Smyth)', () => {
    const a = parse(
      'Senior Investigating Officer, Acting Detective Superintendent Jeff Smyth, appealed for help.',
      'A/Det/Supt Smyth said: "We are hoping that this photograph may jog someone\'s memory."',
    );
    expect(quoteOf(a, 'We are hoping')).toBe('Jeff Smyth');
  });
});

describe('occupations before names, and pull-quotes', () => {
  it('an occupation before a given name and a surname is a description, not part of the name', () => {
    const a = parse(
      'Hairdresser Kelly Hughes, also from Whalley, said: "I will not leave my shop, whatever happens."',
      '"We are just managing," Hughes said.',
    );
    expect(quoteOf(a, 'I will not leave')).toBe('Kelly Hughes');
    expect(quoteOf(a, 'We are just managing')).toBe('Kelly Hughes');
  });

  it('a quotation signed with a dash is part of the story, its words found (not a heading)', () => {
    const a = parse(
      'Here is what they had to say.',
      '"It took me a while to realize what I was holding in my hand." – Missy Franklin',
      'The Games ended on Sunday.',
    );
    expect(who(a, 'It took me a while')?.kind).toBe('quote');
  });
});

describe('someone described, then named', () => {
  it('"tweeted a fan called Claire", "said a woman named Ana Ruiz": the name the phrase gives speaks', () => {
    const a = parse(
      '"I am worried about you. I hope you are okay," tweeted a fan called Claire.',
      '"We will rebuild the pier before the summer," said a woman named Ana Ruiz.',
    );
    expect(quoteOf(a, 'I am worried about you')).toBe('Claire');
    expect(quoteOf(a, 'We will rebuild the pier')).toBe('Ana Ruiz');
  });
});

describe('abbreviations before numbers, and long descriptions before a name', () => {
  it('"the Prop. 8 case" does not end a sentence, so its subject still speaks', () => {
    const a = parse(
      'Human Rights Campaign president Chad Griffin, who also founded the group that brought the Prop. 8 case to trial, said "We are all cautiously optimistic about the outcome."',
    );
    expect(quoteOf(a, 'We are all cautiously')).toBe('Chad Griffin');
  });

  it('"said lawyer for the plaintiffs Ted Olson": a person noun and what they are of, then the name', () => {
    const a = parse('"We are very, very gratified that they listened," said lawyer for the plaintiffs Ted Olson.');
    expect(quoteOf(a, 'We are very, very')).toBe('Ted Olson');
  });
});

describe('a quotation quoted inside one, in the same marks', () => {
  it('a few words in the same marks mid-sentence do not restart the quotation around them', () => {
    const a = parse(
      'Governor Abdul Razak said, “Please accept our warm congratulations as you prepare to take up the “uncommon” responsibilities of your very high office.”',
    );
    expect(quoteOf(a, 'Please accept our warm')).toBe('Abdul Razak');
    // The quotation runs to its end: the words after the inner marks are inside it.
    expect(who(a, 'Please accept our warm')).toMatchObject({ kind: 'quote' });
    expect(givenTo(a, 'responsibilities of your very high office')).toEqual(['Abdul Razak']);
  });
});

describe('who a title, a new subject and a topic point to', () => {
  it('"Mr Okafor said" in a story about Grace Okafor and her husband Daniel Okafor is him; "Mrs Okafor" her', () => {
    const a = parse(
      'Neighbours paid tribute to Grace Okafor, who ran the corner shop for thirty years.',
      'She ran it with her husband, Daniel Okafor, until last spring.',
      'Mr Okafor said: “She knew every customer by name and every child by their birthday.”',
      '“He never once closed the shop early,” Mrs Okafor had told the paper in 2019.',
    );
    expect(quoteOf(a, 'She knew every customer')).toBe('Daniel Okafor');
    expect(quoteOf(a, 'He never once closed')).toBe('Grace Okafor');
  });

  it('a title whose gender fits both bearers of the surname, or neither, is nobody', () => {
    const a = parse('Sam Okafor and his brother Daniel Okafor ran the shop.', 'Mr Okafor said: “We will open again in the spring.”');
    expect(quoteOf(a, 'We will open again')).toBeNull();
  });

  it('she after a sentence that introduces its subject and names someone known before is the new subject', () => {
    const a = parse(
      'Tributes were paid to Grace Okafor, who died on Sunday.',
      'Ruth Bell, a fellow trader at the market, had known Grace for twenty years. She said: “Nobody worked harder than her.”',
    );
    expect(quoteOf(a, 'Nobody worked harder')).toBe('Ruth Bell');
  });

  it('"On the injury: “…”" in an interview written up carries the last speaker, and the topic names no one', () => {
    const a = parse(
      'Head coach Ana Ruiz speaking to reporters: “We started slowly but the second half was much better.”',
      'On Tom Baker: “It was only a knock, he will be fine for the weekend and he knows it.”',
      'On the title race: “We have eight games left and every one of them is a final.”',
    );
    expect(quoteOf(a, 'We started slowly')).toBe('Ana Ruiz');
    expect(quoteOf(a, 'It was only a knock')).toBe('Ana Ruiz');
    expect(quoteOf(a, 'We have eight games left')).toBe('Ana Ruiz');
  });

  it('an emoji glued to the first word of a paragraph does not hide the name after it', () => {
    const a = parse('🔴Liverpool manager Jurgen Klopp speaking to reporters: “I saw two very good teams. Both tried to play.”');
    expect(quoteOf(a, 'I saw two very good teams')).toBe('Jurgen Klopp');
    expect(quoteOf(a, 'Both tried to play')).toBe('Jurgen Klopp');
  });
});

describe('portfolios, perception verbs and quotations quoted in single marks', () => {
  it('"Commissioner for Environment and Water Resources Tokunbo Wahab": the portfolio is the role, the name its last words, and he is "the commissioner"', () => {
    const a = parse(
      'The Commissioner for Environment and Water Resources Tokunbo Wahab gave the apology on Thursday.',
      '“Emergency teams were on the ground since four in the morning,” the commissioner said.',
      'Minister of Health and Social Care Matt Hancock said: “We will publish the figures every week.”',
    );
    expect(quoteOf(a, 'Emergency teams were')).toBe('Tokunbo Wahab');
    expect(quoteOf(a, 'We will publish the figures')).toBe('Matt Hancock');
  });

  it('"X can be heard saying in the video" is a verb of saying', () => {
    const a = parse('‘Keep your heads up, we go again next week,’ captain Priya Nair can be heard saying in the video.');
    expect(quoteOf(a, 'Keep your heads up')).toBe('Priya Nair');
  });

  it('a few words in single marks inside a single-mark quotation do not swallow the narration after it', () => {
    const a = parse(
      '‘It was a young side and they responded well,’ coach Rahul Menon says in a video.',
      '‘When I shout ‘Who are we?’ you all shout champions,’ Anil Rao can be heard saying as the team laughs.',
    );
    expect(quoteOf(a, 'When I shout')).toBe('Anil Rao');
    // The quotation ends at its own closing mark: the narration after it is no one's words.
    const p = a.paragraphs[1]!;
    const quoted = p.segments.filter((s) => s.kind === 'quote').map((s) => p.text.slice(s.start, s.end));
    expect(quoted).toEqual(['When I shout ‘Who are we?’ you all shout champions']);
  });
});

describe('he and she: who the sentence is about', () => {
  it('a name in a participle clause opening the sentence, or a possessive, is less salient than the subject', () => {
    const a = parse(
      'Speaking with Radio Metro’s Tom Fields from his hotel in Perth, head coach Brian Walsh opened up about the tour.',
      '“The music on that bus carried us through the whole month,” he said.',
      'Assistant coach Dan Cole backed Walsh’s view and pointed to the squad’s depth.',
      '“We have thirty players who could start any Test,” he said.',
    );
    expect(quoteOf(a, 'The music on that bus')).toBe('Brian Walsh');
    expect(quoteOf(a, 'We have thirty players')).toBe('Dan Cole');
  });

  it('a nationality before a common noun describes a thing, not someone who could be "he"', () => {
    const a = parse(
      'Forward Sam Kerr spoke after the match.',
      'Kerr could not find a way through an impenetrable English defence.',
      '“We will learn from this one,” she said.',
    );
    expect(quoteOf(a, 'We will learn from this')).toBe('Sam Kerr');
  });
});

describe('what may stand before and after a name in an attribution', () => {
  it('an organisation before a lower-case role, or a party’s possessive, before the name after a quotation', () => {
    const a = parse(
      'Council leader Maria Gomez opened the meeting.',
      '“No excuse can justify what this man did,” FBI agent Robert Britt said in a release.',
      '"The honour was well deserved," Labour\'s Gomez said.',
    );
    expect(quoteOf(a, 'No excuse can justify')).toBe('Robert Britt');
    expect(quoteOf(a, 'The honour was well deserved')).toBe('Maria Gomez');
  });

  it('"said Taylor’s grandmother Constance Dingle": the name after someone’s relative is the speaker', () => {
    const a = parse(
      '"He was my first grandchild and I miss him every day," said Taylor\'s grandmother Constance Dingle.',
      '"We will appeal," said Taylor\'s Lawyer Mark Hobbs.',
    );
    expect(quoteOf(a, 'He was my first grandchild')).toBe('Constance Dingle');
    expect(quoteOf(a, 'We will appeal')).toBe('Mark Hobbs');
  });

  it('"X, who … (a long relative clause), said Mr Y was “…”": X speaks, Y is what X spoke of', () => {
    const a = parse(
      'Friends paid tribute to former mayor John Newman, who has died aged 81.',
      'Lucy Hurds, who stood as the Liberal Democrat candidate for Hereford and South Herefordshire constituency at the last general election, said Mr Newman was “a really lovely guy and always enjoyed a joke”.',
    );
    expect(quoteOf(a, 'a really lovely guy')).toBe('Lucy Hurds');
  });
});

describe('he and she across a sentence about someone else', () => {
  it('a sentence naming only a man but speaking of "her" carries on the woman named before it', () => {
    const a = parse(
      'Roberta Lanzi won the semifinal in three sets.',
      'Reporter Tom Baines asked her what had made her believe it was possible. "No, really. It was the crowd," she said.',
      'Reporters later met Emily Rhodes. "It is over for us," he said.',
    );
    expect(quoteOf(a, 'No, really')).toBe('Roberta Lanzi');
    // A sentence naming only a woman, with no he/him/his, still leaves "he" to nobody.
    expect(quoteOf(a, 'It is over for us')).toBeNull();
  });
});

describe('statements issued, organisations before a name, appositive roles without a closing comma', () => {
  it('"X issued a statement … which said: “…”" is X’s', () => {
    const a = parse(
      'Chair of Northfield District Council Anne Loxley issued a statement on behalf of the council which said: "The passing of alderman Joan Pike is a sad event for the town."',
      '"She gave half a century of service to local government."',
    );
    expect(quoteOf(a, 'The passing of alderman')).toBe('Anne Loxley');
    expect(quoteOf(a, 'She gave half a century')).toBe('Anne Loxley');
  });

  it('"Fr Seamus Enright, Rector of the religious order in Limerick said:" is the priest, not a person called Rector', () => {
    const a = parse(
      'Fr Seamus Enright, Rector of the religious order in Limerick said: “We are horrified that such violence has come to our community.”',
    );
    expect(quoteOf(a, 'We are horrified')).toBe('Seamus Enright');
  });
});

describe('brackets inside a description, and the wire services’ old quotation marks', () => {
  it('names in brackets inside the subject’s description are not the subject', () => {
    const a = parse(
      'Coach Mark Ellis spoke after the final.',
      'Ellis, the only coach to have won the league (Rovers, 2009) and the cup (Wanderers, 2014), said he hoped fans “enjoyed the ride it was”.',
    );
    expect(quoteOf(a, 'enjoyed the ride')).toBe('Mark Ellis');
  });

  it('two apostrophes close a quotation and two backquotes open one', () => {
    const a = parse(
      "\"The numbers look fine in every respect except one,'' said Duncan Stewart, president of Stewart Asset Management.",
      "``The disappointment is on the guidance side,'' said analyst Nick Agostino.",
    );
    expect(quoteOf(a, 'The numbers look fine')).toBe('Duncan Stewart');
    expect(quoteOf(a, 'The disappointment is')).toBe('Nick Agostino');
  });
});

describe('quotations signed with a dash', () => {
  it('a quotation opening its paragraph, then a dash and a person’s name, is that person’s', () => {
    const a = parse(
      'We pick out the best quotes from the championships:',
      '"It is a great feeling to know I did something few people have done. I wanted to show I am different." -- Noah Lyles after completing a rare sprint double.',
      '"I battled my way out of hospital, and out of school" -- Lyles on the spirit he had as a boy.',
    );
    expect(quoteOf(a, 'It is a great feeling')).toBe('Noah Lyles');
    expect(quoteOf(a, 'I wanted to show')).toBe('Noah Lyles');
    expect(quoteOf(a, 'I battled my way')).toBe('Noah Lyles');
  });

  it('a headline signed with a source’s name is no one’s words', () => {
    const a = parse(
      '"Sensitive document found on rainy Ottawa street." -- Ottawa Citizen, 3 May.',
      '"Council denies the report on harbour fees" -- Harbour Daily News.',
    );
    expect(quoteOf(a, 'Sensitive document found')).toBeNull();
    expect(quoteOf(a, 'Council denies the report')).toBeNull();
  });
});

describe('role nouns point back, to a current office', () => {
  it('"the minister" is not a former prime minister, nor someone the article names only later', () => {
    const a = parse(
      'Health Secretary Wes Streeting announced the plan on Tuesday.',
      '“This is the biggest investment in a generation,” the minister told MPs.',
      'Former Prime Minister Boris Johnson spoke at the event.',
    );
    expect(quoteOf(a, 'This is the biggest investment')).toBeNull();
    const b = parse('Former Prime Minister Boris Johnson spoke at the event.', '“I have no plans to return to politics,” the minister said.');
    expect(quoteOf(b, 'I have no plans')).toBeNull();
  });
});

describe('descriptions and addresses beside a name', () => {
  it('"His former coach at Atalanta, Gian Piero Gasperini, told": the club in the description is not the name beside', () => {
    const a = parse('His former coach at Atalanta, Gian Piero Gasperini, told Sky Italia: “He will score many goals in England.”');
    expect(quoteOf(a, 'He will score many goals')).toBe('Gian Piero Gasperini');
  });

  it('"John Smith, of Elm Street, Leeds, said": the town after an address is not the speaker', () => {
    const a = parse('John Smith, of Elm Street, Leeds, said: "We want the road fixed now."');
    expect(quoteOf(a, 'We want the road fixed')).toBe('John Smith');
  });

  it('a short quotation after a colon that ends the sentence is a quotation, and the name in apposition to a longer description its speaker', () => {
    const a = parse('One fan outside the ground, Mike Dean, 54, was delighted: “Finally, a proper number nine.”');
    expect(quoteOf(a, 'Finally, a proper number nine')).toBe('Mike Dean');
  });
});

describe('acronyms that are also words', () => {
  it('"the WHO said", once the article spells out the World Health Organization (WHO), is the organisation', () => {
    const a = parse(
      'The World Health Organization (WHO) said the risk was low. “There is no need for panic,” the WHO said.',
      '“We are watching the situation,” said WHO.',
    );
    expect(quoteOf(a, 'There is no need for panic')).toBe('WHO');
    expect(quoteOf(a, 'We are watching')).toBe('WHO');
    // Not spelled out, "WHO" stays the pronoun's letters.
    const b = parse('“We are watching the situation,” said WHO.');
    expect(quoteOf(b, 'We are watching')).toBeNull();
  });
});

describe('a given name and a word that ends places’ names, in a speaker’s position', () => {
  it('"Mary Sea said" is a person; "across the Caspian Sea" stays a place', () => {
    const a = parse(
      '"We will rebuild the pier before summer," Mary Sea said.',
      'The ferry crossed the Caspian Sea on Monday. "It was rough," a passenger said.',
    );
    expect(quoteOf(a, 'We will rebuild the pier')).toBe('Mary Sea');
    expect(quoteOf(a, 'It was rough')).toBeNull();
  });
});

describe('words after a colon: the agent of a passive, the person a view is given for', () => {
  it('"It was a view shared by the club’s chairman, Tom Reed: “…”" and "For Ruiz, the answer is simple: “…”"', () => {
    const a = parse(
      'Coach Ana Ruiz spoke after the match.',
      'It was a view shared by the club’s chairman, Tom Reed: “Nobody should panic after one defeat.”',
      'For Ruiz, the answer is simple: “We need to defend better.”',
      'For many residents, the answer is simple: “Fix the roads.”',
    );
    expect(quoteOf(a, 'Nobody should panic')).toBe('Tom Reed');
    expect(quoteOf(a, 'We need to defend better')).toBe('Ana Ruiz');
    expect(quoteOf(a, 'Fix the roads')).toBeNull();
  });
});

describe('"assured" reports speech', () => {
  it('"Wahab assured residents that …" carries to the quotation paragraphs after it; "was assured of a place" is no one speaking', () => {
    const a = parse(
      'Reacting on social media on Monday, Commissioner Tokunbo Wahab assured residents that the government was taking steps to address the flooding.',
      '“We have seen the video and fully understand the concerns it has raised.”',
      'Striker Ade Bello was assured of a place in the squad. “It was a long wait for the call,” a teammate said.',
    );
    expect(quoteOf(a, 'We have seen the video')).toBe('Tokunbo Wahab');
    expect(quoteOf(a, 'It was a long wait')).toBeNull();
  });
});

describe('sport’s descriptions of the person just named, and long appositives', () => {
  it('"said the skipper" after a paragraph about Captain Sarfaraz Ahmed is him', () => {
    const a = parse(
      'Captain Sarfaraz Ahmed held a press conference at the National Stadium in Karachi.',
      '“I am very proud of my team for finishing the tournament on a high,” said the skipper while talking to reporters.',
    );
    expect(quoteOf(a, 'I am very proud of my team')).toBe('Sarfaraz Ahmed');
  });

  it('an appositive description with its own relative clause between the name and the verb', () => {
    const a = parse(
      '“He has a flavour to his coaching,” Taylor, the former Reds defence coach who spent the past eight years coaching in Scotland before being brought back home, said.',
      'Defence coach Matt Taylor joined in January.',
    );
    expect(quoteOf(a, 'He has a flavour')).toBe('Matt Taylor');
  });
});

describe('roles written before a name in lower case or in apposition, and nationals', () => {
  it('"chief executive X", "The club’s chairman, X,", "The governor of the central bank, X," answer "the chief executive", "the chairman", "the governor"', () => {
    const a = parse(
      'Rolls-Royce chief executive Tufan Erginbilgic said profits had risen by a quarter.',
      '“This is a turnaround story,” the chief executive told analysts.',
      'The club’s chairman, David Hill, spoke to fans.',
      '“We will not sell the ground,” the chairman said.',
      'The governor of the central bank, Adrian Orr, raised rates.',
      '“Inflation is still too high,” the governor said.',
    );
    expect(quoteOf(a, 'This is a turnaround story')).toBe('Tufan Erginbilgic');
    expect(quoteOf(a, 'We will not sell the ground')).toBe('David Hill');
    expect(quoteOf(a, 'Inflation is still too high')).toBe('Adrian Orr');
  });

  it('"the Dutchman said" describes the person just named; no one is called Dutchman', () => {
    const a = parse('Liverpool manager Arne Slot named his team.', '“Everyone is fit,” the Dutchman said.');
    expect(quoteOf(a, 'Everyone is fit')).toBe('Arne Slot');
    const b = parse('“Everyone is fit,” the Frenchman said.');
    expect(quoteOf(b, 'Everyone is fit')).toBeNull();
  });
});

describe('he and she: a possessive gives way to the person in apposition', () => {
  it('"Sony’s chief executive, Kenichiro Yoshida, defended the move. “…,” he said." is Yoshida', () => {
    const a = parse(
      'Sony and Microsoft both cut prices this week. Sony’s chief executive, Kenichiro Yoshida, defended the move. “We want more players to join,” he said.',
    );
    expect(quoteOf(a, 'We want more players')).toBe('Kenichiro Yoshida');
  });
});

describe('an organisation, then the noun for its kind', () => {
  it('"The RMT union warned that “…”" is the RMT’s', () => {
    const a = parse('The RMT union warned that “strikes will go ahead next week”.');
    expect(quoteOf(a, 'strikes will go ahead')).toBe('RMT');
  });
});

describe('who is named after the verb or before it, in longer frames', () => {
  it('a nationality or a country before the role ("said U.S. skateboarder Mariah Duran", "remarked Belgian triathlete …")', () => {
    const a = parse(
      '“Maybe I had to have the appetizer before the whole meal,” said U.S. skateboarder Mariah Duran.',
      '“I consumed plenty of water, but it was not enough,” remarked Belgian triathlete Jolien Vermeylen, who finished 24th.',
    );
    expect(quoteOf(a, 'Maybe I had to have')).toBe('Mariah Duran');
    expect(quoteOf(a, 'I consumed plenty of water')).toBe('Jolien Vermeylen');
  });

  it('"AFP quoted a local official, Tek Bahadur KC, as saying": the one quoted, never the agency', () => {
    const a = parse('“The hope of finding anyone alive is nil,” AFP quoted a local official, Tek Bahadur KC, as saying.');
    expect(quoteOf(a, 'The hope of finding')).toBe('Tek Bahadur KC');
  });

  it('up to six lower-case words of a role before the name, but no clause', () => {
    const a = parse(
      '"We have all the equipment," national search and rescue agency head Muhammad Syaugi said at a press conference.',
      'Marchers chanted "Hands off our hospital now!" and carried signs repeating things that Mayor Tom Reed had said.',
    );
    expect(quoteOf(a, 'We have all the equipment')).toBe('Muhammad Syaugi');
    expect(who(a, 'Hands off our hospital')?.speaker ?? null).toBeNull();
  });

  it('a verb joined to the first by "but" or "and later" shares its subject; he after it is that subject', () => {
    const a = parse(
      'Dr Alan Ross, a cardiologist at the hospital, welcomed the news but warned of staff shortages. "We need more nurses, not more buildings," he said.',
      'Police Chief Mark Dunn visited the scene on Monday and later told reporters the area was “safe for families again”.',
    );
    expect(quoteOf(a, 'We need more nurses')).toBe('Alan Ross');
    expect(quoteOf(a, 'safe for families again')).toBe('Mark Dunn');
  });

  it('verbs of judging quote their subject only with the quotation in the sentence', () => {
    const a = parse(
      'The union’s leader, Paul Grant, spoke after the vote. Grant accused ministers of "playing games with people’s lives" and promised further strikes.',
      'Human Rights Watch criticised the government on Monday.',
    );
    expect(quoteOf(a, 'playing games with')).toBe('Paul Grant');
    expect(who(a, 'Human Rights Watch criticised')).toMatchObject({ kind: 'narration', speaker: null });
  });

  it('a paragraph that ends with a comma runs on into the quotation that opens the next', () => {
    const a = parse(
      'Leader of the ECR group, London MEP Syed Kamall told the parliament,',
      '“We welcome the fact that the structure is simpler,” praising Mr Juncker for his work.',
    );
    expect(quoteOf(a, 'We welcome the fact')).toBe('Syed Kamall');
  });

  it('"President-elect of the European Commission Jean-Claude Juncker": the office, then the person; he is Juncker', () => {
    const a = parse(
      'In his opening statement, President-elect of the European Commission Jean-Claude Juncker outlined a number of changes.',
      'And he stressed that “nine women out of 28 Commissioners is still pathetic.”',
    );
    expect(quoteOf(a, 'nine women out of')).toBe('Jean-Claude Juncker');
  });
});

describe('a role opening the sentence without "the", and a nationality before a person noun', () => {
  it('"Head coach of Nigeria’s Super Eagles, Jose Peseiro, said": Peseiro, never the team; "the Portuguese tactician" and "the coach" are him', () => {
    const a = parse(
      'Head coach of Nigeria’s Super Eagles, Jose Peseiro, has credited Cote d’Ivoire for being the better team.',
      'Speaking after the match, the Portuguese tactician, who was coaching in his first tournament, said he was “sad that we could not go all the way”.',
      '“We conceded goals from a few defensive errors,” concluded the coach.',
    );
    expect(quoteOf(a, 'sad that we could not')).toBe('Jose Peseiro');
    expect(quoteOf(a, 'We conceded goals')).toBe('Jose Peseiro');
    const b = parse('Head coach of Nigeria’s Super Eagles, Jose Peseiro, said the hosts were “simply the better side tonight”.');
    expect(quoteOf(b, 'simply the better side')).toBe('Jose Peseiro');
  });

  it('a nationality before an office is another person: "the Russian ambassador" after a president is no one named', () => {
    const a = parse('President Joe Biden spoke to reporters on Monday.', '“We will not accept these sanctions,” the Russian ambassador said.');
    expect(quoteOf(a, 'We will not accept')).toBeNull();
  });
});

describe('a long role with an organisation and its acronym before the name', () => {
  it('"The head of Mexico’s Secretariat of Security and Citizen Protection (SSPC), Omar García Harfuch, said": Harfuch, and "the head of the SSPC" is him', () => {
    const a = parse(
      'The head of Mexico’s Secretariat of Security and Citizen Protection (SSPC), Omar García Harfuch, said a “pattern of recruitment has been detected”.',
      '“We are in coordination with the Colombian authorities,” said the head of the SSPC during the daily press conference.',
    );
    expect(quoteOf(a, 'pattern of recruitment')).toBe('Omar García Harfuch');
    expect(quoteOf(a, 'We are in coordination')).toBe('Omar García Harfuch');
  });
});

describe('what names a speaker after the verb, and what is only a place', () => {
  it('"ALL BLACKS BOSS Steve Hansen": capitals before a name in ordinary case are its description; "the New Zealand boss" is him', () => {
    const a = parse(
      'ALL BLACKS BOSS Steve Hansen began in his usual manner. His captain, Kieran Read, was asked about the attitude.',
      'Read stressed that “the boys really wanted it” before Hansen interjected.',
      '“I’d just like to clear that up,” said the New Zealand boss.',
    );
    expect(quoteOf(a, 'I’d just like to clear')).toBe('Steve Hansen');
  });

  it('"according to the Center for Automotive Research" is the organisation; "said the 23-year-old" the person just named', () => {
    const a = parse(
      '“The most senior workers have had only two wage increases,” according to the Center for Automotive Research.',
      'Elena Rybakina fought back to win. "I did not expect to be in the second week," said the 23-year-old.',
    );
    expect(quoteOf(a, 'The most senior workers')).toBe('Center for Automotive Research');
    expect(quoteOf(a, 'I did not expect')).toBe('Elena Rybakina');
  });
});

describe('a person of a body, set off by commas', () => {
  it('"Mickey Thompson, of RMT North East said:", "Tricia Williams, chief operating officer at Northern, who run …, said:"', () => {
    const a = parse(
      'Mickey Thompson, of RMT North East said: "Last month\'s strike action was well supported by the public."',
      'Tricia Williams, chief operating officer at Northern, who run services between York and Leeds, said: “We have taken on board learnings from the previous strikes.”',
    );
    expect(quoteOf(a, 'Last month')).toBe('Mickey Thompson');
    expect(quoteOf(a, 'We have taken on board')).toBe('Tricia Williams');
  });

  it('"a lawyer for Mickey Thompson of Leeds said": the lawyer, never Thompson', () => {
    const a = parse('"We will win," a lawyer for Mickey Thompson of Leeds said.', 'A lawyer for Mickey Thompson of Leeds said: "We will appeal."');
    expect(quoteOf(a, 'We will win')).toBeNull();
    expect(quoteOf(a, 'We will appeal')).toBeNull();
  });

  it('"Added Joyce, “…”": a verb of saying opening the sentence is no part of the name', () => {
    const a = parse('Drummer Mike Joyce also paid tribute.', 'Added Joyce, "Andy\'s left the building, but his musical legacy is perpetual."');
    expect(quoteOf(a, 'Andy')).toBe('Mike Joyce');
  });
});

describe('frames that introduce a quotation with a colon or a participle', () => {
  it('a participle after the verb, an aside naming the source, an opening participle clause, a stray comma', () => {
    const a = parse(
      'Israeli opposition leader Yair Lapid echoed this sentiment, declaring, “Now it is Gaza’s turn and we must act now.”',
      'Presidential aide Łukasz Rzepecki spoke on Monday. Rzepecki added, as quoted by the PAP news agency: “After analysing the report, the president will decide.”',
      'Foreign Minister Mangala Samaraweera spoke in Delhi. Speaking to Sri Lanka’s Sunday Times, Mr Samaraweera compared Sri Lanka with Myanmar: “I think, frankly, the whole world should help.”',
      'Ex-MP Peter Pike, added: “He was a former strong leader of the Conservatives on Burnley Council.”',
    );
    expect(quoteOf(a, 'Now it is Gaza')).toBe('Yair Lapid');
    expect(quoteOf(a, 'After analysing the report')).toBe('Łukasz Rzepecki');
    expect(quoteOf(a, 'I think, frankly')).toBe('Mangala Samaraweera');
    expect(quoteOf(a, 'He was a former strong leader')).toBe('Peter Pike');
  });
});

describe('partial quotations: the predicate, participles of judging, an opening participle, a tribute', () => {
  it('quoted words right after the opening name, "asserting that … “…”", "Contending that “…,” X pledged", "paid tribute to … as “…”"', () => {
    const a = parse(
      'Communications Minister Ousseni Tamboura “strongly condemned the barbaric attack” on Sunday near the village.',
      'Meanwhile, Foreign Affairs Minister Ali Sabry also addressed recent concerns, asserting that the matter was “completely out of the question”.',
      'Contending that "economic inequality is the defining issue of our generation," Setti Warren pledged to combat wealth gaps.',
      'Simon Bird has paid tribute to his co-star Paul Ritter as “the best in the business” following his death.',
    );
    expect(who(a, 'strongly condemned the barbaric')?.speaker).toBe('Ousseni Tamboura');
    expect(who(a, 'completely out of the question')?.speaker).toBe('Ali Sabry');
    expect(quoteOf(a, 'economic inequality is')).toBe('Setti Warren');
    expect(who(a, 'the best in the business')?.speaker).toBe('Simon Bird');
  });

  it('an adjective is no participle of saying: "a welcoming atmosphere" reports nothing', () => {
    const a = parse('Mayor Ann Cole praised the volunteers for a welcoming atmosphere at the fair on Sunday.');
    expect(who(a, 'Mayor Ann Cole praised')).toMatchObject({ kind: 'narration', speaker: null });
  });
});

describe('an opening participle clause of up to eight words is no one', () => {
  it('"Having come second in last year’s edition, Kigen revealed …" then "he said" is Kigen', () => {
    const a = parse(
      'Philip Kigen won the race on Saturday. Having come second in last year’s edition, Kigen revealed he had made a vow with himself.',
      '"Last year, I finished second and this year I really wanted to win," he said.',
    );
    expect(quoteOf(a, 'Last year, I finished')).toBe('Philip Kigen');
  });
});

describe('titles written short', () => {
  it('"said Coun. Evan Spencer", "said Supt. Jane Cole": the full stop ends no sentence; "CS Kagwe" is Mutahi Kagwe', () => {
    const a = parse(
      '"This is the removal of a significant barrier," said Coun. Evan Spencer.',
      '"We will find them," said Supt. Jane Cole.',
      'The Cabinet Secretary for Agriculture, Mutahi Kagwe, has issued an ultimatum. Speaking on prices, CS Kagwe said: "We are buying maize at a fair price."',
      '"We have lost 30 people in the floods," CS Eugene Wamalwa said.',
    );
    expect(quoteOf(a, 'This is the removal')).toBe('Evan Spencer');
    expect(quoteOf(a, 'We will find them')).toBe('Jane Cole');
    expect(quoteOf(a, 'We are buying maize')).toBe('Mutahi Kagwe');
    expect(quoteOf(a, 'We have lost 30 people')).toBe('Eugene Wamalwa');
  });

  it('capitals before a surname that no fuller name in the article has are kept: "JB Pritzker"', () => {
    const a = parse('JB Pritzker spoke on Monday. "We will win," Pritzker said.');
    expect(quoteOf(a, 'We will win')).toBe('JB Pritzker');
  });
});

describe('organisations named by their kind', () => {
  it('"a council spokesperson said" is nobody named; "The company said" never reaches back past another name', () => {
    const a = parse(
      'Bunbury City Council has called for a vote. "We want the community to have its say," a council spokesperson said.',
      'SARU said it was investigating. "We take these allegations very seriously," it said.',
      'Hindustan Unilever reported record profits. The company said: "Our strong performance reflects the strength of our brands."',
    );
    expect(givenTo(a, 'We want the community')).toEqual([null]);
    expect(quoteOf(a, 'We take these allegations')).toBe('SARU');
    expect(quoteOf(a, 'Our strong performance')).not.toBe('SARU');
  });
});

describe('kinds of business stand for the one named', () => {
  it('"the carmaker said" after Volkswagen AG, "the central bank said" after the Reserve Bank of India', () => {
    const a = parse(
      'Volkswagen AG is recalling 10,000 employees. In a statement, the carmaker said: "We regret the impact on our workforce."',
      'The Reserve Bank of India kept rates unchanged. "Inflation remains a concern," the central bank said.',
    );
    expect(quoteOf(a, 'We regret the impact')).toBe('Volkswagen AG');
    expect(quoteOf(a, 'Inflation remains a concern')).toBe('Reserve Bank of India');
  });
});

describe('a name after a preposition and a noun for a person is not the subject', () => {
  it('"Harry Young, father of 16-year-old schoolgirl Jane Young, the other girl killed …, said" is the father', () => {
    const a = parse(
      'Harry Young, father of 16-year-old schoolgirl Jane Young, the other girl killed in the crash, said the wait had been torture.',
      'Moira Lane, mother of pupil Ben Lane, said: "We were never told about the fire."',
    );
    expect(givenTo(a, 'the wait had been torture')).toEqual(['Harry Young']);
    expect(quoteOf(a, 'We were never told')).toBe('Moira Lane');
  });

  it('an organisation of lower-case words before its officer is no preposition phrase: "Royal College of Nursing general secretary Pat Cullen"', () => {
    const a = parse('Royal College of Nursing general secretary Pat Cullen told Sky News the government was "true to its word".');
    expect(quoteOf(a, 'true to its word')).toBe('Pat Cullen');
  });
});

describe('titles and places that look like people', () => {
  it('"Mrs. Farrell" is not Richard Farrell: a given name tells the gender a title must fit', () => {
    const a = parse('Richard Farrell ran his first marathon.', '"He always wanted to do it, and now he has," Mrs. Farrell said.');
    expect(quoteOf(a, 'He always wanted')).not.toBe('Richard Farrell');
  });

  it('"Mt Everest" is a mountain, never the "he" of the next quotation', () => {
    const a = parse(
      '"The season ran well," Khem Raj Aryal, an official at the department, said. According to him, the department issued 375 permits for Mt Everest this spring. "There were 21 Nepali expedition members," he added.',
    );
    expect(quoteOf(a, 'There were 21 Nepali')).toBe('Khem Raj Aryal');
  });
});

describe('common nouns written in capitals', () => {
  it('"the CEO said", "said the CEO" name no one called CEO; "said the CEO, Jane Smith" is her; "the NGO said" is the rights group', () => {
    const a = parse(
      'Jane Smith, the chief executive of Acme, spoke on Monday. "We are growing," the CEO said. "We are hiring," said the CEO.',
      '"Sales doubled," said the CEO, Jane Smith.',
      'Human Rights Watch published its report. HRW says the government failed. "The council fell two votes short," the NGO said.',
    );
    expect(quoteOf(a, 'We are growing')).not.toBe('CEO');
    expect(quoteOf(a, 'We are hiring')).not.toBe('CEO');
    expect(quoteOf(a, 'Sales doubled')).toBe('Jane Smith');
    expect(quoteOf(a, 'The council fell')).toBe('HRW');
  });
});

describe("a plural possessive inside an organisation's name", () => {
  it('"the Cricketers’ Welfare Association of Bangladesh", "the Professional Footballers\' Association" are read whole', () => {
    const a = parse(
      '"We have informed the board," said the Cricketers’ Welfare Association of Bangladesh.',
      'The Professional Footballers\' Association said: "Players deserve better protection."',
    );
    expect(quoteOf(a, 'We have informed the board')).toBe('Cricketers’ Welfare Association of Bangladesh');
    expect(quoteOf(a, 'Players deserve better')).toBe("Professional Footballers' Association");
  });
});

describe('more frames of news copy', () => {
  it('"said ABC News Chief Health and Medical Editor, Dr. Richard Besser": the person after the comma, and "he" after', () => {
    const a = parse(
      '"This is pretty incredible," said ABC News Chief Health and Medical Editor, Dr. Richard Besser. "They had five patients," he said.',
    );
    expect(quoteOf(a, 'This is pretty incredible')).toBe('Richard Besser');
    expect(quoteOf(a, 'They had five patients')).toBe('Richard Besser');
  });

  it('"Wairarapa native Mrs Howell": a word no one is known by, before a noun and a titled person, is no second candidate for she', () => {
    const a = parse(
      'Linda Howell retired at the end of this term.',
      'Wairarapa native Mrs Howell arrived at the school in 1977.',
      'She said she had found careers guidance particularly rewarding.',
      '"I had one girl who wanted to be a beauty therapist."',
    );
    expect(givenTo(a, 'careers guidance')).toEqual(['Linda Howell']);
    expect(quoteOf(a, 'I had one girl')).toBe('Linda Howell');
  });

  it('"China Central Television reported", "the BBC reported": a newsroom speaks; "reported missing" and "It was reported" name no one', () => {
    const a = parse(
      '“Work has started,” China Central Television reported on Tuesday. “It is expected to help the villagers.”',
      'Acme Corp has closed. It was reported that the plant was "beyond repair for years".',
      'John Smith was reported missing. "We are very worried about him," his sister said.',
    );
    expect(quoteOf(a, 'Work has started')).toBe('China Central Television');
    expect(quoteOf(a, 'It is expected to help')).toBe('China Central Television');
    expect(givenTo(a, 'beyond repair')).toEqual([null]);
    expect(quoteOf(a, 'We are very worried')).toBeNull();
  });
});

describe('a word alone before the verb, and words inside a name', () => {
  it('"Unite said", "Linamar announced in July it planned": a capitalised word alone as the subject is a name; "Critics said", "Everyone said", "Staff said" stay no one', () => {
    const a = parse(
      'Workers met on Monday. Unite said workers were "devastated by the news".',
      'Linamar announced in July it planned to close the plant.',
      'Critics said the plan was "a disaster for the town".',
      'Everyone said the plan was "a waste of public money".',
      'The school closed. Staff said the building was "unsafe for the children".',
    );
    expect(quoteOf(a, 'devastated by the news')).toBe('Unite');
    expect(givenTo(a, 'it planned to close')).toEqual(['Linamar']);
    expect(givenTo(a, 'a disaster for the town')).toEqual([null]);
    expect(givenTo(a, 'a waste of public money')).toEqual([null]);
    expect(givenTo(a, 'unsafe for the children')).toEqual([null]);
  });

  it('"Lam said" after "Ronald Lam Siu-por", "García said" after "Gabriel García Márquez": a word inside one full name is that person', () => {
    const a = parse(
      'Airline CEO Ronald Lam Siu-por spoke on Thursday. "We will not cancel more flights," Lam said.',
      'Lam said there would be no new cancellations.',
      'The novelist Gabriel García Márquez spoke in 1982. "Writing is a lonely trade," García said.',
    );
    expect(quoteOf(a, 'We will not cancel')).toBe('Ronald Lam Siu-por');
    expect(givenTo(a, 'no new cancellations')).toEqual(['Ronald Lam Siu-por']);
    expect(quoteOf(a, 'Writing is a lonely trade')).toBe('Gabriel García Márquez');
  });
});

describe('long roles and dates before names', () => {
  it('"High Commissioner for Refugees Antonio Guterres told", "GM Chairwoman and CEO Mary Barra said": the person after the role', () => {
    const a = parse(
      '"We all have seen crises of this nature," High Commissioner for Refugees Antonio Guterres told reporters in Geneva.',
      '"The actions we are taking today continue our transformation," GM Chairwoman and CEO Mary Barra said in a statement.',
      '"We are growing," John Smith and Mary Barra said.',
    );
    expect(quoteOf(a, 'We all have seen crises')).toBe('Antonio Guterres');
    expect(quoteOf(a, 'The actions we are taking')).toBe('Mary Barra');
    expect(quoteOf(a, 'We are growing')).toBeNull();
  });

  it('"Nov. 26, 2018 (EIRNS)—General Motors announced today that …": a short month is a date, General Motors a company', () => {
    const a = parse(
      'Nov. 26, 2018 (EIRNS)—General Motors announced today that it will lay off 14,700 workers.',
      'Jan Smith said the plan was "a betrayal of the workforce".',
    );
    expect(givenTo(a, 'it will lay off')).toEqual(['General Motors']);
    expect(quoteOf(a, 'a betrayal of the workforce')).toBe('Jan Smith');
  });
});

describe('a carrier and its advisory', () => {
  it('"the budget carrier said" after "A Manila-bound Cebu Pacific flight"; "The carrier clarified that …", then "“…,” the advisory read"', () => {
    const a = parse(
      'A Manila-bound Cebu Pacific flight was cancelled on Monday, the budget carrier said.',
      'The carrier, however, clarified that the passengers were accommodated.',
      '“Affected passengers are being assisted by our ground personnel,” the advisory read.',
      '“Rest assured we are trying to resolve this situation.”',
      'Philippine carrier Cebu Pacific said all the affected passengers will be flown home tonight.',
    );
    expect(givenTo(a, 'was cancelled on Monday')).toEqual(['Cebu Pacific']);
    expect(quoteOf(a, 'Affected passengers')).toBe('Cebu Pacific');
    expect(quoteOf(a, 'Rest assured')).toBe('Cebu Pacific');
  });
});

describe('tails of quotations in wire copy', () => {
  it('"Mr Donaghue read", "Sonko shared on Twitter", "emphasized the Undersecretary of …, Juan Manuel Castelli"; "a statement read by police:" is no verb', () => {
    const a = parse(
      '"We offer that apology now," Mr Donaghue read.',
      '"I have just gotten to my residence," Sonko shared on Twitter.',
      '“Vaccination in adults is essential,” emphasized the Undersecretary of Health Strategies, Juan Manuel Castelli.',
      'Nowak\'s sister, Agnieszka Nowak, said in a statement read by police: "Our family has lost a son."',
      'He read the book on Monday.',
    );
    expect(quoteOf(a, 'We offer that apology')).toBe('Donaghue');
    expect(quoteOf(a, 'I have just gotten')).toBe('Sonko');
    expect(quoteOf(a, 'Vaccination in adults')).toBe('Juan Manuel Castelli');
    expect(quoteOf(a, 'Our family has lost')).toBe('Agnieszka Nowak');
    expect(givenTo(a, 'read the book')).toEqual([null]);
  });

  it('an appositive opening with an age, a role ending right before the verb, a description holding a possessive', () => {
    const a = parse(
      '“Heavy rains are being recorded,” Miriam Vargas, a 34-year-old mother, sitting in the dark with her two children, told AFP.',
      '“A rifle was also recovered,” Paul Udoto, KWS corporate Communication officer said.',
      '"We are fast running out of time," said the forecasting agency\'s top official, Celeste Saulo.',
    );
    expect(quoteOf(a, 'Heavy rains')).toBe('Miriam Vargas');
    expect(quoteOf(a, 'A rifle was also recovered')).toBe('Paul Udoto');
    expect(quoteOf(a, 'We are fast running out')).toBe('Celeste Saulo');
  });
});

describe('sources and nationalities before the speaker', () => {
  it('"According to a statement from X, the chief magistrate …, Gladys Kamasanyu, noted that “…”": the clause\'s own subject', () => {
    const a = parse(
      'According to a statement from the Uganda Wildlife Authority, the chief magistrate of the special wildlife court, Gladys Kamasanyu, noted in passing judgment that “offenses of unauthorized possession are common”.',
      'According to Fletcher, the brothers "smiled and shook my hand".',
    );
    expect(quoteOf(a, 'offenses of unauthorized')).toBe('Gladys Kamasanyu');
    expect(quoteOf(a, 'smiled and shook')).toBe('Fletcher');
  });

  it('"said Fijian prime minister Frank Bainimarama": a nationality, then the person with a lower-case role', () => {
    const a = parse('“We in the Pacific are innocent bystanders,” said Fijian prime minister Frank Bainimarama.');
    expect(quoteOf(a, 'We in the Pacific')).toBe('Frank Bainimarama');
  });
});

describe('numbers, quantities and postposed "general"', () => {
  it('"More than 1,680 people … were evacuated, said Norma Talosig, …" is hers, and so is "she told AFP" after it', () => {
    const a = parse(
      'More than 1,680 people in Cagayan have already been evacuated from coastal villages, said Norma Talosig, regional civil defence chief.',
      '"They have to evacuate to higher ground, not in their village," she told AFP.',
    );
    expect(givenTo(a, 'have already been evacuated')).toEqual(['Norma Talosig']);
    expect(quoteOf(a, 'They have to evacuate')).toBe('Norma Talosig');
  });

  it('"the director said" after "KWS Director General William Kiprono": "general" after an office is no head', () => {
    const a = parse(
      'According to KWS Director General William Kiprono, the park is no longer safe.',
      'Kiprono, however, admits that the park is under attack. “The location of the park has helped poachers,” the director said.',
    );
    expect(quoteOf(a, 'The location of the park')).toBe('William Kiprono');
  });
});

describe('abbreviated place words', () => {
  it('"Mt. Papandayan and Mt. Guntur" end no sentence and name no one: "he said" after them is Surono', () => {
    const a = parse(
      'Surono added that 16 other volcanoes were at alert status, "Waspada", including Mt. Papandayan and Mt. Guntur in West Java.',
      '"Locals have reported several quakes," he said.',
    );
    expect(quoteOf(a, 'Locals have reported')).toBe('Surono');
  });
});

describe('a closing mark that opens', () => {
  it('"According to him,” On Monday … cartridges.”": the paragraph\'s first mark, closing nothing, opens; "him" is the man just named', () => {
    const a = parse(
      'Also speaking, the Acting Chairman of the Volunteers, Prince Douye Koroye, confirmed that two suspects were arrested.',
      'According to him,” On Monday at about 5pm, two suspected armed robbers were arrested. They had two live cartridges.”',
    );
    expect(quoteOf(a, 'On Monday at about 5pm')).toBe('Douye Koroye');
  });
});

describe('descriptions right before the name after the verb', () => {
  it('"says an emotional Ms. Banet", "said the club captain John Smith", "an “over the moon” Mills said", "informed … spokesperson Lakshman Bhattarai"', () => {
    const a = parse(
      'For Denise Banet it was a mission. "I wanted to run because no one thought I could," says an emotional Ms. Banet, with tears rolling down her face.',
      '"We won the league at last," said the club captain John Smith.',
      'Rob Mills coaches the team. "That would have to be one of the best games," an "over the moon" Mills said.',
      '“The expedition was divided into two teams,” informed tourism ministry spokesperson Lakshman Bhattarai from the base camp.',
      '"He was a good man," said the boy Smith had hit.',
    );
    expect(quoteOf(a, 'I wanted to run')).toBe('Denise Banet');
    expect(quoteOf(a, 'We won the league')).toBe('John Smith');
    expect(quoteOf(a, 'That would have to be')).toBe('Rob Mills');
    expect(quoteOf(a, 'The expedition was divided')).toBe('Lakshman Bhattarai');
    expect(quoteOf(a, 'He was a good man')).toBeNull();
  });
});

describe('two quotations joined by a conjunction', () => {
  it('"“…,” but with “…,” Ribera told POLITICO": the first shares the attribution of the second', () => {
    const a = parse('“These are decisions that are not taken with passion,” but with “seriousness and evidence,” Ribera told POLITICO.');
    expect(quoteOf(a, 'These are decisions')).toBe('Ribera');
  });
});

describe('an opening mark that closes before a comma', () => {
  it('"… they are vaccinated “, emphasized the Undersecretary …, Juan Manuel Castelli": a mark right before a comma closes', () => {
    const a = parse(
      '“Vaccination in adults is essential. Travellers must make sure they are vaccinated “, emphasized the Undersecretary of Health Strategies, Juan Manuel Castelli.',
    );
    expect(quoteOf(a, 'Vaccination in adults')).toBe('Juan Manuel Castelli');
  });
});

describe('hyphenated offices', () => {
  it('"Vice-Chancellor Harlene Hayne" is a role and a person: "the vice-chancellor said" is her', () => {
    const a = parse('Vice-Chancellor Harlene Hayne spoke at the ceremony. "We are thrilled," the vice-chancellor said.');
    expect(quoteOf(a, 'We are thrilled')).toBe('Harlene Hayne');
  });
});

describe("an organisation's possessive in the role, and citing", () => {
  it('"Spencer Birns, Cardiff Airport\'s commercial director said:" is Birns; "Cathay called off 70 flights citing “…”" is Cathay Pacific', () => {
    const a = parse(
      'Spencer Birns, Cardiff Airport\'s commercial director said: "We are disappointed passengers have been inconvenienced."',
      'Cathay Pacific apologised on Friday. Cathay called off almost 70 flights during the holidays citing “higher-than-expected pilot absences caused by illness”.',
    );
    expect(quoteOf(a, 'We are disappointed')).toBe('Spencer Birns');
    expect(quoteOf(a, 'higher-than-expected')).toBe('Cathay Pacific');
  });
});

describe('accused of saying, and a dangling mark', () => {
  it('"Westerman accused Shirley Capp, 61, of saying that she was “going to be dead”" is Capp\'s; "He was accused of saying “…”" names no one', () => {
    const a = parse(
      'Marion Westerman, 36, accused Shirley Capp, 61, of saying that she was "going to be dead" because she was to give evidence.',
      'He was accused of saying "the vote was rigged by the government".',
    );
    expect(quoteOf(a, 'going to be dead')).toBe('Shirley Capp');
    expect(quoteOf(a, 'the vote was rigged')).toBeNull();
  });

  it('an opening mark ending the paragraph after a stop closes it: "… across Canada and the United States. “"', () => {
    const a = parse(
      'Heinz will close the Leamington plant, chief executive Michael Mullen said on Friday.',
      '“Heinz will continue to invest,” says Mullen. “Once this consolidation is complete, Heinz will employ 6,800 workers in Canada and the United States. “',
    );
    expect(quoteOf(a, 'Once this consolidation')).toBe('Michael Mullen');
  });
});

describe('an organisation shortened after it was named in full', () => {
  it('"the Fundar Center said" after "The Fundar Center for Analysis and Research" is that organisation, not a second one', () => {
    const a = parse('The Fundar Center for Analysis and Research represents the residents. The hearing was postponed, the Fundar Center said.');
    expect(givenTo(a, 'The hearing was postponed')).toEqual(['Fundar Center for Analysis and Research']);
  });
});

describe('what the article calls an organisation', () => {
  it('"the company" is never the police: a noun for a business does not stand for a public body', () => {
    const a = parse(
      'Police said a 34-year-old man had been arrested.',
      'According to the company, the recall affects "about 40,000 vehicles sold since March".',
    );
    expect(givenTo(a, 'about 40,000 vehicles')).not.toContain('Police');
  });

  it('"the agency said" after "the United Nations refugee agency, UNHCR,"; "the college said" after "the Royal College of Nursing"', () => {
    const a = parse(
      'The United Nations refugee agency, UNHCR, said the numbers were "the highest we have recorded in a decade". The agency warned that "funding is running out fast".',
      'The Royal College of Nursing welcomed the move. "This is a good first step, but only a first step," the college said in a statement.',
    );
    expect(givenTo(a, 'the highest we have recorded')).toEqual(['UNHCR', 'UNHCR']);
    expect(quoteOf(a, 'funding is running out')).toBe('UNHCR');
    expect(quoteOf(a, 'This is a good first step')).toBe('Royal College of Nursing');
  });

  it('"WHO Director-General Tedros Adhanom said": an acronym in capitals before a capitalised word is no pronoun', () => {
    const a = parse('“We must all act together to limit further spread,” WHO Director-General Tedros Adhanom Ghebreyesus said in a news conference.');
    expect(quoteOf(a, 'We must all act together')).toBe('Tedros Adhanom Ghebreyesus');
  });

  it('a name after a preposition of place before the verb is where the subject is, not the subject', () => {
    const a = parse(
      'The World Health Organization (WHO) in Geneva declared the outbreak "a public health emergency of international concern".',
      'Officials in Washington said the talks had "gone nowhere for months now".',
    );
    expect(givenTo(a, 'a public health emergency')).not.toContain('Geneva');
    expect(givenTo(a, 'gone nowhere for months')).not.toContain('Washington');
  });
});

describe('he or she after a phrase naming someone else', () => {
  it('"In a swipe at Trump, he added:" is not Trump; after "talks with Putin", "he" is the one who met him', () => {
    const a = parse(
      '"Tremendous progress has been made," Donald Trump told a press conference.',
      '"It has been amazing to see the level of spirit in that room."',
      'In an apparent swipe at Trump, he added: "Sometimes the corridors and tweets take on more importance than what is negotiated."',
      'French President Emmanuel Macron met Vladimir Putin on Monday.',
      'After two hours of talks with Putin, he said: "We agreed on almost nothing today."',
    );
    expect(quoteOf(a, 'Sometimes the corridors')).toBeNull();
    expect(quoteOf(a, 'We agreed on almost nothing')).toBe('Emmanuel Macron');
  });
});

describe('family names first, and offices written short', () => {
  it('"He Shiyou, ZTE\'s executive vice-president, said": "He" before a capitalised word is a family name, and "he" later is still a pronoun', () => {
    const a = parse(
      "He Shiyou, ZTE's executive vice-president, said the launch marked successful cooperation with Intel.",
      'He said the company had "no security problems at all".',
    );
    expect(givenTo(a, 'the launch marked')).toEqual(['He Shiyou']);
    expect(givenTo(a, 'no security problems at all')).toContain('He Shiyou');
  });

  it('"the CEO", "the company’s CEO" and "Pfizer’s CEO" are the chief executive officer named before', () => {
    const a = parse(
      'On Thursday, chief executive officer of biopharmaceutical company Pfizer, Albert Bourla, said results could come by October.',
      '“October is coming,” the drugmaker company’s CEO said.',
      '“We are ready,” the CEO said.',
      '“We will be very ready,” Pfizer’s CEO said.',
    );
    expect(quoteOf(a, 'October is coming')).toBe('Albert Bourla');
    expect(quoteOf(a, 'We are ready')).toBe('Albert Bourla');
    expect(quoteOf(a, 'We will be very ready')).toBe('Albert Bourla');
  });
});

describe('an unnamed spokesperson after an opening phrase', () => {
  it('"In a statement to FOX Business, a spokesperson for Google said" makes nobody a spokesperson: "the spokesperson said" is nobody named', () => {
    const a = parse(
      'In a statement to FOX Business, a spokesperson for Google said it continues to work with regulators.',
      '“Google services help people every day,” the spokesperson said.',
      'Mary Jones, a spokesperson for Oxfam, said the aid was late. "We need access now," the spokesperson said.',
    );
    expect(quoteOf(a, 'Google services help')).toBeNull();
    expect(quoteOf(a, 'We need access now')).toBe('Mary Jones');
  });
});

describe('subjects described, and roles without an article', () => {
  it('"The usually somber Yar\'Adua, though, allowed only a tight smile and said:" is Yar\'Adua', () => {
    const a = parse(
      'Umaru Yar\'Adua was declared the winner. The usually somber Yar\'Adua, though, allowed only a tight smile and said: "I did because my party is strong."',
    );
    expect(quoteOf(a, 'I did because my party')).toBe("Umaru Yar'Adua");
  });

  it('"“…,” the WHO’s Soumya Swaminathan told a news conference": an organisation’s possessive after "the" leads the subject', () => {
    const a = parse('"It was disappointing to see the results from CureVac," the WHO\'s Soumya Swaminathan told a news conference.');
    expect(quoteOf(a, 'It was disappointing')).toBe('Soumya Swaminathan');
  });

  it('"Jerome Powell, president of the Fed and Kazuo Ueda, …": "the Fed leader" is Powell; "“…” to come down, he defended." is a tail', () => {
    const a = parse(
      'At the forum, Andrew Bailey, governor of the Bank of England, Jerome Powell, president of the Fed and Kazuo Ueda, governor of the Bank of Japan, were cautious.',
      'Powell set an estimate for 2025.',
      '“If we look at the inflation estimates, we have consistently said that it will take a long time” to come down to the desired levels, he defended.',
      '“Inflation has proven to be more persistent and not less,” the Fed leader said.',
    );
    expect(quoteOf(a, 'If we look at the inflation')).toBe('Jerome Powell');
    expect(quoteOf(a, 'Inflation has proven')).toBe('Jerome Powell');
  });

  it('a weak verb of saying does not reach a quotation past its sentence’s end ("Smith read books every day. “…,” his wife said")', () => {
    const a = parse('Ann Smith read books every day. "I love it," her husband said.');
    expect(givenTo(a, 'Ann Smith read books')).toEqual([null]);
  });
});

describe('partial quotations in longer sentences', () => {
  it('"He did, however, say that …", "Smith could say only that …": an auxiliary between the subject and "say"', () => {
    const a = parse(
      'Donald Trump said NATO leaders agreed to a boost.',
      'He did, however, say that he was leaving the summit with "a little bit different" view of NATO.',
      'Ann Smith could say only that the plan was "a work in progress right now".',
    );
    expect(quoteOf(a, 'a little bit different')).toBe('Donald Trump');
    expect(quoteOf(a, 'a work in progress')).toBe('Ann Smith');
  });

  it('"…, Peskov noted, arguing that … “…”": a participle after a parenthetical attribution is its speaker\'s', () => {
    const a = parse(
      'Kremlin spokesman Dmitry Peskov spoke on Sunday.',
      'It is preferable for Moscow to fulfil its goals through diplomatic means, Peskov noted, arguing that Russia acts “in conditions when these means have become impossible.”',
    );
    expect(quoteOf(a, 'in conditions when')).toBe('Dmitry Peskov');
  });

  it('"described the future of … after the end of the ongoing armed conflict in Ukraine as “…”": however long the object', () => {
    const a = parse(
      'Kremlin spokesman Dmitry Peskov described the future of Moscow-Kyiv relations after the end of the ongoing armed conflict in Ukraine as “too theoretical a question right now.”',
    );
    expect(quoteOf(a, 'too theoretical')).toBe('Dmitry Peskov');
  });

  it('"Comparing the number of people … eight years ago, he said that “…”": a long participle phrase names no one', () => {
    const a = parse(
      '“One step before famine affected over 26 million people,” said Dominique Burgeon. Comparing the number of people facing catastrophic conditions in 2023 with the situation eight years ago, he said that “the total population in catastrophe was more than four times higher” than in 2016.',
    );
    expect(quoteOf(a, 'the total population')).toBe('Dominique Burgeon');
  });
});

describe('he or she, and a party qualifying a role', () => {
  it('"He told GMTV: “I honestly don’t think Gordon Brown is …”": he is not the one the quotation names, also before a colon', () => {
    const a = parse(
      'Labour leader Gordon Brown spoke on Monday.',
      'Another close ally of Mr Brown, Children, Schools and Families Secretary Ed Balls, also played down talk of a snap early election.',
      'He told GMTV Sunday programme: "I honestly do not think Gordon Brown is sitting each day thinking about it."',
    );
    expect(quoteOf(a, 'I honestly do not think')).toBe('Ed Balls');
  });

  it('"Conservative leader David Cameron" is "the Conservative leader" later; "Sambit Patra … at Congress leader Rahul Gandhi" keeps both', () => {
    const a = parse(
      'Conservative leader David Cameron said Brown had shown “great weakness and indecision.”',
      'Cameron had challenged Brown to end uncertainty.',
      '“The reason the prime minister has cancelled this election is that we are making the arguments,” the Conservative leader said.',
      'Sambit Patra lashed out at Congress leader Rahul Gandhi. “This is a disgrace to the whole party,” Patra said.',
    );
    expect(quoteOf(a, 'The reason the prime minister')).toBe('David Cameron');
    expect(quoteOf(a, 'This is a disgrace')).toBe('Sambit Patra');
  });

  it('a closing mark glued to the word after a stop opens the paragraph’s first quotation ("… power.”I’ll believe my own eyes …,” she told")', () => {
    const a = parse(
      'The main opposition candidate rejected the official results and her team vowed to stay.”I’ll believe my own eyes – the majority was for us,” Svetlana Tikhanovskaya told reporters.',
    );
    expect(quoteOf(a, 'I’ll believe my own eyes')).toBe('Svetlana Tikhanovskaya');
  });
});

describe('a police chief, a source opening the sentence, and a person’s initials', () => {
  it('"X in a statement on Wednesday night, said"; "the acting police boss said" is the Acting Inspector General of Police', () => {
    const a = parse(
      'Acting Inspector General of Police Douglas Kanja in a statement on Wednesday night, said they decided to ban protests.',
      'The acting police boss said they had information that criminals had infiltrated the protests.',
      '“In keeping with our Constitutional role, we wish to inform the public that no demonstrations will be permitted.”',
    );
    expect(givenTo(a, 'Acting Inspector General')).toEqual(['Douglas Kanja']);
    expect(givenTo(a, 'The acting police boss')).toEqual(['Douglas Kanja']);
    expect(quoteOf(a, 'In keeping with our')).toBe('Douglas Kanja');
  });

  it('"UPND leader, Hakainde Hichilema (HH),": initials make no organisation; "According to Hichilema, …" reports his words and "He said:" is him', () => {
    const a = parse(
      'UPND leader, Hakainde Hichilema (HH), took to his Facebook page to praise the people of Malawi.',
      'According to Hichilema, the Malawian Judiciary has shown the world that there are still men and women that can stand tall.',
      'He said: "The Malawian Judiciary has proved that laws can be applied evenly."',
    );
    expect(givenTo(a, 'According to Hichilema')).toEqual(['Hakainde Hichilema']);
    expect(quoteOf(a, 'The Malawian Judiciary has proved')).toBe('Hakainde Hichilema');
  });
});

describe('an office of a body before a name, and its initials', () => {
  it('"Deputy Superintendent of Police Madhav Prasad Kafle said" is Kafle, and "the DSP informed" later is him', () => {
    const a = parse(
      '“We will use a helicopter to rescue the families,” Deputy Superintendent of Police Madhav Prasad Kafle said.',
      '“The 15 survivors that were able to make their way out have been transported to Lapsechaur,” the DSP informed.',
    );
    expect(quoteOf(a, 'We will use a helicopter')).toBe('Madhav Prasad Kafle');
    expect(quoteOf(a, 'The 15 survivors')).toBe('Madhav Prasad Kafle');
  });
});

describe('he or she between a marked person and unmarked capitalised words', () => {
  it('"Green MSP Ross Greer … has asked for a meeting with Citybus bosses. He said: “…”" is Greer', () => {
    const a = parse(
      'Glasgow Citybus withdrew the service this month.',
      'The Herald reported last week that local Green MSP Ross Greer, who uses the bus himself, has asked for an urgent meeting with Citybus bosses.',
      'He said: “For as long as our buses are run for profit by private companies, this will continue to happen.”',
    );
    expect(quoteOf(a, 'For as long as our buses')).toBe('Ross Greer');
  });
});

describe('roles holding a place, and a description left unclosed', () => {
  it('"said Nairobi police boss Benson Kibue"; "the acting police commander in East Sepik province, James Baugen, told"', () => {
    const a = parse(
      '“We will not allow them to hold the demo in the city,” said Nairobi police boss Benson Kibue.',
      '“It was a very terrible thing, I saw that there were children, men, women,” the acting police commander in East Sepik province, James Baugen, told Australian Broadcasting Corp. on Friday.',
    );
    expect(quoteOf(a, 'We will not allow them')).toBe('Benson Kibue');
    expect(quoteOf(a, 'It was a very terrible thing')).toBe('James Baugen');
  });

  it('"Matthew Brincat, a Pembroke resident who addressed the demonstration said": the description’s closing comma left out', () => {
    const a = parse(
      '“When will you finally show us some respect? We’re not idiots,” Matthew Brincat, a Pembroke resident who addressed the demonstration said of politicians.',
    );
    expect(quoteOf(a, 'When will you finally')).toBe('Matthew Brincat');
    expect(quoteOf(a, 'We’re not idiots')).toBe('Matthew Brincat');
  });
});

describe('a quotation paragraph whose full stop was left out', () => {
  it('"“Lest we forget, …,” said Chamisa" with no stop is a paragraph of the story, not a section heading: its words are quoted', () => {
    const a = parse(
      'Opposition leader Nelson Chamisa urged SADC to draw lessons from Malawi.',
      '“For too long our continent has been plagued by the scourge of unfair elections.',
      '“Lest we forget, we here in Zimbabwe have an outstanding matter – the legitimacy of the rigged 2018 election,” said Chamisa',
      'Chamisa said SADC needed renewal.',
    );
    expect(quoteOf(a, 'Lest we forget')).toBe('Nelson Chamisa');
    expect(a.paragraphs.map((p) => p.section)).toEqual([null, null, null, null]);
  });
});

describe('a role with its name in apposition, and calling on someone', () => {
  it('"The Ashanti Regional Director of Health, Dr. Emmanuel Tinkorang" is one person for he; "he called on government to …" reports his words', () => {
    const a = parse(
      'The Ashanti Regional Director of Health, Dr. Emmanuel Tinkorang is urging government to recruit nurses.',
      'Speaking at the launch of the Nurses week, he called on government to take pragmatic steps in recruiting nurses.',
      '“Why would we be crying for shortage of nurses while we have nurses staying in the house after school for over 4 years?”',
    );
    expect(givenTo(a, 'Speaking at the launch')).toEqual(['Emmanuel Tinkorang']);
    expect(quoteOf(a, 'Why would we be crying')).toBe('Emmanuel Tinkorang');
  });
});

describe('one office, two names', () => {
  it('"the press secretary of the Russian president" is "Kremlin spokesman Dmitry Peskov"; "the spokeswoman" is no spokesman; "a spokesman for the president" is nobody named', () => {
    const a = parse(
      'Statements about negotiations are unrealistic, Kremlin spokesman Dmitry Peskov said.',
      '"No, it is absolutely unrealistic," the press secretary of the Russian president said during a briefing.',
      '"We will see what happens next," the spokeswoman said.',
      '"There is no way this happens," a spokesman for the Russian president said.',
    );
    expect(quoteOf(a, 'No, it is absolutely')).toBe('Dmitry Peskov');
    expect(quoteOf(a, 'We will see what')).toBeNull();
    expect(quoteOf(a, 'There is no way')).toBeNull();
  });
});

describe('things that are not people, and nouns that look like verbs', () => {
  it('"the Galaxy S5" is never he; "even making jokes at times" is no verb of saying', () => {
    const a = parse(
      'After the dismal sales of its predecessor, the Galaxy S5, there was speculation that Shin Jong-kyun would be relocated.',
      'Shin managed to retain his position.',
      'Compared to his previous presentations, he seemed more relaxed, even making jokes at times. Referring to his English fluency, he joked: “My mother tongue is engineering.”',
    );
    expect(quoteOf(a, 'My mother tongue')).toBe('Shin Jong-kyun');
    expect(givenTo(a, 'Compared to his previous')).toEqual([null]);
  });
});

describe('an expert and their affiliation', () => {
  it('"Dr Jane Smith, Climate Dynamics Group, University of Oxford, said:" is Jane Smith, never the group', () => {
    const a = parse(
      'Dr Jane Smith, Climate Dynamics Group, University of Oxford, said:',
      '“Global temperatures are rising almost exactly as we predicted they would.”',
      'Dr Myles Allen, Climate Dynamics Group /, University of Oxford, said:',
      '“No one likes to say ‘I told you so’, but these figures come as no surprise.”',
    );
    expect(quoteOf(a, 'Global temperatures are rising')).toBe('Jane Smith');
    expect(quoteOf(a, 'No one likes to say')).toBe('Myles Allen');
  });
});

describe('a description that names a sex', () => {
  it('"the 45-year-old mother of three said" is never Wes Streeting, and is Mary Jones after her', () => {
    const a = parse(
      'Speaking to the BBC, Health Secretary Wes Streeting said the plan was “not good enough for patients”.',
      '“We have done everything we could,” the 45-year-old mother of three said.',
      'Mary Jones spoke to us. “We have done everything we can,” the 45-year-old mother of three said.',
    );
    expect(quoteOf(a, 'We have done everything we could')).toBeNull();
    expect(quoteOf(a, 'We have done everything we can')).toBe('Mary Jones');
  });
});

describe('a kind of business after a paragraph that names another body', () => {
  it('"Tesla did not respond to a request for comment. The carmaker has said …" is never the rights group of the paragraph before', () => {
    const a = parse(
      'Amnesty International condemned the ruling. “This is a dark day for justice,” the rights group said.',
      'Tesla did not respond to a request for comment. The carmaker has previously said its cars are “the safest on the road”.',
      'Carmaker Voss Motoren AG said on Tuesday it would cut jobs.',
      '“The decision was not taken lightly,” the company said in a statement.',
    );
    expect(givenTo(a, 'the safest on the road')).not.toContain('Amnesty International');
    expect(quoteOf(a, 'The decision was not taken')).toBe('Voss Motoren AG');
  });
});

describe('seats of government speak for it', () => {
  it('"the White House said", "Downing Street said" are speakers; "Staff at the White House said" names no one; "Dodds of Time Magazine" still speaks', () => {
    const a = parse(
      '“We agreed to work together,” the White House said.',
      'Downing Street said it was “deeply concerned by the reports”.',
      'Staff at the White House said the mood was “tense all week long”.',
      'Dodds of Time Magazine points out that it was “a disaster from the start”.',
    );
    expect(quoteOf(a, 'We agreed to work')).toBe('White House');
    expect(quoteOf(a, 'deeply concerned')).toBe('Downing Street');
    expect(givenTo(a, 'tense all week long')).not.toContain('Staff');
    expect(quoteOf(a, 'a disaster from the start')).toBe('Dodds');
  });
});

describe('a single name followed by "who"', () => {
  it('"Smith, who won gold in 2012, was emotional. “…,” she said" is Smith; "Critics, who …" is nobody she could be', () => {
    const a = parse(
      'Smith, who won gold in 2012, was emotional. "I never thought I would be back here," she said, wiping away tears.',
      'Critics, who had warned about the plan, were angry. "We told you so," she said.',
    );
    expect(quoteOf(a, 'I never thought')).toBe('Smith');
    expect(quoteOf(a, 'We told you so')).not.toBe('Critics');
  });
});

describe('an organisation, then a qualified noun for its kind', () => {
  it('"“…,” the 118-strong EU observer team said" is the EU; "the BBC news release said" still is the BBC', () => {
    const a = parse(
      '"The elections were marred by serious irregularities and fraud," the 118-strong EU observer team said.',
      '"The programme will return next week," the BBC news release said.',
    );
    expect(quoteOf(a, 'The elections were marred')).toBe('EU');
    expect(quoteOf(a, 'The programme will return')).toBe('BBC');
  });
});
