/** `npm run add`: exit 0 when every source was added or updated, 1 when any was refused, 2 on a usage error. */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newsPage, pressReleasePage } from '../ingest/pages.js';
import { send, startServer, type FixtureServer } from '../ingest/server.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** Asynchronous, so the fixture server in this process keeps answering while the CLI runs. */
function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      [join(ROOT, 'src', 'cli', 'add.ts'), ...args],
      { cwd: ROOT, env: { ...process.env, VERBATIM_ALLOW_PRIVATE_URLS: '', ...env }, timeout: 60_000 },
      (err, stdout, stderr) => {
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

let srv: FixtureServer;
let dir: string;
beforeAll(async () => {
  srv = await startServer({ '/news': send('text/html', newsPage()) });
  dir = await mkdtemp(join(tmpdir(), 'verbatim-cli-add-'));
});
afterAll(async () => {
  await srv?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('exits 2 on a usage error', async () => {
  const none = await run(['--knowledge', dir]);
  expect(none.code).toBe(2);
  expect(none.stderr).toMatch(/usage: npm run add/);
  const badDate = await run(['--knowledge', dir, '--date', '2021-02-30', 'x.html']);
  expect(badDate.code).toBe(2);
  expect(badDate.stderr).toMatch(/impossible date/);
}, 60_000);

it('adds a saved page file and shows what it found; refuses loopback URLs unless VERBATIM_ALLOW_PRIVATE_URLS=1', async () => {
  const page = join(dir, '..', `press-${process.pid}.html`);
  await writeFile(page, pressReleasePage());
  const r = await run(['--knowledge', dir, page, `${srv.origin}/news`]);
  await rm(page, { force: true });
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/^Added added\/press-\d+\.html\n {2}title: Harbour reopens to shipping after storm repairs\n {2}date: 2023-05-02\n/);
  expect(r.stdout).toMatch(/speakers: Maria Lindqvist/);
  expect(r.stdout).toMatch(/Refused http:\/\/127\.0\.0\.1:\d+\/news: refused 127\.0\.0\.1:\d+: 127\.0\.0\.1 is a loopback address/);
  // The refusal names the switch a developer needs, so nobody has to read the source to test locally.
  expect(r.stdout).toMatch(/loopback address \(only public addresses are fetched; VERBATIM_ALLOW_PRIVATE_URLS=1 allows them in development\)/);

  const ok = await run(['--knowledge', dir, `${srv.origin}/news`], { VERBATIM_ALLOW_PRIVATE_URLS: '1' });
  expect(ok.code).toBe(0);
  expect(ok.stdout).toMatch(/date: 2021-03-22 \(updated 2021-03-23\)/);
  expect((await readdir(join(dir, 'added'))).length).toBe(4);
}, 60_000);
