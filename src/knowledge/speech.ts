import { ACCOUNTS, DOCUMENT_NOUNS, ISSUED_DOCUMENTS, OWN_DOCUMENTS, PLATFORMS } from './lexicon/documents.js';
import { NOT_NAME } from './lexicon/function-words.js';
import { GENERIC_ORG, ORG_KINDS, ORG_NOUNS } from './lexicon/organisations.js';
import { GROUP_NOUNS, ROLE_WORDS } from './lexicon/roles.js';
import { isCountryWord, isDemonym, isPlaceName } from './lexicon/places.js';
import { FINITE, INVERTED, JUDGING, NOT_BEFORE_VERB, PARTICIPLES, WEAK } from './lexicon/speech-verbs.js';
import { MONTHS, TIME_UNITS, WEEKDAYS } from './lexicon/time-words.js';
import { findMentions, firstNameGender, isPersonNoun, type Mention } from './names.js';
import { nameKey, type ArticleSpeakers, type Referent } from './speakers.js';

/**
 * Verbs of saying and their subjects. Works on a paragraph whose quoted words are masked
 * (replaced by "_"), so a name inside a quotation is never taken for its speaker.
 * Every function answers `null` when the text holds no attribution at all, and
 * `{ speaker: null }` when it holds one whose speaker is not a named person or organisation
 * ("a witness said", "the dog states"): then no other rule may guess.
 */

/** Alternatives of a word list for a pattern; a space in an entry matches any run of spaces. */
const alternatives = (list: Iterable<string>) => [...list].map((w) => w.replace(/ /g, '\\s+')).join('|');

// Longest first, so "went on to say" wins over "say".
const VERB = new RegExp(`(?<![\\p{L}\\-'’])(${alternatives([...FINITE, ...PARTICIPLES].sort((a, b) => b.length - a.length))})(?![\\p{L}\\-])`, 'giu');
const PARTICIPLE = new Set(PARTICIPLES);
const AUXILIARY =
  /(?:^|\s)(?:also|later|then|further|again|has|had|have|would|will|did|does|could|can|should|must|might|once|previously|recently|repeatedly|earlier|simply|reportedly|publicly|quickly|separately|subsequently|finally|today|yesterday|himself|herself|themselves|itself|was|were|is|are|been|being|not|never|always|often|first|last|only|just|had|once|thus|therefore|however|meanwhile|initially|reportedly|angrily|bluntly|candidly|openly|proudly|sadly|tearfully)\s*$/;
/**
 * An adverb between a subject and its verb ("He supposedly told her", "Smith angrily replied"), by
 * its ending, with three letters or more before it, so nouns ("family", "ally", "rally") are not.
 */
const ADVERB =
  /(?:^|\s)\p{Ll}{3,}(?:ally|edly|ously|ively|fully|lessly|ently|antly|ately|ably|ibly|ingly|ickly|ftly|rtly|stly|ghtly|wly|rly|tly|sly)\s*$/u;
const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1);
/**
 * A time adverbial between a subject and its verb ("Santos on Monday said", "She last week
 * described", "Mr Osei earlier this month called"): not part of the subject. Case-sensitive:
 * "Russia Today goes on to say" ends in a name, not in "today".
 */
const TIME_ADVERBIAL = new RegExp(
  `(?:^|\\s)(?:(?:on|in|at|during|by)\\s+)?(?:${[...WEEKDAYS.map(capital), 'today', 'tonight', 'yesterday', '\\d{4}'].join('|')}|(?:${MONTHS.map(capital).join('|')})(?:\\s+\\d{1,2})?|(?:last|this|next|that|earlier\\s+this|later\\s+that|late|early)\\s+(?:${TIME_UNITS.join('|')}|${WEEKDAYS.map(capital).join('|')}))(?:\\s+(?:morning|afternoon|evening|night))?,?\\s*$`,
);
/** "Sani on his Tweeter page, said": where, between a one-word subject and its verb, set off by a comma. */
const PLACE_ADVERBIAL = /(?<=^[\s_]*\p{Lu}[\p{L}'’-]+)\s+(?:on|in|at|during|via|through)\s+(?:his|her|their|its)\s+[^,_]{1,50}?,\s*$/u;
/**
 * "St. Michael in a statement on its website said", "Delta in a statement said": how the words
 * were given, between the subject and its verb (a document, a post, an interview …).
 */
const MEANS_ADVERBIAL = new RegExp(
  String.raw`\s+(?:in|on|via|through)\s+(?:a|an|the|its|his|her|their)\s+(?:[\p{Ll}-]+\s+){0,2}(?:${[...ISSUED_DOCUMENTS, ...OWN_DOCUMENTS, ...ACCOUNTS, 'interview', 'briefing', 'blog', 'email', 'video'].join('|')})s?(?:\s+(?:on|in|to)\s+(?:a|an|the|its|his|her|their)\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)?,?\s*$`,
  'u',
);
const DETERMINER = /^(?:the|a|an|his|her|its|their|our|my|your|one|another|this|that|these|those|some|many|several|two|three|local|other)$/i;
const PREPOSITION = new Set([
  'on',
  'in',
  'at',
  'of',
  'to',
  'for',
  'after',
  'before',
  'during',
  'while',
  'when',
  'who',
  'which',
  'from',
  'with',
  'as',
  'that',
  'about',
  'and',
  'but',
  'in',
]);

/** "the official Twitter handle of", "the Facebook page of": an account, then whose it is. */
const ACCOUNT_OF = new RegExp(
  `^[\\s_]*(?:the|an?)\\s+(?:(?:official|verified|personal)\\s+)?(?:(?:${alternatives(PLATFORMS)})\\s+)?(?:${alternatives(ACCOUNTS)})\\s+of\\s+(?:the\\s+)?$`,
  'iu',
);

/** "a statement from", "the letter by", "a joint communiqué issued by": a document, then who issued it. */
const DOCUMENT_FROM = new RegExp(
  `(?:^|\\s)(?:an?|the)\\s+(?:(?:brief|short|written|joint|official|formal|separate|later)\\s+)?(?:${alternatives(ISSUED_DOCUMENTS)})\\s+(?:(?:issued|released|signed|posted|published)\\s+)?(?:from|by)\\s+(?:the\\s+)?$`,
  'iu',
);

/**
 * "Fran Oborski issued a statement on behalf of the council which said: “…”", "she posted a
 * message that read": a document the sentence's subject issued, then "which"/"that" before the
 * verb of saying: the document speaks for its issuer.
 */
const DOCUMENT_WHICH = new RegExp(
  `(?:^|\\s)(?:an?|the|his|her|their|its)\\s+(?:[\\p{Ll}-]+\\s+){0,2}(?:${alternatives(new Set([...ISSUED_DOCUMENTS, ...OWN_DOCUMENTS]))})\\b[^_.;:!?"\u201c\u201d]{0,80}?\\s(?:which|that)\\s+$`,
  'iu',
);

/** "Snowe's full statement", "Obama's remarks": after a possessive, a document of the person's own words. */
const OWN_DOCUMENT = new RegExp(`^\\s+(?:(?:full|complete|entire|written|prepared|official)\\s+)?(?:${alternatives(OWN_DOCUMENTS)})\\b`);

export interface Who {
  speaker: string | null;
  /** The speaker is a person the resolver could not name ("said the world number two"): someone, not no one. */
  someone?: boolean;
  /** The organisation an unnamed spokesperson speaks for: it has spoken, for "the charity said" or "it said" after. */
  through?: string;
}

/** What the resolver needs: the masked paragraph, the article's speakers, this sentence's mentions. */
export interface Context {
  masked: string;
  speakers: ArticleSpeakers;
  sentence: number;
  paragraphStart: number;
  /** Referents of this sentence found so far, with their offsets. */
  here: Array<Referent & { at: number }>;
  /** The words of the quotation being attributed, when there is one: he/she is not someone they name. */
  quoted?: string;
}

export interface VerbHit {
  start: number;
  end: number;
  word: string;
}

/** A content clause with no "that": maybe a time, then a subject pronoun and an auxiliary or a verb of intent. */
const CLAUSE_AFTER =
  /^\s+(?:(?:on|in|last|this|earlier|later|yesterday|today)(?:\s+[\p{L}\d]+){0,2}\s+)?(?:it|he|she|they|we|I)\s+(?:would|will|had|has|have|was|were|is|are|could|can|did|does|do|should|must|might|may|planned|plans|intended|intends|wanted|wants|hoped|hopes|expected|expects)\b/u;

/** "accused Shirley Capp, 61, of " right before a participle of saying. */
const ACCUSED_OF = /(?<![\p{L}])(?:accused|accuses|accusing)\s+(.{1,60}?),?\s+of\s+$/iu;

export function verbsIn(masked: string, from: number, to: number, weakOk = false): VerbHit[] {
  const out: VerbHit[] = [];
  const re = new RegExp(VERB.source, 'giu');
  // Search only the window (and the one character before it, for the look-behind): a search of
  // the whole paragraph from `from` would read to its end each time, quadratic in a long paragraph.
  const base = Math.max(0, from - 1);
  const window = masked.slice(base, to);
  re.lastIndex = from - base;
  for (let hit = re.exec(window); hit; hit = re.exec(window)) {
    const m = { index: hit.index + base, 0: hit[0] };
    // A word cut by the window's end ("say|ing") is not a verb found in the window.
    if (m.index + m[0].length === to && /[\p{L}\-'’]/u.test(masked[to] ?? '')) break;
    const word = m[0].toLowerCase().replace(/\s+/g, ' ');
    const prev = /([\p{L}]+)\s+$/u.exec(masked.slice(Math.max(0, m.index - 20), m.index))?.[1]?.toLowerCase();
    // (Not "accused Shirley Capp of saying": a participle after one accused of it is a verb.)
    if (prev && NOT_BEFORE_VERB.has(prev) && !(prev === 'of' && ACCUSED_OF.test(masked.slice(Math.max(0, m.index - 90), m.index)))) continue;
    // ("even making jokes at times", "raising claims": a word in -s right after a gerund is its object, a noun.)
    if (prev && /s$/.test(word) && !word.includes(' ') && /\p{Ll}{2,}ing$/u.test(prev)) continue;
    const next = masked.slice(m.index + m[0].length, m.index + m[0].length + 60);
    if (JUDGING.has(word) && !weakOk && !/^\s*(?:[\p{L}'’,-]+\s+){0,6}_/u.test(next)) continue;
    // ("a statement read by police:", "reported by the BBC": a participle of the passive, no one's verb.)
    if (WEAK.has(word) && /^\s+by\s/.test(next)) continue;
    if (
      WEAK.has(word) &&
      !weakOk &&
      // A quotation close after it ("called the march a response to the “…”", "wrote in USA Today,
      // “…”"), "that" after a short object ("expressed concern that"), or a colon; not past the
      // sentence's end ("Smith read books every day. “…,” his wife said").
      !/^\s*(?:[,:_]|that\b|(?:[\p{L}'’.-]*[\p{L}'’-]\s+){0,6}_|(?:[\p{L}'’.-]+\s+){0,5}[\p{L}'’.-]+[,:]\s*(?:_|$)|(?:[\p{L}'’-]+\s+){1,2}that\b)/u.test(
        next,
      ) &&
      // (Or a clause without "that", after a time: "announced in July it planned to close".)
      !CLAUSE_AFTER.test(next) &&
      // ("described the future of Moscow-Kyiv relations after the end of the … conflict as “…”":
      // describing or calling something as a quotation, however long the object.)
      !(
        /^(?:described|describes|called|calls)$/.test(word) &&
        /^[^.!?;:_]{1,160}?\sas\s+_/.test(masked.slice(m.index + m[0].length, m.index + m[0].length + 200))
      ) &&
      !/^\s*$/.test(next) &&
      !/_\s*,?\s*$/.test(masked.slice(Math.max(0, m.index - 4), m.index))
    )
      continue;
    out.push({ start: m.index, end: m.index + m[0].length, word });
  }
  return out;
}

const before = (ctx: Context, at: number) => ctx.here.filter((r) => r.at < at);

/** The speaker a name mention stands for (its fullest form), or null when unsure. */
function resolveMention(ctx: Context, m: Mention, at = m.start): string | null {
  if (!m.name) {
    if (!m.role) return null;
    // "King said" after "Martin Luther King Jr.": a role word that is the article's surname for someone.
    const named = /^\p{Lu}\p{L}+$/u.test(m.role) ? ctx.speakers.canonical(m.role) : undefined;
    return named ?? ctx.speakers.roleNoun(m.role, before(ctx, at), ctx.paragraphStart);
  }
  const name = ctx.speakers.canonical(m.name, m.org);
  if (name === null)
    return m.name.includes(' ') || m.org
      ? null
      : ((m.titled ? ctx.speakers.titledBearer(m.name, m.gender) : null) ??
          paragraphBearer(ctx, m) ??
          (m.titled ? null : ctx.speakers.bearerSoFar(m.name, before(ctx, at))));
  if (name && m.titled && !m.name.includes(' ') && !ctx.speakers.titleFits(m.name, m.gender, name)) return null;
  return name ?? m.name;
}

/**
 * "Linamar said in July …", "Unite said workers were …": a single capitalised word the article
 * never writes inside a sentence, alone before the verb as the sentence's subject, is a name. A
 * bare common noun cannot be a subject there, except a plural or a word for people or bodies
 * ("Critics said", "Police said", "Everyone said"), which stay no one.
 */
function openingName(ctx: Context, floor: number, m: Mention): string | null {
  const word = m.name;
  if (!word || word.includes(' ') || m.possessive || m.titled || m.role || !ctx.speakers.unseenWord(word)) return null;
  if (!/^[\s_"'“‘]*$/u.test(ctx.masked.slice(floor, m.start))) return null;
  const low = word.toLowerCase();
  if (commonNoun(word)) return null;
  // (Nor a word the paragraph also writes in lower case: a common word, not a name.)
  return new RegExp(`(?<![\\p{L}])${low}(?![\\p{L}])`, 'u').test(ctx.masked) ? null : word;
}

/**
 * A capitalised word that is a common noun, not a name: a word for people or bodies, a function
 * word, and (`plural`, where a surname is not expected) any word in -s.
 */
export function commonNoun(word: string, plural = true): boolean {
  const low = word.toLowerCase();
  return (
    (plural && /s$/.test(low)) ||
    NOT_NAME.has(low) ||
    ORG_NOUNS.has(low) ||
    GROUP_NOUNS.has(low) ||
    isPersonNoun(low) ||
    !/^\p{Lu}\p{Ll}+$/u.test(word)
  );
}

/**
 * "Santos said" when two people are called Santos: the one of them this paragraph has named in
 * full before (and no other of them, by full name or by the bare surname), else nobody.
 */
function paragraphBearer(ctx: Context, m: Mention): string | null {
  const bearers = ctx.speakers.bearers(m.name!);
  if (bearers.length < 2) return null;
  const seen = new Set<string>();
  // The paragraph before the mention (its last 2,000 characters: a bound for very long paragraphs).
  for (const o of findMentions(ctx.masked, Math.max(0, m.start - 2000), m.start, ctx.speakers)) {
    if (!o.name || o.org) continue;
    if (!o.name.includes(' ')) {
      if (nameKey(o.name) === nameKey(m.name!)) return null;
      continue;
    }
    const c = ctx.speakers.canonical(o.name);
    if (c && bearers.includes(c)) seen.add(c);
  }
  if (seen.size !== 1) return null;
  const [who] = [...seen];
  return m.titled && !ctx.speakers.titleFits(m.name!, m.gender, who!) ? null : who!;
}

/**
 * Whether the name right after `before` is governed by a preposition, so no subject ("a lawyer for
 * John Smith", "the father of Kayla Finch"): the preposition, then an article and up to three
 * lower-case words, or up to three lower-case words ending in a noun for a person ("father of
 * 16-year-old schoolgirl Jane Young"), not in a field ("minister of health Joe Phaahla" is the minister).
 * `lead` is where the preposition must start (default: anywhere in `before`); `named` is the mention
 * after it, whose own lower-case role may be that noun ("of 16-year-old [schoolgirl Jane Young]").
 */
/** governedBy's two patterns per preposition pattern, compiled once. */
const GOVERNED = new Map<string, [RegExp, RegExp]>();

function governedBy(
  before: string,
  named: Mention,
  lead = /(?:^|\s)(?:for|of|to|with|from|at|by|representing|against|about|near|on|behind)\s+/iu,
): boolean {
  let compiled = GOVERNED.get(lead.source);
  if (!compiled) {
    compiled = [
      new RegExp(`${lead.source}(?:(?:the|an?)\\s+(?:[\\p{Ll}-]+\\s+){0,3})?$`, lead.flags),
      // (Case-sensitive: with the flag i, \p{Ll} takes "of Nursing general secretary Pat Cullen".)
      new RegExp(`${lead.source}((?:[\\p{Ll}\\d-]+\\s+){1,3})$`, lead.flags.replace('i', '')),
    ];
    GOVERNED.set(lead.source, compiled);
  }
  if (compiled[0].test(before)) return true;
  const words = compiled[1].exec(before)?.[1]?.trim().split(/\s+/);
  if (!words) return false;
  return (named.start < named.nameStart && /^\p{Ll}/u.test(named.role ?? '')) || isPersonNoun(words.at(-1)!);
}

/** A role or a kind of organisation written in capitals ("CEO", "MP", "NGO"), lower-cased; null for a name. */
function capitalNoun(word: string): string | null {
  const low = word.toLowerCase();
  return ROLE_WORDS.has(low) || ORG_NOUNS.has(low) ? low : null;
}

/** A spokesperson's noun: they speak for an organisation ("a Google spokesperson said"). */
const SPOKES = String.raw`(spokes(?:person|man|woman))`;
/** A capitalised name, with "of", "for", "and" or "&" inside it ("Ministry of Health"). */
const CAPITALISED = String.raw`\p{Lu}[\p{L}'’.&-]*(?:\s+(?:(?:of|for|and|the|&)\s+)*\p{Lu}[\p{L}'’.&-]*)*`;
const SPOKES_BEFORE = new RegExp(
  String.raw`(?:^|\s)([Aa]n?|[Tt]he)\s+(?:(${CAPITALISED})\s+${SPOKES}|${SPOKES}\s+(?:for|of)\s+(?:the\s+)?(${CAPITALISED}))$`,
  'u',
);
const SPOKES_AFTER = new RegExp(
  String.raw`^([Aa]n?|[Tt]he)\s+(?:(${CAPITALISED})\s+${SPOKES}|${SPOKES}\s+(?:for|of)\s+(?:the\s+)?(${CAPITALISED}))(?=$|[\s.,;:!?])`,
  'u',
);

/**
 * "a Google spokesperson", "a spokeswoman for the Ministry of Health": someone unnamed speaks
 * (`someone`: he/she after it is that person, not anyone named before). The words are nobody's
 * named: the text names the organisation, not who spoke, as with "a BBC correspondent said"
 * (a fact-checker quotes a named speaker or none). The organisation is learnt as one, for "the
 * company said" and "it said" later: a name the article knows as one, or a capitalised name with
 * nothing that marks a person or a place (a title, a role, a given name, a person the article
 * knows, a country). `the government spokesman` after `Steffen Hebestreit, the government
 * spokesman,` is Hebestreit.
 */
function spokesWho(ctx: Context, spokes: RegExpExecArray, at: number): Who {
  // Groups: 1 the determiner, 2 the name before the noun or 5 after it, 3 or 4 the noun.
  const written = spokes[2] ?? spokes[5]!;
  const runAt = at + (spokes[2] ? spokes[0].indexOf(written, spokes[1]!.length) : spokes[0].lastIndexOf(written));
  // "the government spokesman" after "Steffen Hebestreit, the government spokesman": the one named.
  const named = /^the$/i.test(spokes[1]!) ? ctx.speakers.roleNoun(spokes[3] ?? spokes[4]!, before(ctx, at), ctx.paragraphStart) : null;
  if (named) return { speaker: named };
  // (The sentence's full stop is no part of the name: "said a spokeswoman for Apple.")
  const run = written.replace(/\.+$/, '');
  const m = findMentions(ctx.masked, runAt, runAt + run.length, ctx.speakers).at(-1);
  const unnamed: Who = { speaker: null, someone: true };
  if (m && m.end === runAt + run.length && m.start === runAt) {
    if (m.possessive) return unnamed;
    const name = resolveMention(ctx, m) ?? m.name;
    if (name && (m.org || ctx.speakers.isOrg(name))) return { ...unnamed, through: name };
    if (!m.name || m.titled || m.role || firstNameGender(m.name) || ctx.speakers.knowsPerson(m.name) || name !== m.name) return unnamed;
  } else if (m || run.split(/\s+/).some((w) => isCountryWord(w) || isDemonym(w)) || isPlaceName(run)) return unnamed;
  ctx.speakers.learnOrg(run);
  return { ...unnamed, through: run };
}

/** "a lawyer for Mickey Thompson of Leeds": a name after a preposition is not the subject. */
function afterPreposition(ctx: Context, floor: number, m: Mention): boolean {
  return /(?:^|\s)(?:for|of|to|with|from|at|by|representing|against|about)\s+(?:the\s+)?$/i.test(
    ctx.masked.slice(Math.max(floor, m.start - 16), m.start),
  );
}

function pronounWho(ctx: Context, word: string, at: number): Who {
  if (/^it$/i.test(word)) return { speaker: ctx.speakers.orgPronoun(before(ctx, at), ctx.paragraphStart) };
  if (!/^(?:he|she)$/i.test(word)) return { speaker: null };
  const here = before(ctx, at);
  return { speaker: ctx.speakers.pronoun(word, here, ctx.quoted, openingObjects(ctx, here, at - word.length)) };
}

/**
 * People named as the object of a preposition in the phrase that opens the sentence, right before
 * its he/she subject ("In an apparent swipe at Trump, he added", "After talks with Putin, he said"):
 * the subject is someone else.
 */
function openingObjects(ctx: Context, here: Array<Referent & { at: number }>, pronounAt: number): Set<string> | undefined {
  if (!/,\s+$/.test(ctx.masked.slice(Math.max(0, pronounAt - 3), pronounAt))) return undefined;
  const names = here.filter((r) => r.oblique && !r.speaker && !r.minor && r.name && !r.org).map((r) => r.name!);
  return names.length ? new Set(names) : undefined;
}

/** A lower-case noun phrase as subject: "the minister" → that person; "a witness" → nobody. */
function nounPhraseWho(ctx: Context, det: string | undefined, noun: string, at: number): Who {
  // "a council spokesperson said" after "Bunbury City Council …": someone unnamed (see spokesWho);
  // "the government spokesman" after "Steffen Hebestreit, the government spokesman," is him.
  const kindSpokes = /^(\S+) spokes(?:person|man|woman)$/.exec(nameKey(noun));
  if (kindSpokes && ORG_NOUNS.has(kindSpokes[1]!)) {
    const named = det && /^the$/i.test(det) ? ctx.speakers.roleNoun(noun, before(ctx, at), ctx.paragraphStart) : null;
    if (named) return { speaker: named };
    const through = ctx.speakers.roleNoun(kindSpokes[1]!, before(ctx, at), ctx.paragraphStart);
    return { speaker: null, someone: true, ...(through ? { through } : {}) };
  }
  // A noun phrase that is not an organisation's or a document's is a person, named or not.
  const head = nameKey(noun).split(' ').at(-1) ?? '';
  const someone = !ORG_NOUNS.has(head) && !DOCUMENT_NOUNS.has(head);
  if (det && !/^the$/i.test(det)) return { speaker: null, someone };
  const speaker = ctx.speakers.roleNoun(noun, before(ctx, at), ctx.paragraphStart);
  // "Tesla did not respond to a request for comment. The carmaker has said …": a kind of business
  // after a paragraph that named some other body first is that body or no one, never an
  // organisation of an earlier paragraph.
  if (speaker && GENERIC_ORG.has(head)) {
    const earlier = findMentions(ctx.masked, 0, at, ctx.speakers).filter((m) => m.name && !m.possessive && !m.titled && !firstNameGender(m.name));
    if (earlier.length && !earlier.some((m) => m.name === speaker || resolveMention(ctx, m) === speaker)) return { speaker: null, someone };
  }
  return speaker ? { speaker } : { speaker: null, someone };
}

/** The subject ending at `end` (before a verb of saying), not reaching before `floor`. */
const INNER_BRACKETS = /\([^()_]{1,80}\)(?!\s*$)/;
const INNER_BRACKETS_ALL = new RegExp(INNER_BRACKETS.source, 'g');

function subjectBefore(ctx: Context, floor: number, end: number, depth = 0): (Who & { start: number }) | null {
  // "Cheika, the only coach to have won the European Cup (Leinster, 2009) and Super Rugby title
  // (Waratahs, 2014), said": words in brackets inside the subject's description name no subject;
  // they are read as spaces (a bracket right before the verb is an aside, see below).
  const between = ctx.masked.slice(floor, end);
  // "According to a statement from the Uganda Wildlife Authority, the chief magistrate …, Gladys
  // Kamasanyu, noted that": the opening source is no subject; the clause after it has its own.
  const source = depth === 0 ? /^[\s_]*according\s+to\s+[^,_]{2,80},\s+(?=\S)/i.exec(between) : null;
  if (source && source[0].length < between.trimEnd().length) return subjectBefore(ctx, floor + source[0].length, end, depth);
  // ("Over 1,680 people were evacuated, said …": a comma between digits separates no clause.)
  if (/\d,\d/.test(between)) {
    const blanked = between.replace(/(?<=\d),(?=\d)/g, ' ');
    return subjectBefore({ ...ctx, masked: ctx.masked.slice(0, floor) + blanked + ctx.masked.slice(end) }, floor, end, depth);
  }
  if (between.includes('(') && INNER_BRACKETS.test(between)) {
    const blanked = between.replace(INNER_BRACKETS_ALL, (m) => ' '.repeat(m.length));
    return subjectBefore({ ...ctx, masked: ctx.masked.slice(0, floor) + blanked + ctx.masked.slice(end) }, floor, end, depth);
  }
  let e = end;
  for (let k = 0; k < 4; k++) {
    // (A time or means set off by the clause's only comma, "Kanja in a statement on Wednesday
    // night, said", is stripped; not one ending a relative clause, "White, who … joined the Trust
    // in May, said".)
    if (/,\s*$/.test(ctx.masked.slice(floor, e)) && !/^[^,]*,\s*$/.test(ctx.masked.slice(floor, e))) break;
    const m =
      AUXILIARY.exec(ctx.masked.slice(floor, e)) ??
      ADVERB.exec(ctx.masked.slice(floor, e)) ??
      TIME_ADVERBIAL.exec(ctx.masked.slice(floor, e)) ??
      PLACE_ADVERBIAL.exec(ctx.masked.slice(floor, e)) ??
      MEANS_ADVERBIAL.exec(ctx.masked.slice(floor, e));
    if (!m || m[0].trim() === '') break;
    e = floor + m.index;
  }
  const text = ctx.masked.slice(floor, e).replace(/\s+$/, '');
  e = floor + text.length;
  if (!text || /[_\s(]$/.test(text) || /^[\s\p{P}]*$/u.test(text)) return null;
  // "the CEO said", "the NGO said": a common noun written in capitals is a noun phrase, no name.
  // ("the drugmaker company’s CEO said", "Pfizer's CEO said": so after a possessive.)
  const capNoun =
    /(?:^|\s)([Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+['’]s?\s+)?(\p{Lu}{2,5})$/u.exec(text) ??
    /(?:^|[\s_])()(?:\p{Lu}[\p{L}.&-]*\s+){0,2}\p{Lu}[\p{L}.&-]*['’]s?\s+(\p{Lu}{2,5})$/u.exec(text);
  if (capNoun) {
    const start = floor + capNoun.index + (capNoun[0].length - capNoun[0].trimStart().length);
    const common = capitalNoun(capNoun[2]!);
    if (common) return { ...nounPhraseWho(ctx, capNoun[1] || 'the', common, start), start };
    // ("the DSP informed": a role's initials, after "Deputy Superintendent of Police Madhav Prasad Kafle".)
    const initialled = ctx.speakers.roleByInitials(capNoun[2]!, before(ctx, floor));
    if (initialled) return { speaker: initialled, start };
  }
  const spokes = SPOKES_BEFORE.exec(text);
  if (spokes) {
    const lead = spokes[0].length - spokes[0].trimStart().length;
    spokes[0] = spokes[0].trimStart();
    return { ...spokesWho(ctx, spokes, floor + spokes.index + lead), start: floor + spokes.index + lead };
  }
  // "Sen. John Cornyn (R-Texas) told", "Ana Ruiz (pictured) said": an aside in brackets after the subject.
  // ("Trevor Hall, regional organiser for the Transport and General Workers Union, (TGWU) said": a
  // comma before the brackets may also close an appositive, when the words before it name no one.)
  const aside = /(,?)\s*\([^()_]{1,60}\)$/.exec(text);
  if (aside && aside.index > 0) {
    const plain = subjectBefore(ctx, floor, floor + aside.index, depth);
    if (plain?.speaker || !aside[1]) return plain;
    const closing = subjectBefore(ctx, floor, floor + aside.index + 1, depth);
    return closing?.speaker ? closing : plain;
  }
  // "Apata, who doubles as the Solicitor-General of the Federation, in his submission, said": a
  // relative clause after the subject says who the subject is; it holds no subject of its own.
  const relative = /,\s+(?:who|whose)\s[^,_]*$/.exec(text);
  if (relative && relative.index > 0 && depth > 0) return subjectBefore(ctx, floor, floor + relative.index, depth + 1);
  // "Fr Seamus Enright, Rector of the religious order in Limerick said:": a capitalised word and
  // "of"/"for"/"at" after a name and a comma, with no comma to close it, is the name's appositive
  // role (the article knows no one by that word).
  // (So is a lower-case role ending in a noun for a person: "Stephen Johnston, site manager for
  // Invista at Brockworth said:".)
  const lowerRole = /,\s+(?:[\p{Ll}-]+\s+){0,3}([\p{Ll}-]+)\s+(?:of|for|at|with)\s+[^,_]{1,80}$/u.exec(text);
  // (And an organisation's role ending in such a noun right before the verb: "Paul Udoto, KWS
  // corporate Communication officer said".)
  // ("Spencer Birns, Cardiff Airport's commercial director said:": an organisation's possessive too.)
  const endRole = /,\s+(?:[\p{L}&.'’-]+\s+){1,4}([\p{Ll}-]+)$/u.exec(text);
  const role =
    /,\s+(\p{Lu}\p{Ll}+)\s+(?:of|for|at)\s+[^,_]{1,80}$/u.exec(text) ??
    (lowerRole && isPersonNoun(lowerRole[1]!) ? lowerRole : null) ??
    (endRole && ROLE_WORDS.has(endRole[1]!) ? endRole : null);
  if (role && depth === 0 && !ctx.speakers.knowsPerson(role[1]!)) {
    const named = findMentions(ctx.masked, floor, floor + role.index, ctx.speakers).at(-1);
    if (named?.name?.includes(' ') && !named.org && !named.possessive && named.end === floor + role.index)
      return { speaker: resolveMention(ctx, named), start: named.start };
  }
  const mentions = findMentions(ctx.masked, floor, e, ctx.speakers);
  const last = mentions[mentions.length - 1];
  // "The RMT union warned", "the Unite union said": an organisation, then the noun for its kind.
  // ("the 118-strong EU observer team said": a word may qualify the kind.)
  const kind = last?.org && !last.possessive ? /^\s+(?:[\p{Ll}-]+\s+)?([\p{Ll}]+)$/u.exec(ctx.masked.slice(last.end, e)) : null;
  if (kind && ORG_NOUNS.has(kind[1]!)) return { speaker: resolveMention(ctx, last!), start: last!.start };
  // "The BP news release said": an organisation's document speaks for it.
  const paper = last?.org && !last.possessive ? /^\s+(?:[\p{Ll}-]+\s+)?([\p{Ll}-]+)$/u.exec(ctx.masked.slice(last.end, e)) : null;
  if (
    paper &&
    ISSUED_DOCUMENTS.includes(paper[1]!) &&
    !/\b(?:for|of|to|with|about|against)\s+(?:the\s+)?$/i.test(ctx.masked.slice(Math.max(floor, last!.start - 16), last!.start))
  )
    return { speaker: resolveMention(ctx, last!), start: last!.start };
  if (last && last.end === e && !last.possessive) {
    // "a lawyer for John Smith said", "the father of Kayla Finch told": the name is not the subject.
    if (governedBy(ctx.masked.slice(Math.max(floor, last.start - 60), last.start), last)) {
      // "Analyst Hiroshi Yamamoto of Nomura said", "Engineer Thomas Brandt of the consultancy Arup
      // said", "Salama with WHO said": a named person right before "of" (with, at, from) is the subject.
      const owner = mentions[mentions.length - 2];
      if (
        owner?.name &&
        !owner.org &&
        !owner.possessive &&
        !afterPreposition(ctx, floor, owner) &&
        // ("Mickey Thompson, of RMT North East said", "Tricia Williams, chief operating officer at Northern":
        // after a comma too, and with the person's role before the preposition.)
        /^(?:,?\s+(?:of|with|at|from)|,\s+(?:(?:the|an?)\s+)?(?:[\p{Ll}-]+\s+){1,4}(?:of|with|at|from|for))\s/u.test(
          ctx.masked.slice(owner.end, last.start),
        ) &&
        governedBy(ctx.masked.slice(owner.end, last.start), last, /^(?:,?\s+(?:(?:the|an?)\s+)?(?:[\p{Ll}-]+\s+){0,4})?(?:of|with|at|from|for)\s+/u)
      )
        // "Dodds of Time Magazine points out": a name right before "of" and an organisation is a
        // person of it, even a surname the article gives nowhere else.
        // (Not a word for people: "Staff at the White House said" names no one.)
        return {
          speaker: resolveMention(ctx, owner) ?? (last.org && !owner.name.includes(' ') && !commonNoun(owner.name, false) ? owner.name : null),
          start: owner.start,
        };
      // "A statement from Hull City said", "a letter by the ministry": a document speaks for who issued it.
      const issued = DOCUMENT_FROM.exec(ctx.masked.slice(Math.max(floor, last.start - 60), last.start));
      if (issued) return { speaker: resolveMention(ctx, last), start: floor + Math.max(0, last.start - 60 - floor) + issued.index };
      return { speaker: null, start: last.start };
    }
    // "The World Health Organization (WHO) in Geneva declared": a name after a preposition of
    // place is where the subject is, not the subject.
    const place = /(?:^|\s)(?:in|at|near|inside|outside|across|throughout|within)\s+(?:the\s+)?$/.exec(ctx.masked.slice(floor, last.start));
    if (place && depth < 2) return subjectBefore(ctx, floor, floor + place.index, depth + 1) ?? { speaker: null, start: last.start };
    return { speaker: resolveMention(ctx, last) ?? openingName(ctx, floor, last), start: last.start };
  }
  // "Salama with WHO said": a named person, then the body they are with in capitals that name no
  // one ("WHO" reads as the pronoun).
  // ("Mickey Thompson, of RMT North East said": so with any capitalised words no rule reads as a
  // name, after a comma too; not "a lawyer for Mickey Thompson of Leeds".)
  const body =
    /\s+(?:with|of|at|from)\s+(?:the\s+)?\p{Lu}{2,}$/u.exec(text) ??
    /,?\s+(?:with|of|at|from)\s+(?:the\s+)?\p{Lu}[\p{L}'’.&-]*(?:\s+(?:of|for|and|the|&|\p{Lu}[\p{L}'’.&-]*))*$/u.exec(text);
  const owner = body ? findMentions(ctx.masked, floor, floor + body.index, ctx.speakers).at(-1) : undefined;
  if (owner?.name && !owner.org && !owner.possessive && owner.end === floor + body!.index && !afterPreposition(ctx, floor, owner))
    return { speaker: resolveMention(ctx, owner), start: owner.start };
  const pron = /(?:^|[^\p{L}])(he|she|they|it|we|i|you)$/iu.exec(text);
  if (pron) return { ...pronounWho(ctx, pron[1]!, e), start: e - pron[1]!.length };
  // "Matthew Brincat, a Pembroke resident who addressed the demonstration said": a description
  // with a relative clause after the subject, its closing comma left out.
  const unclosed = depth === 0 ? /^(.*?\S),\s+(?:a|an|the)\s+[^,_]{1,60}?\s(?:who|that)\s[^,_]{1,100}$/u.exec(text) : null;
  if (unclosed) {
    const named = subjectBefore(ctx, floor, floor + unclosed[1]!.length, depth + 1);
    if (named?.speaker) return named;
  }
  if (text.endsWith(',') && depth === 0) {
    // "Dr Myles Allen, Climate Dynamics Group, University of Oxford, said:": a person, then the
    // bodies they belong to, each set off by commas (an expert's affiliation), is the person.
    const pieces = text.slice(0, -1).split(',');
    if (pieces.length >= 2) {
      const head = findMentions(ctx.masked, floor, floor + pieces[0]!.length, ctx.speakers);
      const affiliation = (piece: string) =>
        /^\s*(?:the\s+)?\p{Lu}[\p{L}'’.&-]*(?:\s+(?:of|for|and|the|&|\p{Lu}[\p{L}'’.&-]*))*\s*\/?\s*$/u.test(piece) &&
        !/^\s*(?:who|whose|which)\b/i.test(piece);
      const person = head.length === 1 ? head[0]! : null;
      if (
        person?.name &&
        !person.org &&
        !person.possessive &&
        (person.titled || !!firstNameGender(person.name) || ctx.speakers.knowsPerson(person.name)) &&
        /^[\s_]*$/.test(ctx.masked.slice(floor, person.start)) &&
        person.end === floor + pieces[0]!.trimEnd().length &&
        pieces.slice(1).every(affiliation) &&
        pieces.slice(1).every((piece) => findMentions(piece).every((x) => x.org || !x.name || isPlaceName(x.name) || !firstNameGender(x.name)))
      )
        return { speaker: resolveMention(ctx, person), start: person.start };
    }
    // "Ex-MP Peter Pike, added:": a comma between the subject and its verb.
    const alone =
      mentions.length === 1 && last && !last.possessive && last.name && /^[\s_]*$/.test(ctx.masked.slice(floor, last.start)) && last.end === e - 1;
    if (alone) return { speaker: resolveMention(ctx, last), start: last.start };
    // "Miley Cyrus, who was part of the lineup … in Bogota, Columbia, said": a relative clause
    // that holds commas of its own still describes the subject before it ("David White, who, like
    // Mr Hulme, joined the Trust in May, said"); so does a description ("Greg Hodges, a partner at
    // the Oliver Maner law firm in Savannah, Ga., told").
    // ("Miriam Vargas, a 34-year-old mother, sitting in the dark …, told": an age opens one too.)
    const clause = /^(.*?\S),\s+(?:(?:who|whose)[\s,]|(?:an?|the)\s+[\p{Ll}\d])[^_]{1,300},$/u.exec(text);
    if (clause && /,/.test(text.slice(clause[1]!.length + 1, -1))) {
      const r = subjectBefore(ctx, floor, floor + clause[1]!.length, depth + 1);
      if (r?.speaker) return r;
    }
    // "Ben Jones, 32, of Joeys Lane, Bilbrook, said": an age, then an address, after the subject.
    const aged = /^(.*?\S),\s+\d{1,3},(?:\s+[^,_]{1,60},)*$/u.exec(text);
    if (aged) return subjectBefore(ctx, floor, floor + aged[1]!.length, depth + 1);
    // (A relative clause may run longer: "Lucy Hurds, who stood as the Lib Dem candidate for … at the last general election, said".)
    // (So may a description with one: "Taylor, the former Queensland Reds defence coach who spent the past eight years …, said".)
    const appos = /,\s*((?:who|whose)\s[^,_]{1,240}|(?:the|a|an)\s[^,_]{1,60}?\s(?:who|whose)\s[^,_]{1,200}|[^,_]{1,100}),$/.exec(text);
    if (appos) {
      const inner = floor + appos.index + appos[0].indexOf(appos[1]!);
      const innerEnd = inner + appos[1]!.trimEnd().length;
      const named = findMentions(ctx.masked, inner, innerEnd, ctx.speakers);
      // (Also "Dr. Aiko Tanaka of the University of Tokyo": a person, then the body they are of.)
      const whole =
        !!named[0] &&
        !named[0].org &&
        /^\s*(?:the\s+)?$/i.test(ctx.masked.slice(inner, named[0].start)) &&
        ((named.length === 1 && named[0].end === innerEnd) || /^\s+(?:of|at|from)\s/.test(ctx.masked.slice(named[0].end, innerEnd)));
      // "the club's president, Nasser Al-Khelaïfi, said": the appositive is the name, when what it
      // stands beside names no one ("…, of Joeys Lane, Bilbrook, said": Bilbrook is an address).
      const head = ctx.masked.slice(floor, floor + appos.index);
      const beside = floor + Math.max(0, head.lastIndexOf(',') + 1);
      // (Not a name inside a description there: "His former coach at Atalanta, Gian Piero Gasperini, told".)
      // (Also a role opening the sentence without an article: "Head coach of Nigeria’s Super Eagles, Jose Peseiro, said".)
      const descriptionHead = /^\s*(\p{Lu}\p{Ll}+)\s+\p{Ll}/u.exec(ctx.masked.slice(beside, floor + appos.index));
      const described =
        /^\s*(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|\p{Lu}[\p{L}'’.-]*['’]s)\s+\p{Ll}/u.test(ctx.masked.slice(beside, floor + appos.index)) ||
        (!!descriptionHead && beside === floor && isPersonNoun(descriptionHead[1]!.toLowerCase()));
      const namedBeside = findMentions(ctx.masked, beside, floor + appos.index, ctx.speakers).some(
        (x) =>
          x.name &&
          !x.possessive &&
          !x.org &&
          // (In a description headed by a lower-case noun, a name is part of it, unless a person joined by "and".)
          !(described && !(/\b(?:and|or)\s+$/.test(ctx.masked.slice(Math.max(beside, x.start - 6), x.start)) && firstNameGender(x.name!))),
      );
      // ("John Smith, of Elm Street, Leeds, said": after "of"/"from" an address, the next piece is its town.)
      const address = /^\s*(?:of|from)\s/.test(ctx.masked.slice(beside, floor + appos.index));
      if (address && head.lastIndexOf(',') > 0) return subjectBefore(ctx, floor, floor + head.lastIndexOf(','), depth + 1);
      if (whole && named[0]!.name && !namedBeside) return { speaker: resolveMention(ctx, named[0]!), start: named[0]!.start };
      // "The United Nations refugee agency, UNHCR, said": a noun for a kind of organisation, then
      // the organisation's name in apposition (the capitalised words before the noun qualify it).
      const kindHead = /^\s*(?:[Tt]he|[Ii]ts|\p{Lu}[\p{L}'’.-]*['’]s)\s+(?:[\p{L}-]+\s+){0,3}([\p{Ll}-]+)\s*$/u.exec(
        ctx.masked.slice(beside, floor + appos.index),
      );
      if (kindHead && ORG_KINDS.has(kindHead[1]!) && named.length === 1 && named[0]!.org && named[0]!.end === innerEnd && !named[0]!.possessive)
        return { speaker: resolveMention(ctx, named[0]!), start: named[0]!.start };
      return subjectBefore(ctx, floor, floor + appos.index, depth + 1);
    }
    return null;
  }
  // "the PGA champion from Zimbabwe said": a place after the noun phrase is not its head.
  const from = /^(.*\p{Ll})\s+(?:from|of|in)\s+(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*$/u.exec(text);
  if (from && depth < 2 && (!last || last.end !== e)) return subjectBefore(ctx, floor, floor + from[1]!.length, depth + 1);
  // ("the 66-year-old mum of four told The Argus": the age decides, whatever noun follows it.)
  const aged = /(?:^|\s)([Tt]he)\s+(\d{1,3}-year-old)(?:\s+[\p{Ll}-]+){0,2}(?:\s+of\s+[\p{Ll}\d-]+)?$/u.exec(text);
  if (aged) {
    const who = nounPhraseWho(ctx, 'the', aged[2]!, floor + aged.index);
    // ("the 45-year-old mother of three": never a man.)
    const fits = !who.speaker || ctx.speakers.fitsDescription(who.speaker, aged[0].trim().split(/\s+/));
    return { ...(fits ? who : { speaker: null }), start: floor + aged.index + (aged[0].length - aged[0].trimStart().length) };
  }
  const np = /(?:^|\s)(?:([\p{L}]+)\s+)?((?:[\p{Ll}][\p{L}'’-]*\s+){0,3}[\p{Ll}][\p{L}-]*)$/u.exec(text);
  if (np) {
    // "Vogel's deputy said": someone's deputy, not a person the article names.
    if (/['’]s?\s+$/u.test(text.slice(0, np.index + (np[0].length - np[0].trimStart().length) + (np[1] ? np[1].length + 1 : 0))))
      return { speaker: null, start: floor + np.index };
    let det = np[1] && DETERMINER.test(np[1]) ? np[1] : undefined;
    let noun = np[2]!;
    // "… being beaten the ex-policeman responded": the noun phrase starts at its last determiner.
    const words = noun.split(/\s+/);
    // ("a spokesman for the prime minister said": not after a preposition; the head is before it.)
    const lastDet = words.findLastIndex((w, i) => i < words.length - 1 && /^(?:the|a|an)$/.test(w) && !PREPOSITION.has(words[i - 1] ?? ''));
    if (lastDet >= 0) {
      det = words[lastDet];
      noun = words.slice(lastDet + 1).join(' ');
    }
    // "responded, via separate tweets": words after a preposition are no subject, and a plural
    // noun there ("tweets", "remarks") is no verb of saying: the verb before it speaks.
    const lead = (np[1] ?? noun.split(/\s+/)[0]!).toLowerCase();
    if (PREPOSITION.has(noun.split(/\s+/)[0]!) || PREPOSITION.has(lead) || /^(?:via|through|without|against|under|over|into|across)$/.test(lead))
      return null;
    const start = floor + np.index + (np[0].length - np[0].trimStart().length);
    // "the press secretary of the Russian president said": a noun for a person, then "of" and the
    // noun phrase it governs; the subject is the first ("the press secretary").
    const outer = /(?:^|\s)(the|a|an)\s+((?:[\p{Ll}-]+\s+){0,2}([\p{Ll}-]+))\s+(?:of|for)\s+the\s+$/iu.exec(text.slice(0, start - floor));
    if (outer && isPersonNoun(outer[3]!))
      return {
        ...nounPhraseWho(ctx, outer[1], `${outer[2]} of ${text.slice(start - floor).trim()}`, floor + outer.index),
        start: floor + outer.index + (outer[0].length - outer[0].trimStart().length),
      };
    // "the PGA champion", "the Liverpool manager": one capitalised word qualifying the noun after "the".
    if (!det && np[1] && /^\p{Lu}/u.test(np[1]) && /(?:^|\s)the\s+$/i.test(text.slice(0, start - floor)))
      return { ...nounPhraseWho(ctx, 'the', `${np[1]} ${noun}`, start), start: floor + text.slice(0, start - floor).search(/the\s+$/i) };
    if (!det && np[1] && /^\p{Lu}/u.test(np[1])) {
      // "Cuban parliamentary speaker said"? A capitalised word before lower-case words: not a subject we know.
      // "a United Airlines spokesperson said": an unnamed person of an organisation; the whole
      // phrase, its capitalised words and article included, is the subject, and it names no one.
      const whole = /(?:(?:^|\s)(?:the|a|an)\s+)?(?:\p{Lu}[\p{L}'’.&-]*\s+)*$/u.exec(text.slice(0, start - floor + np[1].length + 1));
      return { speaker: null, start: whole ? floor + whole.index + (whole[0].length - whole[0].trimStart().length) : start };
    }
    return { ...nounPhraseWho(ctx, det, noun, start), start };
  }
  return { speaker: null, start: floor };
}

/** The subject of the sentence that holds a participle ("X …, saying …"): a name at its start. */
function sentenceSubject(ctx: Context, from: number, verbStart: number): Who | null {
  const text = ctx.masked.slice(from, verbStart);
  const pron = /^[\s_,]*(he|she|they|it|we|i)\b/i.exec(text);
  if (pron) return pronounWho(ctx, pron[1]!, from + pron[0].length);
  const ms = findMentions(ctx.masked, from, verbStart, ctx.speakers);
  for (const [k, m] of ms.entries()) {
    // "Meanwhile, the general director of MSF Switzerland, Bruno Jochum disagreed … and reiterated":
    // a role of something, then the name in apposition, open the sentence: the name is its subject.
    const next = ms[k + 1];
    if (
      k === 0 &&
      next?.name &&
      !next.org &&
      !next.possessive &&
      /^[\s_]*(?:\p{Lu}\p{Ll}+,\s+)?(?:the|a|an)\s+(?:[\p{Ll}-]+\s+){1,3}(?:of|at|for)\s+$/u.test(ctx.masked.slice(from, m.start)) &&
      /^,\s+$/.test(ctx.masked.slice(m.end, next.start))
    )
      return { speaker: resolveMention(ctx, next) };
    if (m.possessive) continue;
    // "Israeli opposition leader Yair Lapid …, declaring": a role word right before the name is its description.
    if (!m.name && next?.name && /^\s+$/.test(ctx.masked.slice(m.end, next.start))) continue;
    // "Speaking early on Thursday …, Gates welcomed …, saying": an opening participle is no one.
    if (m.name && !m.name.includes(' ') && /^\p{Lu}\p{Ll}+(?:ing|ed)$/u.test(m.name) && !ctx.speakers.knowsPerson(m.name)) continue;
    const prefix = ctx.masked.slice(from, m.start);
    // "The official twitter handle of The Cranberries posted a tweet saying": an account speaks for its owner.
    if (ACCOUNT_OF.test(prefix)) return { speaker: resolveMention(ctx, m) };
    const clause = prefix.includes(', ') ? prefix.slice(prefix.lastIndexOf(', ') + 2) : prefix;
    if (/^[\s_]*(?:(?:the|a|an)\s+)?(?:[\p{Lu}][\p{L}'’.-]*\s+)*$/u.test(prefix) || /^\s*$/.test(clause)) return { speaker: resolveMention(ctx, m) };
    // "The usually somber Yar'Adua, though, allowed only a tight smile and said": an article, maybe
    // an adverb and one adjective before a person's name describe the subject.
    if (m.name && !m.org && /^[\s_]*(?:[Tt]he|[Aa]n?)\s+(?:\p{Ll}+ly\s+)?\p{Ll}[\p{Ll}-]*\s+$/u.test(prefix))
      return { speaker: resolveMention(ctx, m) };
    return null;
  }
  return null;
}

/** The speaker of the verb at `v`, in a clause starting at `floor`. */
const COORDINATED = /(?:^|\s)(?:(?:and|but|yet)(?:\s+(?:then|also|later|still|again|\p{Ll}+ly))?|by|then)\s+$/iu;

export function whoOfVerb(ctx: Context, floor: number, v: VerbHit, to: number): Who | null {
  const pre = ctx.masked.slice(floor, v.start);
  // "When asked about positives, the coach pointed out …": a clause with no subject of its own
  // opening the sentence is the main clause's subject's; its verb names no one.
  if (/^[\s_]*(?:When|If|Once|While|After|Before|Though|Although|Unless|Until)\s+(?:being\s+)?$/.test(pre)) return null;
  // "The paper quoted him as saying …": the one quoted speaks, not the paper.
  // ("Westerman accused Shirley Capp, 61, of saying that …": so does one accused of saying it.)
  const quotedAs =
    /(?<![\p{L}])(?:quoted|quotes|quote|cited|cites)\s+(.{1,60}?)\s+as\s+$/iu.exec(pre) ??
    (/^(?:saying|telling|shouting)$/.test(v.word) ? ACCUSED_OF.exec(pre) : null);
  // "Solberg was quoted by state radio as saying": passive, the subject is the one quoted.
  const passive = quotedAs && /^by\s/i.test(quotedAs[1]!) ? /\s*\b(?:was|were|is|are|been|being)\s+$/i.exec(pre.slice(0, quotedAs.index)) : null;
  if (quotedAs && passive) return subjectBefore(ctx, floor, floor + passive.index) ?? { speaker: null };
  if (quotedAs)
    return objectWho(
      ctx,
      floor + quotedAs.index + quotedAs[0].indexOf(quotedAs[1]!),
      floor + quotedAs.index + quotedAs[0].indexOf(quotedAs[1]!) + quotedAs[1]!.length,
    );
  const document = DOCUMENT_WHICH.exec(pre);
  if (document) return sentenceSubject(ctx, floor, floor + document.index);
  // "X was told by Y: …": the agent speaks.
  if (/(?<![\p{L}\p{N}])(?:was|were|is|are|been|being)\s+$/iu.test(pre) && v.word !== 'quoted') {
    const by = /^\s+by\s+/i.exec(ctx.masked.slice(v.end, to));
    if (by) return inverted(ctx, v.end + by[0].length - 1, to) ?? { speaker: null };
    // "he was admitted to hospital", "she was asked about …": the subject is not speaking.
    return null;
  }
  // "…, with Peres noting upfront that …": the participle's own subject, named right before it.
  // (A cheap look for "with" first: this runs for every participle of saying.)
  if (PARTICIPLE.has(v.word) && /(?:^|[\s,])with\s/i.test(ctx.masked.slice(Math.max(floor, v.start - 90), v.start))) {
    const withSubject = /(?:^|[\s,])with\s+$/i;
    const own = findMentions(ctx.masked, Math.max(floor, v.start - 80), v.start, ctx.speakers).at(-1);
    if (
      own?.name &&
      !own.possessive &&
      /^\s+(?:[\p{Ll}]+ly\s+)?$/u.test(ctx.masked.slice(own.end, v.start)) &&
      withSubject.test(ctx.masked.slice(Math.max(floor, own.start - 10), own.start))
    )
      return { speaker: resolveMention(ctx, own) };
  }
  // "Contending that “economic inequality is …,” Warren pledged …": a participle opening the
  // sentence has the main clause's subject, named right after the clause's comma.
  if (PARTICIPLE.has(v.word) && /^[\s_]*$/.test(pre)) {
    const sentence = /^[^.!?]*/.exec(ctx.masked.slice(v.end, v.end + 400))![0];
    for (const comma of sentence.matchAll(/[,_]\s+/g)) {
      const at = v.end + comma.index + comma[0].length;
      const m = findMentions(ctx.masked, at, Math.min(at + 80, v.end + sentence.length), ctx.speakers)[0];
      if (m?.start === at && m.name && !m.possessive && /^\s+\p{Ll}/u.test(ctx.masked.slice(m.end))) return { speaker: resolveMention(ctx, m) };
    }
  }
  // A verb coordinated with the sentence's first ("welcomed the news but warned of …", "visited the
  // scene and later told reporters …") shares its subject.
  // "…, Peskov noted, arguing that …": a participle right after a parenthetical attribution is
  // that attribution's speaker's.
  if (PARTICIPLE.has(v.word)) {
    const aside = /,\s+((?:\p{Lu}[\p{L}'’.-]*\s+){1,3})(\p{Ll}+),\s+$/u.exec(pre);
    const said = aside ? verbsIn(ctx.masked, floor + aside.index + aside[0].indexOf(aside[2]!), v.start)[0] : undefined;
    if (aside && said && said.word === aside[2] && !PARTICIPLE.has(said.word)) {
      const who = subjectBefore(ctx, floor + aside.index + 1, said.start);
      if (who?.speaker) return who;
    }
  }
  if (PARTICIPLE.has(v.word) || COORDINATED.test(pre)) return sentenceSubject(ctx, floor, v.start);
  if (v.word === 'quoted' && !/(?<![\p{L}\p{N}])(?:was|were|is|been|being)\s+$/iu.test(pre)) return { speaker: null };
  const subject = subjectBefore(ctx, floor, v.start);
  if (subject) return subject;
  // "…," said X, "…": the subject stands after the verb; after "told" stands the listener ("Malami,
  // (SAN) told the Federal High Court").
  // ("said the findings were …": a noun after the verb here may be its clause's subject, not a person.)
  // ("said Mr Newman was “a lovely guy”": a name, then a finite verb, is the subject of what was said.)
  const clause = /^\s+(?:\p{Lu}[\p{L}.'’-]*\s+){1,4}(?:was|were|is|are|had|has|have|would|will|could|should|can|did|does|do|must|might|may)\b/u;
  const after = INVERTED.has(v.word) && !clause.test(ctx.masked.slice(v.end, to)) ? inverted(ctx, v.end, to) : null;
  return after && { speaker: after.speaker };
}

/** An object ("him", "Jones", "the minister") as the speaker. */
function objectWho(ctx: Context, from: number, to: number): Who {
  const text = ctx.masked.slice(from, to).trim();
  if (/^him$/i.test(text)) return pronounWho(ctx, 'he', from);
  if (/^her$/i.test(text)) return pronounWho(ctx, 'she', from);
  return inverted(ctx, from - 1, to) ?? { speaker: null };
}

/** What may follow a name in apposition: the end of the clause. */
const APPOSITION_END = /^\s*(?:$|[,.;:!?)]|\s(?:who|and)\b)/;

/** The person named in apposition at `nameAt` after a noun and its comma, when the apposition ends there. */
function appositionName(ctx: Context, nameAt: number, to: number): Who | null {
  const m = findMentions(ctx.masked, nameAt, Math.min(to, nameAt + 60), ctx.speakers)[0];
  return m?.start === nameAt && endsClause(ctx, m, to) ? { speaker: resolveMention(ctx, m) ?? m.name } : null;
}

/** A mention of someone (a name, no organisation's, no possessive) with nothing after it but the clause's end. */
function endsClause(ctx: Context, m: Mention | undefined, to: number): m is Mention & { name: string } {
  return !!m?.name && !m.org && !m.possessive && APPOSITION_END.test(ctx.masked.slice(m.end, to));
}

function inverted(ctx: Context, from: number, to: number): Who | null {
  const rest = ctx.masked.slice(from, to);
  const lead = /^\s+/.exec(rest)?.[0].length ?? 0;
  const at = from + lead;
  const words = rest.slice(lead);
  const spokes = SPOKES_AFTER.exec(words);
  if (spokes) return spokesWho(ctx, spokes, at);
  // "said the CEO", "said the CEO, Jane Smith": a common noun in capitals, then maybe the name in apposition.
  const capNoun = /^(the|a|an|his|her|its|their)\s+(\p{Lu}{2,5})(?=$|[\s.,;:!?])/u.exec(words);
  const common = capNoun && capitalNoun(capNoun[2]!);
  if (capNoun && common) {
    const comma = /^,\s+/.exec(words.slice(capNoun[0].length));
    const named = comma ? appositionName(ctx, at + capNoun[0].length + comma[0].length, to) : null;
    if (named) return named;
    if (!/^\s+\p{Lu}/u.test(words.slice(capNoun[0].length))) return nounPhraseWho(ctx, capNoun[1], common, at);
  }
  // "says an emotional Ms. Banet", "said a tearful John Smith": an article and adjectives before the
  // person by title or given name (a noun for a person there is their role, read below).
  const adjectives = /^(?:a|an|the)\s+((?:[\p{Ll}-]+\s+){1,2})(?=\p{Lu})/u.exec(words);
  if (adjectives && !isPersonNoun(adjectives[1]!.trim().split(/\s+/).at(-1)!)) {
    const m = findMentions(ctx.masked, at + adjectives[0].length, Math.min(to, at + adjectives[0].length + 60), ctx.speakers)[0];
    if (m?.start === at + adjectives[0].length && endsClause(ctx, m, to) && (m.titled || firstNameGender(m.name) || ctx.speakers.knowsPerson(m.name)))
      return { speaker: resolveMention(ctx, m) };
  }
  // "said the forecasting agency's top official, Celeste Saulo": a description holding a
  // possessive, ending in a noun for a person, then the name in apposition.
  const owned = /^(?:the|a|an|his|her|its|their)\s+(?:[\p{Ll}][\p{L}'’-]*\s+){1,4}([\p{Ll}][\p{L}-]*),\s+/u.exec(words);
  const apposed = owned && /['’]s?\s/u.test(owned[0]) && isPersonNoun(owned[1]!) ? appositionName(ctx, at + owned[0].length, to) : null;
  if (apposed) return apposed;
  const np = /^(the|a|an|his|her|its|their)\s+((?:[\p{Ll}][\p{L}-]*\s+){0,3}?[\p{Ll}][\p{L}-]*)(?=$|[\s.,;:!?])/u.exec(words);
  if (np) {
    const tokens = np[2]!.split(/\s+/);
    const cut = tokens.findIndex((t) => PREPOSITION.has(t));
    const noun = (cut > 0 ? tokens.slice(0, cut) : tokens).join(' ');
    // "tweeted a fan called Claire", "said a woman named Ana Ruiz": the name the phrase gives.
    const called = /^\s+(?:called|named|identified\s+as|known\s+as)\s+/.exec(words.slice(np[0].length));
    if (called) {
      const nameAt = at + np[0].length + called[0].length;
      const m = findMentions(ctx.masked, nameAt, Math.min(to, nameAt + 60), ctx.speakers)[0];
      if (m?.name && !m.org && !m.possessive && m.start === nameAt) return { speaker: resolveMention(ctx, m) ?? m.name };
    }
    // "quoted a local official, Tek Bahadur KC, as saying": a person noun, then the name in apposition.
    const comma = /^((?:\s+[\p{Ll}][\p{L}-]*){0,3}),\s+/u.exec(words.slice(np[0].length));
    const named =
      comma && isPersonNoun(`${np[2]}${comma[1]}`.split(/\s+/).at(-1)!) ? appositionName(ctx, at + np[0].length + comma[0].length, to) : null;
    if (named) return named;
    // "said the club captain John Smith", "said the former president Bill Clinton": the noun phrase is the role of the name right after it.
    const role = /^\S+\s+((?:[\p{Ll}][\p{L}-]*\s+){1,4})(?=\p{Lu})/u.exec(words);
    if (role && isPersonNoun(role[1]!.trim().split(/\s+/).at(-1)!)) {
      const m = findMentions(ctx.masked, at, Math.min(to, at + role[0].length + 60), ctx.speakers).find((x) => x.nameStart === at + role[0].length);
      if (endsClause(ctx, m, to)) return { speaker: resolveMention(ctx, m) };
    }
    return nounPhraseWho(ctx, np[1], noun, at);
  }
  // "said the New Zealand boss", "said the England captain": capitalised words qualifying a
  // lower-case noun after "the" (as subjectBefore reads "the PGA champion").
  // ("according to the Center for Automotive Research" is a name: no preposition ends the noun.)
  // "said the 23-year-old" likewise stands for the person just named.
  const qualified =
    /^(the)\s+((?:\p{Lu}[\p{L}'’.&-]*\s+){1,3}(?:[\p{Ll}][\p{L}-]*\s+)?[\p{Ll}][\p{L}-]*)(?=$|[.,;:!?]|\s+(?!\p{Lu}))/u.exec(words) ??
    /^(the)\s+(\d{1,3}-year-old)(?![\p{L}\d-])/u.exec(words);
  if (qualified && !PREPOSITION.has(qualified[2]!.split(/\s+/).at(-1)!)) return nounPhraseWho(ctx, qualified[1], qualified[2]!, at);
  const pron = /^(he|she)(?![\p{L}])/iu.exec(words);
  if (pron) return pronounWho(ctx, pron[1]!, at);
  // "said Nairobi police boss Benson Kibue": a place, lower-case words of a role, then the
  // person with that role, ending the clause.
  const place = /^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2})\s+(?=\p{Ll})/u.exec(words);
  if (place && isPlaceName(place[1]!)) {
    const m = findMentions(ctx.masked, at + place[0].length, Math.min(to, at + place[0].length + 80), ctx.speakers)[0];
    if (
      m?.name &&
      m.role &&
      !m.org &&
      !m.possessive &&
      /^(?:[\p{Ll}-]+\s+){0,3}$/u.test(ctx.masked.slice(at + place[0].length, m.start)) &&
      endsClause(ctx, m, to)
    )
      return { speaker: resolveMention(ctx, m) };
  }
  const ms = findMentions(ctx.masked, at, Math.min(to, at + 120), ctx.speakers);
  const m = ms[0];
  const next = ms[1];
  const between = m && next ? ctx.masked.slice(m.end, next.start) : '';
  // "said Borelli's widow, Karen": a possessive's role, then the name in apposition; "said
  // Taylor's grandmother Constance Dingle", "Taylor's Grandmother Constance Dingle": or right after it.
  const personOf = /^\s+(?:[\p{Ll}-]+\s+){0,2}([\p{Ll}-]+)\s+$/u.exec(between);
  if (
    m?.start === at &&
    m.possessive &&
    next?.name &&
    !next.org &&
    (/^\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+,\s+$/u.test(between) ||
      (personOf && isPersonNoun(personOf[1]!)) ||
      (/^\s+$/.test(between) && !!next.role && next.start < next.nameStart)) &&
    APPOSITION_END.test(ctx.masked.slice(next.end, to))
  )
    return { speaker: resolveMention(ctx, next) };
  // "said ABC News Chief Health and Medical Editor, Dr. Richard Besser", "emphasized the
  // Undersecretary of Health Strategies, Juan Manuel Castelli": capitalised words of an
  // organisation and a role, then a comma and a person by title or given name, ending the clause.
  const comma = ms.findIndex((x, k) => k > 0 && /^(?:the\s+)?\p{Lu}[^,_]*,\s+$/u.test(ctx.masked.slice(at, x.start)));
  const appositive = comma > 0 ? ms[comma]! : null;
  if (
    appositive?.name &&
    !appositive.org &&
    !appositive.possessive &&
    (appositive.titled || firstNameGender(appositive.name)) &&
    ms.slice(0, comma).every((x) => x.org || !x.name || (!x.titled && !firstNameGender(x.name) && !ctx.speakers.knowsPerson(x.name))) &&
    /^(?:the\s+)?(?:\p{Lu}[\p{L}'’.&-]*|of|the|and|for|&)(?:\s+(?:\p{Lu}[\p{L}'’.&-]*|of|the|and|for|&))*,\s+$/u.test(
      ctx.masked.slice(at, appositive.start),
    ) &&
    APPOSITION_END.test(ctx.masked.slice(appositive.end, to))
  )
    return { speaker: resolveMention(ctx, appositive) };
  // "said Smith's lawyer": someone of Smith's, not Smith.
  if (m && m.start === at && m.possessive) return { speaker: null };
  // "said Fijian prime minister Frank Bainimarama": a nationality, then the person with a lower-case role.
  if (
    m?.start === at &&
    !m.name &&
    m.role &&
    isDemonym(m.role) &&
    next?.name &&
    !next.org &&
    next.start < next.nameStart &&
    /^\p{Ll}/u.test(next.role ?? '') &&
    /^\s+$/.test(between) &&
    APPOSITION_END.test(ctx.masked.slice(next.end, to))
  )
    return { speaker: resolveMention(ctx, next) };
  // "said Palestinian negotiator Saeb Erakat", "said Hamas official Mahmoud Zahar": a word that
  // qualifies a lower-case role noun, then the name the noun phrase ends with.
  // The qualifier is one word that names no one the article knows, the role one or two nouns
  // ("said Smith after meeting Jones" is Smith: a known person, and a preposition between).
  const role = between.trim().split(/\s+/);
  if (
    m?.start === at &&
    !m.possessive &&
    // ("said U.S. skateboarder Mariah Duran", "said NATO chief X": an organisation or a country qualifies too.)
    // ("said Feed the Minds chair Sandy Sneddon": an organisation of several words the article names.)
    ((m.name && (m.org || !m.name.includes(' ')) && (m.org || isCountryWord(m.name) || !ctx.speakers.canonical(m.name, m.org))) ||
      (!m.name && m.role && !m.role.includes(' '))) &&
    next?.name &&
    !next.org &&
    /^\s+(?:[\p{Ll}-]+\s+){1,2}$/u.test(between) &&
    role.every((w) => !PREPOSITION.has(w) && !DETERMINER.test(w) && !/(?:ing|ed)$/.test(w))
  )
    return { speaker: resolveMention(ctx, next) };
  // "said local resident Peter Ahl", "said another resident, Eva Lind", "said lawyer for the
  // plaintiffs Ted Olson" (a person noun, then what they are of); "remarked Belgian triathlete
  // Jolien Vermeylen" (a nationality first).
  const described = ctx.masked.slice(at, m?.start ?? at).replace(/^(\p{Lu}[\p{Ll}]+)\s+(?=\p{Ll})/u, (w, word: string) => (isDemonym(word) ? '' : w));
  if (
    m &&
    (m.start === at ||
      /^(?:[\p{Ll}-]+\s+){1,3}(?:[\p{Ll}-]+,\s+)?$|^[\p{Ll}-]+,\s+$/u.test(described) ||
      // ("said Google spokesman John Smith": capitalised words qualifying the role the name carries.)
      (m.name &&
        !m.org &&
        m.role &&
        m.start < m.nameStart &&
        /^\p{Lu}[\p{L}'’.&-]*(?:\s+(?:of|the|and|for|&|\p{Lu}[\p{L}'’.&-]*)){0,5}\s+$/u.test(described)) ||
      (m.name && !m.org && /^(?:[\p{Ll}-]+\s+){1,5}$/u.test(described) && isPersonNoun(described.split(/\s+/)[0]!)))
  )
    return { speaker: resolveMention(ctx, m) };
  return null;
}

/**
 * A name after a dash that signs a quotation (see tailAttribution and quotes.ts sourceAfter): a
 * person by what the text says of it, a title, a role, a common given name, or a surname the
 * article gives a person. A source's or outlet's name signs a headline, not someone's words.
 */
export function signsAsPerson(m: Mention, speakers: ArticleSpeakers): boolean {
  if (!m.name || m.org || m.possessive) return false;
  return m.titled || !!m.role || !!firstNameGender(m.name) || (!m.name.includes(' ') && speakers.knowsPerson(m.name));
}

/** After a closing quotation mark: ",” said X", ",” X said", ",” she added", ", according to X". */
export function tailAttribution(ctx: Context, from: number, to: number): Who | null {
  const after = ctx.masked.slice(from, to);
  const acc = /^[\s,]*according\s+to\s+/i.exec(after);
  if (acc) return inverted(ctx, from + acc[0].length - 1, to) ?? { speaker: null };
  const head = /^[\s,—–-]*/.exec(after)![0].length;
  // "“It is a great feeling …” -- Noah Lyles after completing a rare sprint double": a dash, then
  // a person's name, signs a quotation that opens its paragraph (a list of quotes, a pull-quote).
  const signed = /^\s*(?:--|\u2014|\u2013)\s*/.exec(after);
  if (signed && /^[\s"'\u201c\u2018]*$/.test(ctx.masked.slice(0, from).replace(/_/g, ''))) {
    const m = findMentions(ctx.masked, from + signed[0].length, Math.min(to, from + signed[0].length + 80), ctx.speakers)[0];
    if (m && signsAsPerson(m, ctx.speakers) && m.start === from + signed[0].length) return { speaker: resolveMention(ctx, m) };
  }
  // Right after a quotation even "wrote" and "posted" are verbs of saying.
  const verbs = verbsIn(ctx.masked, from + head, Math.min(to, from + 160), true);
  const first = verbs[0];
  if (!first) return anyVerbTail(ctx, from, to);
  // "“…,” AFP quoted a local official, Tek Bahadur KC, as saying": the one quoted speaks.
  const saying = /^(?:quoted|quotes|cited|cites)$/.test(first.word) ? verbs.find((v) => v.word === 'saying') : undefined;
  if (saying && /\sas\s+$/.test(ctx.masked.slice(first.end, saying.start))) return whoOfVerb(ctx, from + head, saying, to);
  if (first.start === from + head)
    return INVERTED.has(first.word) || first.word === 'said' ? inverted(ctx, first.end, to) : anyVerbTail(ctx, from, to);
  // "…" X said / X, the coach, said: only a subject between the quotation and the verb.
  if (
    /[.!?;:]/.test(ctx.masked.slice(from + head, first.start).replace(/\b(?:\p{Lu}\.)+|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Prof|No)\./gu, ''))
  )
    return null;
  const subject = subjectBefore(ctx, from + head, first.start);
  // ("…," the acting police commander in East Sepik province, James Baugen, told: a role may hold
  // a place's name after a preposition.)
  const placedRole =
    !!subject &&
    /^[\s,—–-]*(?:the|a|an)\s+(?:[\p{Ll}-]+\s+){1,4}(?:in|of|at|for|from)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(?:[\p{Ll}-]+\s*)?,\s+$/u.test(
      ctx.masked.slice(from + head, subject.start),
    );
  if (placedRole) return subject;
  // Only the subject (and lower-case words of its role: "fire chief Jan Vogel") between the quotation and the verb.
  // "…," the lawyer, Sophie Garnier, told reporters: a role noun, then the name in apposition.
  // "…," the council’s chief executive, Robert Allen, said: a lower-case possessive may lead the role.
  // "…," FBI agent Robert Britt said, "…," Labour's Gannon said, "…," the WHO's Soumya Swaminathan
  // told: so may an organisation's name
  // (one to three capitalised words, then a lower-case word or a possessive; not "Smith and").
  // ("…," an "over the moon" Mills said: a quoted adjective is a word of the description too;
  // "…," the 118-strong EU observer team said: so is a number's.)
  if (
    !subject ||
    (!/^[\s,—–-]*(?:(?:\p{Lu}[\p{L}&.-]*\s+){1,3}(?=\p{Ll})(?!(?:and|or|with|to|of)\b)|(?:the\s+)?(?:\p{Lu}[\p{L}&.-]*\s+){0,2}\p{Lu}[\p{L}&.-]*['’]s\s+)?(?:(?:[\p{Ll}\d-]+|_+)(?:['’]s?)?\s+){0,6}(?:[\p{Ll}-]+,\s+)?$/u.test(
      ctx.masked.slice(from + head, subject.start),
    ) &&
      !roleAnd(ctx, from + head, subject.start)) ||
    // (Up to six lower-case words of a role, "national search and rescue agency head Muhammad
    // Syaugi"; no clause: "… and carried signs repeating things that Mayor Tom Reed had said".)
    ((ctx.masked.slice(from + head, subject.start).match(/(?:^|\s)\p{Ll}/gu)?.length ?? 0) > 4 &&
      /(?:^|\s)(?:that|which|who|whom|whose|when|where|while|[\p{Ll}]+(?:ed|ing))\s/u.test(ctx.masked.slice(from + head, subject.start)))
  )
    return null;
  return subject;
}

/** "GM Chairwoman and CEO Mary Barra said": a first role with no name, joined by "and" to the person's second. */
function roleAnd(ctx: Context, from: number, to: number): boolean {
  const and = /^[\s,—–-]*((?:\p{Lu}[\p{L}&.-]*\s+){1,3})and\s+$/u.exec(ctx.masked.slice(from, to));
  if (!and) return false;
  const ms = findMentions(ctx.masked, from, from + and[0].indexOf(and[1]!) + and[1]!.trimEnd().length, ctx.speakers);
  return ms.length === 1 && !ms[0]!.name && !!ms[0]!.role;
}

/**
 * "“They said we were hopeless,” complained Ferguson." / "“…,” Ferguson grumbled.": after a
 * quotation, the rest of its sentence being nothing but a name and one past-tense verb is its
 * attribution, whatever the verb (the lists cannot hold every
 * verb of saying; the position says it).
 */
function anyVerbTail(ctx: Context, from: number, to: number): Who | null {
  // (The caller looks only as far as the sentence's end: a quotation that ended it with a full
  // stop has no tail here.)
  const rest = ctx.masked.slice(from, to);
  // "“…,” he taunted at one point.": he or she, the verb, and at most a short adverbial.
  // ("“…” to come down to the desired levels, he defended.": so after the quoted words' own
  // sentence runs on, when he or she and the verb end it after a comma.)
  const pron =
    /^[\s,]*(he|she)\s+\p{Ll}{3,}ed(?:\s+(?:at|on|in|during|after|before|to|with)\s+[^.!?,;:_]{1,40})?\s*[.!?]?\s*$/u.exec(rest) ??
    /^\s+\p{Ll}[^.!?;:_"“”]{0,100},\s+(he|she)\s+\p{Ll}{3,}ed\s*[.!?]?\s*$/u.exec(rest);
  if (pron) return pronounWho(ctx, pron[1]!, from);
  const inverted = /^[\s,]*(\p{Ll}{3,}ed)\s+(?=\p{Lu})/u.exec(rest);
  const at = from + (inverted ? inverted[0].length : (/^[\s,]*/.exec(rest)?.[0].length ?? 0));
  const m = findMentions(ctx.masked, at, to, ctx.speakers)[0];
  if (!m?.name || m.start !== at || m.possessive) return null;
  const after = ctx.masked.slice(m.end, to);
  if (inverted ? !/^\s*[.!?]?\s*$/.test(after) : !/^\s+\p{Ll}{3,}ed\s*[.!?]?\s*$/u.test(after)) return null;
  return { speaker: resolveMention(ctx, m) };
}

/** Before an opening quotation mark: the nearest verb of saying in the sentence so far ("X said:", "As X told Y,"). */
export function leadAttribution(ctx: Context, from: number, to: number): Who | null {
  const lead = ctx.masked.slice(from, to);
  const acc = /according\s+to\s+([^,_]{2,80}?),?\s*$/i.exec(lead);
  // ("According to him, “…”": he, as "him" would be after any verb of saying.)
  if (acc && /^(?:him|her)$/i.test(acc[1]!))
    return objectWho(ctx, from + acc.index + acc[0].indexOf(acc[1]!), from + acc.index + acc[0].indexOf(acc[1]!) + acc[1]!.length);
  if (acc) return inverted(ctx, from + acc.index + acc[0].indexOf(acc[1]!) - 1, to) ?? { speaker: null };
  const verbs = verbsIn(ctx.masked, from, to);
  // "According to Fletcher, the brothers “smiled and shook my hand”": a sentence opening
  // "according to X," with no verb of saying of its own gives its quoted words to X.
  const opens = /^\s*according\s+to\s+([^,_]{2,80}?),\s/i.exec(lead);
  if (opens && !verbs.length) return inverted(ctx, from + opens[0].indexOf(opens[1]!) - 1, to) ?? { speaker: null };
  // "Smith: “…”": a name alone, then a colon, opens the sentence.
  if (!verbs.length) {
    const label = /^\s*([^_:]{2,60}):\s*$/.exec(lead);
    const m = label ? findMentions(ctx.masked, from, from + label[0].lastIndexOf(':'), ctx.speakers)[0] : undefined;
    if (m?.name && m.start === from + (lead.length - lead.trimStart().length) && m.end === from + label![0].lastIndexOf(':'))
      return { speaker: resolveMention(ctx, m) };
  }
  // "Communications Minister Ousseni Tamboura “strongly condemned the barbaric attack”": a
  // quotation right after the name that opens the sentence is that name's predicate.
  if (!verbs.length) {
    const ms = findMentions(ctx.masked, from, to, ctx.speakers);
    const m = ms[0];
    if (ms.length === 1 && m?.name && !m.possessive && /^[\s_]*$/.test(ctx.masked.slice(from, m.start)) && /^\s*$/.test(ctx.masked.slice(m.end, to)))
      return { speaker: resolveMention(ctx, m) };
  }
  // "Transport Minister Olu Adeyemi defended the offer: “…”": a quotation after a colon, with no
  // verb of saying, belongs to the subject of the sentence that introduces it.
  if (!verbs.length && /:\s*$/.test(lead)) return colonSubject(ctx, from, from + lead.lastIndexOf(':'));
  for (let i = verbs.length - 1; i >= 0; i--) {
    if (inRelativeClause(ctx, from, verbs[i]!)) continue;
    // "Rzepecki added, as quoted by the PAP news agency: “…”": an aside naming the source.
    if (verbs[i]!.word === 'quoted' && /(?:^|[\s,])as\s+$/.test(ctx.masked.slice(Math.max(from, verbs[i]!.start - 4), verbs[i]!.start)) && i > 0)
      continue;
    const who = whoOfVerb(ctx, from, verbs[i]!, to);
    if (who) return who;
  }
  return null;
}

/** A relative clause's subject right before its verb: "things that Trump had …", "the words which she …". */
const RELATIVE_SUBJECT =
  /(?:^|\s)\p{Ll}[\p{Ll}-]+\s+(?:that|which|whom)\s+(?:(?:\p{Lu}[\p{L}'’.-]*|he|she|they|it|we|I)\s+){1,4}(?:(?:had|has|have|would|will|once|also|then|later)\s+){0,2}$/u;

function inRelativeClause(ctx: Context, from: number, v: VerbHit): boolean {
  return RELATIVE_SUBJECT.test(ctx.masked.slice(Math.max(from, v.start - 80), v.start));
}

/** Nouns for text that is not its subject's own words: "a sign read:", "the banner said:". */
const NOT_OWN_WORDS =
  /\b(?:signs?|banners?|placards?|headlines?|slogans?|chants?|posters?|graffiti|inscriptions?|captions?|mottos?|titles?|t-shirts?|shirts?)\b/i;

/**
 * The subject of a sentence whose colon opens a quotation: a named person or organisation at the
 * sentence's start (after at most three words of role: "Homicide investigator Edson Moreira"),
 * not after a preposition, and a verb after it; null when there is none or the colon introduces
 * a sign, a banner or a headline (their words are not the subject's).
 */
export function colonSubject(ctx: Context, from: number, colon: number): Who | null {
  const lead = ctx.masked.slice(from, colon);
  if (NOT_OWN_WORDS.test(lead)) return null;
  // "It was a view shared by the club's chairman, Tom Reed: “…”", "… echoed by Smith:": the
  // agent of a passive, named right before the colon, after a description at most.
  const by = lead.lastIndexOf(' by ');
  if (by >= 0) {
    const m = findMentions(ctx.masked, from + by + 4, colon, ctx.speakers).at(-1);
    const between = m ? ctx.masked.slice(from + by + 4, m.start) : '';
    if (
      m?.name &&
      !m.possessive &&
      /^\s*$/.test(ctx.masked.slice(m.end, colon)) &&
      /^(?:(?:the|a|an|his|her|their|its)\s+)?(?:[\p{L}'’-]+\s+){0,5}?(?:[\p{Ll}-]+,\s+)?$/u.test(between)
    )
      return { speaker: resolveMention(ctx, m) };
  }
  // "For Ruiz, the answer is simple: “…”": the person a view is given for.
  const holder = /^[\s_]*For\s+/.exec(lead);
  if (holder) {
    const m = findMentions(ctx.masked, from + holder[0].length, colon, ctx.speakers)[0];
    if (m?.name && !m.org && !m.possessive && m.start === from + holder[0].length && /^,/.test(ctx.masked.slice(m.end)))
      return { speaker: resolveMention(ctx, m) };
  }
  return openingSubject(ctx, from, colon);
}

/**
 * The named subject a sentence opens with (he or she; or a name after at most three words of
 * role, not after a preposition, followed by its predicate), or null. For words quoted after a
 * colon in that sentence, and for a quotation right after it that has no attribution of its own.
 */
export function openingSubject(ctx: Context, from: number, to: number): Who | null {
  // (After an opening adverbial: "Towards the end of the interview, he accused the broadcaster: …")
  const pron = /^[\s_]*(?:\p{Lu}[^,_:;]{0,60},\s+)?([Hh]e|[Ss]he)\s+(?:[\p{L}'’,-]+\s+)*?\p{Ll}/u.exec(ctx.masked.slice(from, to));
  if (pron) return pronounWho(ctx, pron[1]!, from + pron[0].indexOf(pron[1]!));
  // (After an opening participle clause: "Speaking to Sri Lanka's Sunday Times, Mr Samaraweera
  // compared …:"; names inside the clause are not the subject.)
  const clause = /^[\s_]*\p{Lu}\p{Ll}+ing\b[^,_:;]{0,80},\s+/u.exec(ctx.masked.slice(from, to));
  if (clause) from += clause[0].length;
  // The last name within the sentence's first words: "Homicide investigator Edson Moreira", or
  // in apposition to them: "Osei's deputy, Lena Park, was blunter".
  const m = findMentions(ctx.masked, from, to, ctx.speakers)
    .filter(
      (x) =>
        /^[\s_]*(?:[\p{L}'’-]+\s+){0,3}$/u.test(ctx.masked.slice(from, x.start)) ||
        // (Up to five words: "One fan outside the ground, Mike Dean, 54, was delighted:".)
        (/^[\s_]*(?:[\p{L}'’.-]+\s+){0,5}[\p{Ll}-]+,\s+$/u.test(ctx.masked.slice(from, x.start)) && /^,/.test(ctx.masked.slice(x.end))),
    )
    .at(-1);
  // "Snowe's full statement is below:", "Obama's remarks:": the words a possessive's document holds are theirs.
  if (m?.name && m.possessive && OWN_DOCUMENT.test(ctx.masked.slice(m.end, to))) return { speaker: resolveMention(ctx, m) };
  if (!m?.name || m.possessive) return null;
  const prefix = ctx.masked.slice(from, m.start);
  const rest = ctx.masked.slice(m.end, to);
  // A name after a preposition is its object ("After meeting Smith, Jones …"), unless the
  // preposition opens an adverbial of its own before the subject ("On his departure Chris gave …").
  const adverbial =
    /^[\s_]*(?:on|in|at|after|before|following|during|upon|with)\s+(?:his|her|their|its|the|a|an)\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+,?\s+$/iu;
  if (/(?:^|\s)(?:in|at|on|of|for|with|from|to|by|after|before|during|about|like|as|and|or)\s/i.test(prefix) && !adverbial.test(prefix)) return null;
  if (!/^,?\s+(?:[\p{L}\p{N}'’,-]+\s+)*?\p{Ll}/u.test(rest)) return null;
  const speaker = resolveMention(ctx, m);
  return speaker ? { speaker } : null;
}

/**
 * Who speaks in a sentence of reported speech, and the verb of saying that says so: the first verb
 * with a subject, outside relative clauses.
 */
export function reportedWho(ctx: Context, from: number, to: number): (Who & { verb: VerbHit }) | null {
  const verbs = verbsIn(ctx.masked, from, to);
  for (const v of verbs) {
    // "signs referenced things that Trump had said": a verb of saying inside a relative clause
    // reports nothing; its object is the noun before "that".
    if (inRelativeClause(ctx, from, v)) continue;
    const who = whoOfVerb(ctx, from, v, to);
    if (who) return { ...who, verb: v };
  }
  // "According to Hichilema, the Malawian Judiciary has shown …": a sentence opening with its
  // source, and no verb of saying of its own, reports that source's words.
  const source = /^[\s_]*[Aa]ccording\s+to\s+([^,_]{2,80}?),\s/.exec(ctx.masked.slice(from, to));
  if (source && !verbs.length) {
    const at = from + source[0].indexOf(source[1]!);
    const who = inverted(ctx, at - 1, at + source[1]!.length);
    if (who?.speaker) return { ...who, verb: { start: at - 1, end: at - 1, word: 'according to' } };
  }
  return null;
}
