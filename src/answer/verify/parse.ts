import type { KnowledgeBase } from '../../search/kb.js';
import { words } from '../../knowledge/text.js';
import { isStopWord } from '../../search/terms.js';
import type { AnswerRequest } from '../types.js';

/**
 * Free text that asks whether a quotation is real → a verify request:
 *   /verify "<claim>" [speaker]    /verify <speaker>: "<claim>"    verify: <claim>
 *   did <speaker> (really) say "<claim>"?     is it true that <speaker> said <claim>?
 *   who said "<claim>"?
 * A question without quoted words ("did Stoltenberg say anything about China?") is left to /quote.
 */

type VerifyRequest = Extract<AnswerRequest, { command: 'verify' }>;

const OPEN = '"\u201c\u201e\u00ab\u2018';
const CLOSE = '"\u201d\u201c\u00bb\u2019';
const QUOTED = new RegExp(`[${OPEN}]([^]*)[${CLOSE}]`, 'u');

/**
 * Straight single quotes around a claim ("Stoltenberg: 'We …'"): opened at the start or after a
 * space or colon, closed at the end or before a space or punctuation, so "don't" never opens one.
 */
const SINGLE_QUOTED = /(?:^|(?<=[\s:]))'([\s\S]{3,}?)'(?=$|[\s,.;:!?\u2013\u2014-])(?![\s\S]*(?:^|\s)')/u;

/** The quoted part of a text (first opening mark to last closing mark), and the text around it. */
function quotedPart(text: string): { claim: string; rest: string } | null {
  // Straight double quotes or typographic ones; a lone apostrophe is never a quotation mark.
  const m = QUOTED.exec(text) ?? SINGLE_QUOTED.exec(text);
  if (!m?.[1]?.trim() || (m[0][0] === '\u2018' && !m[0].endsWith('\u2019'))) return null;
  return { claim: m[1].trim(), rest: `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}` };
}

const CMD = /^(?:[/!]verify\b|verify\s*:|fact-?check\s*:|check\s*:)\s*(.*)$/i;
const DID =
  /^(?:did|has|does|do)\s+(.+?)\s+(?:really\s+|actually\s+|ever\s+|once\s+)?(?:say|said|write|wrote|tweet|tweeted|state|declare)\s+(?:that\s+)?(.+?)\s*\??$/i;
const TRUE =
  /^(?:is it true|is it real|was it)\s+(?:that\s+)?(.+?)\s+(?:really\s+)?(?:said|says|wrote|stated|declared|once said)\s*,?\s+(?:that\s+)?(.+?)\s*\??$/i;
const WHO = /^(?:who\s+(?:first\s+|really\s+|actually\s+)?(?:said|says|wrote|is quoted saying|was it that said))\s*:?\s+(.+?)\s*\??$/i;
const SAID = /^(.{2,60}?)\s*(?:said|says|wrote|:|,|-|\u2013|\u2014)\s*$/i;

export function parseVerify(kb: KnowledgeBase, text: string): VerifyRequest | null {
  const cmd = CMD.exec(text);
  if (cmd) return splitClaim(kb, cmd[1] ?? '');
  const did = DID.exec(text);
  if (did) {
    const q = quotedPart(did[2] ?? '');
    if (q) return request(q.claim, did[1] ?? '');
  }
  const t = TRUE.exec(text);
  if (t) return request(quotedPart(t[2] ?? '')?.claim ?? t[2] ?? '', t[1] ?? '');
  const who = WHO.exec(text);
  if (who) {
    const q = quotedPart(who[1] ?? '');
    if (q) return request(q.claim, '');
  }
  return null;
}

/**
 * `/verify` arguments: a quoted claim with the speaker before or after it, or unquoted
 * `<speaker> said <claim>` / `<speaker>: <claim>` when the words before name a speaker, else all claim.
 */
function splitClaim(kb: KnowledgeBase, body: string): VerifyRequest {
  const q = quotedPart(body);
  if (q) return request(q.claim, speakerIn(kb, q.rest));
  const named = /^(.{2,60}?)\s*(?:\bsaid\b|\bsays\b|\bwrote\b|:)\s*(.+)$/i.exec(body);
  if (named && names(kb, named[1]!)) return request(named[2]!, named[1]!);
  return request(body, '');
}

/** A dash, an en or em dash, or a tilde opening an attribution line after a quote; the name runs to a comma or bracket. */
const ATTRIBUTION = /^\s*(?:[-\u2013\u2014~]+)\s*([^,([\n]+)/u;

const SPEECH_VERB = /\b(?:said|says|say|told|tells|wrote|writes|claimed|claims|stated|declared|tweeted|quoted|according)\b/i;

/**
 * The speaker named around a quoted claim. A bare name ("putin", "ike", "xi jinping") is taken as
 * typed, known to the sources or not; prose ("Wow, Stoltenberg said today!") is searched for a
 * name the sources know, and names nobody when it has none (never a sentence taken as a name).
 */
function speakerIn(kb: KnowledgeBase, rest: string): string {
  // An attribution line ("- Stoltenberg, March 2021", "— Jens Stoltenberg, NATO Secretary General,
  // 24 March 2021", "~ Stoltenberg (2021)"): the name is what stands before the role, date or source.
  const line = ATTRIBUTION.exec(rest);
  if (line) return cleanSpeaker(line[1]!);
  const clean = cleanSpeaker(rest);
  // A bare name, with a role or a date after a comma or in brackets ("Jens Stoltenberg, NATO chief").
  const head = clean.split(/\s*[,(]/)[0]!;
  const parts = head.split(/\s+/).filter(Boolean);
  const bare = parts.length <= 4 && !SPEECH_VERB.test(clean) && !parts.some((w) => isStopWord(w.toLowerCase().replace(/[^\p{L}]/gu, '')));
  if (bare && (head === clean || kb.speakers.detect(clean)?.speaker == null || names(kb, head))) return head;
  const found = kb.speakers.detect(rest);
  if (found?.speaker) return found.speaker.name;
  if (found?.consumed && found.ambiguous.length) return words(rest).slice(found.consumed.from, found.consumed.to).join(' ');
  return '';
}

function names(kb: KnowledgeBase, typed: string): boolean {
  const m = kb.speakers.resolve(typed);
  return m.speaker !== null || m.ambiguous.length > 0;
}

function cleanSpeaker(rest: string): string {
  const s = rest.replace(/\s+/g, ' ').trim();
  const said = SAID.exec(s);
  return (said ? said[1]! : s)
    .replace(/^(?:by|from|speaker\s*:?|-|\u2013|\u2014|,)\s*/i, '')
    .replace(/[\s,.:;?!-]+$/, '')
    .replace(/^(?:that|did|has)\s+/i, '')
    .trim();
}

function request(claim: string, speaker: string): VerifyRequest {
  return { command: 'verify', claim: claim.trim(), speaker: cleanSpeaker(speaker), offset: 0 };
}
