/**
 * Words that make a capitalised run an organisation ("Amnesty International", "Ministry of Health",
 * "Reuters"). Written for this project from English news usage; evidence, not a verdict: a person's
 * title or given name outweighs it where the names module says so.
 */

/** A capitalised word that ends a run as an organisation ("Amnesty International", "Ministry of Health"). */
export const ORG_WORDS = new Set([
  'international',
  'motors',
  'airlines',
  'airways',
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

/**
 * Legal forms written after a company's name ("Voss Motoren AG", "Acme Inc."): organisation
 * evidence only at the end of a run of two words or more. Alone, "Spa" is a town or a spa, "Ab"
 * and "Sa" are names.
 */
export const LEGAL_FORMS = new Set(['corp', 'inc', 'ltd', 'llc', 'plc', 'ag', 'gmbh', 'sa', 'nv', 'bv', 'spa', 'oy', 'ab', 'asa', 'kk', 'pty']);

/** Kinds of business a report calls the one it is about ("the carmaker said" after "Volkswagen"): no person in news. */
const BUSINESS_KINDS = [
  'carmaker',
  'automaker',
  'lender',
  'retailer',
  'insurer',
  'airline',
  'carrier',
  'bank',
  'regulator',
  'watchdog',
  'supermarket',
  'conglomerate',
  'chipmaker',
  'drugmaker',
  // "the electronics maker Samsung", "tech giant Google".
  'maker',
  'giant',
];

/**
 * Nouns that call an organisation a business ("the company said", "the carmaker said"): never a
 * public body (PUBLIC_BODY_WORDS). Regulators and watchdogs are public bodies, so they are not here.
 */
export const COMPANY_NOUNS = new Set(['company', 'firm', ...BUSINESS_KINDS.filter((k) => k !== 'regulator' && k !== 'watchdog')]);

/**
 * Words that make an organisation's name a public body of a state ("Police", "Ministry of Health",
 * "Cork County Council"): such a body is no company, so "the company said" is never it.
 */
export const PUBLIC_BODY_WORDS = new Set([
  'police',
  'constabulary',
  'ministry',
  'department',
  'government',
  'council',
  'court',
  'army',
  'navy',
  'military',
  'forces',
  'parliament',
  'congress',
  'senate',
  'assembly',
  'cabinet',
  'kremlin',
  'embassy',
  'administration',
  'commission',
  'prosecutors',
  'prosecutor',
]);

/** Role nouns that stand for an organisation already named ("the ministry said"). */
export const ORG_NOUNS = new Set([
  'organization',
  'organisation',
  'group',
  'ministry',
  'department',
  'agency',
  'company',
  'club',
  'government',
  'party',
  'union',
  'council',
  'committee',
  'commission',
  'police',
  'office',
  'firm',
  'embassy',
  'charity',
  'network',
  'broadcaster',
  'newspaper',
  'paper',
  'team',
  'federation',
  'association',
  'authority',
  'institute',
  'university',
  'band',
  // The kinds of body ORG_WORDS end names with: "the college said" after "the Royal College of Nursing".
  'college',
  'school',
  'court',
  'board',
  'trust',
  'foundation',
  'society',
  'league',
  'coalition',
  'alliance',
  'movement',
  'campaign',
  'corporation',
  'bureau',
  'centre',
  'center',
  'hospital',
  'museum',
  // A non-governmental organisation, written in capitals ("the NGO said"): any charity or rights group.
  'ngo',
  ...BUSINESS_KINDS,
]);

/**
 * Nouns any organisation may be called by ("the company said" after "Chemwerk AG"), and the kinds
 * of business (BUSINESS_KINDS: "the central bank" after "the Reserve Bank of India").
 */
export const GENERIC_ORG = new Set([
  'organization',
  'organisation',
  'group',
  'company',
  'firm',
  'charity',
  'broadcaster',
  'network',
  'ngo',
  ...BUSINESS_KINDS,
]);

/**
 * Lower-case nouns for a kind of organisation. Right before a capitalised name ("rights group
 * Friends of the Andes", "the newspaper La Razón", "the airline Qantas") or in apposition to one
 * ("the electricity company, Coastal Power,"; "Habitação Já, a coalition of tenant groups") they
 * make it an organisation, whatever its words.
 */
export const ORG_KINDS = new Set([
  'company',
  'journal',
  'firm',
  'group',
  'organisation',
  'organization',
  'charity',
  'agency',
  'union',
  'coalition',
  'alliance',
  'association',
  'federation',
  'movement',
  'consultancy',
  'operator',
  'utility',
  'broadcaster',
  'network',
  'club',
  'ministry',
  'department',
  'manufacturer',
  'supplier',
  'developer',
  'publisher',
  'newspaper',
  'daily',
  'weekly',
  'magazine',
  'channel',
  'station',
  'party',
  'campaign',
  'band',
  'ngo',
  'think-tank',
  'startup',
  'start-up',
  ...BUSINESS_KINDS,
]);

/**
 * Seats of government that news makes speak for it ("the White House said", "Downing Street
 * said"): organisations, though their words are a building's or a street's.
 */
export const SEATS_OF_POWER = new Set(['white house', 'downing street', 'pentagon', 'elysee', 'elysee palace', 'blue house', 'quai d orsay']);
