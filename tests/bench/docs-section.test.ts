/** docs/benchmarks.md's figures are written by `npm run bench -- --write-docs`, one step's block at a time. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENCH_STEPS, writeSections } from '../../bench/docs-section.js';
import { ROOT } from '../cli/run.js';

const run = (step: string, output: string) => ({ step, command: `tsx bench/${step}.ts`, conditions: 'run 2026-12-07 07:40 UTC on test', output });

describe('the generated benchmark section', () => {
  it("replaces one step's block and leaves the text around it and the other steps' blocks as they were", () => {
    const first = writeSections('# Benchmarks\n\nHand-written intro.\n', [run('verify', 'p99 9 ms'), run('load', 'rss 170 MB')]);
    expect(first).toMatch(/^# Benchmarks\n\nHand-written intro\.\n\n<!-- bench:verify:begin/);
    const second = writeSections(`${first}\nA closing line.\n`, [run('verify', 'p99 7 ms\x1b[K\r')]);
    expect(second).toContain('p99 7 ms');
    expect(second).not.toContain('p99 9 ms');
    expect(second).not.toContain('\x1b');
    expect(second).toContain('rss 170 MB');
    expect(second).toMatch(/A closing line\.\n$/);
    expect(second.match(/bench:verify:begin/g)).toHaveLength(1);
  });

  it('docs/benchmarks.md has a block for every step npm run bench runs, each saying where it comes from', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'benchmarks.md'), 'utf8');
    const steps = Object.keys(BENCH_STEPS);
    expect(steps.length).toBeGreaterThan(3);
    for (const step of steps) {
      const block = new RegExp(`<!-- bench:${step}:begin[^>]*-->\\n\\n([\\s\\S]*?)\\n\\n<!-- bench:${step}:end -->`).exec(doc);
      expect(block, step).not.toBeNull();
      expect(block![1]).toMatch(/^`tsx bench\/[\w-]+\.ts[^`]*`: /);
    }
  });
});
