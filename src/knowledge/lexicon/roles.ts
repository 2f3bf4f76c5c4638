/**
 * Role and title words written before a name ("Environment Minister John Baird", "spokeswoman Sujata
 * Raisinghani"): they are split off as the person's role. Written for this project from English news usage.
 * A word here never deletes a name: it only says where a role ends and a name begins.
 */

/**
 * Offices: role words that also make a phrase a role a person may later be called by ("NATO
 * Secretary General", "the foreign minister"). In both ROLE_WORDS and ROLE_ALIAS_WORDS.
 */
const OFFICES = [
  'secretary',
  'general',
  'secretary-general',
  // The other offices written "X-General" (Commonwealth and UN usage).
  'attorney-general',
  'solicitor-general',
  'director-general',
  'inspector-general',
  'auditor-general',
  'governor-general',
  'surgeon-general',
  'postmaster-general',
  'accountant-general',
  'minister',
  'prime',
  'foreign',
  'deputy',
  'vice',
  'president',
  'chancellor',
  'high',
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
  // ("Nairobi police boss Benson Kibue": news writes a body's head so.)
  'boss',
  'commander',
  'admiral',
  'colonel',
  'premier',
  'envoy',
  'commissioner',
  'ceo',
  'officer',
  'undersecretary',
  'under-secretary',
  'assistant',
  'defence',
  'defense',
  'interior',
  'finance',
  'affairs',
  'state',
  'former',
  'acting',
  'first',
  'lady',
  'pope',
  'speaker',
  'justice',
  'judge',
  'attorney',
  'senior',
  'supreme',
  'adviser',
  'advisor',
  'security',
  'national',
  'gen',
];

/**
 * Police and military ranks as abbreviated before a name ("Lt Col", "A/Det/Supt Smyth", "Insp Jane
 * Roe"): role words, and abbreviations that keep their dot (particles.ts KEEP_DOT).
 */
// (Also councillors' and officials' titles written short: "Coun. Evan Spencer", "Cllr. Ann Lee".)
export const ABBREVIATED_RANKS = [
  'lt',
  'col',
  'capt',
  'sgt',
  'supt',
  'det',
  'insp',
  'cpl',
  'pte',
  'maj',
  'brig',
  'cmdr',
  'cdr',
  'adm',
  'coun',
  'cllr',
  'atty',
  'msgr',
  'amb',
  'pres',
];

/** Words that make a role or title, not a name ("Prime Minister", "Secretary General", "coach"). */
export const ROLE_WORDS = new Set([
  ...OFFICES,
  // A party's member is a role, never a name ("Texas Republican Ted Cruz", "the California Democrat").
  'republican',
  'republicans',
  'democrat',
  'democrats',
  'tory',
  'conservative',
  'labour',
  'liberal',
  'policeman',
  'policewoman',
  'major',
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
  // Members of the Irish, Northern Irish, Scottish and Ontario parliaments (not the Welsh "MS":
  // the title Ms); the Irish prime minister and deputy prime minister.
  'td',
  'mla',
  'msp',
  'mpp',
  'taoiseach',
  'tánaiste',
  'tanaiste',
  'congressman',
  'congresswoman',
  'lawmaker',
  'legislator',
  'councillor',
  'councilor',
  'sheriff',
  'lieutenant',
  ...ABBREVIATED_RANKS,
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
  'vice-chancellor',
  'pro-vice-chancellor',
  'vice-chair',
  'vice-chairman',
  'vice-chairwoman',
  'vice-principal',
  'vice-captain',
  'presidential',
  'candidate',
  'nominee',
  'interim',
  'health',
  'environment',
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
// An office not yet taken up, or left, is a role too: "President-elect Jean-Claude Juncker", "the
// mayor-elect", "Ex-MP Peter Pike".
for (const w of [...ROLE_WORDS]) {
  if (w.includes('-')) continue;
  for (const state of ['elect', 'designate']) ROLE_WORDS.add(`${w}-${state}`);
  ROLE_WORDS.add(`ex-${w}`);
}

/** Role words that need a real role word beside them ("Foreign Minister", not "Foreign"). */
export const WEAK_ROLE = new Set([
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

/**
 * Nouns for a group of people that stand as a bare subject ("Staff said …", "Family said …"), so
 * a capitalised one opening a sentence names no one (speech.ts, openingName).
 */
export const GROUP_NOUNS = new Set(
  `staff family prosecution defense management crew public press media jury audience leadership administration personnel
faculty clergy military army navy youth congregation residents community locals`.split(/\s+/),
);

/**
 * Nouns for a person, as the head of a sentence's unnamed subject ("A Hamas activist dressed as
 * Gilad Shalit …"): he or she in the next sentence may be that unnamed person, so a name that
 * stands elsewhere in the sentence is not the only candidate. Words ending in -ist or -eer count too.
 */
export const PERSON_NOUNS = new Set(
  `man woman boy girl person child teenager youth resident witness eyewitness neighbour neighbor student teacher official officer
spokesman spokeswoman spokesperson worker volunteer protester protestor demonstrator supporter fan passenger driver pilot
survivor victim suspect soldier policeman policewoman doctor nurse member leader lawyer father mother wife husband son daughter
brother sister uncle aunt widow widower friend relative colleague player coach manager customer owner farmer shopkeeper
bystander motorist cyclist guard prisoner inmate detainee defendant plaintiff juror judge prosecutor attorney negotiator
mediator delegate candidate voter citizen refugee migrant tourist visitor guest host caller listener viewer reader reporter
journalist photographer source insider aide adviser advisor assistant staffer employee executive director chief commander
ex-policeman ex-soldier pensioner veteran mourner worshipper pilgrim parent grandparent grandmother grandfather
grandson granddaughter grandchild niece nephew cousin stepfather stepmother stepson stepdaughter mum mom dad fiancé fiancée
girlfriend boyfriend partner baby toddler infant pupil schoolgirl schoolboy schoolchild teen`.split(/\s+/),
);

/**
 * Words that make a phrase a role a person may later be called by ("NATO Secretary General", "the
 * foreign minister"), with the joining words and titles such phrases hold: speakers.ts keeps only
 * role aliases that contain one of these.
 */
export const ROLE_ALIAS_WORDS = new Set([
  ...OFFICES,
  'of',
  'for',
  'the',
  'and',
  'allied',
  'european',
  'council',
  'commission',
  'mr',
  'mrs',
  'ms',
  'dr',
  'sir',
  'dame',
  'lord',
  'sen',
  'rep',
  'gov',
]);

/**
 * Nouns a story calls the person it is about, in place of the name, without the article having
 * given them that role ("“…,” the PGA champion said", "the veteran added"): a definite noun phrase
 * ending in one of these (or in "N-year-old", or a nationality) stands for the one person just
 * named, when no one else in the article holds that role. Roles of office (minister, coach,
 * spokesman, judge) are not here, nor relations ("the author" of a study, "the founder" of a firm):
 * "the coach said" after a player is usually someone else.
 */
export const EPITHETS = new Set(
  `champion veteran star winner runner-up holder titleholder teenager youngster rookie legend great icon billionaire tycoon
mogul actor actress singer rapper musician songwriter golfer striker midfielder defender goalkeeper batsman bowler sprinter
swimmer boxer athlete skier cyclist rider skater world-beater grandmaster filmmaker entrepreneur frontman republican
democrat tory skipper hooker flanker winger fly-half scrum-half playmaker forward wicketkeeper keeper all-rounder opener
spinner quarterback pitcher player rocker drummer guitarist bassist vocalist pianist comedian`.split(/\s+/),
);

/**
 * Words before an office that make it another office: a "Deputy Prime Minister" is not "the Prime
 * Minister", a "Lieutenant Governor" not "the governor", a "former prime minister" not "the minister".
 */
export const OTHER_OFFICE = new Set([
  'deputy',
  'vice',
  'assistant',
  'associate',
  'acting',
  'former',
  'shadow',
  'junior',
  'under',
  'interim',
  'co',
  'ex',
  'lieutenant',
]);

/** Offices at an organisation's head, which "the <organisation> chief" (head, leader, boss) may stand for. */
export const HEAD_OF = new Set([
  'president',
  'leader',
  'chairman',
  'chairwoman',
  'chairperson',
  'chair',
  'chief',
  'head',
  'boss',
  'director',
  'secretary-general',
  'commissioner',
  'commander',
  'governor',
]);

/**
 * Offices written short or named otherwise, and the words they stand for ("the CEO" is "the chief
 * executive" of "chief executive officer Albert Bourla"): a role and "the <noun>" are compared so.
 */
export const ROLE_ABBREVIATIONS = new Map([
  ['ceo', 'chief executive'],
  ['chief executive officer', 'chief executive'],
  ['cfo', 'chief financial officer'],
  ['coo', 'chief operating officer'],
  ['cto', 'chief technology officer'],
  ['md', 'managing director'],
  ['pm', 'prime minister'],
  ['mp', 'member of parliament'],
  // One office, two names: "Kremlin spokesman Dmitry Peskov" is "the press secretary" (a
  // spokesperson of either sex; "the spokeswoman" stays no spokesman).
  ['press secretary', 'spokesperson'],
]);
