import { words } from '../knowledge/text.js';
import type { KnowledgeBase } from '../search/kb.js';
import { periodPhrase } from './period.js';
import type { AnswerRequest } from './types.js';

/**
 * Free text that asks for a timeline: "/timeline china", "/timeline stoltenberg | china",
 * "timeline of stoltenberg on russia", "how has Obama talked about health care over time?".
 * Null when the text does not ask for one (the other intents then read it).
 */
const SLASH = /^[/!](?:timeline|tl)(?:\s+(.*))?$/i;
const ASKS = /\b(?:over time|over the years|through the years|timeline(?:\s+of)?|chronolog(?:y|ically)(?:\s+of)?|evolution of|evolved)\b/i;
/** Words that say "a timeline" or "what was said", not what it is about. */
const NOT_TOPIC = new Set(
  `how has have had did does do what when where who is are was were the a an of on about regarding concerning
over time years through timeline chronology chronologically evolution evolved evolve changed change talk talked talks speak spoken
spoke say said says said view views position stance thinking discuss discussed describe described me show give tell please can could
you with to in for by at his her their its`.split(/\s+/),
);

type TimelineRequest = Extract<AnswerRequest, { command: 'timeline' }>;

export function parseTimeline(kb: KnowledgeBase, text: string): TimelineRequest | null {
  const slash = SLASH.exec(text);
  if (slash) return slashTimeline(kb, (slash[1] ?? '').trim());
  if (/^[/!]/.test(text) || !ASKS.test(text)) return null;
  const phrase = periodPhrase(text);
  const plain = (phrase ? text.replace(phrase, ' ') : text).replace(/[?!.]+$/, '');
  const tokens = words(plain);
  const found = kb.speakers.detect(plain);
  const consumed = found?.consumed && (found.speaker || found.ambiguous.length) ? found.consumed : null;
  const topic = tokens.filter((t, i) => (!consumed || i < consumed.from || i >= consumed.to) && !NOT_TOPIC.has(t)).join(' ');
  const speaker = consumed ? (found!.speaker?.name ?? tokens.slice(consumed.from, consumed.to).join(' ')) : '';
  return { command: 'timeline', topic: [topic, phrase].filter(Boolean).join(' '), speaker, offset: 0 };
}

/** `/timeline [speaker |] topic`: a leading run of words that names a speaker is the speaker. */
function slashTimeline(kb: KnowledgeBase, rest: string): TimelineRequest {
  const explicit = /^(.+?)\s*(?:\||;|:|\s[-\u2013\u2014]\s)\s*(.*)$/.exec(rest);
  if (explicit) return { command: 'timeline', speaker: explicit[1]!.trim(), topic: explicit[2]!.trim(), offset: 0 };
  const parts = rest.split(/\s+/).filter(Boolean);
  for (let n = Math.min(parts.length - 1, 4); n >= 1; n--) {
    const match = kb.speakers.resolve(parts.slice(0, n).join(' '));
    const exact = match.speaker && kb.speakers.detect(parts.slice(0, n).join(' '))?.consumed?.to === n;
    if (exact)
      return {
        command: 'timeline',
        speaker: match.speaker!.name,
        topic: parts
          .slice(n)
          .join(' ')
          .replace(/^(?:on|about|regarding)\s+/i, ''),
        offset: 0,
      };
  }
  return { command: 'timeline', speaker: '', topic: rest, offset: 0 };
}
