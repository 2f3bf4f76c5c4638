/**
 * /verify's language data: which written forms are the same words, and which words change what a
 * cut-out stretch of a sentence asserts. Every list /verify uses lives here (English only, as the
 * sources are), hand-written from standard usage guides; the rules that apply them are elsewhere.
 */

/**
 * Contractions and their full forms: "don't" and "do not" are the same words. Keys are the
 * contraction lowercased with a straight apostrophe. `'s` and `'d` after a pronoun are read in
 * `expansionOf` (is/has, would/had depend on the next word).
 */
const CONTRACTIONS = new Map<string, string[]>(
  Object.entries({
    "don't": ['do', 'not'],
    "doesn't": ['does', 'not'],
    "didn't": ['did', 'not'],
    "can't": ['can', 'not'],
    cannot: ['can', 'not'],
    "couldn't": ['could', 'not'],
    "won't": ['will', 'not'],
    "wouldn't": ['would', 'not'],
    "shan't": ['shall', 'not'],
    "shouldn't": ['should', 'not'],
    "mustn't": ['must', 'not'],
    "needn't": ['need', 'not'],
    "mightn't": ['might', 'not'],
    "isn't": ['is', 'not'],
    "aren't": ['are', 'not'],
    "wasn't": ['was', 'not'],
    "weren't": ['were', 'not'],
    "hasn't": ['has', 'not'],
    "haven't": ['have', 'not'],
    "hadn't": ['had', 'not'],
    "ain't": ['am', 'not'],
    "i'm": ['i', 'am'],
    "you're": ['you', 'are'],
    "we're": ['we', 'are'],
    "they're": ['they', 'are'],
    "i've": ['i', 'have'],
    "you've": ['you', 'have'],
    "we've": ['we', 'have'],
    "they've": ['they', 'have'],
    "i'll": ['i', 'will'],
    "you'll": ['you', 'will'],
    "he'll": ['he', 'will'],
    "she'll": ['she', 'will'],
    "it'll": ['it', 'will'],
    "we'll": ['we', 'will'],
    "they'll": ['they', 'will'],
    "that'll": ['that', 'will'],
    "there'll": ['there', 'will'],
    "let's": ['let', 'us'],
  }),
);

/** Pronouns and question words whose `'s` is "is" or "has" (a noun's `'s` is a possessive, not a contraction). */
const S_CONTRACTS = new Set(['it', 'he', 'she', 'that', 'there', 'here', 'what', 'who', 'where', 'how', 'when', 'why', 'this']);
/** Pronouns whose `'d` is "would" or "had". */
const D_CONTRACTS = new Set(['i', 'you', 'he', 'she', 'it', 'we', 'they', 'that', 'there', 'who']);
/** After `'s` or `'d`, these words make it "has"/"had" ("it's been", "we'd better"): a past participle follows. */
const PERFECT = /^(?:been|got|gotten|had|done|made|seen|taken|given|better|(?!need)[a-z]{2,}ed)$/;

/** The words a contraction stands for, or null when the word is not one. `next` is the following word, lowercased. */
export function expansionOf(lower: string, next: string | undefined): string[] | null {
  const word = lower.replace(/\u2019/g, "'");
  const listed = CONTRACTIONS.get(word);
  if (listed) return listed;
  const m = /^([a-z]+)'([sd])$/.exec(word);
  if (!m) return null;
  const [, head, tail] = m as unknown as [string, string, string];
  const perfect = next !== undefined && PERFECT.test(next);
  if (tail === 's' && S_CONTRACTS.has(head)) return [head, perfect ? 'has' : 'is'];
  if (tail === 'd' && D_CONTRACTS.has(head)) return [head, perfect ? 'had' : 'would'];
  return null;
}

/**
 * British and American spellings that no rule below covers. Each pair maps to one spelling
 * (the American one) so either side compares equal.
 */
const SPELLINGS = new Map<string, string>(
  Object.entries({
    defence: 'defense',
    offence: 'offense',
    licence: 'license',
    pretence: 'pretense',
    centre: 'center',
    centres: 'centers',
    theatre: 'theater',
    metre: 'meter',
    metres: 'meters',
    litre: 'liter',
    fibre: 'fiber',
    programme: 'program',
    programmes: 'programs',
    grey: 'gray',
    judgement: 'judgment',
    ageing: 'aging',
    travelled: 'traveled',
    travelling: 'traveling',
    cancelled: 'canceled',
    labelled: 'labeled',
    modelling: 'modeling',
    fuelled: 'fueled',
    signalled: 'signaled',
    levelled: 'leveled',
    counselling: 'counseling',
    marvellous: 'marvelous',
    jewellery: 'jewelry',
    fulfil: 'fulfill',
    enrol: 'enroll',
    skilful: 'skillful',
    instalment: 'installment',
    dialogue: 'dialog',
    catalogue: 'catalog',
    manoeuvre: 'maneuver',
    sceptical: 'skeptical',
    cheque: 'check',
    tyre: 'tire',
    plough: 'plow',
    aluminium: 'aluminum',
  }),
);

/**
 * Spelling rules that are safe on real words: -ise/-ize (with -isation), -yse/-yze, and -our/-or on
 * words of six letters or more ("behaviour", "neighbours"; "four" and "tour" are left alone).
 */
const IZE = /^([a-z]{3,})is(e|es|ed|ing|ation|ations|er|ers)$/;
const YZE = /^([a-z]{3,})ys(e|es|ed|ing)$/;
const OUR = /^([a-z]{3,})our(s|ed|ing|ite|ites|able|ably|hood|hoods|ful|less)?$/;
/** -ise words that are not -ize words in either spelling ("rise", "wise", "promise", "exercise" …). */
const IZE_EXCEPT =
  /(?:^ris|^wis|^pris|^vis|^dis|^arise|advert|adv|compr|desp|devis|disgu|enterpr|excis|exerc|franch|improv|merchand|prem|prom|revis|superv|surpr|telev|comprom|precis|concis|circumc|incis|otherw|likew|clockw|expert|chastis|paradis|treatis|mortis)/;

/** Digits for number words: "six" and "6" are the same number, written differently (shown, not a change). */
const NUMBERS = new Map<string, string>(
  Object.entries({
    zero: '0',
    one: '1',
    two: '2',
    three: '3',
    four: '4',
    five: '5',
    six: '6',
    seven: '7',
    eight: '8',
    nine: '9',
    ten: '10',
    eleven: '11',
    twelve: '12',
    thirteen: '13',
    fourteen: '14',
    fifteen: '15',
    sixteen: '16',
    seventeen: '17',
    eighteen: '18',
    nineteen: '19',
    twenty: '20',
    thirty: '30',
    forty: '40',
    fifty: '50',
    sixty: '60',
    seventy: '70',
    eighty: '80',
    ninety: '90',
    hundred: '100',
    thousand: '1000',
    first: '1st',
    second: '2nd',
    third: '3rd',
    fourth: '4th',
    fifth: '5th',
    sixth: '6th',
    seventh: '7th',
    eighth: '8th',
    ninth: '9th',
    tenth: '10th',
  }),
);

/** The key a folded word is compared by: one spelling, one way of writing a number. */
export function keyOf(norm: string): string {
  const n = NUMBERS.get(norm);
  if (n) return n;
  const listed = SPELLINGS.get(norm);
  if (listed) return listed;
  if (norm.length < 6) return norm;
  // (A substring test first: keyOf runs on every word of every passage /verify aligns.)
  let m = norm.includes('is') ? IZE.exec(norm) : null;
  if (m && !IZE_EXCEPT.test(norm)) return `${m[1]}iz${m[2]}`;
  m = norm.includes('ys') ? YZE.exec(norm) : null;
  if (m) return `${m[1]}yz${m[2]}`;
  m = norm.includes('our') ? OUR.exec(norm) : null;
  if (m) return `${m[1]}or${m[2] ?? ''}`;
  return norm;
}

/** A number word or figure (its key is made of digits): "six"/"6" is a number written differently. */
export function isNumberKey(key: string): boolean {
  return /^\d+(?:st|nd|rd|th)?$/.test(key);
}

/**
 * Negations: a left-out one reverses what the cut-out words assert ("We don't regard China as an
 * adversary" → "regard China as an adversary"). Words ending in n't are negations too.
 */
export const NEGATIONS = new Set(['not', 'no', 'never', 'nor', 'neither', 'none', 'nobody', 'nothing', 'nowhere', 'cannot', 'without']);

/** "not only …", "not just …": a negation word that does not reverse what follows. */
export const NOT_REVERSING = new Set(['only', 'just', 'merely', 'simply', 'least', 'to', 'even']);

/** Conditions: "We will act" is not what "We will act only if attacked" asserts. Longer phrases first: the first found is named. */
export const CONDITIONS = [
  'only when',
  'only if',
  'provided that',
  'providing that',
  'as long as',
  'so long as',
  'on condition that',
  'in case',
  'if',
  'unless',
];

/** Contrasts and concessions that qualify the clause beside them ("X, but Y"; "although X, Y"). Longer phrases first. */
export const CONTRASTS = ['even though', 'even if', 'but', 'although', 'though', 'whereas', 'yet', 'however', 'except'];

/** Verbs that report what someone else says or thinks ("critics say that …"). */
export const REPORTING = new Set([
  'say',
  'says',
  'said',
  'claim',
  'claims',
  'claimed',
  'argue',
  'argues',
  'argued',
  'suggest',
  'suggests',
  'suggested',
  'believe',
  'believes',
  'believed',
  'think',
  'thinks',
  'thought',
  'allege',
  'alleges',
  'alleged',
  'assert',
  'asserts',
  'asserted',
  'insist',
  'insists',
  'insisted',
  'pretend',
  'pretends',
  'pretended',
  'told',
  'tell',
  'tells',
  'assume',
  'assumes',
  'assumed',
]);

/** Subjects whose own saying is the speaker's own lead-in ("As I said, …", "we believe …"): harmless. */
export const OWN_VOICE = new Set(['i', 'we', 'let', 'me', 'us']);

/** Judgements that turn "to say X" into "X is not so" ("it would be wrong to say …", "it is a myth that …"). */
export const DISMISSALS = new Set([
  'wrong',
  'false',
  'mistake',
  'mistaken',
  'myth',
  'nonsense',
  'absurd',
  'untrue',
  'naive',
  'ridiculous',
  'lie',
  'fiction',
  'misleading',
  'error',
]);
