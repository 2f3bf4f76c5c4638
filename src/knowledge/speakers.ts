import { DOCUMENT_NOUNS, OWN_DOCUMENTS } from './lexicon/documents.js';
import { FEMALE, MALE } from './lexicon/titles.js';
import { NOT_NAME } from './lexicon/function-words.js';
import { COMPANY_NOUNS, GENERIC_ORG, ORG_NOUNS, PUBLIC_BODY_WORDS } from './lexicon/organisations.js';
import { EPITHETS, HEAD_OF, OTHER_OFFICE, ROLE_ABBREVIATIONS, ROLE_ALIAS_WORDS, ROLE_WORDS } from './lexicon/roles.js';
import { isDemonym, isPlaceName } from './lexicon/places.js';
import { fold } from './text.js';
import { nameKey, samePerson } from './person.js';
import { acronymOf, firstNameGender, isPersonNoun, type Gender, type KnownNames, type Mention } from './names.js';

/**
 * Who is speaking: turns noun phrases such as "NATO Secretary General Jens Stoltenberg",
 * "Stoltenberg", "the NATO chief" or "he" into one canonical person name, learning roles and
 * surnames as an article introduces people. When in doubt it returns null: an unattributed quote
 * is acceptable, a quote given to the wrong person is not.
 */

/** Defined with the person model (person.ts); kept here for the modules that look names up. */
export { nameKey };

/** Role aliases a person may be called by later: the role, the role without its organisation, "<ORG> chief". */
/** Whether words before an office make it another office ("Deputy", "former"; see OTHER_OFFICE). */
const anotherOffice = (words: string[]) => words.some((w) => OTHER_OFFICE.has(fold(w)));

export function roleAliases(role: string): string[] {
  const key = nameKey(role);
  const out = new Set([key]);
  const tokens = role.split(/\s+/);
  // Suffixes of one word ("President") would be far too loose to stand for one person.
  for (let k = 1; k < tokens.length - 1; k++) {
    // A "Deputy Prime Minister" is never "the Prime Minister", a "Former prime minister" never "the minister".
    if (anotherOffice(tokens.slice(0, k))) continue;
    const rest = tokens.slice(k);
    if (rest.some((t) => ROLE_ALIAS_WORDS.has(fold(t)))) out.add(nameKey(rest.join(' ')));
  }
  for (const t of tokens) if (/^\p{Lu}{2,}$/u.test(t)) out.add(`${fold(t)} chief`);
  out.delete('');
  return [...out].filter(
    (a) => a.split(' ').some((w) => ROLE_ALIAS_WORDS.has(w) && !['the', 'of', 'and', 'for'].includes(w)) || a.endsWith(' chief'),
  );
}

/** Someone the text has just mentioned, for he/she and "the minister": named, or not (null). */
export interface Referent {
  name: string | null;
  gender: Gender;
  org: boolean;
  /** Sentence number in the article (reading order), so "the nearest sentence" can be asked. */
  sentence: number;
  /** True when this mention is the subject of a verb of saying. */
  speaker: boolean;
  role?: string | null;
  /** The mention opens its sentence (its subject, as a rule). */
  opens?: boolean;
  /** The text marks the mention as a person's: a title, a role, or a known given name first. */
  person?: boolean;
  /**
   * A possessive ("Cheika's thoughts") or a name inside a participle clause opening the sentence
   * ("Speaking with NBL Media's Liam Santamaria …, head coach Brian Goorjian opened …"): less
   * salient than the people the sentence's verb is about.
   */
  minor?: boolean;
  /** Named as someone else's relation ("His fiancée, Pamela Cheruiyot"): the "his" is the topic, not her. */
  relative?: boolean;
  /** The object of a preposition other than a passive's "by" ("behind Margaret Court"): less salient than the subject. */
  oblique?: boolean;
}

const OWN_DOCUMENT_NOUNS = new Set(OWN_DOCUMENTS);
const SUFFIXES = /^(?:jr|sr|ii|iii|iv|phd|md|qc|kc|mp|obe|mbe|cbe)\.?$/i;
/** How far back (in sentences) he/she may reach for its person. */
const PRONOUN_REACH = 6;

/**
 * The people and organisations one article names, learnt in a first pass over the whole text
 * (so "Baird" after "Environment Minister John Baird has asked…" is John Baird), then the
 * mentions in reading order, so "he", "she" and "the spokeswoman" find the nearest compatible
 * person. Every lookup answers null when it is not sure: an unattributed quote is acceptable,
 * a quote given to the wrong person is not.
 */
/** Lower-case particles of a surname ("van der Berg", "de la Cruz"). */
const SURNAME_PARTICLES = /^(?:van|von|de|der|den|du|del|della|da|di|dos|la|le|ter|ten)$/;

export class ArticleSpeakers implements KnownNames {
  /** Full names (2+ words) → the fullest form seen ("George Bush" → "George W. Bush"). */
  private readonly fullNames = new Map<string, string>();
  /** Surname / first name → full name, or '' when two people share it. */
  private readonly bySurname = new Map<string, string>();
  /** Surname → every full name with it (two or more when people share it). */
  private readonly surnames = new Map<string, Set<string>>();
  private readonly byFirst = new Map<string, string>();
  /** A word inside a name of three or more ("Lam" of "Ronald Lam Siu-por", "García" of "Gabriel García Márquez") → that name, or ''. */
  private readonly byInner = new Map<string, string>();
  private readonly gender = new Map<string, Gender>();
  private readonly personRoles = new Map<string, string[]>();
  private readonly byRole = new Map<string, string>();
  private readonly roles = new Map<string, string>();
  private readonly orgs = new Set<string>();
  private readonly orgKinds = new Map<string, string[]>();
  /** Genders the titles before a bare surname imply ("Mr. Bush", "Mrs. Bush"). */
  private readonly titleGenders = new Map<string, Set<Gender>>();
  /** Single capitalised words seen inside a sentence: names, unlike "Critics" opening one. */
  private readonly midSentence = new Set<string>();
  readonly referents: Referent[] = [];

  /** First pass: a mention anywhere in the article (outside quotation marks). */
  learn(m: Mention, midSentence = true): void {
    if (!m.name) return;
    // A role or a title before a single word makes it a name wherever it stands ("King Abdullah
    // met …" opening a sentence, "Mr Olsen"), like a capital inside a sentence.
    if ((midSentence || (m.role && !m.org) || m.titled) && !m.name.includes(' ')) this.midSentence.add(nameKey(m.name));
    if (m.titled && m.gender && !m.name.includes(' ')) {
      const key = nameKey(m.name);
      this.titleGenders.set(key, new Set([...(this.titleGenders.get(key) ?? []), m.gender]));
    }
    if (m.org) {
      this.orgs.add(m.name);
      return;
    }
    const parts = m.name.split(/\s+/);
    if (parts.length < 2) return;
    const full = this.fullest(m.name);
    // "Martin Luther King Jr." is "King", not "Jr".
    const last = parts.length > 2 && SUFFIXES.test(parts[parts.length - 1]!) ? parts[parts.length - 2]! : parts[parts.length - 1]!;
    const surname = nameKey(last);
    const first = nameKey(parts[0]!);
    // "Pieter van der Berg" is also "van der Berg": the particles before a surname belong to it.
    let p = parts.length - 2;
    while (p > 0 && SURNAME_PARTICLES.test(parts[p]!)) p--;
    const keys: Array<[Map<string, string>, string]> = [
      [this.bySurname, surname],
      [this.byFirst, first],
    ];
    if (p < parts.length - 2) keys.push([this.bySurname, nameKey(parts.slice(p + 1).join(' '))]);
    // (Not initials, particles or suffixes: "George W. Bush", "Pieter van der Berg", "King Jr.".)
    for (const inner of parts.slice(1, -1))
      if (/^\p{Lu}\p{Ll}[\p{L}'’-]*$/u.test(inner) && !SUFFIXES.test(inner)) keys.push([this.byInner, nameKey(inner)]);
    if (!this.surnames.has(surname)) this.surnames.set(surname, new Set());
    this.surnames.get(surname)!.add(full);
    for (const [map, key] of keys) {
      const known = map.get(key);
      if (known === undefined) map.set(key, full);
      else if (known && known !== full && !sameInArticle(known, full)) map.set(key, '');
      else if (known && known !== full) map.set(key, longer(known, full));
    }
    this.fullNames.set(nameKey(m.name), full);
    if (m.gender) this.gender.set(full, m.gender);
    if (m.role) this.learnRole(full, m.role);
  }

  /** A single word this article has used as a known person's surname or given name ("West" after "Adam West"). */
  /** The one organisation of the article whose name begins with these words, or null. */
  private orgStartingWith(name: string): string | null {
    const head = `${nameKey(name)} `;
    const whole = [...this.orgs].filter((o) => nameKey(o).startsWith(head)).sort((a, b) => a.length - b.length);
    // ("Rolls-Royce", "Rolls-Royce Holdings Plc", "Rolls-Royce Corp": the name the others begin with.)
    const first = whole[0];
    return first && whole.every((o) => `${nameKey(o)} `.startsWith(`${nameKey(first)} `)) ? first : null;
  }

  innerLowerOrgs(): readonly string[] {
    return [...this.orgs].filter((o) => /\s\p{Ll}+\s/u.test(o));
  }

  knowsPerson(word: string): boolean {
    const key = nameKey(word);
    return !!this.bySurname.get(key) || !!this.byFirst.get(key);
  }

  /** The people an article calls by this surname (their fullest names), when two or more share it. */
  bearers(surname: string): string[] {
    const all = [...(this.surnames.get(nameKey(surname)) ?? [])].map((n) => this.fullest(n));
    return [...new Set(all)];
  }

  /**
   * "the Movement for Democratic Change (MDC)": the acronym and the full name are one organisation.
   * Each keeps the name the text gives it where it speaks; the full name is recorded as the
   * acronym's role (and the acronym as the full name's), so the speaker directory answers to both.
   */
  learnAcronym(acronym: string, full: string): void {
    this.orgs.add(full);
    this.orgs.add(acronym);
    if (!this.roles.has(full)) this.roles.set(full, acronym);
    if (!this.roles.has(acronym)) this.roles.set(acronym, full);
  }

  /** The canonical name for a mention's name: the fullest form; null when ambiguous; undefined when unknown. */
  canonical(name: string, org = false): string | null | undefined {
    // "DOE said" after "JOHN DOE": an all-capitals word that is a person's surname is that person, not an acronym.
    if (/^\p{Lu}{2,}$/u.test(name)) {
      const person = this.bySurname.get(nameKey(name));
      if (person !== undefined && person === person.toUpperCase()) return person || null;
    }
    if (this.orgs.has(`The ${name}`)) return `The ${name}`;
    if (org || this.orgs.has(name)) {
      // "The Cranberries", "The Guardian": a capitalised "The" the article writes mid-sentence is
      // part of the name, and the name without it (at a sentence's start) is the same one.
      const bare = name.replace(/^the\s+/i, '');
      if (this.orgs.has(`The ${bare}`)) return `The ${bare}`;
      // ("the Fundar Center said" after "The Fundar Center for Analysis and Research, a non-profit
      // …": the first words of an organisation the article named in full before, not of one named
      // after them, as "Manchester United" before "Manchester United Women".)
      const longer = bare.includes(' ') ? this.orgStartingWith(bare) : null;
      const order = [...this.orgs];
      return longer && (!this.orgs.has(bare) || order.indexOf(longer) < order.indexOf(bare)) ? longer : bare;
    }
    const parts = name.split(/\s+/);
    if (parts.length >= 2 && SURNAME_PARTICLES.test(parts[0]!)) {
      const known = this.bySurname.get(nameKey(name));
      if (known !== undefined) return known || null;
    }
    if (parts.length >= 2) {
      // "Edgware Primary" after "Edgware Primary School", "St. Michael" after "St. Michael Medical
      // Center": the first words of the one organisation named so are that organisation (not
      // when a common given name opens them: "Michael Jordan" is no "Michael Jordan Foundation").
      const whole = firstNameGender(name) ? null : this.orgStartingWith(name);
      return whole ?? this.fullest(name);
    }
    const key = nameKey(name);
    // ("the Rolls spokesman" after "Rolls-Royce Holdings Plc", a word no person of the article bears.)
    if (!this.bySurname.get(key) && !this.byFirst.get(key)) {
      const whole = this.orgStartingWith(name);
      if (whole) return whole;
    }
    const bySurname = this.bySurname.get(key);
    if (bySurname !== undefined) return bySurname || null;
    const byFirst = this.byFirst.get(key);
    if (byFirst !== undefined) return byFirst || null;
    const byInner = this.byInner.get(key);
    if (byInner !== undefined) return byInner || null;
    return this.midSentence.has(key) ? undefined : null;
  }

  /** A single word no person of the article bears and the article never writes inside a sentence. */
  unseenWord(word: string): boolean {
    const key = nameKey(word);
    return (
      !word.includes(' ') &&
      !this.bySurname.has(key) &&
      !this.byFirst.has(key) &&
      !this.byInner.has(key) &&
      !this.midSentence.has(key) &&
      !this.orgStartingWith(word)
    );
  }

  /**
   * "Mrs. Bush" after "George Bush" and "Mr. Bush": with both titles in the article, a titled
   * surname is the full-named person only when that person is known to be of the title's gender.
   */
  titleFits(surname: string, gender: Gender, person: string): boolean {
    if (!gender) return true;
    const both = (this.titleGenders.get(nameKey(surname))?.size ?? 0) > 1;
    // (A given name tells too: "Mrs. Farrell" is not Richard Farrell, whose wife the article has named.)
    const known = this.gender.get(person) ?? firstNameGender(person);
    return known ? known === gender : !both;
  }

  /**
   * "“…,” Fisher said" before the article names Fred Fisher's wife, Kim Fisher: of the people
   * who share a surname, the one the article has named so far. With two named so far, nobody
   * (not the one who has spoken: "DeLuca once told an interviewer" after Oscar DeLuca's daughter
   * Gina spoke is Oscar).
   */
  bearerSoFar(surname: string, here: Referent[]): string | null {
    const all = [...this.referents, ...here];
    const named = this.bearers(surname).filter((p) => all.some((r) => r.name === p));
    return named.length === 1 ? named[0]! : null;
  }

  /**
   * "Mr Hoy said" in an article about Diane Hoy and her husband Michael Hoy: a title's gender picks
   * the one bearer of a shared surname whose gender is the title's, when every bearer's gender is
   * known; otherwise null.
   */
  titledBearer(surname: string, gender: Gender): string | null {
    // What the article says (titles, he/she) first, then a common given name's usual gender.
    const genders = this.bearers(surname).map((p) => [p, this.gender.get(p) ?? firstNameGender(p)] as const);
    if (!gender || genders.some(([, g]) => !g)) return null;
    const fit = genders.filter(([, g]) => g === gender).map(([p]) => p);
    return fit.length === 1 ? fit[0]! : null;
  }

  /**
   * What the text says of someone's gender ("Cuomo said he …"), unless it has said otherwise
   * before or the given name says either (the "he" may be someone else: "Gina DeLuca said he
   * played until the very last week").
   */
  learnGender(person: string, g: Gender): void {
    if (g && !this.gender.has(person) && !firstNameGender(person) && !this.isOrg(person)) this.gender.set(person, g);
  }

  /** A mention as a referent (its canonical name, or null for an unknown single word). */
  referentOf(m: Mention, sentence: number, speaker: boolean): Referent | null {
    if (!m.name) {
      if (!m.role) return null;
      const who = this.byRoleName(m.role);
      return { name: who, gender: m.gender ?? (who ? (this.gender.get(who) ?? null) : null), org: false, sentence, speaker, role: m.role };
    }
    const bare = m.titled && !m.name.includes(' ');
    const known = this.canonical(m.name, m.org);
    const name = known === null && bare ? this.titledBearer(m.name, m.gender) : known;
    if (name === undefined && !m.titled && !(m.role && !m.org) && !speaker) return null;

    if (name && bare && !this.titleFits(m.name, m.gender, name)) return { name: null, gender: m.gender, org: false, sentence, speaker, role: m.role };
    const who = name === undefined ? m.name : name;
    const bothTitles = bare && (this.titleGenders.get(nameKey(m.name))?.size ?? 0) > 1;
    if (who && m.gender && !this.gender.has(who) && !bothTitles) this.gender.set(who, m.gender);
    if (who && m.role && !m.org) this.learnRole(who, m.role);
    return {
      name: who,
      gender: who ? (this.gender.get(who) ?? m.gender) : m.gender,
      org: m.org || (!!who && this.orgs.has(who)),
      sentence,
      speaker,
      role: m.role,
    };
  }

  /** "The electricity company, Coastal Power, said": a name in apposition to an organisation noun is one. */
  learnOrg(name: string): void {
    this.orgs.add(name);
  }

  /** "the UN refugee agency, UNHCR,": the nouns the article calls an organisation by, for "the agency said". */
  learnOrgKind(name: string, kind: string): void {
    this.orgs.add(name);
    this.orgKinds.set(name, [...new Set([...(this.orgKinds.get(name) ?? []), kind])]);
  }

  isOrg(name: string): boolean {
    return this.orgs.has(name) || this.orgs.has(`The ${name}`) || this.orgs.has(`the ${name}`);
  }

  note(r: Referent): void {
    this.referents.push(r);
  }

  /** Per sentence, the genders its he/him/his and she/her (outside quotation marks) speak of. */
  private readonly pronounGenders = new Map<number, Set<Gender>>();

  /** Records which of he/him/his and she/her/hers a sentence (masked: quotations blanked) uses. */
  notePronouns(sentence: number, masked: string): void {
    const set = new Set<Gender>();
    if (/\b(?:he|him|his|himself)\b/i.test(masked)) set.add('m');
    if (/\b(?:she|her|hers|herself)\b/i.test(masked)) set.add('f');
    if (set.size) this.pronounGenders.set(sentence, set);
  }

  /**
   * he/she: the nearest sentence (this one first, then back up to PRONOUN_REACH sentences) that
   * mentions someone compatible; when that sentence has several compatible people, the one who
   * speaks there, if only one does; otherwise nobody.
   */
  pronoun(word: string, here: Referent[], quoted?: string, except?: ReadonlySet<string>): string | null {
    const g: Gender = /^she$/i.test(word) ? 'f' : /^he$/i.test(word) ? 'm' : null;
    if (!g) return null;
    // ("“I think Kay has dodged a lot of answers,” she said": the quotation speaks of Kay Hagan, so
    // "she" is not her; people do not call themselves by their own names.)
    // (Not a month or a word that opens sentences: "In May we will leave," Theresa May said.)
    const named = quoted ? new Set(quoted.split(/[^\p{L}'’-]+/u).filter((w) => /^\p{Lu}/u.test(w) && !NOT_NAME.has(w.toLowerCase()))) : null;
    const speaksOf = (n: string) => !!named && n.split(/\s+/).some((w) => named.has(w));
    const ok = (r: Referent) => {
      const known = (r.name ? this.gender.get(r.name) : null) ?? r.gender;
      // (A name holding a digit is a thing, "the Galaxy S5", "Covid-19": never he or she.)
      return !r.org && (!known || known === g) && !(r.name && speaksOf(r.name)) && !(r.name && /\d/.test(r.name));
    };
    // `except`: people named in the phrase opening this sentence as the object of a preposition
    // ("In a swipe at Trump, he added"): he/she is not them. The person it stands for is then the
    // nearest one named before who is not them; when the nearest sentence naming anyone who fits
    // names only them, nobody ("he added" after Trump's words, in a swipe at Trump).
    const all = [...this.referents, ...(except ? here.filter((r) => !r.name || !except.has(r.name)) : here)];
    let inS = nearestSentence(all, ok);
    if (inS && except?.size) {
      const others = inS.filter((r) => !r.name || !except.has(r.name));
      inS = others.length ? others : null;
    }
    if (!inS) return null;
    // Possessives and names in an opening participle clause give way to the sentence's other
    // people (see Referent.minor): "Sony's chief executive, Kenichiro Yoshida, defended the move."
    const major = inS.filter((r) => !r.minor);
    if (major.length && major.length < inS.length) inS = major;
    // A person the text marks as one (title, role, given name) outweighs capitalised words after
    // a preposition that nothing marks ("Green MSP Ross Greer … has asked for a meeting with
    // Citybus bosses": "He said" is Greer, not Citybus).
    const marked = inS.filter((r) => r.person);
    if (marked.length && marked.length < inS.length && inS.every((r) => r.person || (r.oblique && !r.speaker))) inS = marked;
    let distinct = [...new Set(inS.map((r) => r.name))];
    // Common given names decide only here, and only to rule people out: the nearest sentence's
    // one person called Emily is not "he" (nobody, never someone further back), and of
    // "Sarah Lindgren … with David Okoye", "she" is Sarah when each name's gender is known.
    const firstNames = (names: Array<string | null>) => names.map((n) => (n && !this.gender.get(n) ? firstNameGender(n) : null));
    let byFirst = firstNames(distinct);
    // Unless that sentence itself speaks of someone of the pronoun's gender by a pronoun ("Rinaldi
    // asked her what …", "He thanked Emily"): then it carries on someone named before it.
    const s = inS[0]!.sentence;
    if (distinct.length === 1 && byFirst[0] && byFirst[0] !== g && this.pronounGenders.get(s)?.has(g)) {
      inS = nearestSentence(
        all.filter((r) => r.sentence < s),
        ok,
      );
      if (!inS || inS[0]!.sentence < s - PRONOUN_REACH) return null;
      distinct = [...new Set(inS.map((r) => r.name))];
      byFirst = firstNames(distinct);
    }
    if (distinct.length === 1 && byFirst[0] && byFirst[0] !== g) return null;
    let pick: string | null | undefined;
    if (distinct.length === 1) pick = distinct[0];
    else {
      const speakers = [...new Set(inS.filter((r) => r.speaker).map((r) => r.name))];
      pick = speakers.length === 1 ? speakers[0] : null;
      if (pick && byFirst[distinct.indexOf(pick)] && byFirst[distinct.indexOf(pick)] !== g) pick = null;
      else if (!speakers.length) {
        const known = distinct.map((n, i) => byFirst[i] ?? (n ? this.gender.get(n) : null) ?? null);
        if (known.every(Boolean)) {
          const fit = distinct.filter((_, i) => known[i] === g);
          pick = fit.length === 1 ? fit[0] : (this.introduced(fit, inS) ?? this.continuing(fit, inS));
        } else {
          // "Harbour master Oumar Daou met Mary Baker": "he" rules Mary out, and the one person
          // left whose gender is unknown is the only one it can be.
          const left = distinct.filter((_, i) => known[i] !== (g === 'm' ? 'f' : 'm'));
          if (left.length === 1 && left.length < distinct.length) pick = left[0];
          else if (left.length > 1) pick = this.continuing(left, inS);
        }
      }
    }
    if (pick && !this.gender.get(pick)) this.gender.set(pick, g);
    return pick ?? null;
  }

  /**
   * "Christine Mason, a fellow councillor, grew close to Diane over several years. She said: …":
   * of several compatible people in one sentence, the subject that the sentence introduces (its
   * first mention in the article) when every other one was named before: a writer brings in a new
   * speaker this way. Two people both new ("Tom Hale met Mark Rees"), or a subject already known
   * ("Ruiz was joined by Detective Sarah Kline"), leave he/she to nobody.
   */
  private introduced(fit: Array<string | null>, inS: Referent[]): string | null {
    if (fit.length < 2 || fit.some((n) => !n)) return null;
    const s = inS[0]!.sentence;
    const before = (n: string | null) => this.referents.some((r) => r.name === n && r.sentence < s);
    const fresh = fit.filter((n) => !before(n));
    if (fresh.length !== 1 || !inS.some((r) => r.name === fresh[0] && r.opens)) return null;
    return fresh[0]!;
  }

  /**
   * "Williams is now third in all-time titles, behind Margaret Court and Steffi Graf. “…,” she
   * said": of several compatible people in one sentence, the subject that opens it when it has
   * spoken before in the article and every other one is named there for the first time, in a
   * prepositional phrase: the story carries on with its speaker. ("Tom Hale met Mark Rees", both
   * new: nobody.)
   */
  private continuing(fit: Array<string | null>, inS: Referent[]): string | null {
    if (fit.length < 2 || fit.some((n) => !n)) return null;
    const s = inS[0]!.sentence;
    const subject = inS.find((r) => r.opens && r.name && fit.includes(r.name))?.name;
    if (!subject || !this.referents.some((r) => r.name === subject && r.speaker && r.sentence < s)) return null;
    const others = fit.filter((n) => n !== subject);
    const fresh = (n: string | null) => !this.referents.some((r) => r.name === n && r.sentence < s);
    // (Only beside people in a prepositional phrase: "Ruiz was joined by Detective Sarah Kline" brings
    // in someone who may speak next.)
    return others.every((n) => fresh(n) && inS.every((r) => r.name !== n || (r.oblique && !r.speaker))) ? subject : null;
  }

  /**
   * "it said in a statement": the one organisation this paragraph has named or heard speak
   * before; a paragraph that names two organisations makes "it" nobody; one that names none, the
   * organisation speaking in the nearest sentence before it that names anyone.
   */
  orgPronoun(here: Referent[], paragraphStart: number): string | null {
    const all = [...this.referents, ...here];
    const inParagraph = all.filter((r) => r.sentence >= paragraphStart && r.name);
    if (inParagraph.some((r) => !r.org)) return null;
    const orgs = [...new Set(inParagraph.map((r) => r.name))];
    if (orgs.length) return orgs.length === 1 ? orgs[0]! : null;
    return this.orgSpeakingBefore(all, paragraphStart);
  }

  /**
   * "Samsung announced …" then paragraphs of its words, then "The company said …" or "It said …":
   * a paragraph naming no one carries on the one organisation the nearest sentence naming anyone
   * before it has speak, when that sentence names no one else.
   */
  private orgSpeakingBefore(all: Referent[], paragraphStart: number): string | null {
    const inS = nearestSentence(
      all.filter((r) => r.sentence < paragraphStart && r.name),
      () => true,
    );
    const names = inS ? [...new Set(inS.map((r) => r.name))] : [];
    return names.length === 1 && (inS!.every((r) => r.org) || this.isOrg(names[0]!)) && inS!.some((r) => r.speaker) ? names[0]! : null;
  }

  /**
   * "the DSP informed" after "Deputy Superintendent of Police Madhav Prasad Kafle": the one person
   * named so far whose role, written in capitals, has these initials; null when none or several.
   */
  roleByInitials(acronym: string, here: Referent[]): string | null {
    const named = new Set([...this.referents, ...here].map((r) => r.name));
    const fits = [...this.personRoles].filter(([who, roles]) => named.has(who) && roles.some((r) => acronymOf(r) === acronym)).map(([who]) => who);
    return fits.length === 1 ? fits[0]! : null;
  }

  /**
   * Whether a description's words fit a person's sex as the article knows it ("the 45-year-old
   * mother of three" is no man). Offices are no evidence: a chairman or a spokesman may be a woman.
   */
  fitsDescription(name: string, words: string[]): boolean {
    const said = (set: ReadonlySet<string>) => words.some((w) => set.has(w.toLowerCase()) && !OFFICE_NOUNS.test(w));
    const g = said(FEMALE) ? 'f' : said(MALE) ? 'm' : null;
    const known = this.gender.get(name) ?? firstNameGender(name);
    return !g || !known || g === known;
  }

  /** "the minister", "the spokeswoman", "the ministry", "the statement": someone already named, or null. */
  roleNoun(noun: string, here: Referent[], paragraphStart: number): string | null {
    const who = this.roleNounOf(noun, here, paragraphStart);
    return who && !this.fitsDescription(who, noun.split(/\s+/)) ? null : who;
  }

  private roleNounOf(noun: string, here: Referent[], paragraphStart: number): string | null {
    // "the company's statement said": a document speaks for whoever issued it.
    const own = /^(.+?)['’]s?\s+([\p{Ll}-]+)$/u.exec(noun);
    if (own && (DOCUMENT_NOUNS.has(own[2]!) || OWN_DOCUMENT_NOUNS.has(own[2]!))) return this.roleNoun(own[1]!, here, paragraphStart);
    const key = nameKey(noun);
    const head = key.split(' ').at(-1) ?? '';
    const all = [...this.referents, ...here];
    if (DOCUMENT_NOUNS.has(head)) {
      // A statement speaks for whoever spoke or was named last in this paragraph.
      for (let i = all.length - 1; i >= 0 && all[i]!.sentence >= paragraphStart; i--)
        if (all[i]!.name && (all[i]!.speaker || all[i]!.org)) return all[i]!.name;
      // (A paragraph of nothing but its words: the one organisation that spoke just before, "The
      // carrier clarified that …" then "“…,” the advisory read".)
      const before = new Set(
        all.filter((r) => r.name && r.org && r.speaker && r.sentence < paragraphStart && r.sentence >= paragraphStart - 3).map((r) => r.name),
      );
      return before.size === 1 && !all.some((r) => r.name && r.sentence >= paragraphStart) ? [...before][0]! : null;
    }
    if (ORG_NOUNS.has(head)) {
      // ("the company" is never the police or a ministry: a public body is no business.)
      const fits = (name: string) =>
        !COMPANY_NOUNS.has(head) ||
        !nameKey(name)
          .split(' ')
          .some((w) => PUBLIC_BODY_WORDS.has(w));
      const near = all.filter((r) => r.org && r.name && r.sentence >= paragraphStart - 3 && fits(r.name));
      if (GENERIC_ORG.has(head)) {
        // "the group" is the organisation that last spoke in this paragraph, or the only one it names.
        const here = near.filter((r) => r.sentence >= paragraphStart);
        const spoke = here.filter((r) => r.speaker).at(-1);
        if (spoke) return spoke.name;
        const named = [...new Set(here.map((r) => r.name))];
        if (named.length) return named.length === 1 ? named[0]! : null;
        // A paragraph that opens "the company said …" after one where a single organisation spoke
        // (not when it names something else first: "Hindustan Unilever reported record profits. The
        // company said: …" is no organisation of the paragraph before).
        if (all.some((r) => r.name && r.sentence >= paragraphStart)) return null;
        const before = [...new Set(near.filter((r) => r.speaker && r.sentence < paragraphStart).map((r) => r.name))];
        if (before.length) return before.length === 1 ? before[0]! : null;
        const spokeBefore = this.orgSpeakingBefore(all, paragraphStart);
        return spokeBefore && fits(spokeBefore) ? spokeBefore : null;
      }
      // (An organisation of that kind by its name, "the ministry" for "the Ministry of Health", or
      // by what the article called it, "the agency" for "the UN refugee agency, UNHCR,".)
      const ofKind = (o: string) => nameKey(o).split(' ').includes(head) || !!this.orgKinds.get(o)?.includes(head);
      for (let i = near.length - 1; i >= 0; i--) if (ofKind(near[i]!.name!)) return near[i]!.name;
      // "the ministry said …" before the article names it: the article's one organisation of that kind.
      const kind = [...this.orgs].filter(ofKind);
      return kind.length === 1 ? kind[0]! : null;
    }
    // "the ex-policeman" is the article's "former policeman".
    if (/^ex /.test(key)) return this.roleNoun(`former ${key.slice(3)}`, here, paragraphStart);
    // (Only people the article has named so far: a role noun does not point ahead to someone
    // introduced later; "the minister" before "Former prime minister Boris Johnson" is not him.)
    const named = new Set(all.map((r) => r.name));
    const direct = this.byRoleName(noun);
    if (direct && named.has(direct)) return direct;
    // The one person of the article whose role, as written, ends with that noun ("Environment
    // Canada spokeswoman" → "the spokeswoman"); with two ministers, "the minister" is nobody.
    const holding = (n: string) =>
      [...this.personRoles].filter(([who, roles]) => named.has(who) && roles.some((role) => holds(role, n))).map(([who]) => who);
    // ("the press secretary of the Russian president": the office before its "of", when the whole names no one.)
    const whole = holding(key);
    const fits = whole.length || !/ (?:of|for) /.test(key) ? whole : holding(key.split(/ (?:of|for) /)[0]!);
    if (fits.length) return fits.length === 1 ? fits[0]! : null;
    const words = key.split(' ');
    // "the Congress chief" is the article's one person heading Congress ("Congress President
    // Mallikarjun Kharge"): chief, head, leader and boss stand for any office at an organisation's head.
    const chief = /^(.+?) (?:chief|head|leader|boss)$/.exec(key);
    // (Also in lower case, each word found in the role: "the acting police boss" is "Acting
    // Inspector General of Police Douglas Kanja".)
    if (chief) {
      const upper = /^\p{Lu}/u.test(noun);
      const qualifiers = chief[1]!.split(' ');
      const heads = [...this.personRoles]
        .filter(
          ([who, roles]) =>
            (upper || named.has(who)) &&
            roles.some((r) => {
              const k = ` ${nameKey(r)} `;
              return (upper ? k.includes(` ${chief[1]} `) : qualifiers.every((w) => k.includes(` ${w} `))) && headsBody(k);
            }),
        )
        .map(([who]) => who);
      if (heads.length) return heads.length === 1 ? heads[0]! : null;
    }
    // "the Portuguese coach": a nationality qualifies a role, it does not change it. (Not an
    // organisation: "the Liberal leader" is not "Conservative Party Leader X", and measured on
    // real news, organisation qualifiers gave quotations to the wrong person.)
    // (So does a country: "the New Zealand boss", "the England captain".)
    const country = [1, 2, 3].findLast((k) => k < words.length && isPlaceName(words.slice(0, k).join(' ')));
    if (words.length > 1 && (isDemonym(words[0]!) || country)) {
      const qualified = holding(words.slice(country ?? 1).join(' '));
      if (qualified.length) return qualified.length === 1 ? qualified[0]! : null;
    }
    // "the PGA champion said", "the 36-year-old said", "the Zimbabwean said": a description of
    // the one person just named, who has been given no role of their own (a "Foreign Minister X"
    // is not "the Prime Minister"); an office held by no one named ("the Prime Minister" after
    // "Theresa May") likewise.
    if (/['’]/.test(noun)) return null;
    // ("the Portuguese tactician": a nationality before a person noun that is no office describes someone.)
    const description =
      EPITHETS.has(head) ||
      /^\d+ year old$/.test(key.split(' ').slice(-3).join(' ')) ||
      isDemonym(head) ||
      (words.length === 2 && isDemonym(words[0]!) && isPersonNoun(head) && !ROLE_WORDS.has(head) && !ROLE_ALIAS_WORDS.has(head));
    if (!description && !this.office(noun)) return null;
    const who = this.topicPerson(all);
    // A description fits whatever role the person holds; an office only someone given no role.
    return who && (description || !(this.personRoles.get(who) ?? []).length) ? who : null;
  }

  /** A role of office written as a title ("the Prime Minister", "the Brigade Commander"), not a common noun. */
  private office(noun: string): boolean {
    const words = noun.split(/\s+/);
    return words.every((w) => /^\p{Lu}/u.test(w)) && words.some((w) => ROLE_ALIAS_WORDS.has(fold(w)));
  }

  /**
   * The one person the nearest sentence with anyone in it names (within PRONOUN_REACH sentences):
   * null when that sentence also holds another person or an unnamed one.
   */
  private topicPerson(all: Referent[]): string | null {
    // (A capitalised word the article does not know, "Update - 10.14pm: …", is no one.)
    const inS = nearestSentence(all, (r) => !r.org && (r.name !== null || !!r.role || !!r.person));
    if (!inS) return null;
    // The sentence's subject, when nothing else in it is marked as a person ("Nick Price used …
    // at Ponte Vedra, Fla.": the places are no second person); else its one name.
    // ("His fiancée, Pamela Cheruiyot, … since the freshly minted champion …": the sentence is
    // about the person "his" stands for; "the winner" is not her, and not surely him.)
    if (inS.some((r) => r.relative)) return null;
    const subject = inS.find((r) => r.opens && r.name)?.name;
    if (subject && inS.every((r) => r.name === subject || (r.name !== null && !r.person && !r.speaker))) return subject;
    const names = new Set(inS.map((r) => r.name));
    if (names.size === 1 && !names.has(null)) return [...names][0]!;
    // ("“…,” Zapata told Capital Sport. “…,” the Argentine tactician added": the one person who
    // spoke there, beside names that did not.)
    const spoke = new Set(inS.filter((r) => r.speaker && r.name && !r.org).map((r) => r.name));
    if (spoke.size === 1 && !inS.some((r) => !r.name)) return [...spoke][0]!;
    // "Head coach of Nigeria’s Super Eagles, Jose Peseiro, has credited Cote d’Ivoire": the one
    // name marked as a person's (a title, a role, a common given name), beside names of teams and
    // places, when no one unnamed is there.
    const people = new Set(inS.filter((r) => r.name && (r.person || r.role)).map((r) => r.name));
    return people.size === 1 && !inS.some((r) => !r.name) ? [...people][0]! : null;
  }

  /** Role → person pairs learnt in this article. */
  learnedRoles(): Array<{ speaker: string; role: string }> {
    return [...this.roles].map(([role, speaker]) => ({ speaker, role }));
  }

  learnRole(person: string, role: string): void {
    // Every role a person is given answers "the <role>" later ("the researcher"); only roles
    // with a word of office become aliases the directory answers to ("Environment Minister").
    const list = this.personRoles.get(person) ?? [];
    if (!list.includes(role)) this.personRoles.set(person, [...list, role]);
    if (!roleAliases(role).length) return;
    if (!this.roles.has(role)) this.roles.set(role, person);
    for (const alias of roleAliases(role)) {
      const existing = this.byRole.get(alias);
      // A role shared by two people in one article is ambiguous: forget it rather than guess.
      if (existing !== undefined && existing !== person) this.byRole.set(alias, '');
      else this.byRole.set(alias, person);
    }
  }

  private byRoleName(role: string): string | null {
    for (const alias of [nameKey(role), ...roleAliases(role)]) {
      const who = this.byRole.get(alias);
      if (who !== undefined) return who || null;
    }
    const chief = /^(?:the )?(.+?) (chief|head|leader|boss)$/.exec(nameKey(role));
    if (chief) return this.byRole.get(`${chief[1]} chief`) || null;
    return null;
  }

  private fullest(name: string): string {
    const key = nameKey(name);
    const known = this.fullNames.get(key);
    if (known && !ABBREVIATED_TITLE.test(known)) return known;
    for (const full of this.fullNames.values()) if (full !== known && sameInArticle(full, name)) return longer(full, name);
    return known ?? name;
  }
}

/** "CS Kagwe", "DCI Smith": a title written short in capitals, then a surname. */
const ABBREVIATED_TITLE = /^\p{Lu}{2,4} [^ ]+$/u;

/**
 * One person in one article: the same person by the person model, or a short title in capitals
 * before the surname of a name written in full ("CS Kagwe" after "Mutahi Kagwe"). Only here: across
 * articles, "JB" before "Pritzker" may be a given name.
 */
function sameInArticle(a: string, b: string): boolean {
  if (samePerson(a, b)) return true;
  const [short, full] = ABBREVIATED_TITLE.test(a) ? [a, b] : [b, a];
  if (!ABBREVIATED_TITLE.test(short) || ABBREVIATED_TITLE.test(full)) return false;
  const words = nameKey(full).split(' ');
  return words.length >= 2 && words.at(-1) === nameKey(short).split(' ')[1];
}

/**
 * The referents that pass `ok` in the nearest sentence holding any (the last one noted first, back
 * PRONOUN_REACH sentences): he/she and a description of someone look no further than that.
 */
function nearestSentence(all: Referent[], ok: (r: Referent) => boolean): Referent[] | null {
  const last = all.length ? all[all.length - 1]!.sentence : 0;
  for (let s = last; s >= last - PRONOUN_REACH; s--) {
    const inS = all.filter((r) => r.sentence === s && ok(r));
    if (inS.length) return inS;
  }
  return null;
}

/**
 * Whether a role as written answers to "the <noun>" (a name key): it ends with the noun
 * ("Environment Canada spokeswoman" → "the spokeswoman"), but not after a word that makes it
 * another office ("Deputy Prime Minister Winston Peters" is not "the Prime Minister").
 */
function holds(role: string, written: string): boolean {
  const noun = spelledOut(written);
  // ("the spokesperson" and "the press secretary" are a spokesman or a spokeswoman.)
  const spelled = spelledOut(nameKey(role));
  const whole = ` ${/(?:^| )spokesperson$/.test(noun) ? spelled.replace(/\bspokes(?:man|woman)\b/g, 'spokesperson') : spelled}`;
  // "Commissioner for Environment and Water Resources" is "the commissioner", "Secretary of State
  // for Business" "the secretary of state": the role's words before an "of" or a "for" are its head.
  // ("KWS Director General William Kiprono" is "the director": "general" after an office is no head.)
  const heads = [whole, ...[...whole.matchAll(/ (?:of|for) /g)].map((m) => whole.slice(0, m.index))];
  const r = [...heads, ...heads.filter((x) => / \S+ general$/.test(x)).map((x) => x.slice(0, -' general'.length))].find((x) =>
    x.endsWith(` ${noun}`),
  );
  if (!r) return false;
  // (Any word before it: a "Former Prime Minister" is no more "the minister" than a "Prime Minister".)
  const before = r
    .slice(0, r.length - noun.length - 1)
    .trim()
    .split(/[\s-]+/);
  return !anotherOffice(before) || anotherOffice(noun.split(' '));
}

/** Whether a role (a name key between spaces) is an office at a body's head ("President", "Inspector General of Police"). */
function headsBody(key: string): boolean {
  return key.split(' ').some((w) => HEAD_OF.has(w)) || / (?:secretary|inspector|director|attorney) general /.test(key);
}

/** Nouns of office that name a sex but are used of anyone ("chairman", "spokesman"): no evidence of it. */
const OFFICE_NOUNS = /^(?:chair|spokes|congress|business|police)(?:man|woman)$/i;

/** A role's name key with its short forms spelled out ("ceo" → "chief executive"; see ROLE_ABBREVIATIONS). */
const ABBREVIATED = new RegExp(`(?<=^| )(?:${[...ROLE_ABBREVIATIONS.keys()].join('|')})(?= |$)`, 'g');
function spelledOut(key: string): string {
  return key.replace(ABBREVIATED, (short) => ROLE_ABBREVIATIONS.get(short)!);
}

function longer(a: string, b: string): string {
  return b.length > a.length ? b : a;
}
