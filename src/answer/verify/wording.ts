import type { KnowledgeBase } from '../../search/kb.js';
import { sourceLine } from '../format.js';
import type { Appearance, Citation, Cut, Difference, FormDifference, SplicePiece, Verdict } from '../types.js';
import type { Match } from './candidates.js';

/** What /verify says, line by line: the verdict's heading and the notes under it (plain text; faces mark it up). */

const CUT_SAID: Record<Cut['reasons'][number]['kind'], string> = {
  negation: 'a negation, which reverses what the words assert',
  condition: 'a condition the words depend on',
  question: 'a question: the sentence asks, it does not assert',
  attribution: 'someone else’s claim that the words report',
  contrast: 'a contrast that qualifies the words',
};

export function headingOf(
  verdict: Verdict,
  claimed: string | null,
  basis: Match | null,
  lead: Citation | undefined,
  unknownSpeaker: boolean,
): string {
  const where = lead ? ` (${sourceLine(lead)})` : '';
  const speaker = basis?.owner.speaker ?? lead?.speaker ?? null;
  const theirs = speaker && claimed && speaker !== claimed;
  switch (verdict) {
    case 'verbatim':
      return `Verbatim: ${speaker ?? claimed} said these words, in this order${claimed ? '' : ', first'}${where}.`;
    case 'out-of-context':
      return `Verbatim words, cut: ${speaker ?? claimed} said these words, but in a sentence that changes their meaning${where}.`;
    case 'spliced':
      return `Spliced: ${speaker} said each piece of this, but not together: they come from different places${theirs ? ` (the words are ${speaker}'s, not ${claimed}'s)` : ''}${where}.`;
    case 'altered':
      if (theirs)
        return `Altered: nobody in these sources said these words; the closest line is ${speaker}'s, not ${claimed}'s, and it differs${where}.`;
      return `Altered: the closest quotation of ${speaker ?? claimed ?? 'anyone'} shares most of these words, but not all of them or not in this order${where}.`;
    case 'reported':
      return `Reported, not quoted: these words are the source's own account${speaker ? ` of ${speaker}` : claimed ? ` about ${claimed}` : ''}, not a direct quotation${where}.`;
    case 'misattributed':
      if (basis?.owner.kind !== 'quote' && claimed)
        return `Misattributed: in the transcript these words are not ${claimed}'s (another speaker's turn, such as a question put to ${claimed})${where}.`;
      return `Misattributed: these words are ${speaker}'s, not ${claimed}'s${where}.`;
    case 'not-found':
      if (unknownSpeaker && claimed)
        return `Not found for ${claimed}: no source here quotes anyone by that name${speaker ? `; ${basis?.edits === 0 ? 'these words are' : 'the closest words are'} ${speaker}'s${where}` : ''}.`;
      return `Not found in these sources: no quotation${claimed ? ` of ${claimed}` : ''} or passage comes close to these words.`;
  }
}

export function negationLine(negations: Difference[]): string {
  const said = negations.map(
    (n) => `“${n.text}” ${n.op === 'removed' ? 'is in the source but not in the claim' : 'is in the claim but not in the source'}`,
  );
  return `Negation differs (it reverses the meaning): ${said.join('; ')}.`;
}

/** The sentence the words were cut from, left-out parts in [-…-], and what each left-out word does. */
export function cutLines(cut: Cut): string[] {
  // Only words are marked: a full stop the claim leaves out changes nothing.
  const mark = (t: string) => (/[\p{L}\p{N}]/u.test(t) ? t.replace(/^(\s*)(.*?)(\s*)$/su, '$1[-$2-]$3') : t);
  const marked = cut.parts.map((p) => (p.left ? mark(p.text) : p.text)).join('');
  return [
    `Cut from: “${marked.replace(/\s+/g, ' ').trim()}” ([-left out-] by the claim)`,
    `Left out: ${cut.reasons.map((r) => `“${r.words}”, ${CUT_SAID[r.kind]}`).join('; ')}.`,
  ];
}

export function spliceLines(pieces: SplicePiece[]): string[] {
  return pieces.map((p, k) => `Piece ${k + 1} [${k + 1}]: “${p.claim}”${p.gap ? `; then ${p.gap}` : ''}.`);
}

/** Same words in another form: said, so the user sees the source's own wording, but not counted as a change. */
export function formsLine(forms: FormDifference[]): string {
  if (!forms.length) return '';
  const numbers = forms.filter((f) => f.kind === 'number');
  const other = forms.filter((f) => f.kind !== 'number');
  return [
    numbers.length
      ? `Same number, written differently: ${numbers.map((f) => `“${f.source}” in the source, “${f.claim}” in the claim`).join('; ')}.`
      : '',
    other.length ? `Same words, written another way: ${other.map((f) => `“${f.source}” in the source, “${f.claim}” in the claim`).join('; ')}.` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * First seen, then each later source ("also as" where its wording differs). Words found only in the
 * source cited first need no line: the citation under the verdict already says where and when.
 */
export function provenanceLines(firstSeen: Appearance | null, appearances: Appearance[], lead: Citation | undefined): string[] {
  if (!firstSeen || (!appearances.length && lead?.sourceId === firstSeen.sourceId)) return [];
  return [`First seen: ${who(firstSeen)}${sourceLine(firstSeen)}.`, ...alsoInLines(appearances)];
}

const who = (a: Appearance) => (a.speaker ? `${a.speaker}, ` : '');

/** One line per later source repeating the words, "also as" where its wording differs. */
export function alsoInLines(appearances: Appearance[]): string[] {
  return appearances.map((a) => `Also in: ${who(a)}${sourceLine(a)}${a.alsoAs ? `, also as: “${a.alsoAs}”` : ''}.`);
}

/** For "who said …": every speaker quoted with the exact words, first source first. */
export function speakersLine(kb: KnowledgeBase, shown: Match[]): string {
  const first = new Map<string, string>();
  for (const m of shown) {
    if (m.edits !== 0 || m.owner.kind !== 'quote' || !m.owner.speaker) continue;
    const date = kb.articles[m.articleIndex]!.date;
    const had = first.get(m.owner.speaker);
    if (!had || date < had) first.set(m.owner.speaker, date);
  }
  const list = [...first].sort((a, b) => a[1].localeCompare(b[1])).map(([s, d]) => `${s} (${d})`);
  return list.length > 1 ? `Quoted with these exact words: ${list.join(', ')}.` : '';
}
