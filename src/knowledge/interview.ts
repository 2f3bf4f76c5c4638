import { findQuoteSpans } from './attribution.js';
import { findMentions } from './names.js';
import type { ArticleSpeakers } from './speakers.js';
import { sentenceRanges, wordCount } from './text.js';
import type { Segment } from './types.js';

/**
 * Interviews written as turns: "Marymegan Daly: I was amazed …", "((Wikinews)) How did you …?".
 * A named turn (and the unlabelled paragraphs after it, up to the next label or heading) is that
 * person's words (up to the last turn before a heading); the interviewer's turns ("((Wikinews))", "Q:", "Interviewer:") are questions,
 * never the interviewee's words, and stay unattributed narration. Words the speaker quotes inside
 * a turn ("… would say, “Hey, you'd get along …”") are someone else's: they are cut out of the
 * turn and left unattributed. Only an article with at least three labelled turns is read this way.
 */

const LABEL = /^(\(\([^)]{1,40}\)\)|[\p{Lu}][\p{L}\p{M}.'’-]*(?:\s+[\p{Lu}][\p{L}\p{M}.'’-]*){0,3}:)\s*/u;
const INTERVIEWER = /^(?:\(\(.*\)\)|(?:q|question|interviewer|wikinews)\s*:)$/i;
const MIN_TURNS = 3;

type Turn = (newId: () => number) => Segment[];

/** For each paragraph (null: not body text), the segments of its turn, or undefined when it is no turn. */
export function interviewTurns(texts: Array<string | null>, speakers: ArticleSpeakers): Array<Turn | undefined> {
  const labels = texts.map((t) => (t === null ? null : labelOf(t, speakers)));
  if (labels.filter((l) => l).length < MIN_TURNS) return texts.map(() => undefined);
  const out: Array<Turn | undefined> = [];
  let current: { speaker: string | null; id: number | null } | null = null;
  texts.forEach((text, i) => {
    const label = labels[i];
    if (text === null) {
      current = null;
      out.push(undefined);
      return;
    }
    if (label) current = { speaker: label.speaker, id: null };
    // An unlabelled paragraph carries on a turn only when another turn follows before the next
    // heading: after an interview's last turn, a paragraph may be the reporter's again.
    if (!label && !labels.slice(i + 1).some((l, k) => l && !texts.slice(i + 1, i + 1 + k).includes(null))) current = null;
    const turn = current;
    if (!turn) {
      out.push(undefined);
      return;
    }
    const from = label ? label.length : 0;
    out.push((newId) => {
      turn.id ??= newId();
      return turnSegments(text, from, turn.speaker, turn.id);
    });
  });
  return out;
}

function labelOf(text: string, speakers: ArticleSpeakers): { speaker: string | null; length: number } | null {
  const m = LABEL.exec(text);
  if (!m || m[0].length >= text.length) return null;
  const label = m[1]!;
  if (INTERVIEWER.test(label)) return { speaker: null, length: m[0].length };
  const mention = findMentions(label.replace(/:$/, ''))[0];
  if (!mention?.name || mention.org || mention.name.split(/\s+/).length < 2) return null;
  return { speaker: speakers.canonical(mention.name) ?? mention.name, length: m[0].length };
}

function turnSegments(text: string, from: number, speaker: string | null, id: number): Segment[] {
  // Short quoted words ("sample return", "wind") are the speaker's own scare quotes; four words or more are someone's words.
  const inner = findQuoteSpans(text).filter((s) => s.start > from && s.closed && wordCount(text.slice(s.start, s.end)) >= 4);
  const out: Segment[] = [];
  for (const [a0, b] of sentenceRanges(text)) {
    const a = Math.max(a0, from);
    if (b <= a) continue;
    if (!speaker) {
      out.push({ kind: 'narration', speaker: null, start: a, end: b });
      continue;
    }
    let at = a;
    for (const s of inner.filter((x) => x.start > a && x.start < b)) {
      push(out, text, at, s.start - 1, speaker, id);
      push(out, text, s.start, s.end, null, id + 100000);
      at = Math.min(b, s.end + 1);
    }
    push(out, text, at, b, speaker, id);
  }
  return out;
}

function push(out: Segment[], text: string, a: number, b: number, speaker: string | null, id: number): void {
  let s = a,
    e = b;
  while (s < e && /[\s"“”,;:]/.test(text[s] ?? '')) s++;
  while (e > s && /[\s"“”,;:]/.test(text[e - 1] ?? '')) e--;
  if (!/[\p{L}\p{N}]/u.test(text.slice(s, e))) return;
  out.push(speaker ? { kind: 'quote', speaker, start: s, end: e, quoteId: id } : { kind: 'quote', speaker: null, start: s, end: e });
}
