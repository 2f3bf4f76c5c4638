/**
 * A hostile page added while people ask: 10 /quote's sent during an /add of a 9 KB page nested 800
 * deep are all acknowledged within Discord's 3 seconds (extraction runs in a worker thread, under
 * limits), and the admin is told which limit refused the page.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { addSource } from '../../src/ingest/add.js';
import { loadLiveCore } from '../../src/live.js';
import { nestedPage } from '../ingest/pages.js';
import { send, startServer, type FixtureServer } from '../ingest/server.js';
import { startHarness, type Harness } from './harness.js';
import { IDS, slash } from './payloads.js';

vi.setConfig({ testTimeout: 30_000 });

let dir: string;
let h: Harness;
let srv: FixtureServer;

beforeAll(async () => {
  srv = await startServer({ '/deep': send('text/html', nestedPage(800)) });
  dir = await mkdtemp(join(tmpdir(), 'verbatim-e2e-hostile-'));
  await cp(fileURLToPath(new URL('../../knowledge', import.meta.url)), dir, { recursive: true });
  const { core } = await loadLiveCore(dir, { cacheDir: null });
  h = await startHarness(core, { add: (input) => addSource(input, { knowledgeDir: dir, fetch: { allowPrivate: true } }) });
}, 30_000);
afterAll(async () => {
  await h?.close();
  await srv?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('acknowledges 10 /quote sent during the /add of a page nested 800 deep within 3 s, and refuses the page naming the limit', async () => {
  const from = h.standin.calls.length;
  const add = slash('add', [{ name: 'url', value: `${srv.origin}/deep` }], { permissions: '32' });
  h.standin.dispatch('INTERACTION_CREATE', add);
  const quotes = Array.from({ length: 10 }, () => {
    const p = slash('quote', [
      { name: 'speaker', value: 'stoltenberg' },
      { name: 'topic', value: 'china' },
    ]);
    const sent = performance.now();
    h.standin.dispatch('INTERACTION_CREATE', p);
    return { p, sent };
  });
  for (const { p, sent } of quotes) {
    const ack = await h.next((c) => c.path === `/interactions/${p.id}/${p.token}/callback`, from);
    expect(ack.at - sent).toBeLessThan(3000);
  }
  const edit = await h.next((c) => c.method === 'PATCH' && c.path === `/webhooks/${IDS.app}/${add.token}/messages/@original`, from);
  expect(edit.body.content).toMatch(
    /^Refused http:\/\/127\.0\.0\.1:\d+\/deep: the page is nested more than 256 elements deep \(the DOM depth limit\)/,
  );
});
