/** MiniSearch 7 with the settings quoted in issue 4: fuzzy 0.2, prefix search, fields text + speaker. */
import MiniSearch from 'minisearch';
import type { BenchDoc } from '../types.js';
import type { BenchEngine } from './types.js';

export function buildMiniSearch(docs: BenchDoc[]): BenchEngine {
  const index = new MiniSearch<BenchDoc>({
    fields: ['text', 'speaker'],
    idField: 'id',
    searchOptions: { fuzzy: 0.2, prefix: true },
  });
  index.addAll(docs);
  const byId = new Map(docs.map((doc) => [doc.id, doc]));
  return {
    name: 'MiniSearch 7',
    search: (query) =>
      index
        .search(query.keywords)
        .slice(0, 5)
        .flatMap((result) => {
          const doc = byId.get(result.id as number);
          return doc === undefined ? [] : [{ speaker: doc.speaker, text: doc.text }];
        }),
  };
}
