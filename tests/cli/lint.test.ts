/** lint:knowledge messages a newcomer can act on. */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FIXTURES } from '../helpers.js';
import { folder, run } from './run.js';

// Each test spawns real commands; on a loaded 2-core machine one can take far longer than usual.
vi.setConfig({ testTimeout: 120_000 });

const SAID = 'The minister said "we will act now on this" to the press today.\n';

describe('lint:knowledge', () => {
  it('calls "31 February 2021" an impossible date, not a missing one', () => {
    const r = run('cli/lint-knowledge.ts', [folder({ 'speech.txt': `Big Speech\n\nLONDON, 31 February 2021 — ${SAID}` })]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^knowledge problem: speech\.txt: impossible date "31 February 2021" \(no such day\)/m);
    expect(r.stdout).not.toMatch(/no date found/);
  });

  it('warns about a date in the future without failing', () => {
    const r = run('cli/lint-knowledge.ts', [
      folder({ 'later.md': `---\ndate: 2999-01-01\n---\nLater\n\n${SAID}`, 'year.md': `---\ndate: 2999\n---\nYear\n\n${SAID}` }),
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^knowledge warning: later\.md: date 2999-01-01 is in the future \(today is \d{4}-\d{2}-\d{2}\)$/m);
    expect(r.stdout).toMatch(/^knowledge warning: year\.md: date 2999 is in the future/m);
    expect(r.stdout).toMatch(/2 files, 2 articles, 0 problems, 4 warnings$/m);
  });

  it("gives a YAML error as one file:line, without the parser's own position or a trailing colon", () => {
    const r = run('cli/lint-knowledge.ts', [join(FIXTURES, 'bad')]);
    const line = r.stdout.split('\n').find((l) => l.includes('broken-front-matter.md'))!;
    expect(line).toMatch(/^knowledge problem: broken-front-matter\.md:3: front matter is not valid YAML: .*[^:\s]$/);
    expect(line).not.toMatch(/at line \d+, column/);
  });

  it('does not count README.md as a source, and says "1 file", not "1 files"', () => {
    const r = run('cli/lint-knowledge.ts', [
      folder({ 'README.md': '# about this folder\n', 'one.md': `---\ndate: 2021-03-01\n---\nOne\n\n${SAID}` }),
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/: 1 file, 1 article, 0 problems, 1 warning$/m);
  });

  it('exits 2 for a folder that does not exist', () => {
    const r = run('cli/lint-knowledge.ts', ['/no/such/dir']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the knowledge folder \/no\/such\/dir does not exist/);
  });
});
