/**
 * English contractions and the words they stand for, for /verify: "don't" and "do not" are the same
 * words. Standard usage (any style guide's list of contractions); read by answer/verify/forms.ts.
 */

/**
 * Contractions and their full forms: "don't" and "do not" are the same words. Keys are the
 * contraction lowercased with a straight apostrophe. `'s` and `'d` after a pronoun are read in
 * `expansionOf` (is/has, would/had depend on the next word).
 */
export const CONTRACTIONS = new Map<string, string[]>(
  Object.entries({
    "don't": ['do', 'not'],
    "doesn't": ['does', 'not'],
    "didn't": ['did', 'not'],
    "can't": ['can', 'not'],
    cannot: ['can', 'not'],
    "couldn't": ['could', 'not'],
    "won't": ['will', 'not'],
    "wouldn't": ['would', 'not'],
    "shan't": ['shall', 'not'],
    "shouldn't": ['should', 'not'],
    "mustn't": ['must', 'not'],
    "needn't": ['need', 'not'],
    "mightn't": ['might', 'not'],
    "isn't": ['is', 'not'],
    "aren't": ['are', 'not'],
    "wasn't": ['was', 'not'],
    "weren't": ['were', 'not'],
    "hasn't": ['has', 'not'],
    "haven't": ['have', 'not'],
    "hadn't": ['had', 'not'],
    "ain't": ['am', 'not'],
    "i'm": ['i', 'am'],
    "you're": ['you', 'are'],
    "we're": ['we', 'are'],
    "they're": ['they', 'are'],
    "i've": ['i', 'have'],
    "you've": ['you', 'have'],
    "we've": ['we', 'have'],
    "they've": ['they', 'have'],
    "i'll": ['i', 'will'],
    "you'll": ['you', 'will'],
    "he'll": ['he', 'will'],
    "she'll": ['she', 'will'],
    "it'll": ['it', 'will'],
    "we'll": ['we', 'will'],
    "they'll": ['they', 'will'],
    "that'll": ['that', 'will'],
    "there'll": ['there', 'will'],
    "let's": ['let', 'us'],
  }),
);

/** Pronouns and question words whose `'s` is "is" or "has" (a noun's `'s` is a possessive, not a contraction). */
export const S_CONTRACTS = new Set(['it', 'he', 'she', 'that', 'there', 'here', 'what', 'who', 'where', 'how', 'when', 'why', 'this']);
/** Pronouns whose `'d` is "would" or "had". */
export const D_CONTRACTS = new Set(['i', 'you', 'he', 'she', 'it', 'we', 'they', 'that', 'there', 'who']);
