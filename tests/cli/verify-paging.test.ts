/**
 * `ask` pages the later sources repeating a /verify claim: the answer lists ten and says more are
 * available; "more" (piped) and `--offset` give the rest, the same way as every other answer.
 */
import { expect, it, vi } from 'vitest';
import { folder, run } from './run.js';

vi.setConfig({ testTimeout: 120_000 });

const WORDS = 'We will keep the harbour open to every ship that needs shelter.';
const lines = Array.from({ length: 14 }, (_, k) =>
  JSON.stringify({ id: `y${2001 + k}`, title: `Address ${2001 + k}`, speaker: 'Harriet Example', date: `${2001 + k}-05-04`, text: WORDS }),
);
const dir = folder({ 'addresses.jsonl': `${lines.join('\n')}\n` });
const QUESTION = `did Harriet Example say "${WORDS}"?`;
const years = (text: string) => [...text.matchAll(/^Also in: Harriet Example, “Address (\d{4})”/gm)].map((m) => Number(m[1]));

it('lists ten later sources, then the other three on "more", then none', () => {
  const r = run('cli/ask.ts', ['--knowledge', dir], { input: `${QUESTION}\nmore\nmore\n` });
  expect(r.status).toBe(0);
  const [first = '', second = '', third = ''] = r.stdout.split(/\n(?=Verbatim|Later sources|No more)/);
  expect(first).toMatch(/^First seen: Harriet Example, “Address 2001”/m);
  expect(years(first)).toEqual([2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011]);
  expect(first).toContain('3 more later sources on the next page.');
  expect(first).toMatch(/More results are available \(type "more"\)\./);
  expect(second).toMatch(/^Later sources repeating “We will keep the harbour open to every ship that needs shelter\.”, 11–13 of 13:/);
  expect(years(second)).toEqual([2012, 2013, 2014]);
  expect(second).not.toMatch(/More results are available/);
  expect(third).toMatch(/No more results for the last question/);
});

it('--offset 10 --json gives the next page with its appearances', () => {
  const r = run('cli/ask.ts', ['--knowledge', dir, '--json', '--offset', '10', QUESTION]);
  expect(r.status).toBe(0);
  const a = JSON.parse(r.stdout);
  expect(a).toMatchObject({ command: 'verify', found: true, hasMore: false, verdict: 'verbatim' });
  expect(a.firstSeen).toMatchObject({ sourceId: 'y2001' });
  expect(a.appearances.map((x: { sourceId: string }) => x.sourceId)).toEqual(['y2012', 'y2013', 'y2014']);
  expect(a.appearancesTotal).toBe(13);
});
