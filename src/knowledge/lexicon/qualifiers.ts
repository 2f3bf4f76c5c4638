/**
 * Words that change what a stretch cut out of a sentence asserts, for /verify's out-of-context
 * verdict (answer/verify/cut.ts): conditions, contrasts, verbs that report someone else's claim,
 * and dismissals. Hand-written from English grammar (subordinating conjunctions, verbs of saying).
 */

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
