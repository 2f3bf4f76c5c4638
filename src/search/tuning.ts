/**
 * The values search is tuned by, in one place, each with why it has its value (the answers' own
 * are in src/answer/tuning.ts). A change here changes rankings and what users read: run the tests,
 * the graders in ../shared/eval and `npm run bench` (relevance beside speed) after one.
 */

// BM25 (index.ts)

/** Term-frequency saturation: the textbook value; a passage saying a word five times is not five times as relevant. */
export const K1 = 1.2;
/** Length normalisation: the textbook value; passages are cut to similar lengths, so it matters little. */
export const B = 0.75;

// Words read other than as typed (index.ts)

/** Weight of a word read from a typo: exact, 1 edit, 2 edits. Exact words always outrank corrections. */
export const CORRECTION_WEIGHT = [1, 0.8, 0.6];
/** Weight of a spelling variant of an exact word ("uighur" for "uyghur"): the same word, spelt otherwise. */
export const VARIANT_WEIGHT = 0.7;
/** Weight of a longer form of an exact word ("russian" for "russia"): related, not the same. */
export const EXTENSION_WEIGHT = 0.3;
/** Letters a longer form may add: "russia" → "russians", not "russification". */
export const MAX_EXTENSION = 3;

// Passages (passages.ts)

/** A paragraph up to this many characters is one passage: most are, and an excerpt is then the whole paragraph. */
export const SPLIT_ABOVE = 700;
/** A longer paragraph is cut at sentence ends into passages of about this many characters (BM25 compares like with like). */
export const PASSAGE_TARGET = 500;

// Phrases (phrase.ts)

/**
 * Candidates checked at most: past this many passages holding every content word (a phrase of
 * very common words, "of the people"), the exact check is left to the best BM25 passages.
 */
export const MAX_CANDIDATES = 5_000;
