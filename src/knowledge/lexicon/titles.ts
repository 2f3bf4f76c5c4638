/**
 * Titles of address (Mr, Dr, Dame …) and the words that tell a person's gender (Mrs, spokeswoman,
 * son …), for he/she. Written for this project from English news usage.
 */

export const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'sir',
  'dame',
  'lord',
  'lady',
  'sen',
  'rep',
  'gov',
  'prof',
  'mme',
  'mlle',
  'messrs',
  'cllr',
  'cr',
  // "Fr Seamus Enright": Father, a priest.
  'fr',
  // Malaysian honours written before the name, as "Sir" is ("Datuk Tey Kok Kiew", "Datuk Seri
  // Abdullah Ahmad Badawi").
  'datuk',
  'datin',
  'seri',
]);

export const FEMALE = new Set([
  'mrs',
  'ms',
  'miss',
  'dame',
  'lady',
  'datin',
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

export const MALE = new Set([
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
  'fr',
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

/**
 * Words of address and rank that are not part of who someone is, when two spellings of a name are
 * compared across sources (search/identity.ts) or a typed name is read ("His Majesty", "Sheikh").
 */
export const ADDRESS = new Set(
  `his her their highness majesty excellency serene royal sheikh shaikh sheik king queen prince princess
emir amir sultan general gen mr mrs ms dr prof sir dame lord lady president senator governor honourable honorable hon
the rt right reverend rev samdech dato datuk datin seri datu paduka awang haji pehin jr sr`.split(/\s+/),
);

/** Joining words inside names, for comparing spellings: they may be present in one and absent in another. */
export const NAME_PARTICLES = new Set(`al el bin ibn bint binti de da do dos das du la le van von der den und zu y e oglu ben abu`.split(/\s+/));
