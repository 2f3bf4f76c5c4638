/**
 * The live core over any KnowledgeSource: a change notified while a reload is running (after it
 * read the store) is followed by one more reload, never dropped until the next change.
 */
import { expect, it } from 'vitest';
import { parseKnowledgeBytes, type FileStat } from '../../src/knowledge/load.js';
import { loadLiveCore } from '../../src/live.js';
import type { KnowledgeSource } from '../../src/store/types.js';

const article = (who: string, words: string) =>
  Buffer.from(`---\ntitle: ${who}\ndate: 2024-01-0${(words.length % 9) + 1}\n---\n“${words},” said ${who}.\n`);

it('reloads again when a change arrives during a reload', async () => {
  const files = new Map<string, Buffer>([['a.md', article('Ann Lee', 'The first words')]]);
  let version = 1;
  let gate: Promise<void> = Promise.resolve();
  let notify: () => void = () => undefined;
  const source: KnowledgeSource = {
    label: 'fake',
    identity: 'fake',
    noun: 'the fake store',
    async stat() {
      const now: FileStat[] = [...files].map(([path, b]) => ({ path, size: b.length, mtimeMs: version }));
      await gate; // the store was read; the reload goes on later
      return now;
    },
    read: (f) => parseKnowledgeBytes(f, files.get(f.path) ?? Buffer.alloc(0)),
    snapshotKey: async () => String(version),
    watch(onChange) {
      notify = onChange;
      return () => undefined;
    },
    health: () => ({ store: 'folder', state: 'ok' }),
  };
  const { core } = await loadLiveCore('unused', { source, cacheDir: null });
  const reloads: string[][] = [];
  core.watch((r) => reloads.push(r.added));

  let open!: () => void;
  gate = new Promise((r) => (open = r));
  files.set('b.md', article('Bo Ek', 'The second words'));
  version++;
  notify(); // reload 1 reads b.md, then waits at the gate
  files.set('c.md', article('Cy Ma', 'The third words'));
  version++;
  notify(); // during reload 1: must cause reload 2
  notify();
  gate = Promise.resolve();
  open();
  await expect.poll(() => core.ask('/quote ma third').found, { timeout: 3000 }).toBe(true);
  expect(reloads).toEqual([['b.md'], ['c.md']]);
});
