/**
 * Stateless button custom ids: everything a click needs is in the id, so buttons keep working
 * after a restart. Ids are parsed strictly; anything that does not decode to a valid request is
 * refused (a forged or stale id), never guessed at.
 *
 *   more:<askerId>:<request>           page of a request (More / Back); only the asker's click
 *                                      changes the message
 *   ctx:<index>:<passageKey>           the paragraph around an excerpt (index keeps ids unique)
 *   cite:<index>:<check>:<request>     a citation line; <check> must match the re-run excerpt
 *   vcite:<index>:<check>:<from>-<to>:<passageKey>   a /verify citation line (its claim is too
 *                                      long to replay): the sentences in that range of the paragraph
 *   vmore:<askerId>:<offset>           the next page of the later sources repeating a /verify claim,
 *                                      read from the Claim line of the message it is on
 *   crev:<index>:<check>               the /verify check as schema.org ClaimReview JSON: the claim is
 *                                      read from the Claim line of the Cite reply it is on
 *                                      (claim-line.ts) and re-run; citation <index> must still match
 *
 * <request> is base64url JSON of a compact tuple, e.g. ["q","Jens Stoltenberg","china",3].
 */
import { z } from 'zod';
import type { AnswerRequest, Citation } from '../../answer/types.js';
import { LIMITS } from './escape.js';

export type ButtonAction =
  | { kind: 'more'; askerId: string; request: AnswerRequest }
  | { kind: 'context'; index: number; passageKey: string }
  | { kind: 'cite'; index: number; check: string; request: AnswerRequest }
  | { kind: 'vcite'; index: number; check: string; start: number; end: number; passageKey: string }
  | { kind: 'claimreview'; index: number; check: string }
  | { kind: 'vmore'; askerId: string; offset: number };

const text = z.string().max(300);
const offset = z.number().int().min(0).max(100_000);
const bound = z.string().max(10);
const tuple = z.union([
  z.tuple([z.literal('q'), text.min(1), text, offset]),
  z.tuple([z.literal('s'), text.min(1), offset]),
  z.tuple([z.literal('f'), text.min(1), offset]),
  z.tuple([z.literal('o'), offset]),
  z.tuple([z.literal('h'), offset]),
  z.tuple([z.literal('v'), z.string().min(1).max(500), text, offset]),
  // With since/until ('' when absent): quote, summary and verify, and every timeline.
  z.tuple([z.literal('qb'), text.min(1), text, bound, bound, offset]),
  z.tuple([z.literal('sb'), text.min(1), bound, bound, offset]),
  z.tuple([z.literal('vb'), z.string().min(1).max(500), text, bound, bound, offset]),
  // Timeline: topic, speaker, since, until, offset.
  z.tuple([z.literal('t'), text.min(1), text, bound, bound, offset]),
]);

function toTuple(r: AnswerRequest): z.infer<typeof tuple> {
  switch (r.command) {
    case 'quote':
      return r.since || r.until ? ['qb', r.speaker, r.topic, r.since ?? '', r.until ?? '', r.offset] : ['q', r.speaker, r.topic, r.offset];
    case 'summary':
      return r.since || r.until ? ['sb', r.topic, r.since ?? '', r.until ?? '', r.offset] : ['s', r.topic, r.offset];
    case 'search':
      return ['f', r.query, r.offset];
    case 'sources':
      return ['o', r.offset];
    case 'help':
      return ['h', r.offset];
    case 'verify':
      return r.since || r.until ? ['vb', r.claim, r.speaker, r.since ?? '', r.until ?? '', r.offset] : ['v', r.claim, r.speaker, r.offset];
    case 'timeline':
      return ['t', r.topic, r.speaker, r.since ?? '', r.until ?? '', r.offset];
  }
}

function fromTuple(t: z.infer<typeof tuple>): AnswerRequest {
  switch (t[0]) {
    case 'q':
      return { command: 'quote', speaker: t[1], topic: t[2], offset: t[3] };
    case 's':
      return { command: 'summary', topic: t[1], offset: t[2] };
    case 'f':
      return { command: 'search', query: t[1], offset: t[2] };
    case 'o':
      return { command: 'sources', offset: t[1] };
    case 'h':
      return { command: 'help', offset: t[1] };
    case 'v':
      return { command: 'verify', claim: t[1], speaker: t[2], offset: t[3] };
    case 'qb':
      return { command: 'quote', speaker: t[1], topic: t[2], ...bounds(t[3], t[4]), offset: t[5] };
    case 'sb':
      return { command: 'summary', topic: t[1], ...bounds(t[2], t[3]), offset: t[4] };
    case 'vb':
      return { command: 'verify', claim: t[1], speaker: t[2], ...bounds(t[3], t[4]), offset: t[5] };
    case 't':
      return { command: 'timeline', topic: t[1], speaker: t[2], ...bounds(t[3], t[4]), offset: t[5] };
  }
}

function bounds(since: string, until: string): { since?: string; until?: string } {
  return { ...(since ? { since } : {}), ...(until ? { until } : {}) };
}

export function encodeRequest(r: AnswerRequest): string {
  return Buffer.from(JSON.stringify(toTuple(r)), 'utf8').toString('base64url');
}

export function decodeRequest(s: string): AnswerRequest | null {
  if (!/^[A-Za-z0-9_-]+$/.test(s)) return null;
  try {
    const parsed = tuple.safeParse(JSON.parse(Buffer.from(s, 'base64url').toString('utf8')));
    return parsed.success ? fromTuple(parsed.data) : null;
  } catch {
    return null;
  }
}

/** A short fingerprint of a citation (FNV-1a), to notice when a re-run gives different words. */
export function citationCheck(c: Pick<Citation, 'sourceId' | 'excerpt'>): string {
  let h = 0x811c9dc5;
  for (const ch of `${c.sourceId}\n${c.excerpt}`) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** The custom id for an action, or null when it would not fit Discord's 100 characters. */
export function encodeButton(a: ButtonAction): string | null {
  const id =
    a.kind === 'more'
      ? `more:${a.askerId}:${encodeRequest(a.request)}`
      : a.kind === 'context'
        ? `ctx:${a.index}:${a.passageKey}`
        : a.kind === 'vcite'
          ? `vcite:${a.index}:${a.check}:${a.start}-${a.end}:${a.passageKey}`
          : a.kind === 'claimreview'
            ? `crev:${a.index}:${a.check}`
            : a.kind === 'vmore'
              ? `vmore:${a.askerId}:${a.offset}`
              : `cite:${a.index}:${a.check}:${encodeRequest(a.request)}`;
  return id.length <= LIMITS.customId ? id : null;
}

const SNOWFLAKE = /^\d{1,20}$/;
const INDEX = /^\d{1,2}$/;

/** Parses a custom id; null for anything that is not exactly what encodeButton makes. */
export function decodeButton(id: string): ButtonAction | null {
  if (id.length > LIMITS.customId) return null;
  const [kind, a = '', b = ''] = id.split(':', 3);
  const rest = id.slice(`${kind}:${a}:`.length);
  if (kind === 'more' && SNOWFLAKE.test(a)) {
    const request = decodeRequest(b && rest);
    return request ? { kind: 'more', askerId: a, request } : null;
  }
  if (kind === 'ctx' && INDEX.test(a) && rest.length > 0) return { kind: 'context', index: Number(a), passageKey: rest };
  if (kind === 'vcite' && INDEX.test(a) && /^[0-9a-z]{1,7}$/.test(b)) {
    const m = /^(\d{1,9})-(\d{1,9}):(.+)$/.exec(rest.slice(b.length + 1));
    return m ? { kind: 'vcite', index: Number(a), check: b, start: Number(m[1]), end: Number(m[2]), passageKey: m[3]! } : null;
  }
  if (kind === 'vmore' && SNOWFLAKE.test(a) && /^\d{1,5}$/.test(rest)) return { kind: 'vmore', askerId: a, offset: Number(rest) };
  if (kind === 'crev' && INDEX.test(a) && /^[0-9a-z]{1,7}$/.test(b) && rest === b) return { kind: 'claimreview', index: Number(a), check: b };
  if (kind === 'cite' && INDEX.test(a) && /^[0-9a-z]{1,7}$/.test(b)) {
    const request = decodeRequest(rest.slice(b.length + 1));
    return request ? { kind: 'cite', index: Number(a), check: b, request } : null;
  }
  return null;
}
