/**
 * One write path with provenance (issue 25): `npm run add` with DATABASE_URL writes through the
 * database (with its notification, so a running core sees it), says "Added" only once committed
 * and "Queued" while the database is unreachable; the `.source.yaml` provenance goes into the
 * database and comes back out on export byte for byte; a source added with `--date` answers the
 * same from the folder and from the database.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadLiveCore } from '../../src/live.js';
import { loadCore } from '../../src/load-core.js';
import { renderText } from '../../src/render/text.js';
import { exportFolder, importFolder } from '../../src/store/move.js';
import { OUTBOX_FOLDER } from '../../src/store/outbox.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres.js';
import { ROOT, TSX } from '../cli/run.js';
import { newsPage } from '../ingest/pages.js';
import { send, startServer, type FixtureServer } from '../ingest/server.js';
import { DATABASE_URL, dropSchema, schemaName } from './db.js';

const schema = schemaName('provenance');

/** A page with no date of its own: only `--date` dates it. */
const FERRY = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ferry | Strait Post</title></head><body>
<h1>Ferry service resumes across the strait</h1>
<p>The ferry company restarted its crossings after a long winter pause.</p>
<p>“We are glad to be sailing again,” said Petra Voss, the ferry captain.</p>
<p>“Passengers have waited long enough,” Voss said.</p>
</body></html>`;

/** `npm run add`, asynchronously (the fixture server in this process keeps answering). */
function add(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      [join(ROOT, 'src', 'cli', 'add.ts'), ...args],
      { cwd: ROOT, env: { ...process.env, VERBATIM_CACHE_DIR: 'off', VERBATIM_ALLOW_PRIVATE_URLS: '1', ...env }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function tree(dir: string, under = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(join(dir, under), { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const rel = under ? `${under}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, await tree(dir, rel));
    else out[rel] = (await readFile(join(dir, rel))).toString('base64');
  }
  return out;
}

/** A port nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe.skipIf(!inject('services').postgres)('provenance through the database', () => {
  let root: string;
  let srv: FixtureServer;
  let store: PostgresStore;
  const db = { DATABASE_URL, DATABASE_SCHEMA: schema };
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'verbatim-provenance-'));
    srv = await startServer({ '/news': send('text/html', newsPage()) });
    store = await openPostgresStore({ url: DATABASE_URL, schema });
  });
  afterAll(async () => {
    await store?.close();
    await srv?.close();
    await dropSchema(schema);
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('npm run add with DATABASE_URL writes to the database (a running core sees it), and --date answers the same from the folder and the database', async () => {
    const kb = join(root, 'kb');
    await mkdir(kb);
    await writeFile(join(kb, 'note.md'), '---\ntitle: Harbour note\ndate: 2024-01-02\n---\n“The cranes are back,” said Maria Lindqvist.\n');
    const page = join(root, 'ferry.html');
    await writeFile(page, FERRY);
    // A bot already running on the database: it must see the new source without a restart.
    await importFolder(store, kb, 'seed');
    const { core: live } = await loadLiveCore('unused', { source: store, cacheDir: null });
    const stop = live.watch(() => undefined);
    try {
      expect(live.ask('/quote voss').found).toBe(false);
      const r = await add(['--knowledge', kb, '--date', '2024-04-05', page, `${srv.origin}/news`], db);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Added added\/ferry\.html\n {2}title: Ferry service resumes across the strait\n {2}date: 2024-04-05\n/);
      expect(r.stdout).toMatch(/\nAdded added\/127-0-0-1-news-[0-9a-f]{8}\.html\n/);
      await expect.poll(() => live.ask('/quote voss').found, { timeout: 10_000 }).toBe(true);
    } finally {
      stop();
    }
    // Both sources and their provenance, recorded as added by the command.
    const files = await store.list();
    const ferry = files.find((f) => f.name === 'added/ferry.html')!;
    const news = files.find((f) => /^added\/127-0-0-1-news-[0-9a-f]{8}\.html$/.test(f.name))!;
    expect(ferry.provenance.addedBy).toBe('cli:add');
    expect(files.map((f) => f.name)).toContain('added/ferry.html.source.yaml');
    expect(news.provenance).toMatchObject({ url: `${srv.origin}/news`, addedBy: 'cli:add' });
    const sidecar = await readFile(join(kb, `${news.name}.source.yaml`), 'utf8');
    expect(news.provenance.retrieved).toBe(new Date(/retrieved: (\S+)/.exec(sidecar)![1]!).toISOString());
    const { rows } = await store.pool.query("SELECT meta FROM sources WHERE file = 'added/ferry.html'");
    expect(rows[0].meta).toMatchObject({ title: 'Ferry service resumes across the strait', date: '2024-04-05', dateFrom: 'given' });

    // The same question, the same answer, whichever store it is read from.
    const fromFolder = (await loadCore(kb, { cacheDir: null, progress: null })).core;
    const fromDb = (await loadCore('unused', { source: store, cacheDir: null, progress: null })).core;
    for (const q of ['/quote voss', '/quote voss passengers', '/quote stoltenberg', '/quote lindqvist']) {
      const a = fromFolder.ask(q);
      expect(a.found, q).toBe(true);
      expect(renderText(fromDb.ask(q)), q).toBe(renderText(a));
      expect(renderText(fromDb.ask(q), undefined, 'apa'), q).toBe(renderText(a, undefined, 'apa'));
    }
    expect(renderText(fromDb.ask('/quote voss'))).toMatch(/Petra Voss, “Ferry service resumes across the strait”, 5 April 2024/);
  });

  it('a folder with provenance → import → export is the same folder, byte for byte', async () => {
    const src = join(root, 'with-provenance');
    await cp(join(root, 'kb'), src, { recursive: true, filter: (p) => !p.includes(OUTBOX_FOLDER) });
    // A sidecar written by hand: a title, a publisher and a date the page does not carry.
    await writeFile(join(src, 'added', 'statement.txt'), '“The ministry will act,” said Elena Rossi.\n');
    await writeFile(
      join(src, 'added', 'statement.txt.source.yaml'),
      'url: https://example.org/statement\nretrieved: 2024-06-03T09:00:00Z\ndate: 2024-06-03\ntitle: Statement on ferries\npublisher: Ministry of Transport\n',
    );
    const other = await openPostgresStore({ url: DATABASE_URL, schema: `${schema}_rt` });
    try {
      const imported = await importFolder(other, src, 'cli:import');
      expect(imported.failed).toEqual([]);
      const out = join(root, 'exported');
      expect((await exportFolder(other, out)).failed).toEqual([]);
      expect(await tree(out)).toEqual(await tree(src));
      expect(Object.keys(await tree(out)).filter((n) => n.endsWith('.source.yaml'))).toHaveLength(3);
      // The provenance is the database's too, not only bytes in a file.
      const statement = (await other.list()).find((f) => f.name === 'added/statement.txt')!;
      expect(statement.provenance).toEqual({ url: 'https://example.org/statement', retrieved: '2024-06-03T09:00:00.000Z', addedBy: 'cli:import' });
      const { rows } = await other.pool.query("SELECT meta FROM sources WHERE file = 'added/statement.txt'");
      expect(rows[0].meta).toMatchObject({ title: 'Statement on ferries', date: '2024-06-03', publisher: 'Ministry of Transport' });
      const { core } = await loadCore('unused', { source: other, cacheDir: null, progress: null });
      expect(renderText(core.ask('/quote rossi'))).toMatch(/Elena Rossi, “Statement on ferries”, Ministry of Transport, 3 June 2024/);
    } finally {
      await other.close();
      await dropSchema(`${schema}_rt`);
    }
  });

  it('with the database unreachable, npm run add says Queued (exit 3), and the next run writes it', async () => {
    const kb = join(root, 'kb');
    const page = join(root, 'ferry-update.html');
    await writeFile(page, FERRY.replace('long enough', 'long enough, truly'));
    const down = await add(['--knowledge', kb, '--date', '2024-04-06', page], {
      ...db,
      DATABASE_URL: `postgres://127.0.0.1:${await closedPort()}/test`,
    });
    expect(down.code).toBe(3);
    expect(down.stdout).toMatch(
      /^Queued added\/ferry-update\.html: the database is unreachable \(.*ECONNREFUSED.*\); it will be added when it returns\n/,
    );
    expect(down.stdout).toMatch(/1 queued in .*\.outbox: a bot started on this knowledge folder, or the next npm run add, writes it to the database/);
    expect((await store.list()).map((f) => f.name)).not.toContain('added/ferry-update.html');

    const next = await add(['--knowledge', kb, join(root, 'missing.html')], db);
    expect(next.stdout).toMatch(/^1 source queued earlier written to the database\n/);
    expect(next.code).toBe(1); // the missing file is refused; the queued source is written all the same
    expect((await store.list()).map((f) => f.name)).toEqual(
      expect.arrayContaining(['added/ferry-update.html', 'added/ferry-update.html.source.yaml']),
    );
    const { core } = await loadCore('unused', { source: store, cacheDir: null, progress: null });
    expect(renderText(core.ask('/quote voss truly'))).toMatch(/long enough, truly.*\n.*6 April 2024/);
  });
});
