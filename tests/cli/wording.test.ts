/** Answers read well aloud: singular counts, page ranges that say what they mean, one blank line between answers. */
import { describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { folder, run } from './run.js';

// Each test spawns real commands; on a loaded 2-core machine one can take far longer than usual.
vi.setConfig({ testTimeout: 120_000 });

const ONE = folder({
  'one.md':
    '---\ntitle: Harbour Statement\ndate: 2023-04-01\n---\nHarbour Statement\n\n“We will reopen the northern harbour this spring,” said Harbour Master Maria Lindqvist.\n',
});

describe('wording', () => {
  it('says "1 source", "1 paragraph", "1 quotation", "1 speaker", never "1 sources"', () => {
    const sources = run('cli/ask.ts', ['--knowledge', ONE, '/sources']).stdout;
    expect(sources).toMatch(/^1 source$/m);
    expect(sources).toMatch(/1 paragraph, 1 quotation; speakers: .*Maria Lindqvist/);
    const banner = run('main.ts', ['--knowledge', ONE], { input: '' }).stdout;
    expect(banner).toMatch(/running locally \(no DISCORD_TOKEN set\): 1 source, 1 speaker, 1 quotation\./);
    const added = run('cli/add.ts', ['--knowledge', folder({}), join(ONE, 'one.md')]).stdout;
    expect(added).toMatch(/^ {2}1 paragraph, 1 quotation; speakers: .*Maria Lindqvist/m);
    expect(sources + banner + added).not.toMatch(/\b1 (sources|paragraphs|quotations|speakers)\b/);
  });

  it('a later page says which results it shows ("10 direct quotes, showing 6–10"), not "(from 6)"', () => {
    const r = run('cli/ask.ts', ['--offset', '5', '/quote stoltenberg']);
    expect(r.stdout).toMatch(/^Jens Stoltenberg: 10 direct quotes, showing 6–10$/m);
    expect(r.stdout).not.toMatch(/\(from \d+\)/);
  });

  it('a page past the last result says so, instead of a bare heading', () => {
    const r = run('cli/ask.ts', ['--offset', '50', '/quote stoltenberg']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^Jens Stoltenberg: 10 direct quotes\n\nThere is no result 51: this answer has 10 results \(1–10\); the page asked for starts past the end\.$/m,
    );
  });

  it("--cite without --json lists each result's reference entry under the answer, numbered like the results", () => {
    const r = run('cli/ask.ts', ['--cite', 'apa', '--offset', '1', '/quote stoltenberg russia']);
    expect(r.status).toBe(0);
    const [answer, references] = r.stdout.split('\nReferences (APA 7):\n');
    expect(references).toBeDefined();
    const results = [...answer!.matchAll(/^\[(\d+)\] /gm)].map((m) => m[1]);
    expect(results.length).toBeGreaterThan(0);
    expect([...references!.matchAll(/^\[(\d+)\] .*\(2021, March 2\d\)/gm)].map((m) => m[1])).toEqual(results);
  });

  it('text answers to piped questions are separated by a blank line', () => {
    const r = run('cli/ask.ts', [], { input: '/quote stoltenberg china\n/sources\n' });
    expect(r.stdout).toMatch(/\(2021-03-24\)\n\n2 sources\n/);
  });

  it('a summary heading reads aloud: "Summary of “bulgaria”: 5 sentences from 2 sources"', () => {
    const r = run('cli/ask.ts', ['/summary bulgaria']);
    expect(r.stdout).toMatch(/^Summary of “bulgaria”: \d+ sentences from 2 sources$/m);
  });
});
