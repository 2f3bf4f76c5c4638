/** HTML pages in the knowledge folder: main text by Readability, metadata by JSON-LD → OpenGraph → meta → dateline. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { parseArticle } from '../../src/knowledge/parse.js';
import type { Article } from '../../src/knowledge/types.js';
import { newsPage, pressReleasePage, quotesOf, SEED_000, SEED_003 } from '../ingest/pages.js';

let dir: string;
let articles: Article[];
let problems: Array<{ file: string; reason: string }>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verbatim-html-'));
  await writeFile(join(dir, 'news.html'), newsPage());
  await writeFile(join(dir, 'press.htm'), pressReleasePage());
  await writeFile(join(dir, 'news-000.html'), newsPage(SEED_000));
  await writeFile(
    join(dir, 'undated.html'),
    '<html><body><article><h1>No date here at all</h1><p>“Words without a date,” said Nobody Known.</p></article></body></html>',
  );
  ({ articles, problems } = await loadKnowledge(dir));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const byFile = (f: string) => articles.find((a) => a.file === f)!;

describe('a news page around a seed article', () => {
  it('finds exactly the seed’s quotations, with the same speakers', async () => {
    const seed = parseArticle(await readFile(SEED_003, 'utf8'), 'seed', 'seed.txt');
    expect(quotesOf(seed).length).toBeGreaterThan(3);
    expect(quotesOf(byFile('news.html'))).toEqual(quotesOf(seed));
  });

  it('does the same for the longer seed (quotations over several paragraphs, “-Name” lines, sections)', async () => {
    const seed = parseArticle(await readFile(SEED_000, 'utf8'), 'seed', 'seed.txt');
    expect(quotesOf(seed).length).toBeGreaterThan(10);
    expect(quotesOf(byFile('news-000.html'))).toEqual(quotesOf(seed));
  });

  it('takes the seed’s date from JSON-LD (published, not modified), and the metadata', () => {
    const a = byFile('news.html');
    expect(a.date).toBe('2021-03-22');
    expect(a.dateFrom).toBe('json-ld');
    expect(a.updated).toBe('2021-03-23');
    expect(a.title).toBe('NATO “closely following” Bulgarian investigation into alleged Russian spy ring');
    expect(a.publisher).toBe('Diplomatic Times');
    expect(a.author).toBe('Gary Raynaldo');
    expect(a.url).toBe('https://diplomatic-times.example/2021/03/nato-spy-ring');
  });

  it('keeps navigation, the related-articles box and the footer out of the text', () => {
    const text = byFile('news.html')
      .paragraphs.map((p) => p.text)
      .join('\n');
    expect(text).not.toMatch(/Related articles|Subscribe today|Someone Else|Browse By|Site updated/);
  });

  it('keeps every extracted paragraph a slice of the page', () => {
    const html = newsPage().replace(/&amp;/g, '&');
    for (const p of byFile('news.html').paragraphs) expect(html.replace(/\s+/g, ' ')).toContain(p.text);
  });
});

describe('a press release with only a visible dateline', () => {
  it('dates it from the dateline, never from the footer', () => {
    const a = byFile('press.htm');
    expect(a.date).toBe('2023-05-02');
    expect(a.title).toBe('Harbour reopens to shipping after storm repairs');
    expect(quotesOf(a)).toEqual([
      'Maria Lindqvist: The basin is safe again, and every berth has been inspected twice',
      'Maria Lindqvist: We thank the crews who worked through the night',
    ]);
  });

  it('refuses a page with no date at all, saying how to give one', () => {
    expect(articles.some((a) => a.file === 'undated.html')).toBe(false);
    expect(problems.find((p) => p.file === 'undated.html')?.reason).toMatch(/no publication date.*--date/);
  });
});

describe('provenance sidecars', () => {
  it('belong to their source: editing one re-reads the source in a running bot; one without its file is a problem', async () => {
    const { loadLiveCore } = await import('../../src/live.js');
    const live = await mkdtemp(join(tmpdir(), 'verbatim-sidecar-'));
    try {
      await writeFile(join(live, 'press.html'), pressReleasePage());
      await writeFile(join(live, 'press.html.source.yaml'), 'url: https://example.org/harbour\nretrieved: 2026-12-02T01:00:00.000Z\n');
      const { core, problems: first } = await loadLiveCore(live, { cacheDir: null });
      expect(first).toEqual([]);
      expect(core.answer({ command: 'sources', offset: 0 }).sources?.[0]).toMatchObject({ url: 'https://example.org/harbour', date: '2023-05-02' });
      await writeFile(
        join(live, 'press.html.source.yaml'),
        'url: https://example.org/harbour\nretrieved: 2026-12-02T01:00:00.000Z\ndate: 2023-05-03\n',
      );
      const report = await core.reload();
      expect(report.changed).toEqual(['press.html']);
      expect(core.answer({ command: 'sources', offset: 0 }).sources?.[0]?.date).toBe('2023-05-03');
      await writeFile(join(live, 'gone.pdf.source.yaml'), 'url: https://example.org/gone.pdf\n');
      const orphan = await core.reload();
      expect(orphan.problems.map((p) => `${p.file}: ${p.reason}`)).toEqual([
        expect.stringMatching(/^gone\.pdf\.source\.yaml: provenance for a file that is not there \(gone\.pdf\)/),
      ]);
    } finally {
      await rm(live, { recursive: true, force: true });
    }
  });
});
