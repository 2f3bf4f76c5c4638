/** One persisted index for both builds: `npm start` (tsx, src/) and `npm run start:prod` (dist/) compute the same key. */
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeKey } from '../src/snapshot.js';

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'verbatim-key-'));
  for (const [dir, ext, text] of [
    ['src', 'ts', 'export const a: number = 1;'],
    ['dist', 'js', 'export const a = 1;'],
  ] as const) {
    for (const folder of ['knowledge', 'search']) {
      mkdirSync(join(root, dir, folder), { recursive: true });
      writeFileSync(join(root, dir, folder, `a.${ext}`), `${folder} ${text}`);
      if (ext === 'js') writeFileSync(join(root, dir, folder, 'a.d.ts'), 'declarations');
    }
  }
  return root;
}

describe('the snapshot key', () => {
  it('is the same for the TypeScript sources and a current build of them', async () => {
    const root = project();
    const old = new Date(Date.now() - 60_000);
    for (const folder of ['knowledge', 'search']) utimesSync(join(root, 'src', folder, 'a.ts'), old, old);
    expect(await codeKey(join(root, 'dist'))).toBe(await codeKey(join(root, 'src')));
  });

  it('changes with the parsing code, and a stale build (a source newer than its output) keeps its own', async () => {
    const root = project();
    const before = await codeKey(join(root, 'src'));
    const future = new Date(Date.now() + 60_000);
    writeFileSync(join(root, 'src', 'search', 'a.ts'), 'search export const a: number = 2;');
    utimesSync(join(root, 'src', 'search', 'a.ts'), future, future);
    const after = await codeKey(join(root, 'src'));
    expect(after).not.toBe(before);
    const stale = await codeKey(join(root, 'dist'));
    expect([before, after]).not.toContain(stale);
  });
});
