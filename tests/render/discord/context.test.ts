/** Discord's Context view is the one place for a whole paragraph: paged when long, bounded when huge, each page within Discord's limits. */
import { describe, expect, it } from 'vitest';
import { CONTEXT_PAGES, renderContext, renderContextPages } from '../../../src/render/discord/context.js';
import { messageProblems } from '../../property/checks.js';

const source = { sourceId: 's', title: 'Long Report', publisher: 'Harbour Gazette', date: '2021-05-01', url: null };
const sentences = (n: number) => Array.from({ length: n }, (_, i) => `Sentence ${i} of the harbour report.`).join(' ');
const unescapeMarkdown = (s: string) => s.replace(/\\(.)/g, '$1');

describe('renderContextPages', () => {
  it('a paragraph that fits is the one Context message, as before', () => {
    const ctx = { source, section: null, text: sentences(20) };
    expect(renderContextPages(ctx)).toEqual([renderContext(ctx)]);
  });

  it('a long paragraph comes in parts cut at sentence ends that join to the paragraph', () => {
    const text = sentences(250);
    const pages = renderContextPages({ source, section: 'Harbour', text });
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.length).toBeLessThanOrEqual(CONTEXT_PAGES);
    for (const p of pages) expect(messageProblems(p)).toEqual([]);
    const parts = pages.map((p) => unescapeMarkdown(p.embeds[0]!.description!).replace(/^… /, '').replace(/ …$/, ''));
    for (const part of parts) expect(part).toMatch(/^Sentence \d+ .*report\.$/);
    expect(parts.join(' ')).toBe(text);
    expect(pages.at(-1)!.embeds[0]!.title).toBe(`Context (the whole paragraph, verbatim), part ${pages.length} of ${pages.length}`);
  });

  it('a 5 MB paragraph is sent as at most three parts, saying how much is left', () => {
    const text = 'harbour '.repeat(650_000);
    const pages = renderContextPages({ source, section: null, text });
    expect(pages).toHaveLength(CONTEXT_PAGES);
    for (const p of pages) expect(messageProblems(p)).toEqual([]);
    expect(pages.at(-1)!.embeds[0]!.footer?.text).toMatch(/^The paragraph goes on for [\d,]+ more characters: the source has the rest\.$/);
  });
});
