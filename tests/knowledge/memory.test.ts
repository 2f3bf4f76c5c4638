/**
 * Memory limits of loading: a paragraph over the limit is cut at sentence ends (every piece still a
 * slice of the source) or refused with its size when it has no sentence end; a `.jsonl.gz` line
 * over the line limit is reported as too long at its line (it used to read "not UTF-8 text" after
 * taking gigabytes), and the other records load.
 */
import { gzipSync } from 'node:zlib';
import { afterEach, expect, it } from 'vitest';
import { parseKnowledgeBytes } from '../../src/knowledge/load.js';
import { LOAD_LIMITS } from '../../src/knowledge/limits.js';

const limits = { ...LOAD_LIMITS };
afterEach(() => Object.assign(LOAD_LIMITS, limits));
const load = (path: string, bytes: Buffer) => parseKnowledgeBytes({ path, size: bytes.length, mtimeMs: 0 }, bytes);
const HEAD = '---\ntitle: Harbour report\ndate: 2023-05-02\npublisher: Harbour Authority\n---\n';

it('cuts a paragraph over the limit at sentence ends, each piece a slice of the text, and still finds its quotation', async () => {
  LOAD_LIMITS.paragraphChars = 10_000;
  const prose = 'The pilots are ready and the basin is safe after three weeks of repairs to the northern quay. ';
  const paragraph = `${prose.repeat(200)}“The basin is safe again,” said Maria Lindqvist, the harbour director. ${prose.repeat(150)}`.trim();
  const { articles, problems } = await load('report.txt', Buffer.from(`${HEAD}${paragraph}\n`));
  expect(problems).toEqual([]);
  const paragraphs = articles[0]!.paragraphs.map((p) => p.text);
  expect(paragraphs.length).toBeGreaterThanOrEqual(4);
  for (const p of paragraphs) {
    expect(p.length).toBeLessThanOrEqual(10_000);
    expect(paragraph).toContain(p);
    expect(p).toMatch(/[.!?]$/);
  }
  expect(paragraphs.join(' ')).toBe(paragraph);
  expect(articles[0]!.paragraphs.flatMap((p) => p.segments).some((s) => s.speaker === 'Maria Lindqvist')).toBe(true);
});

it('refuses a paragraph over the limit with no sentence end, giving its size', async () => {
  LOAD_LIMITS.paragraphChars = 10_000;
  const { articles, problems } = await load('wall.txt', Buffer.from(`${HEAD}${'word '.repeat(3000)}\n`));
  expect(articles).toEqual([]);
  expect(problems.map((p) => p.reason)).toEqual([
    'a paragraph of 14999 characters has no sentence end within 10000 characters (the paragraph limit): break it into paragraphs',
  ]);
});

it('reports a .jsonl.gz line over the limit as too long at its line, without holding it, and loads the other records', async () => {
  const good = JSON.stringify({ id: 'ok', title: 'Fine', date: '2023-05-02', text: '“All is well,” said Ann Lee.' });
  // About 25 KB of gzip holding a 20 MiB line.
  const huge = `{"id":"huge","title":"Huge","date":"2023-05-02","text":"${' '.repeat(20 * 1024 * 1024)}"}`;
  const bytes = gzipSync(`${huge}\n${good}\n`);
  expect(bytes.length).toBeLessThan(100_000);
  const { articles, problems } = await load('big.jsonl.gz', bytes);
  expect(problems).toEqual([{ file: 'big.jsonl.gz', line: 1, reason: `line too long: ${huge.length} bytes (the limit is ${16 * 1024 * 1024})` }]);
  expect(articles.map((a) => a.id)).toEqual(['ok']);
});
