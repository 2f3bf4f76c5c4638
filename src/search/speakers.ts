import Fuse from 'fuse.js';
import { nameKey, roleAliases } from '../knowledge/speakers.js';
import type { Article } from '../knowledge/types.js';
import { words } from '../knowledge/text.js';
import type { Passage } from './passages.js';
import { damerauLevenshtein, maxEdits, Speller } from './spell.js';
import { canonicalNames, push } from './speaker-names.js';

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
}

export interface SpeakerMatch {
  speaker: Speaker | null;
  /** Several speakers fit equally well (e.g. "Bush"): the user must choose. */
  ambiguous: Speaker[];
  /** Words of the typed text that named the speaker, when found inside longer text. */
  consumed?: { from: number; to: number };
}

export class SpeakerDirectory {
  readonly all: Speaker[];
  private readonly byAlias = new Map<string, Speaker[]>();
  private readonly byToken = new Map<string, Speaker[]>();
  private readonly tokenSpeller: Speller;
  private readonly fuse: Fuse<Speaker>;

  /** Canonicalises speaker names in the articles' segments in place, then indexes them. */
  constructor(articles: Article[], passages: Passage[]) {
    const canonical = canonicalNames(articles);
    const stats = new Map<string, { quoteIds: Set<string>; reported: number; q: Set<number>; r: Set<number>; roles: Set<string> }>();
    const statFor = (name: string) => {
      let s = stats.get(name);
      if (!s) stats.set(name, (s = { quoteIds: new Set(), reported: 0, q: new Set(), r: new Set(), roles: new Set() }));
      return s;
    };
    for (const article of articles) {
      for (const para of article.paragraphs) for (const seg of para.segments) if (seg.speaker) seg.speaker = canonical.get(seg.speaker) ?? seg.speaker;
      for (const { speaker, role } of article.roles) statFor(canonical.get(speaker) ?? speaker).roles.add(role);
    }
    passages.forEach((p, id) => {
      const article = articles[p.article]!;
      const para = article.paragraphs[p.paragraph]!;
      for (let i = p.segFrom; i < p.segTo; i++) {
        const seg = para.segments[i]!;
        if (!seg.speaker) continue;
        const s = statFor(seg.speaker);
        if (seg.kind === 'quote') {
          s.quoteIds.add(`${p.article}:${seg.quoteId ?? i}`);
          s.q.add(id);
        } else if (seg.kind === 'reported') {
          s.reported++;
          s.r.add(id);
        }
      }
    });
    this.all = [...stats].map(([name, s]) => ({
      name,
      key: nameKey(name),
      quotes: s.quoteIds.size,
      reported: s.reported,
      quotePassages: Uint32Array.from([...s.q].sort((x, y) => x - y)),
      reportedPassages: Uint32Array.from([...s.r].sort((x, y) => x - y)),
      roles: [...s.roles],
    })).filter((s) => s.quotes + s.reported > 0).sort((x, y) => y.quotes - x.quotes || x.name.localeCompare(y.name));

    for (const speaker of this.all) {
      const parts = nameKey(speaker.name).split(' ');
      const aliases = new Set([nameKey(speaker.name), parts.at(-1) ?? '', `${parts[0]} ${parts.at(-1)}`]);
      for (const role of speaker.roles) for (const alias of roleAliases(role)) aliases.add(alias);
      for (const alias of aliases) {
        if (!alias) continue;
        push(this.byAlias, alias, speaker);
      }
      for (const token of parts) if (token.length > 1) push(this.byToken, token, speaker);
    }
    this.tokenSpeller = new Speller([...this.byToken.keys()], (t) => this.byToken.get(t)?.length ?? 0);
    // Names only (not every alias): a few hundred short strings keep Bitap scoring to a millisecond.
    this.fuse = new Fuse(this.all, { keys: ['name'], threshold: 0.45, ignoreLocation: true });
  }

  get(name: string): Speaker | undefined {
    return this.all.find((s) => s.name === name);
  }

  /** What a user typed as a speaker ("stoltenbreg", "secretary general") → one speaker, or why not. */
  resolve(typed: string): SpeakerMatch {
    const key = nameKey(typed).replace(/(?: (?:mp|mbbs|md|phd|qc|kc|obe|mbe|cbe|kbe|gcmg))+$/, '');
    if (!key) return { speaker: null, ambiguous: [] };
    const exact = this.byAlias.get(key);
    if (exact) return exact.length === 1 ? { speaker: exact[0]!, ambiguous: [] } : { speaker: null, ambiguous: exact };
    const tokens = key.split(' ').filter((t) => t.length > 1);
    let best: Speaker[] = [];
    let bestCost = Infinity;
    const costs = new Map<Speaker, number>();
    tokens.forEach((token, i) => {
      const options = new Map<Speaker, number>();
      for (const s of this.byToken.get(token) ?? []) options.set(s, 0);
      for (const c of this.tokenSpeller.candidates(token, 5, maxEdits(token.length))) {
        for (const s of this.byToken.get(c.term) ?? []) if (!options.has(s)) options.set(s, c.distance);
      }
      for (const [s, d] of options) if (i === 0 || costs.has(s)) costs.set(s, (i === 0 ? 0 : costs.get(s)!) + d);
      if (i > 0) for (const s of [...costs.keys()]) if (!options.has(s)) costs.delete(s);
    });
    for (const [s, c] of costs) {
      if (c < bestCost) [best, bestCost] = [[s], c];
      else if (c === bestCost) best.push(s);
    }
    if (best.length === 1) return { speaker: best[0]!, ambiguous: [] };
    return { speaker: null, ambiguous: best };
  }

  /**
   * Finds a speaker named inside free text ("what did stoltenberg say about …"), preferring the
   * longest exact alias; typo-tolerant only for words of five letters or more.
   */
  detect(text: string): SpeakerMatch | null {
    const tokens = words(text);
    for (let len = Math.min(4, tokens.length); len >= 1; len--) {
      for (let i = 0; i + len <= tokens.length; i++) {
        const hit = this.byAlias.get(tokens.slice(i, i + len).join(' '));
        if (hit) return { speaker: hit.length === 1 ? hit[0]! : null, ambiguous: hit.length === 1 ? [] : hit, consumed: { from: i, to: i + len } };
      }
    }
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.length < 5) continue;
      const c = this.tokenSpeller.candidates(token, 2, maxEdits(token.length) > 1 ? 1 : maxEdits(token.length))[0];
      const who = (c && this.byToken.get(c.term)?.filter((s) => s.key.split(' ').at(-1) === c.term)) ?? [];
      if (!who.length) continue;
      // A misspelt given name just before the surname ("sergi lavroi") belongs to the name, not the topic.
      const given = tokens[i - 1];
      const from = given && who.some((s) => damerauLevenshtein(given, s.key.split(' ')[0] ?? '', 2) <= 2) ? i - 1 : i;
      return { speaker: who.length === 1 ? who[0]! : null, ambiguous: who.length === 1 ? [] : who, consumed: { from, to: i + 1 } };
    }
    return null;
  }

  /** Autocomplete / "did you mean": speakers ranked by fuzzy match, or by quote count when nothing is typed. */
  suggest(typed: string, limit = 25): Speaker[] {
    const key = nameKey(typed);
    if (!key) return this.all.slice(0, limit);
    const out: Speaker[] = [];
    const add = (s: Speaker) => { if (!out.includes(s)) out.push(s); };
    for (const s of this.all) if (s.key.startsWith(key) || s.key.includes(` ${key}`)) add(s);
    if (out.length < limit) for (const r of this.fuse.search(key.slice(0, 32), { limit })) add(r.item);
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
    if (found.size) return [...found].sort((a, b) => a[1] - b[1] || b[0].quotes - a[0].quotes).slice(0, limit).map(([s]) => s);
    // fuse.js on the first word only: what was typed after it is usually the topic.
    const close = this.suggest(nameKey(typed).split(' ')[0] ?? '', limit);
    return close.length ? close : this.all.slice(0, limit);
  }
}
