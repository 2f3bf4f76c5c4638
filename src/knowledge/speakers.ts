import { fold } from './text.js';

/**
 * Who is speaking: turns noun phrases such as "NATO Secretary General Jens Stoltenberg",
 * "Stoltenberg", "the NATO chief" or "he" into one canonical person name, learning roles and
 * surnames as an article introduces people. When in doubt it returns null: an unattributed quote
 * is acceptable, a quote given to the wrong person is not.
 */

const ROLE_WORDS = new Set([
  'secretary', 'general', 'secretary-general', 'minister', 'prime', 'foreign', 'deputy', 'vice', 'president',
  'chancellor', 'high', 'representative', 'chief', 'director', 'spokesperson', 'spokesman', 'spokeswoman',
  'ambassador', 'senator', 'governor', 'mayor', 'king', 'queen', 'prince', 'princess', 'chairman', 'chairwoman',
  'chair', 'head', 'leader', 'commander', 'admiral', 'colonel', 'premier', 'envoy', 'commissioner', 'ceo',
  'officer', 'undersecretary', 'under-secretary', 'assistant', 'defence', 'defense', 'interior', 'finance',
  'affairs', 'state', 'of', 'for', 'the', 'and', 'former', 'acting', 'first', 'lady', 'pope', 'speaker',
  'justice', 'judge', 'attorney', 'senior', 'supreme', 'allied', 'adviser', 'advisor', 'security', 'national',
  'european', 'council', 'commission', 'mr', 'mrs', 'ms', 'dr', 'sir', 'dame', 'lord', 'gen', 'sen', 'rep', 'gov',
]);
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'sir', 'dame', 'lord', 'gen', 'sen', 'rep', 'gov', 'prof']);
/** Capitalised words that head organisations or places, never a person's name. */
const NOT_PERSON = new Set([
  'office', 'ministry', 'department', 'government', 'agency', 'embassy', 'alliance', 'union', 'committee',
  'court', 'parliament', 'authorities', 'police', 'army', 'company', 'house', 'kremlin', 'nations', 'states',
  'kingdom', 'republic', 'korea', 'africa', 'america', 'europe', 'asia', 'china', 'russia', 'ukraine', 'nato',
  'organization', 'organisation', 'group', 'bank', 'fund', 'institute', 'university', 'party', 'forces',
  'military', 'headquarters', 'board', 'agency', 'service', 'council', 'commission', 'times', 'news', 'press',
  'allies', 'ministers', 'members', 'officials', 'reports', 'sources', 'people', 'he', 'she', 'they', 'we', 'it',
  'this', 'that', 'there', 'earlier', 'later', 'today', 'yesterday', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'sea', 'east', 'west', 'north', 'south', 'middle',
]);
const NAME_PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'dos', 'del']);
const PRONOUNS = new Set(['he', 'she']);
const LINK_WORDS = new Set(['the', 'of', 'and', 'for', 'former', 'acting', 'first', 'senior', 'high', 'national', 'european', 'allied', 'security', 'state', 'affairs', 'foreign', 'interior', 'finance', 'defence', 'defense']);

export interface NamePhrase {
  /** The person's name as written (1–4 words), or null when the phrase names only a role. */
  name: string | null;
  /** The role words before the name ("NATO Secretary General"), or null. */
  role: string | null;
  titled: boolean;
}

const isCapitalised = (w: string) => /^\p{Lu}[\p{Ll}'’\-.]/u.test(w) || /^\p{Lu}\.$/u.test(w);

/** Splits a noun phrase into role and name. */
function parseNamePhrase(phrase: string): NamePhrase {
  const tokens = phrase.replace(/[()]/g, ' ').trim().split(/\s+/).filter(Boolean)
    .map((t) => t.replace(/[,;:.]+$/, (m) => (/^\p{Lu}$/u.test(t.slice(0, -1)) ? m : '')));
  let i = tokens.length;
  const nameTokens: string[] = [];
  while (i > 0) {
    const tok = tokens[i - 1] ?? '';
    const low = fold(tok).replace(/\.$/, '');
    const particle = NAME_PARTICLES.has(low) && nameTokens.length > 0 && i > 1;
    if (!particle && (!isCapitalised(tok) || ROLE_WORDS.has(low) || /['’]s$/.test(tok))) break;
    if (NOT_PERSON.has(low)) return { name: null, role: null, titled: false };
    nameTokens.unshift(tok);
    i--;
    if (nameTokens.length > 4) return { name: null, role: null, titled: false };
  }
  const roleTokens = tokens.slice(0, i);
  const lowRole = roleTokens.map((t) => fold(t).replace(/\.$/, ''));
  // Before a name may stand only a role: role words, acronyms (NATO), nationalities (Bulgarian),
  // possessives (Sweden's) and capitalised portfolio words ("Fisheries Minister"), with at least
  // one real role word. Anything else means this is no subject phrase ("… uncovered John Smith").
  const roleOk = roleTokens.every((t, k) =>
    ROLE_WORDS.has(lowRole[k] ?? '') || /^\p{Lu}/u.test(t)) &&
    (roleTokens.length === 0 || lowRole.some((t) => ROLE_WORDS.has(t) && !LINK_WORDS.has(t)));
  if (!roleOk) return { name: null, role: null, titled: false };
  const titled = lowRole.length > 0 && TITLES.has(lowRole[lowRole.length - 1] ?? '');
  const roleText = roleTokens.filter((t) => !TITLES.has(fold(t).replace(/\.$/, ''))).join(' ').replace(/^the\s+/i, '').trim();
  const role = roleText && lowRole.some((t) => ROLE_WORDS.has(t) && !LINK_WORDS.has(t)) ? roleText : null;
  const name = nameTokens.length ? nameTokens.join(' ').replace(/['’]$/, '') : null;
  return { name, role, titled };
}

/** Lower-case, folded, hyphen-free key for roles and names ("Secretary-General" = "secretary general"). */
export function nameKey(text: string): string {
  return fold(text).replace(/[-_.]/g, ' ').replace(/[^\p{L}\p{N}' ]/gu, '').replace(/^the /, '').replace(/\s+/g, ' ').trim();
}

/** Role aliases a person may be called by later: the role, the role without its organisation, "<ORG> chief". */
export function roleAliases(role: string): string[] {
  const key = nameKey(role);
  const out = new Set([key]);
  const tokens = role.split(/\s+/);
  // Suffixes of one word ("President") would be far too loose to stand for one person.
  for (let k = 1; k < tokens.length - 1; k++) {
    const rest = tokens.slice(k);
    if (rest.some((t) => ROLE_WORDS.has(fold(t)))) out.add(nameKey(rest.join(' ')));
  }
  for (const t of tokens) if (/^\p{Lu}{2,}$/u.test(t)) out.add(`${fold(t)} chief`);
  out.delete('');
  return [...out].filter((a) => a.split(' ').some((w) => ROLE_WORDS.has(w) && !['the', 'of', 'and', 'for'].includes(w)) || a.endsWith(' chief'));
}

/** People named so far in one article, so that "Stoltenberg", "the NATO chief" and "he" resolve. */
export class ArticleSpeakers {
  private readonly bySurname = new Map<string, string>();
  private readonly byRole = new Map<string, string>();
  private readonly roles = new Map<string, string>();
  /** People in order of last mention, most recent last, and the pronoun each was referred to by. */
  private readonly recent: string[] = [];
  private readonly pronoun = new Map<string, string>();

  /** Resolves a subject/attribution phrase to a person, learning from it; null when unsure. */
  resolve(phrase: string, { learn = true }: { learn?: boolean } = {}): string | null {
    const cleaned = phrase.replace(/^[\s\-–—,]+|[\s,.;:]+$/g, '');
    if (!cleaned) return null;
    const low = nameKey(cleaned);
    if (PRONOUNS.has(low)) return this.byPronoun(low);
    const direct = this.byRole.get(low);
    if (direct) return this.remember(direct);
    const parsed = parseNamePhrase(cleaned);
    if (parsed.name) {
      const parts = parsed.name.split(/\s+/);
      const surname = nameKey(parts[parts.length - 1] ?? '');
      if (parts.length === 1) {
        const known = this.bySurname.get(surname);
        if (known) return this.remember(known, parsed.role);
        if (!parsed.role && !parsed.titled) return null;
      }
      const full = parts.length > 1 ? parsed.name : this.bySurname.get(surname) ?? parsed.name;
      if (learn) {
        if (!this.bySurname.has(surname) || parts.length > 1) this.bySurname.set(surname, full);
        if (parsed.role) this.learnRole(full, parsed.role);
      }
      return this.remember(full);
    }
    if (parsed.role) {
      for (const alias of roleAliases(parsed.role)) {
        const who = this.byRole.get(alias);
        if (who) return this.remember(who);
      }
    }
    const chief = /^(?:the )?(.+?) (chief|head|leader|boss)$/.exec(low);
    if (chief) return this.byRole.get(`${chief[1]} chief`) ?? null;
    return null;
  }

  /** Role → person pairs learnt in this article. */
  learnedRoles(): Array<{ speaker: string; role: string }> {
    return [...this.roles].map(([role, speaker]) => ({ speaker, role }));
  }

  private learnRole(person: string, role: string): void {
    this.roles.set(role, person);
    for (const alias of roleAliases(role)) {
      const existing = this.byRole.get(alias);
      // A role shared by two people in one article is ambiguous: forget it rather than guess.
      if (existing && existing !== person) this.byRole.set(alias, '');
      else this.byRole.set(alias, person);
    }
  }

  /**
   * "he"/"she" is the most recently named person not already known by the other pronoun: after
   * "Berg … He said", a later "she said" skips Berg. With nobody left, it stays unattributed.
   */
  private byPronoun(p: string): string | null {
    for (let i = this.recent.length - 1; i >= 0; i--) {
      const person = this.recent[i]!;
      const known = this.pronoun.get(person);
      if (known && known !== p) continue;
      this.pronoun.set(person, p);
      return this.remember(person);
    }
    return null;
  }

  private remember(person: string, role?: string | null): string | null {
    if (!person) return null;
    if (role) this.learnRole(person, role);
    const at = this.recent.indexOf(person);
    if (at >= 0) this.recent.splice(at, 1);
    this.recent.push(person);
    return person;
  }
}
