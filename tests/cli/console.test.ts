/** The console as a newcomer meets it: live like the bot, and its own words (quit, exit, clear, help) do what they say. */
import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FIXTURES } from '../helpers.js';
import { reloadLine } from '../../src/cli/console.js';
import { cleanEnv, folder, ROOT, run, TSX } from './run.js';

// Each test spawns real commands; on a loaded 2-core machine one can take far longer than usual.
vi.setConfig({ testTimeout: 120_000 });

/** Resolves once `out()` matches, polling; rejects after `ms`. */
async function until(out: () => string, re: RegExp, ms = 40_000): Promise<void> {
  const end = Date.now() + ms;
  while (!re.test(out())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${re} in:\n${out()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the console follows the knowledge folder', () => {
  it('picks up an added, a changed and a removed file, each announced in one line', async () => {
    const dir = folder({});
    copyFileSync(join(FIXTURES, 'good', 'speech.md'), join(dir, 'speech.md'));
    const child = spawn(TSX, [join(ROOT, 'src', 'main.ts'), '--knowledge', dir], { cwd: ROOT, env: cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    child.stderr.on('data', (d) => {
      out += String(d);
    });
    try {
      await until(() => out, /running locally .*1 source,/);
      copyFileSync(join(FIXTURES, 'good', 'two-speakers.md'), join(dir, 'two-speakers.md'));
      await until(() => out, /^Knowledge folder changed: added two-speakers\.md\. Now answering from 2 sources\.$/m);
      child.stdin.write('/quote lindqvist quota\n');
      await until(() => out, /empties our harbours/);
      writeFileSync(join(dir, 'speech.md'), readFileSync(join(dir, 'speech.md'), 'utf8').replace('northern pier', 'southern pier'));
      await until(() => out, /^Knowledge folder changed: changed speech\.md\. Now answering from 2 sources\.$/m);
      rmSync(join(dir, 'two-speakers.md'));
      await until(() => out, /^Knowledge folder changed: removed two-speakers\.md\. Now answering from 1 source\.$/m);
      child.stdin.end('/summary pier\n');
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(0);
      expect(out).toMatch(/southern pier/);
    } finally {
      child.kill();
    }
  }, 150_000);
});

describe('console words', () => {
  it('"quit" and "exit" end the session; "help" answers with the help; "more" before any question says so', () => {
    for (const word of ['quit', 'exit']) {
      const r = run('main.ts', [], { input: `help\nmore\n${word}\n/sources\n` });
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/\/quote <speaker> \[topic\]/);
      expect(r.stdout).toMatch(/Nothing to show more of yet/);
      expect(r.stdout).not.toMatch(/^2 sources$/m);
    }
  });

  it('"clear" is a console word, never a question', () => {
    const r = run('main.ts', [], { input: 'clear\n' });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/Nothing in the sources matches|Best passages/);
  });
});

describe('the Context view in the console', () => {
  it('"context N" shows the whole paragraph of result N, paged at sentence ends when long; "more" reads on', () => {
    const sentences = Array.from(
      { length: 400 },
      (_, i) => `Sentence ${i} of the harbour report${i % 7 ? '' : ', with a longer clause about the northern pier'}.`,
    ).join(' ');
    const dir = folder({ 'long.md': `---\ntitle: Long Report\ndate: 2021-05-01\n---\nLong Report\n\n${sentences}\n` });
    const r = run('main.ts', ['--knowledge', dir], { input: 'northern pier harbour\ncontext 1\nmore\ncontext 7\ncontext abc\n' });
    expect(r.status).toBe(0);
    const pages = r.stdout.split('Context (the whole paragraph, verbatim), characters ').slice(1);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]).toMatch(/^1–\d+ of [\d,]+: “Long Report”, 1 May 2021/);
    expect(pages[0]).toMatch(/\. …\n\nThe paragraph goes on \(type "more"\)\./);
    expect(pages[1]).toMatch(/^\d+–\d+ of [\d,]+: [^\n]*\n\n… Sentence \d+ /);
    // Every page is a slice of the paragraph, cut after a sentence.
    for (const page of pages) {
      const body = page.split('\n\n')[1]!.replace(/^… /, '').replace(/ …$/, '');
      expect(sentences).toContain(body);
      expect(body.length).toBeLessThanOrEqual(3000);
    }
    expect(r.stdout).toMatch(/There is no result 7 on the last page/);
    // A mistyped command is said to be one, not searched as a question.
    expect(r.stdout).toMatch(/"context" takes the number of a result shown in \[brackets\], e\.g\. "context 2"; “abc” is not one\./);
    expect(r.stdout).not.toMatch(/matches “context abc”/);
  });
});

describe('the reload line', () => {
  const report = {
    added: ['a.md'],
    changed: [],
    removed: [],
    keptLastGood: [],
    problems: [{ file: 'b.md', line: 3, reason: 'impossible date' }],
    sources: 3,
    ms: 5,
  };
  it("points a folder's problems to the linter", () => {
    expect(reloadLine(report)).toBe(
      'Knowledge folder changed: added a.md. Now answering from 3 sources. 1 problem: npm run lint:knowledge lists it.',
    );
  });
  it("names the database's problems itself: the linter reads folders, not rows", () => {
    const line = reloadLine(report, 'database');
    expect(line).toBe('Knowledge in the database changed: added a.md. Now answering from 3 sources. 1 problem: b.md:3: impossible date.');
    expect(line).not.toMatch(/folder|lint:knowledge/);
  });
});
