import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function run(script: string, args: string[], input?: string) {
  return spawnSync(TSX, [join(ROOT, 'src', 'cli', script), ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
}

describe('ask (the scriptable face)', () => {
  it('--json answers one query per stdin line with one JSON object per line', () => {
    const r = run('ask.ts', ['--json'], '/quote stoltenberg georgia\n/summary qwxzv\n\nwhat did stoltenberg say about the baltic?\n');
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => l.command)).toEqual(['quote', 'summary', 'search', 'quote']);
    expect(lines.map((l) => l.found)).toEqual([true, false, false, true]);
    const cite = lines[0].citations[0];
    expect(Object.keys(cite)).toEqual(expect.arrayContaining(['kind', 'speaker', 'excerpt', 'sourceId', 'title', 'publisher', 'date', 'alsoIn']));
    expect(lines[0].citations.map((c: { date: string }) => c.date).sort()).toEqual(['2021-03-22', '2021-03-24']);
    expect(lines[3].citations[0].excerpt).toContain('From the Baltic to the Black Sea');
  });

  it('--json --claimreview prints a /verify answer as a schema.org ClaimReview, other answers as usual; without --json it is a usage error', () => {
    const r = run('ask.ts', ['--json', '--claimreview'], 'did Stoltenberg say "regard China as an adversary"?\n/quote stoltenberg georgia\n');
    expect(r.status).toBe(0);
    const [review, quote] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(review).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: 'regard China as an adversary',
      itemReviewed: { '@type': 'Claim', author: { name: 'Jens Stoltenberg' }, datePublished: '2021-03-24' },
      reviewRating: { '@type': 'Rating', alternateName: 'Verbatim words, cut (out of context)' },
    });
    expect(quote).toMatchObject({ command: 'quote', found: true });
    expect(run('ask.ts', ['--claimreview', 'who said "we still see violent oppression"?']).status).toBe(2);
  });

  it('answers a query given as an argument, in the same words the console prints', () => {
    const r = run('ask.ts', ['/quote', 'stoltenberg', 'moldova']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Republic of Moldova');
    expect(r.stdout).toContain(
      '— Jens Stoltenberg, “NATO Allies Meet To Discuss Deterrence of RUSSIA’s Increased “Aggressive Behaviour””, DIPLOMATIC TIMES, 24 March 2021 (2021-03-24)',
    );
  });

  it('loads another folder with --knowledge and prints its problems to stderr without failing', () => {
    const r = run('ask.ts', ['--json', '--knowledge', join(FIXTURES, 'bad'), 'engine']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/records\.jsonl:2: not valid JSON/);
    const answer = JSON.parse(r.stdout.trim());
    expect(answer.citations[0]).toMatchObject({ date: '1843', speaker: 'Ada Lovelace' });
  });

  it('exits 2 on a usage error', () => {
    expect(run('ask.ts', ['--no-such-flag']).status).toBe(2);
  });

  it('lint:knowledge exits 1 and lists problems for a bad folder, 0 for the seeds', () => {
    const bad = run('lint-knowledge.ts', [join(FIXTURES, 'bad')]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/impossible-date\.md: front matter: impossible date/);
    const good = run('lint-knowledge.ts', [join(ROOT, 'knowledge')]);
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/2 articles, 0 problems/);
  });
});

describe('the local console', () => {
  it('says it runs locally, answers each piped line, pages with "more" and exits at EOF', () => {
    const r = spawnSync(TSX, [join(ROOT, 'src', 'main.ts')], {
      cwd: ROOT,
      input: '/quote stoltenberg russia\nmore\n',
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, DISCORD_TOKEN: '' },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/running locally/);
    expect(r.stdout).toMatch(/\[1\] /);
    expect(r.stdout).toMatch(/\[6\] /);
  });

  it('answers from another folder with --knowledge, listing its problems on stderr', () => {
    const r = spawnSync(TSX, [join(ROOT, 'src', 'main.ts'), '--knowledge', join(FIXTURES, 'bad')], {
      cwd: ROOT,
      input: '/quote lovelace engine\n',
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, DISCORD_TOKEN: '' },
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/impossible-date\.md/);
    expect(r.stdout).toMatch(/Ada Lovelace.*1843/);
  });
});
