import type { KnowledgeBase } from '../../search/kb.js';
import type { Cut, CutKind } from '../types.js';
import { tokens, type Token } from './align.js';
import type { Match } from './candidates.js';
import { NEGATIONS, NOT_REVERSING } from '../../knowledge/lexicon/negations.js';
import { CONDITIONS, CONTRASTS, DISMISSALS, OWN_VOICE, REPORTING } from '../../knowledge/lexicon/qualifiers.js';

/**
 * Words cut from a sentence can say the opposite of it: "regard China as an adversary" from "We
 * don't regard China as an adversary." `cutOf` reads what a verbatim match leaves out of the
 * sentences it was cut from (before it, after it, and at each `…` of the claim) and names each
 * left-out word that changes what the words assert: a negation over them, a condition, a question,
 * someone else's claim they report ("critics say that …", "it would be wrong to say …") or a
 * contrast that qualifies them ("…, but …"). A lead-in that changes nothing ("As I said, …") is no cut.
 */

/** A clause ends here: what stands before it does not reach the words after it. */
const CLAUSE_BREAK = /[;:!?\u2013\u2014()]|\s-\s/;
/** A question ends the sentence (closing quotation marks may follow). */
const QUESTION = /\?[\s"'\u201d\u2019\u00bb)]*$/;
/** An opening quotation mark left unclosed before the words: they are quoted inside the speaker's sentence. */
const OPENS = /[\u201c\u2018\u00ab]|(?:^|\s)"/g;
const CLOSES = /[\u201d\u00bb]|[\u2019](?![\p{L}])|"(?:\s|$|[.,;:!?])/gu;

/**
 * Words a negation may stand before the claim and still govern it ("I do not believe that we …",
 * "there is no evidence that …"); further off ("Nothing means more to me at this moment than the
 * fact that your …") it negates something else.
 */
const NEGATION_REACH = 4;

/** Left-out words kept around the claim when showing the sentence (a long sentence is cut, marked …). */
const SHOWN_AROUND = 30;

export function cutOf(kb: KnowledgeBase, claim: { text: string }, m: Match): Cut | null {
  const text = kb.articles[m.articleIndex]!.paragraphs[m.paragraphIndex]!.text;
  const spans = m.source.filter((f) => f.length).map((f) => [f[0]!.start, f[f.length - 1]!.end] as const);
  if (!spans.length || !m.segments.length) return null;
  const from = Math.min(m.segments[0]!.start, spans[0]![0]);
  const to = Math.max(m.segments[m.segments.length - 1]!.end, spans[spans.length - 1]![1]);
  const prefix = text.slice(from, spans[0]![0]);
  const suffix = text.slice(spans[spans.length - 1]![1], to);
  const gaps = spans.slice(1).map((s, k) => text.slice(spans[k]![1], s[0]));
  if (!wordsIn(prefix).length && !wordsIn(suffix).length && gaps.every((g) => !wordsIn(g).length)) return null;
  const reasons: Cut['reasons'] = [];
  const add = (kind: CutKind, words: string | null) => {
    if (words && !reasons.some((r) => r.kind === kind)) reasons.push({ kind, words });
  };
  const first = m.source.find((f) => f.length)![0]!;
  add('negation', scopedNegation(prefix, first.key) ?? gaps.map(anyNegation).find(Boolean) ?? null);
  add('condition', condition(prefix) ?? phraseIn(firstClause(suffix), CONDITIONS));
  add('question', QUESTION.test(suffix) && !claim.text.includes('?') ? suffix.trim().slice(-1) : null);
  add('attribution', reportedBy(prefix) ?? quotedIn(prefix));
  add('contrast', leadingPhrase(suffix, CONTRASTS) ?? concession(prefix));
  if (!reasons.length) return null;
  const parts: Cut['parts'] = [];
  const push = (t: string, left: boolean) => {
    if (t) parts.push({ text: t, left });
  };
  push(trimStart(prefix), true);
  spans.forEach(([a, b], k) => {
    push(text.slice(a, b), false);
    if (k < gaps.length) push(gaps[k]!, true);
  });
  push(trimEnd(suffix), true);
  return { parts, reasons };
}

function wordsIn(text: string): Token[] {
  return tokens(text);
}

/** A negation word, not inside a compound ("do-nothing"). */
function isNegation(t: Token, text: string): boolean {
  return (NEGATIONS.has(t.key) || /n['\u2019]t$/i.test(t.raw)) && text[t.start - 1] !== '-';
}

/**
 * The last negation before the words, near enough and with nothing closing its clause first ("We
 * don't, however, regard …"); "not only …" does not reverse (`firstKey`: the claim's first word).
 */
function scopedNegation(prefix: string, firstKey: string): string | null {
  const ws = wordsIn(prefix);
  for (let k = ws.length - 1; k >= 0; k--) {
    const t = ws[k]!;
    if (!isNegation(t, prefix)) continue;
    const after = ws.slice(k + 1).filter((w) => w.start !== t.start);
    if (NOT_REVERSING.has(after[0]?.key ?? firstKey) || after.length > NEGATION_REACH) return null;
    return reaches(prefix.slice(t.end)) ? t.raw : null;
  }
  return null;
}

/** A condition before the words in their clause or the one before it ("If Russia attacks, we will respond"). */
function condition(prefix: string): string | null {
  const found = phraseIn(prefix, CONDITIONS);
  if (!found) return null;
  const between = prefix.slice(prefix.toLowerCase().lastIndexOf(found.toLowerCase()) + found.length);
  return !/[.!?;:\u2013\u2014]|--/.test(between) && (between.match(/,/g) ?? []).length <= 1 ? found : null;
}

function anyNegation(gap: string): string | null {
  return wordsIn(gap).find((t) => isNegation(t, gap))?.raw ?? null;
}

/** The text between a word and the claim keeps them in one clause: no clause break, commas only in pairs (an aside). */
function reaches(between: string): boolean {
  if (CLAUSE_BREAK.test(between)) return false;
  return (between.match(/,/g) ?? []).length % 2 === 0;
}

/** A listed phrase (its words in order) among the words of a text, as written there. */
function phraseIn(text: string, phrases: string[]): string | null {
  const ws = wordsIn(text);
  const keys = ws.map((w) => w.key);
  for (const p of phrases) {
    const parts = p.split(' ');
    for (let k = 0; k + parts.length <= keys.length; k++) {
      if (parts.every((x, j) => keys[k + j] === x)) return text.slice(ws[k]!.start, ws[k + parts.length - 1]!.end);
    }
  }
  return null;
}

/** The suffix up to its first clause break, or its first `, and`/`, or` (a new clause of its own). */
function firstClause(suffix: string): string {
  const stop = /[;:!?.\u2013\u2014]|,\s*(?:and|or|so)\b/.exec(suffix);
  return stop ? suffix.slice(0, stop.index) : suffix;
}

/** A phrase opening the suffix, after at most a comma: "…, but …", "… although …". */
function leadingPhrase(suffix: string, phrases: string[]): string | null {
  const m = /^[\s,]*/.exec(suffix)!;
  const found = phraseIn(suffix.slice(m[0].length).split(/[,;:]/)[0] ?? '', phrases);
  return found && suffix.slice(m[0].length).toLowerCase().startsWith(found.toLowerCase()) ? found : null;
}

/** The words inside a concession ("although X, …" cut to "X"), or an "even if"/"whereas" clause. */
function concession(prefix: string): string | null {
  const found = phraseIn(
    prefix,
    CONTRASTS.filter((c) => c !== 'but' && c !== 'yet' && c !== 'however'),
  );
  if (!found) return null;
  const at = prefix.toLowerCase().lastIndexOf(found.toLowerCase());
  return reaches(prefix.slice(at + found.length)) && !prefix.slice(at + found.length).includes(',') ? found : null;
}

/**
 * Someone else's claim the words report: a verb of saying or thinking whose subject is not the
 * speaker ("critics say that", "we are told"), or a dismissal ("it would be wrong to say", "it is a myth that").
 */
function reportedBy(prefix: string): string | null {
  const ws = wordsIn(prefix);
  for (let k = ws.length - 1; k >= 0; k--) {
    const t = ws[k]!;
    const dismissal = DISMISSALS.has(t.key);
    if (!REPORTING.has(t.key) && !dismissal) continue;
    // Only a comma straight after the verb ("critics say, …") may stand between it and the words.
    const between = prefix.slice(t.end).replace(/^\s*,/, '');
    if (!reaches(between) || between.includes(',')) return null;
    const before = ws[k - 1];
    if (dismissal) return prefix.slice(ws[Math.max(0, k - 3)]!.start, t.end);
    if (before && OWN_VOICE.has(before.key)) return null;
    if (before?.key === 'to')
      return ws.slice(0, k).some((w) => DISMISSALS.has(w.key) || isNegation(w, prefix)) ? prefix.slice(before.start, t.end) : null;
    return prefix.slice(before?.start ?? t.start, t.end);
  }
  return null;
}

/** The words stand inside quotation marks the speaker opened before them (they quote someone). */
function quotedIn(prefix: string): string | null {
  const opens = prefix.match(OPENS)?.length ?? 0;
  const closes = prefix.match(CLOSES)?.length ?? 0;
  return opens > closes ? 'quoted words' : null;
}

function trimStart(prefix: string): string {
  const ws = wordsIn(prefix);
  return ws.length > SHOWN_AROUND ? `… ${prefix.slice(ws[ws.length - SHOWN_AROUND]!.start)}` : prefix;
}

function trimEnd(suffix: string): string {
  const ws = wordsIn(suffix);
  return ws.length > SHOWN_AROUND ? `${suffix.slice(0, ws[SHOWN_AROUND - 1]!.end)} …` : suffix;
}
