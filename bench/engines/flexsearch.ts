/**
 * FlexSearch 0.8 in its most typo-tolerant configuration that still ranks (its README, "Fuzzy-Search"):
 *  - `tokenize: 'tolerant'`: each word is also indexed with swapped and missing letters, the
 *    tokenizer made for typos ("foobra", "foobr" for "foobar"); `forward` would only add prefixes,
 *    which match a truncated word, not a misspelt one.
 *  - `encoder: Charset.LatinExtra`: case and diacritics folded, doubled letters merged and a
 *    Soundex-like phonetic code, so a replaced vowel or a sound-alike consonant meets the word.
 *    `LatinSoundex` (full Soundex) is fuzzier still, but folds so many words together that on
 *    this corpus most queries return unrelated passages first; LatinExtra is the fuzziest
 *    encoder that keeps top-5 relevance.
 *  - `suggest: true` when searching: a passage missing one of the query's words (or the word the
 *    typo failed to meet) still ranks, as in MiniSearch's OR search; without it one unknown word
 *    empties the result.
 *  - no `context`: the context index needs `tokenize: 'strict'` (its docs), which gives up the
 *    typo tolerance above.
 *  - `resolution: 9` (the default): scoring slots by position of the word in the passage.
 * One `Index` over "speaker + text" (MiniSearch gets the same two fields): a Document index would
 * return one list per field, to be merged by hand.
 */
import { Charset, Index } from 'flexsearch';
import type { BenchDoc } from '../types.js';
import type { BenchEngine } from './types.js';

const RESOLUTION = 9;

export function buildFlexSearch(docs: BenchDoc[]): BenchEngine {
  const index = new Index({ tokenize: 'tolerant', encoder: Charset.LatinExtra, resolution: RESOLUTION });
  for (const doc of docs) index.add(doc.id, `${doc.speaker} ${doc.text}`);
  const byId = new Map(docs.map((doc) => [doc.id, doc]));
  return {
    name: 'FlexSearch 0.8',
    search: (query) =>
      (index.search(query.keywords, { limit: 5, suggest: true }) as number[]).flatMap((id) => {
        const doc = byId.get(id);
        return doc === undefined ? [] : [{ speaker: doc.speaker, text: doc.text }];
      }),
  };
}
