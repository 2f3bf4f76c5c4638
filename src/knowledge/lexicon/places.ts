import { countries } from 'countries-list';
import { fold } from '../text.js';
import { isGivenName } from './given-names.js';

/**
 * Words that make a capitalised run a place or a thing ("South Korea", "Olympic Games"). Many are
 * also surnames (West, Hall, Park, Washington): a title, a role or a given name before them makes the
 * run a person, unless a locative preposition stands before it ("in Victoria Park").
 */

/** Words that make a run a place or thing rather than a person. */
export const PLACE_WORDS = new Set([
  'korea',
  'street',
  'lane',
  'terrace',
  'boulevard',
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
  'mt',
  'mts',
  'ft',
  'city',
  'county',
  'province',
  'state',
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

/**
 * Place words that end a place's name whatever stands before it ("Victoria Street", "Elizabeth
 * Island", "Melbourne Cup"): a given name before them is still a place.
 */
export const PLACE_HEADS = new Set([
  'road',
  'lane',
  'terrace',
  'boulevard',
  'avenue',
  'square',
  'island',
  'islands',
  'county',
  'province',
  'city',
  'river',
  'mountain',
  'sea',
  'ocean',
  'airport',
  'station',
  'stadium',
  'arena',
  'hospital',
  'palace',
  'valley',
  'desert',
  'coast',
  'cup',
  'prize',
  'award',
  'trophy',
  'medal',
  'games',
  'olympics',
  'championship',
  'series',
  'festival',
  'war',
  'revolution',
  'treaty',
  'circuit',
  'mosque',
  'cathedral',
]);

/**
 * Countries (names and common aliases) and their capitals, from the `countries-list` package (MIT,
 * ISO 3166-1 names), folded: a run that is exactly one of these is a place ("Bolivia", "Costa
 * Rica", "Abu Dhabi"), unless a title or a role stands before it. Capitals that are also given
 * names (Douglas, Stanley, Victoria) are left out: alone they are as likely a person.
 */
const COUNTRY_NAMES = new Set<string>();
const CAPITAL_NAMES = new Set<string>();
for (const c of Object.values(countries) as Array<{ name: string; capital: string; alias?: string[] }>) {
  for (const n of [c.name, ...(c.alias ?? [])]) COUNTRY_NAMES.add(fold(n));
  for (const n of c.capital.split(/\s*,\s*/)) if (n && (n.includes(' ') || !isGivenName(n))) CAPITAL_NAMES.add(fold(n));
}
for (const n of ['Africa', 'Europe', 'Asia', 'America', 'Americas', 'Oceania', 'Antarctica', 'Korea', 'Britain', 'Great Britain', 'Russia'])
  COUNTRY_NAMES.add(fold(n));

/** Whether a whole name is a country, a continent or a capital city ("Bolivia", "Sri Lanka", "Nairobi"). */
export function isPlaceName(name: string): boolean {
  const key = fold(name);
  return COUNTRY_NAMES.has(key) || CAPITAL_NAMES.has(key);
}

/** Whether a single word is a country's or a continent's whole name ("Russia" in "Russia Today"). */
export function isCountryWord(word: string): boolean {
  return !word.includes(' ') && COUNTRY_NAMES.has(fold(word));
}

/** Nationality adjectives no rule below derives from the country's name. */
const IRREGULAR_DEMONYMS = new Set(
  `british french dutch swiss greek thai danish finnish scottish welsh norwegian portuguese spanish peruvian afghan filipino
argentine belgian irish english swedish turkish polish icelandic maltese cypriot somali omani emirati saudi kiwi`.split(/\s+/),
);

/**
 * Whether a capitalised word is a nationality ("British", "Zimbabwean", "Chinese", "Pakistani"):
 * derived from a country's or continent's one-word name (DERIVED_DEMONYMS), or an irregular one.
 */
export function isDemonym(word: string): boolean {
  const w = fold(word);
  if (IRREGULAR_DEMONYMS.has(w) || DERIVED_DEMONYMS.has(w)) return true;
  // "the Dutchman", "the Frenchwoman", "the Scotsman": a nationality and -man or -woman.
  const person = /^(\p{L}{3,}?)(?:wo)?m[ae]n$/u.exec(w);
  return !!person && (IRREGULAR_DEMONYMS.has(person[1]!) || person[1] === 'scots');
}

/**
 * Every nationality the suffix rules derive from the one-word country names (built once): Russia-n,
 * Zimbabwe-an, Cub-an, Brazil-ian, Canad-ian, Belg-ian, Japan-ese, Chin-ese, Leban-ese, Pakistan-i,
 * Pol-ish, German. Narrow on purpose: looser rules make surnames nationalities (Cameron, Ghani).
 */
const DERIVED_DEMONYMS = new Set<string>();
for (const c of COUNTRY_NAMES) {
  if (c.includes(' ')) continue;
  const stripped = c.replace(/[aeiouy]$/, '');
  const forms = [c + 'ian', c + 'ese', c + 'i', stripped + 'an', stripped + 'ian', stripped + 'ese'];
  if (c.endsWith('a')) forms.push(c + 'n');
  if (c.endsWith('e')) forms.push(c + 'an');
  if (c.endsWith('y')) forms.push(c.slice(0, -1));
  if (c.endsWith('um')) forms.push(c.slice(0, -2) + 'ian');
  if (c.endsWith('on')) forms.push(c.slice(0, -2) + 'ese');
  if (c.endsWith('land')) forms.push(c.slice(0, -4) + 'ish');
  for (const f of forms) if (f.length >= 5 && stripped.length >= 3) DERIVED_DEMONYMS.add(f);
}
// A country's own name is not its nationality ("Mali" from "Mal-" + "i").
for (const c of COUNTRY_NAMES) DERIVED_DEMONYMS.delete(c);
