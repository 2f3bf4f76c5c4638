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

/** Words that make a role or title, not a name ("Prime Minister", "Secretary General", "coach"). */
const ROLE_WORDS = new Set([
  'secretary',
  'general',
  'secretary-general',
  'minister',
  'prime',
  'deputy',
  'vice',
  'president',
  'chancellor',
  'representative',
  'chief',
  'director',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'ambassador',
  'senator',
  'governor',
  'mayor',
  'king',
  'queen',
  'prince',
  'princess',
  'chairman',
  'chairwoman',
  'chair',
  'head',
  'leader',
  'commander',
  'admiral',
  'colonel',
  'major',
  'premier',
  'envoy',
  'commissioner',
  'ceo',
  'officer',
  'undersecretary',
  'under-secretary',
  'assistant',
  'pope',
  'speaker',
  'justice',
  'judge',
  'attorney',
  'adviser',
  'advisor',
  'coach',
  'captain',
  'manager',
  'coauthor',
  'co-author',
  'author',
  'researcher',
  'scientist',
  'professor',
  'prof',
  'editor',
  'detective',
  'inspector',
  'sergeant',
  'constable',
  'superintendent',
  'prosecutor',
  'lawyer',
  'spokesmodel',
  'founder',
  'co-founder',
  'co-ordinator',
  'coordinator',
  'owner',
  'co-owner',
  'analyst',
  'economist',
  'expert',
  'reporter',
  'correspondent',
  'columnist',
  'cartoonist',
  'driver',
  'goalkeeper',
  'striker',
  'defender',
  'player',
  'midfielder',
  'mp',
  'mep',
  'congressman',
  'congresswoman',
  'lawmaker',
  'legislator',
  'councillor',
  'councilor',
  'sheriff',
  'chief',
  'general',
  'lieutenant',
  'lt',
  'gen',
  'col',
  'capt',
  'sgt',
  'cardinal',
  'bishop',
  'archbishop',
  'rabbi',
  'imam',
  'reverend',
  'rev',
  'father',
  'sister',
  'brother',
  'mother',
  'wife',
  'husband',
  'son',
  'daughter',
  'widow',
  'uncle',
  'aunt',
  'step-mother',
  'stepmother',
  'stepfather',
  'step-father',
  'grandmother',
  'grandfather',
  'teammate',
  'mate',
  'executive',
  'vice-president',
  'vice-premier',
  'presidential',
  'candidate',
  'nominee',
  'senior',
  'former',
  'acting',
  'interim',
  'foreign',
  'defence',
  'defense',
  'interior',
  'finance',
  'health',
  'environment',
  'justice',
  'state',
  'high',
  'first',
  'lady',
  'supreme',
  'national',
  'security',
  'affairs',
  'parliamentary',
  'opposition',
  'resident',
  'residents',
  'witness',
  'eyewitness',
  'survivor',
  'neighbour',
  'neighbor',
  'student',
  'teacher',
  'doctor',
  'nurse',
  'farmer',
  'shopkeeper',
  'singer',
  'musician',
  'actor',
  'actress',
  'composer',
  'poet',
  'novelist',
  'writer',
  'photographer',
  'filmmaker',
  'director',
  'producer',
  'carmaker',
  'automaker',
  'retailer',
  'airline',
  'insurer',
  'lender',
  'chipmaker',
  'drugmaker',
  'broadcaster',
  'publisher',
  'developer',
  'miner',
  'firm',
  'startup',
  'rival',
  'forward',
  'winger',
  'batsman',
  'bowler',
  'pitcher',
  'quarterback',
  'cyclist',
  'rider',
  'skier',
  'swimmer',
  'runner',
  'sprinter',
  'boxer',
  'fighter',
  'wrestler',
  'golfer',
  'veteran',
  'rookie',
  'teenager',
  'pensioner',
  'victim',
  'suspect',
  'officer',
  'paramedic',
  'firefighter',
  'official',
  'worker',
  'volunteer',
  'organiser',
  'organizer',
  'campaigner',
  'engineer',
  'technician',
  'pilot',
  'astronaut',
  'architect',
  'designer',
  'programmer',
  'chef',
  'nurse',
  'surgeon',
  'physician',
  'vet',
  'pharmacist',
  'mechanic',
  'electrician',
  'builder',
  'trader',
  'banker',
  'investor',
  'entrepreneur',
]);
/** A sentence's first word ending in -ist or -eer before a two-word name is a role ("Saxophonist Marcus Bell", "Mountaineer Jane Roe"). */
const ROLE_SUFFIX = /^\p{L}{3,}(?:ist|yst|ologist|eer)$/u;
/** Role words that need a real role word beside them ("Foreign Minister", not "Foreign"). */
const WEAK_ROLE = new Set([
  'senior',
  'former',
  'acting',
  'interim',
  'foreign',
  'defence',
  'defense',
  'interior',
  'finance',
  'health',
  'environment',
  'justice',
  'state',
  'high',
  'first',
  'supreme',
  'national',
  'security',
  'affairs',
  'parliamentary',
  'opposition',
  'presidential',
  'vice',
  'deputy',
  'prime',
  'assistant',
  'general',
  'executive',
]);
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'sen', 'rep', 'gov', 'prof', 'mme', 'mlle', 'messrs']);
const FEMALE = new Set([
  'mrs',
  'ms',
  'miss',
  'dame',
  'lady',
  'mme',
  'mlle',
  'queen',
  'princess',
  'spokeswoman',
  'chairwoman',
  'congresswoman',
  'businesswoman',
  'mother',
  'step-mother',
  'stepmother',
  'wife',
  'daughter',
  'sister',
  'grandmother',
  'aunt',
  'niece',
  'actress',
  'widow',
  'girlfriend',
  'woman',
  'girl',
  'duchess',
  'countess',
  'baroness',
  'madam',
  'policewoman',
]);
const MALE = new Set([
  'mr',
  'sir',
  'lord',
  'king',
  'prince',
  'spokesman',
  'chairman',
  'congressman',
  'businessman',
  'father',
  'stepfather',
  'step-father',
  'husband',
  'son',
  'brother',
  'grandfather',
  'uncle',
  'nephew',
  'actor',
  'widower',
  'boyfriend',
  'man',
  'boy',
  'duke',
  'count',
  'baron',
  'policeman',
  'messrs',
]);
/** A capitalised word that ends a run as an organisation ("Amnesty International", "Ministry of Health"). */
const ORG_WORDS = new Set([
  'international',
  'ministry',
  'department',
  'agency',
  'organization',
  'organisation',
  'association',
  'council',
  'commission',
  'committee',
  'police',
  'party',
  'union',
  'authority',
  'office',
  'service',
  'corporation',
  'corp',
  'inc',
  'ltd',
  'llc',
  'plc',
  'ag',
  'gmbh',
  'sa',
  'nv',
  'bv',
  'spa',
  'oy',
  'ab',
  'asa',
  'kk',
  'pty',
  'foundation',
  'institute',
  'university',
  'college',
  'school',
  'court',
  'bank',
  'federation',
  'league',
  'network',
  'group',
  'government',
  'company',
  'news',
  'press',
  'times',
  'post',
  'journal',
  'gazette',
  'herald',
  'tribune',
  'magazine',
  'paper',
  'newspaper',
  'wire',
  'agency',
  'television',
  'radio',
  'tv',
  'club',
  'fc',
  'team',
  'army',
  'navy',
  'forces',
  'force',
  'board',
  'administration',
  'centre',
  'center',
  'society',
  'alliance',
  'coalition',
  'movement',
  'campaign',
  'fund',
  'trust',
  'embassy',
  'parliament',
  'congress',
  'senate',
  'assembly',
  'cabinet',
  'kremlin',
  'bureau',
  'media',
  'online',
  'broadcasting',
  'channel',
  'daily',
  'weekly',
  'review',
  'guardian',
  'telegraph',
  'independent',
  'observer',
  'express',
  'nations',
  'ngo',
  'watch',
  'greenpeace',
  'unicef',
  'reuters',
  'afp',
  'bbc',
  'cnn',
  'nbc',
  'cbs',
  'abc',
  'nasa',
  'fifa',
  'uefa',
]);
/** Capitalised words that are never part of a person's name. */
const NOT_NAME = new Set([
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
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
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
]);
/** Words that make a run a place or thing rather than a person. */
const PLACE_WORDS = new Set([
  'korea',
  'africa',
  'america',
  'europe',
  'asia',
  'china',
  'russia',
  'ukraine',
  'states',
  'kingdom',
  'republic',
  'island',
  'islands',
  'sea',
  'ocean',
  'river',
  'mountain',
  'mount',
  'city',
  'county',
  'province',
  'state',
  'street',
  'road',
  'avenue',
  'square',
  'park',
  'airport',
  'station',
  'stadium',
  'arena',
  'hospital',
  'house',
  'hall',
  'palace',
  'castle',
  'bridge',
  'east',
  'west',
  'north',
  'south',
  'middle',
  'zealand',
  'kong',
  'arabia',
  'lanka',
  'rica',
  'rican',
  'grand',
  'prix',
  'cup',
  'award',
  'prize',
  'man',
  'woman',
  'match',
  'trophy',
  'medal',
  'league',
  'party',
  'day',
  'week',
  'year',
  'war',
  'revolution',
  'act',
  'bill',
  'treaty',
  'games',
  'olympics',
  'championship',
  'series',
  'festival',
  'world',
  'internet',
  'web',
  'google',
  'twitter',
  'facebook',
  'youtube',
  'christmas',
  'easter',
  'ramadan',
  'hajj',
  'mosque',
  'church',
  'cathedral',
  'temple',
  'circuit',
  'road',
  'valley',
  'desert',
  'coast',
  'canada',
  'india',
  'japan',
  'france',
  'germany',
  'italy',
  'spain',
  'iran',
  'iraq',
  'israel',
  'syria',
  'cuba',
  'mexico',
  'brazil',
  'australia',
  'indonesia',
  'malaysia',
  'thailand',
  'myanmar',
  'ireland',
  'scotland',
  'england',
  'wales',
  'britain',
  'london',
  'paris',
  'washington',
  'moscow',
  'beijing',
  'brussels',
  'york',
  'angeles',
  'francisco',
]);
const SUFFIX = /^(?:Jr|Sr|II|III|IV)\.?$/;
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'di',
  'du',
  'la',
  'le',
  'al',
  'el',
  'bin',
  'ibn',
  'dos',
  'del',
  'des',
  'ter',
  'ten',
]);
/** Particles that may open a surname written in lower case ("van der Berg", "de Klerk"). */
const OPENING_PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'du', 'del', 'della', 'da', 'di', 'dos', 'ter', 'ten']);
const LINKS = new Set(['of', 'for', 'de', 'and']);
const KEEP_DOT = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'gen',
  'sen',
  'rep',
  'gov',
  'prof',
  'col',
  'lt',
  'capt',
  'sgt',
  'rev',
  'mme',
  'inc',
  'corp',
  'ltd',
  'co',
  'messrs',
]);

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
    out.push({ text: t, low: fold(t).replace(/\.$/, ''), start: m.index, end: m.index + t.length });
  }
  return out;
}

const isCap = (t: Token) => /^\p{Lu}/u.test(t.text) || /^(?:al|el|bin|ibn|ben|abu|van|von|de|di|da|le|la|d)[-'’]\p{Lu}/u.test(t.text);
const isAcronym = (t: Token) => /^\p{Lu}{2,6}s?$/u.test(t.text.replace(/\./g, '')) && t.text.length >= 2;
const possessive = (t: Token) => /['’]s?$/u.test(t.text) || /['’]s$/u.test(t.text);

/** Every capitalised run in text[from, to) that names someone or something, in reading order. */
export function findMentions(text: string, from = 0, to = text.length): Mention[] {
  const toks = tokens(text, from, to);
  const out: Mention[] = [];
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
    if (!particleLead && (!isCap(toks[i]!) || (NOT_NAME.has(toks[i]!.low) && !TITLES.has(toks[i]!.low)))) {
      i++;
      continue;
    }
    let j = particleLead ? p0 + 1 : i + 1;
    while (j < toks.length) {
      const prev = toks[j - 1]!,
        t = toks[j]!;
      // "Prosecutor’s Office": a possessive inside an organisation's name does not end it.
      if (!/^\s+$/.test(text.slice(prev.end, t.start)) || (possessive(prev) && !(isCap(t) && ORG_WORDS.has(t.low)))) break;
      if (isCap(t) && !NOT_NAME.has(t.low)) {
        j++;
        continue;
      }
      const next = toks[j + 1];
      if ((PARTICLES.has(t.low) || (LINKS.has(t.low) && t.low !== 'and')) && next && isCap(next) && /^\s+$/.test(text.slice(t.end, next.start))) {
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
    if (
      of > 0 &&
      (personOf || (!before.some((t) => ORG_WORDS.has(t.low) || ROLE_WORDS.has(t.low)) && run.slice(of + 1).some((t) => ORG_WORDS.has(t.low))))
    ) {
      j = i + of;
      run = toks.slice(i, j);
    }
    i = j;
    const lowerRole = toks[toks.indexOf(run[0]!) - 1];
    const m = mentionOf(text, run, lowerRole);
    if (!m) continue;
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
    out.push(m);
  }
  return out;
}

function mentionOf(text: string, run: Token[], before: Token | undefined): Mention | null {
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
  const org =
    !personAfterOrg &&
    (lows.some((l) => ORG_WORDS.has(l)) ||
      (run.length === 1 && isAcronym(run[0]!)) ||
      /\.(?:com|org|net|ca|co\.uk)$/i.test(run[run.length - 1]!.text));
  let titled = false;
  let gender: Gender = null;
  const hint = (l: string) => {
    if (FEMALE.has(l)) gender = 'f';
    else if (MALE.has(l)) gender = 'm';
  };
  // A lower-case role word just before the run belongs to it ("spokeswoman Sujata Raisinghani").
  const lowerRole = before && !isCap(before) && ROLE_WORDS.has(before.low) && /^\s+$/.test(text.slice(before.end, run[0]!.start)) ? before : null;
  if (lowerRole) hint(lowerRole.low);
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
  // "Carole King", "John Major", "Martin Luther King Jr.": a role word after a given name, with no
  // name after it, is the surname.
  if (
    k > 0 &&
    !TITLES.has(lows[k]!) &&
    run.slice(k + 1).every((t) => SUFFIX.test(t.text)) &&
    !ROLE_WORDS.has(lows[k - 1]!) &&
    !TITLES.has(lows[k - 1]!) &&
    !isAcronym(run[k - 1]!)
  ) {
    k = -1;
    while (k + 1 < run.length - 1 && (TITLES.has(lows[k + 1]!) || ROLE_WORDS.has(lows[k + 1]!))) k++;
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
  const placeLike = nameLows.some((l) => PLACE_WORDS.has(l)) || nameLows.some((l) => l === 'of' || l === 'for');
  if (!nameToks.length || placeLike || nameToks.length > 5 || nameToks.some((t) => /^\p{N}/u.test(t.text))) {
    if (!nameToks.length && (role || titled))
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

/** Gender a person's first given name implies, or null when it is not a common, one-gender name. */
export function firstNameGender(fullName: string): Gender {
  const parts = fullName.trim().split(/\s+/);
  if (parts.length < 2) return null;
  const first = fold(parts[0]!);
  return FEMALE_FIRST.has(first) ? 'f' : MALE_FIRST.has(first) ? 'm' : null;
}
