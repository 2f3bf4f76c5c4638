/**
 * /add from Discord's side: an admin adds a URL (and an uploaded file) and /quote then finds a
 * quotation from it; a member without Manage Server is refused privately and nothing changes.
 * Pages and uploads are served by a fixture server on 127.0.0.1.
 */
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { NOT_ADMIN_ADD, ONE_OF } from '../../src/discord/commands/add.js';
import { addSource } from '../../src/ingest/add.js';
import { loadLiveCore } from '../../src/live.js';
import { pressReleasePage } from '../ingest/pages.js';
import { send, startServer, type FixtureServer } from '../ingest/server.js';
import { startHarness, type Harness } from './harness.js';
import { IDS, slash, snowflake } from './payloads.js';
import { EPHEMERAL, visibleText } from './util.js';

vi.setConfig({ testTimeout: 20_000 });

const ADMIN = { permissions: '32' }; // Manage Server
const STATEMENT =
  '---\ntitle: Statement on the ferry timetable\ndate: 2023-06-01\npublisher: Harbour Authority\n---\n“The night ferry will run every hour from Monday,” said Tomas Berg, the ferry operator.\n';
let dir: string;
let h: Harness;
let srv: FixtureServer;

beforeAll(async () => {
  srv = await startServer({
    '/press/harbour': send('text/html', pressReleasePage()),
    '/attachments/1/statement.md': send('application/octet-stream', STATEMENT),
  });
  dir = await mkdtemp(join(tmpdir(), 'verbatim-e2e-add-'));
  await cp(fileURLToPath(new URL('../../knowledge', import.meta.url)), dir, { recursive: true });
  const { core } = await loadLiveCore(dir, { cacheDir: null });
  h = await startHarness(core, { add: (input) => addSource(input, { knowledgeDir: dir, fetch: { allowPrivate: true } }) });
}, 30_000);
afterAll(async () => {
  await h?.close();
  await srv?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Sends /add and resolves with the deferred reply's final text. */
async function addAs(payload: ReturnType<typeof slash>) {
  const from = h.standin.calls.length;
  // Every /add is acknowledged privately first; its report (or refusal) edits that reply.
  const shown = await h.answer(payload);
  const edit = await h.next((c) => c.method === 'PATCH' && c.path === `/webhooks/${IDS.app}/${payload.token}/messages/@original`, from);
  return { ack: shown.ack, shown, text: shown.body.data.content as string, edit };
}

it('refuses a member without Manage Server, privately, and changes nothing', async () => {
  const before = await readdir(dir);
  const { shown, text } = await addAs(slash('add', [{ name: 'url', value: `${srv.origin}/press/harbour` }], { permissions: '2048' }));
  expect(shown.body.type).toBe(4);
  expect(shown.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
  expect(text).toBe(NOT_ADMIN_ADD);
  expect(await readdir(dir)).toEqual(before);
  expect((await addAs(slash('add', [{ name: 'url', value: `${srv.origin}/x` }], { dm: true }))).text).toBe(NOT_ADMIN_ADD);
});

it('lets an admin add a URL privately; /quote then finds a quotation from it', async () => {
  const { ack, text, edit } = await addAs(slash('add', [{ name: 'url', value: `${srv.origin}/press/harbour` }], ADMIN));
  expect(ack.body.type).toBe(5);
  expect(ack.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
  expect(text).toMatch(
    /^Added added\/127-0-0-1-harbour-[0-9a-f]{8}\\?\.html\n {2}title: Harbour reopens to shipping after storm repairs\n {2}date: 2023-05-02/,
  );
  expect(text).toMatch(/2 quotations; speakers: Maria Lindqvist/);
  expect(edit?.body.allowed_mentions).toEqual({ parse: [], replied_user: false });

  const quote = await h.answer(
    slash('quote', [
      { name: 'speaker', value: 'lindqvist' },
      { name: 'topic', value: 'basin' },
    ]),
  );
  const shown = visibleText(quote.body.data);
  expect(shown).toContain('The basin is safe again');
  expect(shown).toMatch(/2023/);
});

it('lets an admin add an uploaded file, and asks for exactly one of url and file', async () => {
  const p = slash('add', [], ADMIN);
  const id = snowflake();
  Object.assign(p.data, {
    options: [{ name: 'file', type: 11, value: id }],
    resolved: {
      attachments: {
        [id]: {
          id,
          filename: 'statement.md',
          size: STATEMENT.length,
          url: `${srv.origin}/attachments/1/statement.md`,
          proxy_url: `${srv.origin}/attachments/1/statement.md`,
          content_type: 'text/markdown',
        },
      },
    },
  });
  const { text } = await addAs(p);
  expect(text).toMatch(/^Added added\/statement\\?\.md\n {2}title: Statement on the ferry timetable/);
  const quote = await h.answer(
    slash('quote', [
      { name: 'speaker', value: 'berg' },
      { name: 'topic', value: 'ferry' },
    ]),
  );
  expect(visibleText(quote.body.data)).toContain('The night ferry will run every hour from Monday');

  expect((await addAs(slash('add', [], ADMIN))).text).toBe(ONE_OF);
});

it('tells an admin why a URL was refused', async () => {
  const { text } = await addAs(slash('add', [{ name: 'url', value: `${srv.origin}/missing` }], ADMIN));
  expect(text).toMatch(/^Refused http:\/\/127\.0\.0\.1:\d+\/missing: 127\.0\.0\.1:\d+ answered 404/);
});
