import { wordSpans, words } from '../knowledge/text.js';
import { type KnowledgeBase, passageText } from '../search/kb.js';
import { findPhrase, readPhrase } from '../search/phrase.js';
import { isStopWord } from '../search/terms.js';
import { periodPhrase } from './period.js';
import type { AnswerRequest } from './types.js';
import { parseVerify } from './verify/parse.js';
import { parseTimeline } from './timeline-parse.js';

/** What a user typed → a normalised request: slash-command text, or free text with its intent read. */

export const MAX_INPUT = 500;

// Control characters, zero-width characters and bidirectional overrides carry no meaning in a
// question but can hide text or reverse how an echo of it is displayed.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it strips
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export function cleanInput(raw: string): string {
  return String(raw ?? '')
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export type Parsed = { request: AnswerRequest } | { refusal: string; command: AnswerRequest['command'] };

const SUMMARY =
  /^(?:please\s+|can you\s+|could you\s+)?(?:summari[sz]e|sum up|summary(?:\s+of)?|give me (?:a )?summary (?:of|on)|tell me about|what(?:'s| is) (?:the )?(?:news|latest|story) (?:on|about)|brief me on|overview of|what do (?:the )?(?:sources|articles|reports) say (?:about|on)|what happened (?:with|to|in))\s+(.+)$/i;
const SPEECH =
  /\b(?:say|said|says|saying|think|thinks|thought|quotes?|quoted|comment(?:s|ed)?|stance|position|views?|opinion|remarks?|statements?|speak|spoke|talk(?:ed)?|mention(?:ed)?|claim(?:ed)?|warn(?:ed)?|believes?|feels?|words|according)\b/i;
/** Words of a question that say what kind of answer is wanted, not what it is about. */
const QUESTION_WORDS = new Set(
  `what whats did does do has have had say said says saying think thinks thought quote quotes quoted
comment comments commented stance position view views opinion remark remarks statement statements speak spoke talk talked
words according
mention mentioned claim claimed warn warned believe believes feel feels about regarding concerning on of the a an me tell
anything something ever recently please can could you give show find any is are was were how why when where who which there
to in for with by from at`.split(/\s+/),
);

/** Parses `/quote stoltenberg china`, `/summary bulgaria`, `/sources`, `/help`, or free text. */
export function parseInput(kb: KnowledgeBase, raw: string): Parsed {
  const text = cleanInput(raw);
  if (text.length > MAX_INPUT) {
    return {
      refusal: `That is ${text.length} characters long; please ask in under ${MAX_INPUT} characters, e.g. /quote stoltenberg china.`,
      command: 'search',
    };
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
    if (name === 'summary' || name === 'summarize' || name === 'summarise' || name === 'sum')
      return { request: { command: 'summary', topic: rest, offset: 0 } };
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
    const content = topicWords(kb, typedWords(phrase ? rest.replace(phrase, ' ') : rest));
    const topic = [content.length ? joined(content) : rest, phrase].filter(Boolean).join(' ');
    return { request: { command: 'summary', topic, offset: 0 } };
  }
  // Words in quotation marks are a claim to look up as typed: never a name, never trimmed. So are
  // the words after "who said" ("who said ask not what your country can do for you").
  const split = splitQuoted(text);
  const bare = split.quoted ? null : WHO_SAID.exec(text);
  const { quoted, rest: unquoted } = bare ? { quoted: stripTrailing(bare[1]!), rest: '' } : split;
  // Passed on in its quotation marks: a date inside them is part of the words, not a filter.
  const claim = quoted === null ? null : `\u201c${quoted}\u201d`;
  // A date phrase ("in 2009") survives the removal of question words intact.
  const phrase = periodPhrase(unquoted);
  const plain = phrase ? unquoted.replace(phrase, ' ') : unquoted;
  const withPeriod = (topic: string) => [topic, phrase].filter(Boolean).join(' ');
  const found = kb.speakers.detect(plain);
  const typed = typedWords(plain);
  const tokens = typed.map((w) => w.word);
  if (found?.consumed && (found.speaker || found.ambiguous.length) && (SPEECH.test(plain) || found.consumed.from === 0)) {
    const { from, to } = found.consumed;
    const loose = joined([...topicWords(kb, typed.slice(0, from)), ...topicWords(kb, typed.slice(to))]);
    // A name shared by several speakers goes through as typed, so the answer decides or asks which one.
    const speaker = found.speaker?.name ?? tokens.slice(from, to).join(' ');
    // "did lincoln say a house divided against itself cannot stand": the words after the verb are
    // the claim, stop words and all, when the name came before them.
    const said = SAID_REST.exec(plain);
    const after = said ? stripTrailing(said[1]!.replace(LEADING_FILLER, '')) : '';
    const nameAfter = after && words(after).some((w) => tokens.slice(from, to).includes(w));
    const topic = claim ?? (after && !nameAfter ? after : loose);
    return { request: { command: 'quote', speaker, topic: withPeriod(topic), offset: 0 } };
  }
  // "what did Putin say?" about someone who is not a speaker in the sources: asked as a quote, so
  // the answer can say plainly that they are not quoted (and show where they are mentioned).
  const asked = ASKED_ABOUT.exec(plain.trim());
  const who = asked ? words(asked[1]!) : [];
  if (who.length >= 1 && who.length <= 3 && who.every((w) => !QUESTION_WORDS.has(w) && w.length > 1)) {
    const loose = joined(topicWords(kb, typedWords(asked![2] ?? '')));
    return { request: { command: 'quote', speaker: asked![1]!.trim(), topic: withPeriod(claim ?? loose), offset: 0 } };
  }
  if (claim) return { request: { command: 'search', query: withPeriod(claim), offset: 0 } };
  // A line pasted as it stands ("norms governing the relations between states") is searched word
  // for word, and a question ("anything on …", "what about …") loses only the question words
  // around what it asks about (see topicWords): dropping an inner "the" would make the exact
  // words "not in these sources" when they are.
  const content = topicWords(kb, typed);
  return { request: { command: 'search', query: content.length ? withPeriod(joined(content)) : stripTrailing(text), offset: 0 } };
}

/** A word as compared (folded) and as typed: "Don't" keeps the apostrophe its exact words are found by. */
interface TypedWord {
  word: string;
  typed: string;
}

function typedWords(text: string): TypedWord[] {
  const folded = words(text);
  const spans = wordSpans(text);
  // Both read the same words but for rare foldings (a ligature): then the folded words stand as typed.
  if (spans.length !== folded.length || spans.some((s, i) => s.word !== folded[i])) return folded.map((word) => ({ word, typed: word }));
  return spans.map((s, i) => ({ word: folded[i]!, typed: text.slice(s.start, s.end) }));
}

const joined = (list: TypedWord[]) => list.map((w) => w.typed).join(' ');

/**
 * What a question is about: its words without the question words that lead or end it ("anything
 * on the", "say about"). The words between stay as typed, small ones and all: "the better angels
 * of our nature" asked about is searched as those exact words and found as such. A question word
 * inside ("nato's position on china") stays only when the sources hold the words as typed ("an
 * exact statement of all the causes"); otherwise only the content words are searched.
 */
function topicWords(kb: KnowledgeBase, list: TypedWord[]): TypedWord[] {
  let from = 0;
  let to = list.length;
  while (from < to && QUESTION_WORDS.has(list[from]!.word)) from++;
  while (to > from && QUESTION_WORDS.has(list[to - 1]!.word)) to--;
  const trimmed = list.slice(from, to);
  if (!trimmed.some(({ word }) => QUESTION_WORDS.has(word) && !isStopWord(word)) || heldAsTyped(kb, joined(trimmed))) return trimmed;
  return trimmed.filter(({ word }) => !QUESTION_WORDS.has(word));
}

function heldAsTyped(kb: KnowledgeBase, text: string): boolean {
  const phrase = readPhrase(text);
  return phrase !== null && findPhrase(kb.index, phrase, (id) => passageText(kb.articles, kb.passages[id]!), { limit: 1 }).length > 0;
}

/** "who said …", "who first said …", "which president said …": the rest is the claim. */
const WHO_SAID =
  /^(?:who|which\s+(?:president|speaker|leader|politician|one))\s+(?:first\s+|really\s+|actually\s+)?(?:said|says|say|wrote|declared|stated|uttered|coined)\s*(?:that\s+|the\s+(?:words?|line|phrase)\s+)?[:,]?\s*(.{3,})$/i;
/** A speech verb and what follows it. */
const SAID_REST =
  /\b(?:say|said|says|saying|think|thinks|thought|mention|mentioned|claim|claimed|warn|warned|speak|spoke|talk|talked|comment|commented)\b\s*(.*)$/i;
const LEADING_FILLER = /^(?:(?:about|on|regarding|concerning|that|ever|anything|something|of|the words?)\s+)+/i;

/** "what did X say (about …)", "did X say …", "has X ever said …": X is asked about as a speaker. */
const ASKED_ABOUT =
  /^(?:what|did|does|has|have|had|how|when|where)\s+(?:did|does|has|have|had|do)?\s*([\p{L}][\p{L}.'\- ]{0,40}?)\s+(?:ever\s+)?(?:say|said|says|think|thinks|thought|mean|meant|write|wrote|claim|claimed|speak|spoke|talk|talked)\b\s*(.*)$/iu;

const QUOTED =
  /["\u201c\u201d\u201e]([^"\u201c\u201d\u201e]{2,})["\u201c\u201d\u201e]|(?<![\p{L}])['\u2018\u2019]([^'\u2018\u2019]{2,}?)['\u2018\u2019](?![\p{L}])/gu;

/** The words typed in quotation marks (several quoted parts are joined) and the text around them. */
function splitQuoted(text: string): { quoted: string | null; rest: string } {
  const parts: string[] = [];
  const rest = text.replace(QUOTED, (_m, a: string | undefined, b: string | undefined) => {
    const inner = (a ?? b ?? '').trim();
    if (inner) parts.push(inner);
    return ' ';
  });
  return parts.length ? { quoted: parts.join(' … '), rest: rest.replace(/\s+/g, ' ').trim() } : { quoted: null, rest: text };
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
  // A name has no digits and no opening quotation mark: such a word starts the topic, so the
  // resolver (which skips words that are not names) cannot swallow the "4" of "4 July 1861".
  const topicStart = parts.findIndex((w) => /^["\u201c\u201e\u00ab]|\p{N}/u.test(w));
  for (let n = Math.min(parts.length, 5, topicStart > 0 ? topicStart : Infinity); n >= 1; n--) {
    const candidate = parts.slice(0, n).join(' ');
    const match = kb.speakers.resolve(candidate);
    // An exact but shared name ("bush", or "robert mugabe" beside "Robert Gabriel Mugabe") still
    // marks where the speaker ends, or a shorter run ("robert") would name someone else; the
    // answer chooses by the topic or asks which one.
    // An organisation that speaks through its officials ("nato china") names the speaker too.
    if (
      match.speaker ||
      (match.ambiguous.length > 1 && (n === 1 || match.exact)) ||
      (!match.ambiguous.length && kb.speakers.officialsOf(candidate).length)
    ) {
      return {
        speaker: candidate,
        topic: parts
          .slice(n)
          .join(' ')
          .replace(/^(?:on|about|regarding)\s+/i, ''),
      };
    }
  }
  return { speaker: rest, topic: '' };
}
