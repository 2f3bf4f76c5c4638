import { namesAgree as personNamesAgree, personWords } from '../knowledge/person.js';
import { damerauLevenshtein } from './spell.js';

/**
 * Who is meant: deciding that two spellings of a name are one person. Sources spell one head of
 * state several ways ("Jair Bolsonaro" / "Jair Messias Bolsonaro", "Ebrahim Raisi" / "Seyyed
 * Ebrahim Raisi", "Macky Sall" / OCR's "Macky Sail"). Names are compared as sets of name words:
 * titles and particles ("His Majesty", "Sheikh", "al", "bin", "de") do not count, a one-letter
 * difference in a word of four letters or more is a transliteration or OCR slip, and the shorter
 * name's words must all be in the longer one. Because "John Adams" ⊂ "John Quincy Adams" too, a
 * shorter form joins a longer one only when both come with the same context (the country the
 * sources give for the speaker); without context only case and diacritics are ignored.
 */

/** The words that identify a person in a name: the person model's (knowledge/person.ts). */
export const identityWords = personWords;

/**
 * Two different name words that may be one word: one edit apart (two for long words) when four
 * letters or more (a transliteration or OCR slip: Sall/Sail); or a short form of the other,
 * sharing its first three letters (Penny/Penelope, Ukhnaa/Ukhnaagiin). Only ever "close": a person
 * also needs one word exactly equal, and both names must come with the same context.
 */
function closeWord(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return false;
  const budget = shorter >= 8 ? 2 : 1;
  return damerauLevenshtein(a, b, budget) <= budget || a.slice(0, 3) === b.slice(0, 3);
}

/** The person model's agreement of names (knowledge/person.ts), with the directory's spelling tolerance. */
export function namesAgree(a: string[], b: string[]): boolean {
  return personNamesAgree(a, b, closeWord);
}

export interface NameUse {
  /** The name as a source writes it. */
  name: string;
  /** How many sources use this spelling: the most used one is shown. */
  uses: number;
  /** Contexts (e.g. ISO country codes) the sources give for this speaker; empty when none. */
  contexts: string[];
}

/**
 * Groups spellings into persons and picks each person's display name: the most used spelling,
 * then the fullest. Returns spelling → display name for every spelling given. A short form that
 * fits two different persons of one context stays on its own (the topic decides later).
 */
export function groupIdentities(names: NameUse[]): Map<string, string> {
  const out = new Map<string, string>();
  const byContext = new Map<string, NameUse[]>();
  for (const n of names)
    for (const c of n.contexts) {
      const list = byContext.get(c);
      if (list) list.push(n);
      else byContext.set(c, [n]);
    }
  const groups: Array<Set<NameUse>> = [];
  const groupOf = new Map<NameUse, Set<NameUse>>();
  for (const list of byContext.values()) {
    const words = new Map(list.map((n) => [n, identityWords(n.name)] as const));
    // Longest first, so that a short form meets the full names it could stand for.
    const ordered = [...list].sort((x, y) => words.get(y)!.length - words.get(x)!.length || (x.name < y.name ? -1 : 1));
    const local: Array<Set<NameUse>> = [];
    for (const n of ordered) {
      const w = words.get(n)!;
      const fits = local.filter((g) => [...g].some((m) => namesAgree(w, words.get(m) ?? identityWords(m.name))));
      const existing = groupOf.get(n);
      if (fits.length === 1 && !existing) {
        fits[0]!.add(n);
        groupOf.set(n, fits[0]!);
      } else if (!existing) {
        const g = new Set([n]);
        local.push(g);
        groups.push(g);
        groupOf.set(n, g);
      } else if (!local.includes(existing)) local.push(existing);
    }
  }
  for (const g of groups) {
    // A spelling with a stray trailing comma ("Giorgia Meloni,") is never the one shown.
    const tidy = (n: NameUse) => (/[,;:]\s*$/.test(n.name) ? 0 : 1);
    const best = [...g].sort((x, y) => tidy(y) - tidy(x) || y.uses - x.uses || y.name.length - x.name.length || (x.name < y.name ? -1 : 1))[0]!;
    for (const n of g) out.set(n.name, best.name);
  }
  return out;
}
