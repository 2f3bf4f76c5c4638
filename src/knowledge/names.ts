import { CLOSED_CLASS, NAME_TAILS, NOT_NAME } from './lexicon/function-words.js';
import { LEGAL_FORMS, ORG_KINDS, ORG_WORDS, SEATS_OF_POWER } from './lexicon/organisations.js';
import { KEEP_DOT, LINKS, OPENING_PARTICLES, PARTICLES } from './lexicon/particles.js';
import { isCountryWord, isDemonym, isPlaceName, PLACE_HEADS, PLACE_WORDS } from './lexicon/places.js';
import { PERSON_NOUNS, ROLE_WORDS, WEAK_ROLE } from './lexicon/roles.js';
import { givenNameGender, isGivenName } from './lexicon/given-names.js';
import { SAYING_AFTER } from './lexicon/speech-verbs.js';
import { MONTH_ABBREVIATIONS } from './lexicon/time-words.js';
import { FEMALE, MALE, TITLES } from './lexicon/titles.js';
import { fold } from './text.js';

/**
 * Names in running text: runs of capitalised words ("Environment Minister John Baird",
 * "U.S. Department of Agriculture", "Suleiman al-Amr"), split into the role or title written
 * before the name and the name itself, and told apart as a person or an organisation. Plain
 * capitalisation rules, no statistical model: news text capitalises names and little else, and
 * what is not sure to be a person (places, months, sentence-initial words) is left out.
 */

export type Gender = 'm' | 'f' | null;

export interface Mention {
  /** Offsets of the whole run (role words included) in the text it was found in. */
  start: number;
  end: number;
  /** Where the name part starts (after any role/title words). */
  nameStart: number;
  /** The name as written, without role or title ("John Baird", "Baird", "Amnesty International"). */
  name: string | null;
  /** Role words written before the name ("Environment Minister", "Environment Canada spokeswoman"). */
  role: string | null;
  titled: boolean;
  org: boolean;
  gender: Gender;
  possessive: boolean;
}

/** A sentence's first word ending in -ist or -eer before a two-word name is a role ("Saxophonist Marcus Bell", "Mountaineer Jane Roe"). */
const ROLE_SUFFIX = /^\p{L}{3,}(?:ist|yst|ologist|eer)$/u;
const SUFFIX = /^(?:Jr|Sr|II|III|IV)\.?$/;
/** Nouns of a learned profession, by their ending (meteorologist, economist, physician, librarian). */
const PROFESSION = /^\p{Ll}{3,}(?:ist|ician|arian)$/u;

interface Token {
  text: string;
  low: string;
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.-]*/gu;

function tokens(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const re = new RegExp(TOKEN.source, 'gu');
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    let t = m[0];
    if (m.index + t.length > to) t = t.slice(0, to - m.index);
    // "U.S." and "Mr." keep their dot; "Leong." at a sentence end does not.
    while (/[.\-'’]$/.test(t) && !(t.endsWith('.') && (/^(?:\p{L}\.)+$/u.test(t) || KEEP_DOT.has(fold(t.slice(0, -1)))))) t = t.slice(0, -1);
    if (!t) continue;
    // An initial keeps its dot in `low`, so "A." in "Chester A. Arthur" is never the article "a".
    out.push({ text: t, low: /^\p{L}\.$/u.test(t) ? fold(t) : fold(t).replace(/\.$/, ''), start: m.index, end: m.index + t.length });
  }
  return out;
}

/**
 * "Moscow-born", "Kremlin-backed", "US-based", "French-speaking", "Manila-bound": a capitalised word joined to a
 * participle is an adjective before a name, never a part of it ("Ban Ki-moon", "Kim Jong-un" are).
 */
const COMPOUND_ADJECTIVE = /^\p{L}[\p{L}.]*-(?:\p{Ll}{2,}ed|born|bred|run|led|made|built|grown|speaking|style|bound|wide|owned)$/u;
const isCap = (t: Token) =>
  (/^\p{Lu}/u.test(t.text) && !COMPOUND_ADJECTIVE.test(t.text)) || /^(?:al|el|bin|ibn|ben|abu|van|von|de|di|da|le|la|d)[-'’]\p{Lu}/u.test(t.text);
const isAcronym = (t: Token) => /^\p{Lu}{2,6}s?$/u.test(t.text.replace(/\./g, '')) && t.text.length >= 2;
const possessive = (t: Token) => /['’]s?$/u.test(t.text) || /['’]s$/u.test(t.text);

/**
 * Words that are not names by themselves but are also given names or surnames (May, June, April,
 * August, Will): inside a run after a name word ("Brian May", "Theresa May") or opening one before
 * a capitalised word ("Will Ferrell", "May Mobley") they are part of the name, never a date or a verb.
 */
const nameCapable = (t: Token) => NOT_NAME.has(t.low) && !TITLES.has(t.low) && isGivenName(t.low);
/** A verb of saying right after a word: it is a subject, not a qualifier ("Republicans said"). */
const SAYING = new RegExp(`^\\s+(?:${SAYING_AFTER.join('|')})\\b`);

/** Whether the line holding a token is written in title case (a heading: most of its words capitalised). */
function titleCase(text: string, t: Token): boolean {
  const from = text.lastIndexOf('\n', t.start) + 1;
  const to = text.indexOf('\n', t.end);
  const words = text.slice(from, to < 0 ? undefined : to).match(/\p{L}+/gu) ?? [];
  return words.length > 0 && words.filter((w) => /^\p{Lu}/u.test(w)).length * 3 > words.length * 2;
}

/** A noun for a person: a role, a person noun, or an agent noun ("researcher", "economist", "historian"). */
export const isPersonNoun = (w: string) => ROLE_WORDS.has(w) || PERSON_NOUNS.has(w) || /^\p{Ll}{3,}(?:er|or|ist|ian|ant|ent)$/u.test(w);

/**
 * What follows a run that says it is a person, whatever its words: an age ("Nenette Day, 41,"), a
 * person in apposition ("Nenette Day, a spokesperson with the FBI,"), and, for a run with no place
 * word, a verb of saying.
 */
function personPosition(after: string, verbCounts: boolean): boolean {
  // ("Downing Street said", "White House said": a place's words before a verb are its office speaking.)
  if (/^,\s+\d{1,3},/.test(after) || (verbCounts && SAYING.test(after))) return true;
  const appos = /^,\s+(?:a|an|the)\s+((?:[\p{Ll}-]+\s+){0,3}?)([\p{Ll}-]+)(?=[\s,.;:])/u.exec(after);
  if (appos && isPersonNoun(appos[2]!)) return true;
  // ("Moira Lane, mother of Ben Hart,", "Jo Field, director at Arup": a bare noun for a person, then whose.)
  const bare = /^,\s+(?:[\p{Ll}-]+\s+){0,2}?([\p{Ll}-]+)\s+(?:of|for|at|to|with)\s/u.exec(after);
  return !!bare && isPersonNoun(bare[1]!);
}

/** A lower-case noun for a kind of organisation right before a capitalised word ("group Oxfam"). */
const kindNoun = (before: Token, first: Token, text: string) =>
  !isCap(before) && ORG_KINDS.has(before.low) && /^ $/.test(text.slice(before.end, first.start));
/** Words before a run that make it a place ("in Victoria Park", "from West Bank"), whatever its words; not "of" ("the death of Adam West"). */
const LOCATIVE =
  /(?:^|[^\p{L}])(?:in|at|on|near|from|(?<!according\s+)to|into|onto|across|outside|inside|through|towards?|around|along|via|between|within|throughout)\s+(?:the\s+)?$/iu;

/** The prepositions of being somewhere (not "to" or "from", which also take people). */
const IN_PLACE = /(?:^|[^\p{L}])(?:in|at|near|across|inside|outside|throughout|within)\s+$/u;

/** Whether an organisation word closes the run of capitalised words from `j` within three words. */
function orgWordAhead(toks: Token[], j: number, text: string): boolean {
  for (let k = j; k < Math.min(toks.length, j + 3); k++) {
    const t = toks[k]!;
    if (!isCap(t) || (k > j && !/^\s+$/.test(text.slice(toks[k - 1]!.end, t.start)))) return false;
    if (ORG_WORDS.has(t.low)) return true;
  }
  return false;
}

/** What a caller knows of the article: a single word it has seen as a person's surname or given name. */
export interface KnownNames {
  knowsPerson(word: string): boolean;
  /** An organisation the article names, or spells out as this acronym ("the World Health Organization (WHO)"). */
  isOrg?(name: string): boolean;
  /** The article's organisations whose names hold a lower-case word ("Feed the Minds"), read whole wherever they recur. */
  innerLowerOrgs?(): readonly string[];
}

/** Whether a word of NOT_NAME opens a name here (see nameCapable and KnownNames). */
function opensName(toks: Token[], k: number, text: string, known: KnownNames | undefined): boolean {
  const t = toks[k]!;
  // "March added" after "Mayor Angela March": a word the article knows as a person's name.
  if (!CLOSED_CLASS.has(t.low) && known?.knowsPerson(t.text)) return true;
  // "He Shiyou, ZTE's executive vice-president, said": a subject pronoun is never followed by a
  // capitalised word in running text, so "He" or "She" before one is a family name written first.
  if (/^(?:He|She)$/.test(t.text)) {
    const next = toks[k + 1];
    return (
      !!next && /^\p{Lu}\p{Ll}+$/u.test(next.text) && !NOT_NAME.has(next.low) && /^ $/.test(text.slice(t.end, next.start)) && !titleCase(text, next)
    );
  }
  if (!nameCapable(t)) return false;
  // "Will Ferrell said", "May Mobley, 41": a given name right before a capitalised name word,
  // and not after a preposition or a number ("in May Congress", "on 3 May").
  const next = toks[k + 1];
  return (
    !!next &&
    isCap(next) &&
    !NOT_NAME.has(next.low) &&
    /^ $/.test(text.slice(t.end, next.start)) &&
    !LOCATIVE.test(text.slice(Math.max(0, t.start - 20), t.start)) &&
    !/\d\s*$/.test(text.slice(Math.max(0, t.start - 4), t.start))
  );
}

/**
 * Every capitalised run in text[from, to) that names someone or something, in reading order.
 * With `known`, a single word that would be a place, month or verb by the word lists ("West",
 * "May") is a mention when the article knows it as a person's name ("Adam West" … "West said").
 */
export function findMentions(text: string, from = 0, to = text.length, known?: KnownNames): Mention[] {
  const toks = tokens(text, from, to);
  const out: Mention[] = [];
  // (Asked once per call, not at every capitalised word: it reads the article's organisations.)
  const lowerOrgs = known?.innerLowerOrgs?.() ?? [];
  let i = 0;
  while (i < toks.length) {
    // "van der Berg said": lower-case particles open a surname when a capitalised name follows.
    let p0 = i;
    while (p0 < toks.length && OPENING_PARTICLES.has(toks[p0]!.text) && /^\s+$/.test(text.slice(toks[p0]!.end, toks[p0 + 1]?.start ?? toks[p0]!.end)))
      p0++;
    const particleLead =
      p0 > i &&
      p0 < toks.length &&
      isCap(toks[p0]!) &&
      !NOT_NAME.has(toks[p0]!.low) &&
      !(i > 0 && isCap(toks[i - 1]!) && /^\s+$/.test(text.slice(toks[i - 1]!.end, toks[i]!.start)));
    // ("the WHO said": an acronym the article spelled out is an organisation, not the pronoun.)
    // ("WHO Director-General Tedros": so is one in capitals before a word capitalised as names are,
    // in running text: a pronoun or an article is written in capitals only in a line of capitals.)
    const spelledOut =
      isAcronym(toks[i]!) &&
      /^\p{Lu}+$/u.test(toks[i]!.text) &&
      (!!known?.isOrg?.(toks[i]!.text) ||
        (!!toks[i + 1] && /^\p{Lu}\p{Ll}/u.test(toks[i + 1]!.text) && /^ $/.test(text.slice(toks[i]!.end, toks[i + 1]!.start))));
    // ("Nov. 26, 2018 (EIRNS)—General Motors announced": a month written short before a day is a date.)
    const shortMonth = MONTH_ABBREVIATIONS.has(toks[i]!.low) && /^\.?\s+\d/.test(text.slice(toks[i]!.end, toks[i]!.end + 4));
    if (
      !particleLead &&
      (!isCap(toks[i]!) || shortMonth || (NOT_NAME.has(toks[i]!.low) && !TITLES.has(toks[i]!.low) && !spelledOut && !opensName(toks, i, text, known)))
    ) {
      i++;
      continue;
    }
    // "rights group Friends of the Andes", "the newspaper La Razón": a noun for a kind of
    // organisation right before the run makes it one, "of the" inside it included.
    const kindBefore =
      i > 0 && (kindNoun(toks[i - 1]!, toks[i]!, text) || (i > 1 && /^the$/i.test(toks[i - 1]!.text) && kindNoun(toks[i - 2]!, toks[i - 1]!, text)));
    let j = particleLead ? p0 + 1 : i + 1;
    // "said Feed the Minds chair Sandy Sneddon": a name the article has already read as an
    // organisation's, with a lower-case word inside, is read whole again.
    const whole = lowerOrgs.find((o) => text.startsWith(o, toks[i]!.start) && !/[\p{L}\p{N}]/u.test(text[toks[i]!.start + o.length] ?? ''));
    if (whole) {
      const end = toks[i]!.start + whole.length;
      while (j < toks.length && toks[j]!.end <= end) j++;
    }
    while (j < toks.length) {
      const prev = toks[j - 1]!,
        t = toks[j]!;
      // "Prosecutor’s Office": a possessive inside an organisation's name does not end it; nor does
      // a plural one a few capitalised words before its organisation word ("Cricketers’ Welfare Association").
      const gap = text.slice(prev.end, t.start);
      // (Not a person's: "Mr Jones' Party", "Chris Evans' Company".)
      const personal = TITLES.has(toks[i]!.low) || isGivenName(toks[i]!.low);
      const pluralOf = /^['’]\s+$/u.test(gap) && /s$/u.test(prev.text) && isCap(prev) && !personal && orgWordAhead(toks, j, text);
      if ((!/^\s+$/.test(gap) && !pluralOf) || (possessive(prev) && !(isCap(t) && ORG_WORDS.has(t.low)))) break;
      if (isCap(t) && (!NOT_NAME.has(t.low) || (NAME_TAILS.has(t.low) && isCap(prev) && !NOT_NAME.has(prev.low)))) {
        j++;
        continue;
      }
      // "Alain Claude Bilie By Nze", "Lam To": a capitalised function word right after a name word
      // is part of the name (a preposition or an article mid-sentence is written in lower case),
      // in running text, not in a heading written in title case.
      if (
        /^\p{Lu}\p{Ll}+$/u.test(t.text) &&
        CLOSED_CLASS.has(t.low) &&
        t.low !== 'i' &&
        isCap(prev) &&
        !NOT_NAME.has(prev.low) &&
        !ORG_WORDS.has(prev.low) &&
        !ROLE_WORDS.has(prev.low) &&
        !titleCase(text, t) &&
        (!toks[j + 1] || !/^\s+$/.test(text.slice(t.end, toks[j + 1]!.start)) || !isCap(toks[j + 1]!) || !NOT_NAME.has(toks[j + 1]!.low))
      ) {
        j++;
        continue;
      }
      // "journalist Peter A Smith": a capital letter alone between a given name and a capitalised
      // word is a middle initial written without its stop, not the article "A".
      if (
        /^\p{Lu}$/u.test(t.text) &&
        isGivenName(prev.text) &&
        toks[j + 1] &&
        isCap(toks[j + 1]!) &&
        !NOT_NAME.has(toks[j + 1]!.low) &&
        /^ $/.test(text.slice(prev.end, t.start)) &&
        /^ $/.test(text.slice(t.end, toks[j + 1]!.start))
      ) {
        j++;
        continue;
      }
      // "Brian May", "Mayor Theresa May": a month or verb that is also a name, after a name word
      // and not before a number ("Washington May 5") or another name-capable word.
      // After a given name, any capitalised word but a closed-class one is a surname ("Angela March").
      if (
        isCap(t) &&
        (nameCapable(t) || (isGivenName(prev.text) && !CLOSED_CLASS.has(t.low))) &&
        isCap(prev) &&
        !NOT_NAME.has(prev.low) &&
        !ORG_WORDS.has(prev.low) &&
        !/^\p{N}/u.test(toks[j + 1]?.text ?? '')
      ) {
        j++;
        continue;
      }
      const next = toks[j + 1];
      if (kindBefore && t.low === 'of' && next?.low === 'the' && toks[j + 2] && isCap(toks[j + 2]!) && /^\s+$/.test(text.slice(t.end, next.start))) {
        j += 3;
        continue;
      }
      // "aid charity Feed the Minds": after a kind noun, a lower-case "the" between capitalised words too.
      if (kindBefore && t.text === 'the' && next && isCap(next) && !NOT_NAME.has(next.low) && /^\s+$/.test(text.slice(t.end, next.start))) {
        j += 2;
        continue;
      }
      if (
        (PARTICLES.has(t.low) ||
          (LINKS.has(t.low) && t.low !== 'and') ||
          (t.text === 'and' && !isGivenName(next?.text ?? '') && portfolioAnd(toks, i, j))) &&
        next &&
        isCap(next) &&
        /^\s+$/.test(text.slice(t.end, next.start))
      ) {
        j += 2;
        continue;
      }
      // "Pieter van der Berg", "Juan de la Cruz": several particles, then the capitalised surname.
      const after = toks[j + 2];
      if (
        PARTICLES.has(t.low) &&
        next &&
        PARTICLES.has(next.low) &&
        after &&
        isCap(after) &&
        /^\s+$/.test(text.slice(t.end, after.start).replace(next.text, ''))
      ) {
        j += 3;
        continue;
      }
      break;
    }
    let run = toks.slice(i, j);
    // "Troy Patterson of Slate Magazine": a person of an organisation, two mentions.
    const of = run.findIndex((t, k) => k > 0 && t.low === 'of');
    // "Analyst Hiroshi Yamamoto of Nomura": role words before a two-word name, then "of" and a
    // capitalised run, are a person of an organisation too (but "Minister of Health" is a role).
    const before = run.slice(0, of);
    const roleLead = before.findIndex((t) => !ROLE_WORDS.has(t.low) && !TITLES.has(t.low));
    const personOf =
      of > 0 &&
      roleLead > 0 &&
      of - roleLead >= 2 &&
      !before.slice(roleLead).some((t) => ORG_WORDS.has(t.low) || ROLE_WORDS.has(t.low) || TITLES.has(t.low));
    // "Katherine Moss of Northbridge Securities", "Nasser Bourita of …": two to six name words
    // that no list knows as an organisation's, a role's, a place's or a title's, before "of", are
    // a person of whatever follows, even an organisation no word list knows.
    const namedOf =
      of >= 2 &&
      of <= 6 &&
      /^\p{Lu}\p{Ll}/u.test(before[0]!.text) &&
      before.every(
        (t) =>
          PARTICLES.has(t.low) ||
          /^\p{Lu}\.$/u.test(t.text) ||
          ((/^\p{Lu}\p{Ll}/u.test(t.text) || /^(?:al|el|bin|ibn|ben|abu|van|von|de|di|da|le|la|d)[-'’]\p{Lu}/u.test(t.text)) &&
            !ORG_WORDS.has(t.low) &&
            !ROLE_WORDS.has(t.low) &&
            !TITLES.has(t.low) &&
            !PLACE_HEADS.has(t.low) &&
            // A given name first outweighs the place and function lists ("Brian May", "Adam West").
            ((!PLACE_WORDS.has(t.low) && !NOT_NAME.has(t.low) && !isCountryWord(t.text)) || (t !== before[0] && isGivenName(before[0]!.text)))),
      );
    if (
      of > 0 &&
      !kindBefore &&
      (personOf ||
        namedOf ||
        (!before.some((t) => ORG_WORDS.has(t.low) || ROLE_WORDS.has(t.low)) && run.slice(of + 1).some((t) => ORG_WORDS.has(t.low))))
    ) {
      j = i + of;
      run = toks.slice(i, j);
    }
    i = j;
    const lowerRole = toks[toks.indexOf(run[0]!) - 1];
    const m = mentionOf(text, run, lowerRole, known, kindBefore);
    if (!m) continue;
    // "posted by The Cranberries", "in The Guardian": "The" capitalised mid-sentence is part of a
    // name, and a person's name takes no article: an organisation (a band, a paper).
    if (
      m.name &&
      !m.role &&
      !m.titled &&
      m.nameStart === run[0]!.start &&
      lowerRole?.text === 'The' &&
      /\p{Ll}[,;]?\s+$/u.test(text.slice(Math.max(0, lowerRole.start - 3), lowerRole.start))
    ) {
      m.start = lowerRole.start;
      m.nameStart = lowerRole.start;
      m.name = `The ${m.name}`;
      m.org = true;
      m.gender = null;
    }
    // "the Gandhi family", "the Obama administration", "the Modi government": a name between "the"
    // and a common noun qualifies the noun; a person's name takes no article, so it names no one here.
    if (
      m.name &&
      !m.role &&
      !m.titled &&
      !m.org &&
      !m.possessive &&
      /^the$/i.test(lowerRole?.text ?? '') &&
      m.start === run[0]!.start &&
      /^\s+\p{Ll}{3,}\b/u.test(text.slice(m.end, m.end + 30)) &&
      !SAYING.test(text.slice(m.end, m.end + 30))
    )
      continue;
    // "Venezualan president Hugo Chavez", "Civil Defense Authority director General …": the run
    // before a lower-case role word describes the role, it names no one else.
    const prev = out[out.length - 1];
    if (
      prev &&
      m.role &&
      m.start < m.nameStart &&
      lowerRole &&
      m.start === lowerRole.start &&
      /^\s+$/.test(text.slice(prev.end, m.start)) &&
      !prev.possessive
    ) {
      out.pop();
      m.role = text.slice(prev.start, m.nameStart).trim();
      m.start = prev.start;
    }
    // (A qualifier the role took in, "the Labour leader Keir Starmer", is no mention of its own.)
    if (prev && out.at(-1) === prev && prev.start >= m.start && prev.end <= m.nameStart && !prev.possessive) out.pop();
    capitalLead(m);
    out.push(m);
  }
  return out;
}

/**
 * "ALL BLACKS BOSS Steve Hansen began …": words in capitals that open a story (or a headline's
 * kicker) before a name written in ordinary case are its description, not its name, when the name
 * after them opens with a given name.
 */
function capitalLead(m: Mention): void {
  if (!m.name || m.org) return;
  const words = m.name.split(' ');
  const k = words.findIndex((w) => !/^[\p{Lu}'’&.-]{2,}$/u.test(w));
  if (k < 1 || words.length - k < 2 || !/^\p{Lu}\p{Ll}/u.test(words[k]!) || !isGivenName(words[k]!)) return;
  const lead = words.slice(0, k).join(' ');
  m.nameStart += m.name.indexOf(words[k]!, lead.length);
  m.role = m.role ? `${m.role} ${lead}` : lead;
  m.name = words.slice(k).join(' ');
}

/**
 * "Minister of Health and Social Care", "Commissioner for Environment and Water Resources": an
 * "and" after a role word's "of" or "for" and the capitalised words of a portfolio joins a second
 * portfolio word to the role (the run toks[i, j) so far).
 */
function portfolioAnd(toks: Token[], i: number, j: number): boolean {
  for (let n = i + 1; n < j - 1; n++)
    if (
      (toks[n]!.text === 'of' || toks[n]!.text === 'for') &&
      (ROLE_WORDS.has(toks[n - 1]!.low) || ORG_WORDS.has(toks[n - 1]!.low)) &&
      !toks.slice(n + 1, j).some((t) => t.text === 'and')
    )
      return true;
  return false;
}

function mentionOf(text: string, run: Token[], before: Token | undefined, known: KnownNames | undefined, kindBefore: boolean): Mention | null {
  // "(R-Texas)", "(D-Calif.)": a party and a state after a legislator's name name no one.
  if (run.length === 1 && /^[RDI]-\p{Lu}/u.test(run[0]!.text) && text[run[0]!.start - 1] === '(') return null;
  const lows = run.map((t) => t.low.replace(/['’]s?$/, ''));
  const poss = possessive(run[run.length - 1]!);
  // "Police Chief Ann Ruiz", "Amnesty International Director Jane Doe": an organisation's words,
  // then a role word, then a personal name of two or more words are a person and their role.
  const lastRole = lows.findLastIndex((l) => ROLE_WORDS.has(l) && !ORG_WORDS.has(l) && !WEAK_ROLE.has(l));
  const personAfterOrg =
    lastRole > 0 &&
    lows.slice(0, lastRole).some((l) => ORG_WORDS.has(l)) &&
    run.length - lastRole - 1 >= 2 &&
    run
      .slice(lastRole + 1)
      .every((t, n) => /^\p{Lu}\p{Ll}/u.test(t.text) && !ORG_WORDS.has(lows[lastRole + 1 + n]!) && !ROLE_WORDS.has(lows[lastRole + 1 + n]!));
  // "Russia Today", "China Daily", "Japan Times": a country's name, then a word that is no place,
  // name a thing after the country (a newspaper, a channel), not the country and not a person.
  // "British Open", "Irish Times", "American Airlines": so is a nationality, then such words
  // ("German Chancellor Angela Merkel" is a role and a person: no role, title or given name after it).
  const namedAfterCountry =
    run.length >= 2 &&
    (isCountryWord(run[0]!.text) || isDemonym(run[0]!.text)) &&
    lows.slice(1).every((l) => !ROLE_WORDS.has(l) && !TITLES.has(l)) &&
    run.slice(1).every((t) => /^\p{Lu}\p{Ll}/u.test(t.text)) &&
    lows
      .slice(1)
      .every((l) => !PLACE_WORDS.has(l) && !PLACE_HEADS.has(l) && (!NOT_NAME.has(l) || NAME_TAILS.has(l)) && !isGivenName(l) && !isCountryWord(l));
  const seat = SEATS_OF_POWER.has(fold(lows.join(' ')).replace(/['’]/g, ' '));
  const org =
    seat ||
    (!personAfterOrg &&
      (kindBefore ||
        lows.some((l) => ORG_WORDS.has(l)) ||
        namedAfterCountry ||
        (run.length >= 2 && LEGAL_FORMS.has(lows[lows.length - 1]!)) ||
        (run.length === 1 && isAcronym(run[0]!)) ||
        /\.(?:com|org|net|ca|co\.uk)$/i.test(run[run.length - 1]!.text)));
  let titled = false;
  let gender: Gender = null;
  const hint = (l: string) => {
    if (FEMALE.has(l)) gender = 'f';
    else if (MALE.has(l)) gender = 'm';
  };
  // A lower-case role word just before the run belongs to it ("spokeswoman Sujata Raisinghani").
  // So does any agent noun before a given name and a surname ("Twin Peaks co-creator Mark Frost",
  // "Foo Fighters drummer Taylor Hawkins"): a noun for a person, not a word of the name.
  const agent = !!before && run.length >= 2 && isGivenName(run[0]!.text) && isPersonNoun(before.low.replace(/^(?:co|vice|ex|deputy|former)-/, ''));
  let lowerRole: Token | null =
    before && !isCap(before) && (ROLE_WORDS.has(before.low) || agent) && /^\s+$/.test(text.slice(before.end, run[0]!.start)) ? before : null;
  if (lowerRole) hint(lowerRole.low);
  // "chief executive Tufan Erginbilgic", "head coach …", "finance minister …": up to two more
  // lower-case role words before it belong to the role too.
  for (let n = 0; lowerRole && n < 2; n++) {
    const prev = /(?:^|[^\p{L}'’-])([\p{Ll}-]+) $/u.exec(text.slice(Math.max(0, lowerRole.start - 24), lowerRole.start));
    if (!prev || !(ROLE_WORDS.has(fold(prev[1]!)) || WEAK_ROLE.has(fold(prev[1]!)))) break;
    lowerRole = { ...lowerRole, start: lowerRole.start - prev[1]!.length - 1 };
  }
  // "Conservative leader David Cameron", "Labour leader Keir Starmer": one capitalised word that
  // opens the sentence (or follows "the") right before the role qualifies it ("the Conservative
  // leader" later is him). Not a name the run would have made a mention of its own.
  if (lowerRole) {
    const qualifier = /(?:^|[.!?,:]\s+|(?:^|\s)[Tt]he\s+)(\p{Lu}\p{Ll}+) $/u.exec(text.slice(Math.max(0, lowerRole.start - 30), lowerRole.start));
    if (qualifier && !NOT_NAME.has(qualifier[1]!.toLowerCase()) && !isGivenName(qualifier[1]!))
      lowerRole = { ...lowerRole, start: lowerRole.start - qualifier[1]!.length - 1 };
  }
  // "Chairman of Wyre Forest District Council Fran Oborski": an organisation's name ending in its
  // kind's word, then a given name and a surname, is the organisation as the person's role.
  const lastOrg = lows.findLastIndex((l) => ORG_WORDS.has(l));
  const tail = run.slice(lastOrg + 1);
  if (
    org &&
    !kindBefore &&
    lastOrg >= 1 &&
    (tail.length === 2 || tail.length === 3) &&
    // ("Deputy Superintendent of Police Madhav Prasad Kafle": an office of the body, written
    // before it, makes the words after the body a person's name whatever the given name.)
    (isGivenName(tail[0]!.text) || (ROLE_WORDS.has(lows[0]!) && lows.slice(1, lastOrg).some((l) => l === 'of' || l === 'for'))) &&
    tail.every(
      (t, n) =>
        /^\p{Lu}\p{Ll}/u.test(t.text) &&
        !ORG_WORDS.has(lows[lastOrg + 1 + n]!) &&
        !ROLE_WORDS.has(lows[lastOrg + 1 + n]!) &&
        !PLACE_WORDS.has(lows[lastOrg + 1 + n]!) &&
        !NOT_NAME.has(lows[lastOrg + 1 + n]!),
    )
  ) {
    // (No gender from its words: a chairman or a spokesman may be a woman.)
    const lead = lowerRole;
    return {
      start: lead ? lead.start : run[0]!.start,
      end: run[run.length - 1]!.end,
      nameStart: tail[0]!.start,
      name: text.slice(tail[0]!.start, tail[tail.length - 1]!.end).replace(/['’]s?$/, ''),
      role: text.slice(lead ? lead.start : run[0]!.start, run[lastOrg]!.end),
      titled: lows.slice(0, lastOrg + 1).some((l) => TITLES.has(l)),
      org: false,
      gender,
      possessive: poss,
    };
  }
  if (org) {
    let first = run.findIndex((t) => !['the'].includes(t.low));
    while (first < run.length - 1 && ROLE_WORDS.has(lows[first]!) && !ORG_WORDS.has(lows[first]!) && !WEAK_ROLE.has(lows[first]!)) first++;
    const body = run.slice(first);
    const name = text.slice(body[0]!.start, body[body.length - 1]!.end).replace(/['’]s?$/, '');
    return {
      start: run[0]!.start,
      end: run[run.length - 1]!.end,
      nameStart: body[0]!.start,
      name,
      role: null,
      titled,
      org: true,
      gender: null,
      possessive: poss,
    };
  }
  let k = -1;
  lows.forEach((l, idx) => {
    if (ROLE_WORDS.has(l) || TITLES.has(l) || (idx === 0 && run.length >= 3 && ROLE_SUFFIX.test(l))) k = idx;
  });
  // "Hairdresser Kelly Hughes", "Farmer John Brown": a noun for a person (an agent noun) before a
  // given name and a surname describes the person; it is not a name of theirs.
  if (
    k < 0 &&
    run.length >= 3 &&
    /^\p{Lu}\p{Ll}+$/u.test(run[0]!.text) &&
    !isGivenName(run[0]!.text) &&
    isGivenName(run[1]!.text) &&
    !PARTICLES.has(lows[1]!) &&
    run[1]!.text.length >= 3 &&
    isPersonNoun(lows[0]!)
  )
    k = 0;
  // "Carole King", "John Major", "Martin Luther King Jr.": a role word after a given name, with no
  // name after it, is the surname.
  // So is a title there: a title stands before a name, never after one ("Brenda Lord").
  // ("The Brigade Commander" stays a role: a name takes no article.)
  if (
    k > 0 &&
    before?.low !== 'the' &&
    run.slice(k + 1).every((t) => SUFFIX.test(t.text)) &&
    !ROLE_WORDS.has(lows[k - 1]!) &&
    !TITLES.has(lows[k - 1]!) &&
    !isAcronym(run[k - 1]!)
  ) {
    k = -1;
    while (k + 1 < run.length - 1 && (TITLES.has(lows[k + 1]!) || ROLE_WORDS.has(lows[k + 1]!))) k++;
  }
  // "Deputy Chief Meteorologist", "Chief Librarian": a learned profession's noun after role words
  // ends the role; it is no one's name.
  if (k >= 0 && k === run.length - 2 && PROFESSION.test(lows[k + 1]!)) k = run.length - 1;
  // "Commissioner for Environment and Water Resources Tokunbo Wahab": a portfolio joined by "and"
  // (see portfolioAnd) runs on to the name, its last two words; with fewer than two words after
  // the second portfolio's first, it is all role.
  const and = run.findIndex((t) => t.text === 'and');
  if (and > 0 && k >= 0 && k < and) {
    k = run.length - and >= 4 ? run.length - 3 : run.length - 1;
  }
  // "High Commissioner for Refugees Antonio Guterres", "High Commissioner for Human Rights Michelle
  // Bachelet": a role's "for"/"of" and capitalised words that no list knows run on to the first
  // given name with a capitalised word after it; the name starts there.
  if (k >= 0 && (lows[k + 1] === 'for' || lows[k + 1] === 'of')) {
    const given = run.findIndex((t, idx) => idx > k + 2 && idx < run.length - 1 && isGivenName(t.text) && /^\p{Lu}\p{Ll}/u.test(t.text));
    if (given > 0 && run.slice(given).every((t) => /^\p{Lu}/u.test(t.text))) k = given - 1;
  }
  for (let idx = 0; idx <= k; idx++) {
    hint(lows[idx]!);
    if (TITLES.has(lows[idx]!)) titled = true;
  }
  const nameToks = run.slice(k + 1);
  const roleToks = run.slice(0, k + 1).filter((t) => !TITLES.has(t.low));
  const roleStart = lowerRole ? lowerRole.start : roleToks[0]?.start;
  const roleEnd = roleToks.length ? roleToks[roleToks.length - 1]!.end : lowerRole?.end;
  let role = roleStart !== undefined && roleEnd !== undefined ? text.slice(roleStart, roleEnd) : null;
  if (role?.split(/\s+/).every((w) => WEAK_ROLE.has(fold(w)) || (!ROLE_WORDS.has(fold(w)) && /^\p{Lu}/u.test(w)))) role = null;
  const nameLows = nameToks.map((t) => t.low.replace(/['’]s?$/, ''));
  const linked = nameLows.some((l) => l === 'of' || l === 'for');
  // Place words are evidence, not a verdict: a title, a role or a given name before them makes a
  // person ("Mayor Brian May", "Adam West", "Councillor Anthony Hall"), unless a locative
  // preposition stands before the run ("in Victoria Park") or the name ends in a place's head
  // noun ("Victoria Street"). A single word the article knows as a person's name is that person.
  const personEvidence =
    titled ||
    (k >= 0 && lows.slice(0, k + 1).some((l) => ROLE_WORDS.has(l) && !WEAK_ROLE.has(l))) ||
    (nameToks.length >= 2 && isGivenName(nameToks[0]!.text) && !PLACE_HEADS.has(nameLows[nameLows.length - 1]!)) ||
    (nameToks.length >= 2 &&
      !PLACE_HEADS.has(nameLows[nameLows.length - 1]!) &&
      personPosition(text.slice(run[run.length - 1]!.end, run[run.length - 1]!.end + 80), !nameLows.some((l) => PLACE_WORDS.has(l)))) ||
    // "Mary Sea said", "said Kosal Sea, the harbour master": a given name and one word in a speaker's
    // position are a person, even when the word ends places' names (no sea speaks or has an age).
    (nameToks.length === 2 &&
      isGivenName(nameToks[0]!.text) &&
      !LOCATIVE.test(text.slice(Math.max(0, run[0]!.start - 20), run[0]!.start)) &&
      personPosition(text.slice(run[run.length - 1]!.end, run[run.length - 1]!.end + 80), true));
  const nameText = nameToks.map((t) => t.text).join(' ');
  const placeLike =
    linked ||
    // "a region in Northern Ontario Ford wants to develop": two or more capitalised words right
    // after "in", "at" or "near", with nothing that says person (title, role, given name, an age or
    // apposition after it), are a place, even when a known surname ends them.
    (nameToks.length >= 2 && !personEvidence && !role && IN_PLACE.test(text.slice(Math.max(0, run[0]!.start - 8), run[0]!.start))) ||
    // "Bolivia", "Sri Lanka", "Nairobi": a country or a capital by its whole name, unless a title
    // or a role stands before it or the article knows the word as a person's name.
    (isPlaceName(nameText.replace(/['’]s?$/, '')) &&
      !titled &&
      !(role && !lowerRole) &&
      !(nameToks.length === 1 && known?.knowsPerson(nameToks[0]!.text))) ||
    (nameLows.some(
      (l, idx) =>
        PLACE_WORDS.has(l) ||
        // ("He Shiyou": a family name "He" or "She" first, see opensName.)
        (NOT_NAME.has(l) &&
          !(idx > 0 && CLOSED_CLASS.has(l) && /^\p{Lu}/u.test(nameToks[idx]!.text)) &&
          !(idx === 0 && /^(?:He|She)$/.test(nameToks[0]!.text) && nameToks.length > 1)),
    ) &&
      !(
        (personEvidence && !LOCATIVE.test(text.slice(Math.max(0, run[0]!.start - 20), run[0]!.start))) ||
        (nameToks.length === 1 && known?.knowsPerson(nameToks[0]!.text))
      ));
  if (!nameToks.length || (placeLike && !seat) || nameToks.length > 5 || nameToks.some((t) => /^\p{N}/u.test(t.text))) {
    // "Republican support", "Democrat votes": one role word before a common noun, with no article
    // before it, qualifies the noun; it is nobody ("the Republican said", "a Democrat told" are someone).
    const adjective =
      run.length === 1 &&
      !(before && /^(?:the|a|an|this|that|another)$/i.test(before.text)) &&
      /^ \p{Ll}/u.test(text.slice(run[0]!.end, run[0]!.end + 2)) &&
      !SAYING.test(text.slice(run[0]!.end, run[0]!.end + 16));
    if (!nameToks.length && (role || titled) && !adjective)
      return {
        start: run[0]!.start,
        end: run[run.length - 1]!.end,
        nameStart: run[run.length - 1]!.end,
        name: null,
        role,
        titled,
        org: false,
        gender,
        possessive: poss,
      };
    return null;
  }
  // A lone capitalised acronym-like or all-caps word is a thing ("NEMISIS"), not a person.
  if (nameToks.length === 1 && /^\p{Lu}{2,}$/u.test(nameToks[0]!.text) && !titled) return null;
  // "the Zimbabwean said", "said Palestinian negotiator Saeb Erakat": a nationality alone
  // describes someone, it names no one (unless the article knows it as a person's name).
  if (nameToks.length === 1 && !titled && isDemonym(nameToks[0]!.text) && !known?.knowsPerson(nameToks[0]!.text)) {
    // "an impenetrable English defence", "French wine": before a common noun that is no person's
    // it is an adjective, and describes no one (unlike "Palestinian negotiator Saeb Erakat").
    // (A portfolio's word ends the phrase there: "English defence." is a team's, "the French
    // defence minister" someone.)
    const after = /^\s+(\p{Ll}+)(\s*[.,;:!?]|\s+(?:and|or|but|in|on|at|of|for|with|from|to|by)\b)?/u.exec(
      text.slice(run[run.length - 1]!.end, run[run.length - 1]!.end + 40),
    );
    const noun = after?.[1];
    if (
      noun &&
      (!isPersonNoun(noun) || (after[2] && !PERSON_NOUNS.has(noun) && !/(?:er|or|ist|ian|ant|ent|man|woman|person)$/.test(noun))) &&
      !SAYING.test(text.slice(run[run.length - 1]!.end, run[run.length - 1]!.end + 16))
    )
      return null;
    return {
      start: run[0]!.start,
      end: run[run.length - 1]!.end,
      nameStart: run[run.length - 1]!.end,
      name: null,
      role: text.slice(run[0]!.start, run[run.length - 1]!.end).replace(/['’]s?$/, ''),
      titled: false,
      org: false,
      gender,
      possessive: poss,
    };
  }
  const name = text.slice(nameToks[0]!.start, nameToks[nameToks.length - 1]!.end).replace(/['’]s?$/, '');
  return {
    start: lowerRole ? lowerRole.start : run[0]!.start,
    end: run[run.length - 1]!.end,
    nameStart: nameToks[0]!.start,
    name,
    role,
    titled,
    org: false,
    gender,
    possessive: poss,
  };
}

/** Gender a person's first given name implies, or null when it is not a common, one-gender name. */
export function firstNameGender(fullName: string): Gender {
  const parts = fullName.trim().split(/\s+/);
  if (parts.length < 2) return null;
  return givenNameGender(parts[0]!);
}

/** Joining words an acronym skips ("Movement for Democratic Change" → MDC). */
const ACRONYM_SKIPS = new Set(['of', 'for', 'and', 'the', 'de', 'du', 'des', 'la', 'le', 'del', 'di', '&']);

/**
 * The acronym of an organisation's name, from the initials of its capitalised words ("Movement
 * for Democratic Change" → "MDC", "North Atlantic Treaty Organization" → "NATO"); null for a name
 * of fewer than two such words.
 */
export function acronymOf(name: string): string | null {
  const initials = name
    .split(/[\s-]+/)
    .filter((w) => w && !ACRONYM_SKIPS.has(w.toLowerCase()))
    .map((w) => w[0]!);
  if (initials.length < 2 || !initials.every((c) => /\p{Lu}/u.test(c))) return null;
  return initials.join('');
}

/** Whether a name reads as an organisation's by its words ("Movement for Democratic Change", "Amnesty International"). */
export function isOrganisation(name: string): boolean {
  const words = name.split(/\s+/).map((w) => fold(w).replace(/[.,]$/, ''));
  return words.some((w) => ORG_WORDS.has(w)) || (words.length >= 2 && LEGAL_FORMS.has(words[words.length - 1]!));
}
