/**
 * The first ten minutes: every command explains itself (--help), refuses unknown flags, and fails
 * loudly with the right exit code on a knowledge folder it cannot answer from.
 */
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { cleanEnv, folder, ROOT, run, TSX } from './run.js';

// Each test spawns real commands; on a loaded 2-core machine one can take far longer than usual.
vi.setConfig({ testTimeout: 120_000 });

const QUERY = '/quote stoltenberg china';
const binary = folder({ 'a.txt': Buffer.from([0, 1, 2, 0]) });
const unusable: Array<[string, string, RegExp]> = [
  ['a missing folder', '/no/such/dir', /the knowledge folder \/no\/such\/dir does not exist/],
  ['a file', join(ROOT, 'knowledge', 'README.md'), /README\.md is a file, not a folder/],
  ['an empty folder', folder({}), /is empty: add \.txt, \.md, \.html, \.pdf or \.jsonl sources/],
  ['a folder with only its README', folder({ 'README.md': '# about\n' }), /is empty/],
  ['a folder with no loadable source', binary, /no loadable source in .*: its one file has problems/],
];

describe('a knowledge folder nothing can be answered from', () => {
  for (const [what, dir, message] of unusable) {
    it(`ask exits 2 with one clear line for ${what}, printing no answer`, () => {
      const r = run('cli/ask.ts', ['--knowledge', dir, QUERY]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    });
  }

  it('the console refuses to start, for a missing folder and one with no loadable source', () => {
    for (const dir of ['/no/such/dir', binary]) {
      const r = run('main.ts', ['--knowledge', dir], { input: `${QUERY}\n` });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^verbatim will not start: /m);
      expect(r.stdout).not.toMatch(/running locally/);
    }
  });

  it('the bot refuses to start on an empty folder before logging in', () => {
    const r = run('main.ts', ['--discord'], { env: { DISCORD_TOKEN: 'x'.repeat(30), KNOWLEDGE_DIR: folder({}) } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/verbatim will not start: the knowledge folder .* is empty/);
  });
});

describe('--help and unknown flags', () => {
  const commands: Array<[string, string]> = [
    ['main.ts', 'usage: npm start'],
    ['cli/ask.ts', 'usage: npm run --silent ask'],
    ['cli/lint-knowledge.ts', 'usage: npm run lint:knowledge'],
    ['discord/register.ts', 'usage: npm run register'],
  ];
  for (const [file, usage] of commands) {
    it(`${file}: --help prints the usage and exits 0; an unknown flag is a usage error (exit 2)`, () => {
      const help = run(file, ['--help']);
      expect(help.status).toBe(0);
      expect(help.stdout.startsWith(usage)).toBe(true);
      const bad = run(file, ['--no-such-flag']);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/unknown option --no-such-flag/);
      expect(bad.stderr).toContain(usage);
      expect(bad.stdout).toBe('');
    });
  }

  it('ask on a terminal with no query and nothing piped prints the usage instead of waiting in silence', () => {
    const r = spawnSync('script', ['-qec', `${TSX} src/cli/ask.ts`, '/dev/null'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: cleanEnv() });
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/no query given and nothing piped in/);
    expect(r.stdout).toContain('usage: npm run --silent ask');
  });

  it('a reader that closes the pipe early (… | head -1) ends the command quietly, exit 0', () => {
    const r = spawnSync('bash', ['-c', `{ ${TSX} src/cli/ask.ts "/quote stoltenberg" | head -1; echo "status=\${PIPESTATUS[0]}"; } 2>&1`], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: cleanEnv(),
    });
    expect(r.stdout).toMatch(/^Jens Stoltenberg: 10 direct quotes\nstatus=0\n$/);
  });

  it('ask --offset takes a whole number', () => {
    const r = run('cli/ask.ts', ['--offset', 'five', QUERY]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--offset takes a whole number/);
  });

  it('npm run register without a token says so in one sentence: no JSON log line, no stack', () => {
    const r = run('discord/register.ts', []);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^npm run register: DISCORD_TOKEN and DISCORD_CLIENT_ID are not set; set them in the environment or in \.env/);
    expect(r.stderr + r.stdout).not.toMatch(/[{}]|\bat \S+:\d+/);
  });
});
