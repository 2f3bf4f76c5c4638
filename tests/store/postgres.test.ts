/**
 * The PostgreSQL store against a real server: migrations, export → import → export byte-identical
 * (a JSONL collection back as one file), a corrupt row reported without stopping the others, the
 * change counter and NOTIFY, and a core answering from the database.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadCore } from '../../src/load-core.js';
import { loadLiveCore } from '../../src/live.js';
import { migrate } from '../../src/store/migrate.js';
import { exportFolder, importFolder } from '../../src/store/move.js';
import { connectionConfig, openPostgresStore, type PostgresStore } from '../../src/store/postgres.js';
import { DATABASE_URL, dropSchema, schemaName, withClient } from './db.js';

const KNOWLEDGE = fileURLToPath(new URL('../../knowledge', import.meta.url));
const BAD = fileURLToPath(new URL('../fixtures/bad', import.meta.url));
const schema = schemaName('postgres');

async function tree(dir: string, under = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(join(dir, under), { withFileTypes: true })) {
    const rel = under ? `${under}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, await tree(dir, rel));
    else out[rel] = (await readFile(join(dir, rel))).toString('base64');
  }
  return out;
}

describe.skipIf(!inject('services').postgres)('PostgreSQL store', () => {
  let store: PostgresStore;
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'verbatim-store-'));
    store = await openPostgresStore({ url: DATABASE_URL, schema });
  });
  afterAll(async () => {
    await store?.close();
    await dropSchema(schema);
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('migrates once: a second run (another process starting) applies nothing', async () => {
    expect(await migrate(store.pool, schema)).toEqual([]);
    const { rows } = await store.pool.query('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows).toEqual([
      { version: 1, name: '001_sources.sql' },
      { version: 2, name: '002_scopes.sql' },
    ]);
  });

  it('export → import → export is byte-identical, a JSONL collection coming back as one file', async () => {
    const src = join(root, 'src');
    await cp(KNOWLEDGE, src, { recursive: true });
    // The awkward cases: CRLF, blank and whitespace-only lines, no final newline, a sub-folder, non-UTF-8 bytes.
    await writeFile(
      join(src, 'crlf.jsonl'),
      '{"id":"c1","title":"T","date":"2020-01-02","text":"Said “hello”."}\r\n\r\n   \n{"id":"c2","title":"U","date":"2020-01-03","text":"x"}',
    );
    await cp(join(BAD, 'records.jsonl'), join(src, 'nested', 'deeper', 'records.jsonl'));
    await writeFile(join(src, 'nested', 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const first = await importFolder(store, src);
    expect(first.failed).toEqual([]);
    expect(first.written.sort()).toEqual(Object.keys(await tree(src)).sort());
    // A JSONL collection is one file of the store, with one row per record.
    const { rows } = await store.pool.query<{ n: string }>("SELECT count(*)::text AS n FROM sources WHERE file = 'nested/deeper/records.jsonl'");
    expect(rows[0]!.n).toBe('5');

    const out1 = join(root, 'out1');
    expect((await exportFolder(store, out1)).failed).toEqual([]);
    expect(await tree(out1)).toEqual(await tree(src));

    const again = await importFolder(store, out1);
    expect(again.written).toEqual([]); // the same bytes: nothing written, the counter unchanged
    const out2 = join(root, 'out2');
    await exportFolder(store, out2);
    expect(await tree(out2)).toEqual(await tree(src));
  });

  it('bumps the change counter and notifies on every write, not on a put of the same bytes', async () => {
    const listener = new pg.Client(connectionConfig(DATABASE_URL));
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(`${n.channel}:${n.payload}`));
    await listener.query(`LISTEN ${listener.escapeIdentifier(store.channel)}`);
    try {
      const before = Number(await store.counter());
      const put = await store.put(Buffer.from('---\ntitle: Note\ndate: 2024-02-03\n---\n“We will,” said Ann Lee.\n'), 'note.md', {
        addedBy: 'discord:1',
        url: 'https://example.org/n',
      });
      expect(put).toMatchObject({ name: 'note.md', changed: true, counter: String(before + 1) });
      expect((await store.put(Buffer.from('---\ntitle: Note\ndate: 2024-02-03\n---\n“We will,” said Ann Lee.\n'), 'note.md')).changed).toBe(false);
      expect(await store.remove('note.md')).toBe(true);
      expect(await store.remove('note.md')).toBe(false);
      expect(await store.counter()).toBe(String(before + 2));
      await expect.poll(() => heard).toEqual([`${store.channel}:${before + 1}`, `${store.channel}:${before + 2}`]);
      await expect(store.put(Buffer.from('x'), '../escape.txt')).rejects.toThrow(/"\.\."/);
    } finally {
      await listener.end();
    }
  });

  it('keeps provenance and the parsed metadata beside the bytes', async () => {
    await store.put(Buffer.from('---\ntitle: Kept\ndate: 2024-02-03\npublisher: Gazette\n---\nText.\n'), 'kept.md', {
      addedBy: 'discord:42',
      url: 'https://example.org/k',
      retrieved: '2024-02-04T10:00:00Z',
    });
    const file = (await store.list()).find((f) => f.name === 'kept.md')!;
    expect(file.provenance).toEqual({ addedBy: 'discord:42', url: 'https://example.org/k', retrieved: '2024-02-04T10:00:00.000Z' });
    const { rows } = await store.pool.query("SELECT meta FROM sources WHERE file = 'kept.md'");
    expect(rows[0].meta).toMatchObject({ title: 'Kept', date: '2024-02-03', publisher: 'Gazette' });
    await store.remove('kept.md');
  });

  it('a corrupt row (bad bytes, impossible date) is a reported problem; the other rows load', async () => {
    await store.put(
      Buffer.from(
        [
          '{"id":"r1","title":"Fine","speaker":"Ada Lovelace","date":"1843","date_precision":"year","text":"The engine weaves patterns."}',
          '{"id":"r2","title":"Also fine","speaker":"Charles Babbage","date":"1837-05-01","text":"The engine must store numbers."}',
          '{"id":"r3","title":"Third","speaker":"Ada Lovelace","date":"1844-01-01","text":"Imagination is the discovering faculty."}',
        ].join('\n'),
      ),
      'rows.jsonl',
    );
    await withClient(schema, async (c) => {
      await c.query("UPDATE sources SET bytes = '\\xff00fe'::bytea WHERE file = 'rows.jsonl' AND line = 2");
      await c.query("UPDATE sources SET bytes = convert_to($1, 'UTF8') WHERE file = 'rows.jsonl' AND line = 3", [
        '{"id":"r3","title":"Third","date":"1844-02-30","text":"x"}',
      ]);
    });
    const { core, problems } = await loadCore('unused', { source: store, cacheDir: null });
    expect(problems.filter((p) => p.file === 'rows.jsonl')).toEqual([
      { file: 'rows.jsonl', line: 2, reason: expect.stringMatching(/not UTF-8/) },
      { file: 'rows.jsonl', line: 3, reason: expect.stringMatching(/date|1844-02-30/i) },
    ]);
    expect(core.ask('/quote lovelace engine').text).toMatch(/weaves patterns/);
    expect(core.ask('/quote stoltenberg china').found).toBe(true); // the seeds imported above
    await store.remove('rows.jsonl');
  });

  it('a live core over the database reloads what another writer changed, and persists its index by counter', async () => {
    const cache = join(root, 'cache');
    const { core, cache: first } = await loadLiveCore('unused', { source: store, cacheDir: cache });
    expect(first).toBe('built');
    const other = await openPostgresStore({ url: DATABASE_URL, schema });
    const reloads: string[][] = [];
    const stop = core.watch((r) => reloads.push(r.added));
    try {
      await other.put(Buffer.from('---\ntitle: Dock news\ndate: 2024-03-01\n---\n“The cranes are back,” said Maria Lindqvist.\n'), 'dock.md');
      await expect.poll(() => core.ask('/quote lindqvist cranes').found, { timeout: 5000 }).toBe(true);
      expect(reloads).toContainEqual(['dock.md']);
      // A restart at the same counter loads the snapshot the reload saved.
      await expect.poll(async () => (await loadCore('unused', { source: store, cacheDir: cache })).cache, { timeout: 5000 }).toBe('hit');
    } finally {
      stop();
      await other.remove('dock.md');
      await other.close();
      await core.settled(); // no snapshot still writing into the folder removed after the tests
    }
  });
});
