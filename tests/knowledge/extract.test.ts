/**
 * Page extraction runs in a worker thread under limits: a page nested deeper than the DOM depth
 * limit is refused at once, a page that outlasts the time limit is refused naming it while the
 * main thread stays responsive, and the next page is extracted as usual. A text file, a page or a
 * JSONL record with an oversized paragraph is parsed there too: the same article as on the main
 * thread, and a quote-packed 9 MB paragraph is refused naming the time limit while the main thread
 * keeps running.
 */
import { afterEach, expect, it } from 'vitest';
import { LOAD_LIMITS } from '../../src/knowledge/limits.js';
import { parseArticle } from '../../src/knowledge/parse.js';
import { parseJsonlRecord } from '../../src/knowledge/jsonl.js';
import { parseKnowledgeBytes } from '../../src/knowledge/load.js';
import { nestedPage, pressReleasePage } from '../ingest/pages.js';

const load = (html: string, path = 'page.html') => parseKnowledgeBytes({ path, size: html.length, mtimeMs: 0 }, Buffer.from(html));
/** One paragraph of `n` quotations, each attributed: what makes finding quotations slow. */
const packed = (n: number) => Array.from({ length: n }, (_, i) => `“We will hold line ${i} of the harbour wall,” said Maria Lindqvist.`).join(' ');
const HEAD = '---\ntitle: Harbour report\ndate: 2023-05-02\npublisher: Harbour Authority\n---\n';
const limits = { ...LOAD_LIMITS };
afterEach(() => Object.assign(LOAD_LIMITS, limits));

/** Runs `work` while measuring the longest the event loop was held (timer lateness). */
async function withLag<T>(work: () => Promise<T>): Promise<{ result: T; maxLagMs: number }> {
  let maxLagMs = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    maxLagMs = Math.max(maxLagMs, now - last - 10);
    last = now;
  }, 10);
  try {
    const result = await work();
    // A tick after the work, so a block that ended with it (no timer ran meanwhile) is counted.
    await new Promise((r) => setTimeout(r, 30));
    return { result, maxLagMs };
  } finally {
    clearInterval(timer);
  }
}

it('refuses a 9 KB page nested 800 deep at once, naming the DOM depth limit', async () => {
  const page = nestedPage(800);
  expect(page.length).toBeLessThan(10_000);
  const started = performance.now();
  const { problems, articles } = await load(page);
  expect(performance.now() - started).toBeLessThan(5000);
  expect(articles).toEqual([]);
  expect(problems.map((p) => p.reason)).toEqual(['the page is nested more than 256 elements deep (the DOM depth limit)']);
});

it('refuses a page that outlasts the time limit, naming it, without holding the main thread; the next page loads', async () => {
  LOAD_LIMITS.workerTimeMs = 300;
  // Under the depth limit, but Readability takes over a second on it.
  const { result, maxLagMs } = await withLag(() => load(nestedPage(250)));
  expect(result.problems.map((p) => p.reason)).toEqual(['extracting it took longer than 0.3 s (the time limit)']);
  expect(maxLagMs).toBeLessThan(250);
  Object.assign(LOAD_LIMITS, limits);
  const next = await load(pressReleasePage());
  expect(next.problems).toEqual([]);
  expect(next.articles[0]?.title).toBe('Harbour reopens to shipping after storm repairs');
});

it('parses a text file with an oversized paragraph in the worker: the same article as on the main thread, the main thread free', async () => {
  LOAD_LIMITS.workerParagraphChars = 20_000;
  const text = `${HEAD}A short first paragraph about the harbour.\n\n${packed(2000)}\n`;
  expect(text.length).toBeGreaterThan(20_000);
  const { result, maxLagMs } = await withLag(() => load(text, 'packed.txt'));
  expect(result.problems).toEqual([]);
  // Deep equality with the main thread's parse: nothing is lost on the way back from the worker.
  expect(result.articles).toEqual([parseArticle(text, 'packed', 'packed.txt')]);
  expect(result.articles[0]!.paragraphs.at(-1)!.segments.filter((s) => s.speaker === 'Maria Lindqvist').length).toBeGreaterThan(1500);
  expect(maxLagMs).toBeLessThan(250);
});

it('parses a JSONL record with an oversized paragraph in the worker, with the same result', async () => {
  LOAD_LIMITS.workerParagraphChars = 20_000;
  const record = JSON.stringify({ id: 'packed', title: 'Packed', date: '2023-05-02', text: packed(2000) });
  const { result, maxLagMs } = await withLag(() => load(`${record}\n`, 'packed.jsonl'));
  expect(result.problems).toEqual([]);
  expect(result.articles).toEqual([parseJsonlRecord(record, 'packed.jsonl', 1)]);
  expect(maxLagMs).toBeLessThan(250);
});

it('refuses a quote-packed 9 MB paragraph naming the time limit, without holding the main thread; the next file loads', async () => {
  LOAD_LIMITS.workerTimeMs = 2000;
  const text = `${HEAD}${packed(Math.ceil((9 * 1024 * 1024) / 60))}\n`;
  expect(text.length).toBeGreaterThan(9 * 1024 * 1024);
  const { result, maxLagMs } = await withLag(() => load(text, 'huge.txt'));
  expect(result.problems.map((p) => p.reason)).toEqual(['parsing it took longer than 2 s (the time limit)']);
  expect(result.articles).toEqual([]);
  // The main thread only decodes and hands over the 9 MB (tens of ms; more on a loaded machine):
  // the parse, which would take hours, never runs there.
  expect(maxLagMs).toBeLessThan(1000);
  const next = await load(`${HEAD}${packed(3)}\n`, 'small.txt');
  expect(next.problems).toEqual([]);
  expect(next.articles[0]?.title).toBe('Harbour report');
});
