import { nameKey } from '../knowledge/speakers.js';
import type { Article } from '../knowledge/types.js';
import { groupIdentities, type NameUse } from './identity.js';
import { damerauLevenshtein } from './spell.js';

const POST_NOMINALS = /(?:,\s*(?:MP|MBBS|MD|PhD|Ph\.D\.|QC|KC|OBE|MBE|CBE|KBE|GCMG))+\s*$/i;

/**
 * Raw speaker strings → canonical names: case/diacritic variants meet, and a lone surname
 * ("Borrell") joins the one full name that ends with it; with two candidates it stays apart.
 */
export function canonicalNames(articles: Article[]): Map<string, string> {
  const uses = new Map<string, number>();
  const count = (name: string) => uses.set(name, (uses.get(name) ?? 0) + 1);
  // Sources per spelling and the contexts (countries) they give it, for telling persons apart.
  const sources = new Map<string, { n: number; contexts: Set<string> }>();
  for (const a of articles) {
    const here = new Set<string>();
    for (const p of a.paragraphs)
      for (const s of p.segments)
        if (s.speaker) {
          count(s.speaker);
          here.add(s.speaker);
        }
    for (const r of a.roles) {
      count(r.speaker);
      here.add(r.speaker);
    }
    for (const name of here) {
      let e = sources.get(name);
      if (!e) {
        e = { n: 0, contexts: new Set() };
        sources.set(name, e);
      }
      e.n++;
      if (a.country) e.contexts.add(a.country);
    }
  }
  // Post-nominals ("James Marape, MP", "Lotay Tshering, MBBS, MD") do not make another person:
  // such names meet the plain form, which is preferred for display when the sources have it.
  const byKey = new Map<string, string>();
  const keyOf = (name: string) => nameKey(name.replace(POST_NOMINALS, ''));
  for (const name of uses.keys()) {
    const k = keyOf(name);
    const prev = byKey.get(k);
    const plain = (n: string) => !POST_NOMINALS.test(n);
    if (!prev || (plain(name) && !plain(prev)) || (plain(name) === plain(prev) && name.length > prev.length)) byKey.set(k, name);
  }
  const sameAs = transliterations([...byKey.keys()], (k) => uses.get(byKey.get(k)!) ?? 0);
  // One person under several spellings in one context ("Jair Bolsonaro", "Jair Messias Bolsonaro").
  const perKey = new Map<string, NameUse>();
  for (const [name, e] of sources) {
    const k = sameAs.get(keyOf(name)) ?? keyOf(name);
    const display = byKey.get(k);
    if (!display) continue;
    let u = perKey.get(k);
    if (!u) {
      u = { name: display, uses: 0, contexts: [] };
      perKey.set(k, u);
    }
    u.uses += e.n;
    for (const c of e.contexts) if (!u.contexts.includes(c)) u.contexts.push(c);
  }
  const person = groupIdentities([...perKey.values()].filter((u) => u.contexts.length));
  for (const [k, u] of perKey) {
    const display = person.get(u.name);
    if (display && display !== u.name) sameAs.set(k, keyOf(display));
  }
  const surnames = new Map<string, string[]>();
  for (const [k, name] of byKey) {
    const parts = k.split(' ');
    if (parts.length > 1 && !sameAs.has(k)) push(surnames, parts.at(-1)!, name);
  }
  const out = new Map<string, string>();
  for (const name of uses.keys()) {
    const k = keyOf(name);
    let target = byKey.get(sameAs.get(k) ?? k) ?? name;
    if (!k.includes(' ')) {
      const full = surnames.get(k) ?? [];
      if (full.length === 1) target = full[0]!;
    }
    out.set(name, target);
  }
  return out;
}

/**
 * Spellings of one name that differ by one letter in the given name only ("Sergey Lavrov" /
 * "Sergei Lavrov", "Mohammed"/"Mohamed"): transliterations, not two people. Given names under five
 * letters are left apart ("Jan"/"Jon" may well be two people). Returns variant key → chosen key
 * (the most used spelling).
 */
function transliterations(keys: string[], usesOf: (key: string) => number): Map<string, string> {
  const groups = new Map<string, string[]>();
  for (const k of keys) {
    const parts = k.split(' ');
    if (parts.length < 2 || (parts[0]?.length ?? 0) < 5) continue;
    push(groups, parts.slice(1).join(' '), k);
  }
  const out = new Map<string, string>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const ranked = [...group].sort((a, b) => usesOf(b) - usesOf(a) || (a < b ? -1 : 1));
    for (const k of ranked) {
      if (out.has(k)) continue;
      const first = k.split(' ')[0]!;
      for (const other of ranked) {
        if (other === k || out.has(other)) continue;
        if (damerauLevenshtein(first, other.split(' ')[0]!, 1) <= 1) out.set(other, k);
      }
    }
  }
  return out;
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}
