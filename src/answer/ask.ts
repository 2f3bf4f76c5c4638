import { words } from '../knowledge/text.js';
import type { KnowledgeBase } from '../search/kb.js';
import { periodPhrase } from './period.js';
import type { AnswerRequest } from './types.js';
import { parseVerify } from './verify/parse.js';
import { parseTimeline } from './timeline-parse.js';

/** What a user typed → a normalised request: slash-command text, or free text with its intent read. */

export const MAX_INPUT = 500;

// Control characters, zero-width characters and bidirectional overrides carry no meaning in a
// question but can hide text or reverse how an echo of it is displayed.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export function cleanInput(raw: string): string {
  return String(raw ?? '').normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

export type Parsed = { request: AnswerRequest } | { refusal: string; command: AnswerRequest['command'] };

const SUMMARY = /^(?:please\s+|can you\s+|could you\s+)?(?:summari[sz]e|sum up|summary(?:\s+of)?|give me (?:a )?summary (?:of|on)|tell me about|what(?:'s| is) (?:the )?(?:news|latest|story) (?:on|about)|brief me on|overview of|what do (?:the )?(?:sources|articles|reports) say (?:about|on)|what happened (?:with|to|in))\s+(.+)$/i;
const SPEECH = /\b(?:say|said|says|saying|think|thinks|thought|quotes?|quoted|comment(?:s|ed)?|stance|position|views?|opinion|remarks?|statements?|speak|spoke|talk(?:ed)?|mention(?:ed)?|claim(?:ed)?|warn(?:ed)?|believes?|feels?|words|according)\b/i;
/** Words of a question that say what kind of answer is wanted, not what it is about. */
const QUESTION_WORDS = new Set(`what whats did does do has have had say said says saying think thinks thought quote quotes quoted
comment comments commented stance position view views opinion remark remarks statement statements speak spoke talk talked
words according
mention mentioned claim claimed warn warned believe believes feel feels about regarding concerning on of the a an me tell
anything something ever recently please can could you give show find any is are was were how why when where who which
to in for with by from at`.split(/\s+/));

/** Parses `/quote stoltenberg china`, `/summary bulgaria`, `/sources`, `/help`, or free text. */
export function parseInput(kb: KnowledgeBase, raw: string): Parsed {
  const text = cleanInput(raw);
  if (text.length > MAX_INPUT) {
    return { refusal: `That is ${text.length} characters long; please ask in under ${MAX_INPUT} characters, e.g. /quote stoltenberg china.`, command: 'search' };
  }
  // "Did X say “…”?", "/verify “…” X", "who said “…”?": checking a quotation, not searching.
  const verify = parseVerify(kb, text);
  if (verify) return { request: verify };
  const timeline = parseTimeline(kb, text);
  if (timeline) return { request: timeline };
  const slash = /^[/!]([\p{L}]+)\s*(.*)$/u.exec(text);
  if (slash) {
    const name = (slash[1] ?? '').toLowerCase();
    const rest = (slash[2] ?? '').trim();
    if (name === 'quote' || name === 'q' || name === 'quotes') return { request: { command: 'quote', ...splitSpeakerTopic(kb, rest), offset: 0 } };
    if (name === 'summary' || name === 'summarize' || name === 'summarise' || name === 'sum') return { request: { command: 'summary', topic: rest, offset: 0 } };
    if (name === 'sources' || name === 'source') return { request: { command: 'sources', offset: 0 } };
    if (name === 'help' || name === 'start') return { request: { command: 'help', offset: 0 } };
    if (name === 'search' || name === 'find' || name === 'ask') return { request: { command: 'search', query: rest, offset: 0 } };
    return { refusal: `There is no /${name} command. Try /quote, /summary, /timeline, /sources or /help.`, command: 'help' };
  }
  // Bare command words, as typed in a DM ("help", "sources").
  if (/^(?:help|commands|\?|what can you do\??)$/i.test(text)) return { request: { command: 'help', offset: 0 } };
  if (/^(?:sources|list sources|which sources\??|what sources\??)$/i.test(text)) return { request: { command: 'sources', offset: 0 } };
  const summary = SUMMARY.exec(text);
  if (summary) {
    // "summarise what was said about china": the question words are not the topic.
    const rest = stripTrailing(summary[1] ?? '');
    const phrase = periodPhrase(rest);
    const content = words(phrase ? rest.replace(phrase, ' ') : rest).filter((t) => !QUESTION_WORDS.has(t));
    const topic = [content.length ? content.join(' ') : rest, phrase].filter(Boolean).join(' ');
    return { request: { command: 'summary', topic, offset: 0 } };
  }
  // A date phrase ("in 2009") survives the removal of question words intact.
  const phrase = periodPhrase(text);
  const plain = phrase ? text.replace(phrase, ' ') : text;
  const withPeriod = (topic: string) => [topic, phrase].filter(Boolean).join(' ');
  const found = kb.speakers.detect(plain);
  const tokens = words(plain);
  if (found?.consumed && (found.speaker || found.ambiguous.length) && (SPEECH.test(plain) || found.consumed.from === 0)) {
    const { from, to } = found.consumed;
    const topic = tokens.filter((t, i) => (i < from || i >= to) && !QUESTION_WORDS.has(t)).join(' ');
    // A name shared by several speakers goes through as typed, so the answer asks which one.
    const speaker = found.speaker?.name ?? tokens.slice(from, to).join(' ');
    return { request: { command: 'quote', speaker, topic: withPeriod(topic), offset: 0 } };
  }
  const content = tokens.filter((t) => !QUESTION_WORDS.has(t));
  return { request: { command: 'search', query: content.length ? withPeriod(content.join(' ')) : stripTrailing(text), offset: 0 } };
}

function stripTrailing(text: string): string {
  return text.replace(/[?!.\s]+$/, '').trim();
}

/**
 * `/quote` typed as one line: "stoltenberg china", "jens stoltenberg | south china sea",
 * "nato secretary general: russia". The speaker is the longest leading run of words that names one.
 */
function splitSpeakerTopic(kb: KnowledgeBase, rest: string): { speaker: string; topic: string } {
  const explicit = /^(.+?)\s*(?:\||;|:|\s[-\u2013\u2014]\s)\s*(.*)$/.exec(rest);
  if (explicit) return { speaker: explicit[1]!.trim(), topic: explicit[2]!.trim() };
  const parts = rest.split(/\s+/).filter(Boolean);
  for (let n = Math.min(parts.length, 5); n >= 1; n--) {
    const candidate = parts.slice(0, n).join(' ');
    const match = kb.speakers.resolve(candidate);
    // An exact but shared name ("bush") still marks where the speaker ends; the answer asks which one.
    if (match.speaker || (match.ambiguous.length > 1 && n === 1)) {
      return { speaker: candidate, topic: parts.slice(n).join(' ').replace(/^(?:on|about|regarding)\s+/i, '') };
    }
  }
  return { speaker: rest, topic: '' };
}
