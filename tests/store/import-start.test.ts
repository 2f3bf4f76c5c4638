/**
 * `npm run knowledge -- import DIR` started while the database cannot be reached (through a TCP
 * proxy that refuses connections; the real server, shared with other tests, is never touched):
 * it says it is waiting and why, imports everything once the database answers, and, when it never
 * does within DATABASE_CONNECT_SECONDS, reports that in one clear line and exits 1, with no stack.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres.js';
import { cleanEnv, folder, ROOT, TSX } from '../cli/run.js';
import { startFaultProxy, type FaultProxy } from '../fault-proxy.js';
import { DATABASE_URL, dropSchema, schemaName } from './db.js';

vi.setConfig({ testTimeout: 90_000 });

const schema = schemaName('import_start');
const dir = folder({
  'harbour.txt': '---\ntitle: Harbour report\ndate: 2023-05-02\n---\n“The basin is safe again,” said Maria Lindqvist.\n',
  'wall.txt': '---\ntitle: Wall report\ndate: 2023-05-03\n---\n“The wall holds,” said Maria Lindqvist.\n',
});

/** Runs the knowledge command; `stderr` grows as it runs (for "is it waiting yet?"). */
function knowledge(args: string[], env: Record<string, string>) {
  const child = spawn(TSX, [join(ROOT, 'src', 'cli', 'knowledge.ts'), ...args], { cwd: ROOT, env: cleanEnv(env) });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => {
    out.stdout += String(d);
  });
  child.stderr.on('data', (d: Buffer) => {
    out.stderr += String(d);
  });
  const done = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { out, done };
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!inject('services').postgres)('knowledge import while the database is unreachable at start', () => {
  let proxy: FaultProxy;
  beforeAll(async () => {
    proxy = await startFaultProxy(DATABASE_URL, 5432);
  });
  afterAll(async () => {
    await proxy?.close();
    await dropSchema(schema);
  });

  it('waits, saying why, and imports every file once the database answers', async () => {
    proxy.down();
    const run = knowledge(['import', dir], { DATABASE_URL: proxy.url, DATABASE_SCHEMA: schema, DATABASE_CONNECT_SECONDS: '60' });
    await until(() => /the database is unreachable \(.+\); trying again in [\d.]+ s \(for up to 60 s\)/.test(run.out.stderr), 30_000);
    proxy.up();
    expect(await run.done).toBe(0);
    expect(run.out.stdout).toMatch(/^import .*: 2 written, 0 unchanged, 0 failed$/m);
    const store = await openPostgresStore({ url: DATABASE_URL, schema });
    try {
      expect((await store.list()).map((f) => f.name).sort()).toEqual(['harbour.txt', 'wall.txt']);
    } finally {
      await store.close();
    }
  });

  it('gives up after DATABASE_CONNECT_SECONDS with one clear line and exit 1, no stack', async () => {
    proxy.down();
    try {
      const run = knowledge(['import', dir], { DATABASE_URL: proxy.url, DATABASE_SCHEMA: schema, DATABASE_CONNECT_SECONDS: '2' });
      expect(await run.done).toBe(1);
      expect(run.out.stderr).toMatch(
        /^knowledge: nothing done \(import\): the database at 127\.0\.0\.1:\d+\/\w+ is unreachable \(.+\); tried for \d s\. Check DATABASE_URL and that PostgreSQL is running, then run the same command again\.$/m,
      );
      expect(run.out.stderr).not.toMatch(/\n\s+at /);
      expect(run.out.stdout).toBe('');
    } finally {
      proxy.up();
    }
  });
});
