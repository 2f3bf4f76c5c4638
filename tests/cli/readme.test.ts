/**
 * The README's commands and the commands' own help agree: every option the README uses exists, every
 * option a command has is documented (in the README, or in a page of docs/ that goes deeper).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASK_USAGE, LINT_USAGE, START_USAGE } from '../../src/cli/usage.js';
import { registerUsage } from '../../src/discord/register.js';
import { ROOT } from './run.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const DOCS = [
  README,
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => readFileSync(join(ROOT, 'docs', f), 'utf8')),
].join('\n');
const flagsOf = (text: string) => new Set(text.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? []);
const USAGES: Record<string, string> = {
  ask: ASK_USAGE,
  start: START_USAGE,
  'start:prod': START_USAGE,
  'lint:knowledge': LINT_USAGE,
  register: registerUsage(),
};

/** Every `npm …` command written in the README (code lines and inline code), with the script it runs. */
function readmeCommands(): Array<{ script: string; line: string }> {
  const out: Array<{ script: string; line: string }> = [];
  const snippets = [...README.split('\n'), ...[...README.matchAll(/`([^`]*npm [^`]*)`/g)].map((m) => m[1]!.replace(/\s+/g, ' '))];
  for (const text of snippets) {
    const m = /npm (?:run (?:--silent )?([\w:]+)|(start))\b(.*)$/.exec(text.replace(/#.*$/, ''));
    const script = m?.[1] ?? m?.[2];
    if (script && USAGES[script]) out.push({ script, line: m![3] ?? '' });
  }
  return out;
}

describe('README and --help agree', () => {
  it('every option the README passes to a command is one its usage lists', () => {
    const commands = readmeCommands();
    expect(commands.length).toBeGreaterThan(8);
    for (const { script, line } of commands) {
      for (const flag of flagsOf(line.split(' -- ').slice(1).join(' -- ') || (line.startsWith(' --') ? line : ''))) {
        if (flag === '--silent') continue;
        expect(flagsOf(USAGES[script]!), `${script}: README uses ${flag}`).toContain(flag);
      }
    }
  });

  it('every option of every command is documented in the README or docs/', () => {
    for (const [script, usage] of Object.entries(USAGES)) {
      for (const flag of flagsOf(usage)) {
        if (flag === '--help' || flag === '--silent') continue;
        expect(DOCS, `${script} ${flag}`).toContain(flag);
      }
    }
    expect(README).toMatch(/Every command has `--help`/);
  });
});
