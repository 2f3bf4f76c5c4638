/** Bounded output: an excerpt is cut at sentence ends to a readable length, even from a file with no sentence end at all. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_EXCERPT } from '../../src/answer/tuning.js';
import { createCore } from '../../src/answer/core.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { renderText } from '../../src/render/text.js';

const WORDS = 'the harbour minister fishing quota pier engineers families waited years boats council budget'.split(' ');
const word = (i: number) => WORDS[(i * 7 + (i >> 3)) % WORDS.length]!;

async function coreOver(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-bound-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const { articles, problems } = await loadKnowledge(dir);
  expect(problems).toEqual([]);
  return { core: createCore(articles), paragraphs: articles.flatMap((a) => a.paragraphs.map((p) => p.text)) };
}

describe('excerpt length', () => {
  it('a 1 MB paragraph with no sentence end gives excerpts under the limit, cut at a word end and marked', async () => {
    const body = Array.from({ length: 120_000 }, (_, i) => word(i)).join(' ');
    const sentences = Array.from(
      { length: 40_000 },
      (_, i) => `Sailors ${i % 2 ? 'vote' : 'argue'} ${i % 3 ? 'loudly' : 'late'} ${i % 5 ? 'tonight' : 'again'}, ballot ${i}.`,
    ).join(' ');
    const { core, paragraphs } = await coreOver({
      'flat.md': `---\ntitle: Flat\ndate: 2021-05-01\n---\nFlat\n\n${body}\n`,
      'said.md': `---\ntitle: Said\ndate: 2021-05-02\n---\nSaid\n\nThe council heard this: “${body}”\n`,
      'many.md': `---\ntitle: Many\ndate: 2021-05-03\n---\nMany\n\n${sentences}\n`,
    });
    const seen = new Set<string>();
    for (const q of ['harbour fishing', 'minister quota', '/summary harbour', 'boats council budget', 'sailors vote ballot']) {
      const a = core.ask(q);
      expect(a.found, q).toBe(true);
      expect(renderText(a).length, q).toBeLessThan(12_000);
      for (const c of a.citations) {
        seen.add(c.sourceId);
        expect(c.excerpt.length, q).toBeLessThanOrEqual(MAX_EXCERPT + 4);
        for (const piece of c.excerpt
          .split('…')
          .map((p) => p.trim())
          .filter(Boolean)) {
          expect(
            paragraphs.some((p) => p.includes(piece)),
            piece.slice(0, 60),
          ).toBe(true);
        }
        if (c.sourceId === 'flat') expect(c.excerpt.endsWith(' …')).toBe(true);
        if (c.sourceId === 'many') expect(c.excerpt).toMatch(/ballot \d+\.(?: …)?$/);
      }
    }
    expect([...seen].sort()).toEqual(['flat', 'many', 'said']);
  }, 60_000);
});
