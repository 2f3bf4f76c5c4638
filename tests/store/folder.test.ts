/**
 * The folder store (the default) through the same interface ingest will use, and the JSONL
 * split/join that makes the database round trip byte-identical (fast-check).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { folderStore } from '../../src/store/folder.js';
import { joinCollection, parseRows, splitCollection } from '../../src/store/records.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verbatim-folder-store-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('puts, lists, gets and removes files atomically; the same bytes are no change', async () => {
  const store = folderStore(dir);
  const bytes = Buffer.from('---\ntitle: A\ndate: 2024-01-02\n---\n“Yes,” said Ann Lee.\n');
  const before = await store.counter();
  expect(await store.put(bytes, 'news/a.md', { addedBy: 'discord:1' })).toMatchObject({ name: 'news/a.md', changed: true });
  expect(await store.counter()).not.toBe(before);
  expect((await store.put(bytes, 'news/a.md')).changed).toBe(false);
  expect(await readFile(join(dir, 'news/a.md'))).toEqual(bytes);
  expect((await store.list()).map((f) => f.name)).toEqual(['news/a.md']);
  expect(await store.get('news/a.md')).toEqual(bytes);
  const [stat] = await store.stat();
  expect((await store.read(stat!)).articles.map((a) => a.title)).toEqual(['A']);
  expect(await store.remove('news/a.md')).toBe(true);
  expect(await store.remove('news/a.md')).toBe(false);
  expect(await store.get('news/a.md')).toBeNull();
});

it('refuses names that could escape the folder or hide from the loader', async () => {
  const store = folderStore(dir);
  for (const name of ['../x.md', '/etc/x.md', 'a/../../x.md', '.hidden.md', 'a/.git/x', 'a//b.md', 'C:\\x.md', 'a\u0000.md', '']) {
    await expect(store.put(Buffer.from('x'), name), name).rejects.toThrow(/file name/);
  }
});

it('splits a JSONL collection into rows and joins it back byte for byte, whatever the bytes', () => {
  const chunk = fc.oneof(fc.constantFrom('\n', '\r\n', '  ', '{"a":1}', '\n\n'), fc.uint8Array({ maxLength: 12 }));
  fc.assert(
    fc.property(fc.array(chunk, { maxLength: 12 }), (parts) => {
      const bytes = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
      const { lines, rows } = splitCollection(bytes);
      expect(rows.every((r) => r.bytes.length > 0 && !r.bytes.includes(0x0a))).toBe(true);
      expect(joinCollection(lines, rows)).toEqual(bytes);
    }),
    { numRuns: 1000 },
  );
});

it('a corrupt record is a problem of its line; the records around it load', async () => {
  const good = (id: string) =>
    Buffer.from(`{"id":"${id}","title":"T ${id}","speaker":"Ada Lovelace","date":"1843","date_precision":"year","text":"Words ${id}."}`);
  const load = await parseRows({ path: 'x.jsonl', size: 0, mtimeMs: 1 }, true, [
    { line: 1, bytes: good('a') },
    { line: 2, bytes: Buffer.from([0xc3, 0x28]) },
    { line: 3, bytes: Buffer.from('{"id":"d","title":"D","date":"2021-02-29","text":"x"}') },
    { line: 5, bytes: good('b') },
  ]);
  expect(load.articles.map((a) => a.id)).toEqual(['a', 'b']);
  expect(load.problems.map((p) => p.line)).toEqual([2, 3]);
});
