import { ADDRESS, NAME_PARTICLES as PARTICLES, TITLES } from './lexicon/titles.js';
import { ROLE_WORDS } from './lexicon/roles.js';
import { fold } from './text.js';

/**
 * The one definition of "the same person", used by the article parser (speakers.ts: "George Bush"
 * and "George W. Bush" in one article), the speaker directory (search/identity.ts: one person's
 * spellings across sources), the query resolver (search/speakers.ts: a typed name with a title)
 * and /verify (answer/verify/verdict.ts: the claimed speaker). A person is the set of their name
 * words: folded (case, diacritics), without words of address and titles ("Sir", "His Majesty",
 * "Sheikh"), name particles ("al", "bin", "de") and one-letter initials. Two names are one person
 * when every word of the shorter (two words at least: a lone word is not a person) is a distinct
 * word of the longer, at least one of them exactly; the directory alone also forgives a close
 * spelling (a transliteration or an OCR slip), and only between names that share a context.
 */

/** A name or role as a lookup key: folded, dots and hyphens as spaces, no leading "the" ("Dr. José Ramos-Horta" → "dr jose ramos horta"). */
export function nameKey(text: string): string {
  return fold(text)
    .replace(/[-_.]/g, ' ')
    .replace(/[^\p{L}\p{N}' ]/gu, '')
    .replace(/^the /, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words that identify a person in a name ("His Majesty King Salman Bin Abdulaziz Al-Saud" → salman abdulaziz saud). */
export function personWords(name: string): string[] {
  return nameKey(name)
    .split(' ')
    .filter((w) => w.length > 1 && !ADDRESS.has(w) && !PARTICLES.has(w));
}

/**
 * A typed name without the words of address, rank or role before it ("dame mary eugenia charles",
 * "archbishop paul gallagher"): speaker names carry none (the parser keeps them as roles).
 */
export function withoutTitles(key: string): string {
  const words = key.split(' ');
  let i = 0;
  while (i < words.length - 1 && (ADDRESS.has(words[i]!) || ROLE_WORDS.has(words[i]!) || TITLES.has(words[i]!))) i++;
  return words.slice(i).join(' ');
}

/**
 * Whether every word of the shorter name matches a distinct word of the longer one, at least one
 * of them exactly, and the shorter has two words or more. `close` says whether two different
 * words may still be one (the directory's spelling tolerance); without it only equal words match.
 */
export function namesAgree(a: string[], b: string[], close?: (x: string, y: string) => boolean): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 2) return false;
  const used = new Set<number>();
  let exact = 0;
  for (const w of short) {
    let found = long.findIndex((x, i) => !used.has(i) && x === w);
    if (found >= 0) exact++;
    else if (close) found = long.findIndex((x, i) => !used.has(i) && close(w, x));
    if (found < 0) return false;
    used.add(found);
  }
  return exact >= 1;
}

/** Whether two names written in full are one person, word for word (no spelling tolerance). */
export function samePerson(a: string, b: string): boolean {
  return namesAgree(personWords(a), personWords(b));
}
