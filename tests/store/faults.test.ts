/**
 * The PostgreSQL store when the database goes away mid-write, through a TCP proxy the test cuts
 * (the real server, shared with other tests, is never restarted): a put cut half-way is retried
 * and lands whole, an import cut half-way writes every file, and a write during an outage longer
 * than the retry budget fails with "unreachable" instead of taking the process down.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importFolder } from '../../src/store/move.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres.js';
import { startFaultProxy, type FaultProxy } from '../fault-proxy.js';
import { DATABASE_URL, dropSchema, schemaName } from './db.js';

const schema = schemaName('faults');

/** A JSONL collection of `n` records, about 1 KB each. */
function collection(n: number, tag: string): Buffer {
  const lines = Array.from({ length: n }, (_, i) =>
    JSON.stringify({ id: `${tag}-${i}`, title: `Record ${i}`, date: '2023-05-02', text: `“Line ${i} of ${tag}.” ${'padding '.repeat(120)}` }),
  );
  return Buffer.from(`${lines.join('\n')}\n`);
}

describe.skipIf(!inject('services').postgres)('the PostgreSQL store under faults', () => {
  let proxy: FaultProxy;
  let store: PostgresStore;
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'verbatim-faults-'));
    proxy = await startFaultProxy(DATABASE_URL, 5432);
    store = await openPostgresStore({ url: proxy.url, schema, writeRetryMs: 3000 });
  });
  afterAll(async () => {
    await store?.close();
    await proxy?.close();
    await dropSchema(schema);
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('retries a put whose connection is cut mid-write; the bytes land whole', async () => {
    const bytes = collection(2000, 'cut');
    const cut = proxy.cutAfter(bytes.length / 3);
    const put = await store.put(bytes, 'big/cut.jsonl', { addedBy: 'test' });
    await cut; // the cut happened during the put
    expect(put.changed).toBe(true);
    expect(Buffer.compare(Buffer.from((await store.get('big/cut.jsonl'))!), bytes)).toBe(0);
    expect((await store.list()).find((f) => f.name === 'big/cut.jsonl')?.size).toBe(bytes.length);
  });

  it('imports every file of a folder although the connection is cut half-way', async () => {
    const dir = join(root, 'import');
    const files = Array.from({ length: 8 }, (_, i) => [`part-${i}.jsonl`, collection(150, `imp${i}`)] as const);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    for (const [name, bytes] of files) await writeFile(join(dir, name), bytes);
    const cut = proxy.cutAfter(files.reduce((n, [, b]) => n + b.length, 0) / 2);
    const report = await importFolder(store, dir, 'test');
    await cut;
    expect(report.failed).toEqual([]);
    expect([...report.written, ...report.unchanged].sort()).toEqual(files.map(([n]) => n).sort());
    for (const [name, bytes] of files) expect(Buffer.compare(Buffer.from((await store.get(name))!), bytes)).toBe(0);
  });

  it('says the database is unreachable when an outage outlasts the retries, and writes once it is back', async () => {
    proxy.down();
    const started = Date.now();
    await expect(store.put(Buffer.from('Said “x”.'), 'outage.txt')).rejects.toThrow(/the database is unreachable/);
    expect(Date.now() - started).toBeLessThan(6000);
    proxy.up();
    const put = await store.put(Buffer.from('---\ntitle: T\ndate: 2023-01-01\n---\n“Back,” said Ann Lee.\n'), 'outage.txt');
    expect(put.changed).toBe(true);
  });

  it('stops an import once the database stayed unreachable for a whole retry period, saying so, and the next import finishes it', async () => {
    const dir = join(root, 'outage');
    await mkdir(dir, { recursive: true });
    for (let i = 0; i < 4; i++) await writeFile(join(dir, `part-${i}.jsonl`), collection(5, `out${i}`));
    proxy.down();
    const report = await importFolder(store, dir, 'test').finally(() => proxy.up());
    expect(report.unreachable).toMatch(/^the database is unreachable \(/);
    expect(report.failed.map((f) => f.name)).toEqual(['part-0.jsonl', 'part-1.jsonl', 'part-2.jsonl', 'part-3.jsonl']);
    expect(report.failed.slice(1).every((f) => f.reason === `not tried: ${report.unreachable}`)).toBe(true);
    const again = await importFolder(store, dir, 'test');
    expect(again.failed).toEqual([]);
    expect(again.unreachable).toBeUndefined();
    expect(again.written.sort()).toEqual(['part-0.jsonl', 'part-1.jsonl', 'part-2.jsonl', 'part-3.jsonl']);
  });
});
