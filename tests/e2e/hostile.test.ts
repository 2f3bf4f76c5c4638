/**
 * A hostile source added while people ask: 10 /quote's sent during an /add of a 9 KB page nested
 * 800 deep, or of a 9 MB text that is one paragraph packed with quotations, are all acknowledged
 * within Discord's 3 seconds (extraction and the parse of an oversized paragraph run in a worker
 * thread, under limits), and the admin is told which limit refused the source.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { addSource } from '../../src/ingest/add.js';
import { LOAD_LIMITS } from '../../src/knowledge/limits.js';
import { loadLiveCore } from '../../src/live.js';
import { nestedPage } from '../ingest/pages.js';
import { send, startServer, type FixtureServer } from '../ingest/server.js';
import { startHarness, type Harness } from './harness.js';
import { IDS, slash } from './payloads.js';

vi.setConfig({ testTimeout: 30_000 });

/** 9 MB, one paragraph of attributed quotations: finding them would hold a thread for hours. */
function packedText(): string {
  const quote = (i: number) => `“We will hold line ${i} of the harbour wall,” said Maria Lindqvist.`;
  const body = Array.from({ length: Math.floor((9 * 1024 * 1024) / 72) }, (_, i) => quote(i)).join(' ');
  const text = `---\ntitle: Harbour report\ndate: 2023-05-02\n---\n${body}\n`;
  // Just under the 10 MB a fetch may bring (the curly quotes take 3 bytes each).
  if (Buffer.byteLength(text) > 10 * 1024 * 1024 || Buffer.byteLength(text) < 9 * 1024 * 1024)
    throw new Error(`not 9 MB: ${Buffer.byteLength(text)}`);
  return text;
}

let dir: string;
let h: Harness;
let srv: FixtureServer;

beforeAll(async () => {
  srv = await startServer({ '/deep': send('text/html', nestedPage(800)), '/packed.txt': send('text/plain; charset=utf-8', packedText()) });
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

/** Dispatches an /add of `path` and 10 /quote's; each /quote is acknowledged within 3 s; resolves with what the /add answered. */
async function addDuringQuotes(path: string): Promise<string> {
  const from = h.standin.calls.length;
  const add = slash('add', [{ name: 'url', value: `${srv.origin}${path}` }], { permissions: '32' });
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
  const edit = await h.standin.waitForCall(
    (c) => c.method === 'PATCH' && c.path === `/webhooks/${IDS.app}/${add.token}/messages/@original`,
    from,
    20_000,
  );
  return String(edit.body.content);
}

it('acknowledges 10 /quote sent during the /add of a page nested 800 deep within 3 s, and refuses the page naming the limit', async () => {
  expect(await addDuringQuotes('/deep')).toMatch(
    /^Refused http:\/\/127\.0\.0\.1:\d+\/deep: the page is nested more than 256 elements deep \(the DOM depth limit\)/,
  );
});

it('acknowledges 10 /quote sent during the /add of a 9 MB quote-packed paragraph within 3 s, and refuses it naming the time limit', async () => {
  // The default is 15 s; the limit is the same, only reached sooner.
  LOAD_LIMITS.workerTimeMs = 4000;
  try {
    expect(await addDuringQuotes('/packed.txt')).toMatch(
      /^Refused http:\/\/127\.0\.0\.1:\d+\/packed\.txt: parsing it took longer than 4 s \(the time limit\)/,
    );
  } finally {
    LOAD_LIMITS.workerTimeMs = 15_000;
  }
});
