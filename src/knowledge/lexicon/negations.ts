/** Negation words, for /verify's word diff and its reading of cut quotes. */

/**
 * Negations: a left-out one reverses what the cut-out words assert ("We don't regard China as an
 * adversary" → "regard China as an adversary"). Words ending in n't are negations too.
 */
export const NEGATIONS = new Set(['not', 'no', 'never', 'nor', 'neither', 'none', 'nobody', 'nothing', 'nowhere', 'cannot', 'without']);

/** "not only …", "not just …": a negation word that does not reverse what follows. */
export const NOT_REVERSING = new Set(['only', 'just', 'merely', 'simply', 'least', 'to', 'even']);
