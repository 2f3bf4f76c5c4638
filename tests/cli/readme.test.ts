/**
 * The README and docs/ agree with the commands: every option the docs use exists, every option a
 * command has is documented, every output the README shows is what the command prints today, and
 * every link leads somewhere.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADD_USAGE, ASK_USAGE, KNOWLEDGE_USAGE, LINT_USAGE, START_USAGE } from '../../src/cli/usage.js';
import { registerUsage } from '../../src/discord/register.js';
import { cleanEnv, ROOT, TSX } from './run.js';

const DOCS = ['README.md', 'CONTRIBUTING.md', ...readdirSync(join(ROOT, 'docs')).map((f) => `docs/${f}`)].filter((f) => f.endsWith('.md'));
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const README = read('README.md');
const ALL = DOCS.map(read).join('\n');
const flagsOf = (text: string) => new Set(text.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? []);
const USAGES: Record<string, string> = {
  ask: ASK_USAGE,
  start: START_USAGE,
  'start:prod': START_USAGE,
  'lint:knowledge': LINT_USAGE,
  register: registerUsage(),
  add: ADD_USAGE,
  knowledge: KNOWLEDGE_USAGE,
};

/** Every `npm …` command written in the docs (code lines and inline code), with the script it runs. */
function documentedCommands(): Array<{ script: string; line: string }> {
  const out: Array<{ script: string; line: string }> = [];
  const snippets = [...ALL.split('\n'), ...[...ALL.matchAll(/`([^`]*npm [^`]*)`/g)].map((m) => m[1]!.replace(/\s+/g, ' '))];
  for (const text of snippets) {
    const m = /npm (?:run (?:--silent )?([\w:]+)|(start))\b(.*)$/.exec(text.replace(/#.*$/, ''));
    const script = m?.[1] ?? m?.[2];
    if (script && USAGES[script]) out.push({ script, line: m![3] ?? '' });
  }
  return out;
}

describe('the docs and --help agree', () => {
  it('every option the docs pass to a command is one its usage lists', () => {
    const commands = documentedCommands();
    expect(commands.length).toBeGreaterThan(15);
    for (const { script, line } of commands) {
      for (const flag of flagsOf(line.split(' -- ').slice(1).join(' -- ') || (line.startsWith(' --') ? line : ''))) {
        if (flag === '--silent') continue;
        expect(flagsOf(USAGES[script]!), `${script}: the docs use ${flag}`).toContain(flag);
      }
    }
  });

  it('every option of every command is documented, and the README says each has --help', () => {
    for (const [script, usage] of Object.entries(USAGES)) {
      for (const flag of flagsOf(usage)) {
        if (flag === '--help' || flag === '--silent') continue;
        expect(ALL, `${script} ${flag}`).toContain(flag);
      }
    }
    expect(README).toMatch(/Every command has `--help`/);
  });
});

describe('the README', () => {
  it('is read in five minutes, and names the test command CI runs', () => {
    expect(README.split('\n').length).toBeLessThanOrEqual(200);
    const ci = read('.ci/run');
    expect(ci).toMatch(/^npm test$/m);
    expect(README).toMatch(/^npm test\s+#/m);
    expect(README).toMatch(/^npm install && npm start\s+#/m);
  });

  it('shows outputs that the commands print today, word for word', () => {
    // Each example: a one-line `ask` in a sh block, its output in the text block right after it.
    const examples = [...README.matchAll(/```sh\nnpm run --silent ask -- (?:"([^"\n]+)"|'([^'\n]+)')\n```\n```text\n([\s\S]*?)\n```/g)].map((m) => ({
      query: m[1] ?? m[2]!,
      shown: m[3]!,
    }));
    expect(examples.length).toBeGreaterThanOrEqual(4);
    const r = spawnSync(TSX, [join(ROOT, 'src', 'cli', 'ask.ts'), '--json'], {
      cwd: ROOT,
      input: `${examples.map((e) => e.query).join('\n')}\n`,
      encoding: 'utf8',
      timeout: 60_000,
      env: cleanEnv(),
    });
    expect(r.status).toBe(0);
    const answers = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { text: string; hasMore: boolean });
    expect(answers).toHaveLength(examples.length);
    examples.forEach((e, i) => {
      expect(answers[i]!.hasMore, e.query).toBe(false);
      expect(answers[i]!.text, e.query).toBe(e.shown);
    });
  });
});

describe('docs/', () => {
  it('every relative link of every page leads to a file', () => {
    for (const file of DOCS) {
      for (const m of read(file).matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        const target = m[1]!;
        if (/^[a-z]+:/.test(target)) continue;
        expect(existsSync(resolve(ROOT, dirname(file), target)), `${file} → ${target}`).toBe(true);
      }
    }
  });

  it('the index names every page of docs/', () => {
    const index = read('docs/README.md');
    for (const page of readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md') && f !== 'README.md'))
      expect(index.includes(`](${page})`) || index.includes(`\`${page}\``), page).toBe(true);
  });

  it('carry no issue numbers or development history', () => {
    for (const file of DOCS) expect(read(file), file).not.toMatch(/\bissues? #?\d+|\(issue \d+|this round|last round|previous round/i);
  });
});
