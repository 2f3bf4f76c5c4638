import { diffArrays } from 'diff';
import type { Difference } from '../types.js';
import type { Claim, Token } from './align.js';

/**
 * The word diff of a claim against the source words it was aligned with, by `diff`'s
 * diffArrays (Myers' algorithm) over folded words, so case, punctuation and quotation marks
 * never count as differences. `removed` = source words the claim lacks, `added` = claim words the
 * source lacks. Between the claim's fragments, the words its `…` leaves out are one `…`.
 */
export function differencesOf(claim: Claim, source: Token[][]): Difference[] {
  const out: Difference[] = [];
  const push = (op: Difference['op'], words: Token[]) => {
    if (!words.length) return;
    const text = words.map((w) => w.raw).join(' ');
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += ` ${text}`;
    else out.push({ op, text });
  };
  claim.fragments.forEach((fragment, k) => {
    if (k > 0) out.push({ op: 'same', text: '…' });
    const changes = diffArrays(source[k] ?? [], fragment, { comparator: (a, b) => a.norm === b.norm });
    for (const c of changes) push(c.added ? 'added' : c.removed ? 'removed' : 'same', c.value);
  });
  return mergeEllipses(out);
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

const NEGATION = /^(?:not|no|never|nor|neither|none|nobody|nothing|nowhere|cannot|without)$|n['\u2019]t$/i;

/** The added or removed negations, one entry per word: "don't" removed reverses what was said. */
export function negationsOf(differences: Difference[]): Difference[] {
  return differences
    .filter((d) => d.op !== 'same')
    .flatMap((d) =>
      d.text
        .split(' ')
        .filter((w) => NEGATION.test(w.replace(/[^\p{L}'\u2019]/gu, '')))
        .map((w) => ({ op: d.op, text: w })),
    );
}

/** wdiff-style one line: `NATO's response is [-firm-] {+weak+} and …`. */
export function inlineDiff(differences: Difference[]): string {
  return differences.map((d) => (d.op === 'same' ? d.text : d.op === 'removed' ? `[-${d.text}-]` : `{+${d.text}+}`)).join(' ');
}
