import type { Addition } from '../knowledge/scope.js';
import type { KnowledgeBase } from '../search/kb.js';
import type { PassageFilter } from '../search/index.js';
import { speakersWithin } from '../search/speakers-within.js';
import type { Core, Scope } from './types.js';

/** How the articles fall into scope groups: group 0 is global, each other one a set of servers. */
interface Groups {
  /** Per passage, its article's group (what the index's filter reads). */
  passage: Uint32Array;
  /** Per article, its group. */
  article: Uint32Array;
  /** Per group, the servers that see it (empty for group 0). */
  servers: string[][];
}

const groupsOf = new WeakMap<KnowledgeBase['articles'], Groups | null>();
const viewsOf = new WeakMap<KnowledgeBase, Map<string, KnowledgeBase>>();
/** Views kept per knowledge base: one per server recently asked from (each is a few small arrays). */
const MAX_VIEWS = 256;

/**
 * The knowledge base as `scope` sees it: global sources plus the server's own. The same index,
 * passages and directory, with a filter checked where candidates are met (search/index.ts
 * `within`, search/speakers-within.ts); built once per server and knowledge base, then reused.
 */
export function scopedBase(kb: KnowledgeBase, scope: Scope | undefined): KnowledgeBase {
  const groups = groupsFor(kb);
  if (!scope || scope === 'global') {
    if (!groups) return kb;
    return cached(kb, '', () => filtered(kb, groups, null));
  }
  return cached(kb, scope.server, () => filtered(kb, groups, scope.server));
}

/** The addition of an article made in the scope's own server, for "added by a moderator of this server". */
export function additionHere(kb: KnowledgeBase, article: number): Addition | undefined {
  const server = kb.scope?.server;
  if (!server) return undefined;
  return kb.articles[article]!.additions?.findLast((a) => a.server === server);
}

function cached(kb: KnowledgeBase, key: string, make: () => KnowledgeBase): KnowledgeBase {
  let views = viewsOf.get(kb);
  if (!views) {
    views = new Map();
    viewsOf.set(kb, views);
  }
  let view = views.get(key);
  if (view) {
    // Most recently used last, so the oldest is the one dropped.
    views.delete(key);
  } else {
    view = make();
    if (views.size >= MAX_VIEWS) views.delete(views.keys().next().value!);
  }
  views.set(key, view);
  return view;
}

function filtered(kb: KnowledgeBase, groups: Groups | null, server: string | null): KnowledgeBase {
  const open = new Uint8Array(groups?.servers.length ?? 1);
  open[0] = 1;
  if (groups && server) for (let g = 1; g < open.length; g++) if (groups.servers[g]!.includes(server)) open[g] = 1;
  const sees = (article: number) => !groups || open[groups.article[article]!] === 1;
  const scope = { server: server ?? '', sees };
  if (!groups || open.every((o) => o === 1)) return { ...kb, scope };
  const filter: PassageFilter = { group: groups.passage, open };
  return { ...kb, index: kb.index.within(filter), speakers: speakersWithin(kb.speakers, kb.articles, kb.passages, filter), scope };
}

/** The scope groups of a knowledge base, computed once; null when every source is global. */
function groupsFor(kb: KnowledgeBase): Groups | null {
  const known = groupsOf.get(kb.articles);
  if (known !== undefined) return known;
  let groups: Groups | null = null;
  if (kb.articles.some((a) => a.scopes?.length)) {
    const ids = new Map<string, number>([['', 0]]);
    const servers: string[][] = [[]];
    const article = new Uint32Array(kb.articles.length);
    kb.articles.forEach((a, i) => {
      const key = a.scopes?.join(',') ?? '';
      let g = ids.get(key);
      if (g === undefined) {
        g = servers.length;
        ids.set(key, g);
        servers.push(a.scopes!);
      }
      article[i] = g;
    });
    const passage = new Uint32Array(kb.passages.length);
    kb.passages.forEach((p, i) => {
      passage[i] = article[p.article]!;
    });
    groups = { passage, article, servers };
  }
  groupsOf.set(kb.articles, groups);
  return groups;
}

/** The same core with every question asked in `scope`: what a face hands its handlers, so none can forget it. */
export function withScope(core: Core, scope: Scope): Core {
  return {
    answer: (request) => core.answer({ ...request, scope }),
    ask: (input) => core.ask(input, scope),
    context: (key) => core.context(key, scope),
    cite: (key, start, end) => core.cite?.(key, start, end, scope) ?? null,
    suggestSpeakers: (typed, limit) => core.suggestSpeakers(typed, limit, scope),
    suggestTopics: (typed, speaker, limit) => core.suggestTopics(typed, speaker, limit, scope),
    stats: () => core.stats(),
  };
}
