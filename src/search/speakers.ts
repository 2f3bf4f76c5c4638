import Fuse from 'fuse.js';
import { acronymOf, isOrganisation } from '../knowledge/names.js';
import { nameKey, roleAliases } from '../knowledge/speakers.js';
import { withoutTitles } from '../knowledge/person.js';
import type { Article } from '../knowledge/types.js';
import { words } from '../knowledge/text.js';
import type { Passage } from './passages.js';
import { BUILT_IN_ALIASES, mergeAliases, type AliasTable } from '../knowledge/aliases.js';
import { isGivenName } from '../knowledge/lexicon/given-names.js';
import { ROLE_WORDS } from '../knowledge/lexicon/roles.js';
import { TITLES } from '../knowledge/lexicon/titles.js';
import { isEnglishWord } from './lexicon.js';
import { damerauLevenshtein, maxEdits, Speller } from './spell.js';
import { canonicalNames, push } from './speaker-names.js';
import { isStopWord } from './terms.js';

/**
 * Every speaker in the knowledge base under one canonical name, with the aliases users type:
 * full name, surname, roles learnt from the text ("NATO Secretary General", "the NATO chief").
 * fuse.js ranks "did you mean" choices and autocomplete over this short list, where its Bitap
 * scoring suits names; resolving a typed name uses per-word edit distance so that "stoltenbreg"
 * finds Jens Stoltenberg but "angela merkel" finds nobody rather than the nearest stranger.
 */

export interface Speaker {
  name: string;
  /** nameKey(name), computed once. */
  key: string;
  /** Distinct quotations (a quoted passage, however many sentences). */
  quotes: number;
  reported: number;
  /** Sorted passage ids holding this speaker's direct quotes / reported speech. */
  quotePassages: Uint32Array;
  reportedPassages: Uint32Array;
  roles: string[];
  /** Every other spelling of this person's name in the sources ("Macky Sail" for Macky Sall). */
  spellings: string[];
}

export interface SpeakerMatch {
  speaker: Speaker | null;
  /** Several speakers fit equally well (e.g. "Bush"): the user must choose. */
  ambiguous: Speaker[];
  /** Words of the typed text that named the speaker, when found inside longer text. */
  consumed?: { from: number; to: number };
  /** The typed name is one of the speakers' own names or aliases as written, not a fuzzy match. */
  exact?: boolean;
}

/** Words around a name in a question about someone's words: "did X say", "X said", "according to X". */
const SLOT_BEFORE = new Set([
  'did',
  'does',
  'has',
  'have',
  'had',
  'would',
  'will',
  'president',
  'mr',
  'mrs',
  'ms',
  'dr',
  'senator',
  'governor',
  'by',
  'to',
  'from',
  'quote',
  'quotes',
]);
const SLOT_AFTER = new Set([
  'say',
  'said',
  'says',
  'saying',
  'think',
  'thinks',
  'thought',
  'believe',
  'believes',
  'believed',
  'claim',
  'claimed',
  'claims',
  'tell',
  'told',
  'write',
  'wrote',
  'mean',
  'meant',
  'warn',
  'warned',
  'speak',
  'spoke',
  'talk',
  'talked',
]);

/**
 * One quotation of one article, as a Set key: `article:id` as one number where it fits (no string
 * made per quoted sentence: millions of them at 580k passages), else as that string.
 */
function quotationKey(article: number, id: number): number | string {
  return Number.isInteger(id) && id >= 0 && id < 2 ** 32 && article < 2 ** 20 ? article * 2 ** 32 + id : `${article}:${id}`;
}

/**
 * A directory as built, for the persisted index: speakers by position (their passage lists as one
 * column), and the name maps as entries in their insertion order, so a restored directory is the
 * built one and restoring skips the pass over every segment and passage (1.5 s at 510k passages).
 */
export interface SpeakerState {
  speakers: Array<{ name: string; key: string; quotes: number; reported: number; roles: string[]; spellings: string[] }>;
  /** Per speaker i: its quote passages are `passages[bounds[2i] .. bounds[2i+1])`, its reported ones up to `bounds[2i+2]`. */
  bounds: Uint32Array;
  passages: Uint32Array;
  byAlias: Array<[string, number[]]>;
  byToken: Array<[string, number[]]>;
  listed: string[];
  asGiven: Array<[number, Array<[string, string]>]>;
}

export class SpeakerDirectory {
  readonly all: Speaker[];
  private readonly byAlias = new Map<string, Speaker[]>();
  private readonly byToken = new Map<string, Speaker[]>();
  private readonly tokenSpeller: Speller;

  /** Organisation (as its role words key it) → the quoted people whose role names it; built on first use. */
  private officials: Map<string, Official[]> | undefined;
  /** Aliases that came from an alias list (not from the sources' own spellings). */
  private readonly listed = new Set<string>();
  /** Per article: canonical name → the spelling that article gives, where they differ. */
  readonly asGiven = new Map<number, Map<string, string>>();

  /**
   * Canonicalises speaker names in the articles' segments in place, then indexes them. `aliases`
   * (a knowledge folder's alias list) adds to the built-in one.
   */
  constructor(articles: Article[], passages: Passage[], aliases?: AliasTable, state?: SpeakerState) {
    if (state) {
      this.all = restore(state, this.byAlias, this.byToken, this.listed, this.asGiven);
      this.tokenSpeller = new Speller([...this.byToken.keys()], (t) => this.byToken.get(t)?.length ?? 0);
      return;
    }
    const canonical = canonicalNames(articles);
    const spellings = new Map<string, string[]>();
    for (const [raw, name] of canonical) if (raw !== name) push(spellings, name, raw);
    const stats = new Map<string, { quoteIds: Set<number | string>; reported: number; q: Set<number>; r: Set<number>; roles: Set<string> }>();
    const statFor = (name: string) => {
      let s = stats.get(name);
      if (!s) {
        s = { quoteIds: new Set(), reported: 0, q: new Set(), r: new Set(), roles: new Set() };
        stats.set(name, s);
      }
      return s;
    };
    articles.forEach((article, a) => {
      for (const para of article.paragraphs) {
        for (const seg of para.segments) {
          if (!seg.speaker) continue;
          const name = canonical.get(seg.speaker) ?? seg.speaker;
          if (name !== seg.speaker && nameKey(name) !== nameKey(seg.speaker)) {
            let m = this.asGiven.get(a);
            if (!m) {
              m = new Map();
              this.asGiven.set(a, m);
            }
            m.set(name, seg.speaker);
          }
          seg.speaker = name;
        }
      }
      for (const { speaker, role } of article.roles) statFor(canonical.get(speaker) ?? speaker).roles.add(role);
    });
    passages.forEach((p, id) => {
      const article = articles[p.article]!;
      const para = article.paragraphs[p.paragraph]!;
      for (let i = p.segFrom; i < p.segTo; i++) {
        const seg = para.segments[i]!;
        if (!seg.speaker) continue;
        const s = statFor(seg.speaker);
        if (seg.kind === 'quote') {
          s.quoteIds.add(quotationKey(p.article, seg.quoteId ?? i));
          s.q.add(id);
        } else if (seg.kind === 'reported') {
          s.reported++;
          s.r.add(id);
        }
      }
    });
    this.all = [...stats]
      .map(([name, s]) => ({
        name,
        key: nameKey(name),
        quotes: s.quoteIds.size,
        reported: s.reported,
        quotePassages: Uint32Array.from([...s.q].sort((x, y) => x - y)),
        reportedPassages: Uint32Array.from([...s.r].sort((x, y) => x - y)),
        roles: [...s.roles],
        spellings: spellings.get(name) ?? [],
      }))
      .filter((s) => s.quotes + s.reported > 0)
      .sort((x, y) => y.quotes - x.quotes || x.name.localeCompare(y.name));

    for (const speaker of this.all) {
      const aliases = new Set<string>();
      for (const spelling of [speaker.name, ...speaker.spellings]) {
        const parts = nameKey(spelling).split(' ');
        aliases.add(nameKey(spelling)).add(`${parts[0]} ${parts.at(-1)}`);
        // A surname alone names someone only when it is a real name word: not "in" (Moon Jae-in), not "of".
        const last = parts.at(-1) ?? '';
        if (last.length > 2 && !isStopWord(last)) aliases.add(last);
        for (const token of parts) if (token.length > 1 && !isStopWord(token)) push(this.byToken, token, speaker);
      }
      for (const role of speaker.roles) for (const alias of roleAliases(role)) aliases.add(alias);
      // An organisation is also its acronym, and an acronym the name the sources spell it out as
      // ("the Movement for Democratic Change (MDC)"): "/quote mdc" and "/quote movement for
      // democratic change" find the same speaker.
      const initials = acronymOf(speaker.name);
      if (initials && isOrganisation(speaker.name)) aliases.add(initials.toLowerCase());
      for (const role of speaker.roles) if (acronymOf(role)?.toLowerCase() === speaker.key || initials === role) aliases.add(nameKey(role));
      for (const alias of aliases) {
        if (!alias || (alias.split(' ').length === 1 && alias.length < 2)) continue;
        push(this.byAlias, alias, speaker);
      }
    }
    // Listed aliases (FDR, Ike, Teddy Roosevelt) for people who are in the sources.
    const byKey = new Map<string, Speaker>();
    for (const s of this.all) for (const n of [s.name, ...s.spellings]) byKey.set(nameKey(n), s);
    for (const [name, list] of Object.entries(mergeAliases(BUILT_IN_ALIASES, aliases))) {
      const speaker = byKey.get(nameKey(name)) ?? this.byAlias.get(nameKey(name))?.[0];
      if (!speaker || ((this.byAlias.get(nameKey(name))?.length ?? 1) > 1 && !byKey.has(nameKey(name)))) continue;
      for (const alias of list) {
        const key = nameKey(alias);
        if (!key) continue;
        this.listed.add(key);
        // A listed alias says who is meant: it replaces what the sources' name words suggested.
        const before = this.byAlias.get(key);
        if (before && !before.includes(speaker) && before.every((b) => !this.isOwnName(b, key))) this.byAlias.set(key, [speaker]);
        else push(this.byAlias, key, speaker);
      }
    }
    this.tokenSpeller = new Speller([...this.byToken.keys()], (t) => this.byToken.get(t)?.length ?? 0);
  }

  /** What restores this directory (see SpeakerState). */
  state(): SpeakerState {
    const at = new Map(this.all.map((s, i) => [s, i] as const));
    const bounds = new Uint32Array(this.all.length * 2 + 1);
    let n = 0;
    this.all.forEach((s, i) => {
      bounds[2 * i] = n;
      n += s.quotePassages.length;
      bounds[2 * i + 1] = n;
      n += s.reportedPassages.length;
    });
    bounds[this.all.length * 2] = n;
    const passages = new Uint32Array(n);
    this.all.forEach((s, i) => {
      passages.set(s.quotePassages, bounds[2 * i]!);
      passages.set(s.reportedPassages, bounds[2 * i + 1]!);
    });
    const ids = (list: Speaker[]) => list.map((s) => at.get(s)!);
    return {
      speakers: this.all.map(({ name, key, quotes, reported, roles, spellings }) => ({ name, key, quotes, reported, roles, spellings })),
      bounds,
      passages,
      byAlias: [...this.byAlias].map(([k, list]) => [k, ids(list)]),
      byToken: [...this.byToken].map(([k, list]) => [k, ids(list)]),
      listed: [...this.listed],
      asGiven: [...this.asGiven].map(([a, m]) => [a, [...m]]),
    };
  }

  /** Whether `key` is (a part of) the person's own name as the sources write it, not just an alias. */
  private isOwnName(s: Speaker, key: string): boolean {
    return [s.name, ...s.spellings].some((n) => ` ${nameKey(n)} `.includes(` ${key} `));
  }

  get(name: string): Speaker | undefined {
    return this.all.find((s) => s.name === name);
  }

  /** What a user typed as a speaker ("stoltenbreg", "secretary general") → one speaker, or why not. */
  resolve(typed: string): SpeakerMatch {
    const key = nameKey(typed).replace(/(?: (?:mp|mbbs|md|phd|qc|kc|obe|mbe|cbe|kbe|gcmg))+$/, '');
    if (!key) return { speaker: null, ambiguous: [] };
    const exact = this.byAlias.get(key) ?? this.byAlias.get(withoutTitles(key));
    if (exact) {
      const one = exact.length === 1 ? exact[0]! : oneOrganisation(exact);
      return one ? { speaker: one, ambiguous: [], exact: true } : { speaker: null, ambiguous: exact, exact: true };
    }
    // Names are indexed without joining words, so one inside the typed name ("Department of
    // Agriculture") is skipped; at either end it is not part of a name ("stoltenberg in 2021").
    const words = key.split(' ').filter((t) => t.length > 1);
    const tokens = words.filter((t, i) => !isStopWord(t) || i === 0 || i === words.length - 1);
    let best: Speaker[] = [];
    let bestCost = Infinity;
    const costs = new Map<Speaker, number>();
    // Speakers reached only by changing a typed word that is itself a word or a given name ("park",
    // "mary" → Mark Osei): another person, not a typo, so never resolved silently.
    const changedName = new Set<Speaker>();
    tokens.forEach((token, i) => {
      const options = new Map<Speaker, number>();
      for (const s of this.byToken.get(token) ?? []) options.set(s, 0);
      const real = isEnglishWord(token) || isGivenName(token);
      for (const c of this.tokenSpeller.candidates(token, 5, maxEdits(token.length))) {
        for (const s of this.byToken.get(c.term) ?? [])
          if (!options.has(s)) {
            options.set(s, c.distance);
            if (real && c.distance > 0) changedName.add(s);
          }
      }
      for (const [s, d] of options) if (i === 0 || costs.has(s)) costs.set(s, (i === 0 ? 0 : costs.get(s)!) + d);
      if (i > 0) for (const s of [...costs.keys()]) if (!options.has(s)) costs.delete(s);
    });
    for (const [s, c] of costs) {
      if (c < bestCost) [best, bestCost] = [[s], c];
      else if (c === bestCost) best.push(s);
    }
    if (best.length === 1) return changedName.has(best[0]!) ? { speaker: null, ambiguous: [] } : { speaker: best[0]!, ambiguous: [] };
    return { speaker: null, ambiguous: best.filter((b) => !changedName.has(b)) };
  }

  /**
   * Finds a speaker named inside free text ("what did stoltenberg say about …"), preferring the
   * longest exact alias. Conservative, because a wrong speaker is worse than none: a stop word
   * never names anyone; an ordinary English word ("better", "made", "grant") names someone only
   * where a speaker stands in a question ("did grant say", "bush said"); typos are forgiven only
   * in words of five letters or more that are not English words ("stoltenbreg", not "better").
   * Quoted words are the caller's to remove: they are a claim, not a name.
   */
  detect(text: string): SpeakerMatch | null {
    const tokens = words(text);
    for (let len = Math.min(4, tokens.length); len >= 1; len--) {
      for (let i = 0; i + len <= tokens.length; i++) {
        const key = tokens.slice(i, i + len).join(' ');
        const hit = this.byAlias.get(key);
        if (!hit) continue;
        if (len === 1 && !this.namesOnItsOwn(key, tokens, i)) continue;
        if (len > 1 && tokens.slice(i, i + len).every((t) => isStopWord(t))) continue;
        return { speaker: hit.length === 1 ? hit[0]! : null, ambiguous: hit.length === 1 ? [] : hit, consumed: { from: i, to: i + len } };
      }
    }
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.length < 5 || isEnglishWord(token)) continue;
      const c = this.tokenSpeller.candidates(token, 2, Math.min(1, maxEdits(token.length)))[0];
      const who = (c && this.byToken.get(c.term)?.filter((s) => s.key.split(' ').at(-1) === c.term)) ?? [];
      if (!who.length) continue;
      // A misspelt given name just before the surname ("sergi lavroi") belongs to the name, not the topic.
      const given = tokens[i - 1];
      const from = given && who.some((s) => damerauLevenshtein(given, s.key.split(' ')[0] ?? '', 2) <= 2) ? i - 1 : i;
      return { speaker: who.length === 1 ? who[0]! : null, ambiguous: who.length === 1 ? [] : who, consumed: { from, to: i + 1 } };
    }
    return null;
  }

  /**
   * The quoted people whose role names this organisation ("nato" → Jens Stoltenberg, role "NATO
   * Secretary General"), with the role's other words ("Secretary General") and the organisation as
   * the role writes it ("NATO"). Only for a typed name that names no speaker itself.
   */
  officialsOf(typed: string): Official[] {
    const key = nameKey(typed);
    if (!key || key.split(' ').every((w) => ROLE_WORDS.has(w) || TITLES.has(w) || isStopWord(w))) return [];
    this.officials ??= officialsByOrganisation(this.all);
    return this.officials.get(key) ?? [];
  }

  /** Whether one word on its own may name a speaker here (see detect). */
  private namesOnItsOwn(word: string, tokens: string[], i: number): boolean {
    if (isStopWord(word) || word.length < 2) return false;
    if (this.listed.has(word) || !isEnglishWord(word)) return word.length > 2 || this.listed.has(word);
    return SLOT_BEFORE.has(tokens[i - 1] ?? '') || SLOT_AFTER.has(tokens[i + 1] ?? '');
  }

  /** Autocomplete / "did you mean": speakers ranked by fuzzy match, or by quote count when nothing is typed. */
  suggest(typed: string, limit = 25): Speaker[] {
    const key = nameKey(typed);
    if (!key) return this.all.slice(0, limit);
    const out: Speaker[] = [];
    const add = (s: Speaker) => {
      if (!out.includes(s)) out.push(s);
    };
    for (const s of this.all) if (s.key.startsWith(key) || s.key.includes(` ${key}`)) add(s);
    if (out.length < limit) for (const s of closestNames(this.all, key.slice(0, 32), limit)) add(s);
    return out.slice(0, limit);
  }

  /**
   * "Did you mean" after a miss: speakers with a name word one edit further than resolving allows,
   * else fuse.js's closest names, else the most quoted speakers, so the user always has a next step.
   */
  nearest(typed: string, limit = 5): Speaker[] {
    const found = new Map<Speaker, number>();
    for (const token of nameKey(typed).split(' ')) {
      if (token.length < 4) continue;
      for (const c of this.tokenSpeller.nearest(token, 5, Math.min(2, maxEdits(token.length) + 1))) {
        for (const s of this.byToken.get(c.term) ?? []) found.set(s, Math.min(found.get(s) ?? Infinity, c.distance));
      }
    }
    if (found.size)
      return [...found]
        .sort((a, b) => a[1] - b[1] || b[0].quotes - a[0].quotes)
        .slice(0, limit)
        .map(([s]) => s);
    // fuse.js on the first word only: what was typed after it is usually the topic.
    const close = this.suggest(nameKey(typed).split(' ')[0] ?? '', limit);
    return close.length ? close : this.all.slice(0, limit);
  }
}

/**
 * "WHO" and "The World Health Organization", each a speaker where the text named it so: one
 * organisation (each name the other's acronym, or the same acronym), answered as the one of them
 * quoted most; null for anything else (two people, two organisations).
 */
function oneOrganisation(list: Speaker[]): Speaker | null {
  const initials = (s: Speaker) => (/^\p{Lu}{2,}$/u.test(s.name) ? s.name : isOrganisation(s.name) ? acronymOf(s.name) : null);
  const first = initials(list[0]!);
  if (!first || !list.every((s) => initials(s) === first)) return null;
  return [...list].sort((a, b) => b.quotes - a.quotes || b.reported - a.reported)[0]!;
}

/** A quoted person who speaks for an organisation: the role's other words and the organisation as written. */
interface Official {
  speaker: Speaker;
  role: string;
  org: string;
}

/**
 * For every run of words in a quoted person's role that leaves a role word outside it ("NATO" in
 * "NATO Secretary General"), that person as one of its officials, by their first such role; each
 * list most quoted first. Built once, so a typed organisation costs one lookup.
 */
function officialsByOrganisation(speakers: Speaker[]): Map<string, Official[]> {
  const out = new Map<string, Official[]>();
  for (const s of speakers) {
    if (!s.quotes) continue;
    const done = new Set<string>();
    for (const role of s.roles) {
      const words = role.split(/\s+/);
      const keys = words.map((w) => nameKey(w));
      const seen = new Set<string>();
      for (let n = 1; n < words.length; n++)
        for (let at = 0; at + n <= words.length; at++) {
          const key = keys.slice(at, at + n).join(' ');
          // Only the first place a name stands in the role counts, and only as many words as it has.
          if (seen.has(key) || key.split(' ').length !== n) continue;
          seen.add(key);
          if (done.has(key) || !keys.some((k, i) => (i < at || i >= at + n) && ROLE_WORDS.has(k))) continue;
          done.add(key);
          const list = out.get(key) ?? [];
          list.push({ speaker: s, role: [...words.slice(0, at), ...words.slice(at + n)].join(' '), org: words.slice(at, at + n).join(' ') });
          out.set(key, list);
        }
    }
  }
  for (const list of out.values()) list.sort((a, b) => b.speaker.quotes - a.speaker.quotes);
  return out;
}

/** Fills the maps from a saved state and returns the speakers, in their order. */
function restore(
  state: SpeakerState,
  byAlias: Map<string, Speaker[]>,
  byToken: Map<string, Speaker[]>,
  listed: Set<string>,
  asGiven: Map<number, Map<string, string>>,
): Speaker[] {
  const { bounds, passages } = state;
  const all: Speaker[] = state.speakers.map((s, i) => ({
    ...s,
    quotePassages: passages.slice(bounds[2 * i]!, bounds[2 * i + 1]!),
    reportedPassages: passages.slice(bounds[2 * i + 1]!, bounds[2 * i + 2]!),
  }));
  const of = (ids: number[]) => ids.map((i) => all[i]!);
  for (const [k, ids] of state.byAlias) byAlias.set(k, of(ids));
  for (const [k, ids] of state.byToken) byToken.set(k, of(ids));
  for (const k of state.listed) listed.add(k);
  for (const [a, entries] of state.asGiven) asGiven.set(a, new Map(entries));
  return all;
}

/**
 * fuse.js over names only (not every alias): Bitap suits names, and its score is the fewest edits
 * (insertions, deletions, substitutions) of the pattern found in the name, over the pattern's length.
 */
const NAME_MATCH = { keys: ['name'], threshold: 0.45, ignoreLocation: true };

/**
 * fuse.js's closest names to `pattern` (at most 32 characters), best first: the same speakers in
 * the same order as fuse.js over every name, but Bitap runs only on the names that can match. A
 * match with `k` edits pairs `length − k` of the pattern's characters, in order, with equal ones
 * of the name, so a name whose longest common subsequence with the pattern (in the lower case
 * Bitap compares) is shorter cannot be within the threshold. The subsequence is measured with one
 * 32-bit word per name character (Hyyrö's bit-parallel LCS). Bitap over the ~600 names of the
 * speeches cost ~2 ms per unknown speaker. Fuse breaks ties by list order, which the filter keeps.
 */
export function closestNames<T extends { name: string }>(speakers: T[], pattern: string, limit: number): T[] {
  const typed = pattern.toLowerCase();
  const m = typed.length;
  // Lower case can lengthen a pattern past 32 units, which fuse.js reads in pieces, and fuse.js
  // gives the first names for a blank pattern: no filter then.
  if (m > 32 || !typed.trim()) return new Fuse(speakers, NAME_MATCH).search(pattern, { limit }).map((r) => r.item);
  let edits = 0;
  while ((edits + 1) / m <= NAME_MATCH.threshold) edits++;
  // Per character, the bits of the pattern positions holding it.
  const positions = new Map<number, number>();
  for (let i = 0; i < m; i++) positions.set(typed.charCodeAt(i), ((positions.get(typed.charCodeAt(i)) ?? 0) | (1 << i)) >>> 0);
  const all = m === 32 ? 0xffffffff : (1 << m) - 1;
  const pool = speakers.filter((s) => {
    const name = s.name.toLowerCase();
    // V's zero bits (of the low m) count the longest common subsequence so far.
    let v = all;
    for (let i = 0; i < name.length; i++) {
      const u = (v & (positions.get(name.charCodeAt(i)) ?? 0)) >>> 0;
      v = ((((v + u) >>> 0) | (v - u)) & all) >>> 0;
    }
    let common = 0;
    for (let rest = ~v & all; rest; rest &= rest - 1) common++;
    return common >= m - edits;
  });
  return pool.length ? new Fuse(pool, NAME_MATCH).search(pattern, { limit }).map((r) => r.item) : [];
}
