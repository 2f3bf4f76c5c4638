/**
 * Page extraction runs in a worker thread under limits: a page nested deeper than the DOM depth
 * limit is refused at once, a page that outlasts the time limit is refused naming it while the
 * main thread stays responsive, and the next page is extracted as usual.
 */
import { afterEach, expect, it } from 'vitest';
import { EXTRACT_LIMITS } from '../../src/knowledge/extract.js';
import { parseKnowledgeBytes } from '../../src/knowledge/load.js';
import { nestedPage, pressReleasePage } from '../ingest/pages.js';

const load = (html: string, path = 'page.html') => parseKnowledgeBytes({ path, size: html.length, mtimeMs: 0 }, Buffer.from(html));
const limits = { ...EXTRACT_LIMITS };
afterEach(() => Object.assign(EXTRACT_LIMITS, limits));

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
    return { result: await work(), maxLagMs };
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
  EXTRACT_LIMITS.timeMs = 300;
  // Under the depth limit, but Readability takes over a second on it.
  const { result, maxLagMs } = await withLag(() => load(nestedPage(250)));
  expect(result.problems.map((p) => p.reason)).toEqual(['extracting it took longer than 0.3 s (the time limit)']);
  expect(maxLagMs).toBeLessThan(250);
  Object.assign(EXTRACT_LIMITS, limits);
  const next = await load(pressReleasePage());
  expect(next.problems).toEqual([]);
  expect(next.articles[0]?.title).toBe('Harbour reopens to shipping after storm repairs');
});
