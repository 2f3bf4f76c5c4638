import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCore } from '../../src/load-core.js';
import { parseArticle } from '../../src/knowledge/parse.js';
import { renderJson } from '../../src/render/json.js';
import type { Article } from '../../src/knowledge/types.js';
import { FIXTURES } from '../helpers.js';

/**
 * Articles written in the styles of real wire and Wikinews stories (court, sport, politics,
 * science, disaster, interview, obituary, business), never seen while the rules were written.
 * gold.json lists, per file, quoted words' first words and their speaker (null: the text does
 * not settle who spoke, so the quotation must be unattributed).
 */
const DIR = join(FIXTURES, 'attribution-heldout-style');
const gold = JSON.parse(readFileSync(join(DIR, 'gold.json'), 'utf8')) as Record<string, Array<[string, string | null]>>;

function quoteSpeaker(article: Article, start: string): string | null | undefined {
  for (const p of article.paragraphs) {
    for (const s of p.segments) {
      if (s.kind === 'quote' && p.text.slice(s.start, s.end).startsWith(start)) return s.speaker;
    }
  }
  return undefined;
}

describe('attribution on unseen news styles (tests/fixtures/attribution-heldout-style)', () => {
  for (const [file, quotes] of Object.entries(gold)) {
    it(file, () => {
      const article = parseArticle(readFileSync(join(DIR, 'articles', file), 'utf8'), file, file);
      const got = Object.fromEntries(quotes.map(([start]) => [start, quoteSpeaker(article, start) ?? (null as string | null)]));
      // An unattributed quotation may also be left as narration (a label); a named one must be a quote.
      const want = Object.fromEntries(quotes.map(([start, speaker]) => [start, speaker]));
      expect(got).toEqual(want);
    });
  }
});

it('JSON citations mark a partial quotation (quoted words inside a reported sentence) with partial: true', async () => {
  const { core } = await loadCore(join(DIR, 'articles'), { cacheDir: null });
  const json = JSON.parse(renderJson(core.ask('/quote bellini')));
  const byExcerpt = Object.fromEntries(json.citations.map((c: { excerpt: string; partial?: boolean }) => [c.excerpt, c.partial]));
  expect(byExcerpt['far too generous']).toBe(true);
  expect(byExcerpt['I have seen the replay. It was offside']).toBeUndefined();
});
