/** Choosing the store: the folder by default; PostgreSQL seeded once from the folder; retries at start. */
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { openStore } from '../../src/store/open.js';
import { DATABASE_URL, dropSchema, schemaName } from './db.js';

const KNOWLEDGE = fileURLToPath(new URL('../../knowledge', import.meta.url));

function capture() {
  const lines: string[] = [];
  return { lines, log: createLogger({ level: 'info', format: 'json', destination: { write: (s: string) => void lines.push(s) } }) };
}

it('is the folder when no database is configured', async () => {
  const store = await openStore({ database: undefined, knowledgeDir: KNOWLEDGE });
  expect(store.kind).toBe('folder');
  expect((await store.list()).map((f) => f.name)).toContain('README.md');
});

it('retries an unreachable database at start for the time given, then gives up naming it and why', async () => {
  const { lines, log } = capture();
  const retries: number[] = [];
  await expect(
    openStore({
      database: { url: 'postgres://someone:secret@127.0.0.1:1/none', schema: 'verbatim' },
      knowledgeDir: KNOWLEDGE,
      log,
      connectForMs: 2000,
      onRetry: (r) => retries.push(r.retryMs),
    }),
  ).rejects.toThrow(/^the database at 127\.0\.0\.1:1\/none is unreachable \(connect ECONNREFUSED 127\.0\.0\.1:1\); tried for \d s$/);
  // 0.5 s, then 1 s: a third wait (2 s) would pass the 2 s given.
  expect(retries).toEqual([500, 1000]);
  expect(lines.filter((l) => l.includes('database unreachable at start; retrying'))).toHaveLength(2);
  expect(lines.join('\n')).not.toMatch(/secret/);
});

it('fails at once on an error waiting cannot fix (not a connection refused or lost)', async () => {
  const started = Date.now();
  await expect(
    openStore({ database: { url: 'postgres://127.0.0.1:5432/test', schema: 'Not-A-Schema' }, knowledgeDir: KNOWLEDGE, connectForMs: 10_000 }),
  ).rejects.toThrow(/DATABASE_SCHEMA/);
  expect(Date.now() - started).toBeLessThan(5000);
});

describe.skipIf(!inject('services').postgres)('with PostgreSQL', () => {
  const schema = schemaName('open');
  afterAll(() => dropSchema(schema));

  it('seeds an empty database from the folder once; a database emptied later stays empty', async () => {
    const first = await openStore({ database: { url: DATABASE_URL, schema }, knowledgeDir: KNOWLEDGE });
    try {
      expect((await first.list()).map((f) => f.name).sort()).toEqual([
        '000_3b84f6373ba0600d.txt',
        '003_6af9d5b632cee811.txt',
        'README.md',
        'aliases.yaml',
      ]);
      expect((await first.list())[0]!.provenance.addedBy).toBe('seed');
      for (const f of await first.list()) await first.remove(f.name);
    } finally {
      await first.close();
    }
    const again = await openStore({ database: { url: DATABASE_URL, schema }, knowledgeDir: KNOWLEDGE });
    try {
      expect(await again.list()).toEqual([]);
    } finally {
      await again.close();
    }
  });
});
