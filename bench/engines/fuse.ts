/** The naive baseline: fuse.js over every passage's text, exactly as a first prototype would use it. */
import Fuse from 'fuse.js';
import type { BenchDoc } from '../types.js';
import type { BenchEngine } from './types.js';

export function buildFuse(docs: BenchDoc[]): BenchEngine {
  const fuse = new Fuse(docs, { keys: ['text'], ignoreLocation: true });
  return {
    name: 'fuse.js (naive)',
    search: (query) => fuse.search(query.keywords, { limit: 5 }).map(({ item }) => ({ speaker: item.speaker, text: item.text })),
  };
}
