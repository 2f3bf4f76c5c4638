/** Paging wherever "more results" is offered: `ask --offset N`, "more" on piped questions, hasMore/total in JSON. */
import { describe, expect, it, vi } from 'vitest';
import { run } from './run.js';

// Each test spawns real commands; on a loaded 2-core machine one can take far longer than usual.
vi.setConfig({ testTimeout: 120_000 });

const lines = (out: string) =>
  out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('paging in ask', () => {
  it('--json carries hasMore and total; --offset 5 gives the next page, numbered on', () => {
    const [first] = lines(run('cli/ask.ts', ['--json', '/quote stoltenberg']).stdout);
    expect(first).toMatchObject({ found: true, hasMore: true, total: 10 });
    expect(first.citations).toHaveLength(5);
    const r = run('cli/ask.ts', ['--json', '--offset', '5', '/quote stoltenberg']);
    expect(r.status).toBe(0);
    const [second] = lines(r.stdout);
    expect(second).toMatchObject({ found: true, hasMore: false, total: 10 });
    expect(second.citations).toHaveLength(5);
    expect(second.text).toMatch(/^\[6\] /m);
    expect(second.citations.map((c: { excerpt: string }) => c.excerpt)).not.toContain(first.citations[0].excerpt);
  });

  it('one question in text mode says how to get the next page: --offset, not "more"', () => {
    const r = run('cli/ask.ts', ['/quote stoltenberg']);
    expect(r.stdout).toMatch(/More results are available \(run again with --offset 5\)\./);
    expect(r.stdout).not.toMatch(/type "more"/);
  });

  it('"more" on piped input pages the last question, then says there is nothing more', () => {
    const r = run('cli/ask.ts', ['--json'], { input: 'more\n/quote stoltenberg\n/help\nmore\nmore\n' });
    expect(r.status).toBe(0);
    const out = lines(r.stdout);
    expect(out).toHaveLength(5);
    expect(out[0]).toMatchObject({ found: false, text: 'Nothing to show more of yet: ask a question first.' });
    expect(out[3]).toMatchObject({ command: 'quote', found: true, hasMore: false });
    expect(out[3].text).toMatch(/^\[6\] /m);
    expect(out[4]).toMatchObject({ found: false, citations: [], text: 'No more results for the last question.' });
  });

  it('total counts sources for /sources and is 0 on a miss', () => {
    const out = lines(run('cli/ask.ts', ['--json'], { input: '/sources\n/summary qwxzv\n' }).stdout);
    expect(out[0]).toMatchObject({ total: 2, hasMore: false });
    expect(out[1]).toMatchObject({ found: false, total: 0, hasMore: false });
  });
});
