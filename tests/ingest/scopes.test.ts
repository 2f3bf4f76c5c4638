/**
 * Where an addition goes (docs/scopes.md): a server's own folder, names unique per server; the
 * global sources are never changed from a server; an operator's server adds to them.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addSource } from '../../src/ingest/add.js';
import { pressReleasePage } from './pages.js';
import { send, startServer, type FixtureServer } from './server.js';

const A = '1100000000000000002';
const B = '1100000000000000777';
const statement = (who: string) =>
  new TextEncoder().encode(`---\ntitle: Statement\ndate: 2023-06-01\n---\n“The ferry runs at night,” said ${who}, the ferry operator.\n`);

let dir: string;
let srv: FixtureServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verbatim-add-scopes-'));
  srv = await startServer({ '/press/harbour': send('text/html', pressReleasePage()) });
});
afterAll(async () => {
  await srv?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const fetch = { allowPrivate: true };

it('keeps uploads of the same name from two servers apart, each with who added it', async () => {
  const inA = await addSource(
    { kind: 'file', name: 'statement.md', bytes: statement('Tomas Berg') },
    { knowledgeDir: dir, by: { user: '41', server: A } },
  );
  const inB = await addSource(
    { kind: 'file', name: 'statement.md', bytes: statement('Anna Berg') },
    { knowledgeDir: dir, by: { user: '42', server: B } },
  );
  expect(inA).toMatchObject({ ok: true, action: 'added', file: `added/${A}/statement.md` });
  expect(inB).toMatchObject({ ok: true, action: 'added', file: `added/${B}/statement.md` });
  expect(await readFile(join(dir, 'added', A, 'statement.md'), 'utf8')).toContain('Tomas Berg');
  expect(await readFile(join(dir, 'added', B, 'statement.md.source.yaml'), 'utf8')).toMatch(new RegExp(`server: "${B}"\\n\\s+user: "42"`));
});

it('adds to the global sources from an operator server, and then refuses to change them from another server', async () => {
  const url = `${srv.origin}/press/harbour`;
  const operator = await addSource({ kind: 'url', url }, { knowledgeDir: dir, fetch, by: { user: '40', server: A, global: true } });
  expect(operator).toMatchObject({ ok: true, action: 'added', file: expect.stringMatching(/^added\/127-0-0-1-harbour-[0-9a-f]{8}\.html$/) });
  const before = await readFile(join(dir, `${(operator as { file: string }).file}.source.yaml`), 'utf8');
  expect(before).toMatch(new RegExp(`server: "${A}"\\n\\s+user: "40"`));
  const fromB = await addSource({ kind: 'url', url }, { knowledgeDir: dir, fetch, by: { user: '42', server: B } });
  expect(fromB).toEqual({ ok: false, input: url, reason: 'it is already one of the global sources, answered in every server (nothing changed)' });
  expect(await readFile(join(dir, `${(operator as { file: string }).file}.source.yaml`), 'utf8')).toBe(before);
});

it('two moderators uploading different files of the same name keep both; a re-upload by the same moderator, or the same bytes, updates', async () => {
  const S = '1100000000000000888';
  const first = await addSource(
    { kind: 'file', name: 'notes.md', bytes: statement('Tomas Berg') },
    { knowledgeDir: dir, by: { user: '51', server: S } },
  );
  const other = await addSource(
    { kind: 'file', name: 'notes.md', bytes: statement('Anna Berg') },
    { knowledgeDir: dir, by: { user: '52', server: S } },
  );
  expect(first).toMatchObject({ ok: true, action: 'added', file: `added/${S}/notes.md` });
  expect(other).toMatchObject({ ok: true, action: 'added', file: expect.stringMatching(new RegExp(`^added/${S}/notes-[0-9a-f]{8}\\.md$`)) });
  expect(await readFile(join(dir, 'added', S, 'notes.md'), 'utf8')).toContain('Tomas Berg');
  expect(await readFile(join(dir, (other as { file: string }).file), 'utf8')).toContain('Anna Berg');

  // The first moderator's corrected version replaces their own file.
  const fixed = await addSource(
    { kind: 'file', name: 'notes.md', bytes: statement('Tomas Berge') },
    { knowledgeDir: dir, by: { user: '51', server: S } },
  );
  expect(fixed).toMatchObject({ ok: true, action: 'updated', file: `added/${S}/notes.md` });
  // A third uploads exactly the second's file: the same source, both recorded as adding it.
  const again = await addSource(
    { kind: 'file', name: 'notes.md', bytes: statement('Anna Berg') },
    { knowledgeDir: dir, by: { user: '53', server: S } },
  );
  expect(again).toMatchObject({ ok: true, action: 'updated', file: (other as { file: string }).file });
  expect(await readFile(join(dir, 'added', S, 'notes.md'), 'utf8')).toContain('Tomas Berge');
});
