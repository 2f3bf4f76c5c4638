import { diffArrays } from 'diff';
import type { Difference, FormDifference } from '../types.js';
import type { Claim, Token } from './align.js';
import { NEGATIONS } from '../../knowledge/lexicon/negations.js';
import { isNumberKey } from './forms.js';

/**
 * The word diff of a claim against the source words it was aligned with, by `diff`'s
 * diffArrays (Myers' algorithm) over folded words, so case, punctuation and quotation marks
 * never count as differences. `removed` = source words the claim lacks, `added` = claim words the
 * source lacks. Between the claim's fragments, the words its `…` leaves out are one `…`. Also the
 * words that are the same words written another way (`formsOf`): a contraction or its full form,
 * another spelling, a number in words or digits.
 */
export function compareWords(claim: Claim, source: Token[][]): { differences: Difference[]; forms: FormDifference[] } {
  const out: Difference[] = [];
  const forms: FormDifference[] = [];
  const push = (op: Difference['op'], words: Token[]) => {
    // A contraction read as its words is one word of the text ("don’t", not "don’t don’t").
    const written = words.filter((w, i) => i === 0 || w.start !== words[i - 1]!.start);
    if (!written.length) return;
    const text = written.map((w) => w.raw).join(' ');
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += ` ${text}`;
    else out.push({ op, text });
  };
  claim.fragments.forEach((fragment, k) => {
    if (k > 0) out.push({ op: 'same', text: '…' });
    const src = source[k] ?? [];
    const changes = diffArrays(src, fragment, { comparator: (a, b) => a.key === b.key });
    let [si, ci] = [0, 0];
    for (const c of changes) {
      push(c.added ? 'added' : c.removed ? 'removed' : 'same', c.value);
      const n = c.value.length;
      if (!c.added && !c.removed) forms.push(...formsOf(src.slice(si, si + n), fragment.slice(ci, ci + n)));
      if (!c.added) si += n;
      if (!c.removed) ci += n;
    }
  });
  return { differences: mergeEllipses(out), forms };
}

/** Equal-key word pairs written differently, one entry per written word (a contraction and its words are one). */
function formsOf(source: Token[], claim: Token[]): FormDifference[] {
  const out: FormDifference[] = [];
  let group: Array<[Token, Token]> = [];
  const flush = () => {
    if (!group.length) return;
    const written = (ts: Token[]) => ts.filter((t, i) => i === 0 || t.start !== ts[i - 1]!.start);
    const s = written(group.map((g) => g[0]));
    const c = written(group.map((g) => g[1]));
    // "cannot" and "can't" are one written word each, both read as "can not".
    const contraction = group.some(([x, y]) => x.part || y.part);
    group = [];
    if (s.map((t) => t.norm).join(' ') === c.map((t) => t.norm).join(' ')) return;
    const kind = s.some((t) => isNumberKey(t.key)) ? 'number' : contraction || s.length !== c.length ? 'contraction' : 'spelling';
    out.push({ source: s.map((t) => t.raw).join(' '), claim: c.map((t) => t.raw).join(' '), kind });
  };
  source.forEach((t, i) => {
    const c = claim[i]!;
    const last = group[group.length - 1];
    if (last && (last[0].start === t.start || last[1].start === c.start)) group.push([t, c]);
    else {
      flush();
      group.push([t, c]);
    }
  });
  flush();
  return out;
}

function mergeEllipses(list: Difference[]): Difference[] {
  const out: Difference[] = [];
  for (const d of list) {
    const last = out[out.length - 1];
    if (last && last.op === 'same' && d.op === 'same') last.text += ` ${d.text}`;
    else out.push({ ...d });
  }
  return out;
}

/** The added or removed negations, one entry per word: "don't" removed reverses what was said. */
export function negationsOf(differences: Difference[]): Difference[] {
  return differences
    .filter((d) => d.op !== 'same')
    .flatMap((d) =>
      d.text
        .split(' ')
        .filter((w) => isNegationWord(w.replace(/[^\p{L}'\u2019]/gu, '')))
        .map((w) => ({ op: d.op, text: w })),
    );
}

/** wdiff-style one line: `NATO's response is [-firm-] {+weak+} and …`. */
export function inlineDiff(differences: Difference[]): string {
  return differences.map((d) => (d.op === 'same' ? d.text : d.op === 'removed' ? `[-${d.text}-]` : `{+${d.text}+}`)).join(' ');
}

/** A negation word as written ("not", "never", "don’t"): it reverses what was said. */
function isNegationWord(word: string): boolean {
  return NEGATIONS.has(word.toLowerCase()) || /n['\u2019]t$/i.test(word);
}
