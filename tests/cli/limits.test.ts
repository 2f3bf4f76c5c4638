/**
 * The limits of loading are set in the environment (LIMIT_*, docs/reliability.md) and every face
 * applies them: a paragraph over LIMIT_PARAGRAPH_CHARS with no sentence end is refused naming that
 * limit by `ask`, the console and the knowledge linter alike; a bad value is refused by name.
 */
import { describe, expect, it, vi } from 'vitest';
import { folder, run } from './run.js';

vi.setConfig({ testTimeout: 120_000 });

const HEAD = '---\ntitle: Harbour report\ndate: 2023-05-02\npublisher: Harbour Authority\n---\n';
const dir = folder({
  'fine.txt': `${HEAD}“The basin is safe again,” said Maria Lindqvist, the harbour director.\n`,
  // 15,000 characters and no sentence end: under the default paragraph limit, over 10,000.
  'wall.txt': `${HEAD}${'harbour wall '.repeat(1154)}\n`,
});
const REFUSED = /wall\.txt: a paragraph of \d+ characters has no sentence end within 10000 characters \(the paragraph limit\)/;

describe('LIMIT_PARAGRAPH_CHARS', () => {
  it('is applied by ask, the console and lint:knowledge; unset, the paragraph loads', () => {
    const env = { LIMIT_PARAGRAPH_CHARS: '10000' };
    const ask = run('cli/ask.ts', ['--knowledge', dir, '/quote lindqvist basin'], { env });
    expect(ask.status).toBe(0);
    expect(ask.stderr).toMatch(REFUSED);
    expect(ask.stdout).toMatch(/The basin is safe again/);
    const consoleRun = run('main.ts', ['--knowledge', dir], { input: '/quote lindqvist basin\n', env });
    expect(consoleRun.stderr).toMatch(REFUSED);
    const lint = run('cli/lint-knowledge.ts', [dir], { env });
    expect(`${lint.stdout}${lint.stderr}`).toMatch(REFUSED);
    const unset = run('cli/ask.ts', ['--knowledge', dir, '/quote lindqvist basin']);
    expect(unset.stderr).not.toMatch(/paragraph limit/);
  });

  it('refuses a value that is not a whole number, naming the variable', () => {
    const r = run('cli/ask.ts', ['--knowledge', dir, '/quote lindqvist basin'], { env: { LIMIT_PARAGRAPH_CHARS: 'huge' } });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/LIMIT_PARAGRAPH_CHARS: /);
    expect(r.stdout).toBe('');
  });
});
