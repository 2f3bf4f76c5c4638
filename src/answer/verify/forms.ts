import { CONTRACTIONS, D_CONTRACTS, S_CONTRACTS } from '../../knowledge/lexicon/contractions.js';
import { NUMBERS } from '../../knowledge/lexicon/numbers.js';
import { SPELLINGS } from '../../knowledge/lexicon/spellings.js';

/**
 * Which written forms are the same words, for /verify: a contraction read as its words, one
 * spelling of a British/American pair, digits for a number word. The word lists are in
 * knowledge/lexicon/ (contractions, spellings, numbers); the rules that apply them are here.
 */

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
 * Spelling rules that are safe on real words: -ise/-ize (with -isation), -yse/-yze, and -our/-or on
 * words of six letters or more ("behaviour", "neighbours"; "four" and "tour" are left alone).
 */
const IZE = /^([a-z]{3,})is(e|es|ed|ing|ation|ations|er|ers)$/;
const YZE = /^([a-z]{3,})ys(e|es|ed|ing)$/;
const OUR = /^([a-z]{3,})our(s|ed|ing|ite|ites|able|ably|hood|hoods|ful|less)?$/;
/** -ise words that are not -ize words in either spelling ("rise", "wise", "promise", "exercise" …). */
const IZE_EXCEPT =
  /(?:^ris|^wis|^pris|^vis|^dis|^arise|advert|adv|compr|desp|devis|disgu|enterpr|excis|exerc|franch|improv|merchand|prem|prom|revis|superv|surpr|telev|comprom|precis|concis|circumc|incis|otherw|likew|clockw|expert|chastis|paradis|treatis|mortis)/;

/** The key a folded word is compared by: one spelling, one way of writing a number. */
export function keyOf(norm: string): string {
  // (The lists' words are few: a word whose first and last letters and length no listed word has
  // is in neither, known without the two look-ups, which hash the word; keyOf runs on every word
  // of every passage /verify aligns.)
  if (norm.length > 0 && LISTED_SHAPES[shapeOf(norm)] === 1) {
    const n = NUMBERS.get(norm);
    if (n) return n;
    const listed = SPELLINGS.get(norm);
    if (listed) return listed;
  }
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

/** A word's first and last letters and length (low bits of each), as an index into LISTED_SHAPES. */
const shapeOf = (word: string) => ((word.charCodeAt(0) & 31) << 10) | ((word.charCodeAt(word.length - 1) & 31) << 5) | (word.length & 31);
const LISTED_SHAPES = new Uint8Array(1 << 15);
/** The words keyOf looks up in the lists (number words, spellings): any other word's key is itself or a rule's. */
export const LISTED_WORDS: readonly string[] = [...NUMBERS.keys(), ...SPELLINGS.keys()];
for (const word of LISTED_WORDS) if (word.length > 0) LISTED_SHAPES[shapeOf(word)] = 1;

/** A number word or figure (its key is made of digits): "six"/"6" is a number written differently. */
export function isNumberKey(key: string): boolean {
  return /^\d+(?:st|nd|rd|th)?$/.test(key);
}
