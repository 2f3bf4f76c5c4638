import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCore } from '../src/load-core.js';
import { FIXTURES, KNOWLEDGE } from './helpers.js';

describe('persisted index', () => {
  const root = mkdtempSync(join(tmpdir(), 'verbatim-snap-'));
  const knowledge = join(root, 'knowledge');
  const cache = join(root, 'cache');
  cpSync(KNOWLEDGE, knowledge, { recursive: true });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is built once, then loaded, with the same answers', async () => {
    const first = await loadCore(knowledge, { cacheDir: cache });
    expect(first.cache).toBe('built');
    const second = await loadCore(knowledge, { cacheDir: cache });
    expect(second.cache).toBe('hit');
    for (const q of ['/quote stoltenberg china', '/summary spy ring', 'has NATO commented on battlegroups', '/quote stoltenbreg nucler']) {
      expect(second.core.ask(q)).toEqual(first.core.ask(q));
    }
  });

  it('is rebuilt when a knowledge file is added or changed, and only the newest is kept', async () => {
    cpSync(join(FIXTURES, 'good', 'two-speakers.md'), join(knowledge, 'two-speakers.md'));
    const changed = await loadCore(knowledge, { cacheDir: cache });
    expect(changed.cache).toBe('built');
    expect(changed.core.ask('/quote berg science').citations[0]?.speaker).toBe('Tomas Berg');
    expect(readdirSync(cache).filter((f) => f.startsWith('kb-'))).toHaveLength(1);
  });

  it('keeps one snapshot per knowledge folder, so switching folders never forces a rebuild', async () => {
    const other = join(root, 'other');
    cpSync(join(FIXTURES, 'good'), other, { recursive: true });
    expect((await loadCore(other, { cacheDir: cache })).cache).toBe('built');
    expect((await loadCore(knowledge, { cacheDir: cache })).cache).toBe('hit');
    expect((await loadCore(other, { cacheDir: cache })).cache).toBe('hit');
    expect(readdirSync(cache).filter((f) => f.startsWith('kb-'))).toHaveLength(2);
    rmSync(other, { recursive: true, force: true });
  });

  it('a corrupt snapshot only costs a rebuild', async () => {
    const key = (await import('node:crypto')).createHash('sha256').update(knowledge).digest('hex').slice(0, 12);
    const [name] = readdirSync(cache).filter((f) => f.startsWith(`kb-${key}-`));
    writeFileSync(join(cache, name!), 'not a snapshot');
    const again = await loadCore(knowledge, { cacheDir: cache });
    expect(again.cache).toBe('built');
    expect(again.core.ask('/quote stoltenberg moldova').found).toBe(true);
  });
});
