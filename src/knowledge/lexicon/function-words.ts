/**
 * Capitalised words that are not names by themselves: sentence-opening function words, pronouns,
 * days and months, numbers. Some are also given names or surnames (May, June, Will): the names
 * module lets those stand inside a name ("Brian May", "Will Ferrell"); see NAME_CAPABLE there.
 */

import { INVERTED } from './speech-verbs.js';
import { MONTHS, WEEKDAYS } from './time-words.js';

/** Capitalised words that are never part of a person's name. */
export const NOT_NAME = new Set([
  'the',
  'a',
  'an',
  'in',
  'on',
  'at',
  'after',
  'before',
  'as',
  'but',
  'and',
  'or',
  'so',
  'if',
  'when',
  'while',
  'since',
  'despite',
  'regarding',
  'according',
  'during',
  'following',
  'upon',
  'for',
  'from',
  'with',
  'without',
  'this',
  'that',
  'these',
  'those',
  'it',
  'he',
  'she',
  'they',
  'we',
  'i',
  'you',
  'his',
  'her',
  'their',
  'our',
  'its',
  'my',
  'your',
  'then',
  'however',
  'also',
  'eventually',
  'afterwards',
  'today',
  'yesterday',
  'tomorrow',
  'tonight',
  ...WEEKDAYS,
  ...MONTHS,
  'just',
  'there',
  'here',
  'what',
  'which',
  'who',
  'why',
  'how',
  'where',
  'yes',
  'no',
  'not',
  'all',
  'some',
  'many',
  'most',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'by',
  'to',
  'of',
  'is',
  'was',
  'are',
  'were',
  'has',
  'had',
  'have',
  'do',
  'did',
  'does',
  'will',
  'would',
  'can',
  'could',
  'should',
  'may',
  'might',
  'must',
  'although',
  'though',
  'because',
  'unless',
  'until',
  'once',
  'now',
  'still',
  'even',
  'only',
  'other',
  'another',
  'each',
  'every',
  'both',
  'either',
  'neither',
  // Indefinite pronouns: "Everyone said …" names no one.
  'everyone',
  'everybody',
  'someone',
  'somebody',
  'anyone',
  'anybody',
  'nobody',
  'none',
  'such',
  'like',
  'meanwhile',
  'earlier',
  'later',
  'previously',
  'currently',
  'recently',
  'internationally',
  'nationally',
  'overall',
  'dear',
  'thank',
  'thanks',
  'please',
  'well',
  'oh',
  'ok',
  'okay',
  'mother',
  'father',
  'god',
  // A verb of saying opening an inverted attribution ("Added Joyce, “…”", "Wrote Marr on
  // Instagram"); not "Said", also a surname (Edward Said).
  ...[...INVERTED].filter((v) => !/^(?:said|says|read|reads)$/.test(v)),
]);

/**
 * The closed-class words of NOT_NAME (articles, prepositions, pronouns, conjunctions, auxiliaries):
 * never a surname. The other words of NOT_NAME (months, days, adverbs, "Dear") can be one after a
 * given name: "Angela March", "Catie Monday", "Brian Dear".
 */
export const CLOSED_CLASS = new Set(
  `the a an in on at after before as but and or so if when while since for from with without by to of this that these those
it he she they we i you his her their our its my your is was are were has had have do did does would could should might must
which who what why how where there here then not no yes`.split(/\s+/),
);

/**
 * Words of NOT_NAME that, capitalised right after a name word, end the name of a publication or a
 * channel ("USA Today", "Russia Today", "Psychology Today") rather than start a new sentence part.
 */
export const NAME_TAILS = new Set(['today']);

/**
 * Past participles not ending in -ed, for the participle clauses that open a sentence ("Built for a
 * ten-year job in space, IRNSS-1I is …", "Born in Leeds, she …"): the clause's word is no one.
 */
export const IRREGULAR_PARTICIPLES = `built made born known taken given seen held led set brought bought caught taught thought told
sold written driven shown drawn grown thrown flown chosen frozen stolen spoken hidden beaten broken forgotten worn torn sworn
begun struck stuck won shot fed met kept left lost meant sent spent lent bent felt dealt heard paid laid found bound wound
ground hung dug spun sprung swum sung rung sunk shrunk slung stung swung understood withdrawn overseen overtaken undertaken`.split(/\s+/);
