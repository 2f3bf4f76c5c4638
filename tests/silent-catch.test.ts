/**
 * Nothing in src/ fails silently: a `catch` that drops its error (an empty catch block, or a
 * `.catch` handler that ignores its argument) must say on that line or just above why nothing is
 * lost (an absent file read as "none", a body being thrown away, a failure already reported);
 * every other catch logs, rethrows or returns the error as a value. The failures issue 23 found
 * swallowed are logged.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Catches that drop their error, with their line numbers. */
function silentCatches(text: string): number[] {
  const lines: number[] = [];
  const at = (index: number) => text.slice(0, index).split('\n').length;
  // catch {} / catch (err) {} with nothing but comments inside.
  for (const m of text.matchAll(/catch\s*(\([^)]*\))?\s*\{((?:\s*\/\/[^\n]*\n|\s*\/\*[\s\S]*?\*\/)*)\s*\}/g)) lines.push(at(m.index));
  // .catch(() => …): the error is not even looked at.
  for (const m of text.matchAll(/\.catch\(\s*\(\)\s*=>/g)) lines.push(at(m.index));
  return lines;
}

/** A comment on the line, the two above, or (inside a catch block) the one below. */
const explained = (lines: string[], n: number) =>
  [lines[n - 1], lines[n - 2], lines[n - 3], lines[n]].some((l) => l !== undefined && /\/\/|\/\*|^\s*\*/.test(l));

it('every catch in src/ that drops its error says why nothing is lost', () => {
  const unexplained: string[] = [];
  let seen = 0;
  for (const file of sources(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    for (const n of silentCatches(text)) {
      seen++;
      if (!explained(lines, n)) unexplained.push(`${relative(ROOT, file)}:${n}: ${lines[n - 1]!.trim()}`);
    }
  }
  expect(seen).toBeGreaterThan(10);
  expect(unexplained.join('\n')).toBe('');
});

it('finds a silent catch, and takes a comment as its explanation', () => {
  expect(silentCatches('try { x(); } catch {}\nfoo().catch(() => undefined);\ntry { y(); } catch (err) { log.warn({ err }); }')).toEqual([1, 2]);
  const text = 'a();\n// the file may be absent: none\nconst b = await readFile(p).catch(() => null);';
  expect(explained(text.split('\n'), silentCatches(text)[0]!)).toBe(true);
  expect(explained(['x();', 'y();', 'z().catch(() => undefined);', 'w();'], 3)).toBe(false);
});

it('logs the failures issue 23 found swallowed: a reload, a store catch-up, an autocomplete reply, a reload after feed items', () => {
  const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
  expect(read('src/store/follow.ts')).toMatch(/catchUp\('periodic check'\)\.catch\(\(err[^)]*\) =>\s*o\.log\?\.warn/);
  expect(read('src/discord/router.ts')).toMatch(/i\.respond\(\[\]\)\.catch\(\(e[^)]*\) => ctx\.log\./);
  expect(read('src/ingest/feeds.ts')).toMatch(/onAdded\(\)\)\.catch\(\(err[^)]*\) => options\.log\.warn/);
});
