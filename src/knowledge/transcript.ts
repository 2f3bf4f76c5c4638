import { speechSegments } from './quotes.js';
import { fold, sentenceRanges } from './text.js';
import type { Segment } from './types.js';

/**
 * Turns in multi-speaker transcripts (debates, press conferences): "THE PRESIDENT:", "MR. NIXON:",
 * "**CLINTON:**", "Q.". Only the record's own speaker's turns are that speaker's words; every other turn
 * is kept as unattributed text, so a moderator's question is never quoted as the president's.
 */
const TURN =
  /(?<=^|\s)(\*\*)?((?:THE |MR\. |Mr\. |MRS\. |MS\. |DR\. |SENATOR |SECRETARY |GOVERNOR |PRESIDENT |VICE PRESIDENT )?[A-Z][A-Z'-]+(?: [A-Z][A-Z'-]+){0,2}|The President|President [A-Z][a-z]+|Q)[:.](\*\*)?(?=\s)/g;

/**
 * Turn labels in mixed case at the start of a paragraph: "Jim Lehrer.", "Mr. Lehrer.", "Governor
 * Clinton.", "Reporter:", "Audience Member:", and a bare "Q" before a question ("Q Mr. President, …").
 * Role words are labels wherever they start a paragraph; a name is one only when the record uses it
 * as a label at least twice (turns recur; "Thank you." or "United States." at a paragraph start do not).
 */
const ROLE_LABEL =
  /^(?:Reporter|Moderator|Question|Questioner|Audience Member|Audience|Participant|Interviewer|Panelist|Journalist|Voice|Voices|Staff|Press)s?(?: [A-Z][\p{L}'-]+)?:(?=\s)|^Q(?=\s+[A-Z"\u201c])/u;
const NAME_LABEL =
  /^((?:(?:Mr|Mrs|Ms|Dr)\.|Governor|Senator|President|Vice President|Secretary|General|Admiral|Ambassador|Prime Minister|Chancellor|Chairman|Representative) [A-Z][\p{L}'-]+|[A-Z][\p{L}'-]+(?: [A-Z][\p{L}'-]+){1,2})[.:](?=\s)/u;

/** Mixed-case name labels used at least twice at the start of a paragraph in this record. */
function recurringLabels(paragraphs: string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const p of paragraphs) {
    const m = NAME_LABEL.exec(p);
    if (m) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= 2).map(([label]) => label));
}

interface Turn {
  /** Where the label starts, and where the turn's words start (after the label). */
  start: number;
  textStart: number;
  own: boolean;
}

/** Where turns start in a paragraph, and whether each is the record speaker's. */
function findTurns(text: string, speaker: string, recurring: Set<string> = new Set()): Turn[] {
  const surname = fold(speaker.split(/\s+/).at(-1) ?? '').toUpperCase();
  const turns: Turn[] = [];
  const ownLabel = (label: string) => label === 'THE PRESIDENT' || (surname.length > 1 && label.split(/[\s,.]+/).includes(surname));
  const lead =
    ROLE_LABEL.exec(text) ??
    (() => {
      const m = NAME_LABEL.exec(text);
      return m && recurring.has(m[1]!) ? m : null;
    })();
  if (lead) {
    const label = fold(lead[1] ?? lead[0])
      .replace(/[.:]$/, '')
      .toUpperCase();
    let textStart = lead[0].length;
    while (/\s/.test(text[textStart] ?? '')) textStart++;
    turns.push({ start: 0, textStart, own: !ROLE_LABEL.test(text) && ownLabel(label) });
  }
  for (const m of text.matchAll(TURN)) {
    if (lead && (m.index ?? 0) === 0) continue;
    const label = fold(m[2] ?? '').toUpperCase();
    const own = ownLabel(label);
    let textStart = (m.index ?? 0) + m[0].length;
    while (/\s/.test(text[textStart] ?? '')) textStart++;
    turns.push({ start: m.index ?? 0, textStart, own });
  }
  return turns;
}

/**
 * Segments a transcript's paragraphs. `current` carries whose turn it is from one paragraph to the
 * next; it starts as "not the speaker" when the transcript marks turns at all.
 */
export function transcriptSegments(paragraphs: string[], speaker: string): Segment[][] {
  const recurring = recurringLabels(paragraphs);
  const turnsPer = paragraphs.map((p) => findTurns(p, speaker, recurring));
  if (turnsPer.every((t) => t.length === 0)) return paragraphs.map((p, i) => speechSegments(p, speaker, i + 1));
  let own = false;
  let quoteId = 1;
  return paragraphs.map((text, i) => {
    const turns = turnsPer[i] ?? [];
    const out: Segment[] = [];
    for (const [start, end] of sentenceRanges(text)) {
      // A turn label may sit inside a sentence range; cut the range at each label.
      const cuts = [start, ...turns.filter((t) => t.start > start && t.start < end).map((t) => t.start), end];
      for (let k = 0; k + 1 < cuts.length; k++) {
        const a = cuts[k]!,
          b = cuts[k + 1]!;
        const turn = turns.filter((t) => t.start <= a).at(-1);
        if (turn && turn.start === a) {
          if (turn.own !== own) quoteId++;
          own = turn.own;
        }
        // The label ("MR. KENNEDY:") is not part of anyone's words.
        const from = turn && turn.start === a ? turn.textStart : a;
        if (text.slice(from, b).trim().length === 0) continue;
        out.push(
          own
            ? { kind: 'quote', speaker, start: from, end: trimRight(text, from, b), quoteId }
            : { kind: 'narration', speaker: null, start: from, end: trimRight(text, from, b) },
        );
      }
    }
    quoteId++;
    return out;
  });
}

function trimRight(text: string, a: number, b: number): number {
  let e = b;
  while (e > a && /\s/.test(text[e - 1] ?? '')) e--;
  return e;
}
